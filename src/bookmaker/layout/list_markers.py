"""A numbered list's markers as text (``가.``, ``ㄴ.``, ``③``, ``(2)``, ``iv.``, ``Ⅱ.``): both editions print
them in the markup, since reading systems (Adobe RMSDK, Kobo, epub.js) and WeasyPrint differ on
``list-style-type: hangul`` and ``@counter-style``; a plain ``1.`` list keeps the renderer's own
numbers (:func:`list_markers` gives None)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from bookmaker.ir import ListBlock, ListPunctuation, ListStyle
from bookmaker.list_numbers import JAMO, MAX_ROMAN, ROMAN_FIGURES, SYLLABLES, roman

_LATIN = "abcdefghijklmnopqrstuvwxyz"


def _alphabetic(number: int, letters: str) -> str:
    """CSS's alphabetic counting: a … z, then aa, ab …; a number below 1 in digits."""
    if number < 1:
        return str(number)
    out = ""
    while number:
        number, rest = divmod(number - 1, len(letters))
        out = letters[rest] + out
    return out


def _roman(number: int) -> str:
    return roman(number) if 1 <= number <= MAX_ROMAN else str(number)


def _circled(number: int) -> str | None:
    """① … ⑳, ㉑ … ㊿ (⓪ for 0); None past 50."""
    if number == 0:
        return "⓪"
    if 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if 21 <= number <= 35:
        return chr(0x3251 + number - 21)
    if 36 <= number <= 50:
        return chr(0x32B1 + number - 36)
    return None


_FIGURE_LETTERS = str.maketrans({"I": "Ⅰ", "V": "Ⅴ", "X": "Ⅹ", "L": "Ⅼ", "C": "Ⅽ", "D": "Ⅾ", "M": "Ⅿ"})


def _roman_figures(number: int) -> str:
    """``number`` in the Roman numeral signs: one sign to Ⅻ, then the tens' letters and the rest's
    sign (ⅩⅢ for 13, ⅩⅬⅡ for 42)."""
    if 1 <= number <= len(ROMAN_FIGURES):
        return ROMAN_FIGURES[number - 1]
    if not 1 <= number <= MAX_ROMAN:
        return str(number)
    rest = number % 10
    tens = _roman(number - rest).upper().translate(_FIGURE_LETTERS)
    return tens + (ROMAN_FIGURES[rest - 1] if rest else "")


def count(style: ListStyle, number: int) -> str:
    """``number`` counted in ``style`` (digits where the style has no figure for it)."""
    if style == "hangul-syllable":
        return _alphabetic(number, SYLLABLES)
    if style == "hangul-jamo":
        return _alphabetic(number, JAMO)
    if style in ("lower-alpha", "upper-alpha"):
        letters = _alphabetic(number, _LATIN)
        return letters.upper() if style == "upper-alpha" else letters
    if style in ("lower-roman", "upper-roman"):
        numeral = _roman(number)
        return numeral.upper() if style == "upper-roman" else numeral
    if style == "upper-roman-figure":
        return _roman_figures(number)
    if style == "circled-decimal":
        return _circled(number) or str(number)
    return str(number)


def marker(style: ListStyle, punctuation: ListPunctuation | None, number: int) -> str:
    """One item's marker: ``number`` in ``style`` with its ``punctuation`` (None: the style's own,
    none for circled figures, a period for the others)."""
    figure = count(style, number)
    if punctuation is None:
        circled = style == "circled-decimal" and _circled(number) is not None
        punctuation = "none" if circled else "period"
    if punctuation == "paren":
        return f"{figure})"
    if punctuation == "parens":
        return f"({figure})"
    if punctuation == "corner":
        return f"「{figure}」"
    return f"{figure}." if punctuation == "period" else figure


def list_markers(block: ListBlock) -> list[str] | None:
    """Each item's marker, or None for a bulleted list or a plain ``1.`` one."""
    if not block.ordered or (block.style in (None, "decimal") and block.punctuation in (None, "period")):
        return None
    style: ListStyle = block.style or "decimal"
    return [marker(style, block.punctuation, block.start + i) for i in range(len(block.items))]


_FIRST_LINE = re.compile(r'<span class="ln[^"]*"[^>]*>')


def lead_line(lines: Markup, text: str) -> Markup:
    """Print: ``text`` (an item's marker) as the first text of the first of the set ``lines``
    (``span.lm``, drawn in the margin as the plain list's ``::before`` number is, print.css.j2)."""
    first = _FIRST_LINE.search(lines)
    mark = Markup('<span class="lm">{} </span>').format(escape(text))
    if first is None:
        return mark + lines
    return Markup(lines[: first.end()]) + mark + Markup(lines[first.end() :])
