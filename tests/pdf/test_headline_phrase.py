"""A printed headline breaks between its clauses and never inside a short quoted phrase (``…법원
‘이준석`` / ``가처분’ 일부 인용`` was the greedy break on A5 and A4; the break now follows the
ellipsis)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout.style import resolve_style
from bookmaker.writers.pdf import write_pdf

TITLE = "국민의힘 비대위 효력 정지…법원 ‘이준석 가처분’ 일부 인용"


@pytest.mark.parametrize(("theme", "page"), [("book", "a5"), ("report", "a4")])
def test_the_quoted_phrase_stands_whole_on_the_headline_s_second_line(
    tmp_path: Path, theme: str, page: str
) -> None:
    doc = Document(meta=Meta(title=TITLE), blocks=[Paragraph(content=text_runs("본문."))])
    style = resolve_style(theme, None, {"page-size": page})
    pdf = tmp_path / "headline.pdf"
    pdf.write_bytes(write_pdf(doc, style=style, created=datetime(2025, 1, 1, tzinfo=UTC)).data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    lines = [line.strip() for line in text.stdout.splitlines() if line.strip()]
    assert "국민의힘 비대위 효력 정지…" in lines
    assert "법원 ‘이준석 가처분’ 일부 인용" in lines
