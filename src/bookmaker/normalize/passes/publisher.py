"""Pass ``publisher``: pick meta.publisher from the votes (see :class:`~bookmaker.normalize.context.
Evidence` for their weights): explicit front matter, copyright lines, the page's site meta and
address, the provider line, byline e-mail domains, a site label (or the holder an unknown site's
copyright footer names), wire datelines, the institution a page's system header names, photo credits.

A site name from the page's meta counts fully only when it names a known outlet; an unknown one
counts as a site label, and only when it reads like a name — not a slogan (``종합일간지 : 신문/웹/
모바일``) and not a portal (``다음뉴스``, ``네이버 스포츠``). An English page names an outlet by its
English edition (``연합뉴스`` → ``Yonhap News Agency``)."""

from __future__ import annotations

import datetime as _dt
import heapq
import re
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from bookmaker.ir import Table, plain
from bookmaker.korean.romanize import spells
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence
from bookmaker.normalize.lexicon import is_section_label
from bookmaker.normalize.passes.copyright_lines import copyright_holder, rights_text
from bookmaker.normalize.passes.language import is_english


@cache  # compiled on first use, as the other patterns most articles never need (~1 ms each)
def _name_like() -> re.Pattern[str]:
    return re.compile(r"[가-힣A-Za-z0-9&._]+(?: [가-힣A-Za-z0-9&._]+){0,2}")


_FILER = re.compile(r"^\s*(?:회\s*사\s*명|법\s*인\s*명|제\s*출\s*인)\s*[:：]\s*(?P<name>\S.{1,30}?)\s*$")
"""A filing's cover line naming the company (``회 사 명 :  주식회사 한빛바이오텍``, spaced out as the
disclosure forms set it)."""


_NEWSROOM = re.compile(
    r"(?<=\S)\s*(?:뉴스룸|고객\s*지원|고객\s*센터|서비스\s*센터|(?i:newsroom))\s*$"
    r"|\s+(?i:help\s*cent(?:er|re)|support)\s*$"
    r"|(?<=\S)\s+뉴스\s*$"
)
"""A company's own newsroom or help centre: its site name is the company's with this word after it
(``한결모빌리티 뉴스룸``, ``누리전자 고객지원``); so is a broadcaster's news site (``한빛방송 뉴스``)."""


def _without_sections(ctx: Context, site: str) -> str:
    """A site name without the section words after it (a feed's channel ``가람일보 전체기사``,
    ``가람일보 경제 RSS``): the site's own name."""
    words = site.split()
    while len(words) > 1 and (words[-1].upper() == "RSS" or is_section_label(ctx.rules, words[-1])):
        words.pop()
    return " ".join(words) if len(words) < len(site.split()) else site


_ANSWERED_BY = re.compile(r"^\s*(?:처리|답변)\s*기관\s*[:：]\s*(?P<body>[가-힣][가-힣 ]{1,28}[가-힣])\s*$")
"""A 민원 answer's field naming the public body that answered it."""


_CITED_ENTRY = re.compile(
    r"^\s*\[\s*(?:네이버|다음|NAVER|Daum)\s*(?:지식백과|백과사전|백과)\s*\]\s*\S.*\((?P<work>[^()]{2,60})\)\s*$"
)
"""An encyclopedia portal's citation line under an entry: ``[네이버 지식백과] 금속활자 [金屬活字] (두산백과
두피디아, 두산백과)`` — the work the entry is from, last in the parentheses, publishes it."""


def _cited_entry(ctx: Context) -> None:
    for item in [it for it in ctx.items if it.role in (None, "paragraph") and not structured(it)]:
        m = _CITED_ENTRY.match(item.text)
        if m:
            work = m["work"].split(",")[-1].strip()
            ctx.vote_publisher(work, Evidence.PROVIDER)
            ctx.drop(
                item,
                "an encyclopedia portal's citation of the entry (its work is the publisher)",
                "publisher.cited-entry",
            )


_MAKER_LABEL = re.compile(r"^\s*(?:업체명|제조사|제조업체|제조업자|제조자|제조원)\s*$")
MAX_MAKER = 30


def _maker(table: Table) -> str | None:
    """The maker a product's field table names (``업체명 | 가람제약(주)``: a drug leaflet's, a spec
    sheet's), the company that issues the sheet."""
    for row in [*table.head, *table.body]:
        cells = [plain(cell.content).strip() for cell in row.cells]
        for label, value in zip(cells[::2], cells[1::2], strict=False):
            if _MAKER_LABEL.match(label) and 0 < len(value) <= MAX_MAKER:
                return value
    return None


def run(ctx: Context) -> None:
    """Choose the best-supported publisher."""
    _cited_entry(ctx)
    explicit = ctx.hints.get("publisher")
    if isinstance(explicit, str) and explicit.strip():
        ctx.vote_publisher(explicit.strip(), Evidence.FRONT_MATTER)
    portals = {p.lower() for p in ctx.rules.strings("portals", "names")}
    site = ctx.hints.get("site_name")
    if isinstance(site, str):
        site = _NEWSROOM.sub("", site)  # "한결모빌리티 뉴스룸", "누리전자 고객지원": the company's own
        site = _without_sections(ctx, site)
    if isinstance(site, str) and site.strip() and site.strip().lower() not in portals:
        outlet = ctx.rules.outlet_in_text(site)
        if outlet:
            ctx.vote_publisher(_affiliate(ctx, site, outlet.name), Evidence.SITE_META)
        elif len(site.strip()) <= 15 and _name_like().fullmatch(site.strip()):
            ctx.vote_publisher(site.strip(), Evidence.SITE_LABEL)
    for item in ctx.items:  # "처리기관 : 경기도 가람시": the body that answered a 민원 issued the page
        if m := _ANSWERED_BY.match(item.text):
            ctx.vote_publisher(m["body"].strip(), Evidence.DECISION)
            break
    tables = [item.block for item in ctx.items if isinstance(item.block, Table)]
    maker = next((name for table in tables if (name := _maker(table))), None)
    if maker:
        ctx.vote_publisher(maker, Evidence.ISSUER)  # "업체명 | 가람제약(주)": a product sheet's maker
    url = ctx.hints.get("url")
    if isinstance(url, str) and "//" in url:
        host = url.split("//", 1)[1].split("/", 1)[0]
        outlet = ctx.rules.outlet_by_domain(host)
        if outlet:
            ctx.vote_publisher(outlet.name, Evidence.PAGE_DOMAIN)
    rights = ctx.hints.get("rights")
    if isinstance(rights, str) and rights.strip() and _platform_notice(ctx, rights, portals):
        _record_platform_notice(ctx, rights.strip())
    elif isinstance(rights, str) and rights.strip() and not ctx.meta.get("rights"):
        ctx.meta["rights"] = rights_text(rights.strip())  # "<저작권자 © …>": no brackets around it
        outlet = ctx.rules.outlet_in_text(rights)
        holder = copyright_holder(ctx, rights)
        if outlet:
            ctx.vote_publisher(_affiliate(ctx, rights, outlet.name), Evidence.PAGE_DOMAIN)
        elif holder:  # a ministry's, an institute's footer: "Copyright © 기후에너지부"
            ctx.vote_publisher(holder, Evidence.SITE_LABEL)
    _hangul_holder(ctx)
    _system_owner(ctx)
    for item in ctx.items:
        filer = _FILER.match(item.text) if not structured(item) else None
        if filer:  # a filing's cover: the company that files it, over the disclosure system showing it
            ctx.vote_publisher(filer["name"], Evidence.DECISION)
            break
    best: tuple[int, str] | None = None
    for weight, name in ctx.publisher_votes:
        if name.strip().lower() in portals:
            continue
        if best is None or weight > best[0]:
            best = (weight, name)
    if best:
        ctx.meta["publisher"] = ctx.rules.english_name(best[1]) if is_english(ctx) else best[1]
        _local_time(ctx, best[1])
        people = [a for a in ctx.authors if a.name != best[1]]
        if people and len(people) < len(ctx.authors):  # a web clipper's author: the site itself
            ctx.authors[:] = people


def _local_time(ctx: Context, publisher: str) -> None:
    """A time read from the text of an outlet that dates its pages in another zone (a Korean-American
    daily in Los Angeles): the same wall time, in that zone (its offset that day, summer time too)."""
    date = ctx.meta.get("date")
    if not (ctx.date_in_text and isinstance(date, str) and date.endswith("+09:00")):
        return
    zone = next((o.timezone for o in ctx.rules.outlets if o.name == publisher and o.timezone), None)
    try:
        tz = ZoneInfo(zone) if zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return
    if tz is not None:
        wall = _dt.datetime.fromisoformat(date).replace(tzinfo=None)
        ctx.meta["date"] = wall.replace(tzinfo=tz).isoformat(timespec="seconds")


_LATIN_HOLDER = re.compile(
    r"(?:ⓒ|©|\([cC]\))\s*(?:(?:19|20)\d{2}\s*)?(?P<name>[A-Za-z][A-Za-z ]{2,30}?)"
    r"\s*(?:[.,]|\b(?i:all\s+rights)|$)"
)
"""A copyright line naming its holder in Latin letters (``ⓒ MARKET NOEUL. ALL RIGHTS RESERVED.``)."""
_SITE_NAME = re.compile(r"[가-힣]{2,10}")
HEAD_LINES = 5
"""A site's name in Hangul is one of the page's first lines (above its menus)."""


def _hangul_holder(ctx: Context) -> None:
    """A Korean site's English copyright line (``ⓒ MARKET NOEUL``) spells the name it gives itself
    in Hangul at the top of the page (``마켓노을``): that line names the holder, as the copyright
    does, and in the page's own script."""
    rights = ctx.meta.get("rights")
    holder = _LATIN_HOLDER.search(rights) if isinstance(rights, str) else None
    if holder is None or is_english(ctx):
        return
    for line in sorted(ctx.source_text)[:HEAD_LINES]:
        text = ctx.source_text[line].strip()
        if _SITE_NAME.fullmatch(text) and spells(holder["name"], text):
            ctx.vote_publisher(text, Evidence.COPYRIGHT)
            return


_SYSTEM_OWNER = re.compile(
    r"^\s*(?P<body>[가-힣]{2,12}(?:대학교|대학원|대학|학교|병원|도서관|공단|공사|연구원|재단|교육청))"
    r"\s+[가-힣A-Za-z]{0,12}(?:시스템|포털|누리집|홈페이지|정보망|서비스)\s*$"
)
"""A site header naming the body whose system shows the page (``가람대학교 종합정보시스템``, ``가람대학교
학사정보시스템``, ``한빛병원 홈페이지``)."""


def _system_owner(ctx: Context) -> None:
    """An institution named in the page's removed header as the owner of its system (a syllabus
    under ``가람대학교 종합정보시스템``) issued the page: a vote of an issuer's weight, counted when
    nothing better names a publisher."""
    gone = {r.line for r in ctx.removed}
    for line in heapq.nsmallest(HEAD_LINES, ctx.source_text):
        m = _SYSTEM_OWNER.match(ctx.source_text[line]) if line in gone else None
        if m:
            ctx.vote_publisher(m["body"], Evidence.ISSUER)
            return


def _affiliate(ctx: Context, text: str, name: str) -> str:
    """A network's regional station as ``text`` names it (``대전MBC``, ``KBS 창원``, ``부산 MBC``): the
    place joined to the network's name is the station's, not the network's; else ``name``."""
    places = "|".join(re.escape(p) for p in ctx.rules.strings("places", "names") if not p.isascii())
    m = re.search(
        rf"(?<![가-힣])(?:(?:{places})\s?{re.escape(name)}|{re.escape(name)}\s?(?:{places}))(?![가-힣A-Za-z])",
        text,
    )
    return m.group(0) if m else name


def _platform_notice(ctx: Context, rights: str, portals: set[str]) -> bool:
    """True for a page footer's copyright notice that names only a portal or the platform hosting
    the page (``© Kakao Corp.`` under a Tistory blog, ``ⓒ NAVER Corp.``): not the article's rights."""
    if ctx.rules.outlet_in_text(rights) or copyright_holder(ctx, rights):
        return False
    words = {w.lower() for w in re.findall(r"[가-힣A-Za-z]+(?:\s+Corp)?", rights)}
    return bool(words & portals)


def _record_platform_notice(ctx: Context, rights: str) -> None:
    """The reader's record of ``rights`` says what became of it: removed, not moved to meta.rights."""
    for index, removal in enumerate(ctx.removed):
        if removal.rule == "html.rights" and removal.text.strip() == rights:
            ctx.removed[index] = msgspec.structs.replace(
                removal,
                reason="a portal's or hosting platform's copyright notice (not the article's rights)",
                rule="html.platform-rights",
            )
