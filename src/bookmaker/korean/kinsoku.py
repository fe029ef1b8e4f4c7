"""Line-head and line-end prohibitions (klreq 글줄 시작/끝 금칙, 단어 분할 금지) at word boundaries."""

from __future__ import annotations

# klreq cl2, cl4-cl9, cl11, cl12, cl14 and Latin closers: cannot start a line.
NO_START = frozenset(")]}）］｝〕〉》」』】’”.,。、?!？！·:;：；…‥%℃‰‐-—〜〃ー」")
# klreq cl1, cl3, cl13: cannot end a line.
NO_END = frozenset("([{（［｛〔〈《「『【‘“$₩¥£")
UNITS = frozenset("%℃‰")


def can_break(before: str, after: str) -> bool:
    """May a line end after word ``before`` and the next start with word ``after``?"""
    if not before or not after:
        return True
    if after[0] in NO_START or before[-1] in NO_END:
        return False
    if before[-1].isdigit() and (after[0].isdigit() or after[0] in UNITS):
        return False  # a number and its unit or digit group stay together
    return not (before.endswith("…") and after.startswith("…"))


def line_start_fault(line: str) -> bool:
    """True when ``line`` starts with a character that may not begin a line."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in NO_START


def line_end_fault(line: str) -> bool:
    """True when ``line`` ends with a character that may not end a line."""
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in NO_END
