"""Pass ``dates``: lines that carry the publication date (``입력 2024.03.05 14:07`` …) →
meta.date in ISO 8601 (``+09:00`` when a time is known, else ``YYYY-MM-DD``). A label alone on its
line (``입력`` then ``2014.06.12 09:00`` on the next) labels the date below it; an update marker such
as ``(2보)`` or ``(종합)`` beside a date is part of the date line."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from bookmaker.ir import Table, plain
from bookmaker.normalize.blocks import refers_to_note, structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.lexicon import outlet_line
from bookmaker.normalize.passes.chrome_lines import is_date_label
from bookmaker.normalize.passes.judgment import CITATION
from bookmaker.normalize.passes.release import ISSUER_REASON, RELEASE_WIRE, issuer
from bookmaker.normalize.passes.statute import ENFORCEMENT
from bookmaker.normalize.text import FORM_FIELD, HANGUL, ISSUE_VOLUME, ends_sentence

EVENT_DATE = "event_date"
"""An item's attribute: its line states an event's day and hours (a cover's ``일시: …``); the text's,
whatever date the document takes from it."""
MAX_ISSUE_LINE = 40
"""The longest rest of an issue line beside its day (the day's name and the volume and number)."""

DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|(?<![\d.])\d{2}(?=\.\d{2}\.\d{2}(?!\d)))\s*(?:[.\-/]|년|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월|月)\s*(?P<d>\d{1,2})"
    r"(?!\d)\s*(?:일|日|\.)?"
    r"(?:\s*[(（]?[월화수목금토일](?:요일)?(?:[)）]|(?![가-힣])))?"  # not the 수 of "… 수정일"
    r"(?:\s*[(（][月火水木金土日]曜日[)）])?"  # an old paper's "(日曜日)"
    r"(?:(?:\s*|T)[(（\[]?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})"
    r"(?:\s*(?::)\s*(?P<S>\d{2}))?\s*분?(?:\s*\d{2}\s*초)?[)）\]]?"
    r"|\s+(?P<ampm2>오전|오후)\s*(?P<H2>\d{1,2})\s*시(?!\s*\d))?"
)
# the print page a date line names: "33면", "본지 3면", "종합 05면", "A12면", "제3면", and the paper's section
# after it closing the line ("8면 사회": a page viewer's header, no byline)
PRINT_SECTIONS = (
    "종합|정치|경제|사회|국제|문화|스포츠|오피니언|사설|여론"
    "|지역|전국|산업|금융|증권|부동산|생활|연예|교육|과학|피플"
)
_PRINT_PAGE = (
    rf"(?:(?:본지|지면|종합)\s*)?(?:제\s*)?[A-Z]?\d+\s*면(?:\s+(?:{PRINT_SECTIONS})\s*$)?|第\s*\d+\s*面"
)
_UPDATE_MARK = r"[(\[（](?:종합|속보|\d\s*보|종합\s*\d\s*보|최종|수정|[월화수목금토일](?:요일)?)[)\]）]"
_BOARD_FIELD = re.compile(
    r"(?:작성자|글쓴이|등록자|작성\s*부서|담당\s*부서|부서명?|조회\s*수?|추천\s*수?)(?:\t+|\s*[:：]\s*)[^\t|]*"
)
"""A field of a bulletin board's post other than its date: who posted it (often an office's account), the
counters. In a row of fields set apart by tabs it goes with the date line to the metadata."""
_MONTH_ONLY = re.compile(r"\s*(?:19|20)\d{2}\s*(?:[.\-/]|년)\s*\d{1,2}\s*(?:월|\.)?\s*")
"""A year and a month, no day: a date the markup shows that dates nothing to the day."""
_PERIOD = re.compile(r"[~∼〜]|부터|까지")
"""A period's marks: a line with an unlabelled date from or to which something runs states it."""
_LISTED_FIELD = re.compile(r"^\s*(?:[·•▪◦○□■*※-]|\d{1,2}[.)])\s*[가-힣]{1,4}(?:\s[가-힣]{1,4})?\s*[:：]")
"""A listed field of the text (``· 일시: 2027년 4월 24일(토)``, a notice's ``4. 발표 일시: 2027. 3. 26.(금)
13:00``, a handout's noted ``※ 다음 모임: 2027년 1월 10일(토) 오후 3시 / …``): an event's date the
text states."""
_DATE_FIELD = re.compile(r"[가-힣]{0,4}(?:일|일자|일시|날짜)\s*[:：]?")
"""A date field's own label (``신청일``, ``접수 일자`` without its space), left when its date is taken."""
_OCCASION = re.compile(
    r"\s*(?:(?:주일|수요|금요|토요|새벽|오전|오후|낮|저녁|밤|심야|성탄|송구영신|부활절|추수감사절?)\s*)*"
    r"(?:제?\s*\d\s*부\s*)?(?:예배|미사|법회|예불|기도회|철야\s*기도회?|집회)\s*"
)
"""The service a sermon or a homily was given at, beside its date (``2026년 11월 29일 주일 2부 예배``,
``수요예배``, ``새벽기도회``): when on that day, as a time would say — the line is the date's."""
_NAME = re.compile(r"(?:\(주\)|㈜)?[가-힣A-Za-z0-9&]{2,15}(?:\s[가-힣A-Za-z0-9&]{2,10})?")
"""A company's or body's name: one or two words, no sentence."""
_DOCUMENT_NUMBER = re.compile(r"\s*(?:문서|관리|접수|등록)\s*번호\s*[:：]?\s*[\w-]{1,30}\s*")
"""A document's number, left beside its date (``문서번호 운영-2026-12``): the file's, not the book's."""
_TERMS_DATE = r"(?:19|20)\d{2}\s*(?:[.\-/]|년)\s*\d{1,2}\s*(?:[.\-/]|월)\s*\d{1,2}\s*(?:일|\.)?"
_TERMS_VERSION = re.compile(
    rf"\s*[\[(]?\s*(?:공고|공지|게시|개정)\s*일(?:자)?\s*[:：]?\s*(?P<announced>{_TERMS_DATE})\s*[\])]?\s*[/|,·]?"
    rf"\s*[\[(]?\s*(?:시행|적용)\s*일(?:자)?\s*[:：]?\s*{_TERMS_DATE}\s*[\])]?\s*"
)
"""Terms of service's version line: the day the terms were announced, then the day they take effect
(``공고일자: 2027년 1월 2일 / 시행일자: 2027년 2월 1일``). Kept whole (a deck, as a statute's enforcement
line is); the announcement dates the terms, as a statute's promulgation does."""
VIEWS = re.compile(r"조회\s*수?\s*[:：]?\s*[\d,.]*\d(?:\s*[천만])?(?:\s*회)?")
"""A page's view counter beside its date (``조회수 1,284``, ``조회수 34,512회``): taken out of the line,
recorded."""
WRITTEN_ON = re.compile(
    r"^\s*[(（]\s*(?P<date>\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\s*\.?)"
    r"\s*[)）]\s*$"
)
"""A writer's dating of a work in parentheses, alone under its last lines (``(1941. 11. 20.)``)."""
_COUNTERS = re.compile(
    r"(?:(?:추천|댓글|좋아요|공감|스크랩|선호작?|글자\s*수?|분량|평점|별점)\s*[:：]?\s*[\d,.]+\s*[천만]?\s*(?:자|회|개|점)?\s*[|·]?\s*)+"
)
"""Counters alone beside a date (``추천 412 글자 5,632``, ``댓글 7 · 공감 31``): the page's, recorded."""
_READING = re.compile(
    r"(?:읽는|읽기)\s*시간\s*[:：]?\s*(?:약\s*)?\d+\s*분|(?:약\s*)?\d+\s*분\s*(?:읽기|분량)"
)
_ISSUE = re.compile(r"(?<![가-힣])제\s*\d{1,5}\s*호(?:\s*\(\s*\))?")
"""A magazine's issue number (``제1658호``; its date in parentheses is taken as a date already)."""
_ISSUE_SHOWN = re.compile(
    r"(?<![가-힣<〈])제\s*\d{1,5}\s*호\s*\(\s*(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?\s*\)"
)
"""The issue as a weekly shows it: its number and its cover date in parentheses (a statute's ``<제1587호,
2026. 6. 30.>`` is no issue)."""
_ISSUE_REASON = "the magazine's issue number beside the date"
_READING_REASON = "the page's reading-time estimate beside the date"
_RATING = re.compile(r"[★☆]{3,10}(?:\s*\d{1,2}(?:\.\d)?(?:\s*/\s*\d{1,2})?\s*점?)?")
"""A review's rating in stars beside its date (``★★★★☆``, ``★★★★★ 5.0``): the reviewer's score."""
_RATING_REASON = "the review's star rating beside its date"
_LABELS = _UPDATE_MARK + r"|기사원문|" + _PRINT_PAGE + r"|지면|업데이트|최종|송고시간|KST"
"""Words a date line holds besides the date: update marks, labels, the print page."""


@cache  # compiled on first use, as the other patterns most articles never need (~1 ms each)
def _filler() -> re.Pattern[str]:
    """What a date line holds besides the date: update marks, labels, separators, Korean time's
    offset after an ISO time (``2026-12-07T10:00:00+09:00``)."""
    return re.compile(_LABELS + r"|(?<!\S)l(?!\S)|(?<!\w)\+09:?00(?!\d)|[\s|:：/ㅣ·•\-\[\]()<>=,.]+")


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_TIME = r"(?:\s*[,\-–|@]?\s*(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?)?"
ENGLISH_DATE = re.compile(
    rf"(?<![A-Za-z])(?:{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[,.]?\s+(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})\s+{_MONTH.replace('mon', 'mon2')},?\s+(?P<y2>(?:19|20)\d{{2}})){_EN_TIME}(?![\d:])",
    re.IGNORECASE,
)
"""A date written in English: ``Mar. 12, 2025 - 17:45``, ``12 Mar. 2025, 17:45``, ``March 12, 2025
5:45 p.m.``, ``Nov 14. 2026`` (Brunch)."""


def _numeric(m: re.Match[str]) -> str:
    """An English date as the numeric form DATE_RE reads (``2025.03.12 PM 5:45``)."""
    month = _MONTHS[(m["mon"] or m["mon2"]).lower()]
    day, year = m["d"] or m["d2"], m["y"] or m["y2"]
    time = ""
    if m["H"]:
        ampm = {"a": "AM ", "p": "PM "}.get((m["ap"] or "").lower(), "")
        time = f" {ampm}{m['H']}:{m['M']}"
    return f"{year}.{month:02d}.{int(day):02d}{time}"


@dataclass(frozen=True, slots=True)
class Found:
    """A date found in a line."""

    iso: str
    published: bool
    labeled: bool
    has_time: bool


def to_iso(m: re.Match[str]) -> tuple[str, bool] | None:
    """The ISO string for a DATE_RE match and whether it has a time."""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if y < 100:
        y += 2000
    try:
        _dt.date(y, mo, d)  # a real day: not 2025-02-30, not month 13
    except ValueError:
        return None
    if m["H"] is None and m["H2"] is None:
        return f"{y:04d}-{mo:02d}-{d:02d}", False
    h, mi, s = int(m["H"] or m["H2"]), int(m["M"] or 0), int(m["S"] or 0)
    ampm = m["ampm"] or m["ampm2"]  # "오전 10시": a time on the hour, said so
    if ampm in ("오후", "PM", "pm") and h < 12:
        h += 12
    if ampm in ("오전", "AM", "am") and h == 12:
        h = 0
    if h > 23 or mi > 59 or s > 59:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+09:00", True


US_DATE = re.compile(
    r"(?<![\d./-])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d{2})(?![\d/])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2})?(?:\s*(?P<ap>[AaPp])\.?[Mm]\.?)?(?![\d:]))?"
)
"""A date as American pages write it, month first (``03/05/2026 07:12 PM`` on a Korean-American
daily's page): read as the numeric form DATE_RE reads."""


def _from_us(m: re.Match[str]) -> str:
    """A month-first date as ``2026.03.05 PM 7:12``."""
    time = ""
    if m["H"]:
        ampm = {"a": "AM ", "p": "PM "}.get((m["ap"] or "").lower(), "")
        time = f" {ampm}{m['H']}:{m['M']}"
    return f"{m['y']}.{int(m['m']):02d}.{int(m['d']):02d}{time}"


def parse_line(ctx: Context, text: str) -> tuple[list[Found], str] | None:
    """Dates in ``text`` (numeric, month first or English) and the residue once dates and labels are
    gone; None if no date."""
    text = ENGLISH_DATE.sub(_numeric, US_DATE.sub(_from_us, text))
    rules = ctx.rules
    published = rules.word_set(("dates", "published"))
    modified = rules.alternation(("dates", "modified"), ("dates", "issued"))
    label_re = "|".join(alt for alt in (modified, rules.alternation(("dates", "published"))) if alt)
    found: list[Found] = []
    pos = 0
    residue_parts: list[str] = []
    for m in DATE_RE.finditer(text):
        iso = to_iso(m)
        if iso is None:
            continue
        before = text[pos : m.start()]
        after = text[m.end() : m.end() + 4]
        lab = rules.pattern(rf"({label_re})\s*(?:일|시간)?\s*[.:：]?\s*[\[(]?\s*$").search(before)
        post = rules.pattern(rf"\s*({label_re})").match(after)
        label = lab or post
        is_pub = label is None or label.group(1) in published
        found.append(Found(iso[0], is_pub, label is not None, iso[1]))
        residue_parts.append(before)
        pos = m.end()
    if not found:
        return None
    residue_parts.append(text[pos:])
    residue = " ".join(residue_parts)
    if label_re:
        # a label word, not the head of a longer word ("작성자: 정하린" beside "작성일: …" keeps its 작성)
        residue = rules.pattern(rf"(?:{label_re})(?:\s*(?:일시|일자|시간|일))?(?!자)").sub(" ", residue)
    if not _filler().sub(" ", _release_words(ctx, text, residue)).strip():
        return found, ""
    # keep the residue readable (a byline like "글: 김도윤(dykim)" needs its punctuation)
    # a view count beside the date ("등록일 … | 조회수 1,284") is the page's counter
    residue = re.sub(_LABELS + "|" + VIEWS.pattern, " ", residue)
    parts = re.split(r"\s+[|lㅣ/·•]\s+|^\s*[|lㅣ/·•:]\s*|\s*[|lㅣ/·•:]\s*$", residue)
    # a counter set apart by bars beside the date and a byline ("김도윤 기자 | 승인 … | 댓글 0") is the
    # page's too, read with the line as its labels are
    kept = [p for p in parts if p.strip(" :：|/") and not _COUNTERS.fullmatch(p.strip(" :：|/") + " ")]
    parts = kept or parts
    readable = " ".join(p.strip(" :：|/") for p in parts if p and p.strip(" :：|/"))
    return found, re.sub(r"\s{2,}", " ", readable).strip()


def _release_words(ctx: Context, text: str, residue: str) -> str:
    """``residue`` without what a press release's release-time line says besides its date (``이후
    보도``, ``(5. 15.(수) 조간)``, ``배포 즉시``) when ``text`` is such a line."""
    if not any(p.match(text.strip()) for p in ctx.rules.patterns("release", "time_labels")):
        return residue
    for p in ctx.rules.patterns("release", "time_words"):
        residue = p.sub(" ", residue)
    return residue


def _pair_labels(ctx: Context) -> None:
    """A date label alone on its line labels the date on the next line (both leave the body); a
    label with no date after it is interface text."""
    items = list(ctx.items)
    for item, nxt in zip(items, [*items[1:], None], strict=False):
        if item.role or structured(item) or refers_to_note(item) or not is_date_label(ctx, item.text):
            continue
        label = item.text.strip(" •▪:：[]()")
        if nxt is not None and not structured(nxt) and parse_line(ctx, f"{label} {nxt.text}"):
            nxt.attrs["date_label"] = label
            ctx.to_meta(item, "date")
        else:
            ctx.drop(item, "a date label without a date", "boilerplate.chrome")


def _rank(found: Found) -> tuple[bool, bool, bool]:
    """A labelled publication date first, then any publication date, then one with its time."""
    return (found.published and found.labeled, found.published, found.has_time)


MAX_DATE_ROWS = 4


def _date_rows(ctx: Context, table: Table) -> list[Found] | None:
    """The dates of a small table of labelled dates only (each row a date label and its date, as a
    word processor sets a release's header box), or None."""
    rows = [[plain(cell.content).strip() for cell in row.cells] for row in [*table.head, *table.body]]
    if not rows or len(rows) > MAX_DATE_ROWS or any(len(cells) != 2 for cells in rows):
        return None
    times = ctx.rules.patterns("release", "time_labels")
    found: list[Found] = []
    for label, value in rows:
        parsed = parse_line(ctx, f"{label} {value}")
        if parsed is None or not (is_date_label(ctx, label) or any(p.fullmatch(label) for p in times)):
            return None
        found += parsed[0]
    return found


_TODAY = re.compile(
    r"\s*(?:19|20)\d{2}\s*[년.]\s*\d{1,2}\s*[월.]\s*\d{1,2}\s*일?\s*"
    r"(?:\(\s*[월화수목금토일]\s*\)|[월화수목금토일]요일)\s*"
)


def _today_bar(ctx: Context, item: Item, items: list[Item]) -> bool:
    """``2026년 12월 06일 (일)`` alone above the headline, a day other than the article's (its markup
    dates it): the site's top bar showing today, as ND소프트 and most papers' pages do."""
    if not _TODAY.fullmatch(item.text):
        return False
    if not any(it.kind == "title" and it.line > item.line for it in items):
        return False
    hinted = iso_from_hint(ctx.hints.get("date"))
    m = DATE_RE.search(item.text)
    day = to_iso(m) if m else None
    return bool(hinted and day and not hinted.startswith(day[0][:10]))


def _leads_with(items: list[Item], residue: str) -> bool:
    """``residue`` (a name beside the date) is who the lead's first sentence is about, as a company's
    release opens (``… 한빛에듀테크(대표 오세린)가 …``, ``… 한빛에듀테크는 …``)."""
    name = residue.strip()
    if not _NAME.fullmatch(name) or not items or items[0].role or structured(items[0]):
        return False
    head = items[0].text[:120]
    boss = re.search(rf"{re.escape(name)}\s*\((?:대표|회장|사장|이사장|총장|원장)", head)
    return bool(boss or (len(name) >= 4 and re.search(rf"{re.escape(name)}(?:가|는|이|은)\s", head)))


_EDITION = re.compile(
    r"\W*(?:(?:오늘의|오늘|아침|저녁|오전|오후|주간|조간|석간|출근길|퇴근길|주말|마감)\s*)*"
    r"(?:(?:뉴스|이슈|경제|시사|국제|증시)\s*)?(?:브리핑|헤드라인|요약|다이제스트|뉴스레터|클리핑)\s*\W*"
)
"""What a digest's title says beside its day (``📰 2026년 12월 7일(월) 아침 뉴스 브리핑``): its edition."""
_TAGGED_HEADLINE = re.compile(r"^\s*\[[^\[\]]{1,20}\]\s*\S")
"""A headline opening with its bracketed tag (``[오늘의 운세] …``), the tag left in the date's residue."""


_EVENT_LABEL = re.compile(r"^\s*(?:[-•·▲■○◇]\s*)?(?:일\s*시|행사\s*일(?:시|자)?|개최\s*일(?:시)?)\s*[:：]")
"""An event's time field (``일시: …``, ``행사일: …``, ``개최일시: …``): a date line it is not."""


def _gathering(ctx: Context, text: str) -> bool:
    """The line's first date follows a gathering's word (rules ``dates.gatherings``: ``모임``, ``행사``):
    the time of the gathering the text announces."""
    first = DATE_RE.search(text)
    words = ctx.rules.alternation(("dates", "gatherings"))
    if first is None or not words:
        return False
    before = text[: first.start()]
    return ctx.rules.pattern(rf"(?:^|[\s·|/,])(?:{words})\s*[:：]?\s*$").search(before) is not None


HEADER_LINES = 8
"""How many of the first lines a release's embargo sentence may stand among."""
_EMBARGO = re.compile(
    r"^\s*[(\[※]?\s*(?:이\s*)?(?:보도\s*)?(?:참고\s*)?자료는\s*(?P<when>\S.{4,40}?)\s*(?:이후에?|부터)\s*"
    r"보도(?:해|하여)\s*주시기\s*바랍니다\s*\.?\s*[)\]]?\s*$"
)
"""A release's embargo said in a sentence (``이 보도자료는 2026년 12월 8일(화) 오전 6시 이후 보도해 주시기
바랍니다.``): the time the release may be published."""
_DISTRIBUTED = re.compile(r"^\s*배\s*포\s*(?:일\s*시|일\s*자|시\s*간)?\s*[:：]?\s*(?:19|20)?\d")
"""A release's distribution time (``배포일시 2026. 12. 7.(월) 14:00``), earlier than its release time."""
EMBARGO_REASON = "a press release's distribution time (its embargo line gives the time of publication)"


def _embargo(ctx: Context, items: list[Item]) -> Found | None:
    """The time a release's embargo sentence among the first lines names (its line goes to metadata;
    a distribution time's line beside it is removed): it dates the release, before any other date."""
    found = ((it, m) for it in items[:HEADER_LINES] if it.role is None and (m := _EMBARGO.match(it.text)))
    line, embargo = next(found, (None, None))
    when = DATE_RE.search(embargo["when"]) if embargo is not None else None
    iso = to_iso(when) if when else None
    if line is None or iso is None:
        return None
    ctx.to_meta(line, "date")
    for item in items[:HEADER_LINES]:
        if item is not line and item.role is None and _DISTRIBUTED.match(item.text) and len(item.text) <= 40:
            ctx.drop(item, EMBARGO_REASON, "dates.distributed")
    return Found(iso[0], True, True, iso[1])


def run(ctx: Context) -> None:
    """Take date lines out of the body; the first publication date becomes meta.date."""
    _pair_labels(ctx)
    embargo = _embargo(ctx, list(ctx.items))
    first_long = next((i for i, it in enumerate(ctx.items) if len(it.text) >= 60), len(ctx.items))
    best: Found | None = None
    field_day: str | None = None  # the first date among the page's own fields (<dl>)
    items = list(ctx.items)
    in_header = True  # no line of prose yet (only boxes and short lines): a release's header
    for index, item in enumerate(items):
        rows = _date_rows(ctx, item.block) if isinstance(item.block, Table) and in_header else None
        in_header = in_header and (structured(item) or len(item.text) < 60)
        if rows:  # a release's header box: "보도 일시 | 2026. 12. 3.(목) 12:00 이후", "배포 일시 | …"
            best = max([*rows, *([best] if best else [])], key=_rank)
            ctx.to_meta(item, "date")
            continue
        if item.role or len(item.text) > 90 or structured(item) or item.attrs.get(EVENT_DATE):
            continue  # EVENT_DATE: a cover's "일시: …", the date already taken, the line the text's
        if best is not None and _EVENT_LABEL.match(item.text):
            continue  # "일시: 2027년 1월 2일 오전 10시" under a dated story: the event's time, its text
        if index == len(items) - 1 and index > 0 and WRITTEN_ON.match(item.text):
            continue  # "(1941. 11. 20.)" under a poem: the day it was written, signing it (pass roles)
        if _today_bar(ctx, item, items):
            ctx.drop(item, "the site's date of today in its top bar (not the article's)", "dates.today")
            continue
        if item.kind == "date" and _MONTH_ONLY.fullmatch(item.text):
            ctx.to_meta(item, "date")  # "2026.12" shown beside a paper's journal issue: its month
            continue
        # "공고일자: 2027년 1월 2일 / 시행일자: 2027년 2월 1일" (the terms' version) and "[시행 2026. 7. 1.]
        # [… 제1587호, 2026. 6. 30., 일부개정]" (a statute's): a subtitle, dated by its announcement
        version = _TERMS_VERSION.fullmatch(item.text)
        statute = None if version else ENFORCEMENT.match(item.text)
        announced = version["announced"] if version else statute["promulgated"] if statute else None
        if announced is not None:
            dated = DATE_RE.search(announced)
            iso = to_iso(dated) if dated else None
            if iso and (best is None or not best.labeled):
                best = Found(iso[0], True, True, False)
            ctx.note_line("date", item.line)
            continue
        if _gathering(ctx, item.text):
            continue  # "… · 모임 2026년 12월 13일(토) 오후 3시, 망원동 …": the gathering's time, text
        label = item.attrs.get("date_label")
        text = item.text
        if "\t" in item.source:  # a board's fields: "작성자<TAB>…<TAB>작성일<TAB>2026.12.01<TAB>조회수"
            text = " ".join(_BOARD_FIELD.sub(" ", item.source).split())
        parsed = parse_line(ctx, f"{label} {text}" if label else text)
        if parsed is None:
            continue
        found, residue = parsed
        opened = ctx.rules.any_of("dates", "opened", whole=False).match(item.text)
        if opened and _PERIOD.search(item.text) and not ends_sentence(item.text):
            # "청원기간 2026-11-20 ~ 2026-12-20": the day a petition opened to consent is its date
            start = Found(found[0].iso, True, True, found[0].has_time)
            best = start if best is None or _rank(start) > _rank(best) else best
            ctx.to_meta(item, "date")
            continue
        shown = _ISSUE_SHOWN.search(item.text)
        issue = _ISSUE.search(residue) if residue and shown else None
        if shown and issue:  # "제1658호 (2026.12.15)" beside a weekly's date and byline
            ctx.record(shown.group(0).strip(), _ISSUE_REASON, item.line, "dates.issue")
            residue = (residue[: issue.start()] + " " + residue[issue.end() :]).strip()
        rating = _RATING.search(residue) if residue else None
        if rating is not None:  # "★★★★★ 2026-12-03 22:41" over a bookshop reader's review
            ctx.record(rating.group(0).strip(), _RATING_REASON, item.line, "dates.rating")
            residue = (residue[: rating.start()] + " " + residue[rating.end() :]).strip()
        reading = _READING.search(residue) if residue else None
        if reading is not None:  # "읽는 시간: 6분" beside a blog's date and writer
            ctx.record(reading.group(0).strip(), _READING_REASON, item.line, "dates.reading-time")
            residue = (residue[: reading.start()] + " " + residue[reading.end() :]).strip()
        labeled = any(f.labeled for f in found) or item.kind == "date"
        if not labeled and _PERIOD.search(item.text):
            continue  # "신청 기간: 2026. 12. 7.(월) 09:00 ~ 12. 11.(금)": a period the text states
        if not labeled and item.attrs.get("field"):
            field_day = field_day or found[0].iso[:10]
            continue  # "마감일: 2026.12.31 23:59": a field of the page's own list (<dl>), its text
        if not labeled and _LISTED_FIELD.match(item.text):
            continue  # "· 일시: 2027년 4월 24일(토)": the event's date, in the text's own list
        in_header = index < first_long
        if not (labeled or found[0].has_time or in_header):
            continue
        masthead = outlet_line(ctx.rules, residue) if residue and in_header else None
        if masthead is not None:  # "東亞日報 1978年 3月 5日 (日曜日) 第7面": a printed page's header
            ctx.vote_publisher(masthead.name, Evidence.SITE_LABEL)
            best = max([*found, *([best] if best else [])], key=_rank)
            ctx.to_meta(item, "date")
            continue
        voted = {name for _, name in ctx.publisher_votes}
        if in_header and residue and residue.strip() in voted and not issuer(ctx.rules, residue):
            # "가람타임스 | 승인 2026.12.07 17:20 | 댓글 0": the site named again beside its date (a paper the
            # rules do not list, named on the page's first line): no byline, no part of the title
            best = max([*found, *([best] if best else [])], key=_rank)
            ctx.to_meta(item, "date")
            continue
        prose = ends_sentence(residue) or re.search(r"[다요]\.(?:\s|$)", residue)
        if residue and (not (len(residue) <= 60 and HANGUL.search(residue)) or prose):
            continue
        for f in found:
            if best is None or _rank(f) > _rank(best):
                best = f
        if residue and CITATION.match(item.text):
            ctx.note_line("date", item.line)  # a decision's citation keeps its date: it is its title
        elif residue and _DOCUMENT_NUMBER.fullmatch(residue):  # "문서번호 운영-2026-12 · 작성 2026. 12. 4."
            ctx.note_line("date", item.line)
            ctx.drop(item, "the document's own number beside its date", "dates.document-number")
        elif in_header and (body := issuer(ctx.rules, residue)) and len(body) >= 3:
            # "2026.12.04 고용노동부" over a portal's story: the body whose release it is ("일시" is no body)
            ctx.vote_publisher(body, Evidence.ISSUER)
            ctx.note_line("date", item.line)
            ctx.drop(item, ISSUER_REASON, "release.issuer")
        elif in_header and _leads_with(items[first_long:], residue):
            # "한빛에듀테크 2026-12-03 10:00" over a distributed release: the issuer the lead names first
            wired = bool(RELEASE_WIRE.match(items[first_long].text))  # over the distributor's site name
            ctx.vote_publisher(residue.strip(), Evidence.DECISION if wired else Evidence.ISSUER)
            ctx.note_line("date", item.line)
            ctx.drop(item, ISSUER_REASON, "release.issuer")
        elif residue and _TAGGED_HEADLINE.match(item.text) and _TAGGED_HEADLINE.match(residue):
            ctx.note_line("date", item.line)  # "[오늘의 운세] 2026년 12월 8일 띠별 운세": a headline
            # under its tag names a day (tomorrow's fortune, an event's): the day is part of it
        elif residue and _EDITION.fullmatch(residue):
            ctx.note_line("date", item.line)  # "2026년 12월 7일(월) 아침 뉴스 브리핑": the day names the
            item.attrs["edition"] = "1"  # digest's edition: the title, day and all (pass title)
        elif residue and _OCCASION.fullmatch(residue):
            ctx.to_meta(item, "date")  # "… 주일 2부 예배": the service the sermon was preached at
        elif residue and _DATE_FIELD.fullmatch(residue.strip()) and FORM_FIELD.match(item.source):
            ctx.to_meta(item, "date")  # "신청일 : 2026-11-12 09:41": a form's date field, label and all
        elif residue and _COUNTERS.fullmatch(residue):
            # "2026.12.05 18:00 조회 8,214 추천 412 글자 5,632": a serial's episode line, its counters
            if (views := VIEWS.search(item.text)) and not VIEWS.search(residue):
                ctx.record(views[0], "the page's view counter beside the date", item.line, "dates.views")
            ctx.record(residue, "the page's counters beside the date", item.line, "dates.views")
            ctx.to_meta(item, "date")
        elif residue and ISSUE_VOLUME.search(residue) and len(residue) <= MAX_ISSUE_LINE:
            ctx.to_meta(item, "date")  # "2026년 12월 6일 · 대림절 둘째 주일 · 제41권 49호": the issue's line
            if index and items[index - 1].role is None:
                items[index - 1].attrs["over_issue"] = "1"  # the periodical's name over it (pass title)
        elif residue:
            if (views := VIEWS.search(item.text)) and not VIEWS.search(residue):
                ctx.record(views[0], "the page's view counter beside the date", item.line, "dates.views")
            item.text = residue
            item.attrs["date_residue"] = "1"
            ctx.note_line("date", item.line)
        else:
            ctx.to_meta(item, "date")
    best = embargo or best
    hinted = _korean_time(ctx, iso_from_hint(ctx.hints.get("date")))
    fallback = _korean_time(ctx, iso_from_hint(ctx.hints.get("date_fallback")))
    if hinted and "T" not in hinted and best is not None and best.has_time and best.iso.startswith(hinted):
        ctx.meta["date"] = best.iso  # the metadata's day ("published: 2026-12-03"), the text's time that day
    elif hinted:
        ctx.meta["date"] = hinted
    elif fallback and (best is None or (not best.has_time and fallback.startswith(best.iso))):
        ctx.meta["date"] = fallback  # a shown day the page's metadata gives the time of
    elif best is not None:
        ctx.meta["date"] = best.iso
        ctx.date_in_text = True
    elif field_day is not None:
        ctx.meta["date"] = field_day  # a posting dated only by its fields ("시작일: 2026.12.01 10:00"):
        # the day it opened; the hour is when applications open, no time of publication
    _yearless_day(ctx, items[:first_long])


_YEARLESS_DAY = re.compile(
    r"\s*(\d{1,2})\s*(?:월|[./])\s*(\d{1,2})\s*일?\.?\s*(?:\(\s*[월화수목금토일]\s*\))?\s*"
)


def _yearless_day(ctx: Context, head: list[Item]) -> None:
    """A line above the text showing only the month and day of the article's date (``12월 6일``, a
    page's short form of the date its metadata gives whole): the date line it is, no deck."""
    date = ctx.meta.get("date")
    if not isinstance(date, str) or len(date) < 10:
        return
    for item in head:
        day = _YEARLESS_DAY.fullmatch(item.text) if item.role is None and not structured(item) else None
        if (
            day
            and (int(day[1]), int(day[2])) == (int(date[5:7]), int(date[8:10]))
            and not ctx.is_dropped(item)
        ):
            ctx.to_meta(item, "date")
            return


_KST = _dt.timezone(_dt.timedelta(hours=9))


def _korean_time(ctx: Context, iso: str | None) -> str | None:
    """A Korean page's metadata time given in UTC (WordPress's ``article:published_time``
    ``2026-12-03T00:02:11+00:00``) as the Korean time its readers saw (``…T09:02:11+09:00``); not
    a time element's, which the page shows as it chose. Korean: declared so, or, with no declaration,
    read so from the text."""
    if (
        iso is None
        or not iso.endswith("+00:00")
        or (ctx.hints.get("language") or ctx.meta.get("language")) != "ko"
    ):
        return iso
    if ctx.hints.get("date_element"):
        return iso  # an issue tracker's <relative-time datetime="…Z">: the tool's time, kept as given
    return _dt.datetime.fromisoformat(iso).astimezone(_KST).isoformat(timespec="seconds")


def iso_from_hint(value: object) -> str | None:
    """ISO 8601 from a markup date (``2024-03-05T14:07:00+09:00``, ``2024.3.5`` …)."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        value = value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = _dt.datetime.fromisoformat(text)
    except ValueError:
        m = DATE_RE.search(text)
        iso = to_iso(m) if m else None
        return iso[0] if iso else None
    if len(text) <= 10:
        return parsed.date().isoformat()
    if parsed.tzinfo is None:
        return parsed.isoformat(timespec="seconds") + "+09:00"
    return parsed.isoformat(timespec="seconds")
