"""HTML reader: a saved article page → lines with inline runs, whole blocks, hints and removals.

* **Hints** from ``<meta>``, JSON-LD, ``<time>``, ``<title>`` (:mod:`.html_meta`).
* **Header lines** outside the body: the title element (a known headline selector, the element
  showing the page's headline, or a plausible ``<h1>``, which wins over ``<title>``), decks
  (subtitle selectors, ``h2``/``h3`` right after the title, ``strong``/``h2``/``h3`` lines opening
  the body), byline and date elements.
* **The body**: a known body container or the densest text block, plus its continuation (a second
  container matched by the same selector, prose paragraphs right after it) and, beside the densest
  block, its sibling boxes of the article's own (a recipe's ingredients), beside a known container
  the lead paragraphs above it, walked in page order by
  :class:`~.html_flow.Flow` into lines with inline runs (marks, links, ruby, language spans, line
  breaks), figures with their images, and whole blocks (tables of content, nested lists, code,
  footnotes, rules).
* **Removed**: every visible text node (:mod:`.html_dom` defines it) placed nowhere else is
  recorded with a reason and its source line: page chrome outside the article
  (``html.outside-article``), form controls (``html.interface``), a copyright notice outside the
  body (``html.rights``, also a hint), footnote markers the writers renumber
  (``html.footnote-marker``). Nothing is dropped silently.

Declared charsets are not trusted (pages declaring euc-kr are often UTF-8): bytes are decoded by
content first. bs4 is imported here (lazily, by ``bookmaker.readers``), never at package import.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, Tag

from bookmaker.errors import InputError
from bookmaker.ir import Footnote, Removal, ThematicBreak
from bookmaker.limits import DEFAULT, Limits
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.depth import nesting_depth, tree_depth
from bookmaker.readers.html_body import beside, continuation, find_body, siblings
from bookmaker.readers.html_classes import class_marks
from bookmaker.readers.html_dom import BLOCK_TAGS, Page, collapse, has_text, hides, visible_text, walk
from bookmaker.readers.html_embeds import photo_links, sign_quotes
from bookmaker.readers.html_flow import INTERFACE_TAGS, Env, Flow, ImageFetch, is_control, poem_box
from bookmaker.readers.html_header import header_lines, label_line, logo_text, rights_node, title_node
from bookmaker.readers.html_meta import dropped_tag, ld_article_body, strip_site, title_site
from bookmaker.readers.html_meta import hints as page_hints
from bookmaker.readers.html_noscript import unwrap_app_shell
from bookmaker.readers.html_notes import drop_comments, find_notes
from bookmaker.readers.html_qa import find_qa
from bookmaker.readers.html_saved import RULES, saved_chrome
from bookmaker.readers.html_song import read_song_page, song_credits
from bookmaker.readers.html_sr_labels import drop_reader_labels
from bookmaker.readers.html_thread import find_thread
from bookmaker.readers.html_titles import mark_titles
from bookmaker.readers.html_toggles import open_folds, open_panels
from bookmaker.readers.html_work_header import read_work_header
from bookmaker.readers.text import read_bytes

SEPARATE_TAGS = INTERFACE_TAGS | {"a"}
LANDMARKS = {
    "nav": "site navigation",
    "header": "page header",
    "footer": "page footer",
    "aside": "sidebar",
    "form": "form",
}


def _parse(text: str, path: Path) -> BeautifulSoup:
    """Parse with html.parser; broken marked sections (``<![CDAT``) are taken as text."""
    from bs4.exceptions import ParserRejectedMarkup

    try:
        return BeautifulSoup(text, "html.parser")
    except ParserRejectedMarkup:
        pass
    try:
        return BeautifulSoup(text.replace("<![", "&lt;!["), "html.parser")
    except ParserRejectedMarkup as exc:
        detail = str(exc).strip().splitlines()[-1].strip()
        raise InputError(f"{path.name}: the HTML parser rejected the page ({detail})") from None


def _reason(node: NavigableString, parts: list[Tag]) -> tuple[str, str]:
    """Why ``node`` is not in the article: a form control, or page chrome (in which landmark)."""
    landmark = None
    for parent in node.parents:
        if isinstance(parent, Tag) and is_control(parent):
            return "form control or button text", "html.interface"
        if any(parent is part for part in parts):
            return "text the reader could not place in the article", "html.unplaced"
        landmark = landmark or LANDMARKS.get(parent.name or "")
    where = f" ({landmark})" if landmark else ""
    return f"page chrome outside the article{where}", "html.outside-article"


def _block_of(node: NavigableString) -> int:
    for parent in node.parents:
        if parent.name in BLOCK_TAGS or parent.name in ("body", "html", "[document]"):
            return id(parent)
    return 0


def _remove_by_block(env: Env, root: Tag, reason: str, rule: str) -> None:
    """Record the visible text under ``root`` as removed, one removal per block (a toolbar's rows)."""
    env.skip.add(id(root))
    group: list[NavigableString] = []
    for node in [*env.take(root), None]:
        if group and (node is None or _block_of(node) != _block_of(group[0])):
            text = collapse(" ".join(str(s) for s in group)).strip()
            if text:
                env.removed.append(Removal(text=text, reason=reason, line=env.page.line(group[0]), rule=rule))
            group = []
        if node is not None:
            group.append(node)


def leftovers(env: Env, parts: list[Tag]) -> list[Removal]:
    """Every visible text node not placed yet, one removal per block, with its reason and line."""
    out: list[Removal] = []
    group: tuple[int, str, str] | None = None
    texts: list[str] = []
    line = 1
    owner: object = None

    def close() -> None:
        text = collapse("".join(texts)).strip()
        if group is not None and text:
            out.append(Removal(text=text, reason=group[1], line=line, rule=group[2]))

    def text(node: NavigableString) -> None:
        nonlocal group, texts, line, owner
        if not has_text(node):
            texts.append(" ")  # the space between two links of a menu
            return
        if id(node) in env.consumed:
            close()
            group, texts = None, []
            return
        reason, rule = _reason(node, parts)
        key = (_block_of(node), reason, rule)
        if key != group:
            close()
            group, texts, line = key, [], env.page.line(node)
        separate = {owner.name if isinstance(owner, Tag) else "", node.parent.name if node.parent else ""}
        if texts and node.parent is not owner and separate & SEPARATE_TAGS:
            texts.append(" ")  # two buttons or links side by side
        texts.append(str(node))
        owner = node.parent
        env.consumed.add(id(node))

    walk(env.page.soup.children, lambda tag: not hides(tag), text, lambda tag: None)
    close()
    return out


def _named_by_link(title: Tag, tag: str) -> str | None:
    """The name a link in the headline's box gives what the metadata's bracket names (a job board's
    ``[누리소프트]`` over its ``<a class="company">(주)누리소프트</a>`` and ``<h1>``): the name of whose
    posting the board hosts, no series; None when no such link."""
    box = title.parent
    if not isinstance(box, Tag):
        return None
    return next((name for a in box.find_all("a", recursive=False) if tag in (name := visible_text(a))), None)


def _shown_label(page: Page, title: Tag, shown: str, hints: dict[str, object]) -> str | None:
    """The bracket of the ``<title>`` element (``[커버스토리] 폐교 3800곳… - 시사IN``) when the page
    shows that tag alone in an element above the headline (``<p class="heading">커버스토리</p>``) and
    its metadata title has no bracket: the series the page's label names."""
    element = page.soup.title
    text = element.get_text() if isinstance(element, Tag) else ""
    site = hints.get("site_name")
    tag = dropped_tag(strip_site(" ".join(text.split()), site if isinstance(site, str) else None), shown)
    if tag is None:
        return None
    labels = page.soup.find_all(string=lambda s: isinstance(s, str) and s.strip() == tag)
    before = page.order(title)
    return tag if any(0 <= page.order(node) < before for node in labels) else None


def _levels(lines: list[SourceLine]) -> None:
    """Body heading levels shifted so the highest is 2 (a top-level section of the article)."""
    headings = [sl for sl in lines if sl.kind == "heading" and sl.attrs.get("level", "").isdigit()]
    if headings:
        shift = 2 - min(int(sl.attrs["level"]) for sl in headings)
        for sl in headings:
            sl.attrs["level"] = str(max(2, min(6, int(sl.attrs["level"]) + shift)))


def _breaks_between_text(lines: list[SourceLine]) -> list[SourceLine]:
    """Thematic breaks only between text: none first, last (before the footnotes) or twice in a row."""

    def rule(sl: SourceLine) -> bool:
        return isinstance(sl.block, ThematicBreak)

    kept: list[SourceLine] = []
    for sl in lines:
        if not (rule(sl) and (not kept or rule(kept[-1]))):
            kept.append(sl)
    texts = [i for i, sl in enumerate(kept) if not rule(sl) and not isinstance(sl.block, Footnote)]
    last = texts[-1] if texts else -1
    return [sl for i, sl in enumerate(kept) if not (rule(sl) and i > last)]


def read_html(
    data: bytes,
    path: Path,
    encoding: str | None = None,
    *,
    limits: Limits = DEFAULT,
    fetched_from: str | None = None,
    fetch_image: ImageFetch | None = None,
) -> RawDocument:
    """Read a saved article page (see the module). Refused: elements nested past
    ``limits.max_depth`` (readers/depth.py), lists, quotes and notes nested past
    ``limits.max_nesting``, tables of more than ``limits.max_table_cells`` cells.

    A page fetched from the web (:mod:`bookmaker.fetch`) passes its address as ``fetched_from``
    (relative links and images resolve against it) and ``fetch_image`` to fetch its images."""
    text, src = read_bytes(data, path, encoding, "html")
    limits.check_depth(nesting_depth(text, limits.max_depth), path.name)
    soup = _parse(text, path)
    limits.check_depth(tree_depth(soup), path.name)
    chrome = saved_chrome(soup)  # a web archive's toolbar, SingleFile's notes, a reader view's frame
    unwrap_app_shell(soup)  # a page rendered by scripts: its article in <noscript>
    sign_quotes(soup)  # an embedded post's "— name (@handle) date" after its text: its attribution
    toggles, marks = open_panels(soup)  # an FAQ's hidden answers: opened, their questions headings
    folds = open_folds(soup)  # a wiki's folded sections: opened, their "[ 펼치기 · 접기 ]" removed
    page = Page(soup)
    hints = page_hints(soup)
    if chrome.url and "url" not in hints:
        hints["url"] = chrome.url
    url = hints.get("url")
    page_url = url if isinstance(url, str) and urlsplit(url).scheme in ("http", "https") else None
    page_url = fetched_from or page_url
    language = hints.get("language")
    env = Env(page, path.parent, page_url, language if isinstance(language, str) else "ko", limits, path.name)
    env.class_marks = class_marks(soup)
    env.toggles = toggles
    for box, reason in chrome.removals:
        _remove_by_block(env, box, reason, RULES[reason])
    photo_links(env, soup)  # a post's pic.twitter.com link
    env.kinds.update((toggle, "heading") for toggle in toggles)
    for mark in marks:
        env.remove(mark, "a question or answer mark (the question is a heading)", "html.qa-mark")
    for fold in folds:
        env.remove(fold, "a folded section's button (the section is opened)", "html.fold-label")
    env.fetched, env.fetch_image = fetched_from is not None, fetch_image
    work = read_work_header(page, env)  # a wiki library's header over a work, its license box
    if work and work.authors:
        hints["authors"] = work.authors
    qa = find_qa(page)  # a Q&A page: the question's text, then every answer
    answers = qa[1] if qa else []
    if qa:
        body, extra = qa[0], []
    else:
        body, selector = find_body(page)
        extra = continuation(page, body, selector)
        answers = find_thread(page, body) if selector is None else []  # an issue's or a topic's replies
    title = title_node(page, hints.get("title"))
    own: list[Tag] = []
    if not qa:
        extra += [[box] for box in beside(body, title)]
        taken = {id(n) for part in extra for n in part}
        # the densest block: the article's other boxes beside it; a known container: the lead
        # paragraphs between it and the headline
        found = siblings(page, body, title, env.subtrees(), leads_only=selector is not None)
        own = [box for box in found if id(box) not in taken]
        extra += [[box] for box in own]
    if title is None and (credits := song_credits(soup, hints)) is not None:
        extra.append([credits])  # a song's 작사/작곡/편곡, apart from its lyrics
    parts = [body, *(node for part in extra for node in part if isinstance(node, Tag))]
    parts += [node for answer in answers for node in (answer.head, answer.text) if node is not None]
    drop_reader_labels(env, parts, title, body)  # "사진 출처, " for screen readers only
    named = hints.get("authors")  # the writers the metadata names: a card below may give their e-mail
    writers = [name for name in named if isinstance(name, str)] if isinstance(named, list) else []
    lines = header_lines(env, body, title, min([body, *own], key=page.order), writers)
    if label := label_line(env, body, title):
        lines.append(label)
    if title is not None:
        if tag := dropped_tag(hints.get("title"), lines[0].text) or _shown_label(
            page, title, lines[0].text, hints
        ):
            named = _named_by_link(title, tag)
            if named is None:
                hints["series"] = [tag]
            elif "publisher" not in hints:
                hints["publisher"] = named  # the company whose posting a board hosts published it
        hints["title"] = lines[0].text  # the headline the page shows wins over <title> and og:title
        if "site_name" not in hints and (site := title_site(soup, lines[0].text) or logo_text(page, title)):
            hints["site_name"] = site  # a page without site meta: the <title> after the headline, or
            # the name a text logo above the headline shows (a blog's "dev_yoon.log")
    if title is None:  # a music site's song: "곡 - 가수" in og:title, 발매일 in its fields
        read_song_page(soup, hints)
    site_name = hints.get("site_name")
    rights = rights_node(env, parts, site_name if isinstance(site_name, str) else None)
    if rights:
        hints["rights"] = rights
    drop_comments(env, parts)
    find_notes(env, parts)
    mark_titles(env, parts)
    env.markup_changed()  # box titles moved into their paragraphs
    walks: list[tuple[int, list[PageElement], bool]] = [
        (page.order(body), list(body.children), poem_box(body))
    ]
    walks += [(page.order(part[0]), list(part), False) for part in extra]
    walks.sort(key=lambda walk: walk[0])  # the body and its other parts in page order
    body_lines = [line for _, nodes, poem in walks for line in Flow(env, "lines").run(nodes, poem).lines()]
    for answer in answers:  # a Q&A page: each answer under a heading naming who answered
        if answer.head is not None and env.take(answer.head):
            said = visible_text(answer.head)
            body_lines.append(SourceLine(said, page.line(answer.head), "heading", {"level": "2"}))
        body_lines += Flow(env, "lines").run([answer.text]).lines()
    _levels(body_lines)
    lines = sorted(lines + _breaks_between_text(body_lines), key=lambda sl: sl.line)
    warnings: list[str] = []
    if not any(sl.kind is None and sl.text.strip() for sl in lines) and (ld_body := ld_article_body(soup)):
        lines = _ld_lines(lines, ld_body, hints, page)
        warnings.append(
            f"{path.name}: the page shows no article text without JavaScript; its text is taken from "
            "the page's JSON-LD articleBody (paragraphs only: no links, emphasis, headings or photos)"
        )
    if not any(sl.text.strip() for sl in lines):
        raise InputError(f"{path.name}: no article text found in the HTML")
    if isinstance(url, str):
        src.url = url
    removed = sorted(env.removed + leftovers(env, parts), key=lambda r: r.line)
    return RawDocument(lines=lines, source=src, hints=hints, removed=removed, warnings=warnings)


def _ld_lines(lines: list[SourceLine], body: str, hints: dict[str, object], page: Page) -> list[SourceLine]:
    """The header lines, a title line from the hints when the page shows none, and a paragraph line
    for each of the JSON-LD text's paragraphs (blank lines between them, or else its line breaks),
    all on the line of the script that gives them."""
    script = page.soup.find("script", type="application/ld+json")
    at = page.line(script) if isinstance(script, Tag) else 1
    title = hints.get("title")
    out = list(lines)
    if isinstance(title, str) and title.strip() and not any(sl.kind == "title" for sl in lines):
        out.append(SourceLine(title.strip(), at, "title"))
    parts = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    if len(parts) == 1:
        parts = [p for p in body.splitlines() if p.strip()]
    out += [SourceLine(" ".join(part.split()), at) for part in parts]
    return out
