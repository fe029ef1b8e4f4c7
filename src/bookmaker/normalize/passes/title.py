"""Pass ``title``: the title (series tags like ``[단독]``, an English wire's ``(LEAD)``, split into
meta.series) and the deck lines under it (meta.subtitles). Short interface lines before the title
are chrome.

In a text scrape the title is the first headline-like line near the top that shares words with the
article below it: a site's name or a service's menu line ("EZ EZViwe", "전체기사 최신뉴스 GAM") is
headline-shaped too, but shares nothing with the story."""

from __future__ import annotations

import heapq
import re
from collections import Counter

from bookmaker.ir import Author
from bookmaker.normalize.blocks import is_logo, structured, verse_line
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.lexicon import interface_share
from bookmaker.normalize.passes.bill import read_bill
from bookmaker.normalize.passes.enclosed import drop_enclosed
from bookmaker.normalize.passes.judgment import read_judgment
from bookmaker.normalize.passes.language import is_english
from bookmaker.normalize.passes.minutes import read_cover
from bookmaker.normalize.passes.release import Release, read_header
from bookmaker.normalize.passes.serial import read_episode
from bookmaker.normalize.passes.statute import read_statute
from bookmaker.normalize.passes.thesis import read_thesis
from bookmaker.normalize.text import (
    EDITOR_NOTE_ALONE,
    EPIGRAPH,
    FORM_FIELD,
    INFORMAL_END,
    OUTLINE,
    ends_sentence,
    is_prose,
    key,
    units,
)
from bookmaker.readers.verse import poet_line

_SERIES = re.compile(r"^\s*[\[【〈<《]\s*([^\]】〉>》]{1,20}?)\s*[\]】〉>》]\s*")
_DECK_MARK = re.compile(r"^\s*(?:[-–—―ㅡ]+|[▶▷·•]\s*)\s*")
_DASHED = re.compile(r"^\s*[-–—―ㅡ]+\s*(?P<deck>.+?)\s*[-–—―ㅡ]+\s*$")
_WIRE_TAG = re.compile(r"^\((?P<tag>[A-Z0-9][^()]{0,40})\)\s+(?=\S)")
"""An English wire headline's tag: ``(LEAD)``, ``(2nd LD)``, ``(URGENT)``, ``(News Focus)``."""
_BODY_MARK = re.compile(r"^\s*(?:[▲△◇◆■□●]|[<〈《][^<>〈〉《》]{1,20}[>〉》]\s*$)")
"""A line opening the body's structure: an entry (``▲ 세제실장 오민정``), a section's marker
(``◇ 기획재정부``) or a group's title in brackets (``<실장급>``) — an appointment list's, not a deck."""
_TITLE_MARK = re.compile(r"^\s*[■◆●◇□▣◎]\s*")
"""A heading's mark set before a notice's title line (``■ 저수조 청소 및 단수 안내``)."""
PICTOGRAPH = re.compile(r"^\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?\s*")
"""An emoji set before a line as its mark (``📰 …``, ``🔹 …``): a channel's or a digest's decoration."""
MAX_DECK = 5
MAX_SCAN = 15


_PART = re.compile(r"^\S.{0,24}?\s*(?:[①-⑳]|[(<〈]\s*\d{1,2}\s*[)>〉]|\d{1,2}\s*(?:회|편))\s*$")
"""A series' name and part number (``사라지는 동네 ③``, ``청년의 집 (2)``, ``지방의 미래 3회``)."""


_COLLECTION = re.compile(r"\s외\s*\d{1,2}\s*(?:편|수)\s*$")
"""A collection's title (``밤의 부엌 외 2편``: a poem "and two more"), no series' part."""
_ENTRY = re.compile(r"^\s*제\s*\d{1,3}\s*회\s+\S.{0,40}?(?:응모작|공모작|출품작|투고작|당선작|수상작)\s*$")
"""A contest entry's line over its title (``제12회 가람문학상 시 부문 응모작``): the contest it was
written for, as a series names the run a feature belongs to."""


def kicker(item: Item) -> list[str] | None:
    """The series a feature's kicker line names over its headline (``[기획] 사라지는 동네 ③`` →
    ``기획``, ``사라지는 동네 ③``; a contest entry's ``제12회 가람문학상 시 부문 응모작``), or None."""
    if item.role is not None or item.kind not in (None, "series") or structured(item):
        return None
    tags, rest = split_series(item.text)
    part = _PART.match(rest) and not _COLLECTION.search(rest)
    return [*tags, rest.strip()] if part or _ENTRY.match(rest) else None


TAG_LINE = 30


def _tag_line(ctx: Context, item: Item) -> list[str]:
    """The tags of a line made only of bracketed tags right over the headline (``[부동산 돋보기]``: a
    column's name, as it would be at the headline's head), unless it opens labelled parts; a print
    issue's number (``[1987호]``, what a date line left) is none."""
    tags = _tags_only(item)
    if "date_residue" in item.attrs or any(_ISSUE_NUMBER.match(tag) for tag in tags):
        return []
    return tags if tags and not _part_labels(ctx, item) else []


def _tags_only(item: Item) -> list[str]:
    """The tags of a short line made only of bracketed tags (``[부동산 돋보기]``, ``[제1204호]``)."""
    if item.role is not None or item.kind is not None or structured(item) or len(item.text) > TAG_LINE:
        return []
    tags, rest = split_series(item.text + " x")
    return tags if rest == "x" else []


_VERSION_MARK = re.compile(r"\s*[(\[（]\s*(?:(?:종합\s*)?\d{1,2}\s*보|종합)\s*[)\]）]\s*$")
"""A wire's version mark closing a headline (``(종합2보)``, ``(2보)``, ``(종합)``): which update of the
story this is, no part of the headline."""

_VERSION_REASON = "the wire's version mark on the headline (which update of the story)"
# The label over a deck of summary points: "기사내용 요약" (뉴시스), "핵심 요약", "3줄 요약".
_DECK_LABEL = re.compile(
    r"^\s*(?:기사\s*(?:내용\s*)?요약|핵심\s*(?:내용\s*)?요약|[1-5]\s*줄\s*요약)\s*:?\s*$"
)
_ISSUE_NUMBER = re.compile(r"^\s*(?:제\s*)?\d{1,5}\s*호\s*$|^\s*(?:통권|No\.?)\s*\d{1,5}\s*호?\s*$")
_LEADING_VERSION = re.compile(r"^\s*[(\[（]\s*(?:종합\s*)?\d{1,2}\s*보\s*[)\]）]\s*(?=\S)")
"""An update's version mark opening its headline, as a wire scrape shows it under the flash (``(2보) …``)."""

FLASH_TAGS = frozenset({"속보", "긴급", "1보"})


def _names_tag_below(item: Item, below: Item) -> bool:
    """``item`` says no more than the bracketed tag opening the line below it (a column's or section's
    name, ``영어로 읽는 뉴스``, over ``[영어로 읽는 뉴스] 편의점 도시락, …``): a label, not the headline."""
    tags, rest = split_series(below.text)
    return bool(rest.strip()) and key(item.text) in {key(tag) for tag in tags}


_BULLETED = re.compile(r"^\s*[-•·∙]\s+\S")
MAX_BOX_LABEL = 12


def _over_bullets(items: list[Item], at: int) -> bool:
    """``items[at]`` is a short label over two bulleted lines or more (``주요 내용`` over ``· …``): a box
    of the text (a live page's pinned summary), not a deck."""
    text = items[at].text.strip()
    below = items[at + 1 : at + 3]
    return (
        len(text) <= MAX_BOX_LABEL
        and not _BULLETED.match(text)
        and not ends_sentence(text)
        and len(below) == 2
        and all(_BULLETED.match(it.text) and it.role is None for it in below)
    )


def _superseded_flash(item: Item, below: Item | None) -> bool:
    """``item`` is a wire's flash headline (``[속보] …``) with the update's headline right below it
    (``(2보) …``): the story was updated, and the flash line no longer heads it."""
    if below is None or item.role is not None or below.role is not None:
        return False
    tags, _ = split_series(item.text)
    return bool(FLASH_TAGS.intersection(tags)) and bool(_LEADING_VERSION.match(below.text))


_TRAILING_SERIES = re.compile(r"\s*[\[【]\s*([^\]】\[【]{1,20}?)\s*[\]】]\s*$")


_COLUMNIST = re.compile(r"^(?P<series>\S.{0,14}?)\s*/\s*(?P<name>[가-힣]{2,4})$")


def _columnist_off(ctx: Context, tag: str) -> str:
    """A column's tag with its writer (``동아광장/김현정``, the credited author): the series alone."""
    m = _COLUMNIST.match(tag)
    if m and any(a.name == m["name"] for a in ctx.authors):
        return m["series"]
    return tag


_SECTION_WORD = re.compile(r"[가-힣A-Za-z&·]{1,6}")


def _outlet_tags_off(ctx: Context, series: list[str], line: int) -> list[str]:
    """Tags that are the outlet's name and its section (``[톱스타뉴스 가요]``, ``[OSEN 연예]``) name the
    page's place, not a series: recorded as removed. The outlet is a name the page shows alone on a
    line (removed as the outlet's) or one offered as the publisher before the title."""
    outlets = {r.text.strip() for r in ctx.removed if r.rule == "boilerplate.outlet"}
    outlets |= {name for _, name in ctx.publisher_votes}
    kept: list[str] = []
    for tag in series:
        words = tag.split()
        if (
            2 <= len(words) <= 3  # the outlet's name alone ([아주경제]) stays the series, as the set has it
            and words[0] in outlets
            and all(_SECTION_WORD.fullmatch(w) for w in words[1:])
        ):
            ctx.record(
                tag, "the outlet's name and section over the headline, no series", line, "title.outlet-tag"
            )
            continue
        kept.append(tag)
    return kept


def split_series(text: str) -> tuple[list[str], str]:
    """Bracketed tags leading the title, or closing it (``…수상[청계천 옆 사진관]``), and the rest."""
    tags: list[str] = []
    while True:
        m = _SERIES.match(text)
        if not m or not text[m.end() :].strip():
            break
        tags.append(m.group(1).strip())
        text = text[m.end() :]
    m = _TRAILING_SERIES.search(text)
    if m and len(text[: m.start()].strip()) >= 8:
        tags.append(m.group(1).strip())
        text = text[: m.start()]
    return tags, text.strip()


_DECK_KIND = re.compile(r"^\s*\[\s*([^\[\]\d]{1,10}?)\s*\]\s*(?=\S.{7})")


def _part_labels(ctx: Context, first: Item) -> bool:
    """``first`` (a bracketed label alone) opens a text in labelled parts: another such label stands
    below it, past running text (a rebuttal's ``[보도 내용]`` … ``[국토교통부 설명]``)."""
    prose = False
    for item in ctx.items[ctx.items.index(first) + 1 :]:
        if structured(item) or item.role is not None:
            continue
        if prose and split_series(item.text + " x")[1] == "x" and split_series(item.text + " x")[0]:
            return True
        prose = prose or len(item.text) >= 40
    return False


def _deck_kind(series: list[str], text: str) -> str:
    """The first deck line without a bracketed kind mark opening it (프레시안's ``[기고] 가입은 늘었지만
    …``), which joins ``series`` as a headline's ``[단독]`` would; a line of the mark alone is left."""
    m = _DECK_KIND.match(text)
    if m is None:
        return text
    if m.group(1) not in series:
        series.append(m.group(1))
    return text[m.end() :]


def _opening_deck(ctx: Context) -> Item | None:
    """A Markdown file's opening heading, a phrase of a lower rank than every heading after it
    (``### deck`` over a text whose sections are ``##``), when the file shows no title of its own
    (a web clipping's title is in its front matter): the deck, not the first section's heading."""
    first = next((it for it in ctx.items if not structured(it)), None)
    if first is None or first.kind != "heading" or first is not ctx.items[0]:
        return None
    text = first.text.strip()
    if not 4 <= len(text) <= 80 or " " not in text or ends_sentence(text) or OUTLINE.match(text):
        return None
    later = [int(it.attrs.get("level", "2")) for it in ctx.items[1:] if it.kind == "heading"]
    level = int(first.attrs.get("level", "2"))
    return first if later and level > max(later) else None


def _deck(text: str) -> str:
    """A deck line without its leading mark, and without the closing dash of ``- 부제 -``."""
    dashed = _DASHED.match(text)
    return dashed["deck"] if dashed else _DECK_MARK.sub("", text)


def _title_like(item: Item, statement: bool = False) -> bool:
    """``item`` reads like a headline; with ``statement`` a line ending like a statement without a
    period (a press release's ``…보도는 사실과 다릅니다``) may be one too."""
    text = item.text
    if item.role is not None or item.kind not in (None, "title", "heading"):
        return False
    if len(text) < 4 or len(text) > 150:
        return False
    if NOTICE_NUMBER.match(text):
        return False  # "가정통신문 제2026-78호": the number above the title
    if EPIGRAPH.match(text):
        return False  # "“수고하고 …” (마태복음 11:28)": a verse quoted over the text (a bulletin's)
    if re.search(r"[다요][.!?]\s", text):  # prose: a sentence ends inside the line
        return False
    notice = r"(?:다\.|니다\.?|세요\.?)" if not statement else r"[다요]\."
    if re.search(notice + r"[\"'”’)>〉]*$", text):  # a sentence or UI notice, not a headline
        return False
    return not (ends_sentence(text) and len(text) > 60)


MAX_HEADWORD = 20
_GLOSS = re.compile(r"^\s*[\[(（]\s*(?P<inner>[^\[\]()（）가-힣]{1,60}?)\s*[\])）]\s*$")
_GLOSS_WORD = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]|[A-Za-z]{2,}")


def _headword(item: Item) -> bool:
    """``item`` could be an entry's headword: a short line of words, no sentence, no mark."""
    text = item.text.strip()
    return (
        item.role is None
        and item.kind in (None, "title", "heading")
        and 0 < len(text) <= MAX_HEADWORD
        and re.fullmatch(r"[\w][\w ·\-]*", text) is not None
    )


def gloss(item: Item) -> str | None:
    """An encyclopedia entry's gloss under its headword, without its brackets: the word in Hanja and
    the original language (``[ 金屬活字 , metal type ]`` → ``金屬活字, metal type``), no Hangul in it."""
    m = _GLOSS.match(item.text) if item.role is None and not structured(item) else None
    if m is None or not _GLOSS_WORD.search(m["inner"]):
        return None
    return re.sub(r"\s*,\s*", ", ", " ".join(m["inner"].split())).strip(" ,")


def _over_stanzas(items: list[Item]) -> Item | None:
    """The one short line over a text of stanzas (a poem's title, ``겨울 노래``), the poet's name
    between them or not (:func:`_poet_under`)."""
    poet = len(items) > 2 and not verse_line(items[1]) and poet_line(items[1].text) is not None
    if len(items) < 2 or verse_line(items[0]) or not verse_line(items[2 if poet else 1]):
        return None
    head = items[0]
    if structured(head) or head.role or head.kind or len(head.text) > 40 or ends_sentence(head.text):
        return None
    return head


def _poet_under(ctx: Context, title_item: Item) -> None:
    """The poet's name alone under a poem's title, over its first stanza, is its author."""
    at = ctx.items.index(title_item)
    below = ctx.items[at + 1 : at + 3]
    name = poet_line(below[0].text) if len(below) == 2 and verse_line(below[1]) else None
    if name is None or verse_line(below[0]) or structured(below[0]) or verse_line(title_item):
        return
    ctx.add_author(Author(name=name), below[0].line)
    ctx.to_meta(below[0], "authors")


def _first_line(ctx: Context) -> str:
    """A poem with no title line is known by its first line, as anthologies index it: the title is
    that line's text, and the line stays in its stanza. Any other text without a title has none."""
    if ctx.items and verse_line(ctx.items[0]):
        return ctx.items[0].text.strip().rstrip(",.;:")
    return ""


def _find_title(ctx: Context, release: Release | None = None) -> Item | None:
    """The title line: the reader's, the one matching the title hint, or the first headline-like
    line on the story's topic near the top (below the kind label of a press release)."""
    hint = ctx.hints.get("title")
    if isinstance(hint, str) and hint.strip():
        hk = key(split_series(hint)[1])
        for item in ctx.items:
            if structured(item) or verse_line(item):
                continue  # a song's line may sing its title: a stanza's line is no headline
            ik = key(split_series(item.text)[1])
            if ik and (ik == hk or (len(ik) >= 8 and (hk.startswith(ik) or ik.startswith(hk)))):
                return item
        poem_title = _over_stanzas(ctx.items)
        if poem_title is not None and (pk := key(poem_title.text)) and hk.startswith(pk):
            return poem_title  # "진달래꽃" over the stanzas, the page's title "진달래꽃 - 김소월"
        return _short_heading(ctx, hint)
    for item in ctx.items:
        if item.kind == "title":
            return item
    if poem_title := _over_stanzas(ctx.items):
        return poem_title
    if ctx.items and verse_line(ctx.items[0]):
        return None  # a poem opening with its first stanza: no title line (see :func:`_first_line`)
    fallback: Item | None = None
    prose = 0
    start = release.after if release else 0
    top = ctx.items[: start + MAX_SCAN]
    for item in top[start:]:
        if len(item.text) >= 8 and _over_post_info(ctx, item) and _title_like(item):
            return item  # a board post's title over "작성자 … | 등록일 …", above it only the site's menus
        if _over_post_info(ctx, item, _BULLETIN_INFO) and _title_like(item):
            return item  # a bulletin's name over "발표시각: … | 예보관: …", however short ("날씨해설")
    for index, item in enumerate(top):
        if index < start or _repeated_name(item, top) or _site_header(ctx, item):
            continue
        below = top[index + 1] if index + 1 < len(top) else None
        if below is not None and (kicker(item) or _tags_only(item)) and _title_like(below):
            continue  # "[기획] 사라지는 동네 ③", "[장바구니 물가]" over the headline: the series
        if below is not None and _names_tag_below(item, below):
            continue  # "영어로 읽는 뉴스" over "[영어로 읽는 뉴스] …": the section's label, the series
        if _superseded_flash(item, below):
            continue  # "[속보] …" over "(2보) …": the update's headline heads the story
        if below is not None and gloss(below) and _headword(item):
            return item  # "금속활자" over "[ 金屬活字 , metal type ]": an entry's headword
        if item.attrs.get("edition"):
            return item  # "2026년 12월 7일(월) 아침 뉴스 브리핑": a digest names its edition, not its topics
        if item.attrs.get("over_issue") and _title_like(item):
            return (
                item  # "은총교회 주보" over "2026년 3월 1일 · 제12권 9호": a periodical's name, however short
            )
        if len(item.text) >= 8 and _tagged_over_date(ctx, item) and _title_like(item):
            return item  # "[오늘의 운세] … 띠별 운세" over its 입력 line: the headline, topical or not
        if (
            len(item.text) >= 8
            and _title_like(item, release is not None)
            and _topical(ctx, item, ctx.items[index + 1 :])
        ):
            if not ends_sentence(item.text):
                return item
            fallback = fallback or item  # a line ending like a sentence is a weak title
        elif len(item.text) > 40 or item.role == "figure":
            prose += 1  # a teaser or the lead itself; more than two means there is no title line
            if prose >= 2 or fallback is not None:
                break
    return fallback


_TITLE_LABEL = re.compile(
    r"^\s*(?:[가-힣]{1,4}\s*)?제\s*목\s*[:：]\s*(?=\S)|^\s*\(54\)\s*(?:(?:발명|고안)의\s*명칭\s*)?(?=\S)"
)
"""A form's title field's label (``민원 제목 : …``, ``제목: …``; a patent gazette's ``(54) 발명의 명칭``):
the title is its value."""


def _short_heading(ctx: Context, hint: str) -> Item | None:
    """A Markdown file's first level-1 heading made of the front matter title's own words
    (``# 7주차: 고유값과 고유벡터`` under ``title: 선형대수 7주차 강의 노트 — 고유값과 고유벡터``): the
    title's line, shortened."""
    words = set(re.findall(r"\w+", hint))
    for item in ctx.items:
        if ctx.source_format == "markdown" and item.kind == "title":
            own = re.findall(r"\w+", item.text)
            return item if len(own) >= 2 and set(own) <= words else None
    return None


def _named_within(ctx: Context, found: Item) -> Item:
    """The line below ``found`` that it names within more words (a filing viewer's ``한빛바이오텍 |
    주요사항보고서(유상증자결정) | 2026.11.30`` over the report's own ``주요사항보고서(유상증자결정)``): that
    line, standing alone, is the title; ``found`` is the viewer's header."""
    at = ctx.items.index(found)
    below = ctx.items[at + 1 : at + MAX_SCAN]
    for item in below:
        if structured(item) or is_prose(item.text):
            break
        text = item.text.strip()
        if len(text) >= 8 and text != found.text.strip() and text in found.text and _title_like(item):
            return item
    return found


MAX_NAME = 20


def _repeated_name(item: Item, top: list[Item]) -> bool:
    """A short line shown twice near the top (a board's name in the site's menu and again over the
    post) names a place on the site, not the text."""
    return len(item.text) <= MAX_NAME and any(o is not item and o.text == item.text for o in top)


SITE_NAME = 24
_SERVICE_NAME = re.compile(r"(?:시스템|서비스|센터|백과|사전|나라|포털|누리집|홈페이지|정보망|플랫폼)$")
"""The end of a web service's name (``종합정보시스템``, ``특허정보검색서비스``, ``지식백과``): a headline
does not end so."""


def _site_header(ctx: Context, item: Item) -> bool:
    """``item`` is a scrape's first line, a service's name, with the site's menu or breadcrumb right
    under it (``KIPRIS 특허정보검색서비스`` over ``홈 > 특허·실용신안 > 상세정보``): not the title."""
    text = item.text.strip()
    if len(text) > SITE_NAME or ctx.source_format != "text" or not _SERVICE_NAME.search(text):
        return False
    lines = heapq.nsmallest(2, ctx.source_text)  # the scrape's first two lines
    if item.line != lines[0] or len(lines) < 2:
        return False
    below = lines[1]
    return any(r.line == below and (r.rule or "").startswith("boilerplate.chrome") for r in ctx.removed)


def _tagged_over_date(ctx: Context, item: Item) -> bool:
    """``item`` opens with a bracketed tag (``[오늘의 운세]``) and the next line of the source is one
    the dates pass read as the story's date (``입력2026.12.07 17:30``): a headline where a site puts
    it, whatever words it shares with the text under it (a fortune's ``띠별 운세`` over ``쥐띠``)."""
    if not split_series(item.text)[0] or structured(item):
        return False
    line = (item.last or item.line) + 1
    while line not in ctx.source_text and line <= item.line + _GAP:
        line += 1  # blank lines between
    return line in ctx.meta_lines.get("date", [])


_GAP = 3

_POST_INFO = re.compile(r"^\s*(?:작성자|글쓴이|등록자|게시자)\s*[:：]?\s*\S")
"""A board post's info line under its title: the writer's label first (``작성자 영양교사 | 등록일
2026-12-04 | 조회 182``)."""
_BULLETIN_INFO = re.compile(r"[|｜]\s*(?:예보관|통보관|분석관)\s*[:：]?\s*[가-힣]")
"""An agency bulletin's issue line under its name: the signing officer after the time, behind a bar (a
forecast's ``발표시각: 2026년 12월 7일(월) 05:00 | 예보관: 정하람``)."""


def _over_post_info(ctx: Context, item: Item, info: re.Pattern[str] = _POST_INFO) -> bool:
    """``item`` is the source line right over a board post's info line (see :data:`_POST_INFO`) that
    the dates pass read as the story's date: the post's title, whatever words it shares with the text
    (a lunch menu's ``식단표 안내`` over dish names)."""
    if structured(item):
        return False
    line = (item.last or item.line) + 1
    while line not in ctx.source_text and line <= item.line + _GAP:
        line += 1
    return line in ctx.meta_lines.get("date", []) and bool(info.search(ctx.source_text.get(line, "")))


TOPICAL_BODY = 150


def _topical(ctx: Context, item: Item, below: list[Item]) -> bool:
    """``item`` could head the text below it: at most half its words are interface or section
    words, and it shares a word (a Hangul bigram, a Latin word, a number) with that text — unless
    there is too little text below to judge."""
    if interface_share(ctx.rules, item.text) >= 0.5:
        return False
    text = " ".join(it.text for it in below if not structured(it))
    if len(text) < TOPICAL_BODY:
        return True
    shared = units(item.text) & units(text)
    return any(not u.isdigit() or len(u) >= 3 for u in shared)  # a day or month number proves nothing


_SPACE = re.compile(r"^(?P<space>[^:|]{2,30}?)\s+:\s+(?P<rest>\S.*)$")


def _strip_space(ctx: Context, title: str, line: int) -> str:
    """``출판플랫폼팀 : 전자책 변환기 2.4 배포 계획`` → the page's own title, when the part before the colon
    is a navigation line above it (a wiki export's space, first in its breadcrumb): that space
    publishes the page."""
    m = _SPACE.match(title)
    space = m["space"].strip() if m else ""
    if m and any(r.line < line and r.text.strip() == space for r in ctx.removed):
        ctx.vote_publisher(space, Evidence.SITE_LABEL)
        return m["rest"].strip()
    return title


def _strip_site(ctx: Context, title: str) -> str:
    """``제목 | 연합뉴스`` / ``제목 : 네이버 뉴스`` → ``제목`` when the suffix names a site, which votes
    for the publisher as a site label does (a portal's name never wins)."""
    m = re.search(r"\s+[|:\-–ㅣ]\s+([^|:\-–ㅣ]{1,20})$", title)
    outlet = ctx.rules.outlet_in_text(m.group(1)) if m else None
    if m and (outlet or re.search(r"뉴스|news|일보|신문", m.group(1), re.I)):
        site = m.group(1).strip()
        ctx.vote_publisher(
            outlet.name if outlet and site in (outlet.name, *outlet.aliases) else site, Evidence.SITE_LABEL
        )
        return title[: m.start()].strip()
    return title


def _drop_before(ctx: Context, title_item: Item) -> None:
    """Lines before the title are page chrome: short ones go; a longer one goes only if it is a
    teaser repeated in the body, whose later copy is then kept (first occurrence in chrome loses)."""
    index = ctx.items.index(title_item)
    kept = _field_box(ctx.items[:index])
    for before in ctx.items[:index]:
        if before in kept:
            continue  # a notice's summary box of fields (공고명 : …, 공고기관 : …) is its text
        if is_logo(before):
            ctx.drop(before, "a logo above the title (decoration)", "chrome.logo")
            continue
        if before.role is not None or structured(before) or before.kind in ("series", "label"):
            continue
        copies = [dup for dup, first in ctx.duplicates if first is before]
        if len(before.text) <= 40:
            ctx.drop(before, "page interface text before the title", "chrome.before_title")
        elif copies:
            for dup in copies:
                ctx.restore(dup)
            ctx.drop(
                before,
                f"page text before the title, repeated at line {copies[0].line}",
                "chrome.before_title",
            )


FEWEST_FIELDS = 3
_BOX_LABEL = re.compile(r"^[가-힣]{2,6}$")


def _field_box(items: list[Item]) -> list[Item]:
    """A run of three or more form fields (``공고기관 : 경기도 가람시``) and the one-word label right
    above it (``공고일반``): a summary box of the text's own facts, not page chrome."""
    box: list[Item] = []
    run: list[Item] = []
    for at, item in enumerate([*items, None]):
        if item is not None and item.role is None and not structured(item) and FORM_FIELD.match(item.text):
            run.append(item)
            continue
        if len(run) >= FEWEST_FIELDS:
            label = items[at - len(run) - 1] if at - len(run) >= 1 else None
            if label is not None and label.role is None and _BOX_LABEL.match(label.text.strip()):
                box.append(label)
            box.extend(run)
        run = []
    return box


def _site_suffixed(ctx: Context, hint: str, heading: str) -> bool:
    """The front matter's title is the heading with the site's name after a bar or dash (a web
    clipper keeps the page's ``<title>``: ``EP.47 … - 책수다 팟캐스트``, the site named by the
    front matter's author or the copyright line too); then the heading wins."""
    tail = hint[len(heading) :] if heading and hint.startswith(heading) else ""
    m = re.fullmatch(r"\s+[|\-–—·]\s+(?P<site>[^\s\[\]]{2,})(?:\s.{0,30})?", tail)
    rights = ctx.meta.get("rights")
    named = " ".join([rights if isinstance(rights, str) else "", *(a.name or "" for a in ctx.authors)])
    return bool(m and m["site"] in named)


MAX_TITLE_TAIL = 40


def _join_wrapped(ctx: Context, title_item: Item) -> None:
    """In a text whose blocks are set apart by blank lines, a title block of two lines is one title
        wrapped (``스마트도시 데이터 허브, 지자체 활용률`` / ``38%에 그쳐``) when its second line is at most
    half as long as the first (a deck set right under a title is as long or longer), or when the two
    make the title hint: it joins the title."""
    if ctx.source_format != "text" or not any(it.attrs.get("after_blank") for it in ctx.items):
        return
    index = ctx.items.index(title_item)
    tail = ctx.items[index + 1] if index + 1 < len(ctx.items) else None
    if (
        tail is None
        or tail.line != (title_item.last or title_item.line) + 1
        or ctx.source_text.get(title_item.line - 1, "").strip()  # the block: blank lines around it
        or ctx.source_text.get(tail.line + 1, "").strip()
        or tail.role is not None
        or tail.kind is not None
        or structured(tail)
        or (
            len(tail.text) > min(MAX_TITLE_TAIL, len(title_item.text) // 2)  # a deck is no shorter
            and not _hinted_whole(ctx, title_item, tail)
        )
        or ends_sentence(title_item.text)
        or ends_sentence(tail.text)
        or _DECK_MARK.match(tail.text)  # "- 부제 -": a deck
    ):
        return
    title_item.text = f"{title_item.text} {tail.text}"
    title_item.last = tail.last or tail.line
    ctx.items.remove(tail)


def _hinted_whole(ctx: Context, title_item: Item, tail: Item) -> bool:
    """The two lines together are the title the hint gives (a printed page's header: ``… | 한겨레``),
    so the second is the headline's wrapped end, however long."""
    hint = ctx.hints.get("title")
    if not isinstance(hint, str):
        return False
    return key(split_series(hint)[1]).startswith(key(f"{title_item.text} {tail.text}"))


MIN_INTERFACE_BOX = 5
"""Interface lines that make a box of the page's own (an order box, a price list), not a button."""


def _past_interface(ctx: Context, title_item: Item, item: Item) -> bool:
    """In plain text laid out in blank-line groups, ``item`` opens a group and a box of interface
    lines removed stands between it and the title (:data:`MIN_INTERFACE_BOX` or more): no deck."""
    top = title_item.last or title_item.line
    between = [r for r in ctx.removed if top < r.line < item.line and r.rule == "boilerplate.chrome"]
    return (
        ctx.source_format == "text"
        and bool(item.attrs.get("after_blank"))
        and len({r.line for r in between}) >= MIN_INTERFACE_BOX
    )


NOTICE_NUMBER = re.compile(
    r"^\s*(?P<number>(?:(?P<issuer>\S.{0,30}?)\s*)?(?:공고|고시|공시송달|훈령|예규|가정통신문|안내문|통지문)\s*"
    r"제\s*\d{2,4}\s*[-–]\s*\d{1,6}\s*호)(?:\s+(?:담당|문의|연락처)\s*[:：]?\s*\S.{0,40})?\s*$"
)
"""A public notice's or a school letter's number line above its title (``서울특별시 마포구 공고
제2026-1187호``, ``가정통신문 제2026-78호  담당: 방과후학교 (02-917-3045)``: the office in charge beside it
goes to the metadata with it)."""


def _notice_number(ctx: Context, title_item: Item) -> str | None:
    """The number line of a public notice above the title (→ meta.series; its issuer votes for
    the publisher), or None."""
    for item in ctx.items[: ctx.items.index(title_item)]:
        m = NOTICE_NUMBER.match(item.text)
        if m and item.role is None and not structured(item):
            if m["issuer"]:
                ctx.vote_publisher(m["issuer"].strip(), Evidence.ISSUER)
            ctx.to_meta(item, "series")
            return " ".join(m["number"].split())
    return None


def _under_number(ctx: Context) -> Item | None:
    """The line right under a public notice's number line near the top (``경기도 가람시 공고
    제2027-58호`` over ``… 입찰공고``): the notice's own title, whatever site names stand above it."""
    top = ctx.items[: 2 * MAX_SCAN]
    for at, item in enumerate(top[:-1]):
        if item.role is None and not structured(item) and NOTICE_NUMBER.match(item.text):
            below = top[at + 1]
            if not structured(below) and _title_like(below) and not ends_sentence(below.text):
                return below
            return None
    return None


_NAMED_AUTHOR_REASON = "the page name's addition telling works apart: the author, who is the author"


def _named_author(ctx: Context, title: str) -> int | None:
    """Where a title ends in its hinted author's name in parentheses (``서시 (윤동주)``, a wiki library's
    page name), or None."""
    for name in ctx.hinted_list("authors"):
        if isinstance(name, str) and name.strip():
            m = re.search(rf"\s*[(（]\s*{re.escape(name.strip())}\s*[)）]\s*$", title)
            if m and m.start() > 0:
                return m.start()
    return None


def run(ctx: Context) -> None:
    """Set meta.title, meta.series and meta.subtitles."""
    hint = ctx.hints.get("title")
    release = read_header(ctx)
    cover = (
        (
            read_cover(ctx)
            or read_thesis(ctx)
            or read_judgment(ctx)
            or read_statute(ctx)
            or read_bill(ctx)
            or read_episode(ctx)
        )
        if release is None and ctx.source_format == "text"
        else None
    )
    title_item = cover[0] if cover else _find_title(ctx, release) if release else None
    title_item = (
        title_item or _under_number(ctx) or _find_title(ctx)
    )  # a release's title may stand above its label
    title_item = _named_within(ctx, title_item) if title_item and not (release or cover) else title_item
    kicked: list[str] = []
    if title_item is not None:
        at = ctx.items.index(title_item)
        above = ctx.items[at - 1] if at else None
        if above is not None and (kicked := kicker(above) or _tag_line(ctx, above)):
            ctx.to_meta(above, "series")
        if above is not None and _superseded_flash(above, title_item):
            reason = "the wire's flash headline, superseded by the updated story's headline below it"
            ctx.drop(above, reason, "title.flash")
        numbered = _notice_number(ctx, title_item)
        _poet_under(ctx, title_item)
        _drop_before(ctx, title_item)
        _join_wrapped(ctx, title_item)
        drop_enclosed(ctx, title_item.last or title_item.line)  # an order box's options under it
        own = _strip_space(ctx, _TITLE_LABEL.sub("", title_item.text), title_item.line)
        series, title = split_series(_strip_site(ctx, own))
        ctx.to_meta(title_item, "title")
        front = hint.strip() if ctx.source_format == "markdown" and isinstance(hint, str) else ""
        if front and not _site_suffixed(ctx, front, title):
            series, title = split_series(front)  # front matter is no <title> with a site in it:
            # its title wins over the shorter heading the file shows ("# hangul-sort")
    elif isinstance(hint, str) and hint.strip():
        series, title = split_series(_strip_site(ctx, hint.strip()))
    else:
        series, title = [], _first_line(ctx)
    series[:0] = [tag for tag in kicked if tag not in series]
    series = [_columnist_off(ctx, tag) for tag in series]
    if title_item is not None:
        series = _outlet_tags_off(ctx, series, title_item.line)
    if release:
        series.insert(0, release.kind)
    if cover:
        series[:0] = cover[1]
    if title_item is not None and numbered:
        series.append(numbered)
    wire_tag = _WIRE_TAG.match(title) if is_english(ctx) else None
    if wire_tag:  # "(LEAD) S. Korea's exports rise …"
        series.append(wire_tag["tag"].strip())
        title = title[wire_tag.end() :]
    for item in [item for item in ctx.items if item.kind == "series"]:  # a label the markup names
        if _ISSUE_NUMBER.match(item.text):
            ctx.drop(item, "the print issue's number (a weekly's 제1287호), no series", "title.issue-number")
            continue
        if item.text not in series:
            series.append(item.text)
        ctx.to_meta(item, "series")
    for tag in ctx.hinted_list("series"):
        if isinstance(tag, str) and tag not in series:
            series.append(tag)
    leading = _LEADING_VERSION.match(title)
    if leading and title_item is not None:  # "(2보) 내년 최저임금 …" under the flash line
        title = title[leading.end() :]
        ctx.record(leading.group(0).strip(), _VERSION_REASON, title_item.line, "title.version-mark")
    version = _VERSION_MARK.search(title)
    if version and version.start() > 0:
        title = title[: version.start()]
        if title_item is not None:
            ctx.record(version.group(0).strip(), _VERSION_REASON, title_item.line, "title.version-mark")
    author_at = _named_author(ctx, title)
    if author_at is not None and title_item is not None:  # "서시 (윤동주)": a wiki library's page name
        ctx.record(title[author_at:].strip(), _NAMED_AUTHOR_REASON, title_item.line, "title.author-suffix")
        title = title[:author_at].rstrip()
    mark = _TITLE_MARK.match(title)
    if mark and title_item is not None and title[mark.end() :].strip():
        title = title[mark.end() :]  # "■ 저수조 청소 및 단수 안내": a heading's mark, as structure drops it
    emoji = PICTOGRAPH.match(title)
    if emoji and title_item is not None and title[emoji.end() :].strip():
        title = title[emoji.end() :]  # "📰 …": a channel's post marks its headline, as "■ …" (a mark)
    ctx.meta["title"] = title
    ctx.meta["series"] = series
    named = {key(s) for s in series}
    for item in [it for it in ctx.items if it.attrs.get("date_residue") and key(it.text) in named]:
        ctx.to_meta(item, "series")  # an issue line "2026. 11. 24. 화요일 | 성북로컬레터 #142" repeats it
    subtitles: list[str] = list(cover[2]) if cover else []
    marked = [item for item in ctx.items if item.kind == "subtitle"]  # decks the markup names
    for item in marked:
        subtitles.append(_deck(_deck_kind(series, item.text) if not subtitles else item.text))
        ctx.to_meta(item, "subtitles")
    hinted = [s for s in ctx.hinted_list("subtitles") if isinstance(s, str)]
    hinted_keys = {key(s) for s in hinted}
    emoji_marks = Counter(m.group(0).strip() for it in ctx.items if (m := PICTOGRAPH.match(it.text)))
    for item in list(ctx.items):
        if title_item is not None and item.line < title_item.line and structured(item):
            continue  # a table in the header above the title (a release's dates): no deck, no end
        if (title_item is None and not hinted) or structured(item):
            break
        if key(item.text) in hinted_keys:
            subtitles.append(_deck(item.text))
            ctx.to_meta(item, "subtitles")
            continue
        if title_item is None or item.line < title_item.line or len(subtitles) >= MAX_DECK:
            break
        if item.attrs.get("card"):
            break  # a card news text's first card: the text, no deck
        if any(p.search(item.text) for p in ctx.rules.patterns("boilerplate", "particulars")):
            break  # "지은이 남궁혜린 | 펴낸 곳 솔가지 | 288쪽": the particulars of the book discussed, text
        if verse_line(item) and not verse_line(title_item):
            break  # a poem's first stanza under its title: the text, no deck
        if _DECK_LABEL.match(item.text) and not subtitles and item.role is None:
            ctx.drop(item, "the label over the summary deck", "title.deck-label")
            continue
        headword = title_item is not None and len(title_item.text) <= MAX_HEADWORD
        glossed = gloss(item) if headword and not subtitles else None
        if glossed:
            subtitles.append(glossed)  # "[ 金屬活字 , metal type ]" under the headword
            ctx.to_meta(item, "subtitles")
            continue
        tags, rest = split_series(item.text + " x")
        if item.role is None and item.kind is None and tags and rest == "x" and _part_labels(ctx, item):
            item.attrs["part_label"] = "1"  # it heads the body's first part (pass structure)
            break  # "[보도 내용]" … "[국토교통부 설명]": the first of the text's part labels, no series
        if item.role is None and item.kind is None and tags and rest == "x" and not subtitles:
            series.extend(t for t in tags if t not in series)  # "[정덕현의 이슈공감]" alone
            ctx.to_meta(item, "series")
            continue
        if tags and rest == "x" and subtitles:
            break  # "[본문 말씀]" under the decks: a part's label over the text, no deck
        if item.role is not None or item.kind is not None or marked or cover:
            break  # no guessing at decks when the markup (or a minutes' cover) named them
        if EPIGRAPH.match(item.text):
            break  # "“너희는 …” (이사야 40:3)": a verse quoted over the text, no deck (pass structure)
        text = item.text
        prose = re.search(r"[다요][.!?]\s", text)
        informal = len(text) <= 80 and len(text.split()) >= 4 and INFORMAL_END.search(text)
        if len(text) > 80 or ends_sentence(text) or len(text) < 4 or prose or informal or OUTLINE.match(text):
            break  # "1. 추진 현황": the first section's heading, no deck
        if text.rstrip().endswith((",", "，")):
            break  # "…계획이 곳곳에서 나왔지만,": a sentence the line break cut, the text's start
        if _over_bullets(ctx.items, ctx.items.index(item)):
            item.attrs["part_label"] = "1"  # it heads the box (pass structure)
            break  # "주요 내용" over "· …" lines: a box of the text with its label, no deck
        if EDITOR_NOTE_ALONE.match(text):
            break  # "편집자주" alone: the editor's note below it opens the text
        if _past_interface(ctx, title_item, item):
            item.attrs["past_interface"] = "1"  # "상품 상세정보" past an order box: it may head the text
            break
        if text.rstrip().endswith("귀중"):
            break  # "금융위원회 귀중": a filing's or a letter's addressee opens its text
        if (emoji := PICTOGRAPH.match(text)) and emoji_marks[emoji.group(0).strip()] >= 2:
            break  # "🔹 수도권 첫 한파특보…" over "🔹 내년도 예산안 …": a digest's first item, no deck
        if _BODY_MARK.match(text):
            break  # "◇ 기획재정부" over "▲ 세제실장 오민정": a 인사 list's first section, no deck
        if item.attrs.get("field"):
            break  # "경력: 경력 3년 이상": a field of the page's own list (<dl>), no deck
        if FORM_FIELD.match(text):
            break  # "신청번호 : 1AA-2611-0312457": a form's fields under its title field, no deck
        subtitles.append(_deck(text))
        ctx.to_meta(item, "subtitles")
    if title_item is None and not subtitles and ctx.source_format == "markdown":
        opening = _opening_deck(ctx)
        if opening is not None:  # "### 민자구간 …" over a clipping whose title is in its front matter
            subtitles.append(_deck(opening.text))
            ctx.to_meta(opening, "subtitles")
    for s in hinted:
        if key(s) not in {key(x) for x in subtitles}:
            subtitles.append(s)
    ctx.meta["subtitles"] = subtitles
    for item in [item for item in ctx.items if item.kind == "label"]:  # not a release's kind label
        ctx.drop(item, "page chrome outside the article (a heading above the title)", "html.outside-article")
