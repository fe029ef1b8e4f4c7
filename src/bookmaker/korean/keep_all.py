"""keep-all for engines that lack it: glue the letters of every word with U+2060 WORD JOINER.

WeasyPrint 70 drops ``word-break: keep-all``; a word joiner between each pair of adjacent
non-space characters forbids a break there, so lines break only at spaces (eojeol boundaries).
Used for the print rendition only: the EPUB keeps clean text and real CSS ``keep-all``.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"

# Between two adjacent characters that are neither white space, a zero-width space (a chosen
# break, layout/print_headline.py) nor already a joiner.
_GAP = re.compile(r"(?<=[^\s\u2060\u200b])(?=[^\s\u2060\u200b])")


def join_words(text: str) -> str:
    """Return ``text`` with a word joiner between every two adjacent non-space characters."""
    return _GAP.sub(WORD_JOINER, text)


def strip_joiners(text: str) -> str:
    """Remove word joiners (the inverse of :func:`join_words`)."""
    return text.replace(WORD_JOINER, "")
