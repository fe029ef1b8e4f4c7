"""Text advances measured with HarfBuzz, the shaper Pango uses, for the print line breaker."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from bookmaker.fonts.discovery import blob, cmap, find_face, locate
from bookmaker.fonts.faces import EMOJI_FACES, FACES, HALF_WIDTH, Face, face_for
from bookmaker.fonts.fallback import EMOJI_RANGES, drawable, emoji_style, installed

# what CSS ``font-variant-ligatures: none`` turns off in WeasyPrint (the print CSS sets it)
NO_LIGATURES = {"liga": False, "clig": False, "dlig": False, "hlig": False, "calt": False}


class Shaper:
    """Measure text advances in em with HarfBuzz on a face of a family (cached per string): the
    known bold face at weight 700 where it is installed, else the regular face. In the faces the PDF
    embeds as subsets, the punctuation of :data:`~bookmaker.fonts.faces.HALF_WIDTH` at its ``halt``
    width, as they draw it. A character the face lacks is measured in the first installed fallback
    face holding it (:mod:`bookmaker.fonts.fallback`), which the PDF's font stacks draw it with."""

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
        self._own = face_for(family, weight)
        self._halves = self._own in FACES
        self._held: dict[str, bool] = {}  # per character: whether the face maps it (looked up lazily)

    def width(self, text: str) -> float:
        """Advance width of ``text`` in em."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if not text:
            return 0.0
        runs = _runs(text, self.holds)
        value = sum(
            self._shaped(run) if face in (None, self._own) else _fallback_font(face).width(run)
            for face, run in runs
        )
        self._cache[text] = value
        return value

    def holds(self, char: str) -> bool:
        """Whether the face draws ``char``: it maps it to a glyph, or it has no glyph of its own (a
        control or format character, a mark: measured with the text around it, as HarfBuzz does)."""
        held = self._held.get(char)
        if held is None:
            point = ord(char)
            held = self._font.get_nominal_glyph(point) is not None or not drawable(point)
            self._held[char] = held
        return held

    def _shaped(self, text: str) -> float:
        """Advance width of ``text`` in em in the family's own face."""
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
        return value

    def space(self) -> float:
        """Width of a word space between Hangul, in em."""
        return self.width("가 가") - 2 * self.width("가")


def _runs(text: str, holds: Callable[[str], bool]) -> list[tuple[Face | None, str]]:
    """``text`` in runs by the face that draws them: None for the family's own face, which ``holds``
    (also for what no other face holds: its ``.notdef``), the first installed emoji face holding a
    character Pango sets as an emoji (fontconfig's choice, whatever the family holds), else the first
    fallback face holding it. Joiners, selectors and marks stay in the run they follow."""
    if max(text) < _FIRST_EMOJI and all(map(holds, text)):
        return [(None, text)]
    runs: list[tuple[Face | None, str]] = []
    for at, char in enumerate(text):
        point = ord(char)
        face = None
        if runs and not drawable(point):
            face = runs[-1][0]
        elif emoji_style(text, at):
            face = next((f for f in emoji_faces() if point in cmap(f)), None)
        elif not holds(char):
            face = next((f for f in fallback_faces() if point in cmap(f)), None)
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    return runs


_FIRST_EMOJI = chr(min(first for first, _ in EMOJI_RANGES))


@cache
def emoji_faces() -> tuple[Face, ...]:
    """The installed emoji faces, in fontconfig's order, looked up once per process."""
    return tuple(face for face in EMOJI_FACES if locate(face) is not None)


@cache
def fallback_faces() -> tuple[Face, ...]:
    """The installed fallback faces, looked up once per process."""
    return installed()


@cache
def _fallback_font(face: Face) -> Shaper:
    """A :class:`Shaper` on the fallback ``face``."""
    return Shaper(face.family)


@cache
def shaper(family: str, weight: int = 400) -> Shaper:
    """A shared :class:`Shaper` per family and weight."""
    return Shaper(family, weight=weight)
