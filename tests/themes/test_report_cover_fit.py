"""The report cover holds its title, summary and credits without drawing one over another: the
space above the label gives way to a long title, and a cover that cannot hold its text even then
flows, its credits after the summary. ``bookmaker check`` counts text drawn over text."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bookmaker.check import check_pdf
from bookmaker.ir import Author, Document, Meta, Paragraph, text_runs
from bookmaker.pipeline import BuildOptions, build

BODY = "두 정상은 일본산 수산물 수입 문제를 다룰 실무 협의체를 새로 만들기로 했다."
TITLE = "한일 정상 부산서 90분 회담…“셔틀외교 정례화·수산물 협의체 신설”"
SUMMARY = ["셔틀외교 연 2회 정례화 합의", "수산물 수입 문제 다룰 협의체 신설"]


def _cover(tmp_path: Path, title: str, summary: list[str], size: str) -> tuple[Path, list[str]]:
    meta = Meta(
        title=title,
        subtitles=summary,
        authors=[Author(name="김수현", role="기자", email="sh.kim@newsis.com")],
        date="2026-12-06T17:12:00+09:00",
        publisher="뉴시스",
    )
    doc = Document(meta=meta, blocks=[Paragraph(content=text_runs(BODY))])
    options = BuildOptions(formats=("pdf",), theme="report", page_size=size)
    (pdf,) = build(doc, tmp_path, "cover", options).outputs
    with pdfplumber.open(pdf) as document:
        pages = [page.extract_text() or "" for page in document.pages]
    return pdf, ["".join(text.split()) for text in pages]


@pytest.mark.parametrize("size", ["a5", "46", "a4"])
def test_a_long_title_and_summary_leave_the_credits_at_the_covers_foot(tmp_path: Path, size: str) -> None:
    pdf, pages = _cover(tmp_path, TITLE, SUMMARY, size)
    assert check_pdf(pdf).overlaps == 0
    assert "뉴시스" in pages[0] and "sh.kim@newsis.com" in pages[0]
    assert BODY.replace(" ", "") not in pages[0]  # the cover keeps its own page


def test_a_cover_too_full_for_the_page_flows_and_loses_nothing(tmp_path: Path) -> None:
    summary = [
        f"{n}번째 요약: 수산물 수입 문제와 셔틀외교 정례화를 함께 다룰 협의체를 신설하기로 합의"
        for n in range(1, 9)
    ]
    pdf, pages = _cover(tmp_path, TITLE + " " + TITLE, summary, "a5")
    assert check_pdf(pdf).overlaps == 0
    text = "".join(pages)
    for line in [*summary, "뉴시스", "sh.kim@newsis.com"]:
        assert line.replace(" ", "") in text
