"""Embedded EPUB fonts: find the Noto CJK KR faces, subset them to the book's characters.

Faces are found through :mod:`bookmaker.fonts.discovery` (lazily, honouring ``BOOKMAKER_FONT_DIRS``),
which reads each collection once per process for the PDF measurer and this module alike; subsets
are cached by (face, characters), and HarfBuzz keeps each source face's parsed tables per process.
Subsets are plain OpenType/CFF without hinting or subroutines: the most widely supported EPUB font
type (RMSDK, Kobo, Apple Books), and after the zip's deflate within ~15 % of WOFF2. They keep the source
face's ``head`` timestamps, so the bytes are reproducible. HarfBuzz (uharfbuzz) reads and subsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bookmaker.fonts.discovery import blob as _blob
from bookmaker.fonts.discovery import face_index
from bookmaker.fonts.discovery import font_files as _font_files

LICENSE_FILE = Path(__file__).with_name("OFL-1.1.txt")
# every character str.isspace() accepts (checked by a test): never drawn, so never cut
WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


@dataclass(frozen=True, slots=True)
class Face:
    """One face of the family stack: the CSS family, its weight and where to find it."""

    key: str
    family: str
    weight: int
    files: tuple[str, ...]
    postscript: str

    @property
    def file_name(self) -> str:
        """The subset's file name inside the EPUB."""
        return f"{self.postscript}-subset.otf"


SERIF = Face(
    "serif",
    "Noto Serif CJK KR",
    400,
    ("NotoSerifCJK-Regular.ttc", "NotoSerifCJKkr-Regular.otf"),
    "NotoSerifCJKkr-Regular",
)
SANS = Face(
    "sans",
    "Noto Sans CJK KR",
    400,
    ("NotoSansCJK-Regular.ttc", "NotoSansCJKkr-Regular.otf"),
    "NotoSansCJKkr-Regular",
)
SANS_BOLD = Face(
    "sans-bold",
    "Noto Sans CJK KR",
    700,
    ("NotoSansCJK-Bold.ttc", "NotoSansCJKkr-Bold.otf"),
    "NotoSansCJKkr-Bold",
)
FACES = (SERIF, SANS, SANS_BOLD)


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    """A subset font ready to go into the EPUB."""

    face: Face
    data: bytes
    glyphs: int


@cache
def locate(face: Face) -> tuple[Path, int] | None:
    """Where ``face`` lives on this machine: (file, face index in the collection), or None."""
    import uharfbuzz as hb

    files = _font_files()
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
    return hb.Face(_blob(where[0]), where[1])


@cache
def copyright_notice(face: Face) -> str:
    """The face's copyright line (name ID 0), for the OFL notice."""
    import uharfbuzz as hb

    source = source_face(face)
    if source is None:
        return ""
    return source.get_name(hb.OTNameIdPredefined.COPYRIGHT) or ""


def cut(
    face: Face, codepoints: Iterable[int], *, features: Iterable[str] = (), drop_tables: Iterable[str] = ()
) -> Any:
    """HarfBuzz's subset of the installed ``face`` to ``codepoints`` (:func:`subset_request`),
    keeping the extra layout ``features`` and dropping ``drop_tables``; None when the face is not
    installed or cannot be cut.

    The cut is made from the face's working set when it covers the document
    (:mod:`bookmaker.fonts.working_set`): the same bytes, ~4.5× faster. A working set has
    no hints or subroutines left, so HarfBuzz is not asked to remove them (seed, three EPUB
    faces: 2.0 → 1.65 ms; four PDF faces: 4.25 → 3.4 ms).
    """
    import uharfbuzz as hb

    from bookmaker.fonts.working_set import source_for

    wanted = set(codepoints)
    features = tuple(features)
    source = source_for(face, wanted, features)
    if source is None:
        return None
    plain = source is not source_face(face)
    request = subset_request(wanted, features=features, drop_tables=drop_tables, plain_source=plain)
    return hb.subset(source, request)


def subset_request(
    codepoints: Iterable[int],
    *,
    features: Iterable[str] = (),
    drop_tables: Iterable[str] = (),
    plain_source: bool = False,
) -> Any:
    """A HarfBuzz subset request for ``codepoints``: no hinting, an outlined ``.notdef``,
    desubroutinized, HarfBuzz's default layout features plus ``features``, minus ``drop_tables``.

    Desubroutinized: ~30 % faster to cut (no subroutine closure); written-out charstrings deflate
    better (the zipped EPUB font is ~15 % smaller), and WeasyPrint desubroutinizes anyway.
    ``plain_source``: the source already has neither hints nor subroutines (a working set), so
    the request does not ask for their removal; the cut's bytes are the same, made ~20 % faster.
    """
    import uharfbuzz as hb

    request = hb.SubsetInput()
    request.unicode_set.update(codepoints)
    for feature in features:
        request.layout_feature_tag_set.add(_tag(feature))
    for table in drop_tables:
        request.drop_table_tag_set.add(_tag(table))
    flags = hb.SubsetFlags
    request.flags = flags.NOTDEF_OUTLINE
    if not plain_source:
        request.flags |= flags.NO_HINTING | flags.DESUBROUTINIZE
    return request


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


@lru_cache(maxsize=64)
def subset_face(face: Face, characters: frozenset[str]) -> EmbeddedFont | None:
    """``face`` cut down to ``characters`` (OpenType/CFF, no hinting), or None if not installed.

    HarfBuzz's subsetter: a few ms a face where fontTools took ~0.7 s; the source ``head``
    timestamps are kept, so the bytes are reproducible. Cached by (face, characters) for repeated
    builds in one process; ``bench/run.py`` clears the cache inside its timings.
    """
    result = cut(face, map(ord, characters - WHITESPACE))
    if result is None:
        return None
    return EmbeddedFont(face=face, data=bytes(result.blob.data), glyphs=result.glyph_count)


def font_face_css(fonts: list[EmbeddedFont], folder: str = "../fonts") -> str:
    """``@font-face`` rules for ``fonts`` (paths relative to the stylesheet)."""
    rules = []
    for font in fonts:
        rules.append(
            "@font-face {\n"
            f'  font-family: "{font.face.family}";\n'
            f"  font-weight: {font.face.weight};\n"
            "  font-style: normal;\n"
            f'  src: url("{folder}/{font.face.file_name}") format("opentype");\n'
            "}\n"
        )
    notice = "/* Subsets of Noto CJK KR (SIL Open Font License 1.1, see font-license.xhtml). */\n"
    return notice + "".join(rules)


@cache
def license_text() -> str:
    """The OFL 1.1 with the copyright lines of the embedded faces."""
    lines = sorted({notice for face in FACES if (notice := copyright_notice(face))})
    header = "\n".join(
        [
            "Embedded fonts: Noto Serif CJK KR, Noto Sans CJK KR (subsets).",
            *lines,
            "Noto is a trademark of Google Inc.",
            "",
        ]
    )
    return header + "\n" + LICENSE_FILE.read_text(encoding="utf-8")
