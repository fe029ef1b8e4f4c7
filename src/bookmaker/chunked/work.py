"""What a worker does for a book rendered in chunks: lay out a part, render a part, draw folios.

Each job is a plain picklable value and each function returns plain values (bytes, lists), so the
same jobs run in local worker processes or on a Dask cluster and give the same bytes. Big values
travel deflated.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime

from bookmaker.book import Book
from bookmaker.chunked.plan import Part
from bookmaker.fonts.subsetting import FontSubset, codepoints
from bookmaker.layout.style import Style
from bookmaker.pdf_worker import Request


@dataclass(frozen=True, slots=True)
class Setup:
    """What every job of one book shares: the design and the render's identity and sandbox."""

    style: Style
    print_ready: bool
    break_style: str
    created: datetime
    identifier: bytes
    base_url: str | None
    roots: tuple[str, ...]
    allow_remote: bool


@dataclass(frozen=True, slots=True)
class LayoutJob:
    """Lay out ``part`` of ``book`` (a slim book: only the chapters the part needs)."""

    index: int
    book: Book
    part: Part
    setup: Setup


@dataclass(frozen=True, slots=True)
class LaidOut:
    """A part's print HTML (deflated) and every code point it can draw."""

    index: int
    html: bytes
    codepoints: frozenset[int]


@dataclass(frozen=True, slots=True)
class RenderJob:
    """Render a laid-out part (deflated HTML) with the book's fonts and the chunk stylesheet."""

    index: int
    html: bytes
    fonts: tuple[FontSubset, ...]
    extra_css: tuple[str, ...]
    setup: Setup
    refusals: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Rendered:
    """A part's PDF, WeasyPrint's warnings and what the sandbox refused (URL, message)."""

    index: int
    pdf: bytes
    warnings: tuple[str, ...]
    refusals: tuple[tuple[str, str], ...]


def lay_out(job: LayoutJob) -> LaidOut:
    """The part's print HTML: paragraphs set line by line, as :func:`print_html` sets a whole book."""
    from bookmaker.writers.pdf import print_html

    html = print_html(
        job.book,
        created=job.setup.created,
        style=job.setup.style,
        print_ready=job.setup.print_ready,
        break_style=job.setup.break_style,
        part=job.part,
    )
    return LaidOut(job.index, zlib.compress(html.encode(), 1), codepoints(html))


def render(job: RenderJob) -> Rendered:
    """The part's PDF, drawn with the book's fonts (WeasyPrint embeds the glyphs the part uses,
    keeping glyph ids: the join embeds each face's whole book subset once instead)."""
    setup = job.setup
    request = Request(
        html=zlib.decompress(job.html).decode(),
        identifier=setup.identifier,
        created=setup.created,
        theme=setup.style.name,
        variant=None,
        roots=list(setup.roots),
        allow_remote=setup.allow_remote,
        refusals=dict(job.refusals),
        base_url=setup.base_url,
        attachments=[],
        fonts=list(job.fonts),
        extra_css=list(job.extra_css),
    )
    sandbox = request.sandbox()
    written = request.run(sandbox)
    refused = tuple(item for item in sandbox.refusals.items() if item[0] not in request.refusals)
    return Rendered(job.index, written.data, tuple(written.warnings), refused)


def warm_up() -> None:
    """Import WeasyPrint in a worker before its first render."""
    import weasyprint  # noqa: F401
