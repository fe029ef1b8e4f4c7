"""A headline's last word kept off a line of its own.

A title that wraps greedily can leave one short word alone on its last line (``…사면할`` /
``것”``), which Korean editors avoid: the last two words are joined by a no-break space when the
last one has two letters or fewer (punctuation not counted) and the title has three words or more.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
RUNT_LETTERS = 2

_LAST_GAP = re.compile(r" +(?=\S+$)")
_LETTER = re.compile(r"\w")


def bind_runt(title: str) -> str:
    """``title`` with its last space made a no-break space when its last word is a runt."""
    words = title.split()
    if len(words) < 3 or len(_LETTER.findall(words[-1])) > RUNT_LETTERS:
        return title
    return _LAST_GAP.sub(NO_BREAK_SPACE, title.rstrip(), count=1)
