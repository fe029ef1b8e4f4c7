"""Ragged-right line breaking (a table cell): lines as even as the words allow, never stretched.

The same pieces as the justified breaker (:class:`bookmaker.korean.linebreak.Paragraph`): words
whole, and a word wider than the measure cut where the ranked opportunities allow
(:mod:`bookmaker.korean.wordbreaks`, compound nouns found by the analyzer), at any seam kinsoku
allows only when no ranked one fits. A line costs the square of the room it leaves (the last line
nothing) plus the penalty of a cut inside a word; the breaks minimize the sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bookmaker.korean import wordbreaks
from bookmaker.korean.linebreak import BreakStyle, Line, Measure, Paragraph, Piece, Run, Tuning, line_text

if TYPE_CHECKING:
    from bookmaker.korean.morphology import Analyzer

OVERFLOW_COST = 1e15  # a piece wider than the measure on a line of its own: only when nothing else fits
TUNING = Tuning()


def set_ragged(
    runs: Sequence[Run],
    measure: Measure,
    space: float,
    width: float,
    tune: Tuning = TUNING,
    style: BreakStyle = "ranked",
    analyzer: Analyzer | None = None,
) -> list[Line]:
    """Break ``runs`` into ragged-right :class:`Line` objects at most ``width`` em wide (no spacing
    added). A word wider than ``width`` is cut at its ranked opportunities (styles ``ranked`` and
    ``syllable``; the analyzer is loaded then), else at any seam kinsoku allows."""
    paragraph = Paragraph(runs, measure)
    items = paragraph.pieces(width, tune)
    breaks = _breaks(items, width - tune.safety, space)
    forced = any(items[end].penalty >= wordbreaks.GLUED_ELLIPSIS_PENALTY for _, end in breaks[:-1])
    if forced and style != "word":
        if analyzer is None and paragraph.wants_analysis():
            from bookmaker.korean.morphology import shared_analyzer  # only now: it may load kiwipiepy

            analyzer = shared_analyzer()
        inside = paragraph.opportunities(analyzer, syllables=style == "syllable")
        items = paragraph.pieces(width, tune, inside)
        breaks = _breaks(items, width - tune.safety, space)
    lines = []
    for start, end in breaks:
        head, tail = items[start], items[end - 1]
        joined = end < len(items) and not items[end].space_before
        span = (head.start, tail.start + len(tail.text))
        lines.append(Line(line_text(items, start, end), 0.0, 0.0, end == len(items), not joined, 0.0, *span))
    return lines


def _breaks(items: Sequence[Piece], width: float, space: float) -> list[tuple[int, int]]:
    """The lines (pieces ``start:end``) of least total cost (see the module)."""
    n = len(items)
    prefix = [0.0]
    for item in items:
        prefix.append(prefix[-1] + item.width + (space if item.space_before else 0.0))
    best = [0.0] + [float("inf")] * n
    came = [0] * (n + 1)
    for end in range(1, n + 1):
        if end < n and not items[end].breakable_before:
            continue
        penalty = 0.0 if end == n else items[end].penalty
        reach = width + items[end - 1].hang
        for start in range(end - 1, -1, -1):
            if start and not items[start].breakable_before:
                continue
            lead = space if items[start].space_before else 0.0
            natural = prefix[end] - prefix[start] - lead
            if natural > reach and best[end] < float("inf"):
                break  # wider still further back; a line that overflows only when no start fits
            room = reach - natural
            cost = OVERFLOW_COST - room if room < 0 else (0.0 if end == n else room * room)
            total = best[start] + cost + penalty
            if total < best[end]:
                best[end], came[end] = total, start
    lines = []
    end = n
    while end > 0:
        lines.append((came[end], end))
        end = came[end]
    return lines[::-1]
