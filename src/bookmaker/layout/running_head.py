"""The running head of a long title: one line, never two crowding the page's top margin.

A title that fits on one line of the head's room is shown whole; a longer one by its first clause
(before ``…`` or ``:``, as Korean headlines put their main statement first) when that fits, else
cut after the last word that fits, with ``…``. The PDF outline keeps the whole title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ELLIPSIS = "…"
_CLAUSE = re.compile(r"\s*(?:…|\.\.\.|:)\s*")


def running_head(title: str, width: Callable[[str], float], room: float) -> str:
    """``title`` as the running head shows it, ``width`` giving a text's width in the units of
    ``room``."""
    title = " ".join(title.split())
    if width(title) <= room:
        return title
    clause = _CLAUSE.split(title, maxsplit=1)[0].rstrip(",·")
    if clause != title and clause and width(clause) <= room:
        return clause
    words = title.split(" ")
    kept = ""
    for word in words:
        longer = f"{kept} {word}" if kept else word
        if width(longer.rstrip(",·") + ELLIPSIS) > room:
            break
        kept = longer
    if not kept:  # one word longer than the room: cut between its characters
        fitting = (title[:end] for end in range(len(title), 0, -1) if width(title[:end] + ELLIPSIS) <= room)
        kept = next(fitting, title[:1])
    return kept.rstrip(",·") + ELLIPSIS
