"""Titles and labels that pages set in boxes rather than in heading tags.

- A **box's title**: the first thing in a box (``<div>``, ``<section>``) is a short line opened in
  bold — a ``<b>`` alone, or a ``<div>``/``<p>`` whose first run is bold (``<div><b>재료</b><span>
  Ingredients</span></div>``) — and blocks of the box's content follow it in the same box (a list,
  the steps, a paragraph). It heads that content: a heading.
- A **list's label**: a bold line set inside a ``<ul>``/``<ol>`` before its items, outside any item
  (``<ul><b>[양념]</b><li>…``), names a group of the list; a paragraph, no section heading.
"""

from __future__ import annotations

import re

from bs4.element import NavigableString, Tag

from bookmaker.readers.html_dom import BLOCK_TAGS, shown, visible_text
from bookmaker.readers.html_flow import Env

MAX_TITLE = 30
_BOXES = ("div", "section", "article")
_TITLES = ("div", "p", "b", "strong")
_BOLD = ("b", "strong")
_CONTENT = ("p", "ul", "ol", "dl", "div", "table", "section", "blockquote")
_SENTENCE_END = re.compile(r"[.!?。:：,]\s*$")


def _children(node: Tag) -> list[Tag | NavigableString]:
    """``node``'s children that show something (elements shown, text that is not blank)."""
    out: list[Tag | NavigableString] = []
    for child in node.children:
        element = isinstance(child, Tag) and shown(child) and bool(visible_text(child))
        text = type(child) is NavigableString and bool(child.strip())  # not a comment
        if element or text:
            assert isinstance(child, Tag | NavigableString)
            out.append(child)
    return out


def _opens_bold(node: Tag) -> bool:
    if node.name in _BOLD:
        return True
    first = next(iter(_children(node)), None)
    return isinstance(first, Tag) and first.name in _BOLD


def _box_title(node: Tag) -> bool:
    parent = node.parent
    if node.name not in _TITLES or not isinstance(parent, Tag) or parent.name not in _BOXES:
        return False
    shown_children = _children(parent)
    if not shown_children or shown_children[0] is not node:
        return False
    rest = shown_children[1:]
    if not rest or not all(isinstance(c, Tag) and c.name in _CONTENT for c in rest):
        return False
    text = visible_text(node).strip()
    return (
        0 < len(text) <= MAX_TITLE
        and not _SENTENCE_END.search(text)
        and node.find(["a", *BLOCK_TAGS]) is None
        and _opens_bold(node)
    )


def _list_label(node: Tag) -> bool:
    parent = node.parent
    return (
        node.name in _BOLD
        and isinstance(parent, Tag)
        and parent.name in ("ul", "ol")
        and parent.find("li", recursive=False) is not None
    )


def mark_titles(env: Env, parts: list[Tag]) -> None:
    """Give the walk the kinds of the box titles and list labels inside ``parts``."""
    for part in parts:
        for node in part.find_all(_TITLES):
            if id(node) in env.kinds or not shown(node):
                continue
            if _box_title(node):
                env.kinds[id(node)] = "heading"
            elif _list_label(node):
                env.kinds[id(node)] = "list-label"
