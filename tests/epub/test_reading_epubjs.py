"""Reading engine 3, epub.js (JavaScript, in chromium through puppeteer-core) on a 360×640 phone
screen: the seed's first pages show no word gap over 1 em and no Korean word broken across lines.

epub.js lays a chapter's pages out as columns of one frame as wide as all of them, so a
``@media (max-width: …)`` query never sees the page's width: justified whole-word lines opened
gaps of up to 2–4 em there. The books no longer justify on their own (the reading system's
setting decides), and ``--set justify=on`` justifies through a container query, which measures
the text's own column; the self-test shows the probe catching the old gaps.
"""

from __future__ import annotations

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from epub_support import MOMENT, SEED
from tests.support.js_reader import read_with_epubjs

from bookmaker.layout.style import resolve_style
from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

WIDTH, HEIGHT = 360, 640
BOOKS = ("seed-book", "seed-newspaper", "seed-report", "seed-justified", "self-test")


def _justified_by_force(book: bytes) -> bytes:
    """The book with its running text justified whatever the width (the old stylesheet's effect)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "EPUB/style/book.css":
                data += b"\n.body p { text-align: justify; }\n"
            target.writestr(info, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def shown(reading_books: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """Each book's first six pages in epub.js (two readers at a time)."""
    folder = tmp_path_factory.mktemp("epubjs")
    paths = {name: reading_books[name] for name in BOOKS[:3]}
    justified = write_epub(load(SEED), modified=MOMENT, style=resolve_style("book", None, {"justify": "on"}))
    paths["seed-justified"] = folder / "justified.epub"
    paths["seed-justified"].write_bytes(justified.data)
    paths["self-test"] = folder / "forced.epub"
    paths["self-test"].write_bytes(_justified_by_force(reading_books["seed-book"].read_bytes()))
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda path: read_with_epubjs(path, width=WIDTH, height=HEIGHT), paths.values())
        return dict(zip(paths, results, strict=True))


def _article(sections: list[dict]) -> dict:
    [article] = [s for s in sections if s["href"].startswith("article")]
    return article


@pytest.mark.parametrize("name", BOOKS[:4])
def test_no_wide_gap_and_no_broken_word(name, shown):
    article = _article(shown[name])
    report = article["report"]
    assert report.get("error") is None
    assert article["frameWidth"] >= 3 * WIDTH  # the pages are columns of one wide frame
    assert report["lines"] > report["blocks"] > 3  # real text was measured
    assert report["breaks"] == [], report["breaks"][:5]
    assert report["gaps"] == [], report["gaps"][:5]
    assert report["maxGap"] < 1


def test_the_probe_sees_gaps_of_forced_justification(shown):
    report = _article(shown["self-test"])["report"]
    assert len(report["gaps"]) > 10 and report["maxGap"] > 1.5
