"""Whether runs of lines are a poem's (or a song's) stanzas: shared by the text reader (runs between
blank lines) and the HTML reader (runs between two ``<br>`` in a generic container)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

_VERSE_LINE = re.compile(r"^\s*\S.{0,29}$")
_PROSE = re.compile(r"[.。]\s+\S|^\s*(?:[-•*·○□■◆▶※]|\d{1,2}[.)]\s)")
"""A line no verse has: one holding a full stop inside it, or one marked as a list's entry."""
_STOP_END = re.compile(r"[.。]\s*$")
_SENTENCE_INSIDE = re.compile(r"[가-힣][.?!]\s+\S")
_PLAIN_WORDS = re.compile(r"[가-힣A-Za-z\s,.!?…·'\"‘’“”~-]+")
"""A line of words alone (letters, spaces, light punctuation): no digit, colon, bracket or ``@``, as
a header's, a form's or an entry's lines have."""
_POET = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:시|글)\s*[:：]?\s+)?(?P<name>[가-힣]{2,4})(?:\s+(?:시|作|작))?"
    r"(?:\s*\(\s*\d{4}\s*[~～∼–-]\s*(?:\d{4})?\s*\))?\s*$"
)
"""A poet's name on a line of its own under a poem's title (``김소월``, ``— 김소월``, ``시 김소월``,
``윤동주 (1917~1945)``)."""
_NO_VERSE = re.compile(
    r"^\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)(?:\s+\S+@\S+)?"
    r"|(?:입력|수정|등록|송고)?\s*[:：]?\s*\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}\.?\s+\d{1,2}:\d{2}.{0,30}"
    r"|\S.{0,20}\s(?:\d{1,2}:)?\d{1,2}:\d{2})\s*$"
)
"""A story's byline (``이서준 기자``) or time stamp (``입력 2026.12.05 10:20``), a transcript turn's
speaker and time (``김하은 00:03``): lines no stanza holds (a brief's head over its short paragraphs,
the turns it quotes, are no poem)."""
MIN_STANZAS = 3
MAX_STANZA = 8
WRAPPED_SHARE = 0.1
"""Of the cuts between a text's stanza lines, the share the analyzer may read as inside a word
(a chance reading) before the lines are taken for a narrow column's wrapped prose."""


def poet_line(text: str) -> str | None:
    """The poet's name when ``text`` is a line of it alone (read under a poem's title), else None."""
    m = _POET.match(text)
    return m["name"] if m else None


MAX_TITLE = 30


def _title_and_poet(runs: list[list[str]]) -> set[int]:
    """The runs holding a poem's title over the poet's name (``진달래꽃`` / ``김소월``), its first two
    lines, blank-parted or not; empty when the text does not open so."""
    filled = [at for at, run in enumerate(runs) if run]
    if filled and len(runs[filled[0]]) == 2:
        heads, (title, poet) = {filled[0]}, runs[filled[0]]
    elif len(filled) >= 2 and len(runs[filled[0]]) == len(runs[filled[1]]) == 1:
        heads, (title, poet) = set(filled[:2]), (runs[filled[0]][0], runs[filled[1]][0])
    else:
        return set()
    return heads if len(title.strip()) <= MAX_TITLE and poet_line(poet) is not None else set()


def stanza_runs(runs: list[list[str]]) -> set[int] | None:
    """The indices of the runs that are stanzas, when three or more runs of two to eight lines are
    short lines (up to 30 characters) without a full stop inside them, at least half of them words
    alone (no digit, colon, bracket or ``@``: a mail's or a page's header is no stanza), and such
    runs hold most lines in runs of two or more; None when the text is no verse. Under a title and
    the poet's name two stanzas are enough, and the title and name are no stanza.

    A poem may end its lines with a full stop (``나는 괴로워했다.``); so does a narrow newspaper
    column's wrapped prose at each paragraph's end, and a header's or an entry's short lines. When
    the stanzas need lines ending with a full stop, those lines must be words alone (no digit, Latin
    letter, colon or bracket), and the morphological analyzer reads the cuts between the stanzas'
    lines: a column cuts inside words (``인|건비``, ``했다|고``), a poet between them."""
    heads = _title_and_poet(runs)
    body = [[] if at in heads else run for at, run in enumerate(runs)]
    fewest = MIN_STANZAS - 1 if heads else MIN_STANZAS
    found = _stanzas(body, fewest, stops=False)
    if found is None:
        found = _stanzas(body, fewest, stops=True)
        if found is None or _wrapped(body[at] for at in sorted(found)):
            return _quoted_poem(runs)
    return found | _single_lines(body, found)


QUOTING_SENTENCE = 20
"""A line this long ending a sentence, above a poem's title and poet, is the text quoting it."""
_SENTENCE_END = re.compile(r"[.?!。][\"'”’)]*\s*$")


def _quoted_poem(runs: list[list[str]]) -> set[int] | None:
    """The stanzas of the poems a text quotes (a blog post on a poem, a column): under a sentence of
    the text, the poem's title over the poet's name (``진달래꽃`` / ``김소월``, one run or two), then two
    stanzas or more of words alone, one after another; the text's prose around them, however long,
    is the commentary's. The text names the poet or the poem elsewhere (``김소월 「진달래꽃」`` in the
    post's title, ``김소월의 시``): a label over a short line (``공연 안내`` / ``문의처``) is none. None
    when no such poem stands in the text. Each run is looked at a bounded number of times: linear."""
    filled = [at for at, run in enumerate(runs) if run]
    named = _word_starts(runs)
    found: set[int] = set()
    n = 1
    while n < len(filled):
        first = _poem_head(runs, filled, n, named)
        end = first or n
        while first and end < len(filled) and _plain_stanza(runs[filled[end]]):
            end += 1
        if first and end - first >= MIN_STANZAS - 1:
            found.update(filled[first:end])
            n = end + 1
        else:
            n += 1
    return found | _single_lines(runs, found) if found else None


def _word_starts(runs: list[list[str]]) -> Counter[str]:
    """How many words of the text open with each string of two to eight syllables (a name with its
    particle, ``김소월의``, opens with ``김소월``): a bounded number of keys a word."""
    out: Counter[str] = Counter()
    for run in runs:
        for line in run:
            for word in _HANGUL_WORD.findall(line):
                out.update(word[:k] for k in range(2, min(len(word), MAX_NAMED) + 1))
    return out


_HANGUL_WORD = re.compile(r"[가-힣]+")
MAX_NAMED = 8


def _poem_head(runs: list[list[str]], filled: list[int], n: int, named: Counter[str]) -> int | None:
    """Where the stanzas start (an index into ``filled``) when ``runs[filled[n]]`` opens a quoted
    poem's title and poet under a sentence, either named again in the text, else None."""
    before, at = runs[filled[n - 1]][-1].strip(), filled[n]
    if len(before) < QUOTING_SENTENCE or not _SENTENCE_END.search(before):
        return None
    if len(runs[at]) == 2:
        title, poet, first = runs[at][0], runs[at][1], n + 1
    elif n + 1 < len(filled) and len(runs[at]) == len(runs[filled[n + 1]]) == 1:
        title, poet, first = runs[at][0], runs[filled[n + 1]][0], n + 2
    else:
        return None
    name = poet_line(poet)
    if len(title.strip()) > MAX_TITLE or name is None:
        return None
    title_word = title.strip() if _HANGUL_WORD.fullmatch(title.strip()) else ""
    return first if named[name] >= 2 or (title_word and named[title_word[:MAX_NAMED]] >= 2) else None


def _plain_stanza(run: list[str]) -> bool:
    """A stanza of two to eight short lines of words alone, no full stop inside them."""
    return 2 <= len(run) <= MAX_STANZA and all(
        _VERSE_LINE.match(text) and not _PROSE.search(text) and _PLAIN_WORDS.fullmatch(text) for text in run
    )


def _single_lines(runs: list[list[str]], stanzas: set[int]) -> set[int]:
    """The runs of one verse line between two stanzas, or after the last stanza at the text's end: a
    stanza of one line (``오늘 밤에도 별이 바람에 스치운다.``)."""
    filled = [at for at, run in enumerate(runs) if run]
    out = set()
    for before, at, after in zip([None, *filled], filled, [*filled[1:], None], strict=False):
        line = runs[at][0]
        verse = len(runs[at]) == 1 and _VERSE_LINE.match(line) and not _PROSE.search(line)
        if verse and before in stanzas and (after in stanzas or after is None):
            out.add(at)
    return out


def _stanzas(runs: list[list[str]], fewest: int, *, stops: bool) -> set[int] | None:
    long_runs = [run for run in runs if len(run) >= 2]
    stanzas = {
        at
        for at, run in enumerate(runs)
        if 2 <= len(run) <= MAX_STANZA
        and all(
            _VERSE_LINE.match(text)
            and not _PROSE.search(text)
            and (not _STOP_END.search(text) or (stops and _PLAIN_WORDS.fullmatch(text)))
            for text in run
        )
        and 2 * sum(bool(_PLAIN_WORDS.fullmatch(text)) for text in run) >= len(run)
        and not any(_NO_VERSE.match(text) for text in run)
    }
    if len(stanzas) < fewest or 2 * sum(len(runs[at]) for at in stanzas) <= sum(map(len, long_runs)):
        return None
    if _prose_chars(runs) > sum(len(text) for at in stanzas for text in runs[at]):
        return None  # an article's paragraphs under short runs of a page's menus and buttons
    return stanzas


MIN_PROSE_PARAGRAPH = 40
"""The shortest paragraph of prose (one line, sentences in it) that tells an article from a poem."""


def _prose_chars(runs: list[list[str]]) -> int:
    """The characters of the text's prose paragraphs: runs of one long line with a sentence's end
    inside it (``… 화면만 바라보고 있었다. 뒤에 선 줄은 …``), which no stanza holds."""
    return sum(
        len(run[0])
        for run in runs
        if len(run) == 1 and len(run[0]) >= MIN_PROSE_PARAGRAPH and _SENTENCE_INSIDE.search(run[0])
    )


def _wrapped(stanzas: Iterable[list[str]]) -> bool:
    """Whether the analyzer reads more than a chance share of the cuts between the lines as inside
    a word."""
    from bookmaker.korean.morphology import cut_inside_word

    cuts = [(line, below) for run in stanzas for line, below in pairwise(run)]
    allowed, inside = WRAPPED_SHARE * len(cuts), 0
    for line, below in cuts:
        inside += cut_inside_word(line, below)
        if inside > allowed:
            return True  # a column's: no need to read the rest
    return False
