"""Lines recognised by their vocabulary rather than by a pattern: page interface text (``카카오톡으로
공유하기``, ``전체메뉴 펼치기``, ``기사프린트``), section labels and breadcrumbs (``정치 > 국방·안보``)
and an outlet's name on a line of its own (``동아닷컴``, ``중앙일보``, ``동양일보TV``).

A line qualifies only when *every* word in it can be cut into words of the list (``관련사진보기`` =
관련 + 사진 + 보기), so a sentence or a headline that merely uses such a word is never taken.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bookmaker.normalize.rules import Outlet, Rules
from bookmaker.normalize.text import trimmed

_SEPARATORS = re.compile(r"[\s|/>·•ㆍ,:：\-–—]+")
_EDGE_MARKS = "[](){}<>〈〉【】「」*•▪◦ㆍ·|"
"""Brackets and marks around a line's words, cut (with ``.``/``!`` at its end) before it is named."""
MAX_INTERFACE = 40
MAX_WORDS = 12


@lru_cache(maxsize=4096)
def _split(word: str, vocabulary: frozenset[str], particles: frozenset[str]) -> tuple[str, ...] | None:
    """``word`` cut into vocabulary words (a particle may end it), longest pieces first; None if
    it cannot be."""
    if not word:
        return ()
    if word in particles:
        return (word,)
    for end in range(len(word), 0, -1):
        head = word[:end]
        if head in vocabulary:
            rest = _split(word[end:], vocabulary, particles)
            if rest is not None:
                return (head, *rest)
    return None


def _words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(trimmed(text, _EDGE_MARKS, _EDGE_MARKS + ".!")) if w]


def _short_words(text: str) -> list[str] | None:
    """The words of ``text`` when it is short enough to be a label (None: it is not); Latin words
    are longer, so a line of ASCII may be twice as long."""
    if len(text) > (2 * MAX_INTERFACE if text.isascii() else MAX_INTERFACE):
        return None
    words = _words(text)
    return words if words and len(words) <= MAX_WORDS else None


def is_interface(rules: Rules, text: str) -> bool:
    """A short line of page interface words: one word alone, or words with an action among them."""
    words = _short_words(text)
    if words is None:
        return False
    actions = rules.word_set(("interface", "actions"))
    vocabulary = rules.word_set(("interface", "words"), ("interface", "actions"))
    particles = rules.word_set(("interface", "particles"))
    pieces: list[str] = []
    for word in words:
        split = _split(word, vocabulary, particles)
        if split is None:
            return False
        pieces.extend(split)
    return len(words) == 1 or any(p in actions for p in pieces)


def is_section_label(rules: Rules, text: str) -> bool:
    """A section label or breadcrumb: only newsroom section names (``정치``, ``한국 > 한국정치``)."""
    words = _short_words(text)
    if words is None:
        return False
    sections = rules.word_set(("sections", "names"))
    return all(_split(word, sections, frozenset()) is not None for word in words)


def interface_share(rules: Rules, text: str) -> float:
    """The share of ``text``'s words that are interface or section words (0 for no words)."""
    words = _words(text)
    if not words:
        return 0.0
    vocabulary = rules.word_set(("interface", "words"), ("interface", "actions"), ("sections", "names"))
    particles = rules.word_set(("interface", "particles"))
    return sum(_split(word, vocabulary, particles) is not None for word in words) / len(words)


_OUTLET_SUFFIX = re.compile(r"(?:\s*(?:TV|tv|닷컴|뉴스|포토|영상|홈|홈페이지|\.com|\.co\.kr|i))?$")


def outlet_line(rules: Rules, text: str) -> Outlet | None:
    """The outlet when ``text`` is just its name, alias or domain (``동아닷컴``, ``동양일보TV``)."""
    bare = trimmed(text, _EDGE_MARKS, _EDGE_MARKS + ".!")
    if not bare or len(bare) > 24:
        return None
    tokens = rules.outlets_by_token()
    named = (
        tokens.get(bare[:end]) for end in range(1, len(bare) + 1) if _OUTLET_SUFFIX.fullmatch(bare[end:])
    )
    first = min((found for found in named if found is not None), key=lambda found: found[0], default=None)
    return first[1] if first else None


__all__ = ["interface_share", "is_interface", "is_section_label", "outlet_line"]
