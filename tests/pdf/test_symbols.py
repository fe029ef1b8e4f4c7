"""Emoji and symbols the Noto CJK faces lack are drawn in print by the fallback face `tasks.sh`
installs (Symbola), not as empty boxes; what no installed face draws is still warned about."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bookmaker.check import check_pdf
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
