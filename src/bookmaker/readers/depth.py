"""How deeply an HTML page nests its elements, found by a cheap scan before any parsing.

The parsers and the tree walks recurse per level, so a page of 100,000 nested ``<div>`` would
be slow or overflow; the reader checks the depth against the limit first. Void elements,
self-closed tags and elements whose end tag is optional (``<p>``, ``<li>`` …, often left open)
do not count; text inside comments, scripts and styles is skipped.
"""

from __future__ import annotations

import re

_RAW_TEXT = re.compile(rb"<!--|<(script|style|textarea|title)\b", re.I)
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>")  # [^<>]: linear on unclosed tags
_NOT_NESTING = frozenset(
    b"area base br col embed hr img input link meta param source track wbr "
    b"p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp colgroup caption "
    b"html head body".split()
)


def nesting_depth(data: bytes) -> int:
    """The deepest element nesting in ``data`` (an HTML page in an ASCII-compatible encoding)."""
    depth = deepest = 0
    for match in _TAG.finditer(_markup(data)):
        closing, name, rest = match.groups()
        if rest.endswith(b"/") or name.lower() in _NOT_NESTING:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _markup(data: bytes) -> bytes:
    """``data`` without comments and raw-text elements (linear: each end is searched once)."""
    lower = data.lower()
    kept: list[bytes] = []
    at = 0
    while (found := _RAW_TEXT.search(data, at)) is not None:
        kept.append(data[at : found.start()])
        end_mark = b"-->" if found.group(1) is None else b"</" + found.group(1).lower()
        end = lower.find(end_mark, found.end())
        if end < 0:
            return b"".join(kept)
        at = end + len(end_mark)
    kept.append(data[at:])
    return b"".join(kept)
