"""Writers: a book (one article or a collection) → EPUB 3 (:mod:`.epub`) or PDF (:mod:`.pdf`).

Writers see only the IR and the layout; they never import readers or normalize.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Written:
    """A writer's output: the file's bytes and the non-fatal warnings met on the way."""

    data: bytes
    warnings: list[str]
