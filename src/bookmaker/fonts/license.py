"""The SIL Open Font License 1.1 the embedded subsets carry, with the faces' copyright lines."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bookmaker.fonts.discovery import source_face
from bookmaker.fonts.faces import EPUB_FACES, Face

LICENSE_FILE = Path(__file__).with_name("OFL-1.1.txt")


@cache
def _copyright(face: Face) -> str:
    """The face's copyright line (name ID 0), empty when it is not installed."""
    import uharfbuzz as hb

    source = source_face(face)
    if source is None:
        return ""
    return source.get_name(hb.OTNameIdPredefined.COPYRIGHT) or ""


@cache
def license_text(fallbacks: tuple[Face, ...] = ()) -> str:
    """The OFL 1.1 with the copyright lines of the faces the EPUB embeds: the CJK faces and the
    ``fallbacks`` (:data:`~bookmaker.fonts.faces.FALLBACKS`) it holds subsets of."""
    faces = (*EPUB_FACES, *fallbacks)
    families = ", ".join(dict.fromkeys(face.family for face in faces))
    lines = sorted({notice for face in faces if (notice := _copyright(face))})
    header = "\n".join(
        [f"Embedded fonts: {families} (subsets).", *lines, "Noto is a trademark of Google Inc.", ""]
    )
    return header + "\n" + LICENSE_FILE.read_text(encoding="utf-8")
