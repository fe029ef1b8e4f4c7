"""A filing in plain text (a disclosure's cover, its field table, its closing placeholder): a
form field's sub-fields stay lines of their own (pass ``reflow``), an unbracketed line right over a
table heads its section while a bracketed table name stays a paragraph, and a line over the
bracketed placeholder naming it is a heading (pass ``structure``)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph, Table
from bookmaker.normalize import normalize_source

PROSE = (
    "가. 상기 신주 발행가액은 예정발행가액이며, 확정발행가액은 청약일 3거래일 전에 확정될 예정입니다.\n"
    "나. 상기 일정은 관계기관과의 협의 과정에서 변경될 수 있습니다."
)
TABLE = "1. 신주의 종류와 수\t보통주식 (주)\t1,500,000\n2. 1주당 액면가액 (원)\t\t500\n3. 증자방식\t\t공모"


def _doc(tmp_path: Path, *groups: str) -> Document:
    path = tmp_path / "filing.txt"
    path.write_text("\n\n".join(["주요사항보고서(유상증자결정)", *groups]) + "\n", "utf-8")
    return normalize_source(path)


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_a_field_s_sub_fields_in_parentheses_are_lines_of_their_own(tmp_path: Path) -> None:
    cover = (
        "회 사 명 :  주식회사 가람전자\n"
        "본 점 소 재 지 :  서울특별시 강남구 테헤란로 100, 12층 가람빌딩 본관\n"
        "(전 화) 02-555-0100\n"
        "(홈페이지) http://www.garam.example"
    )
    doc = _doc(tmp_path, cover, PROSE)
    paragraphs = _paragraphs(doc)
    assert "(전 화) 02-555-0100" in paragraphs
    assert any(p.startswith("본 점 소 재 지") and "(전 화)" not in p for p in paragraphs)


def test_a_wrapped_line_opening_with_parentheses_still_joins(tmp_path: Path) -> None:
    wrapped = (
        "정부는 올해 하반기부터 연구개발 예산을 다시 늘리기로 하고, 한국개발연구원\n"
        "(KDI)의 분석을 받아 구체적인 배분 방안을 마련하기로 했다."
    )
    doc = _doc(tmp_path, wrapped, PROSE)
    assert any("한국개발연구원 (KDI)의 분석" in p for p in _paragraphs(doc))


def test_an_unbracketed_line_over_a_table_heads_its_section(tmp_path: Path) -> None:
    doc = _doc(tmp_path, PROSE, "유상증자 결정\n" + TABLE, PROSE)
    assert "유상증자 결정" in _headings(doc)
    assert any(isinstance(b, Table) for b in doc.blocks)


def test_a_bracketed_table_name_stays_a_paragraph(tmp_path: Path) -> None:
    doc = _doc(tmp_path, PROSE, "<유상증자 결정 내용>\n" + TABLE, PROSE)
    assert _headings(doc) == []
    assert "<유상증자 결정 내용>" in _paragraphs(doc)


def test_a_line_over_the_placeholder_naming_it_is_a_heading(tmp_path: Path) -> None:
    doc = _doc(tmp_path, PROSE, "대표이사 등의 확인\n[대표이사 등의 확인ㆍ서명]")
    assert _headings(doc) == ["대표이사 등의 확인"]
    assert any(p.startswith("[대표이사 등의 확인") for p in _paragraphs(doc))


def test_a_line_over_another_bracketed_line_stays_a_paragraph(tmp_path: Path) -> None:
    doc = _doc(tmp_path, PROSE, "대표이사 등의 확인\n[첨부 서류 목록]")
    assert _headings(doc) == []
