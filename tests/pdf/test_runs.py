"""Paragraphs of runs (the IR 2.0 inline runs): each run measured in its own face and size, wrapped
in a span of its class inside the line spans; no break before a footnote mark, none inside a link's
word, words whole as in plain text."""

from __future__ import annotations

import re

from bookmaker.fonts.shaping import shaper
from bookmaker.korean.linebreak import Run
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout

SENTENCE = "반도체 업계의 관계자들은 이번 발표를 두고 새로운 대책을 내놓았다고 밝혔다. "


def _runs() -> list[Run]:
    return [
        Run(SENTENCE * 2 + "그는 "),
        Run("굵은글씨로", face="bold", css_class="strong"),
        Run(" 강조했고 " + SENTENCE),
        Run("1", size=0.65, css_class="fnref", nobreak_before=True),
        Run(" 자세한 내용은 "),
        Run("산업통상자원부누리집", css_class="link", whole=True),
        Run("에서 볼 수 있다. " + SENTENCE * 2),
    ]


def test_runs_keep_their_spans_inside_the_lines():
    layout = PrintLayout(page_spec("46"))
    markup = str(layout.set_runs(_runs(), indent=True))
    assert '<span class="strong">굵은글씨로</span>' in markup
    assert re.search(r'<span class="fnref">(<span class="nt"( style="[^"]*")?>)?1(</span>)?</span>', markup)
    assert '<span class="link">산업통상자원부누리집</span>' in markup
    text = "".join(run.text for run in _runs())
    lines = layout.lines(_runs(), indent=True)
    assert " ".join(line.text for line in lines).split() == text.split()  # every word whole, in order
    assert all(line.space_after for line in lines)


def test_no_break_before_a_footnote_mark_even_after_a_space():
    runs = [
        Run(SENTENCE * 3 + "주석이 붙는 말 "),
        Run("2", size=0.65, css_class="fnref", nobreak_before=True),
    ]
    for preset in ("46", "a5", "a4"):
        lines = PrintLayout(page_spec(preset)).lines(runs, indent=True)
        assert not lines[-1].text.startswith("2")


def test_a_bold_run_is_measured_in_the_bold_face():
    layout = PrintLayout(page_spec("a5"))
    regular = layout.lines([Run("Bold Latin words weigh more")], indent=False)[0]
    bold = layout.lines([Run("Bold Latin words weigh more", face="bold")], indent=False)[0]
    assert regular.text == bold.text
    body = shaper(layout.scale.body_font).width(regular.text)
    heavy = shaper(layout.scale.body_font, 700).width(regular.text)
    assert heavy > body


def test_a_link_word_never_breaks_inside():
    word = "한국반도체산업협회공급망안정화특별위원회"
    text = " ".join(["반도체 업계의 관계자들은 이번 발표를 두고", word, "새로운 대책을 내놓았다."] * 3)
    plain = PrintLayout(page_spec("46")).lines(text, indent=True)
    assert not all(line.space_after for line in plain)  # as plain text the long word breaks ...
    runs = []
    for part in re.split(f"({word})", text):
        runs.append(Run(part, css_class="link", whole=True) if part == word else Run(part))
    linked = PrintLayout(page_spec("46")).lines(runs, indent=True)
    assert all(line.space_after for line in linked)  # ... as a link it stays whole
