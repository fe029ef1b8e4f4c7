"""Korean punctuation cleanup shared by normalize and layout.

Straight quotes become curly ones with the right direction, ``...`` becomes ``…`` and the
look-alike middle dots become U+00B7. No spaces are added or removed.
"""

from __future__ import annotations

import re

MIDDLE_DOTS = {"\u318d": "\u00b7", "\u2027": "\u00b7", "\u30fb": "\u00b7", "\uff65": "\u00b7"}
_MIDDLE_DOT_RE = re.compile("[" + "".join(MIDDLE_DOTS) + "]")

OPENERS = "([{<〈《「『【“‘—-–=·:/"
CLOSERS = ")]}>〉》」』】"
QUOTES = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


def unify_middle_dots(text: str) -> str:
    """Map ㆍ (U+318D), ‧ (U+2027), ・ (U+30FB) and ･ to · (U+00B7)."""
    return _MIDDLE_DOT_RE.sub(lambda m: MIDDLE_DOTS[m.group(0)], text)


def ellipsis(text: str) -> str:
    """Turn three full stops into one ellipsis character."""
    return text.replace("...", "…")


def curl_quotes(text: str) -> str:
    """Replace straight quotes by curly ones, deciding direction from the neighbours.

    A quote opens at the start, after a space or an opening bracket; it closes at the end, before
    a space or punctuation. Between two letters the quote toggles (an apostrophe closes). A middle
    dot opens the next quote in a list (‘가’·‘나’) but not as an ellipsis (``차라···" 주차장``)
    nor when nothing follows the quote.
    """
    out: list[str] = []
    open_state = {'"': False, "'": False}
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in QUOTES:
            out.append(ch)
            continue
        left, right = QUOTES[ch]
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < n else ""
        ends = nxt == "" or nxt.isspace() or nxt in CLOSERS or nxt in ".,;:!?…'\"\u201d\u2019"
        if prev == "·" and (ends or text[i - 2 : i - 1] == "·"):
            opening = not ends and not open_state[ch]
        elif prev == "" or prev.isspace() or prev in OPENERS or prev in "\u201c\u2018":
            opening = True
        elif ends:
            opening = False
        elif ch == "'" and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
            opening = False  # English apostrophe: don't
        else:
            opening = not open_state[ch]
        open_state[ch] = opening
        out.append(left if opening else right)
    return "".join(out)


def fix_punctuation(text: str) -> str:
    """Apply all shared punctuation rules."""
    return curl_quotes(ellipsis(unify_middle_dots(text)))
