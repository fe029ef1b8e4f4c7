"""Line-head and line-end prohibitions (klreq 글줄 시작/끝 금칙, 단어 분할 금지) at word boundaries."""

from __future__ import annotations

import re

# klreq cl2, cl4-cl9, cl11, cl12, cl14 and Latin closers: cannot start a line.
NO_START = frozenset(")]}）］｝〕〉》」』】’”.,。、?!？！·:;：；…‥%℃‰‐-—〜〃ー」")
# klreq cl1, cl3, cl13: cannot end a line.
NO_END = frozenset("([{（［｛〔〈《「『【‘“$₩¥£")
UNITS = frozenset("%℃‰")
DIGIT_GROUP = re.compile(r"\d{3}(?!\d)(?![가-힣])")
"""Three digits standing alone: the next group of a number grouped with spaces. Another number
(``K리그1 2026 37라운드``: a league, a season, a round) may start the next line."""


def can_break(before: str, after: str) -> bool:
    """May a line end after word ``before`` and the next start with word ``after``?"""
    if not before or not after:
        return True
    if after[0] in NO_START or before[-1] in NO_END:
        return False
    if before[-1].isdigit() and (after[0] in UNITS or DIGIT_GROUP.match(after)):
        return False  # a number and its unit or its next digit group (1 000 000) stay together
    return not (before.endswith("…") and after.startswith("…"))


def line_start_fault(line: str) -> bool:
    """True when ``line`` starts with a character that may not begin a line."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in NO_START


def line_end_fault(line: str) -> bool:
    """True when ``line`` ends with a character that may not end a line."""
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in NO_END
