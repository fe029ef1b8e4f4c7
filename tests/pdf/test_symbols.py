"""Emoji and symbols the Noto CJK faces lack are drawn in print by the fallback faces `tasks.sh`
installs (the Noto symbol faces of the chain; Noto Color Emoji, then Symbola, for emoji), not as
empty boxes; what no installed face draws is still warned about."""

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


def test_emoji_of_every_unicode_version_are_drawn_and_measured_in_the_emoji_face(tmp_path: Path) -> None:
    import pdfplumber

    from bookmaker.fonts.shaping import shaper

    # 🧵 🥺 🫶: newer than Symbola (Unicode 9); a family (ZWJ), a skin tone, a keycap, a heart + U+FE0F
    emoji = ["🧵", "🥺", "🫶", "😀", "🚌", "👨\u200d👩\u200d👧", "👍🏽", "1\ufe0f\u20e3", "❤\ufe0f"]
    text = " ".join(f"{e} 오늘의 소식 {n}번째입니다" for n, e in enumerate(emoji * 4)) + "."
    doc = Document(meta=Meta(title="동네 소식"), blocks=[Paragraph(content=text_runs(text))])
    written = write_pdf(doc, created=datetime(2025, 1, 1, tzinfo=UTC))
    pdf = tmp_path / "emoji.pdf"
    pdf.write_bytes(written.data)
    assert not any("unsupported by fonts" in warning for warning in written.warnings), written.warnings
    report = check_pdf(pdf)
    assert report.missing_glyphs == 0 and report.overflows == 0 and report.overlaps == 0, report.failures
    assert report.lines > 5  # the body's lines were read (a .notdef made pdfminer drop the whole run)
    with pdfplumber.open(pdf) as opened:
        drawn = [c for page in opened.pages for c in page.chars if c["text"] in "🧵🥺🫶😀🚌"]
    assert {c["fontname"].split("+", 1)[-1] for c in drawn} == {"Noto-Color-Emoji"}
    serif = shaper("Noto Serif CJK KR")
    for char in drawn:  # the breaker measures what is drawn
        assert serif.width(char["text"]) == pytest.approx((char["x1"] - char["x0"]) / char["size"], abs=0.01)
    for sequence in emoji[5:]:  # one glyph each, as wide as a single emoji
        assert serif.width(sequence) == pytest.approx(serif.width("😀"))
