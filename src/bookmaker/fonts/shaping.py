"""Text advances measured with HarfBuzz, the shaper Pango uses, for the print line breaker."""

from __future__ import annotations

from functools import cache

from bookmaker.fonts.discovery import blob, find_face, locate
from bookmaker.fonts.faces import FACES, HALF_WIDTH, face_for

# what CSS ``font-variant-ligatures: none`` turns off in WeasyPrint (the print CSS sets it)
NO_LIGATURES = {"liga": False, "clig": False, "dlig": False, "hlig": False, "calt": False}


class Shaper:
    """Measure text advances in em with HarfBuzz on a face of a family (cached per string): the
    known bold face at weight 700 where it is installed, else the regular face. In the faces the PDF
    embeds as subsets, the punctuation of :data:`~bookmaker.fonts.faces.HALF_WIDTH` at its ``halt``
    width, as they draw it."""

    def __init__(self, family: str, language: str = "ko", weight: int = 400) -> None:
        import uharfbuzz as hb

        known = face_for(family, weight) if weight != 400 else None
        path, index = (locate(known) if known else None) or find_face(family)
        self.path, self.index = path, index
        face = hb.Face(blob(path), index)
        self._font = hb.Font(face)
        self._upem: int = face.upem
        self._language = language
        self._cache: dict[str, float] = {}
        self._halves = face_for(family, weight) in FACES

    def width(self, text: str) -> float:
        """Advance width of ``text`` in em."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if not text:
            return 0.0
        import uharfbuzz as hb

        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.language = self._language
        halves = (
            [(at, at + 1, True) for at, char in enumerate(text) if char in HALF_WIDTH] if self._halves else []
        )
        hb.shape(self._font, buf, {**NO_LIGATURES, "halt": halves} if halves else NO_LIGATURES)
        value: float = sum(pos.x_advance for pos in buf.glyph_positions) / self._upem
        self._cache[text] = value
        return value

    def space(self) -> float:
        """Width of a word space between Hangul, in em."""
        return self.width("가 가") - 2 * self.width("가")


@cache
def shaper(family: str, weight: int = 400) -> Shaper:
    """A shared :class:`Shaper` per family and weight."""
    return Shaper(family, weight=weight)
