"""Emoji and symbols the Noto CJK faces lack are drawn in print by the fallback faces `tasks.sh`
installs (the Noto symbol faces of the chain, Symbola for emoji), not as empty boxes; what no
installed face draws is still warned about."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bookmaker.check import check_pdf
from bookmaker.fonts.discovery import locate
from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.writers.pdf import write_pdf


def test_emoji_are_drawn_by_the_fallback_face(tmp_path: Path) -> None:
    text = "🚌 버스 노선이 바뀝니다. 📚 도서관은 월요일에 쉽니다. ☎ 문의는 주민센터로."
    doc = Document(meta=Meta(title="동네 소식"), blocks=[Paragraph(content=text_runs(text))])
    written = write_pdf(doc, created=datetime(2025, 1, 1, tzinfo=UTC))
    pdf = tmp_path / "news.pdf"
    pdf.write_bytes(written.data)
    report = check_pdf(pdf)
    assert report.missing_glyphs == 0, report.failures
    assert not any("unsupported by fonts" in warning for warning in written.warnings)


def test_symbols_the_cjk_faces_lack_are_drawn_and_measured_in_the_fallback_chain(tmp_path: Path) -> None:
    import pdfplumber

    from bookmaker.fonts.faces import FALLBACKS
    from bookmaker.fonts.shaping import shaper

    if any(locate(face) is None for face in FALLBACKS):
        pytest.skip("fonts-noto-core not installed")
    marks = "✗♞⠓⇶"
    text = " ".join(f"{marks[n % 4]}항목 {n}번을 확인했습니다" for n in range(40)) + "."
    doc = Document(meta=Meta(title="점검표"), blocks=[Paragraph(content=text_runs(text))])
    pdf = tmp_path / "marks.pdf"
    pdf.write_bytes(write_pdf(doc, created=datetime(2025, 1, 1, tzinfo=UTC)).data)
    with pdfplumber.open(pdf) as opened:
        drawn = {c["text"]: c["fontname"].split("+", 1)[-1] for page in opened.pages for c in page.chars}
    assert {drawn[c] for c in "✗♞⠓"} == {"Noto-Sans-Symbols2"} and drawn["⇶"] == "Noto-Sans-Math"
    serif = shaper("Noto Serif CJK KR")
    assert serif.width("✗") == pytest.approx(shaper("Noto Sans Symbols2").width("✗"))
    assert serif.width("✗") < 0.9  # not the .notdef's 1 em
    report = check_pdf(pdf)
    assert report.overflows == 0 and report.missing_glyphs == 0, report.failures
