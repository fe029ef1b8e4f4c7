"""How deeply an HTML page nests its elements: a cheap scan before parsing, the parsed tree after.

The reader's tree walks recurse per level, so a page of 100,000 nested elements would overflow
them. The parser (``html.parser`` under Beautiful Soup) closes nothing on its own: 10,000
unclosed ``<p>``, ``<li>``, ``<td>`` or ``<body>`` are 10,000 levels, just like ``<div>``. So:

* :func:`nesting_depth` scans the decoded text as that parser nests it — every start tag but
  void and self-closed ones opens a level, an end tag closes up to its open element — and stops
  as soon as the limit is passed, so a bomb is refused before a tree is built. Comments and the
  raw text of ``script``/``style``/``textarea``/``title`` are skipped, so it never counts more
  than the parser builds (it may count less: markup after an unclosed ``<title>``);
* :func:`tree_depth` measures the tree the parser did build (iteratively): the last word;
* :func:`recursion_room` lets the walks recurse as deep as the limit allows (and no deeper).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_RAW_TEXT = re.compile(r"<!--|<(script|style|textarea|title)\b", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>")  # [^<>]: linear on unclosed tags
_VOID = frozenset(  # the elements Beautiful Soup's html.parser builder never nests
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "command",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "isindex",
        "keygen",
        "link",
        "menuitem",
        "meta",
        "nextid",
        "param",
        "source",
        "spacer",
        "track",
        "wbr",
    ]
)
FRAMES_PER_LEVEL = 3  # the reader's walks use at most this many Python frames per tree level


def nesting_depth(text: str, limit: int | None = None) -> int:
    """The element nesting of the HTML ``text`` (stops once it exceeds ``limit``)."""
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    deepest = 0
    for match in _TAG.finditer(_markup(text)):
        closing, name, rest = match.groups()
        name = name.lower()
        if closing:
            if open_names[name]:
                while (top := stack.pop()) != name:
                    open_names[top] -= 1
                open_names[name] -= 1
        elif name not in _VOID and not rest.endswith("/"):
            stack.append(name)
            open_names[name] += 1
            deepest = max(deepest, len(stack))
            if limit is not None and deepest > limit:
                break
    return deepest


def _markup(text: str) -> str:
    """``text`` without comments and raw-text elements (linear: each end is searched once)."""
    lower = text.lower()
    kept: list[str] = []
    at = 0
    while (found := _RAW_TEXT.search(text, at)) is not None:
        kept.append(text[at : found.start()])
        end_mark = "-->" if found.group(1) is None else "</" + found.group(1).lower()
        end = lower.find(end_mark, found.end())
        if end < 0:
            return "".join(kept)
        at = end + len(end_mark)
    kept.append(text[at:])
    return "".join(kept)


def tree_depth(root: Any) -> int:
    """The depth of a parsed (Beautiful Soup) tree below ``root``, found without recursion."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend(
            (child, depth + 1) for child in getattr(node, "contents", ()) if hasattr(child, "contents")
        )
    return deepest


@contextmanager
def recursion_room(levels: int) -> Iterator[None]:
    """Room for walks over a tree ``levels`` deep (the interpreter's limit, restored after)."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, before + FRAMES_PER_LEVEL * levels))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)
