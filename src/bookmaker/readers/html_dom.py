"""The parsed page as the HTML reader sees it: which text is visible, on which source line each
piece of text stands, and an iterative walk over the tree (pages nest hundreds of levels deep; the
walk never recurses, so the depth limit, not Python's stack, bounds what a page may do).

**Visible text** is a text node of the page (not a comment, CDATA section, processing instruction or
doctype) with a character that shows (not white space, a control or a format character such as a
zero-width space), none of whose ancestors is

* an element that never shows its content: ``head``, ``title``, ``script``, ``style``,
  ``template``, ``noscript`` (scripts are on in a browser), ``iframe`` (its content is never
  rendered), ``rp`` (ruby parentheses, hidden where ruby is shown), the fallback content of
  ``video``/``audio``/``canvas``, SVG ``desc``/``metadata``;
* an element the markup itself hides: the ``hidden`` attribute, or an inline ``style`` with
  ``display: none`` or ``visibility: hidden`` — except a panel a disclosure toggle opens (an FAQ's
  hidden answer), which the reader opens before reading the page (:mod:`.html_toggles`).

Style sheets are not evaluated, so text hidden by a class (``.blind``, ``.screen_out``) counts as
visible; ``aria-hidden`` hides from screen readers only, so its text counts as visible too. Every
visible text node ends up in the reader's lines, in metadata, or in ``removed`` with a reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from bookmaker.readers.sanitize import strip_controls

INVISIBLE_TAGS = frozenset(
    [
        "head",
        "title",
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "rp",
        "video",
        "audio",
        "canvas",
        "desc",
        "metadata",
    ]
)
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "address"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote"),
        *("figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"),
        *("center", "form", "fieldset", "details", "summary"),
    }
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML white space (a no-break space is text)


BOXES = ("div", "section", "article")
"""The elements a page groups a part of itself in (a box of the article's own, a box's title)."""


def names(tag: Tag) -> list[str]:
    """``tag``'s class names and its id: what a page names a box by."""
    return [*map(str, tag.get_attribute_list("class") or []), str(tag.get("id") or "")]


def collapse(text: str) -> str:
    """``text`` with runs of HTML white space as one space, control characters removed."""
    return _SPACE.sub(" ", strip_controls(text))


def hides(tag: Tag) -> bool:
    """True when ``tag`` keeps its content from showing (see the module)."""
    if (tag.name or "").lower() in INVISIBLE_TAGS or tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def shown(tag: Tag) -> bool:
    """True when neither ``tag`` nor an element around it hides its content."""
    return not hides(tag) and not any(isinstance(p, Tag) and hides(p) for p in tag.parents)


def is_text(node: object) -> bool:
    """True for a text node (not a comment, doctype, CDATA section …)."""
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def shows(text: str) -> bool:
    """True when ``text`` has a character that shows: not white space, a control or a format
    character (zero-width space, byte order mark …)."""
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf") for ch in text)


def has_text(node: NavigableString) -> bool:
    """True for a text node with a character that shows (:func:`shows`)."""
    return shows(str(node))


Enter = Callable[[Tag], bool]
"""Called on entering an element; returns whether to walk its children."""


def walk(
    nodes: Iterable[Any], enter: Enter, text: Callable[[NavigableString], None], leave: Callable[[Tag], None]
) -> None:
    """Visit ``nodes`` and their descendants in document order without recursion: ``enter(tag)``
    (its children are walked when it returns True), then ``leave(tag)``; ``text(node)`` for text
    nodes (comments and the like are skipped)."""
    stack: list[tuple[Tag | None, Iterator[Any]]] = [(None, iter(nodes))]
    while stack:
        owner, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if owner is not None:
                leave(owner)
            continue
        if isinstance(child, Tag):
            if enter(child):
                stack.append((child, iter(child.children)))
            else:
                leave(child)
        elif is_text(child):
            text(child)


def visible_strings(root: Tag) -> list[NavigableString]:
    """The visible text nodes under ``root`` in document order (see the module)."""
    found: list[NavigableString] = []

    def text(node: NavigableString) -> None:
        if has_text(node):
            found.append(node)

    walk(root.children, lambda tag: not hides(tag), text, lambda tag: None)
    return found


def visible_text(root: Tag) -> str:
    """The visible text under ``root``, white space collapsed, blocks apart (:func:`joined`)."""
    return joined(visible_strings(root))


def joined(strings: Iterable[NavigableString]) -> str:
    """The text of ``strings`` (text nodes in document order), white space collapsed, with a space
    where an element boundary of a block or a ``<br>`` separates two of them — a footer's
    ``<p>… 1234</p><p>Copyright …</p>`` reads ``… 1234 Copyright …`` — and none inside a block
    (``<b>삼성</b>전자``)."""
    parts: list[str] = []
    previous: NavigableString | None = None
    for node in strings:
        if previous is not None and _apart(previous, node):
            parts.append(" ")
        parts.append(str(node))
        previous = node
    return collapse("".join(parts)).strip()


def _apart(before: NavigableString, after: NavigableString) -> bool:
    """True when a block boundary or a line break stands between two text nodes."""
    if _block_around(before) is not _block_around(after):
        return True
    return any(isinstance(n, Tag) and n.name == "br" for n in (before.next_sibling, after.previous_sibling))


def _block_around(node: NavigableString) -> Tag | None:
    return next((p for p in node.parents if p.name in BLOCK_TAGS), None)


_SIMPLE = re.compile(
    r"^(?P<tag>[a-z][a-z0-9]*)?(?:#(?P<id>[\w-]+))?(?:\.(?P<cls>[\w-]+))?"
    r"(?:\[(?P<attr>[\w-]+)(?P<op>\*?=)(?P<value>[\w-]+)\])?$"
)


class Page:
    """A parsed page: the source line and document order of its nodes, which elements are hidden
    (by themselves or an element around them), and an index of its elements by tag, id and class
    for fast selection. Built once the page's markup is final (panels opened), all in one pass."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self._lines: dict[int, int] = {}
        self._order: dict[int, int] = {}
        self._tags: list[Tag] = []
        self._by_class: dict[str, list[Tag]] = {}
        self._by_id: dict[str, list[Tag]] = {}
        self._hidden: set[int] = set()
        line = 1
        for index, node in enumerate(soup.descendants):  # iterative in bs4
            self._order[id(node)] = index
            if isinstance(node, Tag):
                line = node.sourceline or line
                self._index(node)
                if hides(node) or id(node.parent) in self._hidden:  # parents come first
                    self._hidden.add(id(node))
            elif isinstance(node, NavigableString):
                value = str(node)
                lead = len(value) - len(value.lstrip())
                self._lines[id(node)] = line + value[:lead].count("\n")
                line += value.count("\n")

    def _index(self, tag: Tag) -> None:
        self._tags.append(tag)
        for name in tag.get("class") or []:
            self._by_class.setdefault(str(name), []).append(tag)
        ident = tag.get("id")
        if isinstance(ident, str):
            self._by_id.setdefault(ident, []).append(tag)

    def shown(self, tag: Tag) -> bool:
        """:func:`shown`, looked up: True when neither ``tag`` nor an element around it hides its
        content."""
        return id(tag) not in self._hidden if id(tag) in self._order else shown(tag)

    def select(self, selector: str) -> list[Tag]:
        """The elements ``selector`` matches, in document order. Simple selectors (``tag``,
        ``#id``, ``.class``, ``tag.class``, ``[attr=value]``, ``[attr*=value]``, and one of
        them inside another) use the index; anything else goes to soupsieve."""
        if " " in selector.strip():  # a descendant combinator: ``[class*=foot] p``
            outer, _, rest = selector.strip().partition(" ")
            inner = self.select(rest)
            return _inside_any(inner, {id(t) for t in self.select(outer)})
        found = _SIMPLE.match(selector)
        if found is None:
            return list(self.soup.select(selector))
        tag, ident, cls, attr, op, value = found.group("tag", "id", "cls", "attr", "op", "value")
        if ident:
            pool = self._by_id.get(ident, [])
        elif cls:
            pool = self._by_class.get(cls, [])
        elif attr == "class" and op == "*=":
            pool = sorted(
                {id(t): t for name, tags in self._by_class.items() if value in name for t in tags}.values(),
                key=self.order,
            )
        else:
            pool = self._tags
        return [t for t in pool if _matches(t, tag, ident, cls, attr, op, value)]

    def select_any(self, selectors: list[str]) -> list[Tag]:
        """The elements any of ``selectors`` matches, once each, in document order."""
        found = {id(t): t for selector in selectors for t in self.select(selector)}
        return sorted(found.values(), key=self.order)

    def select_one(self, selector: str) -> Tag | None:
        """The first element ``selector`` matches, or None."""
        found = self.select(selector)
        return found[0] if found else None

    def line(self, node: object) -> int:
        """The 1-based source line of a text node or element (1 when unknown)."""
        if isinstance(node, Tag):
            return node.sourceline or self._first_line(node)
        return self._lines.get(id(node), 1)

    def order(self, node: object) -> int:
        """The position of ``node`` in document order."""
        return self._order.get(id(node), -1)

    def _first_line(self, tag: Tag) -> int:
        for node in tag.descendants:
            if isinstance(node, NavigableString) and id(node) in self._lines:
                return self._lines[id(node)]
        return 1


def _inside_any(tags: list[Tag], outers: set[int]) -> list[Tag]:
    """The ``tags`` inside an element of ``outers`` (by ``id``). Each element's answer is kept, so
    no chain of ancestors is walked twice (a page nested thousands deep)."""
    known: dict[int, bool] = {}
    found: list[Tag] = []
    for tag in tags:
        chain: list[Tag] = []
        node = tag.parent
        while node is not None and id(node) not in outers and id(node) not in known:
            chain.append(node)
            node = node.parent
        inside = node is not None and (id(node) in outers or known[id(node)])
        known.update((id(n), inside) for n in chain)
        if inside:
            found.append(tag)
    return found


def _matches(
    tag: Tag,
    name: str | None,
    ident: str | None,
    cls: str | None,
    attr: str | None,
    op: str | None,
    value: str,
) -> bool:
    if name and tag.name != name:
        return False
    if ident and tag.get("id") != ident:
        return False
    if cls and cls not in (tag.get("class") or []):
        return False
    if attr:
        have = tag.get(attr)
        have = " ".join(str(v) for v in have) if isinstance(have, list) else have
        if not isinstance(have, str):
            return False
        return value in have if op == "*=" else have == value
    return True


def is_match(tag: Tag, selector: str) -> bool:
    """True when the CSS ``selector`` matches ``tag``."""
    found = _SIMPLE.match(selector)
    if found is None:
        return bool(tag.css.match(selector))
    return _matches(tag, *found.group("tag", "id", "cls", "attr", "op", "value"))
