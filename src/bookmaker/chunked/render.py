"""A book's PDF rendered in chunks, in worker processes, and joined (see :mod:`bookmaker.chunked`).

1. Lay out every part (each chunk, and a collection's front matter with stand-in page numbers) in
   the workers; gather the code points they draw. 2. Cut one subset per face for the whole book.
3. Render every part with those fonts; count the pages. 4. Set the contents with the real page
   numbers (again until its page count holds). 5. Draw each chunk's folios. 6. Join.
Intermediate HTML and PDFs wait in a temporary folder, so the parent's memory does not grow with
the book.
"""

from __future__ import annotations

import tempfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import msgspec
import pikepdf

from bookmaker.book import Book
from bookmaker.chunked import folios
from bookmaker.chunked.join import Source, join, page_marks
from bookmaker.chunked.plan import Part, Piece
from bookmaker.chunked.pool import Pool
from bookmaker.chunked.work import LayoutJob, Rendered, RenderJob, Setup, lay_out, render
from bookmaker.errors import BuildError
from bookmaker.fonts.subsetting import FontSubset, pdf_subsets_for
from bookmaker.ir import Collection
from bookmaker.writers import Written

Report = Callable[[str, int, int, int], None]
"""Progress: (stage, done, total, pages so far): ``laid out``, ``rendered`` (parts), ``folios``
(chunks), ``joined``."""
_FRONT_TRIES = 3


def _quiet(stage: str, done: int, total: int, pages: int) -> None:
    return None


@dataclass(slots=True)
class _Chunk:
    """One chunk: its pieces and part, and once rendered its kept pages and where things fall."""

    pieces: tuple[Piece, ...]
    part: Part
    pages: int = 0
    """Pages kept (lead and tail pages left out)."""
    lead: int = 0
    starts: dict[int, int] = field(default_factory=dict)
    """Article number → the kept page (0-based) where it opens."""
    blank: list[bool] = field(default_factory=list)

    def measure(self, path: Path) -> None:
        """Where the chunk's articles open and end, and which of its kept pages are blank."""
        self.lead = folios.LEAD_PAGES if self.part.lead is not None else 0
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages) - self.lead - (1 if self.part.tail else 0)
            marks = page_marks(pdf)
        self.pages = count
        filled = [False] * count
        start = 0
        for piece in self.pieces:
            if not piece.continued:
                opening = marks.get(f"a{piece.number}")
                start = opening[0] - self.lead if opening else start
                self.starts[piece.number] = start
            end_mark = marks.get(f"bookmaker-end-{piece.number}")
            end = end_mark[0] - self.lead if piece.ends and end_mark else count - 1
            for page in range(max(start, 0), min(end, count - 1) + 1):
                filled[page] = True
            start = end + 1
        self.blank = [not page for page in filled]


def render_chunked(
    book: Book,
    chunks: Sequence[tuple[Piece, ...]],
    setup: Setup,
    pool: Pool,
    report: Report = _quiet,
) -> tuple[Written, dict[str, str]]:
    """The PDF of ``book`` cut into ``chunks`` and rendered by ``pool`` (see the module), and what
    the sandbox refused in the workers (URL → message)."""
    parts = [
        _Chunk(pieces, _chunk_part(pieces, last=number == len(chunks) - 1))
        for number, pieces in enumerate(chunks)
    ]
    with tempfile.TemporaryDirectory(prefix="bookmaker-chunks-") as scratch:
        run = _Run(book, parts, setup, pool, Path(scratch), report)
        return run.pdf(), run.refusals


class _Run:
    """One book's chunked render: its chunks, the scratch folder, the warnings and refusals met."""

    def __init__(
        self, book: Book, chunks: list[_Chunk], setup: Setup, pool: Pool, folder: Path, report: Report
    ) -> None:
        self.book, self.chunks, self.setup, self.pool = book, chunks, setup, pool
        self.folder, self.report = folder, report
        self.warnings: list[str] = []
        self.refusals: dict[str, str] = {}
        self.front_index = len(chunks)  # the part number of a collection's front matter

    def pdf(self) -> Written:
        """The joined PDF and the warnings of every part."""
        book, chunks = self.book, self.chunks
        jobs = [
            LayoutJob(number, _slim(book, chunk.pieces), chunk.part, self.setup)
            for number, chunk in enumerate(chunks)
        ]
        if book.collection is not None:
            jobs.append(LayoutJob(self.front_index, _front_book(book), _front_part(book, None), self.setup))
        html, fonts = self._lay_out(jobs)
        page_css = folios.page_css_of(zlib.decompress(html[0].read_bytes()).decode())
        chunk_css = folios.chunk_css(folios.folio_boxes(page_css))
        renders = [
            RenderJob(index, path.read_bytes(), fonts, (self._part_css(index, chunk_css),), self.setup)
            for index, path in sorted(html.items())
        ]
        front_pages = pages_done = 0
        for done, rendered in enumerate(self._render(renders, "part"), 1):
            path = self.folder / f"part-{rendered.index}.pdf"
            if rendered.index == self.front_index:
                front_pages = _page_count(path) - 1  # less its tail page
            else:
                chunks[rendered.index].measure(path)
                pages_done += chunks[rendered.index].pages
            self.report("rendered", done, len(renders), pages_done)
        sources: list[Source] = []
        if book.collection is not None:
            front, front_pages = self._front(front_pages, fonts)
            sources.append(Source(front, tail=True))
        total = front_pages + sum(chunk.pages for chunk in chunks)
        overlays = []
        first = front_pages
        for number, chunk in enumerate(chunks):
            page = zlib.compress(folios.overlay_html(page_css, chunk.blank, total).encode(), 1)
            overlays.append(RenderJob(number, page, fonts, (folios.overlay_css(first + 1),), self.setup))
            first += chunk.pages
        for done, _ in enumerate(self._render(overlays, "folios"), 1):
            self.report("folios", done, len(overlays), total)
        for number, chunk in enumerate(chunks):
            overlay = self.folder / f"folios-{number}.pdf"
            sources.append(Source(self.folder / f"part-{number}.pdf", chunk.lead, chunk.part.tail, overlay))
        data = join(sources, fonts)
        self.report("joined", 1, 1, total)
        return Written(data, [*dict.fromkeys(self.warnings)])

    def _part_css(self, index: int, chunk_css: str) -> str:
        return folios.CHUNK_RULES if index == self.front_index else chunk_css

    def _lay_out(self, jobs: list[LayoutJob]) -> tuple[dict[int, Path], tuple[FontSubset, ...]]:
        """Each part's HTML (in a file) and the book's fonts: one subset per face for all parts."""
        points: set[int] = set()
        html: dict[int, Path] = {}
        for done, laid in enumerate(self.pool.map(lay_out, jobs), 1):
            html[laid.index] = self.folder / f"part-{laid.index}.html.z"
            html[laid.index].write_bytes(laid.html)
            points |= laid.codepoints
            self.report("laid out", done, len(jobs), 0)
        return html, tuple(pdf_subsets_for(frozenset(points)))

    def _render(self, jobs: list[RenderJob], name: str) -> Iterator[Rendered]:
        """Render ``jobs`` into ``<name>-<index>.pdf`` files, yielding each as it is done."""
        for rendered in self.pool.map(render, jobs):
            self.warnings.extend(rendered.warnings)
            for url, message in rendered.refusals:
                self.refusals.setdefault(url, message)
            (self.folder / f"{name}-{rendered.index}.pdf").write_bytes(rendered.pdf)
            yield rendered

    def _front(self, guess: int, fonts: tuple[FontSubset, ...]) -> tuple[Path, int]:
        """The front matter with the real page numbers, and its page count (tail page left out),
        set again while its count differs from the one the numbers assumed."""
        pages = guess
        for _ in range(_FRONT_TRIES):
            part = _front_part(self.book, self._openings(pages))
            laid = next(self.pool.map(lay_out, [LayoutJob(0, _front_book(self.book), part, self.setup)]))
            job = RenderJob(self.front_index, laid.html, fonts, (folios.CHUNK_RULES,), self.setup)
            next(self._render([job], "front"))
            path = self.folder / f"front-{self.front_index}.pdf"
            count = _page_count(path) - 1
            if count == pages:
                return path, count
            pages = count
        raise BuildError("the contents' page count does not settle")

    def _openings(self, front_pages: int) -> list[int]:
        """Each article's first page number, the front matter taking ``front_pages``."""
        numbers: dict[int, int] = {}
        first = front_pages
        for chunk in self.chunks:
            for number, page in chunk.starts.items():
                numbers[number] = first + page + 1
            first += chunk.pages
        return [numbers[number] for number in range(1, len(self.book.chapters) + 1)]


def _chunk_part(pieces: tuple[Piece, ...], *, last: bool) -> Part:
    """A chunk's part: a continuing chunk carries its article's running title; all but the last
    end on a left-hand page."""
    lead = pieces[0].doc.meta.title if pieces[0].continued else None
    return Part(pieces=pieces, lead=lead, tail=not last)


def _slim(book: Book, pieces: Sequence[Piece]) -> Book:
    """The book a chunk needs: its own articles, the collection's metadata."""
    docs = tuple(piece.doc for piece in pieces)
    if book.collection is None:
        return Book(docs)
    return Book(docs, Collection(meta=book.collection.meta, articles=list(docs), duplicates=[]))


def _front_book(book: Book) -> Book:
    """The book the front matter needs: every article's metadata, no text."""
    return book.with_chapters([msgspec.structs.replace(doc, blocks=[], removed=[]) for doc in book.chapters])


def _front_part(book: Book, numbers: Sequence[int] | None) -> Part:
    """The front matter, with the contents' page numbers (four-digit stand-ins when None)."""
    pages = tuple("8888" for _ in book.chapters) if numbers is None else tuple(map(str, numbers))
    return Part(front=True, toc_pages=pages, tail=True)


def _page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)
