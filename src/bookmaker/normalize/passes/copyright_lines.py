"""Copyright lines: whether a line is one, the rights text kept in meta.rights, and the holder it
names (a publisher vote)."""

from __future__ import annotations

import re
from functools import cache

from bookmaker.normalize.context import Context
from bookmaker.normalize.mood import SSANG_SIOS, final_consonant
from bookmaker.normalize.passes.chrome_lines import bare_text
from bookmaker.normalize.text import ends_sentence

_COPYRIGHT_MARK = re.compile(r"ⓒ|©|\([cC]\)|copyright|저작권자|all rights reserved|CC\s*BY", re.IGNORECASE)


def _told_in_the_past(text: str) -> bool:
    """Whether ``text`` ends as a sentence told in the past (``… 설명했다.``, ``… 반발했다``): the
    syllable before its final 다 holds the past tense's ㅆ. A notice never speaks so."""
    core = text.rstrip(" .”’\"'")
    return len(core) >= 2 and core[-1] == "다" and final_consonant(core[-2]) == SSANG_SIOS


_CAPTION_LICENCE = re.compile(
    r"\S.*?\[[^\[\]]{0,30}(?:제공|사진|자료|촬영)[.,]?\s*재판매\s*및\s*DB\s*금지\s*\]\s*$"
)
"""A caption whose credit bracket ends in the agency's licence (``… [한빛출판 제공. 재판매 및 DB 금지]``):
the licence is the photo's, not the page's copyright."""


def is_copyright(ctx: Context, text: str) -> bool:
    """A copyright footer line (not a body sentence that mentions copying, a licence or a
    copyright holder: ``새 기준은 크리에이티브 커먼즈(CC BY) 라이선스와 호환되도록 설계됐다고 …
    설명했다.``)."""
    if len(text) > 220:
        return False
    if not ctx.rules.any_of("copyright", "patterns").search(text):
        return False
    if _told_in_the_past(text) and not re.search(r"ⓒ|©", text):
        return False
    if re.fullmatch(r"\W{0,3}(?:ⓒ|©)\s*\S.{0,14}", text) and not ctx.rules.outlet_in_text(text):
        return False  # "ⓒ 김도윤": a photo credit under a caption
    if _CAPTION_LICENCE.search(text):
        return False  # "책 표지 이미지 [한빛출판 제공. 재판매 및 DB 금지]": a photo's credit and its licence
    if _COPYRIGHT_MARK.search(text) or not ends_sentence(text):
        return True
    return bool(re.search(r"금지\W*$", text))


_OPENING_MARK = re.compile(r"^\s*(\([cC]\))")


_NOTICE_WORDS = re.compile(r"ⓒ|©|\([cC]\)|copyright|all rights reserved|무단\s*전재", re.IGNORECASE)
_BRACKET_GROUP = re.compile(r"\[([^\[\]]*)\]")
_ORDER_PHONE = re.compile(r"\s*\(\s*(?:구독|광고|제보)\s*(?:신청|문의)?\s*[:：]?\s*[\d()\-\s]{7,}\)?\s*$")
"""A subscription or ad desk's telephone closing a notice (``… 재배포 금지(구독신청:02)3701-5555)``)."""
_OUTSIDE_LINKS = re.compile(
    r"(?<=[.\s])\s*(?:[^.\s]{1,20}(?:은|는)\s*)?외부\s*(?:웹\s*)?(?:사이트|링크)의?\s*(?:내용|콘텐츠)에\s*(?:대한|대해(?:서는)?)"
    r"\s*책임을?\s*지지\s*않.*$"
    r"|(?<=[.\s])\s*(?i:the\s+)?\S{1,20}\s+(?i:is\s+not\s+responsible\s+for\s+the\s+content\s+of\s+external).*$"
)
"""A site's disclaimer of the pages it links to after its copyright (``© 2026 BBC. BBC는 외부 사이트 내용에
대한 책임을 지지 않습니다. 외부 링크에 대한 BBC의 접근 방식 읽어보기``): no part of the notice."""


def _notice_part(text: str) -> str:
    """The copyright notice in a box that also holds the site's links, each group in its brackets
    (``[ 문화닷컴 바로가기 | 페이스북 ] [Copyrightⓒ… 무단 전재 및 재배포 금지]``, ``▶… 주요 뉴스 |
    ▶… 구독하기 [ⓒ 아이뉴스24 무단전재 및 재배포 금지]``): the one bracketed group with the notice's
    words when the text outside it has none; then without an order desk's telephone after it."""
    groups = [m for m in _BRACKET_GROUP.finditer(text) if _NOTICE_WORDS.search(m.group(1))]
    if len(groups) == 1:
        m = groups[0]
        if not _NOTICE_WORDS.search(text[: m.start()] + text[m.end() :]):
            text = m.group(1)
    return _OUTSIDE_LINKS.sub("", _ORDER_PHONE.sub("", text))


def rights_text(text: str) -> str:
    """A copyright line without the brackets and bullets around it; an opening ``(C)`` stays; a
    box's links beside it and an order desk's telephone after it go (:func:`_notice_part`)."""
    text = _notice_part(text)
    mark = _OPENING_MARK.match(text)
    bare = bare_text(text[mark.end() :] if mark else text)
    if bare.count("(") > bare.count(")"):
        bare += ")"  # "… 이용할 수 있습니다. (단, … 제외)": the aside's own parenthesis stays
    return f"{mark[1]} {bare}" if mark else bare


_HOLDER = re.compile(
    r"(?:ⓒ|©|\([cC]\)|(?i:copyright)\s+by)\s*(?:(?:19|20)\d{2}(?:\s*[-~]\s*(?:19|20)\d{2})?\s*)?(?:㈜\s*)?([^\s,.<>()\[\]&|]+)"
)


_COMPANY = re.compile(r"(?<=[가-힣])(?:주식회사|사)$|^(?:주식회사|㈜)\s*")
"""A company word around an outlet's name in a copyright line (``한겨레신문사``, ``주식회사 …``)."""


@cache  # compiled on first use, as the other patterns most articles never need (~1 ms each)
def _name() -> re.Pattern[str]:
    """A token that reads like a copyright holder's name."""
    return re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9]{1,11}(?:\s[A-Z]{2,6})?")


_NAME_GOES_ON = re.compile(
    r"\s+(?:(?:of|for|and|&)(?:\s+the)?\s+[A-Z]|(?!(?:All|Corp|Inc|Co|Ltd|LLC)\b)[A-Z][a-z]"
    r"|(?!(?:ALL|CORP|INC|CO|LTD|LLC)\b)[A-Z]{2,}\b)"
)
"""An English holder's name running on past its first word (``Ministry of Culture``, ``Hangyeol
Mobility``, ``HANBIT ELECTRONICS``): the first word alone is no name."""

_NOT_HOLDERS = {"저작권자", "무단전재", "무단", "all", "All", "ALL"}


def copyright_holder(ctx: Context, text: str) -> str | None:
    """The publisher a copyright line names: the token after ⓒ when it is (or extends) a known
    outlet (``한국경제TV``) or is its company (``한겨레신문사``), else any known outlet mentioned in
    the line, else the name after ⓒ when it reads like one (``저작권자 ©일요시사``, ``© 코리아플러스``);
    portals are never holders."""
    m = _HOLDER.search(text)
    token = m.group(1).strip("'\"‘’“”") if m else ""
    if token:
        company = _COMPANY.sub("", token)  # ⓒ 한겨레신문사: the outlet's company
        for outlet in ctx.rules.outlets:
            names = {n.lower() for n in (outlet.name, *outlet.aliases)}
            if token.lower() in names or (company != token and company.lower() in names):
                return outlet.name
        for outlet in ctx.rules.outlets:  # the site's name in Latin letters: ⓒ Hankookilbo
            if token.lower() in (_site_name(d) for d in outlet.domains):
                return outlet.name
        known = ctx.rules.outlet_in_text(token)
        if known and token != known.name and len(token) <= 12 and token.startswith(known.name):
            return token
    named = ctx.rules.outlet_in_text(text)
    if named:
        return named.name
    portals = {p.lower() for p in ctx.rules.strings("portals", "names")}
    cut = m is not None and bool(_NAME_GOES_ON.match(text, m.end()))  # "(C) Ministry of Culture, …"
    run_on = _PERIODICAL_NAME.match(text, m.end()) if m is not None and token in _PERIODICALS else None
    if run_on and run_on[1] not in _NOT_NAME_WORDS:
        return f"{token} {run_on[1]}"  # ⓒ 주간 가온군민신문: "주간" is how often it comes out, no name
    if (
        token
        and not cut
        and _name().fullmatch(token)
        and token not in _NOT_HOLDERS
        and token.lower() not in portals
    ):
        second = (
            _SECOND_WORD.match(text, m.end()) if m is not None and _HANGUL_NAME.fullmatch(token) else None
        )
        return f"{token} {second[1]}" if second and second[1] not in _NOT_NAME_WORDS else token
    return None


_PERIODICALS = frozenset({"주간", "월간", "격주간", "격월간", "계간", "일간", "Weekly", "weekly"})
"""Words for how often a paper comes out, which open its name (``주간 가온군민신문``)."""
_PERIODICAL_NAME = re.compile(r"[ ]([가-힣A-Za-z][가-힣A-Za-z0-9]{1,11})(?![가-힣A-Za-z0-9])")
_HANGUL_NAME = re.compile(r"[가-힣]{2,12}")
_SECOND_WORD = re.compile(r"[ ]([가-힣]{2,8})(?=\s*[.,]|\s+(?i:all\s+rights)|\s*$)")
"""A Hangul holder's second word, closing the name (``Copyright(c) 대한민국 국회.``, ``ⓒ 가람시 교육청``)."""
_NOT_NAME_WORDS = frozenset({"무단전재", "무단", "전재", "재배포", "배포", "금지", "저작권", "판권", "소유"})


_PUBLIC_SUFFIX = re.compile(r"\.(?:co|or|go|ne|ac)\.kr$|\.(?:com|net|org|kr|tv)$")


def _site_name(domain: str) -> str:
    """A domain without its public suffix (``hankookilbo.com`` → ``hankookilbo``)."""
    return _PUBLIC_SUFFIX.sub("", domain.lower())


def copyright_holders(ctx: Context) -> set[str]:
    """The names the page's copyright lines give as holders (``Copyright © 2025 전국언론노동조합``)."""
    found = (copyright_holder(ctx, it.text) for it in ctx.items if is_copyright(ctx, it.text))
    return {name for name in found if name}
