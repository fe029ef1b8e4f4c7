"""Real rendering in headless chromium at phone viewports: no Korean word cut in two or stretched.

Chromium missing is a failure, not a skip (CI installs it; see ``tests.support.epub_tools``).
"""

from __future__ import annotations

import io
import struct

import pytest
from tests.support.chromium import probe_document

WIDTHS = (320, 360, 412, 600)  # 600: a small tablet


@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_broken_across_lines(article, unpacked, browser, width):
    page = unpacked[article] / "EPUB" / "article.xhtml"
    probe = probe_document(browser, page, width=width, height=740)
    assert probe.error is None
    assert probe.viewport == width
    assert probe.lines > probe.blocks > 3  # the probe measured real, wrapped text
    assert probe.word_breaks() == [], probe.word_breaks()
    assert probe.stretched == [], probe.stretched  # justified at spaces only, never inside a word
    assert probe.kinsoku_violations() == [], probe.kinsoku_violations()
    assert probe.overflow <= 0


def test_embedded_fonts_load(article, unpacked, browser):
    probe = probe_document(browser, unpacked[article] / "EPUB" / "article.xhtml")
    families = {(f["family"].strip('"'), f["weight"]): f["status"] for f in probe.fonts}
    assert families[("Noto Serif CJK KR", "400")] == "loaded"
    assert set(families.values()) == {"loaded"}, families


def test_other_documents_render(unpacked, browser):
    for name in ("nav.xhtml", "font-license.xhtml"):
        probe = probe_document(browser, unpacked["seed"] / "EPUB" / name)
        assert probe.error is None and probe.word_breaks() == [] and probe.overflow <= 0, name


def test_probe_sees_breaks_without_keep_all(unpacked, browser):
    """Self-test: with keep-all switched off, the same page does break words."""
    probe = probe_document(browser, unpacked["seed"] / "EPUB" / "article.xhtml", control=True)
    assert len(probe.word_breaks()) >= 10


def test_screenshot_of_first_screen(unpacked, browser, tmp_path):
    shot = tmp_path / "seed.png"
    probe_document(browser, unpacked["seed"] / "EPUB" / "article.xhtml", shot=shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (720, 1480)  # 360×740 CSS px at 2× device pixels


def test_tables_fit_a_phone_page(browser, tmp_path):
    """A cell's e-mail address or URL breaks after @ and / and before a dot where it must, and a
    table too wide with its words whole breaks them, so each table fits a phone's page instead of
    running past its edge (a paginated reader clips it)."""
    import zipfile

    from epub_support import MOMENT

    from bookmaker.ir import Cell, Document, Meta, Paragraph, Row, Table, text_runs
    from bookmaker.writers.epub import write_epub

    def row(*texts: str) -> Row:
        return Row(cells=[Cell(content=text_runs(text)) for text in texts])

    table = Table(
        body=[
            row("교과목명", "출판과 편집의 이해", "학수번호", "PUB2031-01"),
            row("이메일", "harin.jung@garam.ac.kr", "누리집", "https://www.garam.ac.kr/pub/syllabus"),
        ]
    )
    words = ("연금개혁특별위원회", "기획재정위원회", "예산결산특별위원회", "정무위원회")
    wide = Table(body=[row(*words), row(*reversed(words))])
    body = [Paragraph(content=text_runs("강의 계획을 알립니다. " * 8)), table, wide]
    doc = Document(meta=Meta(title="강의계획서"), blocks=body)
    with zipfile.ZipFile(io.BytesIO(write_epub(doc, modified=MOMENT).data)) as archive:
        archive.extractall(tmp_path)
    page = tmp_path / "EPUB" / "article.xhtml"
    assert "harin<wbr/>.jung@<wbr/>garam" in page.read_text(encoding="utf-8")
    session = browser.open(page.as_uri(), width=360, height=740)
    rights = browser.evaluate(
        session,
        "[document.body.getBoundingClientRect().right].concat(Array.from("
        "document.querySelectorAll('table'), t => t.getBoundingClientRect().right))",
    )
    assert all(right <= rights[0] + 0.5 for right in rights[1:]), rights
