"""Pass ``boilerplate``: copyright footers (→ meta.rights), promos, tip lines, notices,
portal/site chrome (patterns, interface vocabulary, section labels, an outlet's name alone — which
votes for the publisher, as does a boxed house ad in which the outlet speaks of itself, and the
name a copyright line gives as holder alone above the text), menus and lists of other articles,
a bulletin board's attachment, post links and address footer. Every removal is recorded.

A list of other articles is recognised by its header (``많이 본 뉴스``, ``[아시아경제 핫 클릭]``) only
once the article's prose has begun: above it such a header is one more line of chrome, and the
headline-like lines after it are the article's own title and deck."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain, islice

from bookmaker.ir import Link, ListBlock, Table, Text, inlines_of
from bookmaker.normalize.blocks import (
    LOGO,
    is_logo,
    keep_as_printed,
    refers_to_note,
    structured,
    unclaimed,
    verse_line,
)
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.lexicon import is_interface, is_section_label, outlet_line
from bookmaker.normalize.mood import SSANG_SIOS, final_consonant
from bookmaker.normalize.passes.judgment import SECTION
from bookmaker.normalize.passes.pages import is_page_number
from bookmaker.normalize.passes.release import issuer
from bookmaker.normalize.text import EDITOR_NOTE_OPEN, EDITOR_NOTE_WORD, ends_sentence, is_prose, key

_COPYRIGHT_MARK = re.compile(r"ⓒ|©|\([cC]\)|copyright|저작권자|all rights reserved|CC\s*BY", re.IGNORECASE)
_ADDRESS_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
"""A line that is only a web address: above a text's prose, the link a share or a link card carries."""
SHARED_LINK_TOP = 8
"""Lines from the text's top a shared link's address may stand at (under the title, the outlet, a card)."""
_EDGE = re.compile(r"^[\s|<>\[\]〈〉()*•▪◦※]+|[\s|<>\[\]〈〉()*•▪◦]+$")


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
    bare = _EDGE.sub("", text[mark.end() :] if mark else text)
    if bare.count("(") > bare.count(")"):
        bare += ")"  # "… 이용할 수 있습니다. (단, … 제외)": the aside's own parenthesis stays
    return f"{mark[1]} {bare}" if mark else bare


_MARKER = re.compile(r"^\s*[※*▶▷☞■□◆◇●○\[<(【]")


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


def _contact_table(ctx: Context, table: Table) -> bool:
    """A press release's 담당 부서 box set as a table: its first row, read as a line, is a release
    contact line (``담당 부서 … 책임자 과장 김○○ (044-201-5510)``)."""
    rows = [*table.head, *table.body]
    first = " ".join(" ".join(cell.text for cell in rows[0].cells).split()) if rows else ""
    return bool(first) and _family(ctx, first) == "release"


def _vote_office(ctx: Context, table: Table) -> None:
    """The issuing body the contact box names in its first row (``문화체육관광부 도서관정책기획단``)
    votes for the publisher, as a release's header would."""
    rows = [*table.head, *table.body]
    for cell in rows[0].cells if rows else []:
        body = issuer(ctx.rules, " ".join(cell.text.split()))
        if body:
            ctx.vote_publisher(body, Evidence.ISSUER)
            return


_CONTACT_OFFICE = re.compile(r"\s*담당\s*부서\s*[:：]?\s*(?P<office>\S+(?:\s+\S+)?)")
"""A release's contact line as text (``담당 부서 행정안전부 기후재난대응과 책임자 …``): its office."""


def _vote_contact_office(ctx: Context, text: str) -> None:
    """The issuing body a release's contact line names first votes for the publisher, as the same
    box set as a table does (a co-office's ``<공동>`` row after it does not)."""
    match = _CONTACT_OFFICE.match(text)
    body = issuer(ctx.rules, match["office"]) if match else None
    if body:
        ctx.vote_publisher(body, Evidence.CONTACT)


_POSTAL_FOOTER = re.compile(
    r"^\s*[(（]\d{5}[)）]\s.{4,120}?\s(?P<owner>[^\s|ㅣ]{2,20})\s+(?:대표\s*전화|전화|TEL|Tel|☎)"
)
"""A site's address footer, its postal code first, whose address ends with the name of whoever is
there before its phone (``(30128) 세종특별자치시 도움6로 42 정부세종청사 행정안전부  대표전화 …``)."""


def _vote_address_owner(ctx: Context, text: str) -> None:
    """A public body closing a site's address footer before its phone votes for the publisher, at
    a contact line's weight (when nothing else names one)."""
    match = _POSTAL_FOOTER.match(text)
    body = issuer(ctx.rules, match["owner"]) if match else None
    if body:
        ctx.vote_publisher(body, Evidence.CONTACT)


_MASTHEAD_OWNER = re.compile(r"^\s*(?P<owner>[가-힣A-Za-z][가-힣A-Za-z ]{1,20}?)\s*\|.*(?:☎|TEL|Tel|전화)")
"""An organization's footer opening with its name before the bars, a phone after it (``새빛동산교회 |
서울특별시 … | ☎ 02-745-3300``)."""


def _vote_masthead_owner(ctx: Context, text: str) -> None:
    """The organization naming itself first in its footer votes for the publisher, at a contact
    line's weight (when nothing else names one)."""
    match = _MASTHEAD_OWNER.match(text)
    if match:
        ctx.vote_publisher(match["owner"].strip(), Evidence.CONTACT)


def _family(ctx: Context, text: str) -> str | None:
    for family in ("promo", "tipline", "policy", "release", "board", "newsletter", "contribute", "masthead"):
        limit = {"promo": 100, "board": 240, "contribute": 300}.get(family, 160)
        if family == "promo" and (is_speech_turn(ctx, text) or is_digest_item(ctx, text)):
            continue
        if len(text) <= limit and ctx.rules.any_of("boilerplate", family).search(text):
            return family
    loose = ctx.rules.any_of("boilerplate", "tipline_loose")
    plain_sentence = ends_sentence(text) and not _MARKER.match(text)
    if len(text) <= 160 and not plain_sentence and loose.search(text):
        return "tipline"
    return None


_BOX_LABEL = re.compile(r"〈[^〈〉]{1,10}〉")
"""A document's label of a box or a table in ideographic angle brackets (a test's ``〈보기〉``, ``〈표 1〉``):
no button, though its word may be one (``보기``)."""


def is_chrome(ctx: Context, text: str, vocabulary: bool = True) -> bool:
    """A whole line of portal or site interface text (a pattern, a menu, or — with ``vocabulary``
    — interface words, a section label or breadcrumb; a list item "사진" or "서울" is content)."""
    bare = _EDGE.sub("", text)
    if len(bare) > 80 or _BOX_LABEL.fullmatch(text.strip()):
        return False
    chrome = ctx.rules.any_of("boilerplate", "chrome", whole=True)
    return (
        chrome.match(text)
        or chrome.match(bare)
        or is_speaker_label(ctx, text)
        or is_menu(ctx, text)
        or (vocabulary and (is_interface(ctx.rules, text) or is_section_label(ctx.rules, text)))
    )


def is_speech_turn(ctx: Context, text: str) -> bool:
    """A 좌담's speech turn, arrowed like a promo but the talk itself (``▶정유진=혼인 건수가 …
    이르다.``): the speaker's name, ``=``, then a sentence."""
    return any(p.match(text) for p in ctx.rules.patterns("boilerplate", "speech_turn"))


_DIGEST_ITEM = re.compile(r"^\s*[▶▷►]\s*(?P<name>[^\s=][^=]{0,11}?)\s*=\s*\S")


def is_digest_item(ctx: Context, text: str) -> bool:
    """A press digest's item head, arrowed like a promo but the digest itself (``▶조선일보 = 예산안
    처리 또 무산…``): a known outlet's name, ``=``, then what it ran."""
    head = _DIGEST_ITEM.match(text)
    if not head:
        return False
    outlet = ctx.rules.outlet_in_text(head["name"])
    return outlet is not None and head["name"] in (outlet.name, *outlet.aliases)


def is_speaker_label(ctx: Context, text: str) -> bool:
    """A broadcast transcript's speaker label alone on its line (``[앵커]``, ``<기자>``,
    ``【 앵커멘트 】``)."""
    pats = ctx.rules.patterns("boilerplate", "speaker", whole=True)
    return any(p.match(text.strip()) for p in pats)


def is_date_label(ctx: Context, text: str) -> bool:
    """A date label alone (``입력``, ``업데이트``): the ``dates`` pass pairs it with the next line."""
    bare = _EDGE.sub("", text).rstrip(":： ")
    labels = ctx.rules.word_set(("dates", "published"), ("dates", "modified"), ("dates", "issued"))
    return bare in labels


_LISTING_FIELD = re.compile(
    r"^\s*[가-힣A-Za-z]{1,6}\s*[:：]\s*[가-힣A-Za-z]{1,8}(?:\s*·\s*[가-힣A-Za-z]{1,8})+\s*$"
)
"""A field whose value lists names between middle dots (a forecast's ``나쁨: 서울·인천·경기``): no menu."""


def is_menu(ctx: Context, text: str) -> bool:
    """A navigation line: several short items between separators (``홈 > 사회 > 사건``), or two
    after a breadcrumb's ``>``."""
    seps = "".join(re.escape(s) for s in ctx.rules.strings("boilerplate", "menu_separators"))
    parts = [p.strip() for p in re.split(f"[{seps}]", text)]
    parts = [p for p in parts if p]
    least = 2 if re.fullmatch(r"[^>]{1,10}(?:\s*>\s*[^>]{1,10})+", text) else 3
    if ends_sentence(text) or _SLASHED_DATE.search(text) or _LISTING_FIELD.match(text):
        return False
    if any(p.search(text) for p in ctx.rules.patterns("boilerplate", "particulars")):
        return False  # "지은이 남궁혜린 | 펴낸 곳 솔가지 | 288쪽": a book's particulars
    sizes = [len(_FORMAT.sub("", p)) for p in parts]  # "첨부문서(PDF)": a link and its file's format
    long = [p for p, size in zip(parts, sizes, strict=True) if size > MENU_ITEM]
    # one link named by a compound of up to 12 letters among short ones ("이메일무단수집거부")
    short = not long or (len(long) == 1 and len(parts) >= 3 and _COMPOUND_LINK.fullmatch(long[0]) is not None)
    return (len(parts) >= least and short) or _BREADCRUMB.fullmatch(text) is not None


_TAG_HEADER = re.compile(r"(?:관련\s*)?(?:태그|Tags?|TAGS?)")
_TAG = re.compile(r"#?[가-힣A-Za-z0-9·&]{1,15}(?:\s[가-힣A-Za-z0-9·&]{1,10})?")
"""A tag alone on its line in a tag box (``청년창업``, ``#서울시``, ``AI 반도체``)."""
MENU_ITEM = 8
_COMPOUND_LINK = re.compile(r"[가-힣]{9,12}")


_SLASHED_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*/\s*\d{1,2}\s*/\s*\d{1,2}(?!\d)")
"""A date written with slashes (``2026/12/07 10:00``): its parts are no menu's items."""
_FORMAT = re.compile(r"\s*[(\[](?:PDF|HWP|HWPX|DOCX?|XLSX?|ZIP|JPE?G|PNG|MP4)[)\]]\s*$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"[^>|.。!?]{1,12}(?:\s>\s[^>|.。!?]{1,12}){2,}")
"""A site's breadcrumb of three or more places, spaced ``>`` between them, each short but maybe
several words (``의약품등 정보 > 의약품 제품 정보 > 상세정보``)."""


def spaced_menu(ctx: Context, source: str) -> bool:
    """A site's menu bar copied as text (the line as the source has it): three or more short items
    without digits, brackets or colons set apart by runs of spaces or by tabs (``교회소개  예배안내
    말씀과 찬양``, a portal's tabbed ``채용정보<TAB>기업정보<TAB>…``; a form's blanks ``(   )학년 (   )반``
    and a bench of judges ``노민재(재판장)   김선영`` are none)."""
    seps = "".join(re.escape(s) for s in ctx.rules.strings("boilerplate", "menu_separators"))
    spaced = [p.strip() for p in re.split(f"[{seps}]|\\s{{2,}}|\t|\u3000+", source.strip()) if p.strip()]
    return (
        len(spaced) >= 3
        and re.search(r"\S(?:\s{2,}|\t|\u3000)\S", source) is not None
        and all(len(p) <= 10 and not re.search(r"[\d():：]", p) for p in spaced)
        and not ends_sentence(source)
    )


def _is_list_header(ctx: Context, text: str) -> bool:
    bare = _EDGE.sub("", text)
    return ctx.rules.any_of("boilerplate", "list_headers", whole=True).match(bare)


_PROVIDER = re.compile(
    r"^\s*[\[【(]?\s*(?:기사|자료)\s*제공\s*[:：]?\s*[(（]?\s*"
    r"(?P<name>[가-힣A-Za-z0-9 ]{2,20}?)\s*[)）]?\s*[\]】)]?\s*$"
)
"""A provider's credit: ``기사제공 스포티비뉴스``; a policy portal's ``[자료제공 :(고용노동부)]``, the
ministry whose release the portal's story is."""


_BOX = re.compile(r"^\s*[【\[]\s*(?P<inside>[^【】\[\]]{20,400}?)\s*[】\]]\s*$")
_TO_READER = re.compile(r"당신|여러분|독자|들려\s*주세요|참여하|후원|구독|가입하")


def _house_promo(ctx: Context, text: str) -> str | None:
    """The outlet named by a boxed house ad — a whole line in brackets where the outlet speaks of
    itself to the reader (【오마이뉴스의 모토는 … 당신의 이야기를 들려주세요.】) — or None."""
    box = _BOX.match(text)
    if box is None or not _TO_READER.search(box["inside"]):
        return None
    outlet = ctx.rules.outlet_in_text(box["inside"])
    names = (outlet.name, *outlet.aliases) if outlet else ()
    starts = any(
        re.match(rf"[<《〈]?{re.escape(n)}\s*(?:의|은|는|이|가|와|과|에서|>)", box["inside"]) for n in names
    )
    return outlet.name if outlet and starts else None


def _link_only(item: Item) -> bool:
    """The whole line is one hyperlink (a related headline, a promo), as the markup says."""
    runs = [r for r in item.content or [] if not (isinstance(r, Text) and not r.value.strip())]
    return len(runs) == 1 and isinstance(runs[0], Link)


def is_reference_heading(ctx: Context, text: str) -> bool:
    """A heading of the document's own sources or outside links (``외부 링크``, ``참고 문헌``)."""
    bare = _EDGE.sub("", text)
    return any(p.match(bare) for p in ctx.rules.patterns("boilerplate", "reference_sections", whole=True))


def _vote_self_notice(ctx: Context, text: str) -> None:
    """A site notice in which the site names itself (``나무위키는 백과사전이 아니며 …``) votes for it."""
    for pattern in ctx.rules.patterns("boilerplate", "self_notices"):
        m = pattern.search(text)
        if m:
            outlet = ctx.rules.outlet_in_text(m["name"])
            ctx.vote_publisher(outlet.name if outlet else m["name"], Evidence.SITE_LABEL)
            return


def _box_header(ctx: Context, text: str, key: str) -> bool:
    bare = _EDGE.sub("", text)
    return len(bare) <= 30 and ctx.rules.any_of("boilerplate", key, whole=True).match(bare)


_FILE_ENTRY = re.compile(
    r"\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png)\s*(?:\(\s*[\d.,]+\s*[KMG]?B\s*\))?\s*$"
    r"|\(\s*(?:JPE?G|PNG|PDF|HWPX?|ZIP|DOCX?|XLSX?|PPTX?|MP4|GIF)\s*,\s*[\d.,]+\s*[KMG]B\s*\)\s*$",
    re.IGNORECASE,
)
"""An attached file's entry: its name with an extension (and size), or a label with its type and size
(``[사진] 충전소 전경 (JPG, 4.2MB)``)."""


def _live_after(ctx: Context, snapshot: list[Item], at: int) -> Iterator[Item]:
    """The items after ``snapshot[at]`` not dropped yet, in order (each step constant work)."""
    return (snapshot[i] for i in range(at + 1, len(snapshot)) if not ctx.is_dropped(snapshot[i]))


_FILE_BUTTON = re.compile(r"(?:바로\s*보기|미리\s*보기|다운로드|내려\s*받기)")
MAX_FILE_LINES = 30


def _file_lines_in(items: Iterable[Item]) -> list[Item]:
    """The plain lines at the start of ``items`` that name an attached file or are its buttons (a text
    scrape's ``… 해명.hwpx`` / ``바로보기`` / ``다운로드``), up to the first other line."""
    out: list[Item] = []
    for item in islice(items, MAX_FILE_LINES):
        text = item.text.strip()
        if item.kind is not None or structured(item):
            break
        if not (_FILE_ENTRY.search(text) or _FILE_BUTTON.fullmatch(text)):
            break
        out.append(item)
    return out


def _drop_files_below(ctx: Context, after: Iterator[Item]) -> None:
    """The list of attached files in ``after``, the items under an attachment header (``첨부파일``,
    ``자료 다운로드``)."""
    below = next(after, None)
    if below is None:
        return
    if isinstance(below.block, ListBlock):
        entries, items = [" ".join(b.text for b in e.blocks) for e in below.block.items], [below]
    elif below.attrs.get("list"):
        mark = below.attrs.get("list")
        items = [it for it in ctx.items if it.kind == "list-item" and it.attrs.get("list") == mark]
        entries = [it.text for it in items]
    else:
        lines = _file_lines_in(chain([below], after))
        items = [it for it in lines if _family(ctx, it.text) != "board"]  # the loop's own, as it words them
        entries = [it.text for it in items if not _FILE_BUTTON.fullmatch(it.text.strip())]
        for it in items:
            it.attrs["files_below"] = "1"  # the pass's loop, past the header, meets them dropped
    if entries and all(_FILE_ENTRY.search(e.strip()) for e in entries):
        for it in items:
            _drop(ctx, it, "a page's attachment list (files to download)", "boilerplate.board")


_CONTACT = re.compile(r"0\d{1,2}[-)]\s*\d{3,4}-\d{4}|[\w.+-]+@[\w-]+\.[\w.]+")


def _drop_contact_below(ctx: Context, after: Iterator[Item]) -> None:
    """A contact box's lines in ``after``, the items under its header (``미디어 문의``): the paragraph
    right below, piece by <br> piece, when it gives a phone number or an e-mail address."""
    below = next(after, None)
    if below is None or structured(below) or "heading" in (below.kind, below.role):
        return
    group = below.attrs.get("br_group")
    pieces = [it for it in ctx.items if group and it.attrs.get("br_group") == group] or [below]
    if len(pieces) <= 4 and any(_CONTACT.search(it.text) for it in pieces):
        for it in pieces:
            _drop(ctx, it, "a press contact box (name, phone, e-mail)", "boilerplate.release")


def _links_list(block: ListBlock) -> bool:
    """Every entry of the list is one link and nothing else (``- [EP.46 번역가의 하루](…)``)."""
    for entry in block.items:
        runs = [
            r
            for b in entry.blocks
            for inlines in inlines_of(b)
            for r in inlines
            if not (isinstance(r, Text) and not r.value.strip())
        ]
        if len(runs) != 1 or not isinstance(runs[0], Link):
            return False
    return bool(block.items)


def _headline_like(text: str) -> bool:
    return len(text) <= 90 and not (ends_sentence(text) and len(text) > 50)


_SUMMARY_HEADER = re.compile(r"자동\s*요약한\s*결과|자동\s*추출\s*기술로\s*요약된")
_SUMMARY_MOST = 5
_SUMMARY_REASON = "the portal's automatic summary (sentences of the body)"


def _drop_auto_summary(ctx: Context) -> None:
    """A portal's automatic summary (Daum's 자동요약, Naver's 요약봇): a few sentences copied from
    the body, after the summary panel's own explanation (…자동요약한 결과입니다) and before more
    interface text (음성재생 설정), with the article still to come. Left in, they open the article
    out of order (or repeat it)."""
    items = ctx.items
    start = 0
    while start < len(items):
        if not (_SUMMARY_HEADER.search(items[start].text) and is_chrome(ctx, items[start].text)):
            start += 1
            continue
        first = start + 1
        while first < len(items) and is_chrome(ctx, items[first].text):
            first += 1
        end = first
        while end < len(items) and end - first < _SUMMARY_MOST and _summary_line(ctx, items[end]):
            end += 1
        closed = first < end < len(items) and is_chrome(ctx, items[end].text)
        if closed and any(_summary_line(ctx, item) for item in items[end:]):  # the body follows
            for item in items[first:end]:
                _drop(ctx, item, _SUMMARY_REASON, "boilerplate.summary")
        start = end


def _language_menu(ctx: Context) -> None:
    """A translation menu copied as text, each language named in itself on a line of its own
    (English / 日本語 / 简体中文): two or more such lines in a row go; one alone is a heading."""
    names = ctx.rules.patterns("boilerplate", "language_names", whole=True)
    run: list[Item] = []
    for item in [*ctx.items, None]:
        if item is not None and any(p.match(item.text.strip()) for p in names):
            run.append(item)
            continue
        for named in run if len(run) >= 2 else []:
            _drop(ctx, named, "a translation menu (each language named in itself)", "boilerplate.chrome")
        run = []


SUMMARY_REACH = 8
"""At most this many lines from a machine summary's header up to its disclaimer."""


def _drop_machine_summary(ctx: Context) -> None:
    """An app's machine summary box over the text (``AI 요약``, three bullets, ``AI가 … 요약한
    내용입니다``): from the header to the disclaimer all goes — the bullets are the machine's words."""
    headers = ctx.rules.patterns("boilerplate", "summary_headers", whole=True)
    notices = ctx.rules.patterns("boilerplate", "summary_notices")
    items = ctx.items
    for end, item in enumerate(items):
        if structured(item) or len(item.text) > 200 or not any(p.search(item.text) for p in notices):
            continue
        start = next(
            (
                at
                for at in range(end - 1, max(-1, end - SUMMARY_REACH - 1), -1)
                if any(p.match(_EDGE.sub("", items[at].text)) for p in headers)
            ),
            None,
        )
        if start is not None:
            for box in items[start : end + 1]:
                ctx.drop(box, "an app's machine summary of the text", "boilerplate.summary")
            return


EMBED_REACH = 6
"""At most this many lines above an embedded post's footer up to the poster's handle."""
_HANDLE = re.compile(r"@?[a-z0-9][a-z0-9._]{1,29}")


def _embedded_posts(ctx: Context) -> None:
    """A social post embedded in the page and copied as text: its footer (``Instagram에서 이 게시물
    보기``), and above it up to the poster's handle (``haarin_lumina``) its buttons and counters go;
    the words between are the post's caption, quoted."""
    footers = ctx.rules.patterns("boilerplate", "embed_footers", whole=True)
    buttons = ctx.rules.patterns("boilerplate", "embed_chrome", whole=True)
    for footer in list(ctx.items):
        if structured(footer) or not any(p.match(footer.text.strip()) for p in footers):
            continue
        at = ctx.items.index(footer)
        window = ctx.items[max(0, at - EMBED_REACH) : at]
        top = next(
            (i for i in range(len(window) - 1, -1, -1) if _HANDLE.fullmatch(window[i].text.strip())), None
        )
        for item in [*(window[top:] if top is not None else []), footer]:
            text = item.text.strip()
            if (
                item is footer
                or _HANDLE.fullmatch(text)
                or any(p.match(text) for p in buttons)
                or is_chrome(ctx, text)
            ):
                ctx.drop(item, "an embedded social post's handle, buttons and counters", "boilerplate.embed")
            elif not structured(item):
                item.role = "quote"


PAYWALL_BOX = 12
"""At most this many lines of a paywall's box under its notice."""
SIGNED_MAX = 40
"""A byline that ends the box is a short line; a longer one naming a 기자 is the box's prose."""
_SIGNED = re.compile(r"(?P<name>[가-힣]{2,4})\s*(?:기자|특파원)|@[\w-]+\.")


def _paywall(ctx: Context) -> None:
    """A paywall's notice after the text's first paragraphs (``이 기사는 유료 회원 전용입니다.``)
    stays — the reader must see that the article is cut there — with a warning; the box under it
    (the pitch, prices, login prompt, the headings of the rest) goes, up to a byline or copyright."""
    notices = ctx.rules.patterns("boilerplate", "paywall")
    items = ctx.items
    for at, item in enumerate(items):
        if structured(item) or len(item.text) > 120 or not any(p.search(item.text) for p in notices):
            continue
        if not any(is_prose(it.text) for it in items[:at]):
            continue  # above the text: a site's label, no cut
        ctx.warnings.append(
            f"line {item.line}: the page cuts the article here ({item.text.strip()}); "
            "the book has only the part it shows"
        )
        for box in items[at + 1 : at + 1 + PAYWALL_BOX]:
            text = box.text
            signed = len(text) <= SIGNED_MAX and _SIGNED.search(text)  # not "경제기자 출신 편집장이 …"
            if is_copyright(ctx, text) or signed or (len(text) > 80 and is_prose(text)):
                break
            ctx.drop(
                box,
                "the paywall's pitch, prices and login prompt (the article is cut above)",
                "boilerplate.paywall",
            )
        return


PROFILE_CARD = 6
"""At most this many lines of a reporter's profile card under its header."""


def _profile_card(ctx: Context) -> None:
    """A reporter's profile card under the text (``기자 프로필``, the name, desk, motto, 구독, counters)
    goes, up to a list header or copyright; its name line only when the reporter is named elsewhere
    too (else it is the byline). A header over a name alone is left to the other rules."""
    headers = ctx.rules.patterns("boilerplate", "profile_headers", whole=True)
    for header in list(ctx.items):
        if structured(header) or not any(p.match(_EDGE.sub("", header.text)) for p in headers):
            continue
        at = ctx.items.index(header)
        card: list[Item] = []
        for item in ctx.items[at + 1 : at + 1 + PROFILE_CARD]:
            text = item.text
            if structured(item) or len(text) > 40 or is_copyright(ctx, text) or _is_list_header(ctx, text):
                break
            card.append(item)
        signed = [_SIGNED.search(item.text) for item in card]
        if all(signed):
            continue
        rest = [it.text for it in ctx.items if it is not header and all(it is not c for c in card)]
        ctx.drop(header, "the reporter's profile card", "boilerplate.profile")
        for item, name in zip(card, signed, strict=True):
            if name is None or (name["name"] and any(name["name"] in text for text in rest)):
                ctx.drop(item, "the reporter's profile card", "boilerplate.profile")


MAX_CARD_LINE = 30
"""The longest line of a portrait card under its byline (a desk, a follow button and its count)."""


def _portrait_card(ctx: Context) -> None:
    """A reporter's portrait copied as its alt text (``기자 사진``) right over a byline (``최하늘 기자``)
    heads a card: the portrait line goes, and so do the card's short lines under the name up to the
    next blank (``사회부``, ``기자 페이지 구독 1,204``); the name stays, the byline."""
    headers = ctx.rules.patterns("boilerplate", "portrait_headers", whole=True)
    items = list(ctx.items)
    for at, header in enumerate(items[:-1]):
        name = items[at + 1]
        if (
            structured(header)
            or not any(p.match(header.text.strip()) for p in headers)
            or name.line != header.line + 1
            or name.attrs.get("after_blank")
            or not _SIGNED.match(name.text.strip())
        ):
            continue
        card: list[Item] = []
        for item in items[at + 2 : at + 2 + PROFILE_CARD]:
            text = item.text.strip()
            if (
                item.attrs.get("after_blank")
                or item.line != (card[-1] if card else name).line + 1
                or structured(item)
                or len(text) > MAX_CARD_LINE
                or ends_sentence(text)
            ):
                break
            card.append(item)
        ctx.drop_all(
            (it, "the reporter's portrait card (alt text, desk, follow button)", "boilerplate.profile")
            for it in (header, *card)
        )


def _summary_line(ctx: Context, item: Item) -> bool:
    plain = item.kind is None and not structured(item)
    return plain and is_prose(item.text) and not is_chrome(ctx, item.text)


def _holders(ctx: Context) -> set[str]:
    """The names the page's copyright lines give as holders (``Copyright © 2025 전국언론노동조합``)."""
    found = (copyright_holder(ctx, it.text) for it in ctx.items if is_copyright(ctx, it.text))
    return {name for name in found if name}


_COLOPHON = re.compile(
    r"(?:^|[|ㅣ]\s*)발행(?:처|기관)\s*[:：]?\s*(?P<name>[^\s|ㅣ:：][^|ㅣ]{0,29}?)\s*(?:[|ㅣ]|$)"
)
"""An imprint line's publisher field among others set apart by bars (``발행인 … | 발행처 국토연구원 | …``)."""


_POWERED = re.compile(r"^\s*powered\s+by\s+\S.{0,30}$", re.IGNORECASE)


def _logo_below(item: Item) -> bool:
    """A captionless image that is a logo (its alt or file name says so) or a mailer's "Powered by
    Stibee" badge: saved, a figure; not saved, its alt text standing as the caption."""
    alt_only = item.kind == "caption" and item.attrs.get("alt") == item.text
    return is_logo(item) or (alt_only and bool(_POWERED.match(item.text) or LOGO.search(item.text)))


_ADDRESS_FOOTER = re.compile(
    r"^\s*(?P<name>[^|ㅣ\d@]{2,20}?)\s*[|ㅣ]\s*[^|ㅣ]*?[가-힣](?:로|길)\s*\d[^|ㅣ]*"
    r"(?:[|ㅣ]\s*[^|ㅣ]*)*?[|ㅣ]\s*"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[가-힣A-Za-z ]{0,10}0\d{1,2}-\d{3,4}-\d{4})\s*$"
)
"""A footer line of a site's (a newsletter's, a school's) name, street address and e-mail or phone
number set apart by bars."""
_ADDRESS_CONTACT = re.compile(
    r"^\s*(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충청|충북|충남|전라|전북|전남|경상|경북|경남|제주)"
    r"\S*\s[^|ㅣ]*?[가-힣](?:로|길)\s*\d[^|ㅣ]*(?:[|ㅣ]\s*[^|ㅣ]*?)*"
    r"[|ㅣ]\s*[가-힣A-Za-z ]{0,10}0\d{1,2}-\d{3,4}-\d{4}\s*$"
)
"""A footer line opening with the site's street address, then its offices' phone numbers set apart by
bars (``서울특별시 강서구 한빛로 25 (우)07500 | 교무실 02-000-1234 | 행정실 02-000-1235``): a school's or a
body's page footer, no name in it to vote for."""
_FOOTER_COMPANY = re.compile(r"(?<=[가-힣]{2})주식회사$|^\s*[(（](?:재|사|주)[)）]\s*(?=[가-힣]{2})")
"""The company word run on to a footer's name (``한빛전자주식회사``: the company is 한빛전자), or a
legal form's mark before it (``(재)대한성서공회``: a foundation, 대한성서공회)."""
_ATTACHMENT_ITEM = re.compile(r"^\s*(?:붙\s*임\s*)?\d{1,2}\.\s.{1,80}?\d+\s*부\.?(?:\s*끝\.?)?\s*$")
"""An entry of a 붙임 list: ``2. 개인정보 수집·이용 동의서 1부. 끝.``."""


_BOARD_TITLE = re.compile(r"^\s*(?:제\s*목|글\s*제목)\s*(?:\t+|[:：]\s*)(?P<value>\S.{0,150}?)\s*$")
"""A bulletin board's title field above a post: ``제목<TAB>2026 겨울방학 방과후학교 수강 신청 안내``."""


def _board_title(ctx: Context) -> None:
    """A board's title field near the top: the post itself repeats the title below it (the field
    goes), or the field's value is the title (its label goes)."""
    for index, item in enumerate(ctx.items[:12]):
        m = _BOARD_TITLE.match(item.source)
        if m is None or structured(item) or item.kind is not None or item.attrs.get("own_text"):
            continue  # own_text: a quoted mail's "제목:" field, in its list (pass email)
        value = key(m["value"])
        if any(key(later.text) == value for later in ctx.items[index + 1 :] if not structured(later)):
            _drop(ctx, item, "a board's title field (the post repeats its title)", "boilerplate.board")
        else:
            item.text = " ".join(m["value"].split())
        return


_COMMENT_HEADER = re.compile(r"^\s*(?:댓글|코멘트|Comments?)\s*(?:[\d,]+\s*개)?[\d,]*\s*$", re.IGNORECASE)
_COMMENT_FOOTER = re.compile(
    r"^\s*(?:(?:\d{4}[.-]\s*)?\d{1,2}[.-]\s*\d{1,2}\.?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:(?:답글\s*(?:쓰기|달기)?|신고(?:하기)?|공감|좋아요\s*\d*)\s*)+"
    r"|(?:(?:답글|(?:비)?공감|(?:비)?추천|좋아요)\s*[\d,]+\s*[|·]?\s*){2,4}(?:신고(?:하기)?)?"
    r"|(?:(?:답글|(?:비)?공감|(?:비)?추천|좋아요)\s*[\d,]+\s*[|·]?\s*){1,4}신고(?:하기)?"
    r"|답글(?:\s*[\d,]+\s*개)?)\s*$"
)
"""A comment's footer: its date and buttons (``2026.11.28. 21:30 답글쓰기``), or its bar of buttons
and counts alone under a dated name (``답글 1 공감 12 신고``, ``답글 3 | 추천 41``: two counts, or a count and
신고), or a video
site's reply button alone (``답글``, ``답글 3개``) under the comment's ``좋아요 38``."""
COMMENT_GAP = 6
"""At most this many lines between the comment header and a comment's footer, or between two."""


def _drop_comments(ctx: Context) -> None:
    """A scrape's comment section: under a header ``댓글`` (a count beside it or not) each comment
    closes with a line of its date and buttons (``2026.11.28. 21:30 답글쓰기``). From the header to
    the last such line all is readers' comments — their names, badges and words."""
    items = ctx.items
    for start, item in enumerate(items):
        if not _COMMENT_HEADER.match(item.text) or structured(item):
            continue
        last = at = start
        while at + 1 < len(items) and at < last + COMMENT_GAP:
            at += 1
            if _COMMENT_FOOTER.match(items[at].text):
                last = at
        if last > start:
            for comment in items[start : last + 1]:
                ctx.drop(comment, "readers' comments under the text", "boilerplate.comments")
            return


_BARE_URL = re.compile(r"^\s*https?://\S+\s*$")
FRAME_TAIL = 4
"""A site's name at the foot of a scrape is among its last lines."""


def _site_frame(ctx: Context) -> None:
    """A scrape whose first line comes back at its foot (``맘스홀릭 베이비`` over the menus and again
    over the site's address): that short line is the site's name — a vote for the publisher — and
    both copies go, with the bare address beside the lower one."""
    items = [it for it in ctx.items if not structured(it)]
    if len(items) < 2 * FRAME_TAIL:
        return
    first = items[0]
    if len(first.text) > 30 or ends_sentence(first.text):
        return
    tail = items[-FRAME_TAIL:]
    lower = next((it for it in tail if it.text == first.text), None)
    if lower is None or verse_line(lower):
        return  # a poem's refrain, or its title's word in its last stanza ("진달래꽃"): the poem's own
    at = items.index(lower)
    if is_page_number(items[at - 1].text):
        return  # a report's title as the running header over its last page (pass pages)
    ctx.vote_publisher(first.text.strip(), Evidence.SITE_LABEL)
    address = [it for it in items[at - 1 : at + 2] if it is not lower and _BARE_URL.match(it.text)]
    for item in (first, lower, *address):
        ctx.drop(item, "the site's name above and below the text (a publisher vote)", "boilerplate.outlet")


_NOTE_START = re.compile(
    rf"^\s*(?:[※*]\s*)?{EDITOR_NOTE_OPEN}?\s*(?:{EDITOR_NOTE_WORD}|덧붙이는\s*글\s*[|｜:：])", re.IGNORECASE
)
"""An editor's note, or the writer's (오마이뉴스's ``덧붙이는 글 | …``): no headline of a related list."""
_AD_LABEL = re.compile(r"(?i:광고|AD|advertisement|sponsored|스폰서)")
_STOCK_QUOTE = re.compile(
    r"(?:[가-힣A-Za-z0-9&.·]{1,20}\s?){1,3}\s*\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*원?\s*[▲▼△▽↑↓]\s*"
    r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*)?\(?[+-]?\d+(?:\.\d+)?%\)?(?:\s+.{0,40})?"
)
"""A stock quote widget set in the text (``원익IPS 32,450 ▲ 1,250 +4.01% 12.04 15:30 KRX 종목 상세``):
a name, the price, the change with its mark and percentage, and the quote's time and link."""


def _ad_images(ctx: Context) -> None:
    """An image whose own box carries an ad label (``<img alt="위시켓 프로젝트 찾기"><span>광고</span>``,
    both on one source line): an advertisement, its alt text no caption."""
    items = ctx.items
    for at, label in enumerate(list(items)):
        if not _AD_LABEL.fullmatch(label.text.strip()):
            continue
        for image in items[max(0, at - 1) : at] + items[at + 1 : at + 2]:
            if (
                image.kind == "caption"
                and image.line == label.line
                and image.attrs.get("alt") == image.text
                and image in ctx.items
            ):
                ctx.drop(image, "an advertisement (an image labelled as one)", "boilerplate.ad")
                ctx.drop(label, "an advertisement (its label)", "boilerplate.ad")
                break


_UNLISTED_OUTLET = re.compile(r"[가-힣]{1,8}(?:일보|신문|뉴스|타임스|저널|데일리|투데이|스포츠|통신)")
"""A newspaper's or news site's name by its last word (``누리신문``, ``가람타임스``), one word."""


_RANKED_ROW = re.compile(r"^\s*(?P<rank>\d{1,3})\s*(?P<sep>[/|ㅣ·])\s*[^\d\s/|ㅣ·]")
"""A row of a ranking set out in text: its rank, a separator, then a name (``1 / FC서울 / 2만 7,412명``)."""


def _ranked_rows(ctx: Context) -> None:
    """Rows of a ranking: two lines or more in a row, ranked one after another (1, 2, 3 …) with the same
    separator — text of the story however short their cells (a menu's ``5 / 수원FC / 9,874명``)."""
    rows: list[Item] = []
    previous: re.Match[str] | None = None
    for item in ctx.items:
        m = _RANKED_ROW.match(item.text) if unclaimed(item) else None
        if m and previous and int(m["rank"]) == int(previous["rank"]) + 1 and m["sep"] == previous["sep"]:
            rows.append(item)
        else:
            _mark_rows(rows)
            rows = [item] if m else []
        previous = m
    _mark_rows(rows)


_RANK = re.compile(r"^\s*(\d{1,3})\s*$")
_ENTRY = re.compile(r"[가-힣A-Za-z]")
MIN_RANKS = 3


def _ranks_over_entries(ctx: Context) -> None:
    """A ranking set out as its rank alone over each entry (``1`` / ``FC서울`` / ``2`` / ``울산 HD`` …),
    three ranks or more counted from 1: each line is text as printed — no lone number of a page's
    chrome, no entry a heading."""
    items = ctx.items
    at = 0
    while at < len(items):
        pairs = 0
        while at + 2 * pairs + 1 < len(items):
            rank, entry = items[at + 2 * pairs], items[at + 2 * pairs + 1]
            m = _RANK.match(rank.text) if unclaimed(rank) and unclaimed(entry) else None
            if m is None or int(m.group(1)) != pairs + 1 or not _ENTRY.search(entry.text):
                break  # a ranking counts from 1 (a like counter's "0" over "많이 본 뉴스" is none)
            pairs += 1
        if pairs < MIN_RANKS:
            at += 1
            continue
        for item in items[at : at + 2 * pairs]:
            keep_as_printed(item)
        at += 2 * pairs


def _mark_rows(rows: list[Item]) -> None:
    for row in rows if len(rows) >= 2 else []:
        row.attrs["own_text"] = "1"


_BOX_TOP = re.compile(r"^\s*[┌╔┏][─━═]{3,}[┐╗┓]?\s*$")
_BOX_BOTTOM = re.compile(r"^\s*[└╚┗][─━═]{3,}[┘╝┛]?\s*$")
_BOX_SIDE = re.compile(r"^\s*[│┃║]\s?(?P<text>.*?)\s*[│┃║]?\s*$")
MAX_BOX_LINES = 40
"""The most lines a text box drawn with box-drawing characters may hold."""


def _box_below(items: list[Item], at: int) -> int | None:
    """The index of the bottom frame line of a one-column text box whose top frame is ``items[at]``
    (``┌────`` / ``│ …`` lines / ``└────``, consecutive source lines), else ``None``."""
    if not _BOX_TOP.match(items[at].text):
        return None
    for k in range(at + 1, min(len(items), at + 2 + MAX_BOX_LINES)):
        if items[k].line != items[k - 1].line + 1:
            return None
        if _BOX_BOTTOM.match(items[k].text):
            return k if k > at + 1 else None
        if not _BOX_SIDE.match(items[k].text):
            return None
    return None


def _text_boxes(ctx: Context) -> None:
    """A one-column box drawn around lines of a text copy (a printed page's sidebar): its frame lines
    are decoration and go, its lines lose their side bars; a box calling for readers' letters
    (``독자 여러분의 목소리를 기다립니다`` … ``보내실 곳``) goes whole, as its lines would one by one."""
    if ctx.source_format != "text":
        return
    items = list(ctx.items)
    at = 0
    while at < len(items):
        end = _box_below(items, at)
        if end is None:
            at += 1
            continue
        inner = items[at + 1 : end]
        texts = [m["text"] if (m := _BOX_SIDE.match(it.text)) else it.text for it in inner]
        if any(_family(ctx, text) == "contribute" for text in texts):
            ctx.drop_all(
                (it, "a boxed call for readers' letters (length, address)", "boilerplate.contribute")
                for it in items[at : end + 1]
            )
        else:
            for it, text in zip(inner, texts, strict=True):
                it.text = text
            ctx.drop_all(
                (it, "a text box's frame line (decoration)", "chrome.frame") for it in (items[at], items[end])
            )
        at = end + 1


_AD_BLOCK_LABEL = re.compile(r"^\s*[\[(<〈【]?\s*(?:광고|AD|전면\s*광고)\s*[\])>〉】]?\s*$")
MAX_AD_LINES = 6
MAX_AD_LINE = 80


def _ad_blocks(ctx: Context) -> None:
    """A text copy's ad label alone on a line after a blank (``[광고]``) with short lines right under it,
    no blank between, up to the next blank: an advertisement's copy (the clinic, its hours, its phone),
    dropped with its label. Lines that end as sentences are text the label stood over, and stay."""
    if ctx.source_format != "text":
        return
    items = list(ctx.items)
    for at, label in enumerate(items):
        if not (label.attrs.get("after_blank") and _AD_BLOCK_LABEL.match(label.text)):
            continue
        copy: list[Item] = []
        for it in items[at + 1 : at + 2 + MAX_AD_LINES]:
            if it.attrs.get("after_blank") or it.line != (copy[-1] if copy else label).line + 1:
                break
            copy.append(it)
        block_ends = at + 1 + len(copy) >= len(items) or bool(
            items[at + 1 + len(copy)].attrs.get("after_blank")
        )
        if (
            not copy
            or len(copy) > MAX_AD_LINES
            or not block_ends
            or any(len(it.text) > MAX_AD_LINE or ends_sentence(it.text) or it.kind for it in copy)
        ):
            continue
        ctx.drop_all(
            (it, "an advertisement's copy under its label", "boilerplate.ad") for it in (label, *copy)
        )


def run(ctx: Context) -> None:
    """Remove boilerplate lines, recording each with its family."""
    _ranked_rows(ctx)
    _ranks_over_entries(ctx)
    _text_boxes(ctx)
    _ad_images(ctx)
    _ad_blocks(ctx)
    _drop_auto_summary(ctx)
    _drop_machine_summary(ctx)
    _language_menu(ctx)
    _embedded_posts(ctx)
    _paywall(ctx)
    _profile_card(ctx)
    _portrait_card(ctx)
    _site_frame(ctx)
    _drop_comments(ctx)
    _board_title(ctx)
    in_list = False
    marked = False  # the list under the current list header came as markup list items
    prose_seen = closed = False
    holders = _holders(ctx)
    broken: dict[str, str] = {}  # a <br> group → the family of its first piece's removal
    attached = False  # the line before was an attachment list's entry
    references = False  # under a heading of the document's sources and outside links
    drop = ctx.drop  # constant work each (Context.drop): the loop walks its own snapshot

    snapshot = list(ctx.items)
    tagging = False  # under a tag box's header below the text: its tags, a line each
    listed: set[int] = set()  # attached files dropped with the header over them
    for at, item in enumerate(snapshot):
        if id(item) in listed:
            continue
        if item.attrs.get("files_below") and ctx.is_dropped(item):
            continue  # an attached file's line, dropped with its header's list
        if "heading" in (item.kind, item.role):
            references = is_reference_heading(ctx, item.text)
        if in_list and isinstance(item.block, ListBlock) and _links_list(item.block):
            drop(item, "list of other articles (a list of links)", "boilerplate.related")
            marked = True
            continue
        if structured(item):  # a table, a list …: never boilerplate as a whole
            if isinstance(item.block, Table) and _contact_table(ctx, item.block):
                _vote_office(ctx, item.block)
                drop(item, "a press release's contact box set as a table", "boilerplate.release")
            in_list = False
            continue
        if prose_seen and _logo_below(item):
            drop(item, "a logo below the text (decoration)", "chrome.logo")
            continue
        if item.kind in ("title", "date", "byline", "caption") or item.attrs.get("own_end"):
            continue  # own_end: a script's "(끝)", its own last line (pass screenplay)
        stock = (
            item.kind is None and not ends_sentence(item.text) and _STOCK_QUOTE.fullmatch(item.text.strip())
        )
        if prose_seen and stock:
            drop(item, "a stock quote widget in the text", "boilerplate.stock")
            continue
        if refers_to_note(item):  # a line a footnote refers from is text, whatever its words (본문[^a])
            in_list = False
            continue
        text = item.text
        if is_date_label(ctx, text):
            continue  # the dates pass pairs it with the date on the next line
        if is_copyright(ctx, text):
            ctx.meta.setdefault("rights", rights_text(text))
            ctx.note_line("rights", item.line)
            holder = copyright_holder(ctx, text)
            if holder:
                ctx.vote_publisher(holder, Evidence.COPYRIGHT)
            drop(item, "copyright footer (moved to meta.rights)", "boilerplate.copyright")
            in_list, closed = False, True
            continue
        if prose_seen and _TAG_HEADER.fullmatch(_EDGE.sub("", text)):
            drop(item, "the tag box below the text (its header)", "boilerplate.chrome")
            tagging = True
            continue
        if tagging and _TAG.fullmatch(text.strip()):
            drop(item, "the tag box below the text (a tag)", "boilerplate.chrome")
            continue
        tagging = False
        if _is_list_header(ctx, text):
            drop(item, "list of other articles (header)", "boilerplate.related")
            in_list = prose_seen or closed  # below the copyright line: the page's, whatever came before
            marked = False
            continue
        if prose_seen and ctx.rules.any_of("boilerplate", "tail_chrome", whole=True).match(text):
            drop(item, "portal or site interface text", "boilerplate.chrome")
            continue
        if prose_seen and _box_header(ctx, text, "attachment_headers"):
            _drop_files_below(ctx, _live_after(ctx, snapshot, at))
            drop(item, "a page's attachment list (header)", "boilerplate.board")
            continue
        if prose_seen and _box_header(ctx, text, "file_list_headers"):
            # "참고자료" over attached files only (a petition's): the list and its header
            files = _file_lines_in(snapshot[at + 1 : at + 1 + MAX_FILE_LINES])
            if files:
                for file in files:
                    drop(file, "a page's attachment list (files to download)", "boilerplate.board")
                    listed.add(id(file))
                drop(item, "a page's attachment list (header)", "boilerplate.board")
                continue
        if prose_seen and _box_header(ctx, text, "contact_headers"):
            _drop_contact_below(ctx, _live_after(ctx, snapshot, at))
            drop(item, "a press contact box (header)", "boilerplate.release")
            continue
        if (marked and item.kind != "list-item") or _NOTE_START.match(text):
            in_list = False  # a box of linked list items ends with them; an editor's note is no headline
        if in_list and _headline_like(text) and item.kind not in ("caption", "heading"):
            drop(item, "list of other articles (item)", "boilerplate.related")
            marked = marked or item.kind == "list-item"
            continue
        in_list = False
        prose_seen = prose_seen or is_prose(text)
        outlet = outlet_line(ctx.rules, text)
        if outlet is not None and (
            not prose_seen or _EDGE.sub("", text) not in (outlet.name, *outlet.aliases)
        ):
            # above the article a site label; below it only with a suffix (동양일보TV): a bare name
            # there signs a statement
            ctx.vote_publisher(outlet.name, Evidence.SITE_LABEL)
            drop(item, "the outlet's name on a line of its own", "boilerplate.outlet")
            continue
        if not prose_seen and _EDGE.sub("", text) in holders:
            # a site that is no known outlet (a union, a body) names itself above the text as its
            # copyright line does below it
            ctx.vote_publisher(_EDGE.sub("", text), Evidence.SITE_LABEL)
            drop(item, "the site's name on a line of its own (its copyright holder)", "boilerplate.outlet")
            continue
        if at == 0 and len(snapshot) > 2 and _UNLISTED_OUTLET.fullmatch(_EDGE.sub("", text)):
            # a paper the rules do not list, its name alone on the page's first line (누리신문)
            ctx.vote_publisher(_EDGE.sub("", text), Evidence.SITE_LABEL)
            drop(item, "the outlet's name on a line of its own", "boilerplate.outlet")
            continue
        if (
            not prose_seen
            and at < SHARED_LINK_TOP
            and ctx.source_format == "text"
            and item.kind is None
            and _ADDRESS_ONLY.match(text)
        ):
            drop(item, "a web address alone above the article (the shared page's link)", "boilerplate.link")
            continue
        footer = _ADDRESS_FOOTER.match(text) if len(text) <= 160 else None
        if footer:  # 성북마을신문 | 서울특별시 성북구 보문로 168, 3층 | letter@…: a sender's footer
            ctx.vote_publisher(_FOOTER_COMPANY.sub("", footer["name"].strip()), Evidence.SITE_LABEL)
            drop(item, "the site's name, address and contact (a publisher vote)", "boilerplate.board")
            continue
        if len(text) <= 160 and _ADDRESS_CONTACT.match(text):
            drop(item, "the site's address and phone numbers (a page footer)", "boilerplate.board")
            continue
        colophon = _COLOPHON.search(text) if len(text) <= 200 and "|" in text else None
        if colophon:  # 발행인 … | 발행처 국토연구원 | 주소 …: a publication's imprint
            ctx.vote_publisher(colophon["name"], Evidence.SITE_LABEL)
            drop(
                item,
                "the publication's imprint (publisher, address; a publisher vote)",
                "boilerplate.colophon",
            )
            continue
        provider = _PROVIDER.match(text)
        if provider:
            outlet = ctx.rules.outlet_in_text(provider["name"])
            ctx.vote_publisher(outlet.name if outlet else provider["name"], Evidence.PROVIDER)
            drop(item, "the article's provider (a publisher vote)", "boilerplate.provider")
            continue
        house = _house_promo(ctx, text)
        if house:
            ctx.vote_publisher(house, Evidence.SITE_LABEL)
            drop(item, "the outlet's promotion of itself (a publisher vote)", "boilerplate.promo")
            continue
        if _link_only(item) and _headline_like(text) and prose_seen and not references:
            drop(item, "a link to another page", "boilerplate.link")
            continue
        group = item.attrs.get("br_group")
        family = _family(ctx, text) or (broken.get(group) if group else None)
        if family is None and attached and _ATTACHMENT_ITEM.match(text):
            family = "release"  # "붙임 1. … 1부." then, a paragraph of its own, "2. … 1부. 끝."
        attached = family == "release" and bool(_ATTACHMENT_ITEM.search(text))
        if family:
            if group and family in ("release", "board"):  # "붙임 1. …<br>2. … 끝." is one list
                broken[group] = family
            reasons = {
                "promo": "promotion or related link",
                "tipline": "tip line",
                "policy": "site notice",
                "release": "a press release's attachment list or contact, or a reprint notice",
                "board": "a bulletin board's attachment line, link to another post, or address footer",
                "newsletter": "an e-mail newsletter's web-view link, subscription notice or opt-out",
                "contribute": "a column's call for readers' letters (length, fee, address)",
                "masthead": "an organization's footer: its ministers or staff, address, phone, bank account",
            }
            if family == "policy":
                _vote_self_notice(ctx, text)
            elif family == "release":
                _vote_contact_office(ctx, text)
            elif family == "board":
                _vote_address_owner(ctx, text)
            elif family == "masthead":
                _vote_masthead_owner(ctx, text)
            drop(item, reasons[family], f"boilerplate.{family}")
        elif is_speaker_label(ctx, text):
            drop(
                item,
                "a broadcast speaker label (the anchor's or reporter's turn follows)",
                "boilerplate.speaker",
            )
        elif (
            (
                is_chrome(ctx, text, vocabulary=item.kind not in ("list-item", "heading"))
                or (
                    item.kind is None and not item.attrs.get("spaced_field") and spaced_menu(ctx, item.source)
                )
            )
            and not SECTION.match(text)
            and not item.attrs.get("own_text")
        ):
            # own_text: a line a pass read as text of its kind (a relay's pitch line "1구 볼 / 2구
            # 파울", a menu's day "12월 7일(월)"), no menu
            drop(item, "portal or site interface text", "boilerplate.chrome")
        elif _is_production_credit(text):
            drop(item, "production credits", "boilerplate.production")


_PRODUCTION = re.compile(
    r"^\(?\s*(?:(?:구성|촬영기자|촬영|영상편집|영상취재|영상그래픽|그래픽|디자인|제작|편집|CG|취재지원|진행)\s*[:：]\s*"
    r"[^/:,]{1,20}(?:\s*[/,]\s*|\s*$|\s*\)\s*$))+"
)


_CREDIT_ROW = re.compile(
    r"(?:(?:취재|글|사진|촬영|영상|편집|그래픽|디자인|데이터\s*분석|데이터|개발|구성|제작|인터랙티브|일러스트)"
    r"\s+[가-힣]{2,4}(?:\s*[,·]\s*[가-힣]{2,4})*\s*(?:\||$)\s*){2,}"
)
"""A feature's credits at its foot without colons (``취재 최윤원 | 데이터 분석 김지연 | 그래픽 정은혜``)."""


def _is_production_credit(text: str) -> bool:
    return len(text) <= 120 and bool(_PRODUCTION.match(text) or _CREDIT_ROW.fullmatch(text.strip()))


def _drop(ctx: Context, item: Item, reason: str, rule: str) -> None:
    ctx.drop(item, reason, rule)
