"""Pass ``dateline``: wire datelines at the start of the lead (``(서울=연합뉴스) 이름 기자 =``,
``[서울=뉴시스]``, ``[경남데일리 = 배성우 기자]``, a place and the reporter ``[워싱턴=최유나 특파원]``,
the reporter alone ``[최유나 기자]``, ``(청양=동양일보 박호현 기자)``, ``(동양일보 지영수
기자)``, ``[한국방송/김주창기자]``, the outlet alone ``[파이낸셜뉴스]``, or names alone ``이세원 이대희
민경락 기자 =``; on an English page
``SEOUL, March 12 (Yonhap) --``) → meta.dateline,
authors, publisher vote; the paragraph keeps the text after the dateline."""

from __future__ import annotations

import re
from functools import cache

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.bylines import OUTLET_WORD, own_outlet, parse_byline
from bookmaker.normalize.passes.language import is_english
from bookmaker.normalize.passes.release import RELEASE_WIRE

_WIRE = re.compile(
    r"^\s*[(\[【]\s*(?P<loc>[^=)\]】]{1,25}?)\s*=\s*(?P<agency>[^)\]】=]{1,20}?)\s*[)\]】]\s*"
    r"(?:(?P<who>[^=]{1,60}?)\s*=\s*)?(?P<rest>.*)$"
)
_BRACKETED = re.compile(
    r"^\s*[\[(](?P<agency>[^=\])/\s]{1,20})\s*(?:[=/]\s*|\s)(?P<who>[^\])=]*?(?:기자|특파원))\s*[\])]\s*(?P<rest>.*)$"
)
_NAMES_ONLY = re.compile(
    r"^\s*(?P<who>(?:[가-힣]{2,4}[\s,·]+){0,5}[가-힣]{2,4}\s*(?:기자|특파원))\s*=\s*(?P<rest>.+)$"
)
_OUTLET_WHO = re.compile(
    r"^\s*(?P<agency>\S{2,12})\s+(?P<who>[가-힣]{2,4}\s*(?:기자|특파원))\s*=\s*(?P<rest>.+)$"
)
_ENGLISH_WIRE = re.compile(
    r"^\s*(?P<loc>[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)\s*"
    r"\((?P<agency>[A-Z][A-Za-z .&-]{1,30})\)\s*(?:--|—|–|-)\s*(?P<rest>\S.*)$"
)
"""An English wire dateline: ``SEOUL, March 12 (Yonhap) --``, ``WASHINGTON (AP) —``."""
_REPORTERS = re.compile(r"(?:[가-힣]{2,4}[\s,·]+){0,3}[가-힣]{2,4}\s*(?:기자|특파원)")
"""One to four reporters sharing a role (``최유나 기자``, ``최유나·김도윤 기자``)."""
_OUTLET_ALONE = re.compile(
    r"^\s*[\[【]\s*(?P<agency>[^\[\]【】=/\s]{2,12})\s*[\]】]\s*"
    rf"(?:(?P<who>{_REPORTERS.pattern})\s*=\s*)?(?P<rest>\S.*)$"
)
"""The outlet's name alone in brackets before the lead (``[파이낸셜뉴스] 11일 코스닥지수가 …``), or
before the reporter and ``=`` as ND소프트 sites print it (``[환경일보] 정태윤 기자 = 농지에 …``): a
dateline taken only when the name is the outlet's (known, or the page's site)."""
_REPORTER_ALONE = re.compile(rf"^\s*[\[【(]\s*(?P<who>{_REPORTERS.pattern})\s*[\]】)]\s*(?P<rest>\S.*)$")
"""The reporter alone in brackets before the lead (``[최유나 기자] 서울시는 …``)."""
LEAD_WINDOW = 3


_NOT_PLACES = ("사진", "자료", "출처", "그래픽", "영상", "제공", "일러스트")


@cache  # compiled on first use, as the other patterns most articles never need (~1 ms each)
def _agency_who() -> re.Pattern[str]:
    """An agency and its reporters in one credit (``청양=동양일보 박호현 기자``'s second part)."""
    return re.compile(r"^(?P<agency>\S+)\s+(?P<who>(?:[가-힣]{2,4}\s*){1,4}(?:기자|특파원))$")


@cache
def _place_first() -> re.Pattern[str]:
    """A dateline's credit with the place first: ``(엑스포츠뉴스 상암, 김예나 기자)``, ``[OSEN=잠실,
    이후광 기자]`` — one word, a comma, then one reporter (several reporters share a role with ``·``)."""
    return re.compile(r"^(?P<place>[가-힣A-Za-z]{1,10}),\s*(?P<who>[가-힣]{2,4}\s*(?:기자|특파원))$")


def _outlet_place(ctx: Context, m: re.Match[str], who: str, agency: str) -> tuple[str, str] | None:
    """``[스포츠한국 울산=정태오 기자]``: the outlet and the place before ``=``, the reporter after it —
    ``(outlet, reporter)`` when the first word names an outlet (known, or the page's own site)."""
    parts = (m.groupdict().get("loc") or "").split()
    if who or len(parts) != 2 or not re.fullmatch(r"(?:[가-힣]{2,4}\s*){1,3}(?:기자|특파원)", agency):
        return None
    site = str(ctx.hints.get("site_name") or "")
    if ctx.rules.outlet_in_text(parts[0]) is None and parts[0] != site:
        return None
    return parts[0], agency


def _reporters_only(ctx: Context, credit: str) -> bool:
    """``credit`` names reporters and no outlet (``최유나 특파원``, not ``동양일보 박호현 기자``)."""
    first = next(iter(credit.split()), "")
    return (
        _REPORTERS.fullmatch(credit) is not None
        and not OUTLET_WORD.match(first)
        and ctx.rules.outlet_in_text(first) is None
    )


def _apply(ctx: Context, item: Item, m: re.Match[str]) -> bool:
    agency = (m.groupdict().get("agency") or "").strip()
    if (m.groupdict().get("loc") or "").strip() in _NOT_PLACES or agency in _NOT_PLACES:
        return False  # [사진=연합뉴스], [사진=최유나 기자]: a photo's credit
    who = (m.groupdict().get("who") or "").strip()
    placed = _place_first().match(who or agency)
    if placed and m.groupdict().get("loc"):  # [OSEN=잠실, 이후광 기자]: the outlet stands first
        agency, who = m["loc"].strip(), placed["who"]
    elif placed and who:
        who = placed["who"]
    outlet_place = _outlet_place(ctx, m, who, agency)
    if outlet_place is not None:  # [스포츠한국 울산=정태오 기자]
        agency, who = outlet_place
    elif not who and len((m.groupdict().get("loc") or "").split()) == 1 and _reporters_only(ctx, agency):
        agency, who = "", agency  # [워싱턴=최유나 특파원]: the place and the reporter, no outlet
    elif re.search(r"(?:기자|특파원)\s*$", agency):
        split = _agency_who().match(agency)  # (청양=동양일보 박호현 기자)
        if split is None or who:
            return False
        agency, who = split["agency"], split["who"]
    authors = parse_byline(ctx.rules, who) if who else []
    if who and authors is None:
        return False
    rest = m["rest"].strip()
    prefix = item.text[: len(item.text) - len(rest)].strip() if rest else item.text.strip()
    ctx.meta.setdefault("dateline", prefix)
    ctx.note_line("dateline", item.line)
    for a in authors or []:
        ctx.add_author(a, item.line)
        ctx.note_line("authors", item.line)
    if agency:
        outlet = ctx.rules.outlet_in_text(agency)
        tag = f"{m.groupdict().get('loc') or ''} {agency}"
        if outlet or not re.search(r"칼럼|기고|논설|객원|필자|[가-힣]의\s", tag):  # not a columnist's own tag
            ctx.vote_publisher(outlet.name if outlet else agency, Evidence.DATELINE)
    if rest:
        item.text = rest
    else:
        ctx.to_meta(item, "dateline")
    return True


def run(ctx: Context) -> None:
    """Find a dateline in the first body lines, else take the closing byline's (:func:`sign_off`)."""
    _lead(ctx)
    sign_off(ctx)


def sign_off(ctx: Context) -> None:
    """The wire dateline a closing byline was signed off with (``(서울=연합뉴스) 김재홍 기자 …``, kept
    by the ``bylines`` pass): the article's dateline when it has none (the page prints it before the
    lead, as the agencies do now), else recorded as removed — the lead's says it already."""
    found = ctx.meta.pop("sign_off_dateline", None)
    if found is None:
        return
    text, line = found
    if "dateline" not in ctx.meta:
        ctx.meta["dateline"] = text
        ctx.note_line("dateline", line)
        return
    reason = "the wire dateline again, in the closing byline"
    ctx.record(text, reason, line, "dateline.sign-off")


def _lead(ctx: Context) -> None:
    candidates = [it for it in ctx.items if it.role is None and not structured(it)][:LEAD_WINDOW]
    for item in candidates:
        m = _ENGLISH_WIRE.match(item.text) if is_english(ctx) else None
        if m and _apply(ctx, item, m):
            return
        m = _WIRE.match(item.text)
        if m and _apply(ctx, item, m):
            return
        m = _BRACKETED.match(item.text)
        if m and _apply(ctx, item, m):
            return
        m = RELEASE_WIRE.match(item.text)
        if m and _apply(ctx, item, m):
            return
        m = _OUTLET_ALONE.match(item.text)
        if m and own_outlet(ctx, m["agency"]) and _apply(ctx, item, m):
            return
        m = _OUTLET_WHO.match(item.text)
        if m and ctx.rules.outlet_in_text(m["agency"]) and _apply(ctx, item, m):
            return
        m = _REPORTER_ALONE.match(item.text) or _NAMES_ONLY.match(item.text)
        if m and _apply(ctx, item, m):
            return
