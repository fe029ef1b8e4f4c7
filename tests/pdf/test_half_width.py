"""Full-width CJK brackets are set at their half widths (the font's ``halt``): the breaker measures
them so and the PDF's glyphs are half as wide, so "한강의 『소년이 온다』와" has no hole and text
extraction sees no gap or overlap at a bracket."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

import pdfplumber
import pytest

from bookmaker.fonts.shaping import shaper
from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.writers.pdf import write_pdf

TEXT = "한강의 『소년이 온다』와 「닻」은 《책》과 〈장〉을 펴냈다. "


def test_breaker_measures_brackets_half_wide():
    face = shaper("Noto Serif CJK KR")
    assert face.width("『가』") == face.width("가") + 1.0  # two halves
    assert face.width("（가）") == face.width("가") + 1.0


# cut from the faces' working sets made half-width once, or (a hanja beyond the working sets) from
# the installed faces, halved after the cut: the same widths either way
@pytest.mark.parametrize("lead", ["", "漢字 "])
def test_pdf_draws_brackets_half_wide(tmp_path, lead):
    doc = Document(meta=Meta(title="책 소개"), blocks=[Paragraph(content=text_runs(lead + TEXT * 6))])
    pdf = tmp_path / "brackets.pdf"
    pdf.write_bytes(write_pdf(doc, created=datetime(2025, 1, 1, tzinfo=UTC)).data)
    with pdfplumber.open(pdf) as opened:
        chars = [c for page in opened.pages for c in page.chars if c["text"] in "『』「」《》〈〉"]
    assert len(chars) >= 40
    assert all(abs((c["x1"] - c["x0"]) / c["size"] - 0.5) < 0.01 for c in chars)
    extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "『소년이 온다』와" in extracted.stdout and "「닻」은" in extracted.stdout
