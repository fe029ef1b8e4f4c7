"""What a worker does for a book rendered in chunks: lay out a part and render it.

Each job is a plain picklable value and each result holds plain values (bytes, tuples), so the
same jobs run in local worker processes or on a Dask cluster and give the same bytes. Every part
is drawn with the book's fonts: each face cut to the characters the parent found in the whole
book (:func:`book_codepoints`), so that every part embeds glyphs of the same font with the same
ids. A part whose HTML holds a character outside that set is not rendered: its result names the
characters, and the parent starts again with them added.
"""

from __future__ import annotations

import importlib
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import msgspec

from bookmaker.book import Book
from bookmaker.chunked.join import strip_fonts
from bookmaker.chunked.plan import Part
from bookmaker.collector import after_document, for_rendering
from bookmaker.fonts.subsetting import FontSubset, codepoints, pdf_subsets_for
from bookmaker.korean.runt import NO_BREAK_SPACE
from bookmaker.layout.style import Style
from bookmaker.pdf_worker import Request

PRINTED = "년월일\u2060\u200b" + NO_BREAK_SPACE
"""Characters the print rendition adds to a book's text besides its templates' (dates, word
joiners, the zero-width space after an ellipsis where a headline breaks, the no-break spaces that
keep a headline's phrases and last word whole and a closing mark off a line's start): one missing
sends every part back to be laid out again."""


@dataclass(frozen=True, slots=True)
class Setup:
    """What every job of one book shares: the design, the fonts' characters, the render's identity
    and sandbox."""

    style: Style
    print_ready: bool
    break_style: str
    created: datetime
    identifier: bytes
    base_url: str | None
    roots: tuple[str, ...]
    allow_remote: bool
    characters: frozenset[int] = frozenset()
    scratch: str | None = None
    """The parent's scratch folder: a worker that sees it keeps its font files there (it goes
    with the book); one that does not (a remote Dask worker) makes a configuration a part."""


@dataclass(frozen=True, slots=True)
class PartJob:
    """Lay out and render ``part`` of ``book`` (a slim book: the chapters the part needs), or
    render ``html`` as it is (a folio overlay); ``extra_css`` after the document's stylesheet."""

    index: int
    setup: Setup
    extra_css: tuple[str, ...]
    book: Book | None = None
    part: Part | None = None
    html: bytes = b""
    """Deflated HTML to render as it is."""
    refusals: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Rendered:
    """A part's PDF (its fonts' programs left out: :func:`strip_fonts`), WeasyPrint's warnings and
    what the sandbox refused (URL, message); or, when its HTML holds characters outside the
    book's set, those characters and no PDF."""

    index: int
    pdf: bytes = b""
    warnings: tuple[str, ...] = ()
    refusals: tuple[tuple[str, str], ...] = ()
    missing: frozenset[int] = frozenset()


def book_codepoints(book: Book, style: Style) -> frozenset[int]:
    """Every character the book's print rendition can draw: its text and metadata, its templates'
    text, :data:`PRINTED`."""
    meta = book.collection.meta if book.collection is not None else None
    text = msgspec.json.encode([book.chapters, meta]).decode()
    templates = (
        path.read_text(encoding="utf-8", errors="replace")
        for folder in style.folders()
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in (".j2", ".css", ".html")
    )
    return codepoints(text + "".join(templates) + PRINTED)


def book_fonts(characters: frozenset[int]) -> tuple[FontSubset, ...]:
    """The book's fonts, cut once per process (:func:`pdf_subsets_for` keeps them)."""
    return pdf_subsets_for(characters)


def render_part(job: PartJob) -> Rendered:
    """Lay out the job's part (unless it is HTML already) and render it with the book's fonts."""
    from bookmaker.writers.pdf import print_html

    setup = job.setup
    if job.book is not None and job.part is not None:
        html = print_html(
            job.book,
            created=setup.created,
            style=setup.style,
            print_ready=setup.print_ready,
            break_style=setup.break_style,
            part=job.part,
        )
    else:
        html = zlib.decompress(job.html).decode()
    missing = codepoints(html) - setup.characters
    if missing:
        return Rendered(job.index, missing=frozenset(missing))
    request = Request(
        html=html,
        identifier=setup.identifier,
        created=setup.created,
        theme=setup.style.name,
        variant=None,
        roots=list(setup.roots),
        allow_remote=setup.allow_remote,
        refusals=dict(job.refusals),
        base_url=setup.base_url,
        attachments=[],
        fonts=list(book_fonts(setup.characters)),
        extra_css=list(job.extra_css),
        keep_fonts_in=setup.scratch if setup.scratch and Path(setup.scratch).is_dir() else None,
        # a laid-out part's streams are compressed once, by strip_fonts (WeasyPrint's level 9 cost
        # ~35 ms a chunk); folio overlays (~150 tiny page streams) stay as they were: no gain there
        compress=job.book is None,
    )
    sandbox = request.sandbox()
    written = request.run(sandbox)
    refused = tuple(item for item in sandbox.refusals.items() if item[0] not in request.refusals)
    rendered = Rendered(job.index, strip_fonts(written.data), tuple(written.warnings), refused)
    after_document()  # the part's cyclic garbage (WeasyPrint's boxes)
    return rendered


WORKER_MODULES = (
    "bookmaker.writers.weasyprint_engine",
    "bookmaker.chunked.work",
    "bookmaker.layout",
    "bookmaker.writers.pdf",
)
"""What a worker imports before its first part (the templates' Jinja2, WeasyPrint): the fork
server that starts local workers imports them once, and every worker it forks has them."""


def warm_up() -> None:
    """Ready a local worker before its first render: import :data:`WORKER_MODULES` (nothing left to
    do in one forked from a fork server that preloaded them), set the garbage collector for
    rendering (:mod:`bookmaker.collector`)."""
    for name in WORKER_MODULES:
        importlib.import_module(name)
    for_rendering()
