"""Hangul in Latin letters (the Revised Romanization, syllable by syllable) and a loose key under
which a Latin name and its Hangul spelling meet: ``마켓노을`` and ``MARKET NOEUL`` both read
``maketnoeur``. The key forgives what company names and loanwords do to the standard spelling:
voiced and voiceless stops alike (g/k, d/t, b/p, j/ch), ㄹ as r or l, and an English r after a
vowel that Korean does not sound (market → 마켓, center → 센터)."""

from __future__ import annotations

import re

# fmt: off
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
             "h")
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
           "wi", "yu", "eu", "ui", "i")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
           "t", "ng", "t", "t", "k", "t", "p", "t")
# fmt: on


def romanize(text: str) -> str:
    """``text`` with each Hangul syllable in the Revised Romanization (others kept as they are)."""
    out: list[str] = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            vowel, final = divmod(rest, 28)
            out.append(_INITIALS[initial] + _VOWELS[vowel] + _FINALS[final])
        else:
            out.append(char)
    return "".join(out)


_UNSOUNDED_R = re.compile(r"(?<=[aeiou])r(?![aeiouy])")
_FOLD = str.maketrans("gdbjl", "ktpcr")


def loose_key(name: str, *, english: bool = False) -> str:
    """``name`` (Hangul or Latin) reduced to a key for comparing spellings; ``english`` drops the
    r that an English spelling keeps after a vowel and Korean does not sound."""
    latin = re.sub(r"[^a-z]", "", romanize(name).lower())
    if english:
        latin = _UNSOUNDED_R.sub("", latin)
    return latin.replace("ch", "c").translate(_FOLD)


def spells(latin: str, hangul: str) -> bool:
    """The Latin name ``latin`` spells the Hangul name ``hangul`` (``MARKET NOEUL``, ``마켓노을``)."""
    key = loose_key(hangul)
    return len(key) >= 4 and key in {loose_key(latin), loose_key(latin, english=True)}
