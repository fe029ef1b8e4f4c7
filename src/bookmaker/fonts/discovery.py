"""Find installed font faces by family name and shape text with HarfBuzz (same shaper as Pango)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from bookmaker.errors import BuildError

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
_SUFFIXES = (".ttc", ".otc", ".otf", ".ttf")


def search_dirs() -> list[Path]:
    """The font folders: ``BOOKMAKER_FONT_DIRS`` (``os.pathsep``-separated) when set, else the usual ones."""
    chosen = os.environ.get("BOOKMAKER_FONT_DIRS")
    names = [part for part in chosen.split(os.pathsep) if part] if chosen is not None else list(FONT_DIRS)
    return [Path(name).expanduser() for name in names]


@cache
def font_files() -> dict[str, Path]:
    """File name → first path found, over all font folders (scanned once per process)."""
    found: dict[str, Path] = {}
    for folder in search_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in sorted(os.walk(folder)):
            for name in sorted(files):
                found.setdefault(name, Path(root) / name)
    return found


@cache
def blob(path: Path) -> Any:
    """The font file as a HarfBuzz blob, memory-mapped once per process (collections are ~20 MB).

    Mapping instead of reading: only the tables HarfBuzz touches are paged in (less time, less RSS).
    """
    import uharfbuzz as hb

    return hb.Blob.from_file_path(str(path))


def face_index(path: Path, name_id: Any, value: str) -> int | None:
    """Index of the face in ``path`` (a collection or single font) whose name ``name_id`` is ``value``."""
    import uharfbuzz as hb

    wanted = value.lower()
    for number in range(64):
        face = hb.Face(blob(path), number)
        if face.glyph_count == 0:
            break
        if (face.get_name(name_id) or "").lower() == wanted:
            return number
    return None


@cache
def find_face(family: str, weight: str = "Regular") -> tuple[Path, int]:
    """Path and collection index of the face named ``family`` (full name ``family weight``)."""
    import uharfbuzz as hb

    names = {f"{family} {weight}", family} if weight == "Regular" else {f"{family} {weight}"}
    compact = family.replace(" ", "").split("CJK")[0].lower()
    for name, path in sorted(font_files().items()):
        if path.suffix.lower() not in _SUFFIXES or compact not in name.lower():
            continue
        for candidate in sorted(names):
            index = face_index(path, hb.OTNameIdPredefined.FULL_NAME, candidate)
            if index is not None:
                return path, index
    raise BuildError(f"font {family!r} ({weight}) is not installed")


# what CSS ``font-variant-ligatures: none`` turns off in WeasyPrint (the print CSS sets it)
NO_LIGATURES = {"liga": False, "clig": False, "dlig": False, "hlig": False, "calt": False}


class Shaper:
    """Measure text advances in em with HarfBuzz on one face (results cached per string)."""

    def __init__(self, family: str, weight: str = "Regular", language: str = "ko") -> None:
        import uharfbuzz as hb

        path, index = find_face(family, weight)
        self.path, self.index = path, index
        face = hb.Face(blob(path), index)
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
        hb.shape(self._font, buf, NO_LIGATURES)
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
    import uharfbuzz as hb

    path, index = find_face(family, weight)
    return frozenset(hb.Face(blob(path), index).unicodes)
