"""A printed headline broken where an editor would break it: at a phrase's end, in balanced lines.

A headline too long for one line is wrapped greedily by WeasyPrint, which fills the first line and
leaves the rest below, wherever the last fitting space falls: ``…영업이익 1500억원…전년`` /
``대비 5% 증가``, ``…상승…“다음 달까지`` / ``오를 듯”``. Korean editors break a headline between
its phrases, after the ellipsis or comma that joins two clauses (``…1500억원…`` / ``전년 대비 5%
증가``), and keep its lines of similar length. :func:`set_headline` chooses the breaks itself: the
fewest lines that fit, then the least cost, which is the sum over lines of the squared share of
the measure left empty (the last line's counted half), plus a penalty for a break that ends no
clause (little after a comma, less at a quotation's edge than inside a phrase, the most where
kinsoku forbids it: before a spaced dash, after an opening bracket). The headline breaks at its
spaces and after an ellipsis glued to a word that may start a line (``1500억원…|전년``); after one
glued to a quotation mark or a bound syllable (``회담…“셔틀외교``, ``고시…월``: the line would read as
torn) only inside a word wider than a line, after its ranked opportunities (a glued parenthetical,
a compound's seam), dearer than any balance of lines, as the body's breaker does
(:func:`~bookmaker.korean.wordbreaks.fallback_cuts`). A phrase the binder keeps whole (below) that
is wider than a line is first opened at its spaces: a break there splits no word
(``막는다더니…‘주 5일`` / ``배송’ 1년,``, not ``막는다더니…`` / ``‘주 5일 배송’``).
The chosen breaks stay spaces (a cut inside a word gets a zero-width space); every other space
becomes a no-break space, so WeasyPrint breaks there and only there. The headline's short quoted
phrases and its last short word stay bound as :func:`~bookmaker.korean.runt.headline` binds them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from bookmaker.korean.kinsoku import can_break
from bookmaker.korean.runt import NO_BREAK_SPACE, headline
from bookmaker.korean.wordbreaks import (
    glued_ellipses,
    opens_line_after_ellipsis,
    punctuation_opportunities,
    ranked,
)

ZERO_WIDTH_SPACE = "\u200b"
SAFETY = 0.97
"""A line is given this share of the measure: what WeasyPrint draws may differ from the measured
width by a little (rounding, tracking), and a line that does not fit would be broken again."""
CLAUSE_END = re.compile(r"[…⋯]$|\.\.\.$")
"""A break after an ellipsis, which joins a headline's clauses: no penalty."""
COMMA = re.compile(r"[,;:—–]$")
"""A break after a comma (or semicolon, colon, dash): a phrase's end, often a clause's."""
PENALTY_COMMA = 0.04
QUOTE_EDGE = (re.compile(r"[”’」』)]$"), re.compile(r"^[“‘「『(]"))
"""A break after a closing or before an opening quotation mark or bracket: a quotation's edge,
which is a phrase's but not always a clause's."""
PENALTY_QUOTE_EDGE = 0.06
PENALTY_INSIDE_PHRASE = 0.12
"""About the cost of one line left a third empty: a break inside a phrase is taken only when the
phrase ends leave lines clearly more uneven."""
PENALTY_INSIDE_QUOTATION = 0.3
"""A break inside a quotation (``상승…“다음`` / ``달까지 오를 듯”``), between a number and the
word it counts (``월 10만`` / ``원…``) or between a tally's counts (``3승`` / ``1패``): about a line
left half empty, so the headline breaks at a phrase's end outside it (``휘발유값 7주째`` /
``상승…“다음 달까지 오를 듯”``) unless that is clearly more uneven."""
NUMBER_END = re.compile(r"\d[\d,.]*[만천억조]?$")
TALLY = (re.compile(r"(?<![\d,.])\d{1,3}[가-힣]$"), re.compile(r"^\d{1,3}[가-힣](?![가-힣])"))
"""A tally's two counts either side of a break (``3승`` / ``1패…``, ``2골`` / ``1도움``): one phrase, torn
like a number from its counter."""
OPENERS, CLOSERS = "“‘「『", "”’」』"
PENALTY_KINSOKU = 4.0
"""A break kinsoku forbids (a line starting with a spaced dash, ``노트`` / ``— 고유값``): dearer than
any balance of lines, taken only when no other break fits."""
PENALTY_GLUED_ELLIPSIS = PENALTY_KINSOKU
"""A cut after an ellipsis glued to a quotation mark or a bound syllable, in a word wider than a
line whose ranked opportunities leave it too wide: as dear as a kinsoku break."""
LAST_LINE = 0.5
"""The last line's empty share counts half: a short last line that ends a phrase reads well."""


def set_headline(
    title: str, measure: Callable[[str], float], width: float, *, after_ellipses: bool = True
) -> str:
    """``title`` with its breaks chosen for lines ``width`` wide, as text in which only the chosen
    breaks are spaces WeasyPrint may break at (see the module); ``measure`` gives a text's width in
    the units of ``width``. A title that fits on one line, or has a part no line can hold, is only
    bound (:func:`~bookmaker.korean.runt.headline`). ``after_ellipses=False``: no break after an
    ellipsis glued to the next word unless a word is wider than a line (a document whose split
    budget is spent: such a break counts as a word split)."""
    bound = headline(title.strip())
    chosen = _chosen(bound, measure, width, after_ellipses)
    if chosen is None:
        return bound
    pieces, glued, best = chosen
    out = []
    for index, piece in enumerate(pieces):
        out.append(piece)
        if index + 1 < len(pieces):
            if index in best:
                out.append(ZERO_WIDTH_SPACE if glued[index] else " ")
            elif not glued[index]:
                out.append(NO_BREAK_SPACE)
    return "".join(out)


def headline_lines(
    title: str, measure: Callable[[str], float], width: float, *, after_ellipses: bool = True
) -> int | None:
    """How many lines :func:`set_headline` sets ``title`` in; None for a title only bound that
    needs more than one (WeasyPrint then breaks it where it can)."""
    bound = headline(title.strip())
    if not bound or measure(bound) <= width * SAFETY:
        return 1
    chosen = _chosen(bound, measure, width, after_ellipses)
    return None if chosen is None else len(chosen[2]) + 1


def _chosen(
    bound: str, measure: Callable[[str], float], width: float, after_ellipses: bool = True
) -> tuple[list[str], list[bool], set[int]] | None:
    """The pieces of a bound title too wide for one line, whether each opportunity is glued, and the
    breaks chosen; None when it fits on one line or some part fits on none."""
    room = width * SAFETY
    if not bound or measure(bound) <= room:
        return None
    pieces, glued = _pieces(bound, after_ellipses)
    best = _best_breaks(pieces, glued, measure, room)
    if best is None:  # a bound phrase wider than a line: break at its spaces (…‘주 5일 | 배송’)
        pieces, glued = _unbind_wide(pieces, glued, measure, room)
        best = _best_breaks(pieces, glued, measure, room)
    if best is None:  # a word wider than a line: cut where a word may break (주요사항보고서|(유상증자결정))
        pieces, glued = _cut_wide(pieces, glued, measure, room)
        best = _best_breaks(pieces, glued, measure, room)
    return None if best is None else (pieces, glued, best)


def _pieces(bound: str, after_ellipses: bool = True) -> tuple[list[str], list[bool]]:
    """The text between break opportunities (regular spaces, and, with ``after_ellipses``, the
    point after an ellipsis glued to a next word that may start a line:
    :func:`opens_line_after_ellipsis`), and for each opportunity whether it is such a glued point."""
    pieces: list[str] = []
    glued: list[bool] = []
    for word in bound.split(" "):
        if not word:
            continue
        points = glued_ellipses(word) if after_ellipses else []
        parts = _cut(word, [at for at in points if opens_line_after_ellipsis(word[at:])])
        for part_index, part in enumerate(parts):
            if pieces:
                glued.append(part_index > 0)
            pieces.append(part)
    return pieces, glued


def _opened(
    pieces: list[str], glued: list[bool], split: Callable[[str], list[str]], cuts_glued: bool
) -> tuple[list[str], list[bool]]:
    """``pieces`` with each one split into the parts ``split`` gives, and for each opportunity
    whether it is glued: the old ones as they were, the new ones ``cuts_glued``."""
    out: list[str] = []
    out_glued: list[bool] = []
    for index, piece in enumerate(pieces):
        if index:
            out_glued.append(glued[index - 1])
        parts = split(piece)
        out += parts
        out_glued += [cuts_glued] * (len(parts) - 1)
    return out, out_glued


def _unbind_wide(
    pieces: list[str], glued: list[bool], measure: Callable[[str], float], room: float
) -> tuple[list[str], list[bool]]:
    """``pieces`` with each one wider than ``room`` opened at the no-break spaces the binder put in
    it (a short quotation kept whole, a last short word kept company:
    :func:`~bookmaker.korean.runt.headline`): those are spaces, and a break at a space inside a
    quotation splits no word, where a cut after a glued ellipsis (``막는다더니…|‘주 5일 배송’``) or
    inside a compound would. The new opportunities are spaces (not glued)."""

    def split(piece: str) -> list[str]:
        if NO_BREAK_SPACE in piece and measure(piece) > room:
            return [part for part in piece.split(NO_BREAK_SPACE) if part]
        return [piece]

    return _opened(pieces, glued, split, cuts_glued=False)


def _cut_wide(
    pieces: list[str], glued: list[bool], measure: Callable[[str], float], room: float
) -> tuple[list[str], list[bool]]:
    """``pieces`` with each one wider than ``room`` cut at its ranked opportunities (a glued
    parenthetical, ``·``, ``/`` …; then, if a part is still too wide, between the nouns of a
    compound as the analyzer reads it; then also after a glued ellipsis): the cuts are glued
    opportunities."""

    def split(piece: str) -> list[str]:
        parts = [piece]
        if measure(piece) > room:
            parts = _cut(piece, [o.at for o in punctuation_opportunities(piece)])
        if any(measure(part) > room for part in parts):
            from bookmaker.korean.morphology import shared_analyzer

            analyzer = shared_analyzer()
            morphs = analyzer.analyze([piece])[piece]
            cuts = [o.at for o in ranked(piece, morphs, lexicon=analyzer)]
            parts = _cut(piece, cuts)
            if any(measure(part) > room for part in parts):
                parts = _cut(piece, sorted({*cuts, *glued_ellipses(piece)}))
        return parts

    return _opened(pieces, glued, split, cuts_glued=True)


def _cut(word: str, cuts: list[int]) -> list[str]:
    edges = [0, *sorted(cuts), len(word)]
    return [word[lo:hi] for lo, hi in itertools.pairwise(edges) if lo < hi]


def _best_breaks(
    pieces: list[str], glued: list[bool], measure: Callable[[str], float], room: float
) -> set[int] | None:
    """The opportunities to break at (indices: a break after ``pieces[i]``) for the fewest lines
    that fit, then the least cost; None when some piece cannot fit on a line."""
    count = len(pieces)

    def line(start: int, end: int) -> str:
        text = pieces[start]
        for index in range(start + 1, end):
            text += ("" if glued[index - 1] else " ") + pieces[index]
        return text

    quoted, depth = [], 0  # quoted[i]: a break after pieces[i] falls inside a quotation
    for piece in pieces:
        depth = max(0, depth + sum(c in OPENERS for c in piece) - sum(c in CLOSERS for c in piece))
        quoted.append(depth > 0)
    # best[i]: (lines, cost, breaks) for pieces[i:] set from a line start
    best: list[tuple[int, float, tuple[int, ...]] | None] = [None] * (count + 1)
    best[count] = (0, 0.0, ())
    for start in range(count - 1, -1, -1):
        for end in range(start + 1, count + 1):
            width = measure(line(start, end))
            if width > room:
                break
            rest = best[end]
            if rest is None:
                continue
            empty = ((room - width) / room) ** 2
            cost = (empty if end < count else empty * LAST_LINE) + rest[1]
            breaks = rest[2]
            if end < count:
                cost += _penalty(pieces[end - 1], pieces[end], glued[end - 1], quoted[end - 1])
                breaks = (end - 1, *breaks)
            candidate = (rest[0] + 1, cost, breaks)
            current = best[start]
            if current is None or candidate[:2] < current[:2]:
                best[start] = candidate
    found = best[0]
    return None if found is None else set(found[2])


def _penalty(before: str, after: str, glued: bool = False, quoted: bool = False) -> float:
    """What a break between ``before`` and ``after`` (``glued``: with no space between; ``quoted``:
    inside a quotation) costs: none at a phrase's end, the most where kinsoku forbids it."""
    if not glued and not can_break(before, after):
        return PENALTY_KINSOKU
    if glued and CLAUSE_END.search(before) and not opens_line_after_ellipsis(after):
        return PENALTY_GLUED_ELLIPSIS
    if CLAUSE_END.search(before):
        return 0.0
    if COMMA.search(before):
        return PENALTY_COMMA
    if QUOTE_EDGE[0].search(before) or QUOTE_EDGE[1].search(after):
        return PENALTY_QUOTE_EDGE
    if quoted or NUMBER_END.search(before) or (TALLY[0].search(before) and TALLY[1].match(after)):
        return PENALTY_INSIDE_QUOTATION
    return PENALTY_INSIDE_PHRASE
