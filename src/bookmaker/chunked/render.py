"""A book's PDF rendered in chunks, in worker processes, and joined (see :mod:`bookmaker.chunked`).

1. Find every character the book can draw; each worker cuts one subset per face from them.
2. Lay out and render every part (each chunk, and a collection's front matter with stand-in page
   numbers) in the workers while the caller writes the EPUB; count the pages. 3. Set the contents
   with the real page numbers (again until its page count holds). 4. Draw the folios. 5. Join.
Intermediate HTML and PDFs wait in a temporary folder, so the parent's memory does not grow with
the book.
"""

from __future__ import annotations

import tempfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import msgspec
import pikepdf

import bookmaker.chunked.folios as folios
from bookmaker.book import Book
from bookmaker.chunked.join import Source, join, page_marks, page_names
from bookmaker.chunked.plan import Part, Piece, weight
from bookmaker.chunked.pool import Pool
from bookmaker.chunked.work import PartJob, Rendered, Setup, book_codepoints, book_fonts, render_part
from bookmaker.errors import BuildError
from bookmaker.ir import Collection
from bookmaker.layout.print_layout import PT_PER_MM
from bookmaker.layout.style import Style
from bookmaker.writers import Written

Report = Callable[[str, int, int, int], None]
"""Progress: (stage, done, total, pages so far): ``laid out``, ``rendered`` (parts), ``folios``
(chunks), ``joined``."""
_FRONT_TRIES = 3
OVERLAY_PAGES = 80
"""Pages of one folio overlay document (several chunks': fewer documents, less fixed cost, ~10 ms
a document; but pieces small enough that the workers finish them together, beside the contents)."""


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
    names: list[str | None] = field(default_factory=list)
    """Each kept page's name, where an element named it."""

    def measure(self, path: Path) -> None:
        """Where the chunk's articles open and end, and which of its kept pages are blank."""
        self.lead = folios.LEAD_PAGES if self.part.lead is not None else 0
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages) - self.lead - (1 if self.part.tail else 0)
            marks = page_marks(pdf)
            named = page_names(pdf)
        self.pages = count
        self.names = [named.get(page + self.lead) for page in range(count)]
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


class ChunkedRender:
    """One book's PDF in chunks: :meth:`start` hands the parts to the pool and returns (the caller
    may write the EPUB meanwhile), :meth:`finish` waits, sets the contents and folios and joins."""

    def __init__(
        self,
        book: Book,
        chunks: Sequence[tuple[Piece, ...]],
        setup: Setup,
        pool: Pool,
        report: Report = _quiet,
    ) -> None:
        last = len(chunks) - 1
        self.chunks = [_Chunk(pieces, _chunk_part(pieces, last=n == last)) for n, pieces in enumerate(chunks)]
        self.book, self.pool, self.report = book, pool, report
        self.setup = replace(setup, characters=book_codepoints(book, setup.style))
        self.front_index = len(chunks)  # the part number of a collection's front matter
        self.warnings: list[str] = []
        self.refusals: dict[str, str] = {}
        self._scratch = tempfile.TemporaryDirectory(prefix="bookmaker-chunks-")
        self.folder = Path(self._scratch.name)
        self.setup = replace(self.setup, scratch=self._scratch.name)
        self._running: Iterator[Rendered] = iter(())
        self.page_css = _page_css(book, self.setup)
        boxes, named = folios.folio_boxes(self.page_css), folios.named_pages(self.page_css)
        self._chunk_css = folios.chunk_css(boxes, named)

    def start(self) -> ChunkedRender:
        """Hand every part (and a collection's front matter, with stand-in numbers) to the pool."""
        jobs = [
            PartJob(number, self.setup, (self._chunk_css,), _slim(self.book, chunk.pieces), chunk.part)
            for number, chunk in enumerate(self.chunks)
        ]
        if self.book.collection is not None:  # first: its page count is wanted last, with no wait
            front = _front_book(self.book)
            part = _front_part(self.book, estimated_openings(self.book, self.setup.style))
            jobs.insert(0, PartJob(self.front_index, self.setup, (folios.CHUNK_RULES,), front, part))
        self._jobs = jobs
        self._running = self.pool.submit(render_part, jobs)
        return self

    def finish(self) -> tuple[Written, dict[str, str]]:
        """The joined PDF and its warnings, and what the sandbox refused in the workers."""
        try:
            return self._finish(), self.refusals
        finally:
            self._scratch.cleanup()

    def _finish(self) -> Written:
        chunks = self.chunks
        front_pages = pages_done = 0
        missing: set[int] = set()
        for done, rendered in enumerate(self._running, 1):
            if rendered.missing:
                missing |= rendered.missing
                continue
            path = self._keep(rendered, "part")
            if rendered.index == self.front_index:
                front_pages = _page_count(path) - 1  # less its tail page
            else:
                chunks[rendered.index].measure(path)
                pages_done += chunks[rendered.index].pages
            self.report("rendered", done, len(self._jobs), pages_done)
        if not missing:
            front, front_pages, overlays, missing = self._finishing(front_pages)
            if not missing:
                return self._join(front, front_pages, overlays)
        # the templates or the layout drew characters the book's text does not have: all again
        self.setup = replace(self.setup, characters=self.setup.characters | missing)
        return self.start()._finish()

    def _join(self, front: Path | None, front_pages: int, overlays: list[tuple[Path, int]]) -> Written:
        """The front matter (less its tail page) and the chunks, their folios laid over, as one PDF."""
        sources = [] if front is None else [Source(front, drop=(front_pages,))]  # its tail page
        for number, chunk in enumerate(self.chunks):
            drop = tuple(range(chunk.lead)) + ((chunk.lead + chunk.pages,) if chunk.part.tail else ())
            sources.append(Source(self.folder / f"part-{number}.pdf", drop, overlays[number]))
        joined = self.folder / "joined.pdf"
        with joined.open("wb") as out:
            total = join(sources, book_fonts(self.setup.characters), out, self.setup.identifier)
        self.report("joined", 1, 1, total)
        return Written(joined.read_bytes(), [*dict.fromkeys(self.warnings)])

    def _keep(self, rendered: Rendered, name: str) -> Path:
        """Note a part's warnings and refusals, keep its PDF in the scratch folder."""
        self.warnings.extend(rendered.warnings)
        for url, message in rendered.refusals:
            self.refusals.setdefault(url, message)
        path = self.folder / f"{name}-{rendered.index}.pdf"
        path.write_bytes(rendered.pdf)
        return path

    def _finishing(self, guess: int) -> tuple[Path | None, int, list[tuple[Path, int]], set[int]]:
        """The front matter with the real page numbers (a collection's), its page count (tail page
        left out) and each chunk's folio overlay, made together; made again while the front
        matter's count differs from the stand-in's, which the numbers assumed. Characters a
        finishing part drew that the book's font set lacks come last (the parts must be made again)."""
        front_pages = guess
        missing: set[int] = set()
        for _ in range(_FRONT_TRIES):
            total = front_pages + sum(chunk.pages for chunk in self.chunks)
            jobs, placed = self._folio_jobs(front_pages, total)
            if self.book.collection is not None:  # first: the longest job, the overlays fill in beside it
                part = _front_part(self.book, self._openings(front_pages))
                book = _front_book(self.book)
                jobs.insert(0, PartJob(self.front_index, self.setup, (folios.CHUNK_RULES,), book, part))
            count = front_pages
            for done, rendered in enumerate(self.pool.submit(render_part, jobs), 1):
                if rendered.missing:
                    missing |= rendered.missing
                elif rendered.index == self.front_index:
                    count = _page_count(self._keep(rendered, "front")) - 1
                else:
                    self._keep(rendered, "folios")
                self.report("folios", done, len(jobs), total)
            if missing:
                return None, front_pages, placed, missing
            if count == front_pages:
                front = self.folder / f"front-{self.front_index}.pdf"
                return (front if self.book.collection is not None else None), front_pages, placed, missing
            front_pages = count
        raise BuildError("the contents' page count does not settle")

    def _folio_jobs(self, front_pages: int, total: int) -> tuple[list[PartJob], list[tuple[Path, int]]]:
        """The folio overlays' jobs, and each chunk's overlay (file, its first page there):
        consecutive chunks share one document of about :data:`OVERLAY_PAGES` pages."""
        groups: list[list[int]] = [[]]
        for number in range(len(self.chunks)):
            if sum(self.chunks[n].pages for n in groups[-1]) >= OVERLAY_PAGES:
                groups.append([])
            groups[-1].append(number)
        boxes = folios.folio_boxes(self.page_css)
        jobs, placed, first = [], [], front_pages
        for index, group in enumerate(groups):
            blank = [page for number in group for page in self.chunks[number].blank]
            names = [name for number in group for name in self.chunks[number].names]
            html = zlib.compress(folios.overlay_html(self.page_css, blank, total, names).encode(), 1)
            jobs.append(PartJob(index, self.setup, (folios.overlay_css(first + 1, boxes),), html=html))
            first += len(blank)
            offset = 0
            for number in group:
                placed.append((self.folder / f"folios-{index}.pdf", offset))
                offset += self.chunks[number].pages
        return jobs, placed

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


def _front_part(book: Book, numbers: Sequence[int]) -> Part:
    """The front matter, with the contents' page numbers."""
    return Part(front=True, toc_pages=tuple(map(str, numbers)), tail=True)


def estimated_openings(book: Book, style: Style) -> list[int]:
    """Stand-ins for each article's first page number, for counting the contents' pages before the
    chunks are: an article's pages estimated from its weight (characters, its title block and
    right-hand opening included) and the page's text area, after ~1 page of front matter per 25
    entries. The contents' count depends on the numbers' widths (a ``1`` is narrower than an
    ``8``), so the closer the stand-ins, the likelier the count holds with the real numbers and
    the folios are drawn once."""
    page = style.page
    width = (page.width_mm - page.inner_mm - page.outer_mm) * PT_PER_MM / style.body_pt
    lines = (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM / (style.body_pt * style.line_height)
    per_page = max(1.0, width * lines)
    openings, number = [], 3.0 + len(book.chapters) / 25
    for doc in book.chapters:
        openings.append(round(number))
        number += weight(doc) / per_page
    return openings


def _page_css(book: Book, setup: Setup) -> str:
    """The book's page stylesheet, as every part's print HTML holds it."""
    from bookmaker.writers.pdf import print_html

    empty = _slim(book, ()) if book.collection is not None else Book.of(_front_book(book).chapters[0])
    html = print_html(
        empty,
        created=setup.created,
        style=setup.style,
        print_ready=setup.print_ready,
        break_style=setup.break_style,
        part=Part(),
    )
    return folios.page_css_of(html)


def _page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)
