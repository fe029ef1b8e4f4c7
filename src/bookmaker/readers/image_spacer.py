"""An inline SVG image that draws nothing: a lazy loader's spacer holding the place and size of a
photo it loads later (나무위키's ``data:image/svg+xml;base64,…`` of ``<svg width="400" height="267">
</svg>`` beside the real ``<img data-src>``). It shows nothing, so it is no figure."""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

MAX_SPACER = 2000
"""The longest data a spacer's address carries (a drawing is longer)."""
_DRAWING = re.compile(
    rb"<(?:path|rect|circle|ellipse|line|polyline|polygon|text|image|use|g)\b", re.IGNORECASE
)


def is_spacer(src: str) -> bool:
    """Whether ``src`` is an inline SVG without a drawing element."""
    head, _, data = src.partition(",")
    if not head.lower().startswith("data:image/svg+xml") or len(data) > MAX_SPACER:
        return False
    try:
        svg = (
            base64.b64decode(data, validate=True)
            if head.lower().endswith(";base64")
            else unquote(data).encode()
        )
    except (binascii.Error, ValueError):
        return False
    return b"<svg" in svg.lower() and _DRAWING.search(svg) is None
