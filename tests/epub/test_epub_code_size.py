"""Code in the EPUB: a code block is set at the size of inline code (0.9 of the text around it),
not 0.9 × 0.9 — ``code`` inside ``pre`` took the 0.9 em twice, and a README's examples were set
at 0.81 em, smaller than any other text in the book (found by visual10 in epub.js on a phone)."""

from __future__ import annotations

import zipfile

import pytest
from epub_support import KITCHEN_SINK, MOMENT

from bookmaker.layout.style import default_style
from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

SIZES = """(() => {
  const size = (node) => parseFloat(getComputedStyle(node).fontSize);
  const block = document.querySelector('pre > code');
  const inline = [...document.querySelectorAll('p > code')][0];
  return [size(block) / size(block.closest('pre').parentNode), size(inline) / size(inline.parentNode)];
})()"""


@pytest.mark.parametrize("theme", ["book", "newspaper", "report"])
def test_a_code_block_is_as_large_as_inline_code(theme, browser, tmp_path):
    data = write_epub(load(KITCHEN_SINK), modified=MOMENT, style=default_style(theme)).data
    (tmp_path / "book.epub").write_bytes(data)
    with zipfile.ZipFile(tmp_path / "book.epub") as archive:
        archive.extractall(tmp_path)
    session = browser.open((tmp_path / "EPUB" / "article.xhtml").as_uri())
    block, inline = browser.evaluate(session, SIZES)
    assert inline == pytest.approx(0.9, abs=0.01)
    assert block == pytest.approx(inline, abs=0.01)
