"""Hyphenation points of English words: last-resort opportunities of English text.

English text (an English article's paragraph, an English quotation set as its own paragraph, or an
English passage of :data:`PASSAGE` words or more inside a Korean paragraph: “We need greater
confidence that inflation is …”라고) is set as a careful English typesetter sets it: words whole
while the line sets well, and where a line would otherwise be clearly loose, a break at a
hyphenation point of the dictionary (pyphen's patterns, the ones LibreOffice uses)
with a hyphen drawn at the line's end. Only lower-case words of :data:`MIN_WORD` letters or more,
at least :data:`LEFT` letters before the break and :data:`RIGHT` after (TeX's lefthyphenmin and
righthyphenmin); never a word with a capital (a name, an acronym), digits or other signs inside
(a URL, an e-mail address, a word already hyphenated: ``high-bandwidth`` keeps its own hyphen as
its break). A Latin term of fewer words in Korean text ("AI", "SK하이닉스", "packaging
technologies와") is never hyphenated: it is a name, not English prose. The breaker adds the
hyphen's width to the line and charges a line ending in a hyphen after another one
(:attr:`bookmaker.korean.linebreak.Tuning.double_hyphen_cost`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
PASSAGE = 4  # in a Korean paragraph: this many words in a row with no Hangul or Hanja make English text

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


_KOREAN = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def in_english_passages(tokens: Sequence[str]) -> list[bool]:
    """For each token (a word between spaces) of a Korean paragraph, whether it lies in an English
    passage: :data:`PASSAGE` or more tokens in a row without Hangul or Hanja, one of them with
    Latin letters (a number or a sign alone does not make English text)."""
    found = [False] * len(tokens)
    start = 0
    for end in range(len(tokens) + 1):
        if end == len(tokens) or _KOREAN.search(tokens[end]):
            passage = tokens[start:end]
            if len(passage) >= PASSAGE and any(re.search(f"[{_LETTERS}]", t) for t in passage):
                found[start:end] = [True] * len(passage)
            start = end + 1
    return found


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
