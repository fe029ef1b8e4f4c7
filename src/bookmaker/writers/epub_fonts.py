"""The EPUB's embedded fonts: each face cut to the characters the book's pages draw with it.

What a face draws comes from the cascade over the finished pages and stylesheets
(:mod:`bookmaker.writers.epub_cascade`): text, generated content and list markers, in the face
the CSS chooses for them. Every subset also keeps the space and the no-break space, so that word
spaces are the face's own in every reading system (a missing space glyph falls back to a system
font, whose space width differs). A character the installed face has no glyph for is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bookmaker.fonts.faces import EPUB_FACES, Face
from bookmaker.fonts.subsetting import FontSubset, epub_subset, subset_codepoints
from bookmaker.writers.epub_cascade import characters_by_face

SPACES = frozenset(" \xa0")
FONTS_CSS = "style/fonts.css"


def face_characters(documents: Iterable[bytes], stylesheets: Sequence[str]) -> dict[Face, frozenset[str]]:
    """Per embedded face, the characters the XHTML ``documents`` draw with it, spaces included."""
    drawn = characters_by_face(documents, stylesheets, EPUB_FACES)
    return {face: drawn[face] | SPACES for face in EPUB_FACES if face in drawn}


def subset_fonts(wanted: dict[Face, frozenset[str]]) -> tuple[list[FontSubset], list[str]]:
    """Each face cut to its characters (in registry order), and a warning per face lacking some;
    no fonts at all (and a warning) when a face is not installed or cannot be cut."""
    fonts: list[FontSubset] = []
    warnings: list[str] = []
    for face in EPUB_FACES:
        if face not in wanted:
            continue
        font = epub_subset(face, wanted[face])
        if font is None:
            return [], [f"{face.family} could not be cut: the EPUB is built without embedded fonts"]
        fonts.append(font)
        missing = sorted(wanted[face] - {chr(point) for point in subset_codepoints(font)})
        if missing:
            shown = "".join(missing[:20]) + ("…" if len(missing) > 20 else "")
            warnings.append(
                f"{face.family} has no glyph for {len(missing)} character(s) the EPUB sets in it "
                f"({shown}): reading systems draw them in another font"
            )
    return fonts, warnings


def font_face_css(fonts: Sequence[FontSubset]) -> str:
    """``@font-face`` rules for ``fonts`` (paths relative to :data:`FONTS_CSS`)."""
    rules = [
        "@font-face {\n"
        f'  font-family: "{font.face.family}";\n'
        f"  font-weight: {font.face.weight};\n"
        f"  font-style: {font.face.style};\n"
        f'  src: url("../fonts/{font.face.file_name}") format("opentype");\n'
        "}\n"
        for font in fonts
    ]
    notice = "/* Subsets of Noto CJK KR (SIL Open Font License 1.1, see font-license.xhtml). */\n"
    return notice + "".join(rules)
