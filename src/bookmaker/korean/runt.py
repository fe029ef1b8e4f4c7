"""A headline's last word kept off a line of its own, and a short quoted phrase kept whole.

A title that wraps greedily can leave one short word alone on its last line (``…사면할`` /
``것”``), which Korean editors avoid: the last two words are joined by a no-break space when the
last one has two letters or fewer (punctuation not counted) and the title has three words or more.
Nor do they break inside a short quoted phrase (``‘이준석`` / ``가처분’``): a term, name or title in
single quotes or brackets of two or three words and at most ten letters has its spaces made no-break
spaces, so the line breaks before or after it; a direct quotation in double quotes is speech, a clause
that may break as usual, unless it is a phrase of two short words (``“나쁜 자식”``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NO_BREAK_SPACE = "\u00a0"
RUNT_LETTERS = 2

_LAST_GAP = re.compile(r" +(?=\S+$)")
_LETTER = re.compile(r"\w")


MAX_PHRASE_WORDS = 3
MAX_PHRASE_LETTERS = 10
MAX_SPEECH_LETTERS = 6  # a double-quoted phrase: two short words at most
_QUOTED = re.compile(r"‘[^‘’]+’|'[^']+'|「[^」]+」|『[^』]+』|《[^》]+》|〈[^〉]+〉|<[^<>]+>")
_SPEECH = re.compile(r"“[^“”]+”|\"[^\"]+\"")


def headline(title: str) -> str:
    """``title`` as a headline is set: short quoted phrases whole, the last word not alone."""
    return bind_quoted(bind_runt(title))


def _binder(most_words: int, most_letters: int) -> Callable[[re.Match[str]], str]:
    def bind(match: re.Match[str]) -> str:
        phrase = match.group(0)
        words = len(phrase.split())
        if 2 <= words <= most_words and len(_LETTER.findall(phrase)) <= most_letters:
            return re.sub(r" +", NO_BREAK_SPACE, phrase)
        return phrase

    return bind


def bind_quoted(title: str) -> str:
    """``title`` with the spaces inside each short quoted phrase made no-break spaces."""
    title = _QUOTED.sub(_binder(MAX_PHRASE_WORDS, MAX_PHRASE_LETTERS), title)
    return _SPEECH.sub(_binder(2, MAX_SPEECH_LETTERS), title)


def bind_runt(title: str) -> str:
    """``title`` with its last space made a no-break space when its last word is a runt."""
    words = title.split()
    if len(words) < 3 or len(_LETTER.findall(words[-1])) > RUNT_LETTERS:
        return title
    return _LAST_GAP.sub(NO_BREAK_SPACE, title.rstrip(), count=1)
