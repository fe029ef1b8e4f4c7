"""What each element holds below it, summed once bottom-up, so that a rule asked of every box of a
page nested thousands deep (a row of page links? a photo box? a deck?) does not walk each box's
whole subtree again: asked of the outermost box first, one walk fills in the summary of every box
inside it; a summary already known is not walked again.

Visible text follows :func:`~.html_dom.visible_strings` (what hides its content is passed over,
whatever hides the element asked about); the kinds of elements below count hidden ones too, as
``find`` does. The summaries hold while the page's markup does not change: a walk over a changed
page takes fresh ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bs4.element import NavigableString, Tag

from bookmaker.readers.html_dom import has_text, hides, is_text
from bookmaker.readers.sanitize import strip_controls

SHORT = 200
"""Characters of visible text up to which a summary keeps the text nodes themselves: the longest
text a rule reads whole (a photo box's caption, a deck, a prompt's line)."""
IMG, LINK, MEDIA, CONTROL, CAPTION = 1, 2, 4, 8, 16
"""Kinds of elements below: an image, a link, an image, figure or table, a control, a caption."""
_KINDS = {"img": IMG | MEDIA, "a": LINK, "figure": MEDIA, "table": MEDIA}
PAGE_WORD = re.compile(
    r"^(?:\d{1,4}|이전|다음|처음|맨\s*처음|마지막|맨\s*끝|끝|prev|next|first|last|[<>«»‹›]{1,2})$",
    re.IGNORECASE,
)
"""A word of a row of page links ("1 2 3 다음")."""

Strings = tuple[NavigableString, ...]


def _chars(text: str) -> int:
    """The characters of ``text`` that show in any way it is collapsed (not white space, not a
    control character): a lower bound on the length of the text the rules read."""
    return len("".join(strip_controls(text).split()))


def _join(first: Strings | None, second: Strings | None, chars: int) -> Strings | None:
    return first + second if first is not None and second is not None and chars <= SHORT else None


@dataclass(slots=True)
class Below:
    """The summary of an element's content (see the module)."""

    kinds: int = 0
    """The kinds of elements below (:data:`IMG` …), hidden ones too."""
    chars: int = 0
    """Characters of the visible text below (:func:`_chars`)."""
    strings: Strings | None = ()
    """The visible text nodes below, in document order, when ``chars`` is at most :data:`SHORT`."""
    page_words: bool = True
    """Every word of the visible text below is a word of page links (:data:`PAGE_WORD`)."""
    numbers: int = 0
    """Words of the visible text below that are numbers."""
    free_chars: int = 0
    """Characters of the visible text below that is in no control."""
    free: Strings | None = ()
    """Those text nodes, when ``free_chars`` is at most :data:`SHORT`."""
    images: tuple[Tag, ...] | None = ()
    """The images below that can be a figure's (:attr:`Subtrees.image`), when at most two."""

    def has(self, kinds: int) -> bool:
        """True when an element of one of ``kinds`` is below."""
        return bool(self.kinds & kinds)

    def add_text(self, node: NavigableString) -> None:
        chars = _chars(str(node))
        words = str(node).split()
        self.chars += chars
        self.strings = _join(self.strings, (node,), self.chars)
        self.page_words = self.page_words and all(PAGE_WORD.match(w) for w in words)
        self.numbers += sum(w.isdigit() for w in words)
        self.free_chars += chars
        self.free = _join(self.free, (node,), self.free_chars)

    def add(self, tag: Tag, below: Below, kinds: int, image: bool) -> None:
        """Add ``tag`` (of ``kinds``, an image a figure can show or not), whose content is ``below``."""
        self.kinds |= kinds | below.kinds
        own = (tag,) if image else ()
        more = own + below.images if below.images is not None else None
        self.images = self.images + more if self.images is not None and more is not None else None
        if self.images is not None and len(self.images) > 2:
            self.images = None
        if hides(tag):
            return
        self.chars += below.chars
        self.strings = _join(self.strings, below.strings, self.chars)
        self.page_words = self.page_words and below.page_words
        self.numbers += below.numbers
        if not kinds & CONTROL:
            self.free_chars += below.free_chars
            self.free = _join(self.free, below.free, self.free_chars)


class Subtrees:
    """The summaries of a page's elements, each computed once (see the module). ``control`` and
    ``caption`` say which elements are controls and captions; ``image`` which images can be a
    figure's."""

    def __init__(
        self, control: Callable[[Tag], bool], caption: Callable[[Tag], bool], image: Callable[[Tag], bool]
    ) -> None:
        self.control, self.caption, self.image = control, caption, image
        self._known: dict[int, Below] = {}

    def of(self, root: Tag) -> Below:
        """The summary of ``root``'s content."""
        known = self._known.get(id(root))
        if known is not None:
            return known
        stack: list[tuple[Tag, Any, Below]] = [(root, iter(root.children), Below())]
        while True:
            tag, children, below = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                self._known[id(tag)] = below
                if not stack:
                    return below
                self._add(stack[-1][2], tag, below)
            elif isinstance(child, Tag):
                known = self._known.get(id(child))
                if known is None:
                    stack.append((child, iter(child.children), Below()))
                else:
                    self._add(stack[-1][2], child, known)
            elif is_text(child) and has_text(child):
                below.add_text(child)

    def _add(self, into: Below, tag: Tag, below: Below) -> None:
        kinds = _KINDS.get(tag.name, 0)
        if self.control(tag):
            kinds |= CONTROL
        if not hides(tag) and self.caption(tag):
            kinds |= CAPTION
        into.add(tag, below, kinds, tag.name == "img" and self.image(tag))
