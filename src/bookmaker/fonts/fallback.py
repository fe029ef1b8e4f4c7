"""The last-resort faces (:data:`~bookmaker.fonts.faces.FALLBACKS`): which of them draws a character
the CJK faces lack, and the CSS font stacks that name them.

The faces are found by file in the font folders (:mod:`bookmaker.fonts.discovery`), in a fixed
order, never through fontconfig's choice: the EPUB embeds a subset of the first one holding each
character its CJK faces lack, and the PDF's font stacks name them before the generic family, so
WeasyPrint draws those characters with the same faces before fontconfig's own fallback (DejaVu,
Symbola). A character none holds (colour emoji) is still left to the reading system or fontconfig.
In print, one Pango sets as an emoji (:func:`emoji_style`: ⛳ ☕ ✍, or any followed by U+FE0F) is
drawn by fontconfig's emoji faces whatever the stack says (:data:`~bookmaker.fonts.faces.EMOJI_FACES`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bookmaker.fonts.discovery import cmap, locate
from bookmaker.fonts.faces import FALLBACKS, Face

GENERIC = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji"})
_KEYWORDS = frozenset({"inherit", "initial", "unset", "revert", "revert-layer"})
_DECLARATION = re.compile(r"(?<![\w-])(font-family\s*:\s*)([^;}{]+)")
STACK = ", ".join(f'"{face.family}"' for face in FALLBACKS)


def drawable(point: int) -> bool:
    """Whether ``point`` is drawn with a glyph of its own: not a control, format character (joiners,
    variation selectors' kin), combining mark or space, which go with the text around them."""
    if point < 0x20:
        return False
    return unicodedata.category(chr(point)) not in {"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"}


# Characters Pango sets in an emoji run (Unicode's Emoji_Presentation, and the emoji modifier bases,
# in the BMP; everything from U+1F000): it asks fontconfig for its emoji faces first, not the font
# stack, and the line breaker measures them so.
EMOJI_RANGES = (
    (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE),
    (0x2614, 0x2615), (0x261D, 0x261D), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693),
    (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
    (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26F9, 0x26FA),
    (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270D), (0x2728, 0x2728), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0),
    (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x1F000, 0x1FAFF),
)  # fmt: skip


def emoji_style(text: str, at: int) -> bool:
    """Whether Pango sets ``text[at]`` in an emoji run: emoji by default, or followed by U+FE0F."""
    point = ord(text[at])
    if text[at + 1 : at + 2] == "\ufe0f":
        return True
    return any(first <= point <= last for first, last in EMOJI_RANGES)


def installed() -> tuple[Face, ...]:
    """The fallback faces installed here, in chain order."""
    return tuple(face for face in FALLBACKS if locate(face) is not None)


def holders(points: Iterable[int]) -> tuple[dict[Face, frozenset[int]], frozenset[int]]:
    """The drawable ``points`` by the first installed fallback face holding each (chain order), and
    those no fallback face holds."""
    left = {point for point in points if drawable(point)}
    found: dict[Face, frozenset[int]] = {}
    for face in installed():
        held = frozenset(left & cmap(face))
        if held:
            found[face] = held
            left -= held
    return found, frozenset(left)


def _name(family: str) -> str:
    return family.strip().strip("\"'").strip().lower()


def with_fallbacks(css: str) -> str:
    """``css`` with the fallback families in every ``font-family`` stack: after its leading Noto
    families, else before its generic family, else at its end; a stack naming one already, or a
    CSS-wide keyword, is left as it is."""

    def rewrite(match: re.Match[str]) -> str:
        value = match.group(2)
        body, bang, priority = value.partition("!")
        trailing = body[len(body.rstrip()) :]
        families = [part.strip() for part in body.split(",")]
        names = [_name(part) for part in families]
        chain = {face.family.lower() for face in FALLBACKS}
        if not all(families) or chain & set(names) or (len(names) == 1 and names[0] in _KEYWORDS):
            return match.group(0)
        at = 0
        while at < len(names) and names[at].startswith("noto "):
            at += 1
        if at == 0:
            at = len(names) - 1 if names[-1] in GENERIC else len(names)
        families[at:at] = [STACK]
        return match.group(1) + ", ".join(families) + trailing + bang + priority

    return _DECLARATION.sub(rewrite, css)
