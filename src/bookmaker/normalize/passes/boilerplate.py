"""Pass ``boilerplate``: copyright footers (→ meta.rights), promos, tip lines, notices,
portal/site chrome (patterns, interface vocabulary, section labels, an outlet's name alone — which
votes for the publisher, as does a boxed house ad in which the outlet speaks of itself, and the
name a copyright line gives as holder alone above the text), menus and lists of other articles,
a bulletin board's attachment, post links and address footer. Every removal is recorded.

A list of other articles is recognised by its header (``많이 본 뉴스``, ``[아시아경제 핫 클릭]``) only
once the article's prose has begun: above it such a header is one more line of chrome, and the
headline-like lines after it are the article's own title and deck.

What one line is comes from ``chrome_lines`` and ``copyright_lines``; regions removed whole from
``page_boxes`` (above or in the text) and ``page_tails`` (below it); publisher votes from footers from
``owner_votes``."""

from __future__ import annotations

import re

from bookmaker.ir import ListBlock, Table
from bookmaker.normalize.blocks import refers_to_note, structured
from bookmaker.normalize.context import Context, Evidence
from bookmaker.normalize.lexicon import outlet_line
from bookmaker.normalize.passes import contact_box
from bookmaker.normalize.passes.chrome_lines import (
    bare_text,
    counted_roll,
    headline_like,
    is_box_header,
    is_chrome,
    is_date_label,
    is_list_header,
    is_reference_heading,
    is_speaker_label,
    line_family,
    link_only,
    links_list,
    spaced_menu,
)
from bookmaker.normalize.passes.copyright_lines import (
    copyright_holder,
    copyright_holders,
    is_copyright,
    rights_text,
)
from bookmaker.normalize.passes.judgment import SECTION
from bookmaker.normalize.passes.owner_votes import (
    is_contact_table,
    vote_address_owner,
    vote_contact_office,
    vote_masthead_owner,
    vote_office,
    vote_self_notice,
)
from bookmaker.normalize.passes.page_boxes import (
    ad_blocks,
    ad_images,
    drop_auto_summary,
    drop_machine_summary,
    embedded_posts,
    language_menu,
    ranked_rows,
    ranks_over_entries,
    slide_counters,
    text_boxes,
)
from bookmaker.normalize.passes.page_tails import (
    MAX_FILE_LINES,
    board_title,
    drop_comments,
    drop_contact_below,
    drop_files_below,
    file_lines_in,
    live_after,
    logo_below,
    paywall,
    portrait_card,
    profile_card,
    site_frame,
)
from bookmaker.normalize.text import EDITOR_NOTE_OPEN, EDITOR_NOTE_WORD, ends_sentence, is_prose

_ADDRESS_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
"""A line that is only a web address: above a text's prose, the link a share or a link card carries."""
SHARED_LINK_TOP = 8
"""Lines from the text's top a shared link's address may stand at (under the title, the outlet, a card)."""


_TAG_HEADER = re.compile(r"(?:관련\s*)?(?:태그|Tags?|TAGS?)")
_TAG = re.compile(r"#?[가-힣A-Za-z0-9·&]{1,15}(?:\s[가-힣A-Za-z0-9·&]{1,10})?")
"""A tag alone on its line in a tag box (``청년창업``, ``#서울시``, ``AI 반도체``)."""


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


_COLOPHON = re.compile(
    r"(?:^|[|ㅣ]\s*)발행(?:처|기관)\s*[:：]?\s*(?P<name>[^\s|ㅣ:：][^|ㅣ]{0,29}?)\s*(?:[|ㅣ]|$)"
)
"""An imprint line's publisher field among others set apart by bars (``발행인 … | 발행처 국토연구원 | …``)."""


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


_SAID = re.compile(r"[가-힣][.!?]['\"”’)]?\s*$")
"""A line closed as a sentence of Korean prose is, with its stop: a headline drops the stop."""
_NOTE_START = re.compile(
    rf"^\s*(?:[※*]\s*)?{EDITOR_NOTE_OPEN}?\s*(?:{EDITOR_NOTE_WORD}|덧붙이는\s*글\s*[|｜:：])", re.IGNORECASE
)
"""An editor's note, or the writer's (오마이뉴스's ``덧붙이는 글 | …``): no headline of a related list."""
_STOCK_QUOTE = re.compile(
    r"(?:[가-힣A-Za-z0-9&.·]{1,20}\s?){1,3}\s*\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*원?\s*[▲▼△▽↑↓]\s*"
    r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*)?\(?[+-]?\d+(?:\.\d+)?%\)?(?:\s+.{0,40})?"
)
"""A stock quote widget set in the text (``원익IPS 32,450 ▲ 1,250 +4.01% 12.04 15:30 KRX 종목 상세``):
a name, the price, the change with its mark and percentage, and the quote's time and link."""


_UNLISTED_OUTLET = re.compile(r"[가-힣]{1,8}(?:일보|신문|뉴스|타임스|저널|데일리|투데이|스포츠|통신)")
"""A newspaper's or news site's name by its last word (``누리신문``, ``가람타임스``), one word."""


def run(ctx: Context) -> None:
    """Remove boilerplate lines, recording each with its family."""
    ranked_rows(ctx)
    ranks_over_entries(ctx)
    text_boxes(ctx)
    ad_images(ctx)
    ad_blocks(ctx)
    slide_counters(ctx)
    drop_auto_summary(ctx)
    drop_machine_summary(ctx)
    language_menu(ctx)
    embedded_posts(ctx)
    paywall(ctx)
    profile_card(ctx)
    portrait_card(ctx)
    site_frame(ctx)
    drop_comments(ctx)
    board_title(ctx)
    contact_box.run(ctx)
    in_list = False
    marked = False  # the list under the current list header came as markup list items
    prose_seen = closed = False
    holders = copyright_holders(ctx)
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
        if in_list and isinstance(item.block, ListBlock) and links_list(item.block):
            drop(item, "list of other articles (a list of links)", "boilerplate.related")
            marked = True
            continue
        if structured(item):  # a table, a list …: never boilerplate as a whole
            if isinstance(item.block, Table) and is_contact_table(ctx, item.block):
                vote_office(ctx, item.block)
                drop(item, "a press release's contact box set as a table", "boilerplate.release")
            in_list = False
            continue
        if prose_seen and logo_below(item):
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
        if prose_seen and _TAG_HEADER.fullmatch(bare_text(text)):
            drop(item, "the tag box below the text (its header)", "boilerplate.chrome")
            tagging = True
            continue
        if tagging and _TAG.fullmatch(text.strip()):
            drop(item, "the tag box below the text (a tag)", "boilerplate.chrome")
            continue
        tagging = False
        if is_list_header(ctx, text):
            drop(item, "list of other articles (header)", "boilerplate.related")
            in_list = prose_seen or closed  # below the copyright line: the page's, whatever came before
            marked = False
            continue
        if prose_seen and ctx.rules.any_of("boilerplate", "tail_chrome", whole=True).match(text):
            drop(item, "portal or site interface text", "boilerplate.chrome")
            continue
        if prose_seen and is_box_header(ctx, text, "attachment_headers"):
            drop_files_below(ctx, live_after(ctx, snapshot, at))
            drop(item, "a page's attachment list (header)", "boilerplate.board")
            continue
        if prose_seen and is_box_header(ctx, text, "file_list_headers"):
            # "참고자료" over attached files only (a petition's): the list and its header
            files = file_lines_in(snapshot[at + 1 : at + 1 + MAX_FILE_LINES])
            if files:
                for file in files:
                    drop(file, "a page's attachment list (files to download)", "boilerplate.board")
                    listed.add(id(file))
                drop(item, "a page's attachment list (header)", "boilerplate.board")
                continue
        if prose_seen and is_box_header(ctx, text, "contact_headers"):
            drop_contact_below(ctx, live_after(ctx, snapshot, at))
            drop(item, "a press contact box (header)", "boilerplate.release")
            continue
        if (marked and item.kind != "list-item") or _NOTE_START.match(text):
            in_list = False  # a box of linked list items ends with them; an editor's note is no headline
        if in_list and _SAID.search(text) and not link_only(item) and item.kind != "list-item":
            in_list = False  # a sentence closed with its stop ("… 편성됐다."): the story again, no headline
        if in_list and headline_like(text) and item.kind not in ("caption", "heading"):
            drop(item, "list of other articles (item)", "boilerplate.related")
            marked = marked or item.kind == "list-item"
            continue
        in_list = False
        prose_seen = prose_seen or is_prose(text)
        outlet = outlet_line(ctx.rules, text)
        if outlet is not None and (not prose_seen or bare_text(text) not in (outlet.name, *outlet.aliases)):
            # above the article a site label; below it only with a suffix (동양일보TV): a bare name
            # there signs a statement
            ctx.vote_publisher(outlet.name, Evidence.SITE_LABEL)
            drop(item, "the outlet's name on a line of its own", "boilerplate.outlet")
            continue
        if not prose_seen and bare_text(text) in holders:
            # a site that is no known outlet (a union, a body) names itself above the text as its
            # copyright line does below it
            ctx.vote_publisher(bare_text(text), Evidence.SITE_LABEL)
            drop(item, "the site's name on a line of its own (its copyright holder)", "boilerplate.outlet")
            continue
        if at == 0 and len(snapshot) > 2 and _UNLISTED_OUTLET.fullmatch(bare_text(text)):
            # a paper the rules do not list, its name alone on the page's first line (누리신문)
            ctx.vote_publisher(bare_text(text), Evidence.SITE_LABEL)
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
        if link_only(item) and headline_like(text) and prose_seen and not references:
            drop(item, "a link to another page", "boilerplate.link")
            continue
        group = item.attrs.get("br_group")
        family = line_family(ctx, text) or (broken.get(group) if group else None)
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
                vote_self_notice(ctx, text)
            elif family == "release":
                vote_contact_office(ctx, text)
            elif family == "board":
                vote_address_owner(ctx, text)
            elif family == "masthead":
                vote_masthead_owner(ctx, text)
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
                    item.kind is None
                    and not item.attrs.get("spaced_field")
                    and spaced_menu(ctx, item.source)
                    and not counted_roll(ctx, item)
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
