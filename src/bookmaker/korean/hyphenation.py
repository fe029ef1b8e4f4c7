"""Hyphenation points of English words: the last-resort opportunities of a paragraph with no Hangul.

A Korean paragraph never splits a Latin word ("AI", "SK하이닉스"); an English one (an English
article, an English quotation set as its own paragraph) is set as a careful English typesetter
sets it: words whole while the line sets well, and where a line would otherwise be clearly loose,
a break at a hyphenation point of the dictionary (pyphen's patterns, the ones LibreOffice uses)
with a hyphen drawn at the line's end. Only lower-case words of :data:`MIN_WORD` letters or more,
at least :data:`LEFT` letters before the break and :data:`RIGHT` after (TeX's lefthyphenmin and
righthyphenmin); never a word with a capital (a name, an acronym), digits or other signs inside
(a URL, an e-mail address, a word already hyphenated: ``high-bandwidth`` keeps its own hyphen as
its break). The breaker adds the hyphen's width to the line and charges a line ending in a hyphen
after another one (:attr:`bookmaker.korean.linebreak.Tuning.double_hyphen_cost`).
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

from bookmaker.korean.wordbreaks import Opportunity

HYPHEN = "-"
"""Drawn at the end of a hyphenated line: the hyphen-minus, the face's Latin hyphen (Noto CJK's
U+2010 is a CJK dash of 0.5 em, too wide beside Latin letters)."""
HYPHEN_PENALTY = 1.4e8  # just dearer than an explicit hyphen's break (data-|dependent, 1.2e8)
MIN_WORD = 6
LEFT = 2
RIGHT = 3
DEFAULT_LANGUAGE = "en_US"

_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ"
# a word, perhaps after opening and before closing punctuation or a possessive 's
_WORD = re.compile(rf"[(\[“‘\"']*([{_LETTERS}]+)(?:['’]s)?[.,;:!?”’\"')\]]*")


def hyphenation_language(language: str | None) -> str | None:
    """The pyphen dictionary for an all-Latin paragraph of a document in ``language`` (a BCP 47
    tag): the document's English (``en-GB`` → ``en_GB``), en_US for a Korean (or untagged)
    document's English paragraph, None for other languages (their words are not hyphenated)."""
    tag = (language or "ko").replace("-", "_")
    primary = tag.split("_")[0].lower()
    if primary == "ko":
        return DEFAULT_LANGUAGE
    if primary != "en":
        return None
    found = pyphen.language_fallback(tag)
    return found if found and found != "en" else DEFAULT_LANGUAGE


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=language, left=LEFT, right=RIGHT)


def hyphenation_opportunities(token: str, language: str) -> list[Opportunity]:
    """The hyphenation points of ``token`` (a word between spaces) as opportunities drawing a hyphen."""
    match = _WORD.fullmatch(token)
    if match is None:
        return []
    word = match.group(1)
    if len(word) < MIN_WORD or not word.islower():
        return []
    offset = match.start(1)
    return [
        Opportunity(offset + at, HYPHEN_PENALTY, "hyphenation", hyphen=True)
        for at in _dictionary(language).positions(word)
        if LEFT <= at <= len(word) - RIGHT
    ]
