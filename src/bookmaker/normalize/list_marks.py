"""A numbered line's marker read as the IR counts it: ``가.`` (Hangul syllables), ``ㄱ.`` (jamo),
``(1)``, ``(가)``, ``1)``, ``a.``, ``ii.``, ``Ⅱ.`` (Roman numeral signs, U+2160…) … A marker may be
read two ways (``i.``: the ninth letter or one in Roman figures); :func:`numbered_runs` takes the
reading that goes on furthest. Neither ``제1조`` (an article: a provision, no list item) nor
``1-1.`` (a section numbered in two levels, which no list style counts) is a marker here."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bookmaker.ir import ListPunctuation, ListStyle
from bookmaker.list_numbers import JAMO, ROMAN_FIGURES, SYLLABLES, roman

_FIGURE_LETTERS = {"Ⅼ": "L", "Ⅽ": "C", "Ⅾ": "D", "Ⅿ": "M"}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")

_MARK = re.compile(
    r"^\s*(?:(?P<open>\()(?P<pfig>[^()\s]{1,4})\)\s*|(?P<fig>[^()\s.]{1,4})(?P<close>[.)])\s+"
    r"|「(?P<cfig>[^「」\s]{1,4})」\s*"
    r"|(?P<sign>[\u2160-\u216f]{1,3})\s+|(?P<circled>[①-⑳])\s+)(?=\S)"
)
"""``(x)``, ``x.``, ``x)`` (a space after), ``「x」`` (a dictionary's senses), a Roman numeral sign alone
(``Ⅰ 추진 배경``) or a circled figure (``① …``); ``x`` is read by :func:`_readings`."""


Rank = tuple[ListStyle, ListPunctuation]
_SLIPS: dict[ListPunctuation, ListPunctuation] = {"period": "paren", "paren": "period"}
"""A figure's period for its paren (``2)`` in a count of ``1.``, ``3.``) or the other way round:
the one slip :func:`numbered_run` lets a list's count take."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a marker: its family (style and brackets), number and punctuation."""

    style: ListStyle
    number: int
    punctuation: ListPunctuation
    length: int
    """How many characters of the line the marker and the space after it take."""

    @property
    def family(self) -> tuple[ListStyle, bool, bool]:
        """The style and whether each number is in parentheses or in corner brackets (``1.`` and ``1)``
        together, ``(1)`` and ``「1」`` apart): lines that may count on one another when telling items
        from a wrapped line's rest."""
        return self.style, self.punctuation == "parens", self.punctuation == "corner"

    @property
    def rank(self) -> Rank:
        """The marker's rank in an outline: its style and punctuation (``1.``, ``1)``, ``(1)``, ``가.``
        and ``가)`` are five ranks, as in a Korean official document's 1. > 가. > 1) > 가) > (1))."""
        return self.style, self.punctuation


def _roman_value(text: str) -> int | None:
    low = text.lower()
    if not low or _ROMAN.fullmatch(low) is None:
        return None
    total = 0
    for a, b in zip(low, [*low[1:], ""], strict=True):
        value = _ROMAN_VALUES[a]
        total += -value if b and _ROMAN_VALUES[b] > value else value
    return total


def _figure_value(text: str) -> int | None:
    """Roman numeral signs (``Ⅲ``, ``ⅩⅡ``) as a number."""
    ascii_text = ""
    for ch in text:
        if ch in ROMAN_FIGURES:
            ascii_text += roman(ROMAN_FIGURES.index(ch) + 1)
        elif ch in _FIGURE_LETTERS:
            ascii_text += _FIGURE_LETTERS[ch]
        else:
            return None
    return _roman_value(ascii_text)


def _readings(figure: str) -> list[tuple[ListStyle, int]]:
    if figure.isdecimal() and len(figure) <= 2:  # as `\d` read them: ０–９ too
        return [("decimal", int(figure))]
    if len(figure) == 1 and figure in SYLLABLES:
        return [("hangul-syllable", SYLLABLES.index(figure) + 1)]
    if len(figure) == 1 and figure in JAMO:
        return [("hangul-jamo", JAMO.index(figure) + 1)]
    out: list[tuple[ListStyle, int]] = []
    if len(figure) == 1 and figure.isascii() and figure.isalpha():
        style: ListStyle = "lower-alpha" if figure.islower() else "upper-alpha"
        out.append((style, ord(figure.lower()) - ord("a") + 1))
    if re.fullmatch(r"[ivx]+|[IVX]+", figure):  # i … xxxix: a list's; not MD., CD., mix.
        value = _roman_value(figure)
        if value:
            out.append(("lower-roman" if figure.islower() else "upper-roman", value))
    value = _figure_value(figure)
    if value:
        out.append(("upper-roman-figure", value))
    return out


def readings(text: str) -> list[Reading]:
    """Each way the line ``text`` may open with a numbered list's marker (``[]`` for none)."""
    m = _MARK.match(text)
    if m is None:
        return []
    if m["circled"]:
        return [Reading("circled-decimal", ord(m["circled"]) - ord("①") + 1, "none", m.end())]
    punctuation: ListPunctuation
    if m["open"]:
        figure, punctuation = m["pfig"], "parens"
    elif m["cfig"]:
        figure, punctuation = m["cfig"], "corner"
    elif m["sign"]:
        figure, punctuation = m["sign"], "none"
    else:
        figure, punctuation = m["fig"], "period" if m["close"] == "." else "paren"
    return [Reading(style, n, punctuation, m.end()) for style, n in _readings(figure)]


def _goes_on(run: list[Reading], r: Reading, above: Mapping[Rank, int]) -> bool:
    """``r`` numbers the next item of ``run``: its number the next, in the run's rank or, a writer's
    slip, in the same style with a period for a paren (or a paren for a period) — unless a line
    above the run numbered that rank one less (``3. 주의사항`` over ``1) 임부``, ``2) 수유부``,
    ``3) 고령자``: ``4. 보관 방법`` goes on the section count, no item of the list)."""
    first = run[0]
    if r.number != run[-1].number + 1 or r.style != first.style:
        return False
    if r.punctuation == first.punctuation:
        return True
    return _SLIPS.get(first.punctuation) == r.punctuation and above.get(r.rank) != r.number - 1


def numbered_run(
    marks: Sequence[Sequence[Reading]], above: Mapping[Rank, int] | None = None
) -> list[Reading]:
    """The longest run from the first line on whose markers count one by one in one rank (``(1)``,
    ``(2)``; ``i.``, ``ii.``; see :func:`_goes_on`), as the readings taken; ``[]`` when the first
    has none. ``above``: the last number each rank took on the lines before the run."""
    best: list[Reading] = []
    for first in marks[0] if marks else []:
        run = [first]
        for options in marks[1:]:
            nxt = next((r for r in options if _goes_on(run, r, above or {})), None)
            if nxt is None:
                break
            run.append(nxt)
        if len(run) > len(best):
            best = run
    return best


def run_style(run: Sequence[Reading]) -> dict[str, str]:
    """The item attributes a run's list takes: ``style`` unless decimal; ``punctuation`` when the
    marks around every number are the same and not the style's own (``1)``, ``(가)``; ``1.``, ``가.``
    and ``①`` none)."""
    out: dict[str, str] = {}
    style = run[0].style
    if style != "decimal":
        out["style"] = style
    marks = {r.punctuation for r in run}
    if len(marks) == 1 and marks != {"period"} and not (style == "circled-decimal" and marks == {"none"}):
        out["punctuation"] = run[0].punctuation
    return out
