"""The article's header on a page: the headline element, decks, byline, dates and the copyright
notice, found by selector and by evidence, and given to normalization as lines of their kind.

* **Title**: a known headline selector; else the element whose text is the headline the page's
  metadata gives (``og:title``, JSON-LD, ``<title>``; an ``<h1>`` of any length that the title
  shows before a separator and the site's name, ``청람호 - 위키백과``); else a plausible ``<h1>``
  (not a logo, not a link home); else a board post's subject (a heading whose class names a title
  or subject, 10 characters or more), which also wins when ``<title>`` only names the board
  (``공지사항``). The element the page shows wins over ``<title>``.
* **Decks** (subtitles): subtitle selectors (``.media_end_summary``, ``sub-headline`` …),
  ``h2``–``h4`` right after the title, and short lines opening the article's text before any other
  text (``h2``–``h4``, a ``strong`` line, a bold paragraph) — in the body, or in a box of the
  article's own before it (none when that box holds the headline).
* **Byline and dates** outside the body, a date with its label (``입력``, ``수정``); without a byline
  element, a link to the writer's member page in the box right above the headline.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from bs4.element import NavigableString, Tag

from bookmaker.identifiers import DOI_LINE
from bookmaker.raw import SourceLine
from bookmaker.readers.html_below import IMG, Below, Subtrees
from bookmaker.readers.html_body import RIGHTS as _RIGHTS
from bookmaker.readers.html_body import holds_all, inside
from bookmaker.readers.html_dom import (
    BLOCK_TAGS,
    Page,
    collapse,
    has_text,
    hides,
    is_match,
    is_text,
    joined,
    visible_strings,
    visible_text,
)
from bookmaker.readers.html_flow import INTERFACE_TAGS, Env, Flow, kind_of
from bookmaker.readers.html_table import key_value

TITLE_SELECTORS = [
    "#articleTitle",
    "#title_area",
    ".media_end_head_headline",
    "h1.headline",
    "h1.title",
    ".article_title",
    ".news_title",
    ".tit_view",
    ".MsoTitle",  # Word's Title style, in a document saved as a web page
]
TITLE_CANDIDATES = [
    "h1",
    "h2",
    "h3",
    "h4",
    "[class*=title]",
    "[class*=headline]",
    "[class*=tit_]",
    "th[class*=subject]",
    "td[class*=subject]",
]
SUBTITLE_SELECTORS = [
    ".media_end_summary",
    ".summary_view",
    ".tit-sub",
    ".subtitle",
    ".sub_title",
    ".article_subtitle",
    "h2.subhead",
    ".news_subtitle",
    ".article-subtitle",
    ".sub_tit",
    "[class*=sub-headline]",
    "[class*=subheadline]",
    "[class*=sub_headline]",
]
DATE_SELECTORS = [
    ".t11",
    ".media_end_head_info_datestamp_time",
    "time",
    ".date",
    ".article_date",
    ".updated",
    ".published",
    ".news_date",
    "[class*=date]",
    "[class*=publishDate]",  # SmartEditor's se_publishDate
]
BYLINE_SELECTORS = [
    ".byline",
    ".journalist",
    ".reporter",
    ".writer",
    ".media_end_head_journalist",
    ".author",
    ".reader-credits",  # a reader view's byline (Firefox)
    "[itemprop=author]",
    ".txt_info",
    "[class*=author]",  # report-authors, author_name: after the exact names, as a last resort
    ".username",  # a blog platform's handle in the post's header (Velog)
]
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
RIGHTS_SELECTORS = [
    "footer",
    "[class*=copy]",
    "[class*=Copy]",
    "#copyright",
    "address",
    "[class*=foot] p",
    "[class*=licen]",
]
"""``[class*=Copy]``: a camelCase class (인벤's ``articleCopyright``); class names match case-sensitively.
``[class*=licen]``: a licence box (뉴스타파's ``article-license``: "이 저작물은 크리에이티브 커먼즈 …
이용할 수 있습니다"), an outlet's only rights line."""
_LICENCE = re.compile(r"크리에이티브\s*커먼즈|Creative\s+Commons|\bCC\s*BY\b", re.IGNORECASE)
"""A free licence's name: a rights notice without a copyright word."""
MAX_DECKS = 4
MAX_DECK_CHARS = 150
MAX_SECTION_LABEL = 8  # characters of a one-word heading opening the body: a section, not a deck
_LABELED_DATE = re.compile(
    r"^\s*(?:기사)?(?:입력|등록|작성|게시|수정|최종\s*수정|업데이트|발행|송고|승인)일?\s*:?\s*\[?\s*(?:19|20)\d{2}"
)
_DATE_LABEL_ALONE = re.compile(r"^\s*(?:입력|등록|작성|게시|발행)일?\s*:?\s*$")
"""A date's label in an element of its own (a screen reader's ``<span class="blind">작성일</span>``)."""
_WHOLE_DATE = re.compile(
    r"^\s*(?:19|20)\d{2}\s*(?:[.\-/]|년)\s*\d{1,2}\s*(?:[.\-/]|월)\s*\d{1,2}\s*(?:일|\.)?(?:\s*\d{1,2}:\d{2})?\s*$"
)
_PHOTO_BOX = re.compile("photo|img|image")
_SITE_SUFFIX = re.compile(r"^[-|:–—·]{1,2}\s*\S")
"""What follows a page's headline in its ``<title>``: a separator, then the site's name."""
_BEFORE_HEADLINE = re.compile(r"\S\s+(?:[-|:–—·>ㅣ]|::)\s*$")
"""What precedes a headline that ends the ``<title>``: a name, then a separator."""
_SUBJECT_CLASS = re.compile(r"title|subject", re.IGNORECASE)
MIN_SUBJECT = 10


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def _placed(env: Env, node: Tag | NavigableString) -> bool:
    """True when some text under ``node`` is already placed."""
    strings = [node] if isinstance(node, NavigableString) else visible_strings(node)
    return any(id(s) in env.consumed for s in strings)


def _plausible_h1(tag: Tag) -> bool:
    """An ``<h1>`` that can be the headline: some text, not in a menu, not a logo or a link home."""
    text = visible_text(tag)
    if len(text) < 4 or any(parent.name == "nav" for parent in tag.parents):
        return False
    names = [str(v) for t in [tag, *tag.find_all(True)] for v in [*(t.get("class") or []), t.get("id") or ""]]
    if any("logo" in name.lower() for name in names):
        return False
    links = tag.find_all("a")
    if links and sum(len(visible_text(a)) for a in links) >= len(text):
        return not all(urlsplit(str(a.get("href") or "")).path in ("", "/") for a in links)
    return True


def title_node(page: Page, meta_title: object) -> Tag | None:
    """The element showing the headline (see the module)."""
    for selector in TITLE_SELECTORS:
        node = page.select_one(selector)
        if node is not None and page.shown(node) and visible_text(node):
            return _headline_in(page, node)
    candidates = [t for t in page.select_any(TITLE_CANDIDATES) if page.shown(t) and visible_text(t)]
    if isinstance(meta_title, str) and (want := _key(meta_title)):
        keys = [(node, _key(visible_text(node))) for node in candidates]
        for node, got in keys:
            if got == want:
                return node
        showing = _showing(page, want)
        if showing is not None:
            return showing
        subject = next((h for h in candidates if _board_subject(h)), None)
        if subject is not None and len(want) < MIN_SUBJECT:  # <title> names the board, not the post
            return subject
        for node, got in keys:  # the page shows a shorter headline, or adds a short tag to it
            shorter = want.startswith(got)
            tagged = got.startswith(want) and len(got) - len(want) <= 10
            if len(got) >= 8 and (shorter or tagged):
                return node
        for node in candidates:  # an old board's "학회 - 공지사항 - subject": the longer part, last
            text = visible_text(node)
            head = meta_title.rstrip()[: -len(text)] if meta_title.rstrip().endswith(text) else ""
            if head and _BEFORE_HEADLINE.search(head) and len(text) > len(head):
                return node
        for node in candidates:  # a short headline before the site's name ("청람호 - 위키백과")
            text = visible_text(node)
            rest = meta_title[len(text) :].strip() if meta_title.startswith(text) else ""
            if node.name == "h1" and _SITE_SUFFIX.match(rest):
                return node
    h1 = next((h for h in candidates if h.name == "h1" and _plausible_h1(h)), None)
    return h1 or next((h for h in candidates if _board_subject(h)), None)


def _showing(page: Page, want: str) -> Tag | None:
    """The element around a text node that is the whole headline the metadata gives, outside
    links, menus and the head, when no heading shows it (SmartEditor's ``<p><span>제목</span></p>``)."""
    for string in page.soup.find_all(string=True):
        parent = string.parent
        if not is_text(string) or not isinstance(parent, Tag) or _key(str(string)) != want:
            continue
        if page.shown(parent) and not any(
            p.name in ("a", "nav", "head", "title") for p in [parent, *parent.parents]
        ):
            return parent
    return None


def _board_subject(tag: Tag) -> bool:
    """A board's post title (``<h3 class="view_title">``, ``<h3 class="subject">``, a view table's
    ``<td class="subject">``): a heading whose class names a title or subject (a cell's, a subject),
    long enough not to be the board's own name, outside menus."""
    classes = " ".join(str(c) for c in tag.get("class") or [])
    return (
        (tag.name in ("h2", "h3", "h4") or (tag.name == "td" and "subject" in classes))
        and bool(_SUBJECT_CLASS.search(classes))
        and len(visible_text(tag)) >= MIN_SUBJECT
        and not any(parent.name in ("nav", "aside", "footer") for parent in tag.parents)
    )


def _headline_in(page: Page, node: Tag) -> Tag:
    """A title selector may match a box of headings (``<div class=news_title><h2>…</h2><h4>…</h4>``):
    the headline is then its first heading, and the headings after it are decks."""
    if node.name in HEADINGS:
        return node
    heads = [t for t in node.find_all(HEADINGS) if page.shown(t) and visible_text(t)]
    return heads[0] if len(heads) > 1 else node


def _short_text(below: Below) -> str | None:
    """The visible text of an element whose content is ``below`` (:func:`visible_text`), or None
    when longer than any text a rule here reads whole."""
    return None if below.strings is None else joined(below.strings)


def _is_deck(tag: Tag, subtrees: Subtrees) -> bool:
    """A short line that is a deck where the body opens (see the module)."""
    text = _short_text(subtrees.of(tag))
    if not text or len(text) > MAX_DECK_CHARS:
        return False
    if tag.name in ("h2", "h3", "h4") and _section_label(text):
        return False
    if tag.name in ("h2", "h3", "h4") or any(is_match(tag, s) for s in SUBTITLE_SELECTORS):
        return True
    if tag.name in ("strong", "b"):
        after = tag.next_sibling
        while isinstance(after, NavigableString) and not (is_text(after) and has_text(after)):
            after = after.next_sibling
        ends_line = after is None or (
            isinstance(after, Tag) and (after.name == "br" or after.name in BLOCK_TAGS)
        )
        return ends_line or tag.find("br") is not None
    if tag.name in ("p", "div"):
        bold = tag.find_all(["strong", "b"], recursive=False)
        return len(bold) == 1 and _short_text(subtrees.of(bold[0])) == text and not text.endswith("다.")
    return False


_SUB_CLASS = re.compile(r"(?:^|[-_])sub(?:[-_]?(?:title|tit|head(?:line)?))?$", re.IGNORECASE)
_CAMEL_SUB = re.compile(r"[a-z]Sub(?:Title|Tit|Head(?:line)?|ject)?$")
"""A camelCase class naming a subtitle (``articleSubTitle``; 인벤's ``articleSubject`` under its
``articleTitle``): matched only among the headline's next siblings, where a subject is no headline."""


def _sub_classed(tag: Tag) -> bool:
    """A paragraph, box or list (a deck line per item) whose class names a subtitle (``report-sub``,
    ``sub``, ``title-sub``, ``sub-title``, ``article_sub_title``, ``articleSubTitle``; not ``subscribe``)."""
    names = [str(name) for name in tag.get("class") or []]
    return tag.name in ("p", "div", "ul") and any(_SUB_CLASS.search(n) or _CAMEL_SUB.search(n) for n in names)


_TRANSLATED = re.compile(
    r"(?:title|tit)[-_]?(?:en|eng|english)$|^(?:en|eng)[-_]?(?:title|tit)", re.IGNORECASE
)


_ENGLISH_TITLE = re.compile(
    r"(?!by\s)[A-Z][A-Za-z’'\-]*(?:[ ,:;–—-]+[A-Za-z’'\-]+){2,24}[?!.]?", re.IGNORECASE
)
"""A title in English: three words or more, no digit, no Hangul, not a "By" line."""


def _title_translated(tag: Tag) -> bool:
    """A line right under the headline whose class names the headline in English (``exh-title-en``,
    ``tit_eng``, ``en-title``), or whose words are all an English title (a translated column's
    original title, ``<p><em>Democracy Dies Outside the Ballot Box</em></p>``): a deck."""
    names = [str(name) for name in tag.get("class") or []]
    if tag.name not in ("p", "div", "span"):
        return False
    return any(_TRANSLATED.search(n) for n in names) or (
        _ENGLISH_TITLE.fullmatch(visible_text(tag).strip()) is not None and visible_text(tag)[:1].isupper()
    )


def _headline_box(title: Tag, subtrees: Subtrees) -> Tag:
    """The box that holds the headline and nothing else (``<div class="articleTitle"><h1>…``): its
    siblings are the headline's neighbours."""
    text = visible_text(title)
    box = title
    while (
        isinstance(box.parent, Tag)
        and box.parent.name == "div"
        and (holds_all(box, subtrees) or visible_text(box.parent) == text)
    ):
        box = box.parent
    return box


_LABEL_NOUN = re.compile(r"^[가-힣]{1,6}\s(?:소개|개요|안내|요약|해설|설명)$")
"""A section's label of two words, a subject and a label noun (``전시 소개``, ``행사 개요``)."""


def _section_label(text: str) -> bool:
    """A heading of one short word (``요약``, ``개요``, ``서론``, ``Summary``) or a subject and a label
    noun (``전시 소개``): a document's first section, not a deck, which says something in a phrase."""
    text = text.strip()
    return (" " not in text and len(text) <= MAX_SECTION_LABEL) or _LABEL_NOUN.match(text) is not None


def _passed_over(tag: Tag, subtrees: Subtrees) -> bool:
    """An element the search for decks looks past: hidden, interface, a photo or its caption."""
    if hides(tag) or tag.name in INTERFACE_TAGS or tag.name in ("figure", "img", "br", "hr", "table"):
        return True
    if kind_of(tag) == "caption":
        return True
    below = subtrees.of(tag)
    text = _short_text(below)
    return below.has(IMG) and text is not None and len(text) <= 200 and bool(tag.find(class_=_PHOTO_BOX))


def leading_decks(body: Tag, subtrees: Subtrees) -> list[Tag]:
    """Deck lines at the start of the body, before its first other text (photos are passed over)."""
    decks: list[Tag] = []
    stack = [iter(body.children)]
    while stack and len(decks) < MAX_DECKS:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child, NavigableString):
            if is_text(child) and has_text(child):
                break
        elif not isinstance(child, Tag) or _passed_over(child, subtrees):
            continue
        elif _is_deck(child, subtrees):
            if _first_marked_head(child, body):
                break
            decks.append(child)
        else:
            stack.append(iter(child.children))
    return decks


_SECTION_MARK = re.compile(r"^\s*([◆◇■□▶▷●○◈▣])")


def _first_marked_head(tag: Tag, body: Tag) -> bool:
    """A bold line opening the body with a section mark (``<p><strong>◆ 새벽 5시의 단골들</strong></p>``)
    that another element of the body opens with too: the first of the text's section heads, no deck."""
    mark = _SECTION_MARK.match(visible_text(tag))
    if mark is None:
        return False
    return any(
        other is not tag
        and not inside(other, tag)
        and not inside(tag, other)
        and visible_text(other).lstrip().startswith(mark[1])
        for other in body.find_all(["strong", "b", "h2", "h3", "h4"])
    )


def _decks(env: Env, body: Tag, title: Tag | None, opens: Tag) -> list[Tag]:
    page = env.page
    decks: list[Tag] = []
    if title is not None and not inside(title, body):
        for sibling in _headline_box(title, env.subtrees()).find_next_siblings():
            if hides(sibling) or not visible_text(sibling):
                continue
            short = len(visible_text(sibling)) <= MAX_DECK_CHARS
            if (
                (
                    sibling.name not in ("h2", "h3", "h4")
                    and not (_sub_classed(sibling) and not visible_text(sibling).endswith("다."))
                    and not _title_translated(sibling)
                )
                or not short
                or inside(body, sibling)
                or sibling is body
            ):
                break
            decks.append(sibling)
    for selector in SUBTITLE_SELECTORS:
        nodes = [n for n in page.select(selector) if n is not body and not inside(n, body) and page.shown(n)]
        if nodes:
            decks += [n for n in nodes if all(n is not d for d in decks)]
            break
    if title is not None and opens is not body and (opens is title or inside(title, opens)):
        return decks  # the article opens in the headline's box: what follows the headline is text
    return decks + leading_decks(opens, env.subtrees())


def _label(env: Env, node: Tag) -> Tag | NavigableString | None:
    """A short label just before a date (``입력``, ``수정``), as text or an element of its own."""
    before = node.previous_sibling
    while isinstance(before, NavigableString) and not (is_text(before) and has_text(before)):
        before = before.previous_sibling
    if isinstance(before, Tag) and not hides(before):
        text = visible_text(before)
    elif isinstance(before, NavigableString):
        text = collapse(before).strip()
    else:
        return None
    if not text or len(text) > 8 or re.search(r"\d", text) or _placed(env, before):
        return None
    return before


def _shown_dates(page: Page, title: Tag | None, body: Tag) -> list[Tag]:
    """Elements between the headline and the body that show a date and nothing else (a blog's
    ``<span>2026년 11월 18일</span>`` under its title, in no date class); not an infobox's value."""
    if title is None or page.order(title) > page.order(body):
        return []
    out: list[Tag] = []
    for string in title.find_all_next(string=_WHOLE_DATE):
        if page.order(string) > page.order(body) or inside(string, body):
            break
        table = string.find_parent("table")
        if table is not None and key_value(table):
            continue  # an infobox's value (its 개업일), not the page's date (a board's view table's is)
        if is_text(string) and isinstance(string.parent, Tag) and not inside(string, title):
            out.append(string.parent)
    return out


def _dates(env: Env, body: Tag, title: Tag | None) -> list[SourceLine]:
    soup = env.page.soup
    labeled = [
        s.parent for s in soup.find_all(string=_LABELED_DATE) if isinstance(s.parent, Tag) and is_text(s)
    ]
    for word in soup.find_all(string=_DATE_LABEL_ALONE):  # <span class="blind">작성일</span>2026.11.27
        box = word.parent.parent if isinstance(word.parent, Tag) else None
        if isinstance(box, Tag) and _LABELED_DATE.match(visible_text(box)):
            labeled.append(box)
    candidates = [node for selector in DATE_SELECTORS for node in env.page.select(selector)] + labeled
    candidates += _shown_dates(env.page, title, body)
    out: list[SourceLine] = []
    for node in candidates:
        if (
            inside(node, body)
            or node is body
            or not env.page.shown(node)
            or _placed(env, node)
            or _in_responses(node)
        ):
            continue
        text = visible_text(node)
        if text and node.name == "time" and node.get("datetime") and not re.search(r"\d{4}", text):
            env.remove(
                node, "the date shown without its year (the <time> element gives it whole)", "html.date"
            )
            continue  # "<time datetime='2026-12-05T23:30:00Z'>12월 6일</time>": the page's date, shown short
        if not text or len(text) > 100 or not re.search(r"\d{4}", text):
            continue
        label = _label(env, node)
        if label is not None:
            text = f"{collapse(''.join(env.take(label))).strip()} {text}"
        env.take(node)
        out.append(SourceLine(text, env.page.line(node), "date"))
    return out


def header_lines(
    env: Env, body: Tag, title: Tag | None, opens: Tag | None = None, writers: Sequence[str] = ()
) -> list[SourceLine]:
    """Title, deck, byline and date lines; decks inside the body are marked for its walk. ``opens``
    is the box the article's text opens with, when a box of its own comes before the body;
    ``writers`` are the names the page's metadata gives (its only byline, on some pages)."""
    out: list[SourceLine] = []
    page: Page = env.page
    if title is not None:
        text = collapse(" ".join(env.take(title))).strip()
        env.skip.add(id(title))
        out.append(SourceLine(text, page.line(title), "title"))
    for deck in _decks(env, body, title, opens or body):
        env.kinds[id(deck)] = "subtitle"
        for line in deck.find_all(["h2", "h3", "h4", "h5", "p", "li"]):  # a deck box of several lines
            env.kinds[id(line)] = "subtitle"
        if not inside(deck, body):
            out += Flow(env, "lines").run([deck]).lines()
            env.skip.add(id(deck))
    found = (next((n for n in page.select(s) if not _in_responses(n)), None) for s in BYLINE_SELECTORS)
    node = next((n for n in found if n is not None), None) or _mailed_byline(page, body)
    if node is not None and not inside(node, body) and not inside(body, node) and page.shown(node):
        text = visible_text(node)
        name = _name_part(page, node) if _FULL_DATE.search(text) and not _signed(text) else None
        if name is not None and not _EMAIL.fullmatch(visible_text(name)):
            node, text = name, visible_text(name)  # the box also shows the date: its name part
        if (
            text
            and len(text) <= 80
            and (not re.search(r"\d{4}", text) or _signed(text) or _name_and_date(text))
            and not _placed(env, node)
        ):
            env.take(node)
            if not _EMAIL.search(text) and (mail := _card_mail(page, body, text)) is not None:
                text = f"{text} {mail}"  # the byline names the reporter; the card below the text mails
            if _nickname(node, text) or text == _writer_meta(page):  # a blog's writer goes by a
                text = f"by {text}"  # nickname (or the one Tistory's <meta name="by"> gives): a name
            out.append(SourceLine(text, page.line(node), "byline"))
            out += beside_byline(env, node)
    elif node is None and (writer := _board_writer(env, body)) is not None:
        name, ip = writer  # "ㅇㅇ(118.235)": a community's unregistered writer, by nickname
        out.append(SourceLine(f"by {collapse(' '.join(env.take(name))).strip()}", page.line(name), "byline"))
        env.remove(
            ip, "the partial IP a board shows beside an unregistered writer's nickname", "html.board-ip"
        )
    elif node is None and (region := _byline_region(env, body)) is not None:
        name, rest = region
        out.append(SourceLine(f"by {collapse(' '.join(env.take(name))).strip()}", page.line(name), "byline"))
        for item in rest:  # the outlet and the place beside the name ("BBC 뉴스, 도쿄")
            env.remove(item, "the byline's outlet and place beside the writer's name", "html.byline-desk")
    elif node is None and (card := _writer_card(env, body, writers)) is not None:
        name, mail = card
        out.append(
            SourceLine(f"{collapse(' '.join(env.take(name))).strip()} {mail}", page.line(name), "byline")
        )
    elif node is None and (team := _team_credit(env, title, body)) is not None:
        out.append(SourceLine(visible_text(team), page.line(team), "byline"))
        env.take(team)
    elif node is None and (info := _signed_box(env, title, body)) is not None:
        out.append(SourceLine(visible_text(info), page.line(info), "byline"))
        env.take(info)
    elif node is None and (labelled := _by_label(env, body)) is not None:
        label, name = labelled
        text = f"by {collapse(' '.join(env.take(name))).strip()}"
        env.take(label)
        out.append(SourceLine(text, page.line(name), "byline"))
    elif node is None and (field := _writer_field(env, body)) is not None:
        label, value = field
        text = f"작성자 {collapse(' '.join(env.take(value))).strip()}"
        env.take(label)
        out.append(SourceLine(text, page.line(label), "byline"))
    elif node is None and title is not None and (profile := _profile_link(env, title)) is not None:
        text = f"by {collapse(' '.join(env.take(profile))).strip()}"
        out.append(SourceLine(text, page.line(profile), "byline"))
    elif node is None and (classed := _writer_classed(env, title, body)) is not None:
        out.append(SourceLine(visible_text(classed), page.line(classed), "byline"))
        env.take(classed)
    if not any(line.kind == "byline" for line in out) and (nick := _profile_nick(env, body)) is not None:
        out.append(SourceLine(f"by {collapse(' '.join(env.take(nick))).strip()}", page.line(nick), "byline"))
    photo = _lead_photo(page, body, title)
    if photo is not None:  # lines of its own, before the body's: the reader's order is the source's
        out += Flow(env, "lines").run([photo]).lines()
        env.skip.add(id(photo))
    return out + _dates(env, body, title)


_CAPTIONED = re.compile(r"(?:^|[-_])(?:caption|cap|photo[-_]?desc)(?:$|[-_])", re.I)


def _lead_photo(page: Page, body: Tag, title: Tag | None) -> Tag | None:
    """The article's lead photo between the headline and the body (뉴스와이어's ``.news-photo``: one image
    and its caption, outside the text's container): the article's, not the page's chrome."""
    if title is None or inside(title, body) or page.order(title) > page.order(body):
        return None
    for node in title.find_all_next(["figure", "div"]):
        if node is body or inside(node, body) or inside(body, node):
            return None  # reached the body: nothing between
        if node.name == "div" and node.find(["figure", "div", "p", "ul"], recursive=False) is None:
            continue
        imgs = node.find_all("img")
        caption = node.find(["figcaption", "p", "div", "span"], class_=_CAPTIONED)
        captioned = caption is not None and bool(visible_text(caption))
        described = node.name == "figure" and len(imgs) == 1 and bool(str(imgs[0].get("alt") or "").strip())
        if len(imgs) == 1 and (captioned or described) and not node.find("a", href=True):
            return node  # or a <figure> of one described image (an exhibition's poster)
    return None


_SIGNED_PART = re.compile(
    r"[가-힣]{2,4}\s*(?:기자|특파원|선임기자|객원기자|편집위원|논설위원)"
    r"|(?i:by)\s+[^\W\d_]{1,12}(?:\s[^\W\d_]{1,12}){0,2}"
)
"""A part of a byline box that signs it: a name with a reporter's title, or "By" and a name of up to
three words (a translated column's ``By 앤 애플게이트 | 입력 …``)."""


_MEMBER_SIGNED = re.compile(r"(?<![가-힣])[가-힣]{2,4}\s?\([a-z][a-z0-9_]{2,19}\)\s*$")
"""A citizen reporter signing with the site's member id after the name (오마이뉴스's ``26.12.03 11:22 l
최종 업데이트 … l 이종원(ljw0412)``), last on the line."""


_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}")


def _name_part(page: Page, box: Tag) -> Tag | None:
    """The part of a byline box that names the writer when the box also shows the date (프레시안's
    ``.byline``: ``<div class="box"><span class="name">…</span></div><div class="date">기사입력 …``):
    its first shown element with letters and no year, in no date class, that leaves out the date."""
    for part in box.find_all(True):
        text = visible_text(part)
        classes = " ".join(str(c) for c in part.get("class") or [])
        if (
            text
            and page.shown(part)
            and part.name not in INTERFACE_TAGS
            and part.name not in ("dt", "th", "label")  # a field's label ("작성자"), not its value
            and "date" not in classes
            and re.search(r"[가-힣A-Za-z]{2}", text)
            and not re.search(r"\d{4}|\d{1,2}:\d{2}", text)
            and not re.fullmatch(r"(?:기사)?(?:입력|등록|작성|수정|업데이트|발행|송고)일?\s*:?", text)
        ):
            return part
    return None


def _signed(text: str) -> bool:
    """A byline box giving the issue and the date beside the name (a magazine's ``윤채원 기자 · 호수
    1880 · 승인 2026.12.01 07:30``): one of its ``·``/``|`` parts is a name with a reporter's title,
    or the line ends with a name and a member id."""
    if _MEMBER_SIGNED.search(text):
        return True
    return any(_SIGNED_PART.fullmatch(part.strip()) for part in re.split(r"\s[·|ㅣ]\s", text))


_BARE_NAME = re.compile(r"[가-힣]{2}[가-힣](?<![부팀국실과])|[가-힣]{1,6}(?:\s[가-힣]{1,6}){1,2}")
"""A name as a byline element may give it alone: three syllables (not a desk's ``사회부``), or one to
three words (``폴 크루그먼``)."""


def _name_and_date(text: str) -> bool:
    """A byline element's name without a title beside the date (a translated column's ``폴 크루그먼 |
    입력 2026.11.27 00:05``): the first ``|``/``·`` part a name of one to three words, a later part the
    date."""
    parts = [part.strip() for part in re.split(r"\s[·|ㅣ]\s", text)]
    return (
        len(parts) > 1
        and _BARE_NAME.fullmatch(parts[0]) is not None
        and any(_FULL_DATE.search(part) for part in parts[1:])
    )


def _signed_box(env: Env, title: Tag | None, body: Tag) -> Tag | None:
    """The line between the headline and the text that signs and dates the article in no byline
    class (a regional weekly's ``<div class="news_info">최하늘 기자 | 승인 2026.12.03 14:20 | 댓글 2``)."""
    if title is None or env.page.order(title) > env.page.order(body):
        return None
    for tag in title.find_all_next(["div", "p", "span", "li", "dd"]):
        if env.page.order(tag) > env.page.order(body) or inside(tag, body) or inside(body, tag):
            break
        text = visible_text(tag)
        if (
            len(text) <= 100
            and re.search(r"(?:19|20)\d{2}|\b\d{2}\.\d{2}\.\d{2}\b", text)  # 오마이뉴스: "26.12.03 11:22"
            and _signed(text)
            and not _placed(env, tag)
        ):
            return tag
    return None


_WRITER_CLASS = re.compile(r"writer", re.IGNORECASE)


def _writer_classed(env: Env, title: Tag | None, body: Tag) -> Tag | None:
    """A short line between the headline and the text whose class names the writer (``art_writer``,
    ``col-writer``) and that no other byline rule read (a translated column's ``Nicholas Wade | The
    Guardian``, no date, no reporter's title)."""
    if title is None or env.page.order(title) > env.page.order(body):
        return None
    for tag in title.find_all_next(["p", "div", "span"]):
        if env.page.order(tag) > env.page.order(body) or inside(tag, body) or inside(body, tag):
            break
        names = " ".join(str(name) for name in tag.get("class") or [])
        text = visible_text(tag)
        if _WRITER_CLASS.search(names) and 0 < len(text) <= 60 and not _placed(env, tag):
            return tag
    return None


_BY = re.compile(r"\A\s*by\s*\Z", re.IGNORECASE)
"""A "by" label alone, anchored: bs4 *searches* each text with it, and unanchored its leading
spaces took time quadratic in a long run of spaces."""
_NICK = re.compile(r"nick|user[-_]?name", re.IGNORECASE)
_RESPONSES = re.compile(r"comment|reply|cmt|answer", re.IGNORECASE)


_PARTIAL_IP = re.compile(r"^\(\s*\d{1,3}\.\d{1,3}\s*\)$")
"""The first half of an IP address a community board shows beside a writer without an account."""
MAX_NICKNAMES = 50
"""Nickname elements looked at for the post's writer (a comment section may hold hundreds)."""


def _board_writer(env: Env, body: Tag) -> tuple[Tag, Tag] | None:
    """A board post's writer shown as a nickname element with the partial IP beside it
    (``<span class="nickname">ㅇㅇ</span><span class="ip">(118.235)</span>``), outside the text
    and the comments: the nickname and the IP's element."""
    page: Page = env.page
    for nick in page.select("[class*=nick]")[:MAX_NICKNAMES]:
        ip = nick.find_next_sibling()
        if (
            ip is not None
            and _PARTIAL_IP.match(visible_text(ip))
            and visible_text(nick)
            and not inside(nick, body)
            and not _in_responses(nick)
            and page.shown(nick)
        ):
            return nick, ip
    return None


_PROFILE = re.compile(r"profile|blogger", re.IGNORECASE)
"""A blog's profile card (``blogger-profile``): the nickname in it names the blog's writer."""


def _profile_nick(env: Env, body: Tag) -> Tag | None:
    """A blog's writer shown only in its profile card, outside the text and the comments (a bookshop's
    reader blog: ``<div class="blogger-profile"><strong class="nick">책읽는고양이</strong> …``): the
    nickname's element."""
    page: Page = env.page
    for nick in page.select("[class*=nick]")[:MAX_NICKNAMES]:
        boxes = [nick.parent, nick.parent.parent if nick.parent is not None else None]
        carded = any(
            isinstance(box, Tag)
            and any(_PROFILE.search(str(c)) for c in box.get_attribute_list("class") or [])
            for box in boxes
        )
        if (
            carded
            and 2 <= len(visible_text(nick)) <= MAX_NICK
            and not inside(nick, body)
            and not _in_responses(nick)
            and page.shown(nick)
        ):
            return nick
    return None


MAX_NICK = 20
"""The longest nickname a profile card shows."""


def _in_responses(node: Tag) -> bool:
    """``node`` is in the readers' comments under a post or the answers to a question (an element
    whose id, class or microdata says comment, reply or answer): their names and dates are not the
    page's."""
    for tag in [node, *node.parents]:
        names = [str(tag.get(attr) or "") for attr in ("id", "itemprop", "itemtype")]
        names += map(str, tag.get_attribute_list("class") or [])
        if any(_RESPONSES.search(name) for name in names if name):
            return True
    return False


def _writer_meta(page: Page) -> str | None:
    """The writer a blog platform names in ``<meta name="by">`` (Tistory's skins)."""
    meta = page.soup.find("meta", attrs={"name": "by"})
    content = meta.get("content") if isinstance(meta, Tag) else None
    return collapse(content).strip() or None if isinstance(content, str) else None


def _nickname(node: Tag, text: str) -> bool:
    """Byline markup that is all a nickname (``<span class="nick">책방지기 솔</span>``)."""
    nicks = [
        t for t in [node, *node.find_all(True)] if any(_NICK.search(str(c)) for c in t.get("class") or [])
    ]
    return any(visible_text(t) == text for t in nicks)


MAX_CARD_LINKS = 10
"""Mail links after the text looked at for a writer's card (a comment section may hold hundreds)."""


def _writer_card(env: Env, body: Tag, writers: Sequence[str]) -> tuple[Tag, str] | None:
    """A reporter's card after the text when the page shows no byline and its metadata names the
    writer (``<meta name="author">``, JSON-LD): the card's name element (``<strong>오세린 기자</strong>``,
    that name with a title) and the address of its ``mailto:`` link. Cards in the footer, menus and
    sidebars do not count."""
    if not writers:
        return None
    page = env.page
    links = [link for link in page.select("[href^=mailto]") if page.order(link) > page.order(body)]
    for link in links[:MAX_CARD_LINKS]:
        if inside(link, body) or any(p.name in ("footer", "nav", "aside") for p in link.parents):
            continue
        address = _EMAIL.search(str(link.get("href") or "")) or _EMAIL.search(visible_text(link))
        if address is None:
            continue
        for box in link.parents:
            if box is body or len(visible_text(box)) > 2 * MAX_CARD:
                break
            for tag in box.find_all(True):
                named = _CARD_NAME.match(visible_text(tag).strip())
                if named and named.group(1) in writers and not tag.find(True) and page.shown(tag):
                    return tag, address.group(0)
    return None


_TEAM_CREDIT = re.compile(r"^(?:[A-Z]{2,6}\s+)?(?:[가-힣A-Za-z0-9·]+\s+){0,4}(?:제작진|제작팀|취재팀)$")
"""A team credited in place of a reporter: a program's production team (``CBS 김현정의 뉴스쇼 제작진``), a
desk's reporting team (``사회부 특별취재팀``)."""


def _team_credit(env: Env, title: Tag | None, body: Tag) -> Tag | None:
    """An element of its own between the headline and the text (in no byline class) that credits a
    team (:data:`_TEAM_CREDIT`), as a transcript page's ``<li>CBS 김현정의 뉴스쇼 제작진</li>`` beside its
    date."""
    if title is None or env.page.order(title) > env.page.order(body):
        return None
    for tag in title.find_all_next(["div", "p", "span", "li", "dd", "em", "strong"]):
        if env.page.order(tag) > env.page.order(body) or inside(tag, body) or inside(body, tag):
            break
        if tag.find(True) is None and _TEAM_CREDIT.match(visible_text(tag).strip()) and not _placed(env, tag):
            return tag
    return None


_BYLINE_REGION = re.compile(r"byline|author", re.IGNORECASE)


def _byline_region(env: Env, body: Tag) -> tuple[Tag, list[Tag]] | None:
    """A byline region that names itself only for screen readers, its entries a list before the body
    (BBC's ``<section aria-labelledby="article-byline">`` holding ``<ul><li>켄지 사토</li><li>BBC 뉴스,
    도쿄</li></ul>``): the first entry names the writer, the others the outlet and the place."""
    page = env.page
    for region in page.select("[aria-labelledby*=byline]") + page.select("[aria-labelledby*=author]"):
        first = body.find("p")  # in the article's container, above its text
        if not page.shown(region) or (
            inside(region, body) and first is not None and page.order(first) < page.order(region)
        ):
            continue
        if not inside(region, body) and page.order(region) > page.order(body):
            continue
        if not _BYLINE_REGION.search(str(region.get("aria-labelledby") or "")):
            continue
        items = [li for li in region.find_all("li") if page.shown(li) and visible_text(li).strip()]
        if not items:
            continue  # (its screen-reader label "작성자, " may be placed already: the name may not)
        name = collapse(" ".join(s for s in visible_strings(items[0]) if id(s) not in env.consumed)).strip()
        if 1 < len(name) <= 30 and not re.search(r"\d|@", name):
            return items[0], items[1:]
    return None


def _by_label(env: Env, body: Tag) -> tuple[Tag | NavigableString, Tag] | None:
    """A writer's name in an element of its own after a "by" label of its own, before the body
    (Brunch's ``<span>by</span> <a><span>한결</span></a>``): the label and the name."""
    page = env.page
    for string in page.soup.find_all(string=_BY):
        if not is_text(string) or page.order(string) > page.order(body):
            continue
        label: Tag | NavigableString = string.parent if isinstance(string.parent, Tag) else string
        if isinstance(label, Tag) and (visible_text(label).strip().lower() != "by" or label is body):
            label = string
        name = label.next_sibling
        while isinstance(name, NavigableString) and not collapse(name).strip():
            name = name.next_sibling
        if isinstance(name, Tag) and page.shown(name) and not _placed(env, name):
            text = visible_text(name)
            if 1 < len(text) <= 20 and not re.search(r"\d", text):
                return label, name
    return None


_WRITER_FIELD = re.compile(r"\s*(?:작성자|글쓴이)\s*[:：]?\s*")
_WRITER_LABEL = re.compile(r"작성자|글쓴이")
"""What a text is searched for (:data:`_WRITER_FIELD` searched would try its ``\\s*`` at every
space of a long run of them: time quadratic in the run's length)."""


def _writer_field(env: Env, body: Tag) -> tuple[Tag, Tag | NavigableString] | None:
    """A board's writer field before the body: its label in an element of its own (``<span>작성자</span>``,
    ``<th>작성자</th>``) and the value after it, as the text beside the label or the next cell."""
    page = env.page
    for string in page.soup.find_all(string=_WRITER_LABEL):
        label = string.parent
        if not isinstance(label, Tag) or not _WRITER_FIELD.fullmatch(visible_text(label)):
            continue
        if page.order(string) > page.order(body) or inside(string, body) or _placed(env, label):
            continue
        value = label.next_sibling
        while isinstance(value, NavigableString) and not collapse(value).strip():
            value = value.next_sibling
        if isinstance(value, NavigableString) and is_text(value) and not _placed(env, value):
            text = collapse(value).strip()
        elif isinstance(value, Tag) and page.shown(value) and not _placed(env, value):
            text = visible_text(value)
        else:
            continue
        if 1 < len(text) <= 20 and not re.search(r"\d", text):
            return label, value
    return None


_PROFILE = re.compile(
    r"profile|/@[\w.-]+|[?&](?:uid|user_?id|mem(?:ber)?_?id)=|/(?:users?|members?)/", re.IGNORECASE
)
"""The address of a member's page on a community or a blog platform."""


def _profile_link(env: Env, title: Tag) -> Tag | None:
    """A writer known by a link to their member page, in the box right above the headline (a recipe
    site's ``<div><a href="/profile/index.html?uid=…">요리하는아빠</a> <span>골드쉐프</span></div>``):
    a nickname, outside menus."""
    page = env.page
    for link in page.select("a[href]"):
        if page.order(link) > page.order(title):
            break
        if not _PROFILE.search(str(link.get("href"))) or not page.shown(link) or _placed(env, link):
            continue
        if any(p.name in ("nav", "header", "footer", "aside") for p in link.parents):
            continue
        box = link.find_parent(list(BLOCK_TAGS))
        text = visible_text(link)
        if (
            isinstance(box, Tag)
            and 1 < len(text) <= 20
            and not re.search(r"\d", text)
            and _right_above(box, title)
        ):
            return link
    return None


_REPORTER = re.compile(r"[가-힣]{2,4}\s*(?:기자|특파원|앵커|에디터|PD)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address; it starts where a run of its characters starts (tried at every character of a
long word, the search took time quadratic in the word's length)."""


def _mailed_byline(page: Page, body: Tag) -> Tag | None:
    """A byline under a class name no selector knows: the smallest element around a reporter's
    ``mailto:`` link, or an e-mail address in text before the body, that names the reporter
    (``<div><a>정다은 기자</a> <a href="mailto:…">``, ``<div><a>정민혁 기자</a> jmh@kookje.co.kr</div>``),
    outside the body and the page's footer, menus and sidebars."""
    written = [
        s.parent
        for s in page.soup.find_all(string=_EMAIL)
        if is_text(s)
        and isinstance(s.parent, Tag)
        and page.shown(s.parent)
        and page.order(s) < page.order(body)
    ]
    for link in sorted([*page.select("[href^=mailto]"), *written], key=page.order):
        if inside(link, body) or any(p.name in ("footer", "nav", "aside") for p in link.parents):
            continue
        for node in [link, *link.parents]:
            text = visible_text(node)
            if len(text) > 80 or node is body:
                break
            if _REPORTER.search(text):
                return node
    return None


_CARD_NAME = re.compile(r"^([가-힣]{2,4})\s*(?:기자|특파원|선임기자|전문기자)?$")
MAX_CARD = 120


def _card_mail(page: Page, body: Tag, byline: str) -> str | None:
    """The e-mail of a reporter's card after the text (``<div class="author_card"><strong>김대기</strong>
    <span>기자</span><a href="mailto:…">``) when the byline above is that name alone: the one address
    the page gives for the reporter. Cards in the footer, menus and sidebars do not count."""
    named = _CARD_NAME.match(byline.strip())
    if named is None:
        return None
    for link in page.select("[href^=mailto]"):
        if inside(link, body) or page.order(link) < page.order(body):
            continue
        if any(p.name in ("footer", "nav", "aside") for p in link.parents):
            continue
        address = _EMAIL.search(str(link.get("href") or "")) or _EMAIL.search(visible_text(link))
        for node in link.parents:
            text = visible_text(node)
            if len(text) > MAX_CARD or node is body:
                break
            if address is not None and re.sub(r"\s+", "", text).startswith(named.group(1)):
                return address.group(0)
    return None


MAX_SERIES = 30


def label_line(env: Env, body: Tag, title: Tag | None) -> SourceLine | None:
    """A label right above the headline, outside the body, no text shown between it and the title:
    an element whose class says series or kicker (``<span class="series">정책연구 2025-07</span>`` over
    a report's ``<h1>``, a magazine's ``<span class="kicker">커버스토리</span>``) is a line of kind
    ``series``; a short heading (a board's ``<h2>보도자료</h2>`` over the post's title) one of kind
    ``label``, for the normalizer to read as a release's kind label or to record as the page chrome it
    otherwise is. A menu's ``연재`` elsewhere is neither."""
    if title is None:
        return None
    for node in env.page.select_any(["[class*=series]", "[class*=kicker]", *HEADINGS]):
        if (
            node is title
            or not env.page.shown(node)
            or inside(node, body)
            or inside(body, node)
            or _placed(env, node)
        ):
            continue
        text = visible_text(node)
        if 0 < len(text) <= MAX_SERIES and _right_above(node, title):
            env.take(node)
            classes = " ".join(node.get_attribute_list("class"))
            kind = "series" if "series" in classes or "kicker" in classes else "label"
            if kind == "series" and "series" not in classes and _menu_section(env.page, node):
                kind = "label"  # a kicker linking to a section the site's menu lists: no series
            return SourceLine(text, env.page.line(node), kind)
    return _series_box(env, body, title) or _bracketed_above(env, body, title)


_BRACKETED = re.compile(r"\s*(?:[\[【]\s*[^\[\]【】]{1,20}?\s*[\]】]\s*)+")


def _bracketed_above(env: Env, body: Tag, title: Tag) -> SourceLine | None:
    """The text shown right above the headline when it is only bracketed tags, in an element no class
    names (``<span class="column_name">[교통 돋보기]</span>``): a plain line, which the normalizer reads
    as the series (or a release's kind label) as it reads such a line of a text."""
    shown = (
        s
        for s in title.find_all_previous(string=True)
        if is_text(s) and has_text(s) and isinstance(s.parent, Tag) and env.page.shown(s.parent)
    )
    before = next(shown, None)
    if before is None or not isinstance(before.parent, Tag) or inside(before, body) or _placed(env, before):
        return None
    node = before.parent
    text = visible_text(node)
    heading = node.find_parent(HEADINGS)
    if heading is not None and inside(title, heading):
        return None  # a board's post category in the headline's own heading ("[정보] 제목")
    if not _BRACKETED.fullmatch(text) or _placed(env, node) or inside(body, node):
        return None
    env.take(node)
    return SourceLine(text, env.page.line(node))


def _menu_section(page: Page, node: Tag) -> bool:
    """``node`` (a kicker over the headline) links where a menu earlier on the page links too
    (오마이뉴스's ``<span class="kicker"><a href="…?MENU=A0600">사는이야기</a></span>``, the GNB's
    사는이야기): it names the site's section, not a series."""
    link = node if node.name == "a" else node.find("a", href=True)
    href = link.get("href") if isinstance(link, Tag) else None
    if not isinstance(href, str) or not href.strip("#/"):
        return False
    return any(
        a is not link and a.get("href") == href and page.order(a) < page.order(node)
        for a in page.soup.find_all("a", href=True)
    )


def _series_box(env: Env, body: Tag, title: Tag) -> SourceLine | None:
    """A box whose class says series between the headline and the body (a blog's ``<div
    class="series"><h2><a href="/@dev_yoon/series/…">React 성능 최적화</a></h2><div>2/4</div>
    <button>목록 보기</button>``): its link to the series' own page names the series; the rest of the
    box is the reader's chrome (a box listing a series' other articles links to no series page)."""
    page = env.page
    for node in page.select("[class*=series]"):
        if (
            page.order(node) < page.order(title)
            or page.order(node) > page.order(body)
            or not page.shown(node)
        ):
            continue
        if inside(node, body) or inside(body, node) or inside(title, node) or _placed(env, node):
            continue
        name = node.find("a", href=_SERIES_PAGE)
        if not isinstance(name, Tag):
            continue
        text = visible_text(name)
        if 0 < len(text) <= MAX_SERIES and not re.search(r"\d+\s*/\s*\d+", text):
            env.take(name)
            return SourceLine(text, page.line(name), "series")
    return None


def _right_above(node: Tag, title: Tag) -> bool:
    """True when ``title`` follows ``node`` with no text shown in between."""
    strings: list[Tag | NavigableString] = [*node.find_all(string=True)]
    start = strings[-1] if strings else node
    for string in start.find_all_next(string=True):
        if inside(string, title):
            return True
        if is_text(string) and has_text(string):
            return False
    return False


_SERIES_PAGE = re.compile(r"series", re.IGNORECASE)
_LOGO_NAME = re.compile(r"[\w.·&-]+(?: [\w.·&-]+){0,2}")


def logo_text(page: Page, title: Tag) -> str | None:
    """The name a logo set in text shows above the headline (``<a class="user-logo">dev_yoon.log</a>``,
    a blog's own name beside its platform's image logo); None when the logos there are images."""
    for node in page.select("[class*=logo]"):
        if page.order(node) > page.order(title):
            break
        text = visible_text(node)
        drawn = node.find(["img", "svg"]) is not None
        if page.shown(node) and not drawn and 2 <= len(text) <= 30 and _LOGO_NAME.fullmatch(text):
            return text
    return None


def rights_node(env: Env, parts: list[Tag], site: str | None = None) -> str | None:
    """A copyright notice outside the article: recorded as removed (``html.rights``) and returned
    for ``meta.rights``; ``site`` is the site's name (see :func:`_unnamed_notice`)."""
    for node in env.page.select_any(RIGHTS_SELECTORS):
        if not env.page.shown(node) or any(node is part or inside(node, part) for part in parts):
            continue
        text = visible_text(node)
        if len(text) <= 200 and (_RIGHTS.search(text) or _LICENCE.search(text)) and not _placed(env, node):
            node = _innermost_notice(env.page, node)
            notice = visible_text(node)
            boxed = any("licen" in str(name) for name in node.get("class") or [])
            if boxed or not _RIGHTS.search(notice):  # a licence box, a footer's licence line
                notice = " ".join(run for run in _br_runs(env.page, node) if _notice(run)) or notice
            env.remove(node, "copyright notice outside the article (→ meta.rights)", "html.rights")
            return notice
    return _unnamed_notice(env, parts, site) if site else None


_MARK = re.compile(r"[ⓒ©]|copyright|\(c\)\s*\S", re.IGNORECASE)
_RESERVED = re.compile(r"무단|재배포|all\s+rights\s+reserved|저작권", re.IGNORECASE)
_NOTICE_TAGS = ["div", "p", "span", "small", "address", "li", "td", "dd"]


def _unnamed_notice(env: Env, parts: list[Tag], site: str) -> str | None:
    """The site's copyright notice outside the article in a box no selector names (``<div
    class="foot">ⓒ 한빛뉴스. 무단 전재-재배포 금지</div>``): the last element on the page whose own short
    text marks a copyright, reserves it (a caption's ``ⓒ 연합뉴스`` reserves nothing) and names the
    site (a hosting platform's or a portal's notice names its company: not the page's rights)."""
    for node in reversed(env.page.soup.find_all(_NOTICE_TAGS)):
        if node.find(_NOTICE_TAGS) is not None or not env.page.shown(node):
            continue  # the innermost box only
        if any(node is part or inside(node, part) for part in parts) or _placed(env, node):
            continue
        text = visible_text(node)
        if len(text) <= 200 and _MARK.search(text) and _RESERVED.search(text) and site in text:
            env.remove(node, "copyright notice outside the article (→ meta.rights)", "html.rights")
            return text
    return None


def _notice(text: str) -> bool:
    return bool(_RIGHTS.search(text) or _LICENCE.search(text))


def _br_runs(page: Page, node: Tag) -> list[str]:
    """The visible text of ``node`` in its ``<br>``-separated lines (a licence box's disclaimer, then
    its ``ⓒ`` line; a footer's address, then its licence sentence)."""
    breaks = [page.order(br) for br in node.find_all("br")]
    runs: list[list[NavigableString]] = [[] for _ in range(len(breaks) + 1)]
    for string in visible_strings(node):
        runs[bisect.bisect(breaks, page.order(string))].append(string)
    return [text for run in runs if (text := joined(run).strip())]


def _innermost_notice(page: Page, node: Tag) -> Tag:
    """The smallest block inside ``node`` that holds the whole notice — every copyright phrase
    in ``node`` (a footer's ``<p class="copy">``, not the footer with its address and telephone
    number; both paragraphs of ``Copyright ⓒ …`` / ``무단 전재 및 재배포 금지``)."""

    def phrases(tag: Tag) -> int:
        text = visible_text(tag)
        return len(_RIGHTS.findall(text)) + len(_LICENCE.findall(text))

    whole = phrases(node)
    blocks = [t for t in node.find_all(BLOCK_TAGS) if page.shown(t) and phrases(t) == whole]
    return min(blocks, key=lambda t: len(visible_text(t)), default=node)


_AFFILIATION_CLASS = re.compile(r"affil|institut|belong|소속", re.IGNORECASE)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MAX_BESIDE_BYLINE = 3
MAX_AFFILIATIONS_CHARS = 400


def _marks(tag: Tag) -> set[str]:
    """The footnote marks of the element's ``<sup>`` elements (``1,2`` is two)."""
    return {mark for sup in tag.find_all("sup") for mark in re.split(r"[,\s]+", visible_text(sup)) if mark}


def _marked_text(tag: Tag) -> str:
    """The element's text with its ``<sup>`` numbers as superscript digits (``¹ 성신여자대학교 …``),
    so that the marks still tell the affiliations apart in text."""
    parts: list[str] = []
    for string in visible_strings(tag):
        sup = string.find_parent("sup")
        text = str(string)
        parts.append(text.strip().translate(_SUPERSCRIPT) if sup is not None and inside(sup, tag) else text)
    return collapse(" ".join(parts)).strip()


def beside_byline(env: Env, byline: Tag) -> list[SourceLine]:
    """The affiliations and the DOI a paper's page prints in the elements right after its byline:
    an element whose class names affiliations (``affil``, ``institution``) or whose ``<sup>`` marks
    are the byline's, and an element that gives a DOI alone (``DOI : 10.…``)."""
    out: list[SourceLine] = []
    byline_marks = _marks(byline)
    sibling = byline.find_next_sibling()
    for _ in range(MAX_BESIDE_BYLINE):
        if not isinstance(sibling, Tag) or not env.page.shown(sibling) or _placed(env, sibling):
            break
        text = visible_text(sibling)
        named = " ".join(str(v) for v in [*sibling.get_attribute_list("class"), sibling.get("id")] if v)
        marks = _marks(sibling)
        if DOI_LINE.match(text):
            out.append(SourceLine(text, env.page.line(sibling), "identifier"))
        elif (
            text
            and len(text) <= MAX_AFFILIATIONS_CHARS
            and (_AFFILIATION_CLASS.search(named) or (marks and marks == byline_marks))
        ):
            out.append(SourceLine(_marked_text(sibling), env.page.line(sibling), "affiliation"))
        else:
            break
        env.take(sibling)
        sibling = sibling.find_next_sibling()
    return out
