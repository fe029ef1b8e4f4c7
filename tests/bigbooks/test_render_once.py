"""A book rendered in chunks is laid out once and its folios drawn once: every character a part
prints is in the book's font set (else every part is laid out again), and the contents' stand-in
numbers give the count the real ones give (else every folio overlay is drawn again)."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from bookmaker.book import Book
from bookmaker.chunked import render
from bookmaker.chunked.plan import plan_chunks
from bookmaker.chunked.render import _chunk_part, _front_book, _front_part, _slim, estimated_openings
from bookmaker.chunked.work import book_codepoints
from bookmaker.collection.assemble import Article, make_collection
from bookmaker.fonts.subsetting import codepoints
from bookmaker.ir import Collection, from_json
from bookmaker.layout.style import default_style
from bookmaker.pipeline import BuildOptions, build
from bookmaker.writers.pdf import print_html
from tests.bigbooks.conftest import SMALL_CHUNKS
from tests.collections.collection_support import ARTICLES, FIXTURES


def _digest() -> Collection:
    """The test digest, its first article titled so that its headline binds its last word to the
    one before with a no-break space (a short last word), its second so that its headline breaks
    after a glued ellipsis (a zero-width space)."""
    docs = [from_json((FIXTURES / f"{name}.json").read_bytes()) for name in ARTICLES]
    titles = ["반도체 수출 다시 늘 것", "카카오, 3분기 영업이익 1500억원…전년 대비 5% 증가"]
    for index, title in enumerate(titles):
        docs[index] = msgspec.structs.replace(
            docs[index], meta=msgspec.structs.replace(docs[index].meta, title=title)
        )
    paths = [FIXTURES / f"{name}.json" for name in ARTICLES]
    return make_collection([Article(p, d) for p, d in zip(paths, docs, strict=True)], title="묶음")[0]


def test_every_character_a_part_prints_is_in_the_book_set() -> None:
    book, style = Book.of(_digest()), default_style()
    characters = book_codepoints(book, style)
    chunks = plan_chunks(book, 12000)
    htmls = [
        print_html(_slim(book, pieces), created=_moment(), style=style, part=_chunk_part(pieces, last=False))
        for pieces in chunks
    ]
    front = _front_part(book, estimated_openings(book, style))
    htmls.append(print_html(_front_book(book), created=_moment(), style=style, part=front))
    assert any("\u00a0" in html for html in htmls)  # the bound headline
    assert any("\u200b" in html for html in htmls)  # the headline broken after its ellipsis
    for html in htmls:
        assert codepoints(html) <= characters


def test_a_chunked_book_is_laid_out_once_and_its_folios_drawn_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in SMALL_CHUNKS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")
    calls: list[str] = []
    start, folio_jobs = render.ChunkedRender.start, render.ChunkedRender._folio_jobs

    def counted_start(self: render.ChunkedRender) -> render.ChunkedRender:
        calls.append("parts")
        return start(self)

    def counted_folios(self: render.ChunkedRender, front_pages: int, total: int):  # type: ignore[no-untyped-def]
        calls.append("folios")
        return folio_jobs(self, front_pages, total)

    monkeypatch.setattr(render.ChunkedRender, "start", counted_start)
    monkeypatch.setattr(render.ChunkedRender, "_folio_jobs", counted_folios)
    build(_digest(), tmp_path, "book", BuildOptions(formats=("pdf",), jobs=2))
    assert calls == ["parts", "folios"]


def _moment():  # type: ignore[no-untyped-def]
    from bookmaker.resources import build_time

    return build_time()
