"""The HTML reader on titles set in boxes instead of heading tags: the first line of a box, short
and opened in bold, over the box's content is a heading; a bold label set inside a list before its
items is a paragraph; a bold line that does not open its box, or a sentence, stays running text."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph, inlines_of, runs, walk
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

PROSE = "<p>주말 아침에 아이와 함께 만들기 좋은 반찬입니다. 재료도 간단하고 15분이면 충분합니다.</p>"


def _doc(tmp_path: Path, boxes: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html lang='ko'><head><title>계란말이</title></head><body>"
        f"<h1>계란말이</h1><div class='recipe'>{PROSE}{boxes}</div></body></html>",
        "utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _text(block: Heading | Paragraph) -> str:
    return "".join(getattr(r, "value", "") for seq in inlines_of(block) for r in runs(seq))


def _headings(doc: Document) -> list[str]:
    return [_text(b) for b in doc.blocks if isinstance(b, Heading)]


def _paragraphs(doc: Document) -> list[str]:
    return [_text(b) for b in walk(doc.blocks) if isinstance(b, Paragraph)]


def test_a_box_s_bold_first_line_over_its_content_is_a_heading(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "<div class='ingre'><div class='tit'><b>재료</b><span>Ingredients</span></div>"
        "<ul><li>계란 4개</li><li>대파 1/3대</li></ul></div>"
        "<div class='steps'><b>팁·주의사항</b><p>센불에서 말면 겉이 타요.</p>"
        "<p>끝까지 약불을 지켜 주세요.</p></div>"
        "<div class='tip'><b>팁</b><p>대파는 마지막에 넣어요.</p></div>",
    )
    assert _headings(doc) == ["재료Ingredients", "팁·주의사항"]
    # a callout's label over its one paragraph opens the paragraph (round 22's help page: 참고)
    assert "팁 대파는 마지막에 넣어요." in _paragraphs(doc)


def test_a_bold_label_inside_a_list_is_a_paragraph(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "<div class='ingre'><ul><b>[양념]</b><li>맛술 1큰술</li><li>소금 두 꼬집</li></ul></div>",
    )
    assert _headings(doc) == []
    assert "[양념]" in _paragraphs(doc)


def test_a_bold_sentence_or_a_bold_line_inside_the_text_stays_running_text(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "<div class='note'><b>불은 꼭 약하게 줄여 주세요.</b><p>센불에서는 겉만 익어요.</p></div>"
        "<div class='more'><p>한 김 식힌 뒤 썰어 주세요. 모양이 예쁘게 나옵니다.</p><b>곁들이기</b>"
        "<p>케첩이나 김치와 함께 내면 좋아요. 도시락에도 잘 어울립니다.</p></div>",
    )
    assert _headings(doc) == []
