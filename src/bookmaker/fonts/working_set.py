"""Working sets: each CJK face cut once to the characters Korean text nearly always uses, kept on disk.

Cutting a document's subset from a face's working set (~4 000 glyphs) instead of the installed
collection face (~65 000) gives the same bytes — HarfBuzz keeps the glyphs' order, and the working
set keeps every table and the layout features any of our cuts keep — about three times faster
(seed: the four PDF faces 14.5 → 4.7 ms, the three EPUB faces 8 → 3 ms).

The working set covers KS X 1001's 2 350 Hangul syllables and its symbol rows (punctuation, jamo,
Greek, Cyrillic, box drawing, units, circled forms, kana), ASCII, Latin-1 and Latin Extended-A,
general punctuation, arrows, enclosed alphanumerics, geometric shapes, CJK symbols, compatibility
jamo and fullwidth forms. A document with any other character the face has (a hanja, a rare
syllable) is cut from the installed face, as before.

Cache: ``$XDG_CACHE_HOME/bookmaker/faces-<versions>/<postscript>-<source>.otf`` (default
``~/.cache/bookmaker``): the folder is named for the HarfBuzz and uharfbuzz versions and this
module's set version, the file for the face and its installed files (path, size, modification time),
so a font update makes a new entry (the old one is then removed). An entry is the font followed by
its CRC-32; it is written to a temporary file then renamed, and a missing, truncated or corrupt
entry is rebuilt (~30 ms a serif face, ~15 ms a sans face, once per user). The folder must be this
user's and not writable by others (:mod:`bookmaker.cache_folder`). ``BOOKMAKER_NO_CACHE=1``: the
installed faces only.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from zlib import crc32

from bookmaker.cache_folder import cache_root, generation_folder, prune_generations
from bookmaker.fonts.discovery import installed_identity, source_face
from bookmaker.fonts.faces import Face
from bookmaker.fonts.subset_request import subset_request
from bookmaker.writers.atomic import write_atomic

SET_VERSION = 2
# Layout features kept beyond HarfBuzz's defaults (the CJK proportional-spacing ones the PDF subsets
# keep); a cut asking for others is made from the installed face.
FEATURES = ("palt", "halt")
_PLAIN_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1, Latin Extended-A
    (0x2000, 0x206F),  # general punctuation
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x25A0, 0x25FF),  # geometric shapes (list markers)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3131, 0x318E),  # Hangul compatibility jamo
    (0xFF01, 0xFFEE),  # halfwidth and fullwidth forms
)


def _ks_x_1001_rows(first: int, last: int) -> set[int]:
    """The characters of KS X 1001 rows ``first``–``last`` (EUC-KR lead bytes)."""
    row = bytearray(2 * 94)
    row[1::2] = range(0xA1, 0xFF)
    points: set[int] = set()
    for lead in range(first, last + 1):
        row[0::2] = bytes([lead]) * 94
        points.update(map(ord, row.decode("euc-kr", errors="ignore")))
    return points


@cache
def coverage() -> frozenset[int]:
    """Every code point a working set is cut to."""
    points = _ks_x_1001_rows(0xA1, 0xAC) | _ks_x_1001_rows(0xB0, 0xC8)
    for first, last in _PLAIN_RANGES:
        points.update(range(first, last + 1))
    return frozenset(points)


def source_for(face: Face, codepoints: set[int], features: Iterable[str] = ()) -> Any:
    """The HarfBuzz face to cut ``codepoints`` of ``face`` from, keeping the extra layout ``features``:
    its working set when the cut needs nothing else the installed face has, else the installed face
    (None: not installed). Control characters are never drawn and do not count."""
    found = working_set(face) if set(features) <= set(FEATURES) else None
    if found is None:
        return source_face(face)
    outside = [point for point in codepoints if point >= 0x20 and point not in found.mapped]
    if any(map(_is_selector, outside)) or (outside and _has_any(face, outside)):
        return source_face(face)
    return found.face


def _is_selector(point: int) -> bool:
    """Variation selectors: they map through ``cmap`` format 14, which a working set cuts short."""
    return 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF or 0x180B <= point <= 0x180F


def _has_any(face: Face, points: Iterable[int]) -> bool:
    """Whether the installed ``face`` maps any of ``points`` to a glyph."""
    font = _installed_font(face)
    return font is None or any(font.get_nominal_glyph(point) for point in points)


@cache
def _installed_font(face: Face) -> Any:
    import uharfbuzz as hb

    source = source_face(face)
    return None if source is None else hb.Font(source)


class WorkingSet(NamedTuple):
    """A face's working set: as a HarfBuzz face, the code points it maps, and its file's bytes."""

    face: Any
    mapped: Any
    data: bytes


@cache
def working_set(face: Face) -> WorkingSet | None:
    """``face``'s working set, from the cache or made now; None when the face is not installed, the
    cache is off or unusable, or the cut fails. A cache hit reads one file: the collection itself
    is not opened."""
    import uharfbuzz as hb

    entry = _entry_path(face)
    if entry is None:
        return None
    data = _read(entry)
    if data is None:
        font = _make(face)
        if font is None:
            return None
        data = font + crc32(font).to_bytes(4, "big")
        _write(entry, data)
    subset = hb.Face(hb.Blob(data))  # a trailing CRC is harmless: tables are found by offset
    return WorkingSet(subset, subset.unicodes, data)


@cache
def halved_working_set(face: Face) -> WorkingSet | None:
    """``face``'s working set with the punctuation of :data:`~bookmaker.fonts.faces.HALF_WIDTH` made
    half-width (:func:`~bookmaker.fonts.half_width.halve`), kept on disk beside it: a document with
    brackets is cut from it as fast as from the working set (halving each document's subset instead
    costs ~40 ms, and fontTools' import ~0.2 s, a process). None when there is no working set."""
    import fontTools  # its version: another may write other bytes
    import uharfbuzz as hb

    plain = working_set(face)
    entry = _entry_path(face, prefix="halt-", salt=f"fonttools {fontTools.version}")
    if plain is None or entry is None:
        return None
    data = _read(entry)
    if data is None:
        from bookmaker.fonts.half_width import HALF_POINTS, halve

        font = halve(plain.data[:-4], HALF_POINTS) or plain.data[:-4]
        data = font + crc32(font).to_bytes(4, "big")
        _write(entry, data)
    halved = hb.Face(hb.Blob(data))
    return WorkingSet(halved, halved.unicodes, data)


def halved_source(face: Face, codepoints: set[int]) -> Any:
    """The HarfBuzz face of ``face``'s halved working set when its working set is the one to cut
    ``codepoints`` from (:func:`source_for`), else None."""
    plain = working_set(face)
    if plain is None or source_for(face, codepoints, FEATURES) is not plain.face:
        return None
    found = halved_working_set(face)
    return None if found is None else found.face


_STORED: set[Face] = set()  # faces whose working set is on disk (or loaded): never forgotten


def stored_working_set(face: Face) -> WorkingSet | None:
    """``face``'s working set when the disk cache already holds it, else None: never made here, for
    a caller with a cheaper way round (a cold cache's first cover cuts ~100 characters instead)."""
    if face not in _STORED:
        entry = _entry_path(face)
        if entry is None or not entry.is_file():
            return None
        _STORED.add(face)
    return working_set(face)


def _entry_path(face: Face, prefix: str = "", salt: str = "") -> Path | None:
    """The cache file for ``face`` as installed now (None: not installed, or no safe folder).

    The folder is named for the set and HarfBuzz versions, the file for the face (after ``prefix``:
    another cut of it) and the path, size and modification time of every installed file that may
    hold it (and ``salt``: what else the cut depends on)."""
    import uharfbuzz as hb

    root = cache_root()
    installed = installed_identity(face) if root is not None else None
    if root is None or installed is None:
        return None
    identity = f"{installed}|{salt}" if salt else installed
    versions = f"{SET_VERSION}|{hb.version_string()}|{hb.__version__}"
    folder = generation_folder(root, f"faces-{zlib.crc32(versions.encode()):08x}")
    if folder is None:
        return None
    return folder / f"{prefix}{face.postscript}-{zlib.crc32(identity.encode()):08x}.otf"


def _make(face: Face) -> bytes | None:
    """Cut the installed ``face`` to :func:`coverage`, keeping every table and :data:`FEATURES`."""
    import uharfbuzz as hb

    source = source_face(face)
    if source is None:
        return None
    try:
        result = hb.subset(source, subset_request(coverage(), features=FEATURES))
    except Exception:  # an unusable face: the documents are cut from the installed one
        return None
    return bytes(result.blob.data)


def _read(entry: Path) -> bytes | None:
    """The bytes of ``entry`` (the font, then its CRC-32) when the file is whole."""
    try:
        stored = entry.read_bytes()
    except OSError:
        return None
    if len(stored) < 4 or crc32(memoryview(stored)[:-4]).to_bytes(4, "big") != stored[-4:]:
        return None
    return stored


def _write(entry: Path, data: bytes) -> None:
    """Store ``data`` (the font and its CRC-32) in ``entry`` atomically; give up silently on failure."""
    try:
        write_atomic(entry, data)
        # the same face cut from files since replaced: stale at once
        prune_generations(entry, f"{entry.name.rsplit('-', 1)[0]}-*.otf", stale_after=0)
    except Exception:
        return
