"""Real rendering in headless chromium at phone viewports: no Korean word cut in two or stretched.

Chromium missing is a failure, not a skip (CI installs it; see ``tests.support.epub_tools``).
"""

from __future__ import annotations

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
