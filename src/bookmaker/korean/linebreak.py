"""Total-fit (Knuth–Plass style) line breaking for Korean, with per-line tracking.

A paragraph is a list of :class:`Run` (text in one face and size: plain text is one run). It is cut
into :class:`Piece` objects that never break inside: an eojeol (a word between spaces), a part of a
URL, or, as last resorts, a part of a word between two ranked opportunities
(:mod:`bookmaker.korean.wordbreaks`). The breaks minimize the paragraph's summed demerits (dynamic
programming over all breaks). Each line's slack is shared between its word spaces and a small
letter-spacing, by least squares; the letter-spacing falls on Hangul, Hanja and punctuation only
(never inside Latin words or numbers), and a change of it from one line to the next costs too, so
the colour stays even. Gaps past ``loose_stretch`` cost steeply more, and a gap past
``loose_limit`` also costs a fixed amount once, so the breaker counts loose lines and keeps them
few. ``.`` ``,`` ``”`` ``’`` ``)`` ending a line hang into the margin by their width (klreq).

Words are kept whole first: only a paragraph with no acceptable layout breaking at spaces is set
again with the opportunities inside words, whose penalties are far above any acceptable line and
far below a loose one. Lines are judged as drawn (with the engine's share of the safety margin).
All lengths are in em of the paragraph's size.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from bookmaker.korean import wordbreaks
from bookmaker.korean.kinsoku import can_break
from bookmaker.korean.morphology import Analyzer, shared_analyzer


@dataclass(frozen=True, slots=True)
class Tuning:
    """Justification limits (em) and weights."""

    space_stretch_sd: float = 0.08  # how readily a word gap grows
    space_shrink_sd: float = 0.07  # ... or shrinks
    track_sd: float = 0.045  # how readily tracking changes (per character)
    max_track: float = 0.02  # |letter-spacing| ≤ 2 %: neighbouring lines never differ by 0.05 em
    track_change_weight: float = 2.0  # a change of tracking from the line above, per track_sd²
    max_space_shrink: float = 0.15  # a word gap never goes below natural - this
    soft_space_shrink: float = 0.10  # ... and beyond this only reluctantly
    max_space_stretch: float = 0.40  # beyond this a line is refused while any other choice exists
    loose_stretch: float = 0.10  # a gap this much wider than natural starts to read as loose ...
    loose_weight: float = 1000.0  # ... and costs this many times more per em beyond it
    loose_limit: float = 0.13  # a gap this much wider makes a loose line (0.44 em drawn) ...
    loose_line_cost: float = 1e4  # ... which costs this much once: fewer loose lines, not just less loose
    split_trigger: float = 0.2  # a paragraph with a gap this much wider is set again, words breakable
    short_last_penalty: float = 15000.0  # a lone short last line: a loose line (above) + 5000
    url_break_penalty: float = 1e15  # inside a URL only when it cannot fit (breaks.py counts a split)
    safety: float = 0.05  # leave this much for the engine's own justification


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one face and size: a paragraph is a list of runs (plain text is one).

    ``face`` names a face for the caller's measure; ``size`` is relative to the paragraph's size;
    ``css_class`` wraps the run's text in a span of that class in the line markup;
    ``nobreak_before``: no line break right before the run (a footnote mark after a space);
    ``whole``: the run's words never break inside (a link's text).
    """

    text: str
    face: str = "body"
    size: float = 1.0
    css_class: str | None = None
    nobreak_before: bool = False
    whole: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text that never breaks inside; ``space_before`` when a space precedes it.

    ``penalty`` is added to the demerits of a line that ends just before this piece (0 at a space).
    ``tracked``: characters that take letter-spacing (not Latin letters or digits), ``hang``: how
    far the piece's last character may reach past the measure when a line ends with it;
    ``start``: the piece's offset in the paragraph's text.
    """

    text: str
    width: float
    space_before: bool
    breakable_before: bool
    penalty: float = 0.0
    tracked: int = 0
    hang: float = 0.0
    start: int = 0


@dataclass(frozen=True, slots=True)
class Line:
    """One set line: its text, the letter- and word-spacing (em) that fill the measure, how far it
    hangs past the measure, and its span ``start:end`` in the paragraph's text."""

    text: str
    letter_spacing: float
    word_spacing: float
    last: bool
    space_after: bool = True  # False when the next line continues the same word
    hang: float = 0.0
    start: int = 0
    end: int = 0


BreakStyle = Literal["ranked", "word", "syllable"]
BREAK_STYLES: tuple[BreakStyle, ...] = ("ranked", "word", "syllable")
URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)[\x21-\x7e]+$", re.IGNORECASE)
_URL_SOFT = re.compile(r"(?<=[^/]/)(?!/)|(?<=//)|(?<=[.?&=#_-])(?=[^.?&=#_-])")
HANGING = frozenset(".,”’)")
UNTRACKED = re.compile(r"[A-Za-z0-9]+")  # Latin letters and digits keep their own spacing
TOKEN = re.compile(r"\S+")

Measure = Callable[[str, Run], float]  # width of text set in a run's face and size, in paragraph em


def untracked_spans(text: str) -> list[tuple[int, int]]:
    """Where letter-spacing must not fall: runs of Latin letters and digits."""
    return [match.span() for match in UNTRACKED.finditer(text)]


def _tracked(text: str) -> int:
    return len(text) - sum(end - start for start, end in untracked_spans(text))


class Paragraph:
    """A paragraph's runs as one text, measured run by run."""

    def __init__(self, runs: Sequence[Run], measure: Measure) -> None:
        self.runs = list(runs)
        self.measure = measure
        self.text = "".join(run.text for run in runs)
        self.bounds: list[int] = []  # end offset of each run
        self.nobreak: set[int] = set()  # offsets no line may start at
        self.whole_spans: list[tuple[int, int]] = []
        offset = 0
        for run in runs:
            if run.nobreak_before:
                self.nobreak.add(offset)
            if run.whole:
                self.whole_spans.append((offset, offset + len(run.text)))
            offset += len(run.text)
            self.bounds.append(offset)

    def run_at(self, offset: int) -> int:
        """Index of the run holding the character at ``offset``."""
        for index, end in enumerate(self.bounds):
            if offset < end:
                return index
        return len(self.runs) - 1

    def width(self, start: int, end: int) -> float:
        """Width of ``text[start:end]``, each run's part in its own face and size."""
        total = 0.0
        while start < end:
            index = self.run_at(start)
            stop = min(end, self.bounds[index])
            total += self.measure(self.text[start:stop], self.runs[index])
            start = stop
        return total

    def whole(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` overlaps a run whose words never break inside."""
        return any(lo < end and start < hi for lo, hi in self.whole_spans)

    def tokens(self) -> list[tuple[int, int]]:
        """(start, end) of every eojeol."""
        return [match.span() for match in TOKEN.finditer(self.text)]

    def pieces(
        self,
        width: float,
        tune: Tuning,
        inside: dict[int, list[wordbreaks.Opportunity]] | None = None,
    ) -> list[Piece]:
        """Pieces at spaces (URLs also after ``/``, ``.`` …), words also at ``inside[token start]``'s
        opportunities; a token wider than ``width`` also at every seam kinsoku allows."""
        out: list[Piece] = []
        previous = ""
        for start, end in self.tokens():
            token = self.text[start:end]
            if URL.match(token):
                cuts = [(at, tune.url_break_penalty) for at in _url_cuts(token)]
            else:
                chosen = [] if self.whole(start, end) else (inside or {}).get(start, [])
                cuts = [(o.at, o.penalty) for o in chosen]
                if self.width(start, end) > width * 0.98:
                    seen = {at for at, _ in cuts}
                    cuts += [(o.at, o.penalty) for o in wordbreaks.fallback_cuts(token) if o.at not in seen]
            cuts = sorted((at, penalty) for at, penalty in cuts if start + at not in self.nobreak)
            space_open = start not in self.nobreak
            bounds = [(0, 0.0), *cuts, (len(token), 0.0)]
            for number, ((at, penalty), (stop, _)) in enumerate(itertools.pairwise(bounds)):
                text = token[at:stop]
                first = number == 0
                out.append(
                    Piece(
                        text,
                        self.width(start + at, start + stop),
                        first and bool(out),
                        (can_break(previous, token) and space_open) if first else True,
                        0.0 if first else penalty,
                        _tracked(text),
                        self._hang(start + stop - 1) if text[-1] in HANGING else 0.0,
                        start + at,
                    )
                )
            previous = token
        return out

    def _hang(self, offset: int) -> float:
        return self.width(offset, offset + 1)

    def opportunities(self, style: BreakStyle, analyzer: Analyzer) -> dict[int, list[wordbreaks.Opportunity]]:
        """The ranked opportunities inside each eojeol, keyed by its start (only those with any)."""
        tokens = [(start, self.text[start:end]) for start, end in self.tokens()]
        tokens = [(start, token) for start, token in tokens if not URL.match(token)]
        words = [token for _, token in tokens if wordbreaks.wants_analysis(token)]
        morphs = analyzer.analyze(words) if words else {}
        found: dict[int, list[wordbreaks.Opportunity]] = {}
        for start, token in tokens:
            ranked = wordbreaks.ranked(token, morphs.get(token), syllables=style == "syllable")
            if ranked:
                found[start] = ranked
        return found


def _url_cuts(token: str) -> list[int]:
    """Where ``token`` (a URL) may break: after each soft point, leaving no sliver under three characters."""
    cuts = [m.start() for m in _URL_SOFT.finditer(token) if 0 < m.start() < len(token)]
    kept: list[int] = []
    last = 0
    for cut in cuts:
        if cut - last >= 3 and len(token) - cut >= 3:
            kept.append(cut)
            last = cut
    return kept


def _syllables(text: str) -> int:
    return sum(1 for char in text if char.isalnum())


def share(slack: float, spaces: int, chars: int, tune: Tuning) -> tuple[float, float, float]:
    """Split ``slack`` into (word-spacing, letter-spacing, cost) by least squares within limits.

    ``chars`` counts the characters that take letter-spacing, spaces included. Letter-spacing lands
    on both sides of a space, so the visible word gap grows by ``gap = word_spacing + 2 * track``;
    the cost weighs that gap and the tracking.
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

    Each break keeps its best way in (demerits, line count, tracking of the line ending there); a
    line's change of tracking from that line costs ``track_change_weight``. The inner loop runs a
    few thousand times a page: it reads local lists only and asks ``widths`` once per line number."""
    n = len(items)
    if n == 0:
        return []
    prefix = [0.0]
    chars = [0]
    spaces_before = [0]
    for item in items:
        prefix.append(prefix[-1] + item.width)
        chars.append(chars[-1] + item.tracked + (1 if item.space_before else 0))
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
    change_weight = tune.track_change_weight / b
    # best_*[j]: (demerits, line count, previous break) for a line ending before piece j (inf: none)
    best_dem: list[float] = [0.0] + [inf] * n
    best_count = [0] * (n + 1)
    best_start = [-1] * (n + 1)
    best_track: list[float | None] = [None] * (n + 1)
    active = [0]
    for end in range(1, n + 1):
        if end < n and not items[end].breakable_before:
            continue
        last = end == n
        penalty = 0.0 if last else items[end].penalty
        hang = items[end - 1].hang
        chosen: tuple[float, int, int] | None = None
        chosen_track = 0.0
        kept = []
        for start in active:
            dem = best_dem[start]
            count = best_count[start]
            while len(measures) <= count:
                measures.append(widths(len(measures)))
            measure = measures[count] + hang
            spaces = spaces_before[end] - spaces_before[start + 1]
            natural = prefix[end] - prefix[start] + spaces * space
            if natural <= measure * 1.1 + 1:  # a start whose line is already too long can only grow
                kept.append(start)
            nchars = chars[end] - chars[start] - leading[start]
            slack = measure - natural - safety
            track = 0.0
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
                above = best_track[start]
                if above is not None and not last:
                    cost += change_weight * (track - above) ** 2
            candidate = (dem + (1.0 + cost) ** 2 + penalty, count + 1, start)
            if chosen is None or candidate < chosen:
                chosen, chosen_track = candidate, track
        if chosen is not None:
            best_dem[end], best_count[end], best_start[end] = chosen
            best_track[end] = chosen_track
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
        if index > start and used + add > widths(len(ranges)) + item.hang and item.breakable_before:
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


def _set(
    items: Sequence[Piece],
    ranges: Sequence[tuple[int, int]],
    widths: Callable[[int], float],
    space: float,
    tune: Tuning,
) -> list[Line]:
    """The lines of ``ranges``, with their spacing; a line's natural width is its pieces' and
    spaces' (the same as the breaker's)."""
    lines: list[Line] = []
    for number, (start, end) in enumerate(ranges):
        content = line_text(items, start, end)
        spaces = sum(1 for item in items[start + 1 : end] if item.space_before)
        natural = sum(item.width for item in items[start:end]) + spaces * space
        hang = items[end - 1].hang
        slack = widths(number) + hang - natural - tune.safety
        last = end == len(items)
        joined = not last and not items[end].space_before
        first, final = items[start], items[end - 1]
        span = (first.start, final.start + len(final.text))
        if last and slack >= 0:
            lines.append(Line(content, 0.0, 0.0, True, True, 0.0, *span))
            continue
        tracked = sum(item.tracked for item in items[start:end]) + spaces
        word, track, _ = share(slack, spaces, tracked, tune)
        if word == float("inf") or word != word:
            word = 0.0
        lines.append(Line(content, round(track, 4), round(word, 4), last, not joined, round(hang, 4), *span))
    return lines


def loose_lines(lines: Sequence[Line], space: float, tune: Tuning) -> int:
    """Justified lines whose word gap, as drawn, is wider than natural + ``loose_limit``."""
    return sum(
        1
        for line in lines
        if not line.last
        and line.text.count(" ")
        and line.word_spacing + 2 * line.letter_spacing + tune.safety / line.text.count(" ")
        > tune.loose_limit
    )


def set_runs(
    runs: Sequence[Run],
    measure: Measure,
    space: float,
    width: float,
    first_indent: float = 0.0,
    tune: Tuning = Tuning(),
    style: BreakStyle = "ranked",
    analyzer: Analyzer | None = None,
) -> list[Line]:
    """Break a paragraph of ``runs`` into justified :class:`Line` objects for a column ``width`` em
    wide. Words stay whole unless no layout at spaces is acceptable; then (style ``ranked`` or
    ``syllable``) the paragraph is set again with the opportunities inside words."""
    paragraph = Paragraph(runs, measure)

    def widths(index: int) -> float:
        return width - first_indent if index == 0 else width

    items = paragraph.pieces(width, tune)
    lines = _set(items, break_lines(items, widths, space, tune), widths, space, tune)
    if style == "word" or not loose_lines(lines, tune.split_trigger, tune):
        return lines
    inside = paragraph.opportunities(style, analyzer or shared_analyzer())
    if not inside:
        return lines
    items = paragraph.pieces(width, tune, inside)
    return _set(items, break_lines(items, widths, space, tune), widths, space, tune)


def set_paragraph(
    text: str,
    measure: Callable[[str], float],
    space: float,
    width: float,
    first_indent: float = 0.0,
    tune: Tuning = Tuning(),
    style: BreakStyle = "ranked",
    analyzer: Analyzer | None = None,
) -> list[Line]:
    """Break plain ``text`` (one run) into justified :class:`Line` objects (see :func:`set_runs`)."""
    return set_runs(
        [Run(text)], lambda part, _run: measure(part), space, width, first_indent, tune, style, analyzer
    )
