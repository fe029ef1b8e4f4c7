"""A printed headline breaks between its clauses and never inside a short quoted phrase (``…법원
‘이준석`` / ``가처분’ 일부 인용`` was the greedy break on A5 and A4; the break now follows the
ellipsis in an article long enough to spend that split, and comes at a space in a short one)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout.style import Style, resolve_style
from bookmaker.writers.pdf import write_pdf

TITLE = "국민의힘 비대위 효력 정지…법원 ‘이준석 가처분’ 일부 인용"
SENTENCE = "법원은 이날 당 비상대책위원회의 효력을 정지해 달라는 신청을 일부 받아들였다고 밝혔다. "


@pytest.mark.parametrize(("theme", "page"), [("book", "a5"), ("report", "a4")])
def test_the_quoted_phrase_stands_whole_on_the_headline_s_second_line(
    tmp_path: Path, theme: str, page: str
) -> None:
    style = resolve_style(theme, None, {"page-size": page})
    long = _lines(
        Document(meta=Meta(title=TITLE), blocks=[Paragraph(content=text_runs(SENTENCE * 40))]),
        style,
        tmp_path,
    )
    assert "국민의힘 비대위 효력 정지…" in long
    assert "법원 ‘이준석 가처분’ 일부 인용" in long
    # a short article spends no split on its headline (breaks.py counts …|법원): a space, the quote whole
    short = _lines(
        Document(meta=Meta(title=TITLE), blocks=[Paragraph(content=text_runs("본문."))]), style, tmp_path
    )
    assert "‘이준석 가처분’ 일부 인용" in short and "국민의힘 비대위 효력 정지…" not in short


def _lines(doc: Document, style: Style, folder: Path) -> list[str]:
    pdf = folder / "headline.pdf"
    pdf.write_bytes(write_pdf(doc, style=style, created=datetime(2025, 1, 1, tzinfo=UTC)).data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [line.strip() for line in text.stdout.splitlines() if line.strip()]
