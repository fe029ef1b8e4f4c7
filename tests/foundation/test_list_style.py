"""A numbered list's style and punctuation (가. 나., ㄱ. ㄴ., ①, 1), (1), a., i., Ⅰ.): the IR field,
its JSON (new values read, bad ones named, old documents still read) and the markers both editions
print as text."""

from __future__ import annotations

import json
import re

import pytest

from bookmaker.ir import IRError, ListBlock, ListItem, Paragraph, from_json, text_runs, to_json
from bookmaker.layout.list_markers import list_markers, marker
from bookmaker.layout.render import render_article
from bookmaker.writers.pdf import print_html
from tests.pdf.test_print_ir2 import MOMENT

DOC = '{{"ir_version": "2.0", "meta": {{"title": "목록"}}, "blocks": [{block}]}}'
ITEMS = '[{"blocks": [{"type": "paragraph", "content": [{"type": "text", "value": "조사 대상"}]}]}]'


def _list(**fields: str) -> str:
    extra = "".join(f', "{key}": {value}' for key, value in fields.items())
    return DOC.format(block=f'{{"type": "list", "items": {ITEMS}{extra}}}')


def test_ir_json_reads_style_and_punctuation_and_writes_them_back() -> None:
    doc = from_json(_list(ordered="true", style='"hangul-syllable"', punctuation='"parens"'))
    block = doc.blocks[0]
    assert isinstance(block, ListBlock)
    assert (block.style, block.punctuation) == ("hangul-syllable", "parens")
    assert from_json(to_json(doc)) == doc


def test_old_ir_json_without_style_still_reads() -> None:
    block = from_json(_list(ordered="true", start="3")).blocks[0]
    assert isinstance(block, ListBlock) and block.style is None and block.punctuation is None
    written = json.loads(to_json(from_json(_list(ordered="true"))))["blocks"][0]
    assert "style" not in written and "punctuation" not in written  # absent stays absent


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"ordered": "true", "style": '"hangul"'}, "$.blocks[0].style"),
        ({"ordered": "true", "punctuation": '"bracket"'}, "$.blocks[0].punctuation"),
        ({"style": '"hangul-jamo"'}, "numbered lists"),
    ],
)
def test_bad_style_is_rejected_naming_the_field(fields: dict[str, str], named: str) -> None:
    with pytest.raises(IRError, match=re.escape(named)):
        from_json(_list(**fields))


@pytest.mark.parametrize(
    ("style", "punctuation", "numbers", "want"),
    [
        ("hangul-syllable", None, [1, 2, 3, 14], ["가.", "나.", "다.", "하."]),
        ("hangul-jamo", None, [1, 2, 14], ["ㄱ.", "ㄴ.", "ㅎ."]),
        ("circled-decimal", None, [1, 2, 20, 21, 50], ["①", "②", "⑳", "㉑", "㊿"]),
        ("circled-decimal", None, [51], ["51."]),
        ("decimal", "paren", [1, 10], ["1)", "10)"]),
        ("decimal", "parens", [1, 2], ["(1)", "(2)"]),
        ("hangul-syllable", "parens", [1, 2], ["(가)", "(나)"]),
        ("lower-alpha", None, [1, 26, 27], ["a.", "z.", "aa."]),
        ("upper-alpha", "paren", [2], ["B)"]),
        ("lower-roman", None, [1, 4, 9, 14], ["i.", "iv.", "ix.", "xiv."]),
        ("upper-roman", None, [1, 2, 3, 1994], ["I.", "II.", "III.", "MCMXCIV."]),
    ],
)
def test_markers_count_in_each_style(
    style: str, punctuation: str | None, numbers: list[int], want: list[str]
) -> None:
    assert [marker(style, punctuation, n) for n in numbers] == want  # type: ignore[arg-type]


def _doc(**fields: object) -> ListBlock:
    items = [ListItem(blocks=[Paragraph(content=text_runs(t))]) for t in ("조사 대상", "조사 방법")]
    return ListBlock(items=items, **fields)  # type: ignore[arg-type]


def test_plain_numbered_and_bulleted_lists_keep_the_renderers_numbers() -> None:
    assert list_markers(_doc(ordered=True)) is None
    assert list_markers(_doc(ordered=True, style="decimal", punctuation="period")) is None
    assert list_markers(_doc()) is None
    assert list_markers(_doc(ordered=True, style="hangul-syllable", start=3)) == ["다.", "라."]


def test_epub_prints_each_marker_as_text_in_an_ol() -> None:
    doc = from_json(DOC.format(block=to_json(_doc(ordered=True, style="hangul-syllable"))))
    html = render_article(doc, "epub")
    assert '<ol class="marked">' in html  # list semantics kept; the reading system's numbers off
    assert re.findall(r'<li><span class="list-marker">(.*?) </span>(.*?)</li>', html) == [
        ("가.", "조사 대상"),
        ("나.", "조사 방법"),
    ]


def test_epub_plain_numbered_list_is_unchanged() -> None:
    doc = from_json(DOC.format(block=to_json(_doc(ordered=True))))
    html = render_article(doc, "epub")
    assert "<ol>" in html and "list-marker" not in html


def test_print_sets_each_marker_in_its_items_first_line() -> None:
    doc = from_json(DOC.format(block=to_json(_doc(ordered=True, style="decimal", punctuation="parens"))))
    html = print_html(doc, created=MOMENT)
    assert '<ol class="marked">' in html
    marks = re.findall(
        r'<li class="set marked"><span class="ln[^"]*"[^>]*><span class="lm">(.*?) </span>', html
    )
    assert marks == ["(1)", "(2)"]
