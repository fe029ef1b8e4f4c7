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
far below a loose one; English text (an English paragraph, or an English passage of a Korean
one) hyphenates as Latin text does once a line is loose. A file name glued to a particle
(CONTRIBUTING.md와) may break after its dot as a URL does; a line ending inside a URL that would be
loose justified is set ragged (``Line.ragged``). A paragraph still left with a loose
line (most often its first line, before a long word no rule lets break) is set once more with
wider letter-spacing (up to 8 %, then 9 %; it never squeezes past 6 %) and keeps that setting only if
its widest gap is narrower; if still loose, or ending on a short word alone, once more squeezing
down to 8 % too, so that the word after the loose line (or the lone word) may come back onto its
line (a squeezed line's spaces beside a Latin letter or digit drawn as wide as its others, never
shrunk so far that they read as none). Lines
are judged as drawn (with the engine's share of the safety margin).
All lengths are in em of the paragraph's size.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from bookmaker.korean import hyphenation, wordbreaks
from bookmaker.korean.kinsoku import can_break
from bookmaker.korean.wordbreaks import Opportunity

if TYPE_CHECKING:
    from bookmaker.korean.morphology import Analyzer, Morph


@dataclass(frozen=True, slots=True)
class Tuning:
    """Justification limits (em) and weights."""

    space_stretch_sd: float = 0.08  # how readily a word gap grows
    space_shrink_sd: float = 0.07  # ... or shrinks
    track_sd: float = 0.045  # how readily tracking changes (per character)
    max_track: float = 0.06  # |letter-spacing| ≤ 6 % ...
    wide_track: float | None = None  # ... or, when set, letter-spacing (never squeezing) up to this
    track_step: float = 0.01  # tracking classes: bands this wide (em a character) ...
    track_window: int = 3  # ... a line's within this many classes of the line above's (≤ 0.04 em apart) ...
    jump_cost: float = 1e8  # ... or it costs this much more (about one loose line's demerits)
    max_space_shrink: float = 0.15  # a word gap never goes below natural - this
    soft_space_shrink: float = 0.10  # ... and beyond this only reluctantly
    max_space_stretch: float = 0.40  # beyond this a line is refused while any other choice exists
    loose_stretch: float = 0.10  # a gap this much wider than natural starts to read as loose ...
    loose_weight: float = 1000.0  # ... and costs this many times more per em beyond it
    loose_limit: float = 0.13  # a gap this much wider makes a loose line (0.44 em drawn) ...
    loose_line_cost: float = 1e4  # ... which costs this much once: fewer loose lines, not just less loose
    split_trigger: float = (
        0.2  # a paragraph with a gap this much wider is set again, seams at punctuation ...
    )
    analyze_trigger: float = 0.2  # ... and if still this much wider, at compound nouns too (the analyzer)
    retry_max_track: float = 0.08  # a paragraph left with a loose line is set again, tracking up to this
    last_retry_track: float = 0.09  # ... and if still loose, up to this (at 0.1 pdftotext reads spaces)
    retry_squeeze: float = 0.08  # ... and if still loose (or a short last word alone), squeezing to -this
    short_last_penalty: float = 15000.0  # a lone short last line: a loose line (above) + 5000
    url_break_penalty: float = 2e8  # inside a URL after / . - …: a split, as dear as a compound's
    double_hyphen_cost: float = 3e8  # two lines in a row ending in a hyphen (one drawn): three loose lines
    safety: float = 0.05  # leave this much for the engine's own justification
    split_words: bool = True  # False: no break inside a word unless it is wider than the measure

    @property
    def widest_track(self) -> float:
        """The widest letter-spacing a line may take (squeezing stops at ``-max_track``)."""
        return self.max_track if self.wide_track is None else max(self.wide_track, self.max_track)


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
    ``start``: the piece's offset in the paragraph's text; ``hyphen``: the width of the hyphen
    drawn at the end of a line that ends just before this piece (a hyphenated English word).
    """

    text: str
    width: float
    space_before: bool
    breakable_before: bool
    penalty: float = 0.0
    tracked: int = 0
    hang: float = 0.0
    start: int = 0
    hyphen: float = 0.0


@dataclass(frozen=True, slots=True)
class Line:
    """One set line: its text, the letter- and word-spacing (em) that fill the measure, how far it
    hangs past the measure, its span ``start:end`` in the paragraph's text, the ``hyphen``
    drawn after it (a word hyphenated at its end), ``beside_margin``: the margin (em) its
    Latin letters' and digits' boxes take back beside a space (:func:`kept_open`), and ``ragged``:
    a line ending inside a URL that would be loose justified, set at its natural width instead."""

    text: str
    letter_spacing: float
    word_spacing: float
    last: bool
    space_after: bool = True  # False when the next line continues the same word
    hang: float = 0.0
    start: int = 0
    end: int = 0
    hyphen: str = ""
    beside_margin: float = 0.0
    ragged: bool = False  # set at its natural width, not justified (:func:`_ragged_inside_url`)


BreakStyle = Literal["ranked", "word", "syllable"]
BREAK_STYLES: tuple[BreakStyle, ...] = ("ranked", "word", "syllable")
URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)[\x21-\x7e]+$", re.IGNORECASE)
# a file name, a module path: CONTRIBUTING.md (only from a run's start, taken whole: a run of
# 190,000 letters tried from each of its letters took minutes)
PATH = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]++(?:[._/][A-Za-z0-9]++)+")
_LETTER = re.compile(r"[A-Za-z]")
_URL_SOFT = re.compile(r"(?<=[^/]/)(?!/)|(?<=//)|(?<=[.?&=#_-])(?=[^.?&=#_-])")
HANGING = frozenset(".,”’)")
UNTRACKED = re.compile(r"[A-Za-z0-9]+")  # Latin letters and digits keep their own spacing
TOKEN = re.compile(r"\S+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_BESIDE_LATIN = re.compile(r"[A-Za-z0-9] | [A-Za-z0-9]")

Measure = Callable[[str, Run], float]  # width of text set in a run's face and size, in paragraph em


def untracked_spans(text: str) -> list[tuple[int, int]]:
    """Where letter-spacing must not fall: runs of Latin letters and digits."""
    return [match.span() for match in UNTRACKED.finditer(text)]


def drawn_pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut where its Latin letters and digits start and end (:func:`untracked_spans`), as
    a letter-spaced line draws it: those in spans of their own, each span a text box shaped apart.
    With each piece, whether it is drawn alone: marks with no letter of their own between two such
    spans (the dot of ``20·30대``) take the glyph of no script — 0.56 em in Noto Sans CJK KR, where a
    Hangul word's is 0.28 em — while marks at the word's edge (the quote of ``“AI``) share a box
    with the words beside them."""
    spans = untracked_spans(text)
    edges = sorted({0, len(text), *itertools.chain.from_iterable(spans)})
    starts, ends = {lo for lo, _ in spans}, {hi for _, hi in spans}
    return [
        (text[lo:hi], lo in ends and hi in starts and _marks_only(text[lo:hi]))
        for lo, hi in itertools.pairwise(edges)
        if lo < hi
    ]


def _marks_only(text: str) -> bool:
    """Whether ``text`` holds no letter of any script (its marks take their glyphs from a neighbour's)."""
    return not any(char.isalpha() for char in text)


BESIDE = "가"
"""What a piece of marks at a word's edge is measured after: the Hangul of the words it is drawn with."""


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
        """Width of ``text[start:end]``, each run's part in its own face and size, measured in the
        pieces a letter-spaced line draws as text boxes of their own (:func:`drawn_pieces`)."""
        total = 0.0
        while start < end:
            index = self.run_at(start)
            stop = min(end, self.bounds[index])
            run = self.runs[index]
            pieces = drawn_pieces(self.text[start:stop])
            if pieces and self._mark_cut_between_spans(start, stop, pieces[-1][0]):
                pieces[-1] = (pieces[-1][0], True)
            for piece, alone in pieces:
                if alone or not _marks_only(piece):
                    total += self.measure(piece, run)
                else:  # marks at the word's edge, drawn in one box with the words beside them
                    total += self.measure(BESIDE + piece, run) - self.measure(BESIDE, run)
            start = stop
        return total

    def _mark_cut_between_spans(self, start: int, stop: int, last: str) -> bool:
        """Whether ``text[start:stop]`` ends in marks (``last``) right after Latin letters or digits
        and the paragraph goes on, with no space, in Latin letters or digits (a piece cut after the
        dot of ``90005·|90006``): the marks stand between two spans as drawn, alone (on one line)
        or at the line's end (broken there), never in a box with a word beside them."""
        if stop >= len(self.text) or not _marks_only(last) or len(last) == stop - start:
            return False
        before, after = self.text[stop - len(last) - 1], self.text[stop]
        return bool(UNTRACKED.match(before) and UNTRACKED.match(after))

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
            if not tune.split_words and self.width(start, end) <= width * 0.98:
                # a document's splits spent: English words still hyphenate (a hyphen drawn)
                cuts = [o for o in (inside or {}).get(start, []) if o.hyphen]
            elif URL.match(token):
                cuts = [Opportunity(at, tune.url_break_penalty, "url") for at in _url_cuts(token)]
            else:
                cuts = [] if self.whole(start, end) else list((inside or {}).get(start, []))
                seen = {o.at for o in cuts}
                paths = _path_cuts(token)
                cuts += [Opportunity(at, tune.url_break_penalty, "path") for at in paths if at not in seen]
                if self.width(start, end) > width * 0.98:
                    seen = {o.at for o in cuts}
                    cuts += [o for o in wordbreaks.fallback_cuts(token) if o.at not in seen]
            cuts = sorted((o for o in cuts if start + o.at not in self.nobreak), key=lambda o: o.at)
            space_open = start not in self.nobreak
            bounds = [Opportunity(0, 0.0, "start"), *cuts, Opportunity(len(token), 0.0, "end")]
            for number, (cut, following) in enumerate(itertools.pairwise(bounds)):
                at, stop = cut.at, following.at
                text = token[at:stop]
                first = number == 0
                out.append(
                    Piece(
                        text,
                        self.width(start + at, start + stop),
                        first and bool(out),
                        (can_break(previous, token) and space_open) if first else True,
                        0.0 if first else cut.penalty,
                        _tracked(text),
                        self._hang(start + stop - 1) if text[-1] in HANGING else 0.0,
                        start + at,
                        self._hyphen(start + at) if cut.hyphen and not first else 0.0,
                    )
                )
            previous = token
        return out

    def _hang(self, offset: int) -> float:
        return self.width(offset, offset + 1)

    def _hyphen(self, offset: int) -> float:
        """Width of the hyphen drawn after ``text[:offset]``, in the face of the run it ends."""
        return self.measure(hyphenation.HYPHEN, self.runs[self.run_at(offset - 1)])

    def _words(self) -> list[tuple[int, str]]:
        """(start, token) of every eojeol that is not a URL."""
        tokens = [(start, self.text[start:end]) for start, end in self.tokens()]
        return [(start, token) for start, token in tokens if not URL.match(token)]

    def wants_analysis(self) -> bool:
        """Whether any word could hold a compound-noun seam (see :func:`wordbreaks.wants_analysis`)."""
        return any(wordbreaks.wants_analysis(token) for _, token in self._words())

    def opportunities(
        self, analyzer: Analyzer | None = None, syllables: bool = False
    ) -> dict[int, list[wordbreaks.Opportunity]]:
        """The ranked opportunities inside each eojeol, keyed by its start (only those with any): at
        punctuation, with an ``analyzer`` at compound nouns too, with ``syllables`` also between any
        two syllables."""
        tokens = self._words()
        morphs: dict[str, tuple[Morph, ...]] = {}
        if analyzer is not None:
            words = [token for _, token in tokens if wordbreaks.wants_analysis(token)]
            morphs = analyzer.analyze(words) if words else {}
        found: dict[int, list[wordbreaks.Opportunity]] = {}
        for start, token in tokens:
            ranked = wordbreaks.ranked(token, morphs.get(token), syllables, analyzer)
            if ranked:
                found[start] = ranked
        return found

    def hyphenation(self, language: str) -> dict[int, list[wordbreaks.Opportunity]]:
        """The hyphenation points (:mod:`bookmaker.korean.hyphenation`) of each word but the
        paragraph's last, keyed by its start (only those with any); not in code (monospace runs);
        in a paragraph with Hangul, only the words of its English passages."""
        found: dict[int, list[wordbreaks.Opportunity]] = {}
        last = self.tokens()[-1][0] if self.text.strip() else -1
        english: set[int] | None = None  # where the English passages' words start
        if _HANGUL.search(self.text):
            spans = self.tokens()
            inside = hyphenation.in_english_passages([self.text[lo:hi] for lo, hi in spans])
            english = {lo for (lo, _), yes in zip(spans, inside, strict=True) if yes}
        for start, token in self._words():
            if (
                start == last
                or (english is not None and start not in english)
                or any(
                    self.runs[index].face == "mono"
                    for index in range(self.run_at(start), self.run_at(start + len(token) - 1) + 1)
                )
            ):
                continue
            points = hyphenation.hyphenation_opportunities(token, language)
            if points:
                found[start] = points
        return found


def _path_cuts(token: str) -> list[int]:
    """Where a file name, module path or e-mail address inside ``token`` may break, as a URL does:
    after ``.`` ``_`` ``/`` between Latin letters or digits of a name with a letter in it
    (CONTRIBUTING.|md와, hangul_|sort.|bench로), never inside a number (v1.2, 3.5GB: no cut there)."""
    cuts = _url_cuts(token)
    found: list[int] = []
    for match in PATH.finditer(token):
        if _LETTER.search(match.group()):
            inside = cuts[bisect_right(cuts, match.start()) : bisect_left(cuts, match.end())]
            found += [at for at in inside if token[at - 1] in "._/" and wordbreaks.seam_allowed(token, at)]
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
    if track > tune.widest_track:
        track = tune.widest_track
    elif track < -tune.max_track:
        track = -tune.max_track
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


Break = tuple[int, int, float]
"""A line: pieces ``start:end`` and its letter-spacing (em a character)."""


def break_lines(
    items: Sequence[Piece], first: float, rest: float, space: float, tune: Tuning = Tuning()
) -> list[Break]:
    """Best lines, with their letter-spacing, for a first line ``first`` em wide and the rest ``rest``.

    Total fit over (break, tracking class): a line's letter-spacing lies in one of the classes of
    ``track_step`` em between ±``max_track`` (the least-squares share of its slack, moved into the
    class), and a line whose class differs from the line above's by more than ``track_window``
    (two lines whose tracking differs by ``track_step * (track_window + 1)`` em or more) costs
    ``jump_cost`` more: breaks and tracking are chosen together, so the colour stays even. The
    paragraph's last line, when not squeezed, is set at its natural width and joins any class.
    A line ending before a piece with a ``hyphen`` is that much wider (the hyphen drawn), and
    costs ``double_hyphen_cost`` more when the line above ends in a hyphen too (one of the two drawn).
    The inner loop runs tens of thousands of times a book: it reads local lists only."""
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
    # a line ending before piece j ends in a hyphen: drawn, or the word's own (data-|dependent)
    drawn_hyphen = [item.hyphen > 0 for item in items] + [False]
    flagged = [
        drawn_hyphen[j] or (j > 0 and not items[j].space_before and items[j - 1].text.endswith("-"))
        for j in range(n)
    ] + [False]
    double_hyphen = tune.double_hyphen_cost
    safety = tune.safety
    inf = float("inf")
    stretch_sd, shrink_sd, track_sd = tune.space_stretch_sd, tune.space_shrink_sd, tune.track_sd
    stretch_a, shrink_a, b = stretch_sd**2, shrink_sd**2, track_sd**2
    up, down = tune.widest_track, tune.max_track  # letter-spacing from -down to +up
    max_shrink, soft_shrink = tune.max_space_shrink, tune.soft_space_shrink
    loose, loose_weight, loose_limit = tune.loose_stretch, tune.loose_weight, tune.loose_limit
    loose_cost, max_stretch = tune.loose_line_cost, tune.max_space_stretch
    bands = track_bands(tune)
    lows, highs = [low for low, _ in bands], [high for _, high in bands]
    untracked = round(down / tune.track_step)  # the class of no letter-spacing
    window, jump = tune.track_window, tune.jump_cost
    # per break j and class k: the best demerits of lines ending before piece j, the last in class k,
    # where that line started and its letter-spacing
    dem: list[list[float]] = [[]] * (n + 1)
    came: list[list[int]] = [[]] * (n + 1)
    tracks: list[list[float]] = [[]] * (n + 1)
    # per break j and class k: the best way into a line of class k starting at j, and its class
    into: list[list[float]] = [[]] * (n + 1)
    into_class: list[list[int]] = [[]] * (n + 1)
    into[0], into_class[0] = [0.0] * len(bands), [-1] * len(bands)
    active = [0]
    for end in range(1, n + 1):
        if end < n and not items[end].breakable_before:
            continue
        last = end == n
        penalty = 0.0 if last else items[end].penalty
        hyphen = 0.0 if last else items[end].hyphen
        hang = items[end - 1].hang
        row = [inf] * len(bands)
        way = [-1] * len(bands)
        chosen = [0.0] * len(bands)
        final_above = [-1] * len(bands)  # the paragraph's last line: the class of the line above
        kept = []
        for start in active:
            measure = (first if start == 0 else rest) + hang
            spaces = spaces_before[end] - spaces_before[start + 1]
            natural = prefix[end] - prefix[start] + spaces * space + hyphen
            if natural <= measure * 1.1 + 1:  # a start whose line is already too long can only grow
                kept.append(start)
            slack = measure - natural - safety
            ways, classes_in = into[start], into_class[start]
            if last and slack >= 0:  # set at its natural width: any class above will do
                cost = 0.0
                if end - start == 1 and start > 0 and _syllables(items[start].text) < 4:
                    cost += tune.short_last_penalty
                low = min(ways)
                total = low + (1.0 + cost) ** 2
                if total < row[untracked]:
                    row[untracked], way[untracked], chosen[untracked] = total, start, 0.0
                    final_above[untracked] = classes_in[ways.index(low)]
                continue
            # judged as drawn: the engine spreads the safety margin over the spaces too
            drawn = slack + safety
            space_sd, a = (stretch_sd, stretch_a) if drawn >= 0 else (shrink_sd, shrink_a)
            eff = chars[end] - chars[start] - leading[start] - 2 * spaces
            if eff < 1:
                eff = 1
            if spaces:
                free = drawn * eff * b / (spaces * spaces * a + eff * eff * b)
            else:  # tracking alone fills a line without spaces
                free = drawn / eff
                if free > up + 1e-9 or free < -down - 1e-9:
                    continue
            # a lower bound of every class's cost (the least-squares part at the free share, the
            # looseness at the widest tracking, the squeeze at the narrowest) skips classes whose
            # way in is already too dear; classes whose gaps would shrink too far are never tried
            near = up if free > up else -down if free < -down else free
            bound = ((drawn - near * eff) / (spaces or 1) / space_sd) ** 2 + (near / track_sd) ** 2
            if spaces:
                widest, narrowest = (drawn + down * eff) / spaces, (drawn - up * eff) / spaces
                if widest < -max_shrink - 1e-9:
                    continue
                if widest < -soft_shrink:
                    bound += 50.0 * (widest + soft_shrink) ** 2 / a
                if narrowest > loose:
                    bound += loose_weight * (narrowest - loose) ** 2 / a
                if narrowest > loose_limit:
                    bound += loose_cost
                top = bisect_right(lows, (drawn + (max_shrink + 1e-9) * spaces) / eff + 1e-9)
                tried = range(top)
            else:
                tried = range(bisect_left(highs, free), bisect_right(lows, free))
            charge = penalty
            if flagged[end] and flagged[start] and (drawn_hyphen[end] or drawn_hyphen[start]):
                charge += double_hyphen
            floor = (1.0 + bound) ** 2 * (1.0 - 1e-9) + charge
            for k in tried:
                above = ways[k]
                if above + floor >= row[k]:
                    continue
                track = free
                if free < lows[k]:
                    track = lows[k]
                elif free > highs[k]:
                    track = highs[k]
                if spaces:
                    gap = (drawn - track * eff) / spaces
                elif track != free:
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
                total = above + (1.0 + cost) ** 2 + charge
                if total < row[k]:
                    row[k], way[k], chosen[k] = total, start, track
                    if last:
                        final_above[k] = classes_in[k]
        if min(row) < inf:
            dem[end], came[end], tracks[end] = row, way, chosen
            into[end], into_class[end] = _ways_in(row, window, jump)
            kept.append(end)
        active = kept
    if not dem[n]:  # no way to set the paragraph within the limits
        return [(start, stop, inf) for start, stop in _greedy(items, first, rest, space)]
    lines: list[Break] = []
    end, k = n, dem[n].index(min(dem[n]))
    while end > 0:
        start = came[end][k]
        lines.append((start, end, tracks[end][k]))
        k = final_above[k] if end == n else into_class[start][k]
        end = start
    return lines[::-1]


def track_bands(tune: Tuning) -> list[tuple[float, float]]:
    """The tracking classes: bands ``track_step`` em wide centred on its multiples, from
    ``-max_track`` to ``widest_track``."""
    low, high = -tune.max_track, tune.widest_track
    half = tune.track_step / 2
    return [
        (max(k * tune.track_step - half, low), min(k * tune.track_step + half, high))
        for k in range(-round(-low / tune.track_step), round(high / tune.track_step) + 1)
    ]


def _ways_in(row: list[float], window: int, jump: float) -> tuple[list[float], list[int]]:
    """For each class, the best of ``row`` a line of that class may follow (a class within
    ``window``, or any class at ``jump`` more) and which class that is."""
    low = min(row)
    anywhere = row.index(low)
    ceiling = low + jump
    best: list[float] = []
    chosen: list[int] = []
    for k in range(len(row)):
        lo = k - window if k > window else 0
        near = row[lo : k + window + 1]
        value = min(near)
        if value < ceiling:  # the first class of the window at its lowest
            best.append(value)
            chosen.append(lo + near.index(value))
        else:
            best.append(ceiling)
            chosen.append(anywhere)
    return best, chosen


def _greedy(items: Sequence[Piece], first: float, rest: float, space: float) -> list[tuple[int, int]]:
    """Fallback: first fit, breaking wherever allowed (used only when no total fit exists)."""
    ranges: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for index, item in enumerate(items):
        add = item.width + (space if item.space_before and index > start else 0.0)
        width = first if not ranges else rest
        if index > start and used + add > width + item.hang and item.breakable_before:
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
    items: Sequence[Piece], breaks: Sequence[Break], first: float, rest: float, space: float, tune: Tuning
) -> list[Line]:
    """The lines of ``breaks`` with the word-spacing that fills each at its letter-spacing; a line's
    natural width is its pieces' and spaces' (the same as the breaker's). A line the breaker gave
    no letter-spacing (the first-fit fallback) gets the least-squares share of its slack."""
    lines: list[Line] = []
    for start, end, track in breaks:
        content = line_text(items, start, end)
        spaces = sum(1 for item in items[start + 1 : end] if item.space_before)
        last = end == len(items)
        hyphen = 0.0 if last else items[end].hyphen
        natural = sum(item.width for item in items[start:end]) + spaces * space + hyphen
        hang = items[end - 1].hang
        slack = (first if start == 0 else rest) + hang - natural - tune.safety
        joined = not last and not items[end].space_before
        head, tail = items[start], items[end - 1]
        span = (head.start, tail.start + len(tail.text))
        if last and slack >= 0:
            lines.append(Line(content, 0.0, 0.0, True, True, 0.0, *span))
            continue
        tracked = sum(item.tracked for item in items[start:end]) + spaces
        if track == float("inf"):
            word, track, _ = share(slack, spaces, tracked, tune)
            word = 0.0 if word in (float("inf"), -float("inf")) or word != word else word
        else:
            word = (slack - track * max(tracked - 2 * spaces, 1)) / spaces - 2 * track if spaces else 0.0
        drawn = hyphenation.HYPHEN if hyphen else ""
        loose = spaces > 0 and word + 2 * track + tune.safety / max(spaces, 1) > tune.loose_limit
        if joined and loose and _inside_url(items, end):
            lines.append(Line(content, 0.0, 0.0, last, False, 0.0, *span, ragged=True))
            continue
        lines.append(
            Line(content, round(track, 4), round(word, 4), last, not joined, round(hang, 4), *span, drawn)
        )
    return lines


def _inside_url(items: Sequence[Piece], end: int) -> bool:
    """Whether a line ending before piece ``end`` (no space there) ends inside a URL. Such a line,
    when justifying it would leave its word gaps loose (the text before a long link that goes on
    to the next line), is set ragged, at its natural width: a URL breaks where it must, and the
    words before it are not spaced out to pay for that (as with a last line)."""
    start = end
    while start > 0 and not items[start].space_before:
        start -= 1
    stop = end
    while stop < len(items) and (stop == end or not items[stop].space_before):
        stop += 1
    return bool(URL.match("".join(item.text for item in items[start:stop])))


def widest_gap(lines: Sequence[Line], tune: Tuning) -> float:
    """How much wider than natural the widest word gap of a justified line is, as drawn (em)."""
    return max(
        (
            line.word_spacing + 2 * line.letter_spacing + tune.safety / line.text.count(" ")
            for line in lines
            if not line.last and not line.ragged and " " in line.text
        ),
        default=0.0,
    )


def word_splits(lines: Sequence[Line]) -> int:
    """How many of ``lines`` end inside a word (a hyphen drawn there is English hyphenation, not a split)."""
    return sum(1 for line in lines if not line.last and not line.space_after and not line.hyphen)


def lone_last(lines: Sequence[Line]) -> bool:
    """Whether the paragraph ends on a line of one short word (under four syllables) alone."""
    return len(lines) > 1 and " " not in lines[-1].text and _syllables(lines[-1].text) < 4


def tracking_jump(lines: Sequence[Line], tune: Tuning) -> bool:
    """Whether two neighbouring justified lines' letter-spacing differs by a jump (the breaker's
    ``jump_cost``: more than ``track_window`` classes apart)."""
    justified = [line.letter_spacing for line in lines if not line.last and not line.ragged]
    step = tune.track_step * (tune.track_window + 1.5)
    return any(abs(a - b) >= step for a, b in itertools.pairwise(justified))


def thin_gaps(lines: Sequence[Line], tune: Tuning) -> bool:
    """Whether a line squeezed past ``max_track`` also shrinks its word gaps past ``soft_space_shrink``
    beside a Latin letter or digit: a space there is drawn narrower than between two syllables, and
    at that squeeze reads as none (``pdftotext`` and the yardsticks join the two words); not a line
    whose markup gives those spaces their width back (``beside_margin``, :func:`kept_open`)."""
    return any(
        line.letter_spacing < -tune.max_track - 1e-9
        and line.word_spacing + 2 * line.letter_spacing < -tune.soft_space_shrink
        and not line.beside_margin
        and _BESIDE_LATIN.search(line.text)
        for line in lines
    )


def kept_open(line: Line) -> Line:
    """``line``, if letter-spaced with word-spacing and a space beside a Latin letter or digit,
    drawn with every word gap as the breaker counts it. Measured with pdfplumber (round
    seventeen): on a line with word-spacing, a space that meets a Latin letters' or digits' box
    (``span.nt``, drawn apart) is drawn ``letter_spacing / 2`` narrower than counted for each box it
    meets (a squeezed line's the narrower, a widened line's the wider); with no word-spacing it is
    drawn as counted. The markup gives each such side of the box a margin of ``-letter_spacing / 2``
    (``beside_margin``), which draws every gap, and so the line's width, as counted. Any other
    line is returned as it is."""
    if not line.letter_spacing or not line.word_spacing or line.beside_margin:
        return line
    if not _BESIDE_LATIN.search(line.text):
        return line
    return replace(line, beside_margin=round(-line.letter_spacing / 2, 4))


def set_runs(
    runs: Sequence[Run],
    measure: Measure,
    space: float,
    width: float,
    first_indent: float = 0.0,
    tune: Tuning = Tuning(),
    style: BreakStyle = "ranked",
    analyzer: Analyzer | None = None,
    hyphenate: str | None = None,
) -> list[Line]:
    """Break a paragraph of ``runs`` into justified :class:`Line` objects for a column ``width`` em
    wide. Words stay whole unless no layout at spaces is acceptable (a word gap more than
    ``split_trigger`` wider than natural, or a tracking jump between two lines); then (style
    ``ranked`` or ``syllable``) the paragraph is set again with the seams at punctuation inside
    words, and only if a gap is still more than ``analyze_trigger`` wider, with every ranked
    opportunity (compound nouns: the analyzer is loaded then). English text (with ``hyphenate``,
    a pyphen language: a paragraph with no Hangul, or the English passages of a Korean one) may
    also break at the hyphenation points of its words, as Latin text is set, once a line is loose
    (a gap past ``loose_limit``); that setting is kept only if it draws a hyphen. A paragraph left
    with a loose line (a gap past ``loose_limit``: often a first line before a long word no rule
    lets break) is set once more, all of it, with letter-spacing up to ``retry_max_track`` (squeezing
    still stops at ``max_track``), and takes that setting if its widest gap is narrower and no
    tracking jump or short last word alone is new; if still loose, once more so up to
    ``last_retry_track`` (a line before a word no rule lets break, letter-spaced by 0.09 em rather
    than left with 0.5 em gaps); if still loose, or ending on a short word alone
    (:func:`lone_last`), once more squeezing down to ``-retry_squeeze`` too (tightening: the word
    after the loose line, or the lone word, pulled back onto its line), kept on the same terms (for
    a lone word: when it is gone and no gap is wider than the paragraph's widest or the loose limit),
    and only if no line squeezed past ``max_track`` with no word-spacing shrinks a gap beside a
    Latin letter or digit past ``soft_space_shrink`` (:func:`thin_gaps`). Every letter-spaced line
    with word-spacing draws its spaces beside a Latin letter or digit as counted
    (:func:`kept_open`)."""
    paragraph = Paragraph(runs, measure)
    lines = _settle(paragraph, space, width, first_indent, tune, style, analyzer, hyphenate)
    retries = [replace(tune, wide_track=track) for track in (tune.retry_max_track, tune.last_retry_track)]
    if tune.retry_squeeze > tune.max_track:  # the last: squeezing too, a word pulled back onto its line
        squeeze = max(tune.last_retry_track, tune.widest_track)
        retries.append(replace(tune, wide_track=squeeze, max_track=tune.retry_squeeze))
    for retry in retries:
        widest = widest_gap(lines, tune)
        lone = retry.max_track > tune.max_track and lone_last(lines)  # squeezing may pull it up
        if (widest <= tune.loose_limit and not lone) or (
            retry.widest_track <= tune.widest_track and retry.max_track <= tune.max_track
        ):
            continue
        again = _settle(paragraph, space, width, first_indent, retry, style, analyzer, hyphenate)
        again = [kept_open(line) for line in again]
        new_jump = tracking_jump(again, tune) and not tracking_jump(lines, tune)
        if new_jump or (lone_last(again) and not lone_last(lines)) or thin_gaps(again, tune):
            continue
        wider = widest_gap(again, tune)
        if wider < widest - 0.005 or (
            lone and not lone_last(again) and wider <= max(widest, tune.loose_limit)
        ):
            lines = again
    return [kept_open(line) for line in lines]


def _settle(
    paragraph: Paragraph,
    space: float,
    width: float,
    first_indent: float,
    tune: Tuning,
    style: BreakStyle,
    analyzer: Analyzer | None,
    hyphenate: str | None,
) -> list[Line]:
    """:func:`set_runs` within one set of limits: words whole, then (unless style ``word``) the
    punctuation seams and hyphenation points, then every ranked opportunity; English text's
    hyphenation points already where a line is loose."""
    first = width - first_indent

    def setting(inside: dict[int, list[wordbreaks.Opportunity]] | None = None) -> list[Line]:
        items = paragraph.pieces(width, tune, inside)
        return _set(items, break_lines(items, first, width, space, tune), first, width, space, tune)

    lines = setting()
    if style == "word":
        return lines
    widest = widest_gap(lines, tune)
    hyphens = paragraph.hyphenation(hyphenate) if hyphenate and widest > tune.loose_limit else {}
    if not tune.split_words or (widest <= tune.split_trigger and not tracking_jump(lines, tune)):
        hyphenated = setting(hyphens) if hyphens else lines  # English text hyphenates where a line is loose
        return hyphenated if any(line.hyphen for line in hyphenated) else lines
    marks = _cheapest(paragraph.opportunities(), hyphens)
    if marks:
        lines = setting(marks)
    if widest_gap(lines, tune) <= tune.analyze_trigger:
        return lines
    compounds = paragraph.wants_analysis()
    if not compounds and style != "syllable":
        return lines
    if compounds and analyzer is None:
        from bookmaker.korean.morphology import shared_analyzer  # only now: it may load kiwipiepy

        analyzer = shared_analyzer()
    chosen = analyzer if compounds else None
    return setting(_cheapest(paragraph.opportunities(chosen, syllables=style == "syllable"), hyphens))


def _cheapest(
    *found: dict[int, list[wordbreaks.Opportunity]],
) -> dict[int, list[wordbreaks.Opportunity]]:
    """The opportunities of ``found`` together, one per seam (the cheapest), in order."""
    merged: dict[int, dict[int, wordbreaks.Opportunity]] = {}
    for each in found:
        for start, opportunities in each.items():
            seams = merged.setdefault(start, {})
            for o in opportunities:
                if o.at not in seams or o.penalty < seams[o.at].penalty:
                    seams[o.at] = o
    return {start: [seams[at] for at in sorted(seams)] for start, seams in merged.items()}


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
