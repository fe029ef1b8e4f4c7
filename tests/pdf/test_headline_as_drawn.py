"""The lines of a printed headline as bookmaker sets them are the lines WeasyPrint draws, and they
break at spaces. The headline setter measures for ``text_width_pt``, and in every theme the title
box is the text block (the report's cover has top padding only, the book's and the newspaper's
title blocks no horizontal padding, border or indent), so the PDF does not break a title again.
The titles are those whose short quotation, bound whole and glued to an ellipsis, was wider than a
line: the setter itself cut after the ellipsis (``자율성”…|‘이준석``, ``막는다더니…|‘주``), which
round twelve took for the report's title box re-breaking the lines."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout.print_headline import ZERO_WIDTH_SPACE
from bookmaker.layout.render import render_print_html
from bookmaker.layout.style import resolve_style
from bookmaker.writers.pdf import write_pdf

TITLES = (
    "“비상상황 조작vs정당 자율성”…‘이준석 가처분’ 날선 공방",
    "택배기사 과로 막는다더니…‘주 5일 배송’ 1년, 휴일 물량은 되레 늘었다",
)
CREATED = datetime(2025, 1, 1, tzinfo=UTC)


def set_lines(html: str) -> list[str]:
    """The headline's lines as bookmaker chose them: its breaks are its spaces and zero-width spaces."""
    found = re.search(r'<h1 class="title"[^>]*>(.*?)</h1>', html, re.S)
    assert found is not None
    text = found[1].replace("\u2060", "")
    return [line.replace("\u00a0", " ") for line in re.split(f"[ {ZERO_WIDTH_SPACE}]", text)]


def drawn_lines(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True)
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(("theme", "page"), [("report", "a5"), ("book", "46"), ("newspaper", "a5")])
@pytest.mark.parametrize("title", TITLES, ids=["edaily-straight-1", "ho21-correction-appended"])
def test_the_pdf_draws_the_headline_in_the_lines_it_was_set_in(
    tmp_path: Path, theme: str, page: str, title: str
) -> None:
    doc = Document(meta=Meta(title=title), blocks=[Paragraph(content=text_runs("본문입니다."))])
    style = resolve_style(theme, None, {"page-size": page})
    html = render_print_html(doc, style.page, created="2025-01-01T00:00:00Z", style=style)
    chosen = set_lines(html)
    assert len(chosen) >= 2
    assert ZERO_WIDTH_SPACE not in html  # no word cut: the lines break at spaces
    pdf = tmp_path / "title.pdf"
    pdf.write_bytes(write_pdf(doc, style=style, created=CREATED).data)
    drawn = drawn_lines(pdf)
    start = drawn.index(chosen[0])
    assert drawn[start : start + len(chosen)] == chosen
