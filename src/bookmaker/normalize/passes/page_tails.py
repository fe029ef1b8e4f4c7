"""Regions below a text that pass ``boilerplate`` removes whole: attachment and contact boxes, a
paywall's notice, a reporter's profile card, comments, a board's post title, a site's frame."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from bookmaker.ir import ListBlock
from bookmaker.normalize.blocks import LOGO, is_logo, structured, verse_line
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.chrome_lines import bare_text, is_list_header, line_family
from bookmaker.normalize.passes.copyright_lines import is_copyright
from bookmaker.normalize.passes.pages import is_page_number
from bookmaker.normalize.text import ends_sentence, is_prose, key

_FILE_ENTRY = re.compile(
    r"\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png)\s*(?:\(\s*[\d.,]+\s*[KMG]?B\s*\))?\s*$"
    r"|\(\s*(?:JPE?G|PNG|PDF|HWPX?|ZIP|DOCX?|XLSX?|PPTX?|MP4|GIF)\s*,\s*[\d.,]+\s*[KMG]B\s*\)\s*$",
    re.IGNORECASE,
)
"""An attached file's entry: its name with an extension (and size), or a label with its type and size
(``[사진] 충전소 전경 (JPG, 4.2MB)``)."""


def live_after(ctx: Context, snapshot: list[Item], at: int) -> Iterator[Item]:
    """The items after ``snapshot[at]`` not dropped yet, in order (each step constant work)."""
    return (snapshot[i] for i in range(at + 1, len(snapshot)) if not ctx.is_dropped(snapshot[i]))


_FILE_BUTTON = re.compile(r"(?:바로\s*보기|미리\s*보기|다운로드|내려\s*받기)")
MAX_FILE_LINES = 30


def file_lines_in(items: Iterable[Item]) -> list[Item]:
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


def drop_files_below(ctx: Context, after: Iterator[Item]) -> None:
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
        lines = file_lines_in(chain([below], after))
        # the loop's own, as it words them
        items = [it for it in lines if line_family(ctx, it.text) != "board"]
        entries = [it.text for it in items if not _FILE_BUTTON.fullmatch(it.text.strip())]
        for it in items:
            it.attrs["files_below"] = "1"  # the pass's loop, past the header, meets them dropped
    if entries and all(_FILE_ENTRY.search(e.strip()) for e in entries):
        for it in items:
            ctx.drop(it, "a page's attachment list (files to download)", "boilerplate.board")


_CONTACT = re.compile(r"0\d{1,2}[-)]\s*\d{3,4}-\d{4}|[\w.+-]+@[\w-]+\.[\w.]+")


def drop_contact_below(ctx: Context, after: Iterator[Item]) -> None:
    """A contact box's lines in ``after``, the items under its header (``미디어 문의``): the paragraph
    right below, piece by <br> piece, when it gives a phone number or an e-mail address."""
    below = next(after, None)
    if below is None or structured(below) or "heading" in (below.kind, below.role):
        return
    group = below.attrs.get("br_group")
    pieces = [it for it in ctx.items if group and it.attrs.get("br_group") == group] or [below]
    if len(pieces) <= 4 and any(_CONTACT.search(it.text) for it in pieces):
        for it in pieces:
            ctx.drop(it, "a press contact box (name, phone, e-mail)", "boilerplate.release")


PAYWALL_BOX = 12
"""At most this many lines of a paywall's box under its notice."""
SIGNED_MAX = 40
"""A byline that ends the box is a short line; a longer one naming a 기자 is the box's prose."""
_SIGNED = re.compile(r"(?P<name>[가-힣]{2,4})\s*(?:기자|특파원)|@[\w-]+\.")


def paywall(ctx: Context) -> None:
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


def profile_card(ctx: Context) -> None:
    """A reporter's profile card under the text (``기자 프로필``, the name, desk, motto, 구독, counters)
    goes, up to a list header or copyright; its name line only when the reporter is named elsewhere
    too (else it is the byline). A header over a name alone is left to the other rules."""
    headers = ctx.rules.patterns("boilerplate", "profile_headers", whole=True)
    for header in list(ctx.items):
        if structured(header) or not any(p.match(bare_text(header.text)) for p in headers):
            continue
        at = ctx.items.index(header)
        card: list[Item] = []
        for item in ctx.items[at + 1 : at + 1 + PROFILE_CARD]:
            text = item.text
            if structured(item) or len(text) > 40 or is_copyright(ctx, text) or is_list_header(ctx, text):
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


def portrait_card(ctx: Context) -> None:
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


_POWERED = re.compile(r"^\s*powered\s+by\s+\S.{0,30}$", re.IGNORECASE)


def logo_below(item: Item) -> bool:
    """A captionless image that is a logo (its alt or file name says so) or a mailer's "Powered by
    Stibee" badge: saved, a figure; not saved, its alt text standing as the caption."""
    alt_only = item.kind == "caption" and item.attrs.get("alt") == item.text
    return is_logo(item) or (alt_only and bool(_POWERED.match(item.text) or LOGO.search(item.text)))


_BOARD_TITLE = re.compile(r"^\s*(?:제\s*목|글\s*제목)\s*(?:\t+|[:：]\s*)(?P<value>\S.{0,150}?)\s*$")
"""A bulletin board's title field above a post: ``제목<TAB>2026 겨울방학 방과후학교 수강 신청 안내``."""


def board_title(ctx: Context) -> None:
    """A board's title field near the top: the post itself repeats the title below it (the field
    goes), or the field's value is the title (its label goes)."""
    for index, item in enumerate(ctx.items[:12]):
        m = _BOARD_TITLE.match(item.source)
        if m is None or structured(item) or item.kind is not None or item.attrs.get("own_text"):
            continue  # own_text: a quoted mail's "제목:" field, in its list (pass email)
        value = key(m["value"])
        if any(key(later.text) == value for later in ctx.items[index + 1 :] if not structured(later)):
            ctx.drop(item, "a board's title field (the post repeats its title)", "boilerplate.board")
        else:
            item.text = " ".join(m["value"].split())
        return


_COMMENT_HEADER = re.compile(
    r"^\s*(?:댓글|코멘트|Comments?|(?:독자|네티즌|누리꾼)\s*(?:의견|댓글))\s*(?:[\d,]+\s*개)?[\d,]*\s*"
    r"(?:[(\[]\s*[\d,]+\s*[)\]])?\s*$",
    re.IGNORECASE,
)
"""A comment section's header: ``댓글 12``, ``댓글 3개``, ``독자 의견 (2)``."""
_COMMENT_FOOTER = re.compile(
    r"^\s*(?:(?:\d{4}[.-]\s*)?\d{1,2}[.-]\s*\d{1,2}\.?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:(?:답글\s*(?:쓰기|달기)?|신고(?:하기)?|공감|좋아요\s*\d*)\s*)+"
    r"|(?:(?:답글|(?:비)?공감|(?:비)?추천|좋아요)\s*[\d,]+\s*[|·]?\s*){2,4}(?:신고(?:하기)?)?"
    r"|(?:(?:답글|(?:비)?공감|(?:비)?추천|좋아요)\s*[\d,]+\s*[|·]?\s*){1,4}신고(?:하기)?"
    r"|답글(?:\s*[\d,]+\s*개)?"
    r"|\S.{0,300}[(\[]\s*(?:19|20)\d{2}[.-]\s*\d{1,2}[.-]\s*\d{1,2}\.?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[)\]])\s*$"
)
"""A comment's footer: its date and buttons (``2026.11.28. 21:30 답글쓰기``), or its bar of buttons
and counts alone under a dated name (``답글 1 공감 12 신고``, ``답글 3 | 추천 41``: two counts, or a count and
신고), a one-line comment closing with its stamp in brackets (``▷ 가람시민: 힘내세요. (2026-12-02
17:03)``), or a video site's reply button alone (``답글``, ``답글 3개``) under the comment's ``좋아요 38``."""
COMMENT_GAP = 6
"""At most this many lines between the comment header and a comment's footer, or between two."""


def drop_comments(ctx: Context) -> None:
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


def site_frame(ctx: Context) -> None:
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
