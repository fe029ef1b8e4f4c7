"""Where the article is on a page: its body container (a known selector, else the densest text
block) and what continues it past that container — another container matched by the same selector
(a body split around an advertisement), or prose right after it (a paragraph after ``</article>``)
with the byline or copyright line that ends it — the boxes of its own right beside it (a heading
over a quotation or a list, without links: a fact check's claim and sources), and, beside a body found
as the densest block, its sibling boxes of the article's own (:func:`siblings`: a recipe's summary and
ingredients beside its steps), as Readability merges a top candidate's siblings; beside a body a known
selector found, only the lead paragraphs above it (``<p class="lead">`` before ``.article-text``)."""

from __future__ import annotations

import re
from typing import TypeGuard

from bs4.element import NavigableString, Tag

from bookmaker.readers.html_below import Subtrees
from bookmaker.readers.html_dom import (
    BLOCK_TAGS,
    BOXES,
    Page,
    collapse,
    has_text,
    hides,
    is_text,
    names,
    shown,
    visible_text,
)

BODY_SELECTORS = [
    "#dic_area",
    ".se-main-container",
    ".stb-container",
    "#articleBodyContents",
    "#newsct_article",
    "#articeBody",
    "#articleBody",
    "[itemprop=articleBody]",
    "#article-view-content-div",
    "#article_body",
    ".article_body",
    ".article-body",
    ".article_view",
    ".news_body",
    "#newsEndContents",
    ".story-news",
    ".article_txt",
    ".news_cnt_detail_wrap",
    "#textBody",
    "#news_body_id",
    ".article-body-text",
    "section.article-body",
    ".article-text",
    "#articletxt",
    "#article_txt",
    "#articleContent",
    ".art_body",
    "#cont_newstext",
    "#CmAdContent",
    "#articlebody",
    ".news_txt",
    ".text_area",
    "section.news_view",
    ".news_view",
    ".view_con",
    "#news_content",
    ".mw-parser-output",  # a MediaWiki page's text (Wikipedia, Wikisource): its header and closing lines too
    "article",
]
CONTINUATION_TAGS = frozenset(
    {
        *("p", "blockquote", "figure", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol", "dl"),
        *("b", "strong", "em", "i", "span", "font", "a", "br", "hr"),
    }
)
"""Elements after the body that may continue it (a ``<div>`` or ``<aside>`` ends the article)."""
MIN_BODY = 50
_SENTENCE_END = re.compile(r"[.!?。][\"'”’)\]]*$")
RIGHTS = re.compile(r"무단\s*전재|Copyright|All rights reserved|[ⓒ©]|\(c\)\s*\S", re.IGNORECASE)
"""A copyright notice's words."""
_TAIL = re.compile(r"기자|특파원|@|ⓒ|©|Copyright|무단", re.IGNORECASE)
"""A short line that ends an article: byline, e-mail, copyright."""

Node = Tag | NavigableString


def find_body(page: Page) -> tuple[Tag, str | None]:
    """The article's body container and the selector that found it (None: the densest block, which
    may be ``<body>`` itself when the paragraphs sit right in it)."""
    soup = page.soup
    for selector in BODY_SELECTORS:
        node = next((n for n in page.select(selector) if page.shown(n)), None)
        if node is not None and len(visible_text(node)) > MIN_BODY:
            return node, selector
    best: Tag = soup.body or soup
    best_score = 0
    for node in soup.find_all(["body", "div", "section", "td", "article", "main"]):
        if not page.shown(node):
            continue
        direct = sum(len(s.strip()) for s in node.find_all(string=True, recursive=False) if is_text(s))
        paragraphs = sum(len(p.get_text(strip=True)) for p in node.find_all("p", recursive=False))
        if direct + paragraphs > best_score:
            best, best_score = node, direct + paragraphs
    return _widened(best), None


LIKE_BOXES = 3
"""A run of at least this many boxes alike (tag and class) makes one text."""
MAX_CLIMB = 2


def _widened(node: Tag) -> Tag:
    """The densest block, or — when it (or its parent) is one of a run of boxes alike without
    headings, a recipe's steps (``<div class="view_step_cont">`` × 4), a post's paragraphs set as
    divs — the run's container: the text goes on in its siblings. (Boxes with headings are a page's
    sections: an abstract, the references, other papers.)"""
    box = node
    for _ in range(MAX_CLIMB):
        parent = box.parent
        classes = box.get("class")
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            return node
        if classes:
            alike = [s for s in parent.find_all(box.name, recursive=False) if s.get("class") == classes]
            headed = any(s.find(_HEADINGS) is not None for s in alike)  # sections, not one text's parts
            if (
                len(alike) >= LIKE_BOXES
                and not headed
                and sum(bool(visible_text(s)) for s in alike) >= LIKE_BOXES
            ):
                return parent
        box = parent
    return node


def holds_all(box: Tag, subtrees: Subtrees) -> bool:
    """True when ``box`` holds all the visible text of its parent (the two show the same text): a
    test of the parent's other children, not a walk over all the parent's text."""
    for child in box.parent.children if box.parent is not None else ():
        if child is box:
            continue
        if isinstance(child, Tag) and not hides(child) and subtrees.of(child).strings != ():
            return False
        if isinstance(child, NavigableString) and is_text(child) and has_text(child):
            return False
    return True


def inside(node: Node, ancestor: Tag) -> bool:
    """True when ``ancestor`` is one of ``node``'s ancestors."""
    return any(parent is ancestor for parent in node.parents)


def _within(node: Node, box: Tag) -> bool:
    """True when ``node`` is ``box`` or inside it."""
    return node is box or inside(node, box)


def link_density(node: Tag) -> float:
    """The share of ``node``'s visible text that is link text."""
    text = len(visible_text(node))
    links = sum(len(visible_text(a)) for a in node.find_all("a"))
    return links / text if text else 0.0


def prose(text: str) -> bool:
    """Text that reads as article prose: a sentence, or a long run of text."""
    return (len(text) >= 20 and bool(_SENTENCE_END.search(text))) or len(text) >= 60


def continuation(page: Page, body: Tag, selector: str | None) -> list[list[Node]]:
    """What continues the article after ``body`` (see the module): lists of nodes to walk."""
    parts: list[list[Node]] = []
    if selector is not None:
        for node in page.select(selector):
            if (
                node is body
                or inside(node, body)
                or inside(body, node)
                or page.order(node) < page.order(body)
                or not page.shown(node)
                or any(_chrome_named(box) for box in (node, *node.parents) if isinstance(box, Tag))
            ):
                continue  # a WordPress comment is an <article class="comment-body"> in #comments
            nested = any(inside(node, part[0]) for part in parts if isinstance(part[0], Tag))
            if not nested and len(visible_text(node)) > MIN_BODY and link_density(node) < 0.5:
                parts.append([node])
    node = body
    for _ in range(3):  # right after the body, or after the wrapper it alone fills
        run, has_prose = _following(node)
        if run:
            if has_prose:
                parts.append(run)
            break
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            break
        if len(visible_text(parent)) > len(visible_text(node)):
            break
        node = parent
    note = _writer_note_after(body)
    if note is not None and not any(note in part for part in parts):
        parts.append([note])
    return parts


_WRITER_NOTE = re.compile(r"^\s*(?:덧붙이는\s*글|덧붙임|필자\s*주)\s*[|｜:：]")
"""The writer's note a citizen-journalism site sets right under the text, outside its container
(오마이뉴스's ``덧붙이는 글 | 이 기사는 필자의 브런치에도 실립니다``)."""


def _writer_note_after(body: Tag) -> Tag | None:
    """The first element after ``body`` when it is the writer's note (see :data:`_WRITER_NOTE`)."""
    for sibling in body.next_siblings:
        if isinstance(sibling, Tag) and not hides(sibling) and (text := visible_text(sibling)):
            return sibling if len(text) <= 400 and _WRITER_NOTE.match(text) else None
    return None


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_REFERENCES = re.compile(
    r"^\s*(?:참고\s*문헌|인용\s*문헌|참고\s*자료|references|bibliography)", re.IGNORECASE
)


def _content_box(node: object) -> TypeGuard[Tag]:
    """A box of the article's own beside its body: a heading over a quotation or a list, and not
    one link (a fact check's 검증 대상 claim, its 참고 자료 sources; a box of links is a list of
    other articles) — unless the heading names the document's references (a paper's 참고문헌,
    whose entries carry the database's link badges) and the links are not most of its text."""
    if not isinstance(node, Tag) or node.name not in ("div", "section") or not shown(node):
        return False
    if node.find(["form", "button", "input", "iframe"]) is not None:
        return False
    heading = node.find(_HEADINGS)
    if heading is None or node.find(["blockquote", "ul", "ol"]) is None:
        return False
    if node.find("a") is None:
        return True
    return bool(_REFERENCES.match(visible_text(heading))) and link_density(node) < 0.5


def beside(body: Tag, title: Tag | None) -> list[Tag]:
    """Content boxes right before and right after ``body`` (see :func:`_content_box`); the box
    holding the headline is the article's header, and nothing before it is looked at."""
    out: list[Tag] = []
    for siblings in (body.previous_siblings, body.next_siblings):
        for sibling in siblings:
            if isinstance(sibling, NavigableString) and not (is_text(sibling) and has_text(sibling)):
                continue
            if not _content_box(sibling) or (
                title is not None and (sibling is title or inside(title, sibling))
            ):
                break
            out.append(sibling)
    return out


def _following(node: Tag) -> tuple[list[Node], bool]:
    """The prose and tail lines right after ``node`` (up to the first other element with text),
    and whether any of it is prose."""
    run: list[Node] = []
    has_prose = False
    for sibling in node.next_siblings:
        if isinstance(sibling, NavigableString):
            if not is_text(sibling) or not has_text(sibling):
                continue
            text = collapse(sibling).strip()
        elif isinstance(sibling, Tag) and not hides(sibling):
            text = visible_text(sibling)
            if not text:
                continue
            if sibling.name not in CONTINUATION_TAGS or link_density(sibling) >= 0.5:
                break
        else:
            continue
        if not (prose(text) or (len(text) <= 80 and _TAIL.search(text))):
            break
        run.append(sibling)
        has_prose = has_prose or prose(text)
    return run, has_prose


_CONTROLS = ["form", "button", "input", "select", "textarea", "iframe"]
_ITEMS = ["li", "dt", "dd", "tr"]
_CHROME_WORDS = frozenset(
    {
        *("comment", "comments", "reply", "replies", "cmt", "related", "recommend", "share", "sns"),
        *("banner", "ad", "ads", "advert", "promo", "popular", "rank", "ranking", "tag", "tags"),
        *("stat", "stats", "statics", "statistics", "company", "profile", "nav", "menu", "sidebar"),
    }
)
"""Words of a box's class or id that name page chrome: comments, lists of other articles, share
bars, tags, counters, a company's or a writer's card."""
_NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
"""A word of a class or id: ``view_reply`` → view, reply; ``relatedNews`` → related, News."""


def _chrome_named(node: Tag) -> bool:
    """A box whose class or id names chrome (:data:`_CHROME_WORDS`)."""
    return any(w.lower() in _CHROME_WORDS for name in names(node) for w in _NAME_WORD.findall(name))


def _leaf_blocks(node: Tag) -> list[Tag]:
    """The blocks inside ``node`` (``node`` too) that hold no other block."""
    return [t for t in [node, *node.find_all(BLOCK_TAGS)] if t.find(BLOCK_TAGS) is None]


def _own_box(node: object, headline: Tag | None = None) -> TypeGuard[Tag]:
    """A sibling box of the article's own (see :func:`siblings`); the box holding the ``headline``
    must hold prose besides it and no link (a header's box of fields, counters and links is the
    page's)."""
    if not isinstance(node, Tag) or node.name not in BOXES or not shown(node) or _chrome_named(node):
        return False
    text = visible_text(node)
    if node.find(_CONTROLS) is not None or not text or RIGHTS.search(text):
        return False
    if (node.find("a") is not None) if headline else link_density(node) >= 0.25:
        return False
    leaves = [leaf for leaf in _leaf_blocks(node) if headline is None or not _within(leaf, headline)]
    if any(prose(visible_text(leaf)) and link_density(leaf) < 0.5 for leaf in leaves):
        return True
    lists = node.find_all(["ul", "ol", "dl", "table"])
    return headline is None and any(len(items.find_all(_ITEMS)) >= 2 for items in lists)


def _lead(node: object) -> TypeGuard[Tag]:
    """A paragraph of prose without links right in the row of the headline and the body (an FAQ's
    "자주 받는 질문과 답변을 모았습니다." between its ``<h1>`` and its list of questions)."""
    if not isinstance(node, Tag) or node.name != "p" or not shown(node) or node.find("a") is not None:
        return False
    return prose(visible_text(node))


FEWEST_FACTS = 2


def _facts(node: object) -> TypeGuard[Tag]:
    """A table of the article's facts between the headline and the body (an exhibition's 기간, 장소,
    작가 …): two rows or more, each a heading cell and a value, no link or form control."""
    if not isinstance(node, Tag) or node.name != "table" or not shown(node) or _chrome_named(node):
        return False
    if node.find("a") is not None or node.find(_CONTROLS) is not None:
        return False
    rows = node.find_all("tr")
    cells = [row.find_all(["th", "td"], recursive=False) for row in rows]
    return len(rows) >= FEWEST_FACTS and all(
        len(c) == 2 and c[0].name == "th" and c[1].name == "td" and visible_text(c[1]) for c in cells
    )


def siblings(
    page: Page, body: Tag, title: Tag | None, subtrees: Subtrees, leads_only: bool = False
) -> list[Tag]:
    """The article's own boxes beside a body found as the densest block (a recipe's summary and
    ingredients beside its steps; a job posting's terms and 접수기간 beside its detail): at the
    level of the body (or of the wrapper it alone fills), the boxes between the headline's box and
    the body that are the article's own — chrome between them is passed over — and those right after
    the body, up to the first box that is not; a paragraph of prose between the headline and the body
    is the article's too (:func:`_lead`). A box of the article's own shows no form control,
    has few links (under a quarter of its text), a name no chrome's, and prose or a list or table
    of two items or more. ``subtrees``: what the page's elements hold. ``leads_only`` (a body a known
    selector found, whose boxes beside it are the page's): only the paragraphs of prose between the
    headline and the body (a ``<p class="lead">`` above ``<div class="article-text">``)."""
    row = body
    while (
        isinstance(row.parent, Tag)
        and row.parent.name not in ("body", "html", "[document]")
        and (holds_all(row, subtrees) or len(visible_text(row.parent)) == len(visible_text(row)))
    ):
        row = row.parent
    out: list[Tag] = []
    if title is not None and page.order(title) < page.order(row):
        for sibling in row.previous_siblings:
            headline = isinstance(sibling, Tag) and _within(title, sibling)
            if _lead(sibling) or (
                not leads_only and (_own_box(sibling, title if headline else None) or _facts(sibling))
            ):
                out.append(sibling)
            if headline:
                if leads_only and isinstance(sibling, Tag):  # <header><h1>…</h1><p class="lead">…
                    after = [p for p in sibling.find_all("p") if page.order(p) > page.order(title)]
                    out += [p for p in after if _lead(p) and not _within(p, title)]
                break
    if leads_only:
        return out
    for sibling in row.next_siblings:
        if isinstance(sibling, NavigableString) and not (is_text(sibling) and has_text(sibling)):
            continue
        if isinstance(sibling, Tag) and (hides(sibling) or not visible_text(sibling)):
            continue
        if not _own_box(sibling):
            break
        out.append(sibling)
    return out
