"""What one line of a page is, for pass ``boilerplate``: interface text and menus, a family of
notices (promo, tip line, site notice, …), speaker and date labels, headers of lists and boxes."""

from __future__ import annotations

import re

from bookmaker.ir import Link, ListBlock, Text, inlines_of
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.lexicon import is_interface, is_section_label
from bookmaker.normalize.text import ends_sentence, trimmed


def bare_text(text: str) -> str:
    """``text`` without the marks and brackets around its words (``| 많이 본 뉴스 |``, ``[태그]``), cut
    before a line is named."""
    return trimmed(text, "|<>[]〈〉()*•▪◦※", "|<>[]〈〉()*•▪◦")


_MARKER = re.compile(r"^\s*[※*▶▷☞■□◆◇●○\[<(【]")


def line_family(ctx: Context, text: str) -> str | None:
    """The family of notice a whole line is (``promo``, ``tipline``, ``policy``, ``release``, ``board``,
    ``newsletter``, ``contribute``, ``masthead``; rules.toml's lists), or None."""
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
    bare = bare_text(text)
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
    bare = bare_text(text).rstrip(":： ")
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


_HEAD_COUNT = re.compile(r"[(（]\s*(?P<n>\d{1,3})\s*(?:인|명)\s*[)）]\s*$")
"""A count of people closing a label (``○출석 위원(12인)``, ``참석자(5명)``)."""
_NAME = re.compile(r"[가-힣]{2,4}")


def counted_roll(ctx: Context, item: Item) -> bool:
    """A roll of names right under the label that counts them (a minutes' ``○출석 위원(3인)`` over
    ``김도현  박서진  윤하람``): as many names as the count says, set apart by spaces, are the people
    named, no menu."""
    count = _HEAD_COUNT.search(ctx.source_text.get(item.line - 1, ""))
    names = re.split(r"\s{2,}|\t|\u3000+", item.source.strip())
    return count is not None and int(count["n"]) == len(names) and all(_NAME.fullmatch(n) for n in names)


def is_list_header(ctx: Context, text: str) -> bool:
    """The header of a list of other articles (``많이 본 뉴스``, ``[아시아경제 핫 클릭]``)."""
    bare = bare_text(text)
    return ctx.rules.any_of("boilerplate", "list_headers", whole=True).match(bare)


def link_only(item: Item) -> bool:
    """The whole line is one hyperlink (a related headline, a promo), as the markup says."""
    runs = [r for r in item.content or [] if not (isinstance(r, Text) and not r.value.strip())]
    return len(runs) == 1 and isinstance(runs[0], Link)


def is_reference_heading(ctx: Context, text: str) -> bool:
    """A heading of the document's own sources or outside links (``외부 링크``, ``참고 문헌``)."""
    bare = bare_text(text)
    return any(p.match(bare) for p in ctx.rules.patterns("boilerplate", "reference_sections", whole=True))


def is_box_header(ctx: Context, text: str, key: str) -> bool:
    """A short header of the kind rules.toml lists under ``key`` (``첨부파일``, ``미디어 문의``)."""
    bare = bare_text(text)
    return len(bare) <= 30 and ctx.rules.any_of("boilerplate", key, whole=True).match(bare)


def links_list(block: ListBlock) -> bool:
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


def headline_like(text: str) -> bool:
    """Short enough to be another article's headline in a list of them."""
    return len(text) <= 90 and not (ends_sentence(text) and len(text) > 50)
