"""Latin ligatures would turn "fi"/"fl" into one glyph that text extraction loses: the print
rendition turns them off, and the line breaker measures words the same way."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

from bookmaker.fonts.shaping import shaper
from bookmaker.ir import Document, Heading, Meta, Paragraph, text_runs
from bookmaker.writers.pdf import write_pdf

WORDS = ("file", "office", "flow", "affluent", "fjord")


def test_pdf_text_keeps_fi_and_fl(tmp_path):
    text = "삼성전자의 " + " ".join(f"{w} 파일" for w in WORDS) + " 문서를 확인했다."
    doc = Document(
        meta=Meta(title="office file 점검"),
        blocks=[Heading(level=2, content=text_runs("workflow 정리")), Paragraph(content=text_runs(text * 3))],
    )
    pdf = tmp_path / "lig.pdf"
    pdf.write_bytes(write_pdf(doc, created=datetime(2025, 1, 1, tzinfo=UTC)).data)
    extracted = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for word in (*WORDS, "workflow", "office"):
        assert word in extracted, word


def test_breaker_measures_without_ligatures():
    """Noto Serif CJK KR has an "fi" ligature; the breaker must measure the two glyphs WeasyPrint sets."""
    import uharfbuzz as hb

    face = shaper("Noto Serif CJK KR")
    buf = hb.Buffer()
    buf.add_str("fi")
    buf.guess_segment_properties()
    hb.shape(face._font, buf, {})
    assert len(buf.glyph_infos) == 1  # the font does form the ligature by default
    with_ligature = sum(p.x_advance for p in buf.glyph_positions) / face._upem
    assert face.width("fi") != with_ligature
    assert face.width("fi") > face.width("f")
