"""Finding installed faces: the font folders, their files, a face inside a collection (``.ttc``).

Lazy and cached per process: nothing is scanned or mapped before a face is asked for.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from bookmaker.errors import BuildError
from bookmaker.fonts.faces import Face, face_for

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


def installed_identity(face: Face) -> str | None:
    """The path, size and modification time of every installed file that may hold ``face``, for
    the keys of caches of what is cut or drawn from it (a font update changes it); None when no
    such file is installed or one cannot be read."""
    files = font_files()
    parts = []
    for name in face.files:
        path = files.get(name)
        if path is None:
            continue
        try:
            info = path.stat()
        except OSError:
            return None
        parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}")
    return "|".join(parts) or None


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
def locate(face: Face) -> tuple[Path, int] | None:
    """Where ``face`` lives on this machine: (file, face index in the collection), or None."""
    import uharfbuzz as hb

    files = font_files()
    for name in face.files:
        path = files.get(name)
        if path is None:
            continue
        number = face_index(path, hb.OTNameIdPredefined.POSTSCRIPT_NAME, face.postscript)
        if number is not None:
            return path, number
    return None


@cache
def source_face(face: Face) -> Any:
    """The installed face as a HarfBuzz face (one per process: its tables are parsed once), or None."""
    import uharfbuzz as hb

    where = locate(face)
    if where is None:
        return None
    return hb.Face(blob(where[0]), where[1])


@cache
def cmap(face: Face) -> frozenset[int]:
    """Code points the installed ``face`` maps to a glyph."""
    source = source_face(face)
    if source is None:
        raise BuildError(f"font {face.family!r} ({face.weight_name}) is not installed")
    return frozenset(source.unicodes)


@cache
def find_face(family: str) -> tuple[Path, int]:
    """Path and collection index of the regular face of ``family``: a known face where it is
    installed, else any installed face whose full name is ``family`` (Regular)."""
    import uharfbuzz as hb

    known = face_for(family)
    where = locate(known) if known is not None else None
    if where is not None:
        return where
    compact = family.replace(" ", "").split("CJK")[0].lower()
    for name, path in sorted(font_files().items()):
        if path.suffix.lower() not in _SUFFIXES or compact not in name.lower():
            continue
        for candidate in sorted({f"{family} Regular", family}):
            index = face_index(path, hb.OTNameIdPredefined.FULL_NAME, candidate)
            if index is not None:
                return path, index
    raise BuildError(f"font {family!r} (Regular) is not installed")
