"""Characters no output may carry: C0/C1 control characters (NUL included) and the XML
non-characters U+FFFE/U+FFFF, and the bidi embedding, override and isolate controls
(U+202A–U+202E, U+2066–U+2069) that can make text display in another order than it reads
("Trojan Source"); Korean articles have no use for them. Readers strip them from every line,
hint and IR string, so no writer ever puts them into XHTML or a PDF. Tab and line breaks stay.
"""

from __future__ import annotations

import re
from typing import Any

_FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab, CR, LF kept)."""
    return _FORBIDDEN.sub("", text)


def one_line(text: str) -> str:
    """``text`` as a one-line value given on the command line (``--title``, ``--editor``): without
    control characters, its runs of white space (line breaks too) one space, trimmed."""
    return " ".join(strip_controls(text).split())


def has_controls(text: str) -> bool:
    """True when ``text`` holds a character :func:`strip_controls` removes."""
    return _FORBIDDEN.search(text) is not None


def strip_tree(value: Any) -> Any:
    """Strip control characters from every string in a JSON-like tree (keys included)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [strip_tree(item) for item in value]
    if isinstance(value, dict):
        return {strip_tree(k): strip_tree(v) for k, v in value.items()}
    return value
