"""Korean words that must stay whole in the EPUB: whole mixed words for the reading systems.

``word-break: keep-all`` keeps runs of Hangul together, but engines still break where a Hangul
word meets a digit, Latin letters or a symbol (chromium wraps ``70%가량을`` after ``%``). Such
eojeol (space-delimited words) are wrapped in ``<span class="eojeol">`` styled ``nowrap``.
Pure Hangul words are left to the CSS; a word wider than :data:`MAX_WIDTH` is cut after its
hyphens, slashes and middle dots (``생태계(Full-`` ``stack·`` ``풀스택)를``) and the pieces wrapped.
An address (an e-mail address, a URL, a path: a long token of no Hangul) gets ``<wbr/>`` where
typesetters break one, so a table cell holding it need not be as wide as the whole address.
A space before a word that may not start a line (a spaced colon: ``9 : 4``, ``[이름 : 말]``) or after
one that may not end it is a no-break space, as the print's breaker has it (:mod:`korean.kinsoku`).
"""

from __future__ import annotations

import re

from markupsafe import escape

from bookmaker.korean.kinsoku import NO_END, NO_START
from bookmaker.korean.runt import NO_BREAK_SPACE

MAX_WIDTH = 15.0  # em: a nowrap word must fit a 320 px phone column (about 18 em of text)
_KOREAN_CHARS = r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KOREAN = re.compile(f"[{_KOREAN_CHARS}]")
_EDGE = "‘“\"'([{《〈「『.,!?;:…’”)]}》〉」』·"
_PIECE = re.compile(r"[^-/·–—]+[-/·–—]*|[-/·–—]+")


def width(word: str) -> float:
    """Rough advance of ``word`` in em: CJK and full-width characters 1, others 0.6."""
    return sum(1.0 if ord(char) >= 0x1100 and not 0x2000 <= ord(char) < 0x2E80 else 0.6 for char in word)


def _too_wide(word: str) -> bool:
    """``width(word) > MAX_WIDTH``; a word of at most MAX_WIDTH characters never is (each is ≤ 1 em)."""
    return len(word) > MAX_WIDTH and width(word) > MAX_WIDTH


def needs_wrap(word: str) -> bool:
    """True for a Korean word with a digit, Latin letter or symbol inside (not at its edges)."""
    core = word.strip(_EDGE)
    if not core or _too_wide(word) or not _KOREAN.search(core):
        return False
    return _KOREAN.sub("", core) != ""


# A long token of no Hangul with address punctuation (an e-mail address, a URL, a file path): the
# places it may break, as typesetters break addresses (after @ and /, before . ? & = #), so a table
# cell holding one can be narrower than the whole address on a phone's page.
LONG_TOKEN = 12
_ADDRESS = re.compile(r"[@/]|\w[.?&=#][^\W\d_]")
_ADDRESS_BREAK = re.compile(r"(?<=[@/_])(?=[^/\s])|(?<=\w)(?=[.?&=#][^\W\d_])")


def _wrap(word: str) -> str:
    html = str(escape(word))
    return f'<span class="eojeol">{html}</span>' if needs_wrap(word) else html


def _address(word: str) -> bool:
    return len(word) >= LONG_TOKEN and not _KOREAN.search(word) and _ADDRESS.search(word) is not None


def wrap_word(word: str) -> str:
    """One space-delimited word (plain text) as HTML, with the parts that must not break wrapped
    and an address's places to break marked (``<wbr/>``)."""
    if _address(word):
        return "<wbr/>".join(str(escape(piece)) for piece in pieces(word))
    return "".join(_wrap(piece) for piece in pieces(word))


def pieces(word: str) -> list[str]:
    """The stretches of ``word`` that :func:`wrap_word` keeps from breaking: an address's pieces
    between its marked breaks, a too-wide word's pieces, else the word whole (``keep-all``)."""
    if _address(word):
        return _ADDRESS_BREAK.split(word)
    return _PIECE.findall(word) if _too_wide(word) else [word]


_SPACES = re.compile(r"(\s+)")
_NO_START = re.escape("".join(sorted(NO_START)))
_NO_END = re.escape("".join(sorted(NO_END)))
_KINSOKU_SPACE = re.compile(rf"(?<=\S) +(?=[{_NO_START}])|(?<=[{_NO_END}]) +(?=\S)")


def keep_words(text: str) -> str:
    """``text`` as escaped HTML, its mixed Korean words wrapped (see the module)."""
    text = _KINSOKU_SPACE.sub(NO_BREAK_SPACE, text)
    return "".join(part if index % 2 else wrap_word(part) for index, part in enumerate(_SPACES.split(text)))
