"""Big books: the PDF laid out and rendered in chunks by worker processes (or a Dask cluster) and
joined into one, so memory stays bounded and the cores share the work.

A chunk is a run of articles, or of a long article's blocks (:mod:`.plan`); each opens on a
right-hand page. Parts are laid out and rendered in the workers (:mod:`.work`) with one font
subset per face for the whole book; folios are drawn last over the pages (:mod:`.folios`), once
every page is counted; the contents is set last too, with the real page numbers; the join
(:mod:`.join`, pikepdf) keeps one outline, one set of named destinations and each font program
once. A book is chunked when ``--jobs`` asks for it or when it is large (:data:`.plan.AUTO_CHUNK`);
a small book (or any with ``--jobs 0``) renders in one piece as before. Tagged PDF and PDF/A are
not chunked (their structure trees are not merged): asked for together with ``--jobs`` they are
refused; a large book asked for one is rendered in one piece, with a warning.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from bookmaker.book import Book
from bookmaker.chunked.plan import AUTO_CHUNK, book_weight, cuts_between_blocks, plan_chunks
from bookmaker.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bookmaker.chunked.pool import Pool
    from bookmaker.chunked.render import ChunkedRender, Report
    from bookmaker.chunked.work import Setup
    from bookmaker.writers import Written

EXECUTORS = ("local", "dask")


class Options(Protocol):
    """What of a build's options (:class:`bookmaker.pipeline.BuildOptions`) chunking reads."""

    @property
    def jobs(self) -> int | None: ...
    @property
    def executor(self) -> str: ...
    @property
    def scheduler(self) -> str | None: ...
    @property
    def pdf_variant(self) -> str | None: ...
    @property
    def pdf_attachments(self) -> Sequence[object]: ...


def in_one_piece(options: Options) -> bool:
    """Whether a PDF asked for by ``options`` is rendered in one piece whatever the book's size
    (``--jobs 0``, a PDF variant or attachments): its memory then grows with the book."""
    if options.jobs == 0 and options.executor == "local":
        return True
    return options.pdf_variant is not None or bool(options.pdf_attachments)


def wanted(book: Book, options: Options, warnings: list[str]) -> bool:
    """Whether ``book``'s PDF is rendered in chunks (see the module); a refused combination is a
    usage error, a large book that cannot be chunked a warning."""
    if options.jobs == 0 and options.executor == "local":
        return False  # --jobs 0: in one piece, as a small book
    asked = options.jobs is not None or options.executor != "local"
    if options.pdf_variant is not None or options.pdf_attachments:
        what = f"--pdf-variant {options.pdf_variant}" if options.pdf_variant else "PDF attachments"
        if asked:
            raise UsageError(
                f"{what} cannot be combined with --jobs or --executor: a PDF rendered in chunks does "
                "not merge the chunks' structure trees (tags) or PDF/A metadata; leave out --jobs"
            )
        if book_weight(book) >= AUTO_CHUNK:
            warnings.append(
                f"a large book with {what} is rendered in one piece (tagged and PDF/A output is "
                "not rendered in chunks): memory grows with its length"
            )
        return False
    return asked or book_weight(book) >= AUTO_CHUNK


class PendingPdf:
    """A book's PDF being rendered in chunks (:func:`start`): :meth:`finish` gives it."""

    def __init__(self, render: ChunkedRender, pool: Pool, cuts: int) -> None:
        self._render, self._pool, self._cuts = render, pool, cuts

    def finish(self) -> tuple[Written, dict[str, str]]:
        """The PDF and its warnings, and what the sandbox refused in the workers."""
        try:
            written, refused = self._render.finish()
        finally:
            self.close()
        if self._cuts:
            written.warnings.append(
                f"a long article was cut for rendering at {self._cuts} place(s) that are not headings: "
                "the page before each cut ends early"
            )
        return written, refused

    def close(self) -> None:
        """Stop the workers (safe to call twice)."""
        self._pool.close()


def start(book: Book, setup: Setup, options: Options, report: Report | None = None) -> PendingPdf:
    """Start rendering ``book``'s PDF in chunks with ``options``' executor; the caller may work
    meanwhile (the build writes the EPUB), then calls :meth:`PendingPdf.finish`."""
    from bookmaker.chunked.pool import DaskPool, LocalPool
    from bookmaker.chunked.render import ChunkedRender

    if options.executor not in EXECUTORS:
        raise UsageError(f"--executor takes {' or '.join(EXECUTORS)}; got {options.executor!r}")
    chunks = plan_chunks(book)
    pool: Pool
    if options.executor == "dask":
        if not options.scheduler:
            raise UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
        pool = DaskPool(options.scheduler)
    else:
        pool = LocalPool(max(1, min(options.jobs or os.cpu_count() or 1, len(chunks) + 1)))
    try:
        render = ChunkedRender(book, chunks, setup, pool, report or _quiet).start()
    except BaseException:
        pool.close()
        raise
    return PendingPdf(render, pool, cuts_between_blocks(chunks))


def _quiet(stage: str, done: int, total: int, pages: int) -> None:
    return None
