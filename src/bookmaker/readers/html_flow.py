"""The walk over an article's elements that turns them into the reader's lines and blocks.

In *lines* mode (the article body) every paragraph-like element, and every run of text between
``<br>`` in a generic container, becomes a :class:`~bookmaker.raw.SourceLine` with its plain text and
inline runs; tables of content, nested lists, preformatted text, footnote definitions and thematic
breaks come whole as a line's ``block``. In *blocks* mode (inside a list item, a quotation, a
footnote) the same walk gives IR blocks directly.

A single ``<br>`` inside a ``<p>``, ``<li>``, ``<dd>`` or ``<blockquote>`` splits the line too, but
the pieces share ``attrs["br_group"]``: the normalizer judges each piece on its own (a byline, a
copyright line) and joins neighbours that stay body text with a line break. Two ``<br>`` in a row,
and any ``<br>`` in a generic container (Naver's ``text<br><br>text`` bodies), part paragraphs; there a
piece after a single ``<br>`` is marked ``attrs["soft_break"]`` (a sentence a broadcaster's script
broke at a comma is joined again by the normalizer).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from bs4.element import NavigableString, PageElement, Tag

from bookmaker.ir import (
    Block,
    Code,
    CodeBlock,
    Figure,
    Footnote,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    NoteRef,
    Paragraph,
    Quote,
    Removal,
    Ruby,
    Text,
    ThematicBreak,
    plain,
)
from bookmaker.limits import Limits
from bookmaker.raw import SourceLine
from bookmaker.readers.html_below import CAPTION, IMG, Subtrees
from bookmaker.readers.html_dom import (
    BLOCK_TAGS,
    Page,
    collapse,
    has_text,
    hides,
    is_text,
    joined,
    names,
    shows,
    visible_strings,
    visible_text,
    walk,
)
from bookmaker.readers.html_inline import (
    CODE_TAGS,
    MARK_TAGS,
    Leaf,
    Mark,
    build_runs,
    language,
    local_path,
    note_leaf,
    safe_href,
    split_at_breaks,
)
from bookmaker.readers.html_lists import list_style
from bookmaker.readers.html_table import build_table, cells, is_data_table, is_icon, rows
from bookmaker.readers.html_toggles import is_page_links, is_prompt_box, is_tab_row
from bookmaker.readers.image_alt import is_file_name
from bookmaker.readers.image_spacer import is_spacer
from bookmaker.readers.sanitize import strip_controls
from bookmaker.readers.verse import stanza_runs

INTERFACE_TAGS = frozenset(
    {"button", "select", "option", "optgroup", "textarea", "input", "label", "datalist", "output"}
)
"""Form controls: their text is interface, never article text (recorded as removed)."""
_BUTTON_CLASS = re.compile(r"^(?:btn|button)(?:[-_]|$)", re.IGNORECASE)


def _named(tag: Tag, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(name) for name in names(tag) if name)


def _anchors_only(tag: Tag) -> bool:
    """Every link in the box goes to a place in the same page, and there are two or more."""
    hrefs = [str(a.get("href") or "") for a in tag.find_all("a")]
    return len(hrefs) >= 2 and all(h.startswith("#") for h in hrefs)


def is_control(tag: Tag) -> bool:
    """A form control, or a link made a button (``role="button"``, class ``btn_…``: a paper's "KCI
    등재" badge, a "원문보기" button)."""
    name = (tag.name or "").lower()
    if name in INTERFACE_TAGS:
        return True
    if name != "a":
        return False
    role = str(tag.get("role") or "").strip().lower()
    return role == "button" or any(_BUTTON_CLASS.match(str(c)) for c in tag.get_attribute_list("class"))


INTERFACE_ROW = "interface inside the article (a row of tabs or page links, a prompt beside a button)"
NAVIGATION = "navigation inside the article (a table of contents, a box of links to other pages)"
"""Why a ``<nav>`` or ``role="navigation"`` element inside the body is removed: the book makes its
own contents, and a wiki's navigation box lists other pages."""
HATNOTE = "a note pointing to other pages (a wiki's hatnote: '다른 뜻에 대해서는 … 문서를 참고하십시오')"
HATNOTE_CLASSES = frozenset({"hatnote", "dablink", "rellink", "navigation-not-searchable"})
"""MediaWiki's classes for such notes above an article or a section."""
BOX_TAGS = frozenset({"div", "nav", "aside", "section", "details", "ins"})
_TOC_BOX = re.compile(r"(?:^|[-_])(?:toc|table[-_]of[-_]contents)(?:$|[-_])", re.IGNORECASE)
"""A box a contents plugin names (Tistory's ``book-toc``, WordPress's ``ez-toc-container``)."""
_AD_SLOT = re.compile(
    r"^(?:adsbygoogle|revenue_unit_(?:wrap|item)|google-auto-placed|ad[-_]?(?:slot|unit|wrap|box|inread))$",
    re.IGNORECASE,
)
"""An advertisement slot's box: AdSense's ``<ins class="adsbygoogle">``, Tistory's ``revenue_unit_wrap``
(with its "반응형" label), a CMS's ``ad_inread``."""
AD_SLOT = "an advertisement slot (with its label)"
_PLUGIN_BOX = re.compile(
    r"^(?:sharedaddy|jp-relatedposts|jetpack-likes-widget-wrapper|sd-sharing-enabled|yarpp-related"
    r"|addtoany_share_save_container|a2a_kit|wp-block-jetpack-(?:sharing-buttons|related-posts|likes))$",
    re.IGNORECASE,
)
"""A blog platform's plugin box inside the post's text: Jetpack's share buttons (``sharedaddy``), likes
("이것이 좋아요: 좋아하기 가져오는 중...") and related posts (``jp-relatedposts``), YARPP's, AddToAny's."""
PLUGIN_BOX = "a blog plugin's share, like or related-posts box"
_TAXONOMY_BOX = re.compile(
    r"^(?:cat|tags?|category|categories)[-_]links$|^(?:post|entry)[-_](?:tags|categories)$|^tag[-_]?(?:trail|label|list)$",
    re.IGNORECASE,
)
"""A blog theme's box of the post's category or tag links (WordPress's ``cat-links``, ``tags-links``;
Tistory's ``tagTrail``): "카테고리: 책방", "태그: 망원동, 독립서점"."""
TAXONOMY_BOX = "the post's category or tag links (the blog theme's)"
_AUTHOR_BOX = re.compile(
    r"^(?:author[-_]?(?:box|bio|info|card)|about[-_]author|(?:entry|post)[-_]author)$", re.I
)
_AUTHOR_ARCHIVE = re.compile(r"/author/[^/?#]+/?$")
AUTHOR_BOX = "the blog theme's author box (the writer's profile and a link to all their posts)"
"""A theme's box under every post (WordPress's ``author-box``): the profile the writer keeps on the site,
known by its link to the writer's archive (``/author/leejw``); the byline names the writer already."""
SOFT_BREAK_TAGS = frozenset({"p", "li", "dd", "dt", "blockquote"})
CAPTION_CLASS = re.compile(
    r"img_desc|caption|photo_desc|desc_photo|txt_caption|figcaption"
    r"|(?:^|[\s_-])(?:pic|photo|img|image)[_-]?(?:cap|desc)(?:$|[\s_-])"
)  # and an image box's caption: 한국일보's img-desc, 오마이뉴스's pic_cap
PULL_QUOTE_CLASS = re.compile(r"pull[-_]?quote|quote[-_]?pull", re.IGNORECASE)
"""A magazine's pull quote (``<aside class="pull-quote">``): a sentence of the text shown again, large."""
QUOTE_BOX_CLASS = re.compile(r"(?:[a-z]+[-_])?(?:quote|quotation|inquote)(?:[-_]?box)?", re.IGNORECASE)
"""A box a news CMS sets a quotation in (``<div class="article-quote">``, ``quote-box``, ``inquote``): the
quotation and its speaker's line (``- 목욕탕 주인 최미자씨``) are a quote."""
CREDIT_CLASS = re.compile(r"credit|source|copyright|photographer|byline")
CALLOUT_CLASSES = frozenset({"callout", "confluence-information-macro"})
"""A box set apart for a note on the text: Notion's callout, Confluence's info/note/warning panel."""
POEM_CLASSES = frozenset({"poem", "lyric", "lyrics", "stanza"})
"""A box the page marks as a poem or a song's words (MediaWiki's ``<div class="poem">``, a music site's
lyrics): its lines are verse whatever their number of stanzas."""


def poem_box(tag: Tag) -> bool:
    """``tag`` is a box the page marks as a poem (:data:`POEM_CLASSES`)."""
    return bool(POEM_CLASSES.intersection(map(str, tag.get_attribute_list("class"))))


MIN_ALT_CAPTION = 10


class FetchedImage(NamedTuple):
    """What fetching a web image gave: its path relative to the page's folder, or why not."""

    path: str | None
    refusal: str | None = None


ImageFetch = Callable[[str], FetchedImage]
LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-url", "data-srcset")


@dataclass(slots=True)
class Env:
    """What every walk over one page shares."""

    page: Page
    folder: Path
    page_url: str | None
    language: str
    limits: Limits
    name: str
    """The page's file name, for error messages."""
    consumed: set[int] = field(default_factory=set)
    """Text nodes already placed in a line, block or metadata."""
    skip: set[int] = field(default_factory=set)
    """Elements taken elsewhere (the title, a deck, a byline outside the body)."""
    toggles: set[int] = field(default_factory=set)
    """Buttons that open a panel of the article's own (an FAQ's questions: :mod:`.html_toggles`)."""
    kinds: dict[int, str] = field(default_factory=dict)
    """Elements whose lines have a kind decided before the walk (``subtitle`` for decks)."""
    notes: dict[int, str] = field(default_factory=dict)
    """Footnote definition elements → note id."""
    refs: dict[int, str] = field(default_factory=dict)
    """Footnote reference links → note id."""
    backlinks: set[int] = field(default_factory=set)
    class_marks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Bold and italic the page's style rules give a class (see :mod:`~bookmaker.readers.html_classes`)."""
    removed: list[Removal] = field(default_factory=list)
    groups: itertools.count[int] = field(default_factory=itertools.count)
    fetched: bool = False
    """The page came from the web: its relative images are web addresses, not files beside it."""
    fetch_image: ImageFetch | None = None
    """Building from a URL: fetches a web image into ``folder`` (see :mod:`bookmaker.fetch.page`)."""
    below: Subtrees | None = None
    """What the page's elements hold (:meth:`subtrees`)."""
    run_heads: dict[int, Tag] = field(default_factory=dict)
    """The first list of each run of one-item lists alike found so far (:func:`_run_head`)."""

    def markup_changed(self) -> None:
        """Forget what was found of the page's markup (it has changed)."""
        self.below = None
        self.run_heads = {}

    def subtrees(self) -> Subtrees:
        """The summaries of what the page's elements hold (:mod:`.html_below`)."""
        if self.below is None:
            self.below = Subtrees(
                lambda tag: is_control(tag) and id(tag) not in self.toggles,
                lambda tag: kind_of(tag) == "caption",
                _figure_image,
            )
        return self.below

    def take(self, root: Tag | NavigableString) -> list[NavigableString]:
        """Mark the visible text under ``root`` as placed; returns those text nodes."""
        if isinstance(root, NavigableString):
            strings = [root] if is_text(root) and has_text(root) else []
        else:
            strings = [s for s in visible_strings(root) if id(s) not in self.consumed]
        self.consumed.update(id(s) for s in strings)
        return strings

    def remove(self, root: Tag, reason: str, rule: str) -> None:
        """Record the visible text under ``root`` as removed."""
        strings = self.take(root)
        text = joined(strings)
        if text:
            self.removed.append(Removal(text=text, reason=reason, line=self.page.line(strings[0]), rule=rule))


@dataclass(slots=True)
class Piece:
    """A line (leaves) or a whole block, with the kind and attributes the markup gave it."""

    leaves: list[Leaf]
    kind: str | None
    attrs: dict[str, str]
    container: str
    line: int
    block: Block | None = None


@dataclass(slots=True)
class _Frame:
    marks: int = 0
    code: bool = False
    block: bool = False
    pieces: int = 0  # the flow's pieces when the block began
    saved: tuple[str | None, dict[str, str], str] | None = None


def kind_of(tag: Tag) -> str | None:
    """The kind of line an element makes (heading, caption, quote, list item), or None."""
    name = tag.name
    classes = " ".join(str(c) for c in tag.get("class") or [])
    if re.fullmatch(r"h[1-6]", name) or "subtitle_in" in classes:
        return "heading"
    if name == "figcaption" or CAPTION_CLASS.search(classes):
        return "caption"
    if name == "blockquote" or PULL_QUOTE_CLASS.search(classes):
        return "quote"
    if name in ("div", "aside") and any(QUOTE_BOX_CLASS.fullmatch(str(c)) for c in tag.get("class") or []):
        return "quote"
    if name == "li":
        return "list-item"
    return None


def image_src(img: Tag) -> str | None:
    """The image's address: ``src``, or a lazy loader's ``data-src`` when ``src`` is a placeholder."""
    src = img.get("src")
    src = src.strip() if isinstance(src, str) else ""
    lazy = next((v.strip() for n in LAZY_SRC if isinstance(v := img.get(n), str) and v.strip()), "")
    if lazy and (not src or src.startswith("data:") or re.search(r"blank|spacer|placeholder|1x1|blur", src)):
        src = lazy.split()[0]
    return src or None


class Flow:
    """One walk (see the module); ``pieces`` holds what it found, in document order."""

    def __init__(self, env: Env, mode: Literal["lines", "blocks"], depth: int = 0) -> None:
        self.env = env
        self.mode = mode
        self.depth = depth
        self.pieces: list[Piece] = []
        self.leaves: list[Leaf] = []
        self.marks: list[Mark] = []
        self.code = 0
        self.kind: str | None = None
        self.attrs: dict[str, str] = {}
        self.container = "div"
        self.frames: list[_Frame] = []
        self.blank = False  # an empty paragraph (``<p>&nbsp;</p>``) since the last piece

    # --- the walk -------------------------------------------------------------------------

    def run(self, nodes: Iterable[PageElement], poem: bool = False) -> Flow:
        """Walk ``nodes`` (an element's ``children``, or some elements themselves), then end the
        last line; ``poem``: they are the children of a box marked as a poem."""
        if poem:
            self.attrs = {**self.attrs, "poem": "1"}
        walk(nodes, self.enter, self.text, self.leave)
        self.flush()
        return self

    def text(self, node: NavigableString) -> None:
        if id(node) in self.env.consumed:
            return
        value = strip_controls(str(node))
        if not value:
            return
        if has_text(node):
            self.env.consumed.add(id(node))
        run: Inline = Code(value=value) if self.code else Text(value=value)
        self.leaves.append(Leaf(tuple(self.marks), run, self.env.page.line(node)))

    def enter(self, tag: Tag) -> bool:
        frame = _Frame()
        self.frames.append(frame)
        name = (tag.name or "").lower()
        env = self.env
        if hides(tag) or id(tag) in env.skip or self.control(tag):
            return False
        below = env.subtrees().of(tag) if name in BOX_TAGS else None
        if is_tab_row(tag) or (below is not None and (is_page_links(below) or is_prompt_box(tag, below))):
            parts = tag.find_all(lambda t: t.name in ("li", "p") or self.control(t))  # each tab, button
            for part in [*parts, tag]:
                env.remove(part, INTERFACE_ROW, "html.interface")
            return False
        if name == "nav" or str(tag.get("role") or "").strip().lower() == "navigation":
            env.remove(tag, NAVIGATION, "html.navigation")
            return False
        if HATNOTE_CLASSES.intersection(tag.get_attribute_list("class")):
            env.remove(tag, HATNOTE, "html.navigation")
            return False
        if name in BOX_TAGS and _named(tag, _TOC_BOX) and _anchors_only(tag):
            env.remove(tag, NAVIGATION, "html.navigation")
            return False
        if name in BOX_TAGS and _named(tag, _AD_SLOT):
            env.remove(tag, AD_SLOT, "html.ad")
            return False
        if name in BOX_TAGS and _named(tag, _PLUGIN_BOX):
            env.remove(tag, PLUGIN_BOX, "html.plugin")
            return False
        if name in (*BOX_TAGS, "span", "p", "footer") and _named(tag, _TAXONOMY_BOX) and tag.find("a"):
            env.remove(tag, TAXONOMY_BOX, "html.taxonomy")
            return False
        if name in BOX_TAGS and _named(tag, _AUTHOR_BOX) and tag.find("a", href=_AUTHOR_ARCHIVE) is not None:
            env.remove(tag, AUTHOR_BOX, "html.author-box")
            return False
        lang = language(tag.get("lang"), env.language)
        if lang:
            self.push(Mark(id(tag), "span", lang=lang), frame, tag)
        if name == "br":
            self.leaves.append(Leaf(tuple(self.marks), LineBreak(), env.page.line(tag)))
            return False
        if name == "img":
            self.image(tag)
            return False
        special = self.special(tag, name)
        if special is not None:
            return special
        if name == "a":
            return self.link(tag, frame)
        if name in CODE_TAGS:
            self.code += 1
            frame.code = True
            return True
        kind = env.kinds.get(id(tag)) or kind_of(tag)
        if kind is not None or name in BLOCK_TAGS:
            self.start_block(frame, name, kind, tag)
            return True
        mark = MARK_TAGS.get(name)
        if mark is not None:
            self.push(Mark(id(tag), mark), frame, tag)
        elif name == "span" and env.class_marks:
            for kind in dict.fromkeys(
                k for c in tag.get_attribute_list("class") for k in env.class_marks.get(c, ())
            ):
                self.push(Mark(id(tag), kind), frame, tag)
        return True

    def control(self, tag: Tag) -> bool:
        """A form control or button the page's interface is made of (not a question's toggle)."""
        return is_control(tag) and id(tag) not in self.env.toggles

    def push(self, mark: Mark, frame: _Frame, tag: Tag) -> None:
        """Open ``mark`` around what follows: nothing when the same mark is open already (bold
        inside bold is bold; a span of the language the text has), and marks nested past
        ``max_nesting`` are one error line."""
        open_same = [m for m in self.marks if m.kind == mark.kind]
        if open_same and (mark.kind != "span" or open_same[-1].lang == mark.lang):
            return
        self.env.limits.check_nesting(len(self.marks) + 1, self.env.name, self.env.page.line(tag))
        self.marks.append(mark)
        frame.marks += 1

    def leave(self, tag: Tag) -> None:
        frame = self.frames.pop()
        if frame.block:
            self.flush()
            if tag.name == "p" and len(self.pieces) == frame.pieces:
                self.blank = True  # an empty paragraph (``<p>&nbsp;</p>``): a blank line
            assert frame.saved is not None
            self.kind, self.attrs, self.container = frame.saved
        for _ in range(frame.marks):
            self.marks.pop()
        if frame.code:
            self.code -= 1

    def start_block(self, frame: _Frame, name: str, kind: str | None, tag: Tag) -> None:
        self.flush()
        frame.block = True
        frame.pieces = len(self.pieces)
        frame.saved = (self.kind, self.attrs, self.container)
        if kind is not None:
            self.attrs = dict(self.attrs) if kind == self.kind else {}
            self.kind = kind
            if kind == "quote" and PULL_QUOTE_CLASS.search(" ".join(map(str, tag.get("class") or []))):
                self.attrs["pull_quote"] = "1"  # the normalizer drops it where it repeats the text
            if kind == "heading" and re.fullmatch(r"h[1-6]", name):
                self.attrs["level"] = name[1]
            if kind == "list-item" and isinstance(tag.parent, Tag):
                # two lists in a row stay two, but for one-item runs
                head = _run_head(tag.parent, self.env.run_heads)
                self.attrs["list"] = str(self.env.page.order(head))
                if tag.parent.name == "ol":
                    self.attrs["ordered"] = "1"
                    style = list_style(tag.parent)  # <ol type="a">, list-style-type: hangul
                    if style is not None:
                        self.attrs["style"] = style
        if CALLOUT_CLASSES.intersection(map(str, tag.get_attribute_list("class"))):  # a note set apart
            self.attrs = {**self.attrs, "callout": "1"}
        if poem_box(tag):
            self.attrs = {**self.attrs, "poem": "1"}
        self.container = name

    def special(self, tag: Tag, name: str) -> bool | None:
        """Elements that make a whole block or figure; None when ``tag`` is not one of them."""
        env = self.env
        line = env.page.line(tag)
        if id(tag) in env.notes:
            self.add_block(self.footnote(tag, env.notes[id(tag)]), line)
            return False
        if name == "hr":
            self.add_block(ThematicBreak(), line)
            return False
        if name == "pre":
            code = self.code_block(tag)
            if code is not None:
                self.add_block(code, line)
            return False
        if name == "table" and "properties" in tag.get_attribute_list("class") and self.properties(tag):
            return False
        if name == "table" and is_data_table(tag):
            env.limits.check_table(sum(len(cells(row)) for row in rows(tag)), env.name, line)
            for img in tag.find_all("img"):  # an infobox's photo: a figure of its own, not cell text
                if not is_icon(img):
                    self.image(img)
                    env.skip.add(id(img))
            self.add_block(build_table(tag, self.cell_runs), line)
            return False
        if (
            name in ("ul", "ol")
            and (self.mode == "blocks" or _list_is_block(tag))
            and not any(id(item) in env.notes for item in tag.find_all("li", recursive=False))
        ):
            block = self.list_block(tag)
            for other in _run_of(tag, env.run_heads):  # Notion's one-<ul>-per-item list: one list
                block.items += self.list_block(other).items
                env.skip.add(id(other))
            self.add_block(block, line)
            return False
        if name == "blockquote" and (self.mode == "blocks" or _attribution(tag)):
            self.add_block(self.quote(tag), line)
            return False
        if name == "dl" and self.mode == "lines" and (pairs := _fields(tag)) is not None:
            self.fields(pairs)
            return False
        if name == "ruby":
            self.ruby(tag)
            return False
        if self.is_figure(tag, name):
            self.figure(tag)
            return True  # what else the figure holds ("확대" buttons …) is walked as lines
        return None

    def properties(self, tag: Tag) -> bool:
        """A note-taking tool's page properties (Notion's ``<table class="properties">`` of
        ``<th>key</th><td>value</td>`` rows) as ``key: value`` lines, for pass ``properties``:
        several values are joined with commas."""
        rows = [row.find_all(["th", "td"], recursive=False) for row in tag.find_all("tr")]
        if not rows or any(len(cells) != 2 or cells[0].name != "th" for cells in rows):
            return False
        self.flush()
        for key, value in rows:
            strings = [collapse(s).strip() for s in self.env.take(key) + self.env.take(value)]
            head, values = strings[:1], [s for s in strings[1:] if s]
            text = f"{' '.join(head)}: {', '.join(values)}"
            line = self.env.page.line(key)
            self.pieces.append(Piece([Leaf((), Text(value=text), line)], None, {}, "p", line))
        return True

    def fields(self, pairs: list[tuple[Tag, list[Tag]]]) -> None:
        """A list of fields (``<dl>`` of short terms): each term and its values one line, ``term:
        value`` (several values joined with commas), the lines of one list in one group, as the
        lines of a paragraph broken by ``<br>``; ``attrs["field"]`` tells the normalizer a line is
        the text's own field (no deck; its date no page date unless its label says so)."""
        self.flush()
        group = str(next(self.env.groups))
        for term, values in pairs:
            line = self.env.page.line(term)
            for value in [v for v in values if SHOP_VALUE.search(visible_text(v))]:
                self.env.remove(value, SHOP_REASON, "html.shop")  # "정가 17,500원 → 15,750원 …"
            values = [v for v in values if not SHOP_VALUE.search(visible_text(v))]
            leaves = _spaced(self.inline_leaves(term))
            parts = [_spaced(self.inline_leaves(value)) for value in values]
            parts = [part for part in parts if any(_shows(leaf) for leaf in part)]
            if not parts:
                self.pieces.append(Piece(leaves, None, {"br_group": group, "field": "1"}, "dl", line))
                continue
            leaves.append(Leaf((), Text(value=": "), line))
            for i, part in enumerate(parts):
                if i:
                    leaves.append(Leaf((), Text(value=", "), line))
                leaves.extend(part)
            self.pieces.append(Piece(leaves, None, {"br_group": group, "field": "1"}, "dl", line))

    # --- inline pieces --------------------------------------------------------------------

    def link(self, tag: Tag, frame: _Frame) -> bool:
        env = self.env
        note = env.refs.get(id(tag))
        if note is not None:
            self.leaves.append(note_leaf(tuple(self.marks), note, env.page.line(tag)))
            env.remove(tag, "footnote marker (the writers number the notes)", "html.footnote-marker")
            return False
        if id(tag) in env.backlinks:
            env.remove(tag, "footnote back link (the writers make their own)", "html.footnote-marker")
            return False
        href = safe_href(tag.get("href"), env.page_url)
        if href:  # not inside another link: push opens no mark of a kind already open
            title = tag.get("title")
            title = collapse(title).strip() or None if isinstance(title, str) else None
            self.push(Mark(id(tag), "link", href=href, title=title), frame, tag)
        return True

    def ruby(self, tag: Tag) -> None:
        """``<ruby>`` → :class:`Ruby` runs (base and its ``<rt>``); ``<rp>`` is hidden."""
        base: list[str] = []
        line = self.env.page.line(tag)
        for child in tag.children:
            if isinstance(child, Tag) and child.name == "rt":
                annotation = collapse("".join(self.env.take(child))).strip()
                text = collapse("".join(base)).strip()
                if text:
                    self.leaves.append(Leaf(tuple(self.marks), Ruby(base=text, annotation=annotation), line))
                base = []
            elif isinstance(child, Tag | NavigableString) and not (isinstance(child, Tag) and hides(child)):
                base.extend(self.env.take(child))
        rest = collapse("".join(base)).strip()
        if rest:
            self.leaves.append(Leaf(tuple(self.marks), Text(value=rest), line))

    def image(self, img: Tag) -> None:
        """An image outside a figure: a figure of its own (its ``alt`` of 10+ characters, no file
        name, as caption)."""
        if is_icon(img) or is_spacer(image_src(img) or ""):
            return
        if _shop_thumbnail(img):
            line = self.env.page.line(img)
            self.env.removed.append(
                Removal(text=_alt(img), reason=THUMBNAIL_REASON, line=line, rule="html.shop")
            )
            return
        if _card_thumbnail(img):
            line = self.env.page.line(img)
            self.env.removed.append(Removal(text=_alt(img), reason=CARD_REASON, line=line, rule="html.card"))
            return
        src = self.resolve(img)
        alt = _alt(img)
        caption = [Leaf((), Text(value=alt), self.env.page.line(img))] if _alt_caption(alt) else []
        if src or caption:
            self.flush()
            self.add_figure(img, src, alt, caption, None)

    def resolve(self, img: Tag) -> str | None:
        """The image's source for the IR: a file saved beside the page (``X_files/`` of "Save page
        as") as a relative path, or a ``data:`` image. An image only on the web, or missing from the
        folder, is not fetched: its address is recorded as removed (``html.image``), its figure
        keeps the caption. A saved page in MIME form (:mod:`.mime`) passes ``fetch_image`` to find
        its image parts, by address or ``cid:``."""
        src = image_src(img)
        if not src or src.lower().startswith(("javascript:", "vbscript:")):
            return None
        relative = local_path(src)
        if relative is not None and not self.env.fetched and (self.env.folder / unquote(relative)).is_file():
            return relative
        if src.startswith("data:image/"):
            return src
        address = urljoin(self.env.page_url, src) if self.env.page_url else src
        if urlsplit(address).scheme in ("http", "https", "", "cid") and not is_icon(img):
            reason = "image not saved with the page (its figure keeps the caption)"
            if self.env.fetch_image is not None and urlsplit(address).scheme in ("http", "https", "cid"):
                fetched = self.env.fetch_image(address)
                if fetched.path is not None:
                    return fetched.path
                reason = f"image not fetched: {fetched.refusal} (its figure keeps the caption)"
            self.env.removed.append(
                Removal(text=address, reason=reason, line=self.env.page.line(img), rule="html.image")
            )
        return None

    # --- figures --------------------------------------------------------------------------

    def is_figure(self, tag: Tag, name: str) -> bool:
        """``<figure>``, or a photo box: one image, a caption element, little else (images and
        captions already taken by an enclosing figure do not count)."""
        if name in ("img", "a", "p", "td", "tr", "table"):
            return False
        if name == "figure":
            return bool(self.images(tag) or self.captions(tag))
        below = self.env.subtrees().of(tag)
        if not below.has(IMG) or not below.has(CAPTION):
            return False
        images = self.images(tag, 2) if below.images is None else self.unskipped(below.images)
        if len(images) != 1:
            return False
        captions = self.captions(tag)
        if not captions:
            return False
        inside = sum(len(visible_text(c)) for c in captions)
        return len(visible_text(tag)) - inside <= 20

    def images(self, tag: Tag, most: int | None = None) -> list[Tag]:
        """The images under ``tag`` a figure can show and no other took (the ``most`` first)."""
        found = (t for t in tag.descendants if isinstance(t, Tag) and t.name == "img" and _figure_image(t))
        return list(itertools.islice((img for img in found if id(img) not in self.env.skip), most))

    def unskipped(self, tags: Iterable[Tag]) -> list[Tag]:
        return [tag for tag in tags if id(tag) not in self.env.skip]

    def captions(self, tag: Tag) -> list[Tag]:
        found = [
            t
            for t in tag.find_all(True)
            if kind_of(t) == "caption" and not hides(t) and id(t) not in self.env.skip
        ]
        return [t for t in found if not any(p in found for p in t.parents)]

    def figure(self, tag: Tag) -> None:
        env = self.env
        self.flush()
        captions = self.captions(tag)
        credit_tags = [
            t
            for c in captions
            for t in c.find_all(True)
            if t.name == "cite" or CREDIT_CLASS.search(" ".join(str(x) for x in t.get("class") or []))
        ]
        credit = joined(s for t in credit_tags for s in env.take(t)) or None
        leaves: list[Leaf] = []
        for caption in captions:
            if leaves:
                leaves.append(Leaf((), Text(value=" "), env.page.line(caption)))
            leaves.extend(self.inline_leaves(caption))
            env.skip.add(id(caption))
        images = self.images(tag)
        env.skip.update(id(img) for img in images)
        sources = [(img, self.resolve(img)) for img in images]
        for img, src in sources[:-1]:
            if src:
                self.add_figure(img, src, _alt(img), [], None)
        if sources:
            img, src = sources[-1]
            alt = _alt(img)
            if not leaves and not credit and len(sources) == 1 and _alt_caption(alt):
                leaves = [Leaf((), Text(value=alt), env.page.line(img))]  # captioned by its alt, as an
                # image outside a figure is (an exhibition's poster)
            self.add_figure(img, src, alt, leaves, credit)
        elif leaves or credit:
            self.add_figure(tag, None, "", leaves, credit)

    def add_figure(self, at: Tag, src: str | None, alt: str, leaves: list[Leaf], credit: str | None) -> None:
        line = self.env.page.line(at) if at.name == "img" or not leaves else leaves[0].line
        attrs = {"src": src} if src else {}
        if alt:
            attrs["alt"] = alt
        if credit:
            attrs["credit"] = credit
        if self.mode == "blocks":
            caption = build_runs(_spaced(leaves))
            self.add_block(Figure(src=src, alt=alt or None, caption=caption, credit=credit), line)
        else:
            self.pieces.append(Piece(leaves, "caption", attrs, "figure", line))

    # --- whole blocks ---------------------------------------------------------------------

    def add_block(self, block: Block, line: int) -> None:
        self.flush()
        self.pieces.append(Piece([], self.kind, dict(self.attrs), self.container, line, block))

    def inline_leaves(self, tag: Tag) -> list[Leaf]:
        """The leaves of everything under ``tag``, its lines joined by line breaks."""
        flow = self.inner(tag).run(tag.children)
        leaves: list[Leaf] = []
        for piece in flow.pieces:
            if leaves:
                leaves.append(Leaf((), LineBreak(), piece.line))
            if piece.block is not None:
                leaves.append(Leaf((), Text(value=piece.block.text), piece.line))
            else:
                leaves.extend(piece.leaves)
        return leaves

    def cell_runs(self, tag: Tag) -> list[Inline]:
        return build_runs(self.inline_leaves(tag))

    def sub_blocks(self, tag: Tag) -> list[Block]:
        """The blocks under ``tag`` (a list item, a quotation, a footnote)."""
        return self.inner(tag).run(tag.children).blocks()

    def inner(self, tag: Tag) -> Flow:
        """A walk one level deeper (a list item, a quotation, a note, a cell), refused past the
        nesting limit."""
        self.env.limits.check_nesting(self.depth + 1, self.env.name, self.env.page.line(tag))
        return Flow(self.env, "blocks", self.depth + 1)

    def list_block(self, tag: Tag) -> ListBlock:
        """A list given whole; text or elements straight inside ``<ul>`` make items of their own."""
        items: list[ListItem] = []
        for child in tag.children:
            if isinstance(child, Tag) and not hides(child) and (child.name == "li" or visible_text(child)):
                blocks = self.sub_blocks(child)
            elif isinstance(child, NavigableString) and self.env.take(child):
                blocks = [Paragraph(content=[Text(value=collapse(child).strip())])]
            else:
                continue
            if blocks:
                items.append(ListItem(blocks=blocks))
        ordered = tag.name == "ol"
        return ListBlock(items=items, ordered=ordered, start=_start(tag), style=list_style(tag))

    def quote(self, tag: Tag) -> Quote:
        attribution_tag = _attribution(tag)
        runs: list[Inline] = []
        if attribution_tag is not None:
            runs = build_runs(self.inline_leaves(attribution_tag))
            self.env.skip.add(id(attribution_tag))
        return Quote(blocks=self.sub_blocks(tag), attribution=runs)

    def footnote(self, tag: Tag, note: str) -> Footnote:
        return Footnote(id=note, blocks=self.sub_blocks(tag))

    def code_block(self, tag: Tag) -> CodeBlock | None:
        parts: list[str] = []

        def text(node: NavigableString) -> None:
            parts.append(strip_controls(str(node)))
            if has_text(node):
                self.env.consumed.add(id(node))

        def enter(child: Tag) -> bool:
            if child.name == "br":
                parts.append("\n")
            return not hides(child)

        walk(tag.children, enter, text, lambda child: None)
        value = "".join(parts).removeprefix("\r\n").removeprefix("\n").rstrip()
        if not value.strip():
            return None
        return CodeBlock(value=value, language=_code_language(tag))

    # --- output ---------------------------------------------------------------------------

    def flush(self) -> None:
        if not self.leaves:
            return
        leaves, self.leaves = self.leaves, []
        if not any(_shows(leaf) for leaf in leaves):
            return  # white space and line breaks only
        line = next(leaf.line for leaf in leaves if _shows(leaf))
        attrs = {**self.attrs, BLANK_ABOVE: "1"} if self.blank else dict(self.attrs)
        self.blank = False
        self.pieces.append(Piece(leaves, self.kind, attrs, self.container, line))

    def blocks(self) -> list[Block]:
        """The pieces as IR blocks (blocks mode)."""
        out: list[Block] = []
        for piece in self.pieces:
            if piece.block is not None:
                out.append(piece.block)
                continue
            runs = build_runs(piece.leaves)
            if not runs:
                continue
            if piece.kind == "heading":
                out.append(Heading(content=runs, level=int(piece.attrs.get("level", "3"))))
            else:
                out.append(Paragraph(content=runs))
        return out

    def lines(self) -> list[SourceLine]:
        """The pieces as the reader's source lines (lines mode)."""
        out: list[SourceLine] = []
        for piece in self.pieces:
            if piece.block is not None:
                out.append(SourceLine(piece.block.text, piece.line, "block", {}, block=piece.block))
            elif piece.kind in ("heading", "caption"):  # one line: a break is a space
                runs = build_runs(_spaced(piece.leaves))
                if runs or piece.attrs.get("src"):
                    out.append(_line(runs, piece.line, piece.kind, piece.attrs))
            else:
                out.extend(self.broken_lines(piece))
        return paragraph_stanzas(out)

    def broken_lines(self, piece: Piece) -> list[SourceLine]:
        soft_ok = piece.container in SOFT_BREAK_TAGS and piece.kind in (None, "quote", "list-item")
        group = ""
        out: list[SourceLine] = []
        pieces = [(build_runs(leaves), leaves, soft) for leaves, soft in split_at_breaks(piece.leaves)]
        poem = piece.attrs.get("poem") == "1" and piece.kind is None
        stanza = self.stanzas(pieces, poem) if poem or not (soft_ok or piece.kind is not None) else {}
        for at, (runs, leaves, soft) in enumerate(pieces):
            if not runs:
                continue
            attrs = {k: v for k, v in piece.attrs.items() if k != "poem"}
            if at in stanza:  # a song's or a poem's lines in a generic container: one stanza
                attrs["br_group"] = stanza[at]
            elif soft_ok:
                if not soft or not group:
                    group = str(next(self.env.groups))
                attrs["br_group"] = group
            elif soft:
                attrs["soft_break"] = "1"  # a single <br> before it in a generic container
            out.append(_line(runs, leaves[0].line, piece.kind, attrs))
        return out

    def stanzas(
        self, pieces: list[tuple[list[Inline], list[Leaf], bool]], poem: bool = False
    ) -> dict[int, str]:
        """The pieces of a generic container whose runs (short lines parted by single ``<br>``, the
        runs by two) are a poem's or a song's stanzas, or of a box marked as a ``poem``: each piece's
        index → its stanza's group."""
        runs: list[list[int]] = []
        for at, (runs_, _, soft) in enumerate(pieces):
            if not runs_:
                continue
            if soft and runs:
                runs[-1].append(at)
            else:
                runs.append([at])
        found = stanza_runs([[plain(pieces[at][0]) for at in run] for run in runs])
        if found is None and not poem:
            return {}
        out: dict[int, str] = {}
        for run in runs:  # the container is the poem: a one-line run ("네 이름을 적어 볼게") is verse too
            group = f"verse-{next(self.env.groups)}"
            out.update((at, group) for at in run)
        return out


BLANK_ABOVE = "blank_above"
"""A piece's attribute: an empty paragraph stands between it and the piece before."""


def paragraph_stanzas(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with a poem's stanzas set one paragraph per line, empty paragraphs between the
    stanzas (a blog editor's ``<p>`` per line, ``<p>&nbsp;</p>`` between), each made one stanza
    (:func:`~bookmaker.readers.verse.stanza_runs` on the runs the empty paragraphs part)."""
    if not any(BLANK_ABOVE in sl.attrs for sl in lines):
        return lines
    groups = Counter(sl.attrs.get("br_group") for sl in lines)
    runs: list[list[int]] = [[]]
    for at, sl in enumerate(lines):
        group = sl.attrs.get("br_group")
        single = sl.kind is None and sl.block is None and (group is None or groups[group] == 1)
        if runs[-1] and (not single or BLANK_ABOVE in sl.attrs):
            runs.append([])
        if single:
            runs[-1].append(at)
        elif runs[-1]:
            runs.append([])
    found = stanza_runs([[lines[at].text for at in run] for run in runs])
    stanza = {at: f"verse-p{n}" for n, run in enumerate(runs) if n in (found or ()) for at in run}
    return [
        SourceLine(sl.text, sl.line, sl.kind, _stanza_attrs(sl.attrs, stanza.get(at)), sl.content, sl.block)
        for at, sl in enumerate(lines)
    ]


def _stanza_attrs(attrs: dict[str, str], group: str | None) -> dict[str, str]:
    kept = {k: v for k, v in attrs.items() if k != BLANK_ABOVE}
    return {**kept, "br_group": group} if group else kept


def _figure_image(img: Tag) -> bool:
    """An image a figure can show: no icon, with an address, not hidden."""
    return not is_icon(img) and bool(image_src(img)) and not hides(img)


def _spaced(leaves: list[Leaf]) -> list[Leaf]:
    """The leaves with each line break as a space."""
    return [
        Leaf(leaf.marks, Text(value=" "), leaf.line) if isinstance(leaf.run, LineBreak) else leaf
        for leaf in leaves
    ]


def _shows(leaf: Leaf) -> bool:
    """A leaf that puts something on the page (a footnote reference does)."""
    return isinstance(leaf.run, NoteRef) or shows(leaf.run.text)


def _line(runs: list[Inline], line: int, kind: str | None, attrs: dict[str, str]) -> SourceLine:
    text = plain(runs)
    plain_only = len(runs) == 1 and isinstance(runs[0], Text)
    return SourceLine(text, line, kind, attrs, content=None if plain_only else runs)


_GENERATED_ALT = re.compile(
    r"^그림입니다\.\s*원본\s*그림의\s*이름\s*:\s*(?P<name>.+?)(?:\s*원본\s*그림의\s*크기\s*:.*)?$"
)
"""The alt 한글 writes on every picture of an HTML export: "그림입니다. 원본 그림의 이름: CLP….bmp
원본 그림의 크기: …" — only the picture's original file name says anything."""


def _alt(img: Tag) -> str:
    """The image's alt text (of a word processor's generated one, the picture's file name)."""
    value = img.get("alt")
    alt = collapse(value).strip() if isinstance(value, str) else ""
    generated = _GENERATED_ALT.match(alt)
    return generated["name"] if generated else alt


def _alt_caption(alt: str) -> bool:
    """An alt text long enough to caption its image, and no file name."""
    return len(alt) >= MIN_ALT_CAPTION and not is_file_name(alt)


def _start(tag: Tag) -> int:
    value = tag.get("start")
    digits = re.fullmatch(r"\s*(\d{1,6})\s*", value) if isinstance(value, str) else None
    return int(digits.group(1)) if digits else 1


def _one_item(tag: Tag) -> bool:
    return len(tag.find_all("li", recursive=False)) == 1


def _alike(tag: Tag, siblings: Iterable[PageElement], most: int | None = None) -> list[Tag]:
    """The one-item lists alike ``tag`` (tag and class, nothing between them) among ``siblings``
    next to it (the ``most`` nearest): Notion exports a list as one ``<ul class="bulleted-list">``
    per bullet."""
    classes = tag.get_attribute_list("class")
    if not any(classes) or not _one_item(tag):
        return []
    out: list[Tag] = []
    for sibling in siblings:
        if isinstance(sibling, NavigableString) and not sibling.strip():
            continue
        if not (
            isinstance(sibling, Tag)
            and sibling.name == tag.name
            and sibling.get_attribute_list("class") == classes
            and _one_item(sibling)
        ):
            break
        out.append(sibling)
        if len(out) == most:
            break
    return out


def _run_head(tag: Tag, heads: dict[int, Tag]) -> Tag:
    """The first of a run of one-item lists alike (see :func:`_alike`), else ``tag``; ``heads``
    holds the heads found before (each list of a long run would walk back over the run again)."""
    run = [tag]
    while id(run[-1]) not in heads and (before := _alike(run[-1], run[-1].previous_siblings, 1)):
        run.append(before[0])
    head = heads.get(id(run[-1]), run[-1])
    heads.update((id(t), head) for t in run)
    return head


def _run_of(tag: Tag, heads: dict[int, Tag]) -> list[Tag]:
    """The one-item lists alike after ``tag``, when it opens their run."""
    return _alike(tag, tag.next_siblings) if _run_head(tag, heads) is tag else []


def _list_is_block(tag: Tag) -> bool:
    """A list the reader gives whole: it nests, starts elsewhere than 1, or its items hold blocks."""
    blocks = ["ul", "ol", "table", "pre", "blockquote", "figure", "details"]  # details: a toggle
    if _start(tag) != 1 or tag.find(blocks) is not None:
        return True
    for item in tag.find_all("li", recursive=False):
        paragraphs = [c for c in item.find_all(["p", "div"], recursive=False) if visible_text(c)]
        if len(paragraphs) > 1:
            return True
    return False


MAX_TERM = 20
"""A field's term, in characters: a label (경력, 근무지역, 마감일), not a glossary's entry."""
_FIELD_BLOCKS = [
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "dl",
    "blockquote",
    "figure",
    "img",
    "pre",
    "h2",
    "h3",
    "h4",
]


SHOP_VALUE = re.compile(
    r"(?:정가|판매가|할인가|마일리지|적립금)\s*[:：]?\s*[\d,]+\s*원|[\d,]+\s*원\s*\(\s*\d{1,2}\s*%\s*(?:할인|적립)"
    r"|[★☆]{5}\s*\d{1,2}(?:\.\d)?\s*\(\s*(?:리뷰|후기|평점|구매평)"
)
"""A shop's value beside the item it sells, in the item's box (``정가 17,500원 → 15,750원 (10% 할인)``,
``★★★★☆ 9.2 (리뷰 48 · 100자평 131)``): its price, points or rating, not the item's particulars."""
SHOP_REASON = "the shop's price, points or rating beside the item it sells"


THUMBNAIL_REASON = "the shop's thumbnail of the item its box names and prices"
MAX_SHOP_BOX = 40
"""The most elements a shop's item box holds (its thumbnail, name, particulars, price and buttons)."""


def _shop_thumbnail(img: Tag) -> bool:
    """``img`` is the thumbnail in a shop's box of one item: a small box (three levels up at most)
    that prices the item (``SHOP_VALUE``) and names it again in its text as the image's ``alt``."""
    alt = _alt(img)
    if not alt:
        return False
    for box in list(img.parents)[:3]:
        if len(box.find_all(True, limit=MAX_SHOP_BOX)) >= MAX_SHOP_BOX:
            return False
        text = visible_text(box)
        if alt in text and SHOP_VALUE.search(text):
            return True
    return False


CARD_REASON = "the thumbnail of a linked card that names the same headline (another article)"
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp)(?:[?#]|$)", re.IGNORECASE)


def _card_thumbnail(img: Tag) -> bool:
    """``img`` is the thumbnail of a card linking to another page (an inline "관련기사" card,
    ``<a href="/news/88001"><img alt="가람천 정비사업 첫 삽…"><strong>가람천 정비사업 첫 삽…</strong></a>``):
    inside a link (two levels up at most) to a page, not to an image, whose own text says the
    image's ``alt`` again."""
    alt = _alt(img)
    if len(alt) < 6:
        return False
    link = next((p for p in list(img.parents)[:2] if p.name == "a"), None)
    if link is None:
        return False
    href = str(link.get("href") or "")
    if not href or href.startswith("#") or _IMAGE_FILE.search(href):
        return False
    return alt in visible_text(link)


def _fields(tag: Tag) -> list[tuple[Tag, list[Tag]]] | None:
    """A ``<dl>`` of fields: short terms (no image), each with values of inline text only; its pairs,
    or None (a photo set as ``<dt><img></dt><dd>caption</dd>``, a glossary of paragraphs)."""
    pairs: list[tuple[Tag, list[Tag]]] = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            if is_text(child) and has_text(child):
                return None
            continue
        if not isinstance(child, Tag) or hides(child):
            continue
        if child.name == "dt":
            term = visible_text(child)
            if not term or len(term) > MAX_TERM or child.find(_FIELD_BLOCKS) is not None:
                return None
            pairs.append((child, []))
        elif child.name == "dd" and pairs and child.find(_FIELD_BLOCKS) is None:
            pairs[-1][1].append(child)
        else:
            return None
    return pairs if pairs and all(values for _, values in pairs) else None


_CITE_CLASS = re.compile(r"(?:^|[-_])cite$|attribution", re.IGNORECASE)


def _attribution(tag: Tag) -> Tag | None:
    """A quotation's ``<footer>`` or ``<cite>``, or a child whose class names it a citation
    (SmartEditor's ``<div class="se-module se-cite">``): its own, not a nested quotation's."""
    found = tag.find(["footer", "cite"], recursive=False) or next(
        (
            c
            for c in tag.find_all(True, recursive=False)
            if any(_CITE_CLASS.search(str(n)) for n in c.get("class") or [])
        ),
        None,
    )
    return found if isinstance(found, Tag) and visible_text(found) else None


def _code_language(tag: Tag) -> str | None:
    for node in (tag, tag.find("code")):
        if isinstance(node, Tag):
            for cls in node.get("class") or []:
                m = re.fullmatch(r"(?:language|lang)-([A-Za-z0-9_+#.-]{1,30})", str(cls))
                if m:
                    return m.group(1)
    return None
