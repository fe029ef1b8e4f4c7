"""Whether runs of lines are a poem's (or a song's) stanzas: shared by the text reader (runs between
blank lines) and the HTML reader (runs between two ``<br>`` in a generic container)."""

from __future__ import annotations

import re

_VERSE_LINE = re.compile(r"^\s*\S.{0,29}$")
_PROSE = re.compile(r"[.。]\s*$|[.。]\s+\S|^\s*(?:[-•*·○□■◆▶※]|\d{1,2}[.)]\s)")
"""A line no verse has: one ending (or holding) a full stop, or one marked as a list's entry."""
MIN_STANZAS = 3
MAX_STANZA = 8


def stanza_runs(runs: list[list[str]]) -> set[int] | None:
    """The indices of the runs that are stanzas, when three or more runs of two to eight lines are
    short lines (up to 30 characters) without a full stop and such runs hold most lines in runs of
    two or more; None when the text is no verse."""
    long_runs = [run for run in runs if len(run) >= 2]
    stanzas = {
        at
        for at, run in enumerate(runs)
        if 2 <= len(run) <= MAX_STANZA
        and all(_VERSE_LINE.match(text) and not _PROSE.search(text) for text in run)
    }
    if len(stanzas) < MIN_STANZAS or 2 * sum(len(runs[at]) for at in stanzas) <= sum(map(len, long_runs)):
        return None
    return stanzas
