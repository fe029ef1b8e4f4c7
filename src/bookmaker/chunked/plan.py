"""Cutting a book into chunks: runs of whole articles, and a long article into runs of blocks.

Every chunk opens on a right-hand page, as every article of a collection does, so chunks lay out
independently of one another. A long article is cut before a heading when one falls within the
budget's reach (the cut then opens a right-hand page, like a chapter), else between two blocks
(the page before such a cut ends early: the build warns about it).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass

from bookmaker.book import Book
from bookmaker.ir import Block, Document, Heading
from bookmaker.layout.inlines import RunNotes
from bookmaker.limits import layout_cost

CHUNK_BUDGET = 50_000
"""Characters of text per chunk (~35 A5 pages), as :func:`bookmaker.limits.layout_cost` counts them
(a run of Latin letters or digits counts as more: it costs WeasyPrint more; Korean news weighs
about 1.25 times its characters): small enough for a worker's memory and for the work to spread over
the workers, large enough that a chunk's fixed cost stays small. ``BOOKMAKER_CHUNK_CHARS``
overrides it (tests and benchmarks)."""
ARTICLE_COST = 1_500
"""What an article's title block and its right-hand opening cost, in characters of text."""
AUTO_CHUNK = 125_000
"""A book at least this large (~80 A5 pages) is rendered in chunks even when no ``--jobs`` asked
for it."""


@dataclass(frozen=True, slots=True)
class Piece:
    """An article, or a run of its blocks, as one chunk renders it."""

    number: int
    """The article's number in the book (1-based): its chapter id is ``a<number>``."""
    doc: Document
    """The article with only this run of blocks."""
    block_offset: int = 0
    """How many of the article's blocks earlier pieces hold (block ids keep counting)."""
    ends: bool = True
    """Whether the article's last block is in this piece."""
    notes: RunNotes | None = None
    """For a run of an article's blocks: the article's footnote numbers and what this run needs."""

    @property
    def continued(self) -> bool:
        """Whether an earlier piece holds the article's title block."""
        return self.block_offset > 0


@dataclass(frozen=True, slots=True)
class Part:
    """What one print document of a chunked book holds (the print templates read it)."""

    front: bool = False
    """The collection's title page and contents."""
    pieces: tuple[Piece, ...] = ()
    toc_pages: tuple[str, ...] | None = None
    """The contents' page numbers, one per article, when the front matter is set in its own
    document (``None``: ``target-counter()`` finds them)."""
    lead: str | None = None
    """The running title to carry into a chunk that starts inside an article."""
    tail: bool = False
    """End on a left-hand page (the next part opens on a right-hand one): a last page is added
    after a break to the right, and the join drops it."""


def weight(doc: Document) -> int:
    """An article's size for planning, in characters of text (:func:`~bookmaker.limits.layout_cost`)."""
    return ARTICLE_COST + sum(layout_cost(block.text) for block in doc.blocks)


def book_weight(book: Book) -> int:
    """The book's size for planning, in characters of text."""
    return sum(weight(doc) for doc in book.chapters)


def chunk_budget() -> int:
    """:data:`CHUNK_BUDGET`, or ``BOOKMAKER_CHUNK_CHARS`` when set."""
    value = os.environ.get("BOOKMAKER_CHUNK_CHARS", "")
    return int(value) if value.isdigit() and int(value) > 0 else CHUNK_BUDGET


def plan_chunks(book: Book, budget: int | None = None) -> list[tuple[Piece, ...]]:
    """The book's articles cut into runs of about ``budget`` characters (default:
    :func:`chunk_budget`), in book order."""
    budget = budget or chunk_budget()
    chunks: list[tuple[Piece, ...]] = []
    current: list[Piece] = []
    size = 0
    for number, doc in enumerate(book.chapters, 1):
        cost = weight(doc)
        if current and size + cost > budget:
            chunks.append(tuple(current))
            current, size = [], 0
        if cost <= budget:
            current.append(Piece(number, doc))
            size += cost
            continue
        runs = split_article(number, doc, budget)
        chunks.extend((piece,) for piece in runs[:-1])
        current, size = [runs[-1]], sum(layout_cost(block.text) for block in runs[-1].doc.blocks)
    if current:
        chunks.append(tuple(current))
    return chunks


def split_article(number: int, doc: Document, budget: int) -> list[Piece]:
    """A long article as runs of blocks, each about ``budget`` characters, cut before a heading
    when one lies between half the budget and one and a half budgets, else at the budget."""
    import msgspec

    blocks = doc.blocks
    cuts = [0]
    size = ARTICLE_COST
    for index, block in enumerate(blocks):
        if index > cuts[-1] and (
            (isinstance(block, Heading) and size >= budget // 2)
            or size >= budget * 3 // 2
            or (size >= budget and not _heading_ahead(blocks, index, budget * 3 // 2 - size))
        ):
            cuts.append(index)
            size = 0
        size += layout_cost(block.text)
    cuts.append(len(blocks))
    bounds = list(itertools.pairwise(cuts))
    return [
        Piece(
            number,
            msgspec.structs.replace(doc, blocks=blocks[first:last]),
            block_offset=first,
            ends=last == len(blocks),
            notes=notes,
        )
        for (first, last), notes in zip(bounds, RunNotes.cut(doc, bounds), strict=True)
    ]


def _heading_ahead(blocks: Sequence[Block], index: int, reach: int) -> bool:
    """Whether a heading starts within ``reach`` characters from ``blocks[index]``."""
    size = 0
    for block in blocks[index:]:
        if isinstance(block, Heading):
            return True
        size += layout_cost(block.text)
        if size > reach:
            return False
    return False


def cuts_between_blocks(chunks: list[tuple[Piece, ...]]) -> int:
    """How many cuts fall inside an article but not before a heading (a page there ends early)."""
    return sum(
        1
        for pieces in chunks
        for piece in pieces
        if piece.continued and not (piece.doc.blocks and isinstance(piece.doc.blocks[0], Heading))
    )
