"""An English article (an English page of a Korean outlet) in the book theme: its date in English,
its wire dateline before the lead, and word gaps that never shrink as far as Korean ones may."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout import render_article
from bookmaker.layout.print_layout import LATIN_SPACE_SHRINK
from bookmaker.writers.pdf import print_html

SENTENCE = (
    "The plant is expected to create some 2,000 jobs, according to the South Chungcheong provincial"
    " government, which signed a memorandum of understanding with the company on the same day."
)
DOC = Document(
    meta=Meta(
        title="Samsung to build chip plant",
        language="en",
        date="2025-03-12T17:45:00+09:00",
        dateline="SEOUL, March 12 (Yonhap) --",
    ),
    blocks=[Paragraph(content=text_runs(SENTENCE)) for _ in range(6)],
)


def test_the_date_and_the_dateline_read_in_english() -> None:
    xhtml = render_article(DOC, "epub")
    assert "March 12, 2025, 17:45" in xhtml and "년" not in xhtml
    assert xhtml.index("(Yonhap)\u00a0--") < xhtml.index("The plant")  # the dash never starts a line
    html = print_html(DOC, created=datetime(2025, 11, 23, tzinfo=UTC))
    assert "March 12, 2025, 17:45" in html and 'lang="en"' in html


def test_word_gaps_of_english_lines_shrink_little() -> None:
    html = print_html(DOC, created=datetime(2025, 11, 23, tzinfo=UTC))
    gaps = [float(g) for g in re.findall(r"word-spacing:(-?[\d.]+)em", html)]
    assert gaps and min(gaps) >= -LATIN_SPACE_SHRINK - 0.001
