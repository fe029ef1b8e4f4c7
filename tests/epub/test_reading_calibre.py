"""Reading engine 2, calibre (it also converts for Kindle): ``ebook-convert`` EPUB → PDF and TXT.

calibre knows an EPUB 3 cover page only from the EPUB 2 ``<guide>``; without it the cover showed
twice and a blank page followed. It infers the body's size from the most common font size, so a
large block of small print (the licence, once a 0.7 em ``pre``) made the body 1.41× too large.
Each conversion runs once per session (three at a time: most of calibre's time is starting Qt).
"""

from __future__ import annotations

import io
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from ebooklib import epub
from epub_support import MOMENT, SEED, load_article
from markupsafe import escape
from tests.support.calibre import ebook_convert, ebook_meta

from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

PDFS = ("seed-book", "seed-newspaper", "seed-report", "collection")
COVER_SIZE = (1200, 1800)


def plain_epub() -> bytes:
    """The seed's text as the plainest EPUB: paragraphs and headings, no stylesheet, no fonts."""
    doc = load(SEED)
    book = epub.EpubBook()
    book.set_identifier("plain")
    book.set_title(doc.meta.title)
    book.set_language("ko")
    page = epub.EpubHtml(title="본문", file_name="text.xhtml", lang="ko")
    page.content = "<html><body>" + "".join(f"<p>{escape(b.text)}</p>" for b in doc.blocks) + "</body></html>"
    book.add_item(page)
    book.toc = [page]
    book.spine = [page]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def converted(reading_books: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``NAME.pdf`` for each of PDFS, ``seed-book.txt`` and ``plain.pdf`` (the size reference)."""
    folder = tmp_path_factory.mktemp("calibre")
    plain = folder / "plain.epub"
    plain.write_bytes(plain_epub())
    jobs = [(reading_books[name], folder / f"{name}.pdf") for name in PDFS]
    jobs += [(reading_books["seed-book"], folder / "seed-book.txt"), (plain, folder / "plain.pdf")]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda job: ebook_convert(*job), jobs))
    return {target.name: target for _, target in jobs}


def _page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def _images(pdf: Path) -> list[tuple[int, tuple[int, int]]]:
    """(page, (width, height)) of every image drawn (``pdfimages -list``)."""
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    return [(int(row[0]), (int(row[3]), int(row[4]))) for row in rows if row[2] == "image"]


@cache
def _hangul_size(pdf: Path) -> float:
    """The most common font size of the Hangul syllables on the first five pages: the body's."""
    sizes: Counter[float] = Counter()
    with pdfplumber.open(pdf) as document:
        for page in document.pages[:5]:
            sizes.update(round(c["size"], 1) for c in page.chars if "가" <= c["text"] <= "힣")
    return sizes.most_common(1)[0][0]


@pytest.mark.parametrize("name", PDFS)
def test_one_cover_and_no_blank_page(name, converted):
    pdf = converted[f"{name}.pdf"]
    assert _images(pdf) == [(1, COVER_SIZE)]  # calibre drew no cover of its own
    texts = _page_texts(pdf)
    assert len(texts) > 2
    assert [number for number, text in enumerate(texts, start=1) if not text.strip()] == [1]


@pytest.mark.parametrize("name", PDFS)
def test_body_size_is_calibres_own(name, converted):
    ratio = _hangul_size(converted[f"{name}.pdf"]) / _hangul_size(converted["plain.pdf"])
    assert 0.9 <= ratio <= 1.1, ratio


def test_text_has_the_article_once_and_the_licence_reflowed(converted):
    text = converted["seed-book.txt"].read_text(encoding="utf-8")
    title = load(SEED).meta.title
    assert text.lstrip().startswith(title) and text.count("삼성전자와 SK하이닉스가 미국 정부의") == 1
    licence = [line for line in text.splitlines() if line.startswith("The goals of the Open Font License")]
    assert len(licence) == 1 and licence[0].rstrip().endswith("partnership with others.")


def test_metadata_read_back(tmp_path):
    doc = load_article("many-headings")
    book = tmp_path / "book.epub"
    book.write_bytes(write_epub(doc, modified=MOMENT).data)
    meta = ebook_meta(book)
    assert meta["Title"] == doc.meta.title
    assert meta["Author(s)"] == " & ".join(a.name for a in doc.meta.authors if a.name)
    assert meta["Languages"] == "kor"
    assert meta["Publisher"] == doc.meta.publisher
    assert meta["Published"].startswith("2026-03-14T00:30:00")  # 09:30 in Seoul
