"""The writer's small cascade: what it computes beyond the themes (which the chromium test proves
equal to the browser, see test_reading_fonts.py): counters, markers, weights, shorthands, importance."""

from __future__ import annotations

import pytest

from bookmaker.fonts.faces import EPUB_FACES, MONO, SANS, SANS_BOLD, SERIF
from bookmaker.writers.epub_cascade import characters_by_face, counter_text, matching_face
from bookmaker.writers.epub_styles import split_conditional

SERIF_CSS = 'body { font-family: "Noto Serif CJK KR", serif; }\n'


def faces(body: str, css: str = "") -> dict[str, str]:
    page = f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>제목</title></head><body>{body}</body></html>'
    drawn = characters_by_face([page.encode()], [SERIF_CSS + css], EPUB_FACES)
    return {face.key: "".join(sorted(c for c in chars if not c.isspace())) for face, chars in drawn.items()}


def test_text_goes_to_the_first_embedded_family_at_the_nearest_weight():
    css = 'h1 { font-family: "Nanum Gothic", "Noto Sans CJK KR", sans-serif; } em { font-weight: 700 }'
    assert faces("<h1>가</h1><p>나<em>다</em></p>", css) == {"sans-bold": "가", "serif": "나다"}


def test_nothing_for_generic_or_unknown_families_and_hidden_elements():
    css = "p { font-family: serif } .x { display: none }"
    assert faces('<p>가</p><div class="x">나</div><div hidden="">다</div><span>라</span>', css) == {
        "serif": "라"
    }


def test_counters_nest_and_reset_in_scope():
    css = (
        "body { counter-reset: sec } h2 { counter-increment: sec; counter-reset: sub }"
        ' h2::before { content: counter(sec, upper-roman) ". " } h3 { counter-increment: sub }'
        ' h3::before { content: counters(sec, "-") "." counter(sub, lower-alpha) }'
        " h2, h3 { font-weight: 400 }"
    )
    body = "<h2>가</h2><h3>나</h3><h3>다</h3><h2>라</h2><h3>마</h3>" + "<h2>바</h2>" * 2
    assert faces(body, css) == {"serif": ".12IVab가나다라마바"}


def test_list_markers_follow_start_value_and_type():
    body = '<ol start="9"><li>가</li><li>나<ul><li>다</li></ul></li></ol><ol><li value="4">라</li></ol>'
    assert faces(body) == {"serif": ".0149◦가나다라"}


def test_marker_styles_and_none():
    css = "ol { list-style: upper-alpha inside } ul { list-style-type: none } li::marker { font-weight: 700 }"
    assert faces("<ol><li>가</li><li>나</li></ol><ul><li>다</li></ul>", css) == {"serif": ".AB가나다"}
    bold = 'li::marker { font-family: "Noto Sans CJK KR"; font-weight: 700 }'
    assert faces("<ol><li>가</li></ol>", bold) == {"sans-bold": ".1", "serif": "가"}


def test_generated_content_strings_attributes_and_quotes():
    css = 'a::after { content: " (" attr(href) ")" } q::before { content: open-quote }'
    css += " q::after { content: none }"
    assert faces('<p><a href="x.html">가</a><q>나</q></p>', css) == {"serif": "().hlmtx‘’“”가나"}


def test_weights_bolder_lighter_and_the_font_shorthand():
    css = (
        'body { font-family: "Noto Sans CJK KR" } b { font-weight: bolder } b i { font-weight: lighter }'
        ' code { font: italic bold 0.9em/1.2 "Noto Sans Mono CJK KR", monospace }'
    )
    assert faces("<p>가<b>나<i>다</i></b><code>라</code></p>", css) == {
        "sans": "가다",
        "sans-bold": "나",
        "mono": "라",
    }


def test_importance_specificity_order_and_inherit():
    css = (
        'p { font-family: "Noto Sans CJK KR" !important } #a { font-family: "Noto Serif CJK KR" }'
        ' .k { font-family: "Noto Sans CJK KR" } b { font-weight: 400 }'
        " .k span { font-weight: 700 } span { font-weight: 400 } .k .inh { font-weight: inherit }"
    )
    body = '<p id="a">가</p><div class="k">나<span>다</span><b><span class="inh">라</span></b></div>'
    assert faces(body, css) == {"sans": "가나라", "sans-bold": "다"}


def test_text_transform_and_conditional_rules_count():
    css = "@media (min-width: 10em) { p { text-transform: uppercase } }"
    assert faces("<p>abc</p>", css) == {"serif": "ABC"}


def test_a_face_with_only_white_space_draws_nothing():
    css = 'div { font-family: "Noto Sans CJK KR" } p { font-family: "Noto Serif CJK KR" }'
    assert faces("<div>\n  <p>가</p>\n</div>", css) == {"serif": "가"}


@pytest.mark.parametrize(
    ("wanted", "available", "chosen"),
    [
        (700, (400,), 400),
        (400, (400, 700), 400),
        (600, (400, 700), 700),
        (300, (400, 700), 400),
        (450, (400, 700), 400),
    ],
)
def test_weight_matching(wanted, available, chosen):
    pool = [face for face in (SANS, SANS_BOLD) if face.weight in available]
    found = matching_face(("noto sans cjk kr",), wanted, pool)
    assert found is not None and found.weight == chosen
    assert matching_face(("serif",), 400, [SERIF, MONO]) is None


def test_counter_styles():
    assert [counter_text(n, "lower-roman") for n in (4, 9, 14, 1994)] == ["iv", "ix", "xiv", "mcmxciv"]
    assert [counter_text(n, "lower-alpha") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert counter_text(3, "decimal-leading-zero") == "03" and counter_text(5, "unknown") == "5"


def test_conditional_rules_go_to_their_own_stylesheet():
    css = (
        "a { color: red }\n@media (max-width: 3em) { a { color: blue } }\n/* note */\nb { x: y }\n"
        "@supports (a: b) { c { d: e } }"
    )
    plain, conditional = split_conditional(css)
    assert "@" not in plain and "a { color: red }" in plain and "b { x: y }" in plain and "note" in plain
    assert conditional.startswith("@media") and "@supports (a: b)" in conditional
    assert split_conditional("p { x: y }") == ("p { x: y }", "")
