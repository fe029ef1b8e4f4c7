"""Inline markup for the EPUB text: whole mixed Korean words, and the language of English runs.


``word-break: keep-all`` keeps runs of Hangul together, but engines still break where a Hangul
word meets a digit, Latin letters or a symbol (chromium wraps ``70%가량을`` after ``%``). Such
eojeol (space-delimited words) are wrapped in ``<span class="eojeol">`` styled ``nowrap``.
Pure Hangul words are left to the CSS; a word wider than :data:`MAX_WIDTH` is cut after its
hyphens, slashes and middle dots (``생태계(Full-`` ``stack·`` ``풀스택)를``) and the pieces wrapped.

Runs of four or more Latin-script words (a quoted English sentence) get ``lang="en"`` so screen
readers switch voice (WCAG 3.1.2 Language of Parts). The IR has no inline language yet, so this
is a heuristic: such runs in Korean news are English in practice.
"""

from __future__ import annotations

import re

MAX_WIDTH = 15.0  # em: a nowrap word must fit a 320 px phone column (about 18 em of text)
_KOREAN_CHARS = r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KOREAN = re.compile(f"[{_KOREAN_CHARS}]")
# the words wrap_word may change (a Korean character and another non-space one); the others, most
# of a Korean text, are passed over without a Python call
_CANDIDATE = re.compile(rf"(?<!\S)(?=\S*[{_KOREAN_CHARS}])(?=\S*[^\s{_KOREAN_CHARS}])\S+")
_EDGE = "‘“\"'([{《〈「『.,!?;:…’”)]}》〉」』·"
_TEXT = re.compile(r">([^<>]+)<")
_LATIN_WORD = r"[A-Za-z][A-Za-z'’.\-]*"
_LATIN_RUN = re.compile(rf"(?<![\w&#;]){_LATIN_WORD}(?:[ ,;:]+(?:{_LATIN_WORD}|\d+)){{3,}}")
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


def _wrap(word: str) -> str:
    return f'<span class="eojeol">{word}</span>' if needs_wrap(word) else word


def wrap_word(word: str) -> str:
    """One space-delimited word as HTML, with the parts that must not break wrapped."""
    if not _too_wide(word):
        return _wrap(word)
    return "".join(_wrap(piece) for piece in _PIECE.findall(word))


def _wrap_text(match: re.Match[str]) -> str:
    """A text node with each space-delimited word through :func:`wrap_word` (the words it would
    leave as they are skipped by :data:`_CANDIDATE`: ~2× faster on a Korean article)."""
    return ">" + _CANDIDATE.sub(lambda word: wrap_word(word.group(0)), match.group(1)) + "<"


def _mark_latin(match: re.Match[str]) -> str:
    return ">" + _LATIN_RUN.sub(lambda run: f'<span lang="en">{run.group(0)}</span>', match.group(1)) + "<"


def keep_words(fragment: str) -> str:
    """``fragment`` (HTML, text already escaped) with English runs marked, mixed words wrapped."""
    return _TEXT.sub(_wrap_text, _TEXT.sub(_mark_latin, fragment))
