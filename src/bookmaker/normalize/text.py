"""Small text helpers shared by the passes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bookmaker.list_numbers import SYLLABLES

HANGUL = re.compile(r"[\uac00-\ud7a3]")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9._%+-]+@")


def columns(text: str) -> int:
    """How many columns ``text`` takes on a terminal: East Asian wide and fullwidth characters
    (Hangul, Hanja, fullwidth forms) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def key(text: str) -> str:
    """A comparison key: NFKC, no spaces, punctuation or quote style, lowercase."""
    folded = unicodedata.normalize("NFKC", text).replace("…", "")
    return re.sub(r"[\W_]+", "", folded).lower()


_CHAT_END = re.compile(r"[다요죠네][.!?~]*(?:\s*+(?:[ㅎㅋ]{2,}+|[ㅠㅜ]{2,}+|\^\^|~++))++$")
"""A sentence closed the way people write online: ``훨씬 편해요 ㅎㅎ``, ``감사해요^^``, ``좋네요~``.
Possessive: each run is taken whole (splitting ``ㅋㅋㅋㅋ`` in two matches nothing more), so a long
run before a character that ends no match (``다ㅋㅋ…ㅋ)``) fails at once rather than trying every
split (40 ㅋ took 54 s)."""


INFORMAL_END = re.compile(
    r"(?:[했됐였었았겠있없같봤왔갔줬났](?:음|슴)|[다라]고\s?함|[가-힣]{2}(?:함|임|됨)|[하되이]더라)[.!?~]*$"
)
"""A sentence closed in an online board's clipped style (음슴체): ``정리해 봤음``, ``막는다고 함``,
``찾아보고 정리함``, ``안내하더라`` — a post's text, never a deck."""


_TEST_TAG = re.compile(r"\[(?:[^\[\]]{0,8}\d{1,3}\s*점|\d{1,3}\s*[~∼～\-]\s*\d{1,3})\]$")
"""A test's tag after a question or an instruction: its points (``[3점]``, ``[서술형 5점]``) or the
questions it covers (``[1~3]``)."""


TAIL_WINDOW = 200
"""How much of a text's end :func:`ends_sentence` reads (when that is enough to tell)."""
_TAG_SIGNS = 15
"""More non-space characters than a test's tag can hold (``[`` + 8 + 3 digits + ``점`` + ``]``: 14)."""
_OUTSIDE_END = re.compile(r"[^\s.!?。\"'”’)\]다요죠네~ㅎㅋㅠㅜ^]")
"""A character no sentence end's match can hold (neither an end mark with its closing quotes nor a
chat ending's ``다``/``요`` with its ``ㅎㅎ``, ``ㅠㅠ``, ``^^``, ``~``)."""


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (``다.``, ``.``, ``?`` …, or ``편해요 ㅎㅎ``; a test's
    ``… 것은? [3점]`` too), read from its end (:func:`_tail`: a paragraph grown line by line is read
    in constant time, not in time with its length)."""
    bare, emoji = closing_emoji(text)
    text = _TEST_TAG.sub("", _tail(bare).strip()).rstrip()
    closed = emoji and _EMOJI_CLOSES.search(text) is not None
    return bool(re.search(r"[.!?。][\"'”’)\]]*$", text) or _CHAT_END.search(text) or closed)


def _emoji(char: str) -> bool:
    """A pictograph, a dingbat or what joins and styles them (ZWJ, variation selectors, keycaps)."""
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x200D, 0xFE0E, 0xFE0F, 0x20E3)
    )


def closing_emoji(text: str) -> tuple[str, bool]:
    """``text`` without the emoji (and spaces) closing it, and whether there were any: a blog's
    ``맛있어요 🥐`` closes its sentence at ``요`` as ``맛있어요 ㅎㅎ`` does. Read from the end, as far as
    the emoji go."""
    end = len(text)
    emoji = False
    while end and (text[end - 1].isspace() or _emoji(text[end - 1])):
        emoji = emoji or not text[end - 1].isspace()
        end -= 1
    return (text[:end], True) if emoji else (text, False)


_EMOJI_CLOSES = re.compile(r"[다요죠네][.!?~]*$")
"""A sentence ending an emoji closes, as ``ㅎㅎ`` does (:data:`_CHAT_END`)."""


def _tail(text: str) -> str:
    """The last :data:`TAIL_WINDOW` characters of ``text`` when they are enough to tell whether it
    ends a sentence, else the whole text.

    The same answer: the patterns have no look-behind and are anchored at the end, so each tries
    the same match at each position of the window as of the whole text; the window is enough when
    (1) it holds at least 15 non-space characters — a test's tag holds at most 14, so the tag and
    the character before its spaces are in the window, and it is cut where the whole text's is —
    and (2) what is left before the tag holds a character no end match can hold: every match of
    the end patterns lies after it, inside the window."""
    if len(text) <= TAIL_WINDOW:
        return text
    window = text[-TAIL_WINDOW:].strip()
    if len("".join(window.split())) < _TAG_SIGNS:  # its non-space characters
        # a long run of spaces near the end: the patterns count no spaces, so the text with each run
        # one space gives the same answer, and a search no longer tries every space of the run
        collapsed = " ".join(text.split())
        return collapsed if collapsed == text or len(collapsed) <= TAIL_WINDOW else _tail(collapsed)
    if not _OUTSIDE_END.search(_TEST_TAG.sub("", window)):
        return text
    return window


ISSUE_VOLUME = re.compile(r"제\s*\d{1,4}\s*권\s*(?:제\s*)?\d{1,5}\s*호|통권\s*(?:제\s*)?\d{1,5}\s*호")
"""A periodical's volume and issue number (``제41권 49호``, ``통권 제512호``)."""
EPIGRAPH = re.compile(
    r"^\s*[“\"「『](?P<saying>[^“”\"「」『』]{4,200})[”\"」』]\s*[(（]\s*"
    r"(?P<source>[가-힣]{1,10}(?:\s[가-힣]{1,6})?\s*\d{1,3}\s*(?:[:：]|장)\s*\d{1,3}\s*절?"
    r"(?:\s*[-~～]\s*\d{1,3}\s*절?)?"
    r"|(?i:pp?\.)\s*\d{1,4}(?:\s*[-~～]\s*\d{1,4})?|\d{1,4}(?:\s*[-~～]\s*\d{1,4})?\s*쪽)\s*[)）]\s*$"
)
"""A verse quoted alone on its line with its chapter and verse after it (``"너희는 광야에서 …"
(이사야 40:3)``, ``「…」 (요한복음 3장 16절)``), or a book's sentence with its page (``"숲은 겨울에 …"
(17쪽)``, ``(p. 64)``, a reading note's underlined passage): an epigraph, set as a quotation."""
OUTLINE = re.compile(r"^\s*(?:\d{1,2}|[가-하]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\.\s")
"""A numbered section heading's number (``1. 추진 현황``, ``가. 분석 지표``, ``Ⅱ. 현황``)."""


def is_prose(text: str) -> bool:
    """A line of running text: long, or a full sentence of some length."""
    return len(text) >= 60 or (len(text) >= 30 and ends_sentence(text))


QUOTING_SENTENCE = 20
"""A sentence this long above a document's head is an article's: the document is quoted in it."""


def quoted_in_article(texts: Iterable[str]) -> bool:
    """Whether a sentence of running text stands among ``texts`` (the lines above a special document's
    head — a patent's cover, a dictionary's headword, a rating box): then the head is quoted in an
    article (a story citing a patent, a column on a word), which keeps its own title and byline. A
    document's own top holds its site's short chrome lines, never a sentence."""
    return any(len(t) >= QUOTING_SENTENCE and ends_sentence(t) for t in texts)


_UNITS = re.compile(r"[\uac00-\ud7a3]{2,}|[A-Za-z]{2,}|\d+(?:[.,]\d+)*")


def units(text: str) -> set[str]:
    """Comparison units of ``text``: Hangul bigrams, Latin words (lower case) and numbers."""
    out: set[str] = set()
    for m in _UNITS.finditer(unicodedata.normalize("NFKC", text)):
        word = m.group(0)
        if HANGUL.match(word):
            out.update(word[i : i + 2] for i in range(len(word) - 1))
        else:
            out.add(word.lower())
    return out


SPEAKER = re.compile(
    r"^\s*(?:[◆◇■□▶▷●○▲△-]\s*)?(?:[가-힣A-Za-z]{1,12}(?: [가-힣A-Za-z]{1,6})?\s*(?:>|:|：)|[QA문답][.:：)])"
)
"""A dialogue turn's speaker label: ``◆ 박지원>``, ``◇ 김현정>``, ``기자:``, ``Q.``, ``답)``."""


_ENTRY = re.compile(r"\s*([▲△])\s*")
MAX_ENTRY = 80


def inline_entries(text: str) -> list[str]:
    """The entries of a line that runs two or more ``▲``/``△`` entries together (a profile box
    ``▲1968년 부산 출생 ▲서울대 약학과 졸업 …``, an appointments list), each without its marker;
    ``[]`` for any other line (one ▲ marks a photo caption; an entry longer than 80 characters
    is running text, and so is a sentence that enumerates with ▲ — ``▲창업 3년 이내 기업 ▲연 매출 10억원
    이하 ▲서울 소재 기업이 대상이다.``: its last entry alone ends the sentence)."""
    parts = _ENTRY.split(text.strip())
    if len(parts) < 5 or parts[0] or len(set(parts[1::2])) != 1:
        return []
    entries = parts[2::2]
    ends = [bool(_ENDS_SENTENCE.search(e)) for e in entries]
    if ends[-1] and not any(ends[:-1]):
        return []
    return entries if all(0 < len(e) <= MAX_ENTRY for e in entries) else []


_ENDS_SENTENCE = re.compile(r"[가-힣](?:다|요)[.!]?\s*$")


OUTLINE_LETTERS = SYLLABLES
"""The Korean letters an outline counts with (가., 나., 다. … under 1., 2.), in order."""
EDITOR_NOTE_WORD = r"(?:편집자\s*(?:말|주|註|注|노트)|editor[’']?s\s+note)"
EDITOR_NOTE_OPEN, EDITOR_NOTE_CLOSE = r"[\[(<【〈《［（＜]", r"[\])>】〉》］）＞]"
CHAPTER = re.compile(r"^\s*제\s*\d{1,2}\s*[장절편부]\s+[^.。!?]{1,40}$")
"""A chapter's or a section's heading line in a thesis or a report (``제1장 서론``, ``제2절 연구 방법``)."""
AGENDA_ITEM = re.compile(
    r"^\s*\[?\s*(?:제\s*\d{1,2}\s*호\s*(?:안건|의안)|제\s*\d{1,2}\s*(?:안건|의안)|(?:안건|의안)\s*제\s*\d{1,2}\s*호)"
    r"\s*\]?\s*(?:[:：.]\s*\S.{0,70})?$"
)
"""An agenda item's head in minutes (``제1호 안건 : 2027년도 관리비 예산(안) 승인의 건``, ``[안건 제2호]``).
"""
PROVISION = re.compile(r"^\s*제\s*\d+\s*조(?:\s*의\s*\d+)?\s*\(")
"""An article of a statute, a contract or a regulation opening its line (``제5조(비밀유지) …``)."""
LABELED = re.compile(r"^\s*[가-힣A-Za-z][가-힣A-Za-z ]{0,10}[:：]\s*\S")
"""A line opened by a short label and a colon (``주제어: 청소년, …``, ``학 번: 2025-21734``)."""
CLOSE_FIELD = re.compile(r"^\s*(?P<label>[가-힣A-Za-z]{1,6})[:：]\s*(?!/)\S")
"""A short field and its value, the colon set close (an obituary's ``빈소: 가람의료원 장례식장``, a
forecast box's ``나쁨: 서울·인천``)."""
FEWEST_CLOSE_FIELDS = 3
FORM_FIELD = re.compile(r"^\s*[가-힣A-Za-z][가-힣A-Za-z/\- ]{0,14}\s[:：]\s+\S")
"""A form's field and its value, the colon set apart (``처리기관 : 경기도 가람시``, ``상품번호 : 2086154411``,
a filing cover's ``회 사 명 :  …``)."""
EDITOR_NOTE_ALONE = re.compile(
    rf"^\s*(?:[※*]\s*)?{EDITOR_NOTE_OPEN}?\s*{EDITOR_NOTE_WORD}\s*{EDITOR_NOTE_CLOSE}?\s*[:：]?\s*$",
    re.IGNORECASE,
)
"""An editor's note label alone on its line (``편집자주``, ``[편집자 주]``): the note is the paragraph
below."""


_ONSET = "gk kg n dt td rl m bp bp s s - jc j c k t p h".split()  # noqa: SIM905 (a table, ㄱ … ㅎ)
"""Latin letters that may spell each initial consonant of a syllable (ㄱ … ㅎ) at a word's start
(``-``: ㅇ, silent)."""
_VOWEL_START = "a ae y y eou e y y o w w ow y uwo w w w y eu ue iylr".split()  # noqa: SIM905
"""Latin letters a syllable opened by a silent ㅇ may start with, by its vowel (ㅏ … ㅣ; 이: Lee, Yi,
Rhee)."""


def _syllable_letters(syllable: str) -> str:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return ""
    onset, vowel = code // 588, code % 588 // 28
    return _VOWEL_START[vowel] if _ONSET[onset] == "-" else _ONSET[onset]


def initials_of(name: str, local: str) -> bool:
    """The e-mail's local part spells the Korean ``name``'s initials, surname first or last (``ljm``
    or ``jml`` for 이정민), or the given name's alone (``ej`` for 이은정, of a three-syllable name);
    digits and dots are ignored."""
    letters = re.sub(r"[^a-z]", "", local.lower())
    options = [_syllable_letters(s) for s in name]
    if not all(options):
        return False
    if len(name) == 3 and len(letters) == 2:
        return all(c in o for c, o in zip(letters, options[1:], strict=True))
    if len(letters) != len(name):
        return False
    return any(
        all(c in o for c, o in zip(letters, order, strict=True))
        for order in (options, options[1:] + options[:1])
    )


def trimmed(text: str, lead: str, trail: str) -> str:
    """``text`` without the spaces and the characters of ``lead`` at its start and of ``trail`` at its
    end, in one pass (a pattern ``[…]+$`` tried at every character of a long run is quadratic)."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in lead):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trail):
        end -= 1
    return text[start:end]
