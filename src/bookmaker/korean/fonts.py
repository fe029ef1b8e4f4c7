"""Find installed font faces by family name and shape text with HarfBuzz (same shaper as Pango)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bookmaker.errors import BuildError

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
)
_SUFFIXES = (".ttc", ".otc", ".otf", ".ttf")


@cache
def find_face(family: str, weight: str = "Regular") -> tuple[Path, int]:
    """Path and collection index of the face named ``family`` (full name ``family weight``)."""
    from fontTools.ttLib import TTCollection, TTFont

    wanted = {f"{family} {weight}".lower(), family.lower() if weight == "Regular" else ""}
    compact = family.replace(" ", "").split("CJK")[0].lower()
    for root in FONT_DIRS:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in _SUFFIXES or compact not in path.name.lower():
                continue
            if path.suffix.lower() in (".ttc", ".otc"):
                fonts = TTCollection(str(path), lazy=True).fonts
            else:
                fonts = [TTFont(str(path), lazy=True)]
            for index, font in enumerate(fonts):
                if font["name"].getDebugName(4).lower() in wanted:
                    return path, index
    raise BuildError(f"font {family!r} ({weight}) is not installed")


class Shaper:
    """Measure text advances in em with HarfBuzz on one face (results cached per string)."""

    def __init__(self, family: str, weight: str = "Regular", language: str = "ko") -> None:
        import uharfbuzz as hb

        path, index = find_face(family, weight)
        self.path, self.index = path, index
        face = hb.Face(hb.Blob.from_file_path(str(path)), index)
        self._font = hb.Font(face)
        self._upem = face.upem
        self._language = language
        self._cache: dict[str, float] = {}

    def width(self, text: str) -> float:
        """Advance width of ``text`` in em."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        import uharfbuzz as hb

        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.language = self._language
        hb.shape(self._font, buf, {})
        value = sum(pos.x_advance for pos in buf.glyph_positions) / self._upem
        self._cache[text] = value
        return value

    def space(self) -> float:
        """Width of a word space between Hangul, in em."""
        return self.width("가 가") - 2 * self.width("가")


@cache
def shaper(family: str, weight: str = "Regular") -> Shaper:
    """A shared :class:`Shaper` per face."""
    return Shaper(family, weight)


@cache
def cmap(family: str, weight: str = "Regular") -> frozenset[int]:
    """Code points the face maps to a glyph."""
    from fontTools.ttLib import TTFont

    path, index = find_face(family, weight)
    font = TTFont(str(path), fontNumber=index, lazy=True)
    return frozenset(font.getBestCmap())
