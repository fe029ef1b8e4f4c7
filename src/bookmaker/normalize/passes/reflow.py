"""Pass ``reflow``: rejoin hard-wrapped paragraphs in text scrapes.

Only for blank-line separated layouts whose lines are all short (a wrap width): a line that
does not end a sentence and is at least half the wrap width continues on the next line of the
same blank-line group — unless that line opens a statute's article or paragraph (``제5조(…)``,
``②``) or an outline's or a list's item in sequence (``나. …`` under ``가. …``, ``(2)`` under
``(1)``) or the line is a statute's enforcement line or a notice's number line.
One-paragraph-per-line inputs are left alone.

A wrap between two Hangul syllables is rejoined without a space only on the text's own evidence
that it fell inside a word. The text must be wrapped at a fixed column — the lines that continue
fill the same width, measured in East Asian columns, so the wrapper cut wherever the column fell
rather than between words — and this line must fill it, with no space kept at the cut. Then
one more sign is needed: the wrapper keeps the spaces it cuts at elsewhere (a line ending in a
space), the joined word appears elsewhere in the text, or the second piece starts with a particle
or an ending no word starts with (는, 를, 했다 …). A split form seen elsewhere ("소 비") keeps
the space. A fixed-column wrap with no sign either way, and any cut between two syllables in a text
from a paginated source (``pages`` found its page numbers: justified lines end anywhere) or in a
printed newspaper's narrow column (OCR of a clipping: wrapped lines of at most 20 characters), is
read by the morphological analyzer (kiwipiepy, :meth:`~bookmaker.korean.morphology.Analyzer.
reads_as_one_word`: loaded only then): joined when it reads the two pieces as one word (``구축했으|
나``), spaced otherwise. A Latin word hyphenated at a line's end (``interoper-`` / ``ability``) is
joined without the hyphen. An author's name cut in an author–year citation (``…않다(김`` /
``민지, 2021; …``) is joined: a surname and a given name read as two words to the analyzer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from bookmaker.korean.morphology import cut_inside_word
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.list_marks import Reading, readings
from bookmaker.normalize.passes.statute import ENFORCEMENT
from bookmaker.normalize.passes.title import NOTICE_NUMBER
from bookmaker.normalize.text import (
    CHAPTER,
    CLOSE_FIELD,
    FEWEST_CLOSE_FIELDS,
    FORM_FIELD,
    LABELED,
    ends_sentence,
)

MAX_WRAP_WIDTH = 120
FILLED_SHARE = 0.8
"""Share of continuing lines that must fill the widest one for a fixed-column wrap."""

_ENDING_WORDS = frozenset(
    {"은", "는", "을", "를", "의", "에", "와", "과", "로", "으로", "에서", "에게", "께서", "부터", "까지"}
    | {"이다", "였다", "했다", "됐다", "한다", "된다"}
)
"""Particles and endings that are never a word of their own (not 이, 그, 다, 만: those can be)."""
_ENDING_STARTS = re.compile(
    r"^(?:는|를|었|았|였|했|됐|겠|됩니|습니|입니|읍니|으로|으며|으면|에서|에게|께서|다고|다며|면서|는데)"
)
"""Starts of a second piece that no Korean word starts with."""
_HYPHENATED = re.compile(r"[A-Za-z]{2}-$")
"""A Latin word hyphenated at the line's end; joined without the hyphen when the next line goes on
in lower case."""
_PROVISION = re.compile(r"^\s*(?:[①-⑳]|제\s*\d+\s*조(?:\s*의\s*\d+)?\s*\()")
"""A statute's article (``제5조(…)``) or paragraph (``②``): it starts a paragraph of its own, even
under a line ending in a note such as ``<개정 2026. 6. 30.>``."""
_PARTICLE = re.compile(r"(?:이|가|은|는|을|를|의|에|도|로|으로|와|과|에서|까지)$")
_CITED_HEAD = re.compile(r"[(;]\s*([가-힣]{1,2})$")
"""A line ending in the start of a citation's author (``…많지 않다(김``, ``…; 윤``)."""
_CITED_TAIL = re.compile(r"^([가-힣]{1,3})(?:\s*외)?,\s*(?:19|20)\d{2}\b")
"""A line going on with the rest of that name, its comma and year (``민지, 2021; …``)."""


@cache  # compiled on first use: only a line broken inside a word needs them (~0.5 ms each)
def _hangul_end() -> re.Pattern[str]:
    return re.compile(r"[가-힣]+$")


@cache
def _hangul_start() -> re.Pattern[str]:
    return re.compile(r"^[가-힣]+")


@cache
def _hangul_runs() -> re.Pattern[str]:
    return re.compile(r"[가-힣]+")


@dataclass(frozen=True, slots=True)
class _Layout:
    """How the text was wrapped: the column, and whether the wrapper keeps the spaces it cuts at."""

    width: int
    keeps_spaces: bool
    text: str
    """Every line's text, one per line: where words are looked up (no wrap is inside a line)."""
    words: _Words


@dataclass(frozen=True, slots=True)
class _Words:
    """The text's Hangul words, found in one pass so that each cut looks a word up in constant
    (or logarithmic) time rather than searching the whole text (a search per cut was quadratic)."""

    alone: frozenset[str]
    """Whole runs of Hangul with no Hangul and no line break on either side: ``w`` is one exactly
    when ``(?<![가-힣\n])w(?![가-힣\n])`` is found in the text (``w`` all Hangul)."""
    starts: list[str]
    """Sorted runs of Hangul after neither Hangul nor a line break: a Hangul ``w`` starts one exactly
    when ``(?<![가-힣\n])w`` is found in the text."""

    found: dict[str, bool]
    """Pieces looked up in the text so far (a text's cuts repeat their words)."""

    def in_text(self, piece: str, text: str) -> bool:
        """``piece in text``, each piece searched once."""
        if piece not in self.found:
            self.found[piece] = piece in text
        return self.found[piece]

    @classmethod
    def of(cls, text: str) -> _Words:
        alone: set[str] = set()
        starts: set[str] = set()
        for run in _hangul_runs().finditer(text):
            begin, end = run.span()
            if begin == 0 or text[begin - 1] != "\n":
                starts.add(run[0])
                if end == len(text) or text[end] != "\n":
                    alone.add(run[0])
        return cls(frozenset(alone), sorted(starts), {})

    def starts_one(self, word: str) -> bool:
        """Some run in :attr:`starts` begins with ``word`` (the runs that do are next in order)."""
        at = bisect_left(self.starts, word)
        return at < len(self.starts) and self.starts[at].startswith(word)


def _joinable(item: Item) -> bool:
    return item.role is None and item.kind is None and not structured(item)


_BULLET = re.compile(r"^(?:[-•]\s+|\s*[○◦□■◆◇※*]\s+|\s*○(?=[가-힣]{2}))\S")
"""A bulleted entry (``- 제주 및 도서산간 …``; a government outline's ``○ 모집 기간: …``, a ``※`` note, its
starred detail `` * 예상 적설(7일 밤~8일 새벽): …``; a minutes' ``○출석 위원``, its circle set close): like a
form's field, a line of its own, never a wrapped line's rest."""


_SUBFIELD = re.compile(r"^\s*\([^()]{1,12}\)\s*\S")
"""A form field's sub-field, its label in parentheses (``(전 화) 031-8017-4520`` under ``본 점 소 재 지 :
…``): under a field, a line of its own, never the field's wrapped rest."""


def _field_lines(items: list[Item]) -> set[int]:
    """Source lines of a block of close fields (``빈소: …`` / ``발인: …`` / ``장지: …``, three or more
    one under another): each field a line of its own, never a wrapped line's rest (nor the first one
    the rest of the line above it)."""
    found: set[int] = set()
    run: list[int] = []
    for item in [*items, None]:
        if item is not None and CLOSE_FIELD.match(item.text) and (not run or item.line == run[-1] + 1):
            run.append(item.line)
            continue
        if len(run) >= FEWEST_CLOSE_FIELDS:
            found.update(run)
        run = [item.line] if item is not None and CLOSE_FIELD.match(item.text) else []
    return found


def _lettered_lines(items: list[Item]) -> set[int]:
    """Source lines lettered or numbered in sequence (``가. …`` over ``나. …``, ``(1) …`` over
    ``(2) …``, ``ㄱ.`` over ``ㄴ.``, :func:`~bookmaker.normalize.list_marks.readings`): each opens an
    item of an outline or a list, never a wrapped line's rest (a lone ``다. …`` may be: ``…했`` /
    ``다. 그러나``). So does a line numbered 1 in another rank right under a numbered line (``5. …
    상의할 것`` over ``1) 다음의 증상이 …``): an outline's first item under the one above."""
    lines: set[int] = set()
    marks = [readings(it.text) for it in items]
    for (prev, a), (item, b) in pairwise(zip(items, marks, strict=True)):
        if any(x.family == y.family and y.number == x.number + 1 for x in a for y in b):  # 가. then 나.
            lines.update((prev.line, item.line))
        ranks = {(x.style, x.punctuation) for x in a}
        if ranks and any(y.number == 1 and (y.style, y.punctuation) not in ranks for y in b):
            lines.add(item.line)  # "5. …" then "1) …"
    lines.update(_hung_items(items, marks))
    return lines


def _hung_items(items: list[Item], marks: list[list[Reading]]) -> set[int]:
    """Lettered lines in sequence with lines on a hanging indent between them (``다. 참 석 자 : …`` /
    ``      회장 김○○, …`` / ``라. 배 석 자 : …``), or a deeper rank's items (``가. 신청 자격`` / ``1) …`` /
    ``2) …`` / ``나. …``): the lines between are the first item's rest or its items, so the next mark
    opens an item of its own."""
    lines: set[int] = set()
    last: int | None = None  # the index of the last lettered line whose rest may hang under it
    ranks: dict[tuple[str, str], int] = {}  # each rank's last lettered line, deeper ranks' items between
    for index, (item, b) in enumerate(zip(items, marks, strict=True)):
        if b and last is not None and index > last + 1:
            a = marks[last]
            if any(x.family == y.family and y.number == x.number + 1 for x in a for y in b):
                lines.update((items[last].line, item.line))
        for y in b:  # "가. 신청 자격" / "1) …" / "2) …" / "나. …": 나. follows 가. over the items under it
            above = ranks.get((y.style, y.punctuation))
            if (
                above is not None
                and index > above + 1
                and any(
                    (x.style, x.punctuation) == (y.style, y.punctuation) and y.number == x.number + 1
                    for x in marks[above]
                )
            ):
                lines.update((items[above].line, item.line))
        if b:
            last = index
            ranks.update({(y.style, y.punctuation): index for y in b})
        elif last is not None and (item.attrs.get("after_blank") or _indent(item) <= _indent(items[last])):
            last = None  # not hanging under the lettered line: its item is over
            ranks.clear()
    return lines


def _indent(item: Item) -> int:
    return int(item.attrs.get("indent", "0"))


_VERSE_NUMBER = re.compile(r"^\s*(\d{1,3})\s+[가-힣]")
MIN_VERSES = 3


def _verse_lines(items: list[Item]) -> set[int]:
    """Source lines of a scripture passage, each opening with its verse number (``11 예수께서 …``,
    ``12 한 마을에 …``): three or more lines in a row whose numbers rise; each is a line of its own."""
    lines: set[int] = set()
    run: list[Item] = []
    for item in [*items, None]:
        m = _VERSE_NUMBER.match(item.text) if item is not None else None
        prev = _VERSE_NUMBER.match(run[-1].text) if run else None
        if (
            m
            and prev
            and item is not None
            and item.line == (run[-1].last or run[-1].line) + 1
            and int(m[1]) > int(prev[1])
        ):
            run.append(item)
            continue
        if len(run) >= MIN_VERSES:
            lines.update(it.line for it in run)
        run = [item] if m and item is not None else []
    return lines


def _continues(prev: Item, item: Item, width: int, line: Item, sentence_goes_on: bool = False) -> bool:
    """``item`` continues the wrapped line ``prev``, whose last source line is ``line`` (judged by
    its own length: a paragraph grown by joins does not make its next short line a wrapped one);
    ``sentence_goes_on``: a sentence's end at the cut does not end the paragraph."""
    return (
        _joinable(prev)
        and _joinable(item)
        and not item.attrs.get("after_blank")
        and "br_group" not in item.attrs  # a stanza's line (readers.text.verse): its break is the poet's
        and item.line == (prev.last or prev.line) + 1
        and (sentence_goes_on or not ends_sentence(prev.text))  # the paragraph so far: read at its end
        and len(line.text) >= width * 0.5
        and not FORM_FIELD.match(item.text)
        and not (LABELED.match(prev.text) and LABELED.match(item.text))  # "주제어: …" / "학 번: …"
        and not CHAPTER.match(item.text)
        and not (_SUBFIELD.match(item.text) and FORM_FIELD.match(prev.text))
        and not _BULLET.match(item.text)
        and not _PROVISION.match(item.text)
        and not ENFORCEMENT.match(prev.text)
        and not NOTICE_NUMBER.match(prev.text)
    )


def _columns(item: Item) -> int:
    return int(item.attrs.get("columns", "0"))


def _spaced(prev: Item, item: Item) -> bool:
    """The raw lines keep a space at the cut."""
    return bool(prev.attrs.get("space_end") or item.attrs.get("space_start"))


def _hanging(prev: Item, item: Item) -> bool:
    """``item`` is set deeper than the line ``prev`` it continues, no space kept at ``prev``'s end:
    a hanging indent under a list's item in a paginated source's text (``- 관리사무소장 : … 낮추`` /
    ``      도록 하겠음.``), the page's layout rather than a space kept at the cut."""
    deeper = _indent(item) > _indent(prev)
    return deeper and not prev.attrs.get("space_end")


def _fixed_column(items: list[Item], width: int) -> _Layout | None:
    """The layout of a text wrapped at a fixed column, or None when it was not (or cannot tell)."""
    cut = [prev for prev, item in pairwise(items) if _continues(prev, item, width, prev)]
    widths = [_columns(prev) for prev in cut]
    if len(widths) < 2 or not all(widths):
        return None
    column = max(widths)
    filled = [prev for prev in cut if _columns(prev) >= column - 1]  # a wide syllable may not fit
    if len(filled) < max(2, FILLED_SHARE * len(cut)):
        return None
    keeps = any(prev.attrs.get("space_end") for prev in filled)
    text = "\n".join(it.text for it in items)
    return _Layout(column, keeps, text, _Words.of(text))


NARROW_COLUMN = 20
"""The widest wrapped line (characters) of a printed newspaper column: no one types text that narrow."""
FEWEST_NARROW_CUTS = 4
NARROW_SHARE = 0.8
FULL_LINE = 0.8
"""A justified column's line that continues is at least this share of the column's usual line."""
"""Of the wrapped lines, the share so narrow (a page header over the column may be wider)."""


def _narrow_column(items: list[Item], width: int) -> int:
    """The length of a full line when the text's wrapped lines are a printed page's narrow column
    (OCR of a newspaper clipping: set justified, cut anywhere, as a paginated source's are), else 0."""
    cut = [prev for prev, item in pairwise(items) if _continues(prev, item, width, prev)]
    narrow = sorted(n for prev in cut if (n := len(prev.text.strip())) <= NARROW_COLUMN)
    if len(narrow) < FEWEST_NARROW_CUTS or len(narrow) < NARROW_SHARE * len(cut):
        return 0
    return narrow[len(narrow) // 2]


_NUMBER_END = re.compile(r"\d$")
_UNIT_START = re.compile(
    r"(?:원|명|개|년|월|일|시|분|초|세|살|층|호|번|회|건|배|곳|대|장|권|편|위|점|만|억|천|조|%)"
)


def _number_cut(prev: Item, item: Item) -> bool:
    """A justified line ends in a number and the next opens with its unit (``20`` / ``원으로``)."""
    return bool(_NUMBER_END.search(prev.text) and _UNIT_START.match(item.text)) and not _spaced(prev, item)


def _stem(word: str) -> str:
    """``word`` without a particle at its end (격이 → 격, 비자가 → 비자), as looked up."""
    particle = _PARTICLE.search(word)
    if particle and particle.start():
        return word[: particle.start()]
    return word[:-1] if len(word) >= 3 else word


def _inside_word(prev: Item, item: Item, layout: _Layout) -> bool | None:
    """Whether the cut between the source lines ``prev`` and ``item`` fell inside a word: True or
    False on the text's evidence, None when there is none either way."""
    left, right = _hangul_end().search(prev.text), _hangul_start().match(item.text)
    if left is None or right is None or _spaced(prev, item) or _columns(prev) < layout.width - 1:
        return False
    head, tail = left.group(0), right.group(0)
    stem = _stem(tail)
    text = layout.text
    words = layout.words
    split_seen = words.in_text(
        f"{head} {stem}", text
    ) or (  # a word at a line's edge may be a piece: not counted
        head in words.alone and words.starts_one(stem)
    )
    if split_seen:
        return False
    if layout.keeps_spaces or words.in_text(head + stem, text):
        return True
    rest = item.text[len(tail) :]
    if (tail in _ENDING_WORDS and not rest[:1].isalnum()) or _ENDING_STARTS.match(tail):
        return True
    return None


def _cut_between_syllables(prev: Item, item: Item) -> bool:
    """The source line ``prev`` ends with a Hangul syllable, no space kept, and ``item`` starts with one."""
    syllables = bool(_hangul_end().search(prev.text) and _hangul_start().match(item.text))
    return syllables and not _spaced(prev, item)


def _hanging_cut(prev: Item, item: Item) -> bool:
    """A cut between two Hangul syllables, ``item`` set on a hanging indent (:func:`_hanging`)."""
    ends = _hangul_end().search(prev.text) and _hangul_start().match(item.text)
    return bool(ends) and _hanging(prev, item)


def _cited_name(prev: Item, item: Item) -> bool:
    """The cut fell inside an author's name in an author–year citation (``(김`` / ``민지, 2021``):
    a name of two to four syllables opening the parentheses or following a semicolon."""
    head, tail = _CITED_HEAD.search(prev.text), _CITED_TAIL.match(item.text)
    return bool(head and tail and not _spaced(prev, item) and 2 <= len(head[1]) + len(tail[1]) <= 4)


def _analyzer_joins(prev: Item, item: Item) -> bool:
    return cut_inside_word(prev.text, item.text)


BLANK_PARTED = 0.8
"""Share of the lines ending a sentence that a blank line follows in a text whose paragraphs are all
set apart by blank lines."""
FILLED = 0.9
"""Share of the widest line a justified line fills when it goes on (a sentence's end and all)."""


def _blank_parted(items: list[Item]) -> bool:
    """The text sets its paragraphs apart by blank lines: most lines ending a sentence (three or
    more) have a blank line under them. Then, in a justified text, a line ending a sentence that
    fills the column does not end its paragraph: the sentence ended where the column did."""
    ends = [
        item.attrs.get("after_blank") is not None
        for prev, item in pairwise(items)
        if ends_sentence(prev.text)
    ]
    return len(ends) >= 3 and sum(ends) >= BLANK_PARTED * len(ends)


def run(ctx: Context) -> None:
    """Join wrapped lines into paragraphs, keeping first and last source lines."""
    items = ctx.items
    if not any(it.attrs.get("after_blank") for it in items):
        return
    width = max((len(it.text) for it in items if (it.last or it.line) == it.line), default=0)
    if width == 0 or width > MAX_WRAP_WIDTH:
        return
    layout = _fixed_column(items, width)
    column = _narrow_column(items, width)
    justified = ctx.paginated or bool(column)
    verses = _verse_lines(items)
    for item in items:
        if item.line in verses:
            item.attrs["verse"] = "1"  # a scripture verse: no heading either (structure)
    lettered = _lettered_lines(items) | verses | _field_lines(items)
    parted = justified and _blank_parted(items)
    out: list[Item] = []
    line: Item | None = None  # the previous source line (``out[-1]`` may hold several)
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and line is not None
            and item.line not in lettered
            and _continues(prev, item, width, line, parted and len(line.text.strip()) >= FILLED * width)
            and len(line.text.strip()) >= FULL_LINE * column  # a column's lines are full: a short one
            # ends its block (a headline over its deck)
        ):
            inside = _inside_word(line, item, layout) if layout else False
            if _cited_name(line, item):
                inside = True
            elif inside is None or (
                inside is False
                and justified
                and (_cut_between_syllables(line, item) or _hanging_cut(line, item))
            ):
                inside = _analyzer_joins(line, item)  # the text has no evidence: ask the dictionary
            elif justified and _number_cut(line, item):
                inside = True  # "… 20" / "원으로": a justified line cut between a number and its unit
            line = item
            if _HYPHENATED.search(prev.text[-4:]) and item.text[:1].islower():  # 3 letters (a final \n)
                prev.text = f"{prev.text[:-1]}{item.text}"  # interoper- / ability: one word
            else:
                prev.text = f"{prev.text}{'' if inside else ' '}{item.text}"
            prev.last = item.last or item.line
            if _indent(item) > _indent(prev):
                prev.attrs["hung"] = "1"  # its rest hangs under its first line (a list's item)
            continue
        out.append(item)
        line = item
    ctx.items = out
