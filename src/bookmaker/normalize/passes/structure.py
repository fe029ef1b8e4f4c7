"""Pass ``structure``: decide the remaining lines' roles — section heading (a short line
without sentence punctuation between body text, or marked ``■``/``◆``, or set all in bold over a
list or a table), quote, list item or paragraph. A footnote nothing in the body refers to
(defined but never used, or defined a second time) is removed with its reason, as pandoc drops it.
Notes ending a text scrape become footnotes (:mod:`~bookmaker.normalize.passes.notes`); a line
running several ▲ entries together is a list; an outline of items (numbered lines that say something,
with ranks under them) is one nested list (:mod:`~bookmaker.normalize.passes.item_outline`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import pairwise

from bookmaker.ir import Footnote, NoteRef, Span, Strong, Table, Text, inlines_of, runs, walk
from bookmaker.normalize.blocks import structured, unclaimed, verse_line
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.list_marks import Rank, Reading, numbered_run, readings, run_style
from bookmaker.normalize.mood import prescribes
from bookmaker.normalize.passes.item_outline import mark_item_outlines
from bookmaker.normalize.passes.notes import mark_text_notes
from bookmaker.normalize.passes.title import NOTICE_NUMBER, PICTOGRAPH
from bookmaker.normalize.text import (
    AGENDA_ITEM,
    CHAPTER,
    CLOSE_FIELD,
    EPIGRAPH,
    FEWEST_CLOSE_FIELDS,
    FORM_FIELD,
    OUTLINE,
    SPEAKER,
    ends_sentence,
    inline_entries,
    is_prose,
)

_MARKER = re.compile(r"^\s*[■◆▲◇●□◎▣]\s*")
"""A heading's marker (not ``○``: in an outline of □ and ○ lines, ``○`` marks a point under one)."""
_BOX_TITLE = re.compile(r"^\s*[<〈《【\[]\s*(?P<title>[^<>〈〉《》【】\[\]]{2,20}?)\s*[>〉》】\]]\s*$")
"""A box's title in brackets over its list (``<글 싣는 순서>`` over a series' parts, ``[오늘의 표현]``
over a glossary)."""
MAX_HEADING = 60
TABLE_TITLE = re.compile(r"^\s*(?:[\[<〈【]\s*표(?:\s*\d[\d.\-–]*)?\s*[\]>〉】]|표\s*\d[\d.\-–]*[.:]?\s)")
"""A table's title (``[표] 4일 주요 지수 마감``, ``<표 2> …``, ``표 3. …``): it names the table under
it, set bold or not, and is no section heading."""
_SENTENCE_INSIDE = re.compile(r"[다요죠]\.\s")
"""A Korean sentence ended with a period inside a line: the line is prose, however short (a question
mark inside may still be a heading's: "무엇이 달라지나요? 핵심 정리")."""


_INTERVIEWEE = re.compile(
    r"\s*[\[<〈【]\s*[^\[\]<>〈〉【】/]{1,12}?\s*/\s*[^\[\]<>〈〉【】/]{1,30}\s*[\]>〉】]\s*"
)
"""A broadcast report's caption of the speaker under it, name / who they are (``[김서윤 / 서울
서대문구]``)."""
_BRACKETED = re.compile(r"^\s*[\[<〈《【(（].*[\]>〉》】)）]\s*$")
_PLACEHOLDER = re.compile(r"^\s*\[(?P<name>[^\[\]]{2,40})\]\s*$")
"""A placeholder for what the copy does not carry (``[대표이사 등의 확인ㆍ서명]``: a signed page)."""


def _over_plain_table(ctx: Context, item: Item, nxt: Item | None) -> bool:
    """In plain text, a line set right over a table without brackets heads the table's section
    (``유상증자 결정`` over a filing's fields); a table's own name is set off (``<… 변동률>``, ``[표] …``)."""
    return (
        ctx.source_format == "text"
        and nxt is not None
        and isinstance(nxt.block, Table)
        and not _BRACKETED.match(item.text)
    )


_UNIT_NOTE = re.compile(r"^\s*[(（\[<]\s*단위\s*[:：]")


def _over_unit_note(ctx: Context, items: list[Item], i: int) -> bool:
    """In plain text, a line over a table's unit note (``10월 출생아 수 추이`` over ``(단위: 명)`` over
    a graphic's rows) heads the table as it would right over it."""
    return (
        i + 2 < len(items)
        and bool(_UNIT_NOTE.match(items[i + 1].text))
        and _over_plain_table(ctx, items[i], items[i + 2])
    )


def _opens_plain_list(ctx: Context, item: Item, nxt: Item | None) -> bool:
    """In plain text laid out in blank-line groups, an unbracketed line opening its group right over
    a list heads it (``배송 안내`` over ``- 평일 오후 2시 이전 …``): plain text has no bold to set it so."""
    return (
        ctx.source_format == "text"
        and bool(item.attrs.get("after_blank"))
        and nxt is not None
        and nxt.role == "list-item"
        and not _BRACKETED.match(item.text)
    )


def _over_placeholder(item: Item, nxt: Item | None) -> bool:
    """A line right over the bracketed placeholder that names it (``대표이사 등의 확인`` over
    ``[대표이사 등의 확인ㆍ서명]``) heads the part the placeholder stands for."""
    m = _PLACEHOLDER.match(nxt.text) if nxt is not None and _bodyish(nxt) else None
    name = re.sub(r"\s+", "", item.text)
    return m is not None and len(name) >= 2 and re.sub(r"\s+", "", m["name"]).startswith(name)


_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s")
"""A numbered section's line (``3. 입찰 일정``): over a list or a table, it heads them."""


def _bodyish(item: Item | None) -> bool:
    return item is not None and item.role in (None, "paragraph") and item.kind in (None, "paragraph")


def _agenda_heads(items: list[Item]) -> None:
    """An agenda item's head alone on its line, no sentence, is a heading (its ``:`` is no field's)."""
    for item in items:
        if _listable(item) and AGENDA_ITEM.match(item.text) and not ends_sentence(item.text.strip()):
            item.role = "heading"


def _over_agenda(item: Item, nxt: Item) -> bool:
    """A numbered section line right over an agenda item's head (``3. 안건 심의 및 의결`` over
    ``제1호 안건 : …``) heads the agenda."""
    return bool(OUTLINE.match(item.text)) and nxt.role == "heading" and bool(AGENDA_ITEM.match(nxt.text))


def _over_subsection(items: list[Item], i: int) -> bool:
    """A numbered section line right over its first subsection's (``2. 상고이유 제1점에 관하여`` over
    ``가. 관련 법리``, itself over running text): both are headings."""
    rank = [OUTLINE.match(it.text) for it in items[i : i + 2]]
    if len(items) < i + 3 or not all(rank) or not _bodyish(items[i + 1]) or not _bodyish(items[i + 2]):
        return False
    first, second = (items[j].text.strip()[0].isdigit() for j in (i, i + 1))
    sub, text = items[i + 1], items[i + 2].text
    return first != second and len(sub.text) <= MAX_HEADING and not ends_sentence(sub.text) and is_prose(text)


STANZA_LINES, STANZA_LINE = 4, 30


def _mark_stanzas(items: list[Item]) -> None:
    """The lines of a paragraph a reader split at its ``<br>``s (one ``br_group``) that is a poem's
    stanza — four lines or more, each short (up to 30 characters), or any the readers found verse
    (:func:`~bookmaker.normalize.blocks.verse_line`) — are no headings, each alone."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        if (group := item.attrs.get("br_group")) is not None:
            groups.setdefault(group, []).append(item)
    for lines in groups.values():
        short = len(lines) >= STANZA_LINES and all(len(it.text.strip()) <= STANZA_LINE for it in lines)
        if short or verse_line(lines[0]):
            for it in lines:
                it.attrs["stanza"] = "1"


_BELOW_MARK = re.compile(r"\s*[-–—=<(\[]*\s*(?:아\s*래|다\s*음)\s*[-–—=>)\]]*\s*")
"""An official letter's line pointing to its items below (``- 아 래 -``, ``<다 음>``, ``아래``)."""


_SPAN_PART = r"[\d\s.:/년월일시분초오전후()월화수목금토요]"
_TIME_SPAN = re.compile(
    rf"^{_SPAN_PART}*\d{_SPAN_PART}*(?:[~∼〜–]|\s-\s|부터){_SPAN_PART}*\d{_SPAN_PART}*(?:까지)?\s*(?:\([^()]{{1,20}}\))?\s*$"
)
"""A span of days or hours and nothing else ("12.8(월) ~ 12.19(금)", "오전 6시 ~ 오전 10시 (4시간)")."""


_SOURCE_LINE = re.compile(r"^\s*[※*]?\s*[<(\[]?\s*(?:자료|출처)\s*[:：/=]")
"""A source credit (``자료: 기상청``, ``※ 자료: 국립환경과학원 에어코리아``, ``<출처=통계청>``)."""
_TALLY_PART = re.compile(r"\d[\d,.]*\s*(?:%p?|[가-힣]{1,2})?\s*$")
_TALLY_CUT = re.compile(r"\s[/|ㅣ]\s")


def _tally(text: str) -> bool:
    """A line of figures set apart by bars or slashes, each part ending in a number (``선거인수
    58,912명 / 투표수 35,401명 / 투표율 60.1%``)."""
    parts = _TALLY_CUT.split(text)
    return len(parts) >= 2 and all(_TALLY_PART.search(part) for part in parts)


def _heading_like(item: Item, over_list: bool = False) -> bool:
    """``item`` could be a heading by its own text; a short word counts when set all in bold with a
    marker (``■ 판정``) or over a list or a table (``<p><b>안건</b></p>`` over the agenda)."""
    text = _MARKER.sub("", item.text)
    if item.attrs.get("verse"):
        return False  # "19 그에게 이르시되 …": a scripture passage's last verse
    if item.attrs.get("stanza"):
        return False  # "잎새에 이는 바람에도": a line of a poem's stanza set with <br>
    if TABLE_TITLE.match(text):
        return False  # "[표] 4일 주요 지수 마감" over its table
    if re.fullmatch(r"\(.*\)", text.strip()):
        return False  # "(10시02분 개의)": a note on the proceedings, not a heading
    if _INTERVIEWEE.fullmatch(text):
        return False  # "[박모씨 / 붕어빵 노점 운영]": who speaks next in a broadcast report, no heading
    if re.fullmatch(r"\$\$.+\$\$", text.strip()):
        return False  # "$$\det(A - \lambda I) = 0$$": a displayed formula (TeX), not a heading
    numbered = readings(text)
    if _SENTENCE_INSIDE.search(text[numbered[0].length :] if numbered else text):
        return False  # "… 고맙습니다. (박수)": a sentence, with a note on the audience after it (not
        # "다. 소결": an outline's lettered mark)
    if len(re.findall(r"[→⇒▶>]", text)) >= 2:
        return False  # "서류전형 → 1차 면접 → 최종합격": the steps of a process, not a heading
    if _BELOW_MARK.fullmatch(text):
        return False  # "- 아 래 -": an official letter's pointer to the items below, no heading
    if _TIME_SPAN.match(text):
        return False  # "2026년 12월 10일(수) 오전 6시 ~ 오전 10시 (4시간)": a schedule's value, no heading
    if _SOURCE_LINE.match(text):
        return False  # "※ 자료: 국립환경과학원": a box's or a table's source, no heading
    if _tally(text):
        return False  # "선거인수 58,912명 / 투표수 35,401명 / 투표율 60.1%": figures under a table
    if re.match(r"^[^:：]{1,16}\s[:：]\s+\S", text):
        return False  # "대 표 이 사 : 김 정 훈": a form's field and its value, not a heading
    marked = bool(_MARKER.match(item.text))
    short = len(text) >= 2 and (
        (marked and over_list) or ((marked or over_list) and _all_bold(item) is not None)
    )  # "◇ 행정안전부" over its ▲ entries, or a bold word
    return (
        (short or (len(text) >= 4 and len(text.split()) >= 2))
        and len(text) <= MAX_HEADING
        and not ends_sentence(text)
        and not text.endswith((",", ":", "·"))
    )


_BULLET_ITEM = re.compile(r"^\s*(?:[-•·*]\s+|(?P<entry>[△▲])\s*)(?=\S)")
"""A bulleted line's marker. Not a statement's ``하나.`` (성명서, 결의문): it is a word of the text, which
a bullet would replace (the IR's lists have no marker text), so those demands stay paragraphs."""
MAX_ITEM, MAX_ENTRY = 120, 300


def _listable(item: Item) -> bool:
    return item.role is None and item.kind is None and not _bold_label(item)


def _bullet(item: Item) -> str | None:
    """A bulleted list line's bullet (``-``, ``•``, ``▲`` …). Entries marked △ or ▲ (an obituary,
    an appointment) may be long; other items are short lines."""
    m = _BULLET_ITEM.match(item.text) if _listable(item) else None
    if m is None or len(item.text) > (MAX_ENTRY if m["entry"] else MAX_ITEM):
        return None
    return m.group(0).strip()[:1]


def _numbers(item: Item, choices: frozenset[int] = frozenset()) -> list[Reading]:
    """A short numbered line's marker, each way it reads (:func:`~bookmaker.normalize.list_marks.
    readings`). A sentence numbered ①, ② is a provision's paragraph (a statute's or a contract's
    항, which the text cites by its mark: "제1항"), no list item: a list would replace the mark —
    unless it is one of a question's choices (``choices``: ids, see :func:`_choices`)."""
    if not _listable(item) or len(item.text) > (MAX_ENTRY if item.attrs.get("hung") else MAX_ITEM):
        return []  # an item whose rest hangs under its first line (pass reflow) may be long
    found = readings(item.text)
    circled = any(r.style == "circled-decimal" for r in found)
    if circled and ends_sentence(item.text) and id(item) not in choices:
        return []  # "① 회원은 … 신청할 수 있습니다.": a provision's paragraph (항), its mark its number
    return found


_QUESTION = re.compile(r"[?？]\s*(?:\[[^\[\]]{1,12}\])?$")
"""A question's line (``… 가장 적절한 것은?``, ``… 않은 것은? [3점]``)."""
_CIRCLED = re.compile(r"^\s*([①-⑩])\s")
MIN_CHOICES = 3
QUESTION_ABOVE = 3


def _choices(items: list[Item]) -> frozenset[int]:
    """The ids of a test's choices: three or more lines in a row circled ①, ②, ③ … from ①, with a
    question (a line ending in ``?``, its points after it: ``[3점]``) at most three lines above (a
    〈보기〉 box may stand between) — not a provision's 항, which no question heads."""
    found: set[int] = set()
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and (m := _CIRCLED.match(items[j].text)) and ord(m[1]) - ord("①") == j - i:
            j += 1
        if j - i >= MIN_CHOICES and any(
            _QUESTION.search(it.text.strip()) for it in items[max(0, i - QUESTION_ABOVE) : i]
        ):
            found.update(id(it) for it in items[i:j])
        i = max(j, i + 1)
    return frozenset(found)


_LETTERED_STYLES = ("hangul-syllable", "hangul-jamo")


def _lettered_list(run: list[Item], marks: list[Reading], notice: bool) -> bool:
    """A run of lines lettered 가., 나., 다. (or ㄱ., ㄴ.; or numbered (1), (2)) is a list when it sets
    out items (one at least is no sentence: ``가. 용역기간 : …``), when a public notice sets out its
    terms, or when each line is one sentence stating a rule in the present (a syllabus's ``가. 과제는
    LMS로만 제출하며, … 감점한다.``, ``나. … 요청할 수 있다.``: :func:`~bookmaker.normalize.mood.
    prescribes`); sentences so lettered or numbered in a judgment or a filing telling facts
    (``가. 피고는 … 입주자이다.``, ``(1) 원고는 … 체결하였다.``) stay its paragraphs."""
    if marks[0].style not in _LETTERED_STYLES and marks[0].punctuation != "parens":
        return True
    if notice or not all(ends_sentence(it.text) for it in run):
        return True
    return all(prescribes(it.text[r.length :]) for it, r in zip(run, marks, strict=True))


def _mark_lists(items: list[Item], notice: bool = False) -> None:
    """Two or more consecutive short lines numbered in sequence — 1., 2.; 1), 2); (1), (2); 가., 나.;
    (가), (나); ㄱ., ㄴ.; ①, ②; a., b.; i., ii.; Ⅰ., Ⅱ. (see :func:`_lettered_list` for the lettered
    ones) — or with the same bullet (``-``, ``•``, ``△``, ``▲`` …) form a list (``▶`` lines are
    promotions, see ``boilerplate``). A lone numbered line is none. The marker leaves the text for
    the list's own: the list counts in its ``style`` (가 나 다, ① ②, Ⅰ Ⅱ …) from its ``start`` and
    keeps the ``punctuation`` its numbers share (``1)``, ``(가)``). ``1.`` and ``1)`` are two ranks of
    an outline, so a run of ``1)`` items ends at ``4. 보관 방법`` when ``3.`` numbered a line above it
    (:func:`~bookmaker.normalize.list_marks.numbered_run`)."""
    choices = _choices(items)
    numbers = [_numbers(it, choices) for it in items]
    above: dict[Rank, int] = {}  # the last number each rank took on the lines before items[i]
    seen = 0
    i = 0
    while i < len(items):
        for it in items[seen:i]:
            above.update((r.rank, r.number) for r in readings(it.text))
        seen = max(seen, i)
        bullet = _bullet(items[i])
        if bullet is not None:
            j = i + 1
            while j < len(items) and _bullet(items[j]) == bullet:
                j += 1
            if j - i >= 2:
                for it in items[i:j]:
                    mark = _BULLET_ITEM.match(it.text)
                    as_list_item(it, items[i], mark.end() if mark else 0)
                    if bullet in "△▲":
                        it.attrs["entry"] = "1"
            i = j
            continue
        k = i
        while k < len(items) and numbers[k]:
            k += 1
        run = numbered_run(numbers[i:k], above)
        j = i + max(len(run), 1)
        if len(run) >= 2 and _lettered_list(items[i:j], run, notice):
            style = run_style(run)
            for it, reading in zip(items[i:j], run, strict=True):
                as_list_item(it, items[i], reading.length)
                it.attrs["ordered"] = "1"
                it.attrs["start"] = str(run[0].number)  # 4., 5. after a table go on from 4
                it.attrs.update(style)
        i = j


def as_list_item(item: Item, first: Item, marker: int) -> None:
    """``item`` an item of the list ``first`` opens (one list per run), without its marker's
    ``marker`` characters."""
    item.role = "list-item"
    item.attrs["list"] = str(first.line)
    item.text = item.text[marker:]


_LABEL = re.compile(r"^\s*\d{1,2}[.)]\s*\S")


def _bold_label(item: Item) -> bool:
    """A paragraph opened by a bold field label with its number (``<p><strong>1. 대상</strong>: 학생
    전원</p>``): the page set the number as part of the label, not as a list's mark."""
    content = item.content or []
    while len(content) == 1 and isinstance(content[0], Span):  # a paragraph in another language
        content = content[0].content
    first = next((r for r in content if not (isinstance(r, Text) and not r.value.strip())), None)
    if not isinstance(first, Strong) or len(content) < 2:
        return False
    label = "".join(r.value for r in runs(first.content) if isinstance(r, Text))
    return bool(_LABEL.match(label)) and item.text[len(label.rstrip()) :].lstrip().startswith(":")


_POINT = re.compile(r"^\s*○\s*(?=\S)")
_POINTS_HEAD = re.compile(r"^\s*[■◆]\s*\S")
"""A section heading marked ■ or ◆: the ○ lines right under it are its points, a list (under □, the
top level of a government outline, ○ lines are paragraphs of their own)."""
MAX_POINT = 300


def _mark_points(items: list[Item]) -> None:
    """Two or more ``○`` lines right under a short ■/◆ heading (``■ 사업부별 실적`` over ``○ 전장부품:
    매출 …``, a company release copied as text) are one list, the ○ its bullet."""
    for i, head in enumerate(items):
        text = head.text
        if not (_POINTS_HEAD.match(text) and len(text) <= MAX_HEADING and not ends_sentence(text)):
            continue
        j = i + 1
        while (
            j < len(items)
            and _bodyish(items[j])
            and items[j].role is None
            and len(items[j].text) <= MAX_POINT
            and _POINT.match(items[j].text)
        ):
            j += 1
        if j - i - 1 >= 2:
            _as_list(items[i + 1 : j])
            for it in items[i + 1 : j]:
                it.text = _POINT.sub("", it.text)


_MATCH_MINUTE = re.compile(
    r"^\s*(?:(?:연장\s*)?[전후]반\s*\d{1,2}분|\d{1,3}(?:\+\d{1,2})?['′’]|\d{1,2}회[초말])\s+\S"
)
"""A live-text (문자중계) entry's stamp: the match minute or inning, then what happened (``후반 41분 이동경의
왼발 프리킥이 …``, ``78' 교체 …``, ``9회말 …``)."""
FEWEST_LIVE = 3
MAX_LIVE = 100


def _runs(items: list[Item], keep: Callable[[Item], bool]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each longest run of ``items`` that ``keep`` holds for."""
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and keep(items[j]):
            j += 1
        if j > i:
            yield i, j
        i = max(j, i + 1)


def _unbroken_runs(items: list[Item], keep: Callable[[Item], bool]) -> Iterator[tuple[int, int]]:
    """The runs of :func:`_runs`, each cut at every blank line inside it (a blank line ends a list)."""
    for i, j in _runs(items, keep):
        start = i
        for k in range(i + 1, j + 1):
            if k == j or items[k].attrs.get("after_blank"):
                yield start, k
                start = k


def _as_list(run: list[Item]) -> None:
    """``run`` one list, an item per line (its text as it is)."""
    for it in run:
        it.role, it.attrs["list"] = "list-item", str(run[0].line)


_SCORE_LINE = re.compile(
    r"^\s*[▲△·-]?\s*[가-힣A-Za-z][\w·&.()]{0,14}(?:\s[\w·&.()]{1,14}){0,2}\s+\d{1,3}\s*[-:대]\s*\d{1,3}"
    r"\s+[가-힣A-Za-z][\w·&.()]{0,14}(?:\s[\w·&.()]{1,14}){0,2}(?:\s*[(\[][^()\[\]]{1,40}[)\]])?\s*$"
)
"""A result's score line: a team, the score, the other team, maybe the venue in brackets (``울산 2-1 포항
(울산문수축구경기장)``, ``KIA 4:2 LG``, ``흥국생명 3대1 GS칼텍스``)."""
FEWEST_SCORES = 3
MAX_SCORE_LINE = 80


def _score_line(item: Item) -> bool:
    return _bodyish(item) and len(item.text) <= MAX_SCORE_LINE and bool(_SCORE_LINE.match(item.text))


def _mark_score_lines(items: list[Item]) -> None:
    """Three or more score lines in a row, no blank between them (a roundup's ``◇ 6일 전적``), are one
    list, a match per line, as printed."""
    for i, j in _unbroken_runs(items, _score_line):
        if j - i >= FEWEST_SCORES:
            _as_list(items[i:j])


_BARE_NUMBER = re.compile(r"^\s*(?P<n>\d{1,2})\s+(?=[가-힣A-Za-z(])")
"""A short line numbered by a bare figure and a space (a batting order's ``1 홍창기(우익수)``)."""
MAX_BARE_ITEM = 30
FEWEST_BARE = 3


def _bare_numbered(item: Item) -> bool:
    return (
        _listable(item)
        and len(item.text) <= MAX_BARE_ITEM
        and not ends_sentence(item.text)
        and bool(_BARE_NUMBER.match(item.text))
    )


def _mark_bare_numbered(items: list[Item]) -> None:
    """Three short lines or more numbered 1, 2, 3 … by bare figures, one under another with no blank
    between (a lineup, a programme's order), are one numbered list, the figures its numbers."""
    for i, j in _runs(items, _bare_numbered):
        start = i
        for k in range(i, j + 1):
            m = _BARE_NUMBER.match(items[k].text) if k < j else None
            ends = m is None or (
                k > start and (items[k].attrs.get("after_blank") or int(m["n"]) != k - start + 1)
            )
            if not ends:
                continue
            first = _BARE_NUMBER.match(items[start].text)
            if k - start >= FEWEST_BARE and first is not None and first["n"] == "1":
                for it in items[start:k]:
                    mark = _BARE_NUMBER.match(it.text)
                    as_list_item(it, items[start], mark.end() if mark else 0)
                    it.attrs.update(ordered="1", start="1", punctuation="none")
            start = k


def _live_entry(item: Item) -> bool:
    return _bodyish(item) and len(item.text) <= MAX_LIVE and bool(_MATCH_MINUTE.match(item.text))


def _mark_live_text(items: list[Item]) -> None:
    """Three or more short lines in a row each opened by a match minute (a 문자중계's entries, often
    one ``<p>`` broken by ``<br>``) are one list, an entry per line, the stamp kept in its text."""
    for i, j in _runs(items, _live_entry):
        if j - i >= FEWEST_LIVE:
            _as_list(items[i:j])


_LETTER_SPACED = re.compile(r"^\s*[가-힣] [가-힣] ")
"""A filing cover's letter-spaced label (``회 사 명 :``): its fields are the cover's lines, no list."""
MAX_FIELD = 80
_SECTION_LABEL = re.compile(r"^[가-힣]{2,4}$")
FEWEST_FIELDS = 3


def _form_field(text: str) -> bool:
    return bool(FORM_FIELD.match(text)) and not _LETTER_SPACED.match(text) and len(text) <= MAX_FIELD


def _close_field(item: Item) -> bool:
    text = item.text
    return (
        _bodyish(item)
        and len(text) <= MAX_FIELD
        and bool(CLOSE_FIELD.match(text))
        and not ends_sentence(text)
    )


def _close_field_runs(items: list[Item]) -> Iterator[tuple[int, int]]:
    """Runs of three close fields or more in a row in a text copy, no blank between, no label twice
    (speakers' turns repeat their names and end as sentences), set right under the line they belong
    to (an entry's head or first line, no blank between): a block of fields standing alone (an
    event's ``일시:`` / ``장소:`` / ``주최:`` under its title) stays lines of text."""
    for i, j in _unbroken_runs(items, _close_field):
        labels = [m["label"] for it in items[i:j] if (m := CLOSE_FIELD.match(it.text))]
        under = i > 0 and not items[i].attrs.get("after_blank")
        if under and j - i >= FEWEST_CLOSE_FIELDS and len(set(labels)) == len(labels):
            yield i, j


_MARKED_FIELD = re.compile(r"^\s*(?P<mark>[■□◆◇●○▪▶])" + CLOSE_FIELD.pattern.removeprefix("^"))
"""A field opened by a box's mark, its colon set close (a form's ``■ 제목: …``, ``■ 필자: …``, ``■ 송고일:
…``; a program's ``■ 방송 : …`` / ``■ 진행 : …`` header, the colon set apart, stays lines)."""


def _marked_field_runs(items: list[Item]) -> Iterator[tuple[int, int]]:
    """Runs of three fields or more opened by one mark (:data:`_MARKED_FIELD`) in a row, no blank
    between, no label twice: the mark makes them a list wherever they stand (a form's head quoted in
    a story), as a bulleted run is."""

    def field(item: Item) -> bool:
        return _bodyish(item) and len(item.text) <= MAX_FIELD

    for i, j in _unbroken_runs(items, lambda it: field(it) and _MARKED_FIELD.match(it.text) is not None):
        found = [m for it in items[i:j] if (m := _MARKED_FIELD.match(it.text))]
        labels, marks = [m["label"] for m in found], {m["mark"] for m in found}
        if j - i >= FEWEST_FIELDS and len(set(labels)) == len(labels) and len(marks) == 1:
            yield i, j


def _mark_fields(items: list[Item], text: bool) -> None:
    """Three or more form fields in a row (a 민원 page's ``처리기관 : …``, ``담당부서 : …``; an obituary's
    ``빈소: …``, ``발인: …``, ``장지: …``) are a list, an item per field; a one-word label right above them
    (``답변``) is the form's section heading."""
    runs = [
        (i, j)
        for i, j in _runs(items, lambda it: _bodyish(it) and _form_field(it.text))
        if j - i >= FEWEST_FIELDS
    ]
    for i, j in _marked_field_runs(items):  # "■ 제목: …": the mark leaves the text (a list's bullet)
        for it in items[i:j]:
            mark = _MARKED_FIELD.match(it.text)
            as_list_item(it, items[i], mark.start("label") if mark else 0)
    for i, j in [*runs, *(_close_field_runs(items) if text else [])]:
        _as_list(items[i:j])
        label = items[i - 1] if i else None
        if label is not None and _bodyish(label) and _SECTION_LABEL.match(label.text.strip()):
            label.role = "heading"


_ENTRY_MARK = re.compile(r"^\s*([△▲])\s*(?=\S)")


def _split_inline_entries(items: list[Item]) -> list[Item]:
    """A line running two or more ▲/△ entries together (a profile box, see
    :func:`~bookmaker.normalize.text.inline_entries`) is one list of them, an item per entry, every
    item on the line's own source line. Only a line of plain text: runs of markup stay one line."""
    out: list[Item] = []
    split: tuple[int, str] | None = None  # the last line split into entries: its number and mark
    for item in items:
        plain_text = item.content is None or all(isinstance(run, Text) for run in item.content)
        bare = item.role is None and item.kind is None and plain_text
        entries = inline_entries(item.text) if item.role is None and item.kind is None else []
        lone = _ENTRY_MARK.match(item.text) if bare and len(item.text) <= MAX_ENTRY else None
        if lone and split is not None and split == (item.line - 1, lone[1]):
            # "△ 홈런 = 오지환 2호(…)" right under "△ 승리투수 = … △ 패전투수 = …": one more entry
            attrs = {"list": out[-1].attrs["list"], "entry": "1"}
            out.append(replace(item, text=item.text[lone.end() :], role="list-item", attrs=attrs))
            split = (item.line, lone[1])
            continue
        split = None
        if not (entries and plain_text):
            out.append(item)
            continue
        mark = _ENTRY_MARK.match(item.text)
        split = (item.line, mark[1]) if mark else None
        for entry in entries:
            out.append(
                replace(
                    item,
                    text=entry,
                    content=None,
                    role="list-item",
                    attrs={"list": str(item.line), "entry": "1"},
                )
            )
    return out


def _drop_unreferenced_notes(ctx: Context) -> None:
    """Footnotes given whole that no reference in the kept body points to go to ``removed``."""
    referenced: set[str] = set()
    for item in ctx.items:
        sequences = [item.content or []]
        sequences += [seq for block in walk([item.block] if item.block else []) for seq in inlines_of(block)]
        referenced.update(run.note for seq in sequences for run in runs(seq) if isinstance(run, NoteRef))
    for item in list(ctx.items):
        if isinstance(item.block, Footnote) and item.block.id not in referenced:
            ctx.drop(item, f"footnote {item.block.id!r} is never referred to", "structure.unreferenced_note")


def _all_bold(item: Item) -> Strong | None:
    """The bold run that is the whole line, when the page set it so
    (``<p><strong>나. 분석 지표</strong></p>``)."""
    whole = item.content[0] if item.content is not None and len(item.content) == 1 else None
    return whole if isinstance(whole, Strong) else None


def _unbold(item: Item) -> None:
    """A heading the page set all in bold is a heading, not a bold run (the theme sets headings)."""
    bold = _all_bold(item)
    if bold is not None:
        item.content = bold.content


_PAPER_PART = re.compile(
    r"^\s*(?:국문\s*초록|영문\s*초록|초\s*록|요\s*약|서\s*론|결\s*론|참\s*고\s*문\s*헌|감사의\s*글|"
    r"(?i:abstract|references))\s*$"
)
"""The name of a paper's part standing alone (``국문초록``, ``참고문헌``)."""


def _paper_section(ctx: Context, item: Item, nxt: Item) -> bool:
    """A chapter line (``제1장 서론``) over a section or running text heads it; in a paginated
    source (a thesis or a report as PDF text), so does the name of a paper's part over its text."""
    if CHAPTER.match(item.text):
        return _bodyish(nxt) or nxt.role == "heading" or nxt.kind == "heading"
    return ctx.paginated and bool(_PAPER_PART.match(item.text)) and _bodyish(nxt) and is_prose(nxt.text)


def _slip_titles(items: list[Item]) -> None:
    """The line right under a letter's cut line (``✂ 절취선``) names the reply slip below it
    (``겨울방학 방과후학교 수강 신청서``): a heading."""
    for cut, below in pairwise(items):
        if cut.attrs.get("cut") and below.role is None and below.kind is None and _heading_like(below):
            below.role = "heading"


def _rank(item: Item) -> set[tuple[str, str]]:
    """The outline ranks a line's number may mark (``Ⅰ.``, ``1.``, ``가.``, ``1)``, ``(1)`` …: the
    style and punctuation of its readings); none for a circled figure, a provision's mark."""
    return {r.rank for r in readings(item.text) if r.style != "circled-decimal"}


def _outline_heads(items: list[Item]) -> None:
    """An outline's short numbered line over its own items — a list of a lower rank (``가. 인구 감소``
    over ``(1) …``, ``(2) …``) or the heading of one (``1. 현황`` over ``가. 인구 감소``) — heads
    them, as ``1. 입찰 일정`` over its list does; judged from the last line up, so that a rank's
    line is a heading under the one above it (Ⅰ. > 1. > 가. > 1) > (1) in an official document; ``1.``
    over ``1) 임부`` heads it as ``1.`` over ``가.`` does)."""
    for i in range(len(items) - 2, -1, -1):
        item, nxt = items[i], items[i + 1]
        rank = _rank(item) if item.role == "paragraph" and _bodyish(item) else set()
        if not rank or not _heading_like(item, over_list=True):
            continue
        below = _rank(nxt) if nxt.role == "heading" else {("list", "")} if nxt.role == "list-item" else set()
        if below and not below & rank:
            item.role = "heading"
            _unbold(item)


FEWEST_LABELS = 3
MIN_GROUP_LINE = 30
_LABEL_TEXT = re.compile(r"^[가-힣A-Za-z][가-힣A-Za-z ·및]{1,19}$")


def _section_labels(ctx: Context, items: list[Item]) -> set[int]:
    """In plain text laid out in blank-line groups, the short label opening each group right over
    its text (a leaflet's ``효능효과``, ``용법용량``; an encyclopedia's ``역사``, ``의의``): headings,
    when the text has three such groups or more (a document in labelled parts, not a story)."""
    if ctx.source_format != "text":
        return set()
    labels: set[int] = set()
    texty: set[int] = set()  # groups holding a long line or a list item (not a poem's stanza)
    group: Item | None = None
    for item in items:
        group = item if item.attrs.get("after_blank") or group is None else group
        if len(item.text) >= MIN_GROUP_LINE or "list-item" in (item.kind, item.role):
            texty.add(id(group))
    for item, nxt in pairwise(items):
        if (
            id(item) in texty
            and item.attrs.get("after_blank")
            and _bodyish(item)
            and _LABEL_TEXT.match(item.text.strip())
            and not ends_sentence(item.text)
            and nxt.line == (item.last or item.line) + 1
            and not nxt.attrs.get("after_blank")
            and (_bodyish(nxt) or nxt.kind == "list-item" or nxt.role == "list-item")
        ):
            labels.add(id(item))
    return labels if len(labels) >= FEWEST_LABELS else set()


def _ends_line_run(ctx: Context, items: list[Item], i: int, *, spaced: bool = True) -> bool:
    """In a text set apart by blank lines, a short line right under another short line of the same
    block (no blank between) ends a run of entries (``시 부문 최영철(시인)`` / ``수필 부문 이은주(수필가)``)
    and heads nothing below the blank. In a text without blank lines (``spaced`` false) such a line
    ends a quoted block's run of short lines (a post's ``· 12월 3일`` under its text) as well: a
    heading there stands under a paragraph's last sentence."""
    if ctx.source_format != "text" or i == 0 or i + 1 >= len(items):
        return False
    prev, item, nxt = items[i - 1], items[i], items[i + 1]
    return (
        prev.line == item.line - 1
        and (
            # "선발투수 임찬규" under a lineup's last item, over a blank
            (nxt.line > item.line + 1 and prev.role in ("paragraph", "list-item"))
            or (not spaced and prev.role == "paragraph")  # a quoted block's last short line
        )
        and not _MARKER.match(prev.text)
        and len(prev.text) <= MAX_HEADING
        and not ends_sentence(prev.text)
    )


def _parallel_word_heads(items: list[Item], marks: set[str]) -> None:
    """A marked word alone (``◆심사위원``) is a heading, as its marked siblings over their entries
    are (``◆대상(상금 1000만 원)``), when it stands over an entry of its own."""
    if not marks:
        return
    for item, nxt in pairwise(items):
        m = _MARKER.match(item.text)
        word = _MARKER.sub("", item.text).strip()
        if (
            m is None
            or m[0].strip() not in marks
            or item.role != "paragraph"
            or structured(item)
            or not 2 <= len(word) <= 12
            or " " in word
            or ends_sentence(word)
            or nxt.role not in ("paragraph", "list-item")
            or _MARKER.match(nxt.text)
        ):
            continue
        item.role, item.text = "heading", word
        _unbold(item)


_BOX_ENTRY = re.compile(r"^\s*[▦◇◆■□▣●]\s*[가-힣A-Za-z][가-힣A-Za-z ]{0,7}\s*[=:：]\s*\S")
"""An info box's entry: a marker, a short label and its text (``▦가는 길=서울 남부터미널에서 …``)."""
_BOX_LABEL = re.compile(r"^[가-힣]{2,6}$")


def _info_box_labels(items: list[Item]) -> set[int]:
    """A word alone (``여행수첩``, ``이용안내``) right above two or more info-box entries: the box's
    heading (the entries stay paragraphs)."""
    found: set[int] = set()
    for i, j in _runs(items, lambda it: _bodyish(it) and bool(_BOX_ENTRY.match(it.text))):
        label = items[i - 1] if i else None
        if j - i >= 2 and label is not None and _bodyish(label) and _BOX_LABEL.match(label.text.strip()):
            found.add(id(label))
    return found


MAX_MARKED_WORD = 12
"""The longest word a marked section's head may be (``■ 호랑이띠``, ``□ 질의응답``)."""


def _marked_word(item: Item) -> str:
    """The mark of a line that is a mark and one short word (``■ 쥐띠``, ``□ 모두발언``), else ''."""
    m = _MARKER.match(item.text)
    word = item.text[m.end() :].strip() if m else ""
    if m is None or not 2 <= len(word) <= MAX_MARKED_WORD or not re.fullmatch(r"[가-힣A-Za-z·]+", word):
        return ""
    return m.group(0).strip()


FEWEST_MARKED_PARTS = 3
"""The fewest lines under one heading marker (``■``) for the first of them to head a part even when
it opens the body."""
_NOTE_MARK = re.compile(r"^\s*※")


def _in_notes(items: list[Item], i: int) -> bool:
    """``items[i]`` is one of a run of notes marked ``※`` (a handout's ``※ 다음 모임: …``, ``※ 참가비
    …``, ``※ 불참하시는 분은 …``): a note beside notes, no heading."""
    if not _NOTE_MARK.match(items[i].text):
        return False
    return any(0 <= j < len(items) and _NOTE_MARK.match(items[j].text) for j in (i - 1, i + 1))


def _parallel_marks(items: list[Item]) -> set[str]:
    """Marks that lead two lines or more of one short word each, over text (``■ 쥐띠`` … ``■ 돼지띠``
    over a fortune's lines, ``□ 모두발언`` and ``□ 질의응답`` over a transcript's): a document's parts,
    each mark a heading, however short the word."""
    counts: Counter[str] = Counter()
    for i, item in enumerate(items[:-1]):
        mark = _marked_word(item) if item.role is None and not structured(item) else ""
        if mark and not _MARKER.match(items[i + 1].text) and _bodyish(items[i + 1]):
            counts[mark] += 1
    return {mark for mark, n in counts.items() if n >= 2}


_PAPER_NUMBER = re.compile(r"^\s*[A-Z]?\d{1,2}\s*-\s*\d{1,2}\s*$")
"""A paper's number in a programme or an abstract book, alone on its line (``1-1``, ``A2-3``)."""
MAX_NUMBERED_TITLE = 80
FEWEST_PAPERS = 2


def _numbered_titles(items: list[Item]) -> list[Item]:
    """A paper's number alone on its line right over its title (an abstract book's ``1-1`` over
    ``한국어 전자책의 …``) heads the paper with it: one heading, ``1-1 한국어 전자책의 …``."""

    def paper(item: Item, nxt: Item | None) -> bool:
        return (
            nxt is not None
            and unclaimed(item)
            and unclaimed(nxt)
            and bool(_PAPER_NUMBER.match(item.text))
            and not nxt.attrs.get("after_blank")
            and len(nxt.text) <= MAX_NUMBERED_TITLE
            and not ends_sentence(nxt.text)
            and not _PAPER_NUMBER.match(nxt.text)
        )

    pairs = list(zip(items, [*items[1:], None], strict=False))  # the last line: no line below
    if sum(paper(item, nxt) for item, nxt in pairs) < FEWEST_PAPERS:
        return items  # one "2-1" over a line is a score or a date, no paper's number
    out: list[Item] = []
    skip = False
    for item, nxt in pairs:
        if skip:
            skip = False
            continue
        if nxt is not None and paper(item, nxt):
            item.text, item.last, item.role = (
                f"{item.text.strip()} {nxt.text.strip()}",
                nxt.last or nxt.line,
                "heading",
            )
            item.attrs["paper"] = "1"  # a session's name right over it heads its papers
            skip = True
        out.append(item)
    return out


def run(ctx: Context) -> None:
    """Assign heading/paragraph/quote/list roles."""
    _drop_unreferenced_notes(ctx)
    mark_text_notes(ctx)
    ctx.items = _split_inline_entries(ctx.items)
    if ctx.source_format == "text":
        ctx.items = _numbered_titles(ctx.items)
    items = ctx.items
    choices = _choices(items)
    mark_item_outlines(items, [_numbers(it, choices) for it in items], _listable)
    _mark_lists(items, any(NOTICE_NUMBER.match(str(s)) for s in ctx.meta.get("series", [])))
    _mark_points(items)
    _mark_fields(items, ctx.source_format == "text")
    _mark_bare_numbered(items)
    _mark_live_text(items)
    _mark_score_lines(items)
    _mark_stanzas(items)
    _slip_titles(items)
    _agenda_heads(items)
    labels = _section_labels(ctx, items) | _info_box_labels(items)
    marks: set[str] = set()
    parallel = _parallel_marks(items)
    emoji = Counter(m.group(0).strip() for it in items if (m := PICTOGRAPH.match(it.text)))
    heads = Counter(
        m.group(0).strip()
        for it in items
        if it.role is None and (m := _MARKER.match(it.text)) and _heading_like(it)
    )
    spaced = any(it.attrs.get("after_blank") for it in items)
    for i, item in enumerate(items):
        if item.role is not None or structured(item):
            continue
        if id(item) in labels:
            item.role = "heading"  # "효능효과" over its text, one of three labelled parts or more
            continue
        if ctx.source_format == "text" and EPIGRAPH.match(item.text):
            item.role = "quote"  # "“너희는 …” (이사야 40:3)": a verse quoted with its reference
            continue
        if item.kind == "list-label":  # a list's label set inside it (the HTML reader): no heading
            item.role = "paragraph"
            continue
        if item.kind in ("heading", "quote", "list-item"):
            item.role = item.kind
            if item.kind == "heading":
                _unbold(item)
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        box = _BOX_TITLE.match(item.text)
        if box and nxt is not None and nxt.role == "list-item":
            item.role, item.text = "heading", box["title"]  # the brackets are the box's decoration
            continue
        marked = bool(_MARKER.match(item.text)) and len(item.text) <= MAX_HEADING
        over_list = nxt is not None and (
            "list-item" in (nxt.role, nxt.kind) or structured(nxt) or bool(_BOX_TITLE.match(nxt.text))
        )
        # "1. 추진 현황" may open the body, and so may "◇ 기획재정부" over its entries
        has_before = i > 0 or bool(OUTLINE.match(item.text)) or (marked and over_list)
        has_before = has_before or bool(item.attrs.get("past_interface"))  # past an order box (title)
        opening = _MARKER.match(item.text)
        # "■ 김순례씨 별세" opening the body over its entry, as "■ 이상호씨 별세" heads the next one
        has_before = has_before or (marked and opening is not None and heads[opening[0].strip()] >= 2)
        has_before = has_before or bool(item.attrs.get("part_label"))  # "[보도 내용]" opening the body
        verses = nxt is not None and bool(nxt.attrs.get("verse"))
        has_before = has_before or verses  # "[본문 말씀]" opening a sermon's body over its passage
        lead = PICTOGRAPH.match(item.text)
        has_before = has_before or bool(lead and emoji[lead.group(0).strip()] >= 2)  # a digest's 1st item
        mark = _MARKER.match(item.text)
        has_before = has_before or bool(mark and heads[mark.group(0).strip()] >= FEWEST_MARKED_PARTS)
        # "■ 책을 고른 이유" opening a handout's body, the first of its ■ parts
        if nxt is not None and _paper_section(ctx, item, nxt):
            item.role = "heading"  # "제1장 서론", "국문초록": a thesis's or a report's part
            continue
        entries = nxt is not None and bool(nxt.attrs.get("entry"))
        if entries and _SECTION_LABEL.match(item.text.strip()):
            item.role = "heading"  # "참석자" over "▲정유진 … ▲한도윤 …": the entries' label
            continue
        if (
            not SPEAKER.match(item.text)  # "◆ 박지원> 둘 다 아닌데요." is a turn of a dialogue
            and has_before
            and nxt is not None
            and _heading_like(item, over_list or _marked_word(item) in parallel)
            and not (
                i and _bold_label(items[i - 1]) and _LABEL.match(item.text)
            )  # "3. 일정" after "2. 보험료: …"
            and (
                marked
                or (_bodyish(nxt) and (len(nxt.text) >= 60 or ends_sentence(nxt.text)))
                or verses  # "[본문 말씀]" over the verses
                or _over_subsection(items, i)
                or _over_agenda(item, nxt)
                or _over_plain_table(ctx, item, nxt)
                or _over_unit_note(ctx, items, i)
                or _opens_plain_list(ctx, item, nxt)
                or (over_list and bool(item.attrs.get("part_label")))  # "주요 내용" over its "· …" box
                or _over_placeholder(item, nxt)
                or (_all_bold(item) is not None and (over_list or bool(OUTLINE.match(item.text))))
                or (over_list and _NUMBERED.match(item.text) is not None)  # "1. 입찰 일정" over its items
                or bool(nxt.attrs.get("paper"))  # "세션 1. 전자책 접근성" over "1-1 한국어 전자책의 …"
            )
            and not _ends_line_run(ctx, items, i, spaced=spaced)
            and not _in_notes(items, i)
            and not any(p.search(item.text) for p in ctx.rules.patterns("boilerplate", "particulars"))
        ):
            item.role = "heading"
            mark = _MARKER.match(item.text)
            marks.add(mark[0].strip() if mark else "")
            item.text = _MARKER.sub("", item.text)
            _unbold(item)
        else:
            item.role = "paragraph"
    _parallel_word_heads(items, marks - {""})
    _outline_heads(items)
