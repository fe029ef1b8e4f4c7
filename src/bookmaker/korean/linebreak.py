"""Total-fit (Knuth–Plass style) line breaking over word boundaries, with per-line tracking.

A paragraph is a list of :class:`Piece` (an eojeol, or a slice of an over-long token). Lines break
only between pieces: at a space when kinsoku allows it, inside a URL after ``/``, ``.`` and the like,
or inside an over-long token where it was sliced; the opt-in ``syllable`` style also lets very long
Hangul words break between syllables. Each line's slack is shared between its word spaces and a
small letter-spacing, by least squares; gaps past ``loose_stretch`` cost steeply more, so the
breaker prefers several slightly wide lines to one loose one, and a gap past ``loose_limit`` also
costs a fixed amount once, so the breaker counts loose lines and keeps them few. Lines are judged as
drawn (with the engine's share of the safety margin). The breaks minimize the paragraph's summed
demerits (dynamic programming over all breaks). All lengths are in em of the body font.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from bookmaker.korean.kinsoku import can_break


@dataclass(frozen=True, slots=True)
class Tuning:
    """Justification limits (em) and weights."""

    space_stretch_sd: float = 0.08  # how readily a word gap grows
    space_shrink_sd: float = 0.07  # ... or shrinks
    track_sd: float = 0.045  # how readily tracking changes (per character)
    max_track: float = 0.05  # |letter-spacing| ≤ 5 %
    max_space_shrink: float = 0.15  # a word gap never goes below natural - this
    soft_space_shrink: float = 0.10  # ... and beyond this only reluctantly
    max_space_stretch: float = 0.40  # beyond this a line is refused while any other choice exists
    loose_stretch: float = 0.10  # a gap this much wider than natural starts to read as loose ...
    loose_weight: float = 1000.0  # ... and costs this many times more per em beyond it
    loose_limit: float = 0.13  # a gap this much wider makes a loose line (0.44 em drawn) ...
    loose_line_cost: float = 1e4  # ... which costs this much once: fewer loose lines, not just less loose
    short_last_penalty: float = 15000.0  # a lone short last line: a loose line (above) + 5000
    url_break_penalty: float = 1e15  # inside a URL only when it cannot fit (breaks.py counts a split)
    syllable_break_penalty: float = 400.0  # ... inside a long word (syllable style only)
    safety: float = 0.05  # leave this much for the engine's own justification


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text that never breaks inside; ``space_before`` when a space precedes it.

    ``penalty`` is added to the demerits of a line that ends just before this piece (0 at a space;
    positive inside a URL or, with the syllable style, inside a long word).
    """

    text: str
    width: float
    space_before: bool
    breakable_before: bool
    penalty: float = 0.0


@dataclass(frozen=True, slots=True)
class Line:
    """One set line: its text, and the letter- and word-spacing (em) that fill the measure."""

    text: str
    letter_spacing: float
    word_spacing: float
    last: bool
    space_after: bool = True  # False when the next line continues the same word (URL, syllable style)


BreakStyle = Literal["word", "syllable"]
BREAK_STYLES: tuple[str, ...] = ("word", "syllable")
URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)[\x21-\x7e]+$", re.IGNORECASE)
_URL_SOFT = re.compile(r"(?<=[^/]/)(?!/)|(?<=//)|(?<=[.?&=#_-])(?=[^.?&=#_-])")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LONG_WORD = 7  # syllable style: words of this many Hangul syllables or more may break
MIN_SIDE = 2  # ... leaving at least this many syllables on either side


def pieces(
    text: str,
    measure: Callable[[str], float],
    width: float,
    style: BreakStyle = "word",
    tune: Tuning = Tuning(),
) -> list[Piece]:
    """Split ``text`` at spaces into pieces; URLs also after ``/``, ``.``, ``?``, ``&``, ``=``, ``#``.

    With ``style="syllable"`` a Hangul word of :data:`LONG_WORD` syllables or more may also break
    between syllables; by default Korean words are never split. Tokens wider than ``width`` are
    sliced wherever needed.
    """
    out: list[Piece] = []
    prev = ""
    for token in text.split():
        parts, penalty = [token], 0.0
        if URL.match(token):
            parts, penalty = _url_parts(token), tune.url_break_penalty
        elif style == "syllable" and len(HANGUL.findall(token)) >= LONG_WORD:
            parts, penalty = _syllable_parts(token), tune.syllable_break_penalty
        parts = [piece for part in parts for piece in _slices(part, measure, width)]
        for number, part in enumerate(parts):
            if number == 0:
                out.append(Piece(part, measure(part), bool(out), can_break(prev, token)))
            else:
                out.append(Piece(part, measure(part), False, True, penalty))
        prev = token
    return out


def _url_parts(token: str) -> list[str]:
    """``token`` cut after each soft point, merging slivers shorter than three characters."""
    cuts = [m.start() for m in _URL_SOFT.finditer(token) if 0 < m.start() < len(token)]
    parts: list[str] = []
    last = 0
    for cut in [*cuts, len(token)]:
        chunk = token[last:cut]
        if parts and (len(parts[-1]) < 3 or (len(chunk) < 3 and cut == len(token))):
            parts[-1] += chunk
        else:
            parts.append(chunk)
        last = cut
    return [part for part in parts if part]


def _syllable_parts(token: str) -> list[str]:
    """``token`` cut between Hangul syllables, keeping :data:`MIN_SIDE` syllables on each side."""
    positions = [index for index, char in enumerate(token) if HANGUL.match(char)]
    allowed = set(positions[MIN_SIDE : len(positions) - MIN_SIDE + 1])
    parts: list[str] = []
    last = 0
    for index in range(1, len(token)):
        if index in allowed and HANGUL.match(token[index - 1]):
            parts.append(token[last:index])
            last = index
    parts.append(token[last:])
    return parts


def _slices(token: str, measure: Callable[[str], float], width: float) -> list[str]:
    if measure(token) <= width * 0.98:
        return [token]
    parts: list[str] = []
    current = ""
    for index, char in enumerate(token):
        if current and measure(current + char) > width * 0.95:
            cut = _last_soft_point(current)
            parts.append(current[:cut])
            current = current[cut:]
        current += char
        if index == len(token) - 1:
            parts.append(current)
    return [part for part in parts if part]


def _last_soft_point(chunk: str) -> int:
    """Index after the last '/', '.', '-', '_', '?', '&', '=' in the back half of ``chunk``."""
    for index in range(len(chunk) - 1, len(chunk) // 2, -1):
        if chunk[index - 1] in "/.-_?&=#":
            return index
    return len(chunk)


def _syllables(text: str) -> int:
    return sum(1 for char in text if char.isalnum())


def share(slack: float, spaces: int, chars: int, tune: Tuning) -> tuple[float, float, float]:
    """Split ``slack`` into (word-spacing, letter-spacing, cost) by least squares within limits.

    Letter-spacing lands on both sides of a space, so the visible word gap grows by
    ``gap = word_spacing + 2 * track``; the cost weighs that gap and the tracking.
    """
    space_sd = tune.space_stretch_sd if slack >= 0 else tune.space_shrink_sd
    a, b = space_sd**2, tune.track_sd**2
    eff = max(chars - 2 * spaces, 1)  # width bought by tracking with the gaps held fixed
    denom = spaces * spaces * a + eff * eff * b
    track = slack * eff * b / denom
    if abs(track) > tune.max_track:
        track = tune.max_track if track > 0 else -tune.max_track
    rest = slack - track * eff
    if spaces:
        gap = rest / spaces
    elif abs(rest) > 1e-6:
        return 0.0, track, float("inf")
    else:
        gap = 0.0
    if gap < -tune.max_space_shrink - 1e-9:
        return gap, track, float("inf")
    cost = (gap / space_sd) ** 2 + (track / tune.track_sd) ** 2
    if gap < -tune.soft_space_shrink:
        cost += 50.0 * (gap + tune.soft_space_shrink) ** 2 / space_sd**2
    if gap > tune.loose_stretch:
        cost += tune.loose_weight * (gap - tune.loose_stretch) ** 2 / space_sd**2
    if gap > tune.loose_limit:
        cost += tune.loose_line_cost
    if gap > tune.max_space_stretch:
        cost += 1000.0 * (gap - tune.max_space_stretch) ** 2 / space_sd**2
    return gap - 2 * track, track, cost


def break_lines(
    items: Sequence[Piece], widths: Callable[[int], float], space: float, tune: Tuning = Tuning()
) -> list[tuple[int, int]]:
    """Best breaks as (start, end) piece ranges; ``widths(i)`` is the measure of line ``i``.

    The inner loop runs a few thousand times a page: it reads local lists only and asks ``widths``
    once per line number."""
    n = len(items)
    if n == 0:
        return []
    prefix = [0.0]
    chars = [0]
    spaces_before = [0]
    for item in items:
        prefix.append(prefix[-1] + item.width)
        chars.append(chars[-1] + len(item.text) + (1 if item.space_before else 0))
        spaces_before.append(spaces_before[-1] + (1 if item.space_before else 0))
    leading = [1 if item.space_before else 0 for item in items]
    measures: list[float] = []  # widths(i), asked once per line number
    safety = tune.safety
    inf = float("inf")
    # share()'s cost, unrolled for the loop: same operands, same order, so the same floats
    stretch_sd, shrink_sd, track_sd = tune.space_stretch_sd, tune.space_shrink_sd, tune.track_sd
    stretch_a, shrink_a, b = stretch_sd**2, shrink_sd**2, track_sd**2
    max_track, max_shrink, soft_shrink = tune.max_track, tune.max_space_shrink, tune.soft_space_shrink
    loose, loose_weight, loose_limit = tune.loose_stretch, tune.loose_weight, tune.loose_limit
    loose_cost, max_stretch = tune.loose_line_cost, tune.max_space_stretch
    # best_*[j]: (demerits, line count, previous break) for a line ending before piece j (inf: none)
    best_dem: list[float] = [0.0] + [inf] * n
    best_count = [0] * (n + 1)
    best_start = [-1] * (n + 1)
    active = [0]
    for end in range(1, n + 1):
        if end < n and not items[end].breakable_before:
            continue
        last = end == n
        penalty = 0.0 if last else items[end].penalty
        chosen: tuple[float, int, int] | None = None
        kept = []
        for start in active:
            dem = best_dem[start]
            count = best_count[start]
            while len(measures) <= count:
                measures.append(widths(len(measures)))
            measure = measures[count]
            spaces = spaces_before[end] - spaces_before[start + 1]
            natural = prefix[end] - prefix[start] + spaces * space
            if natural <= measure * 1.1 + 1:  # a start whose line is already too long can only grow
                kept.append(start)
            nchars = chars[end] - chars[start] - leading[start]
            slack = measure - natural - safety
            if last and slack >= 0:
                cost = 0.0
                if end - start == 1 and start > 0 and _syllables(items[start].text) < 4:
                    cost += tune.short_last_penalty
            else:  # judged as drawn: the engine spreads the safety margin over the spaces too
                drawn = slack + safety
                space_sd, a = (stretch_sd, stretch_a) if drawn >= 0 else (shrink_sd, shrink_a)
                eff = nchars - 2 * spaces
                if eff < 1:  # max(…, 1) and abs() below, without the calls
                    eff = 1
                track = drawn * eff * b / (spaces * spaces * a + eff * eff * b)
                if track > max_track:
                    track = max_track
                elif track < -max_track:
                    track = -max_track
                rest = drawn - track * eff
                if spaces:
                    gap = rest / spaces
                elif abs(rest) > 1e-6:
                    continue
                else:
                    gap = 0.0
                if gap < -max_shrink - 1e-9:
                    continue
                cost = (gap / space_sd) ** 2 + (track / track_sd) ** 2
                if gap < -soft_shrink:
                    cost += 50.0 * (gap + soft_shrink) ** 2 / a
                if gap > loose:
                    cost += loose_weight * (gap - loose) ** 2 / a
                if gap > loose_limit:
                    cost += loose_cost
                if gap > max_stretch:
                    cost += 1000.0 * (gap - max_stretch) ** 2 / a
            candidate = (dem + (1.0 + cost) ** 2 + penalty, count + 1, start)
            if chosen is None or candidate < chosen:
                chosen = candidate
        if chosen is not None:
            best_dem[end], best_count[end], best_start[end] = chosen
            kept.append(end)
        active = kept
    if best_dem[n] == inf:  # no way to set the paragraph within the limits
        return _greedy(items, widths, space)
    ranges: list[tuple[int, int]] = []
    end = n
    while end > 0:
        start = best_start[end]
        ranges.append((start, end))
        end = start
    return ranges[::-1]


def _greedy(items: Sequence[Piece], widths: Callable[[int], float], space: float) -> list[tuple[int, int]]:
    """Fallback: first fit, breaking wherever allowed (used only when no total fit exists)."""
    ranges: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for index, item in enumerate(items):
        add = item.width + (space if item.space_before and index > start else 0.0)
        if index > start and used + add > widths(len(ranges)) and item.breakable_before:
            ranges.append((start, index))
            start, used = index, item.width
        else:
            used += add
    ranges.append((start, len(items)))
    return ranges


def line_text(items: Sequence[Piece], start: int, end: int) -> str:
    """The text of pieces ``start:end`` with their spaces."""
    out = []
    for index in range(start, end):
        if index > start and items[index].space_before:
            out.append(" ")
        out.append(items[index].text)
    return "".join(out)


def set_paragraph(
    text: str,
    measure: Callable[[str], float],
    space: float,
    width: float,
    first_indent: float = 0.0,
    tune: Tuning = Tuning(),
    style: BreakStyle = "word",
) -> list[Line]:
    """Break ``text`` into justified :class:`Line` objects for a column ``width`` em wide."""
    items = pieces(text, measure, width, style, tune)

    def widths(index: int) -> float:
        return width - first_indent if index == 0 else width

    lines: list[Line] = []
    ranges = break_lines(items, widths, space, tune)
    for number, (start, end) in enumerate(ranges):
        content = line_text(items, start, end)
        spaces = content.count(" ")
        natural = measure(content)
        slack = widths(number) - natural - tune.safety
        last = end == len(items)
        joined = not last and not items[end].space_before
        if last and slack >= 0:
            lines.append(Line(content, 0.0, 0.0, True))
            continue
        word, track, _ = share(slack, spaces, len(content), tune)
        if word == float("inf") or word != word:
            word = 0.0
        lines.append(Line(content, round(track, 4), round(word, 4), last, not joined))
    return lines
