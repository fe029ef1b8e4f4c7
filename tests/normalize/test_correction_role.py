"""A correction notice (바로잡습니다, [정정], [알려왔습니다]) under or over an article is a paragraph of
role ``correction``, not an editor's note: both editions set it apart under its own label."""

from __future__ import annotations

import re

import msgspec
import pytest

from bookmaker.ir import Document, Meta, Paragraph, from_json, text_runs, to_json
from bookmaker.layout.render import render_article
from bookmaker.writers.pdf import print_html
from tests.normalize.test_real_shapes import norm, removed
from tests.pdf.test_print_ir2 import MOMENT

TITLE = "도심 침수 막는다…노후 하수관 12㎞ 교체"
PROSE = "시는 내년 상반기까지 노후 하수관로 12㎞를 교체하고 침수 취약 지역 3곳에 빗물 저류조를 짓기로 했다."
CORRECTION = "애초 기사에서 교체 구간을 ‘21㎞’로 적었으나 ‘12㎞’가 맞아 바로잡습니다."
REPLY = "이에 대해 ○○건설은 “공사 지연은 설계 변경 때문이었다”고 알려왔습니다."


@pytest.mark.parametrize(
    ("lines", "label"),
    [
        (("바로잡습니다", CORRECTION), "바로잡습니다"),
        ((f"[정정] {CORRECTION}",), "[정정]"),
        ((f"※ 바로잡습니다: {CORRECTION}",), "※ 바로잡습니다:"),
        (("[알려왔습니다]", REPLY), "[알려왔습니다]"),
    ],
)
def test_correction_notice_at_the_end_is_a_correction(lines: tuple[str, ...], label: str) -> None:
    _, doc = norm(TITLE, PROSE, "권나래 기자 nrkwon@example.co.kr", *lines)
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "correction"
    assert last.text == lines[-1].removeprefix(label).strip()
    assert removed(doc)[label] == "roles.correction_label"


def test_editor_note_stays_an_editor_note() -> None:
    _, doc = norm(TITLE, "[편집자 주] 이 기사는 세 차례 연재의 첫 회입니다.", PROSE)
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.role == "editor-note"


def test_correction_role_reads_from_ir_json() -> None:
    doc = Document(
        meta=Meta(title=TITLE), blocks=[Paragraph(content=text_runs(CORRECTION), role="correction")]
    )
    assert from_json(to_json(doc)) == doc


def _doc(language: str = "ko") -> Document:
    blocks = [
        Paragraph(content=text_runs(PROSE)),
        Paragraph(content=text_runs("이 기사는 세 차례 연재의 첫 회입니다."), role="editor-note"),
        Paragraph(content=text_runs(CORRECTION), role="correction"),
    ]
    return Document(meta=Meta(title=TITLE, language=language), blocks=blocks)


def _labels(html: str, kind: str) -> list[str]:
    found = re.findall(rf'<aside class="{kind}" role="note"><p class="note-label">(.*?)</p>', html)
    return [label.replace("\u2060", "") for label in found]  # print joins a word's letters (WJ)


def test_epub_sets_a_correction_apart_under_its_own_label() -> None:
    html = render_article(_doc(), "epub")
    assert _labels(html, "correction") == ["바로잡습니다"]
    assert _labels(html, "editor-note") == ["편집자 주"]
    assert "‘12㎞’가</span> 맞아 바로잡습니다." in html


def test_epub_labels_a_correction_in_the_books_language() -> None:
    doc = msgspec.structs.replace(_doc("en"), meta=Meta(title="Flood works", language="en"))
    assert _labels(render_article(doc, "epub"), "correction") == ["Correction"]


def test_print_sets_a_correction_apart_under_its_own_label() -> None:
    html = print_html(_doc(), created=MOMENT)
    assert _labels(html, "correction") == ["바로잡습니다"]
    assert _labels(html, "editor-note") == ["편집자 주"]
    assert "aside.correction" in html  # its own rules in the stylesheet
