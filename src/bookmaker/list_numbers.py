"""The figures numbered lists count in, shared by the normalizer (reading a marker) and the layout
(writing one): Hangul syllables and jamo, the Roman numeral signs, Roman numerals."""

from __future__ import annotations

SYLLABLES = "가나다라마바사아자차카타파하"
"""가 … 하: the letters an outline or a list counts in."""
JAMO = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
ROMAN_FIGURES = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
"""The Roman numeral signs Ⅰ … Ⅻ (U+2160 …), one sign a number."""
MAX_ROMAN = 3999
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    """``number`` in lower-case Roman numerals (1 … :data:`MAX_ROMAN`; ``""`` for 0)."""
    out = ""
    for value, numeral in _ROMAN:
        times, number = divmod(number, value)
        out += numeral * times
    return out
