"""Messages as the terminal shows them: one line, no control sequences, a bounded length.

A file name or a value from an input can carry anything: ``\\x1b[1A\\x1b[2K`` in a name would move
the cursor and erase the line that reports it, a newline would forge a second line, a
312 MB value would become a 312 MB error line. :func:`printable` shows such characters as
escapes (``\\x1b``, ``\\n``, ``\\u2028``) and clips the text.
"""

from __future__ import annotations

import re

MAX_CHARS = 1000
# C0 and C1 controls, DEL, line and paragraph separators, bidi controls, lone surrogates
# (file names that are not UTF-8 arrive as surrogate escapes)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code <= 0xFF:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def printable(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` as one safe line of at most ``limit`` characters (plus ``…`` when clipped)."""
    shown = _UNSAFE.sub(_escape, text)
    return shown if len(shown) <= limit else shown[:limit] + "…"
