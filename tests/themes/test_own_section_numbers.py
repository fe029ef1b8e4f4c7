"""The report theme numbers its sections (1., 1.1) unless the document's headings carry numbers or
labels of their own (``1. 연구 개요``, ``【주 문】``): then every heading is printed as written."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bookmaker.ir import Document, Heading, Meta, Paragraph, text_runs
from bookmaker.layout.render import numbers_its_headings
from bookmaker.layout.style import default_style
from bookmaker.writers.pdf import print_html, render_html

BODY = "도서관 운영 실태를 전국 단위로 조사한 결과를 정리했다."


def _doc(*headings: str) -> Document:
    """Sections under ``headings``; ``1.1 …`` is a subsection (level 3), any other a section."""
    blocks: list[Heading | Paragraph] = []
    for text in headings:
        level = 3 if text[:4].count(".") == 1 and text[1:2] == "." and text[2:3].isdigit() else 2
        blocks += [Heading(level=level, content=text_runs(text)), Paragraph(content=text_runs(BODY))]
    return Document(meta=Meta(title="도서관 보고서"), blocks=list(blocks))


def test_which_headings_carry_their_own_numbers() -> None:
    assert numbers_its_headings(_doc("1. 연구 개요", "1.1 연구 배경"))
    assert numbers_its_headings(_doc("【판시사항】", "【주 문】"))
    assert numbers_its_headings(_doc("가. 조사 대상", "제2장 분석"))
    assert not numbers_its_headings(_doc("역사", "생태"))
    assert not numbers_its_headings(_doc("2025년 계획", "3월의 일정"))  # a year or a date is no number


def _printed(doc: Document, tmp_path: Path) -> str:
    created = datetime(2025, 1, 1, tzinfo=UTC)
    html = print_html(doc, created=created, style=default_style("report"))
    pdf = render_html(html, identifier=b"0" * 16, created=created, theme="report").data
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def test_the_report_prints_own_numbers_as_written_and_numbers_the_others(tmp_path: Path) -> None:
    own = _printed(_doc("1. 연구 개요", "1.1 연구 배경", "2. 정책 제언"), tmp_path)
    assert "1. 연구 개요" in own and "1.1 연구 배경" in own and "2. 정책 제언" in own
    assert "1. 1. 연구 개요" not in own and "1.1 1.1" not in own
    plain = _printed(_doc("역사", "생태"), tmp_path)
    assert "1. 역사" in plain and "2. 생태" in plain
