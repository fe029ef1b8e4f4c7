"""How an HTML ``<ol>`` counts: its ``type`` (``a``, ``A``, ``i``, ``I``, ``1``) or its inline
``list-style-type`` (``hangul``, ``hangul-consonant``, ``lower-alpha``, ``upper-roman``,
``circled-decimal`` …), as the IR's :data:`~bookmaker.ir.ListStyle`."""

from __future__ import annotations

import re

from bs4.element import Tag

from bookmaker.ir import ListStyle

_TYPES: dict[str, ListStyle] = {
    "1": "decimal",
    "a": "lower-alpha",
    "A": "upper-alpha",
    "i": "lower-roman",
    "I": "upper-roman",
}
_CSS: dict[str, ListStyle] = {
    "decimal": "decimal",
    "lower-alpha": "lower-alpha",
    "lower-latin": "lower-alpha",
    "upper-alpha": "upper-alpha",
    "upper-latin": "upper-alpha",
    "lower-roman": "lower-roman",
    "upper-roman": "upper-roman",
    "hangul": "hangul-syllable",
    "hangul-consonant": "hangul-jamo",
    "circled-decimal": "circled-decimal",
}
_LIST_STYLE = re.compile(r"(?:^|;)\s*list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)


def list_style(tag: Tag) -> ListStyle | None:
    """The style an ``<ol>`` counts in (its inline CSS over its ``type``); None for decimal or a
    style the IR has no name for."""
    if tag.name != "ol":
        return None
    style: ListStyle | None = None
    kind = tag.get("type")
    if isinstance(kind, str):
        style = _TYPES.get(kind.strip())
    css = tag.get("style")
    for declaration in _LIST_STYLE.findall(css if isinstance(css, str) else ""):
        for word in declaration.lower().split():
            style = _CSS.get(word, style)
    return None if style == "decimal" else style
