"""Titles and labels that pages set in boxes rather than in heading tags.

- A **box's title**: the first thing in a box (``<div>``, ``<section>``) is a short line opened in
  bold — a ``<b>`` alone, or a ``<div>``/``<p>`` whose first run is bold (``<div><b>재료</b><span>
  Ingredients</span></div>``) — and blocks of the box's content follow it in the same box (a list,
  the steps, a paragraph). It heads that content: a heading.
- A **callout's label**: a box's title that names a note (``참고``, ``팁``, ``Note``) over one paragraph,
  or any such title in a box classed as a tip or a note, is no heading: the label opens the paragraph
  in bold (as ``<p><b>⚠ 주의</b> …</p>`` sets it).
- A **list's label**: a bold line set inside a ``<ul>``/``<ol>`` before its items, outside any item
  (``<ul><b>[양념]</b><li>…``), names a group of the list; a paragraph, no section heading.
"""

from __future__ import annotations

import re

from bs4.element import NavigableString, Tag

from bookmaker.readers.html_dom import BLOCK_TAGS, BOXES, has_text, hides, shown, visible_text, walk
from bookmaker.readers.html_flow import Env

MAX_TITLE = 30
_TITLES = ("div", "p", "b", "strong")
_BOLD = ("b", "strong")
_CONTENT = ("p", "ul", "ol", "dl", "div", "table", "section", "blockquote")
_SENTENCE_END = re.compile(r"[.!?。:：,]\s*$")


class _Shows:
    """Which elements under a part show something (shown, with visible text below), found in one
    walk: asking of each element alone walks its text and its ancestors, quadratic on a page
    nested thousands deep."""

    def __init__(self, root: Tag) -> None:
        self.hidden: set[int] = set()  # hidden by itself or an element around it
        self.texts: set[int] = set()  # has a visible text node below (not under a hiding element)
        around: list[tuple[Tag, bool]] = [(root, not shown(root))]  # the open elements, hidden or not
        if around[0][1]:
            self.hidden.add(id(root))

        def enter(tag: Tag) -> bool:
            hidden = around[-1][1] or hides(tag)
            if hidden:
                self.hidden.add(id(tag))
            around.append((tag, hidden))
            return True

        def text(node: NavigableString) -> None:
            if has_text(node):
                self.texts.add(id(around[-1][0]))

        def leave(tag: Tag) -> None:
            around.pop()
            if id(tag) in self.texts and not hides(tag):
                self.texts.add(id(around[-1][0]))

        walk(root.children, enter, text, leave)

    def __call__(self, child: object) -> bool:
        """Whether a child shows something (an element shown, text that is not blank)."""
        if isinstance(child, Tag):
            return id(child) not in self.hidden and id(child) in self.texts
        return type(child) is NavigableString and bool(child.strip())  # not a comment

    def children(self, node: Tag) -> list[Tag | NavigableString]:
        """``node``'s children that show something."""
        return [child for child in node.children if isinstance(child, Tag | NavigableString) and self(child)]

    def first_child(self, node: Tag) -> object:
        """``node``'s first child that shows something, or None."""
        return next((child for child in node.children if self(child)), None)


def _opens_bold(shows: _Shows, node: Tag) -> bool:
    if node.name in _BOLD:
        return True
    first = next(iter(shows.children(node)), None)
    return isinstance(first, Tag) and first.name in _BOLD


def _box_title(shows: _Shows, node: Tag) -> bool:
    parent = node.parent
    if node.name not in _TITLES or not isinstance(parent, Tag) or parent.name not in BOXES:
        return False
    if shows.first_child(parent) is not node:  # before all of them: a box of thousands is read once
        return False
    shown_children = shows.children(parent)
    rest = shown_children[1:]
    if not rest or not all(isinstance(c, Tag) and c.name in _CONTENT for c in rest):
        return False
    text = visible_text(node).strip()
    return (
        0 < len(text) <= MAX_TITLE
        and not _SENTENCE_END.search(text)
        and node.find(["a", *BLOCK_TAGS]) is None
        and _opens_bold(shows, node)
    )


_CALLOUT_WORD = re.compile(
    r"(?:참고|팁|도움말|알림|알아\s*두세요|메모|유의|주의|경고|(?i:tip|note|hint|info|warning|caution))\s*[!:：]?"
)
_CALLOUT_CLASS = re.compile(r"(?i)\b(?:tip|note|callout|hint|info|caution|warning|alert)s?\b")


def _callout(shows: _Shows, node: Tag) -> Tag | None:
    """The one paragraph a callout's label (a box's title, see above) stands over; None if the title
    heads more than a paragraph or is no callout's."""
    box = node.parent
    rest = shows.children(box) if isinstance(box, Tag) else []
    if len(rest) != 2 or not isinstance(rest[1], Tag) or rest[1].name != "p":
        return None
    classes = " ".join(str(c) for c in box.get("class") or []) if isinstance(box, Tag) else ""
    label = visible_text(node).strip()
    return rest[1] if _CALLOUT_WORD.fullmatch(label) or _CALLOUT_CLASS.search(classes) else None


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
        shows = _Shows(part)
        for node in part.find_all(_TITLES):
            if id(node) in env.kinds or id(node) in shows.hidden:
                continue
            if _box_title(shows, node):
                if (paragraph := _callout(shows, node)) is not None:
                    paragraph.insert(0, node.extract())  # "<b>참고</b><p>…</p>": the label opens it
                    paragraph.insert(1, " ")
                    shows = _Shows(part)  # the tree changed
                else:
                    env.kinds[id(node)] = "heading"
            elif _list_label(node):
                env.kinds[id(node)] = "list-label"
