"""The garbage collector of a process that renders one document after another (a chunked book's
worker, a local batch worker).

WeasyPrint makes millions of objects a document, nearly all freed by reference counting; at
Python's default threshold (700 allocations) the collector's passes cost ~4 % of a render, and
its full passes walk every object the imported modules made. Such a process leaves the objects it
made before its first render out of the full passes (``gc.freeze``: they live as long as it does),
runs its young passes every :data:`YOUNG_EVERY` allocations and collects once after each document
(``gc.collect()``), so its memory stays that of one document. (The ``build`` command's PDF child
renders one document: the same settings made no difference there that a whole build shows.)
"""

from __future__ import annotations

import gc

YOUNG_EVERY = 10_000


def for_rendering() -> None:
    """Freeze the objects made so far out of the collector's full passes, space its passes out."""
    gc.freeze()
    gc.set_threshold(YOUNG_EVERY)


def after_document() -> None:
    """Free what cycles the document just made before the next one comes (a full collection)."""
    gc.collect()
