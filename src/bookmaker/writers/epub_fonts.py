"""The EPUB's embedded fonts: each face cut to the characters the book's pages draw with it.

What a face draws comes from the cascade over the finished pages and stylesheets
(:mod:`bookmaker.writers.epub_cascade`): text, generated content and list markers, in the face
the CSS chooses for them. Every subset also keeps the space and the no-break space, so that word
spaces are the face's own in every reading system (a missing space glyph falls back to a system
font, whose space width differs). A character the installed face has no glyph for is drawn by the
first fallback face holding it (:mod:`bookmaker.fonts.fallback`), whose subset is embedded too, with
its own family in the stylesheet's font stacks; one that none holds is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bookmaker.fonts.faces import EPUB_FACES, FALLBACKS, Face
from bookmaker.fonts.fallback import holders
from bookmaker.fonts.subsetting import FontSubset, epub_subset, subset_codepoints
from bookmaker.writers.epub_cascade import characters_by_face

SPACES = frozenset(" \xa0")
FONTS_CSS = "style/fonts.css"
MEDIA_TYPES = {"otf": "font/otf", "ttf": "font/ttf"}
_FORMATS = {"otf": "opentype", "ttf": "truetype"}


def face_characters(documents: Iterable[bytes], stylesheets: Sequence[str]) -> dict[Face, frozenset[str]]:
    """Per embedded face, the characters the XHTML ``documents`` draw with it, spaces included."""
    drawn = characters_by_face(documents, stylesheets, EPUB_FACES)
    return {face: drawn[face] | SPACES for face in EPUB_FACES if face in drawn}


def subset_fonts(wanted: dict[Face, frozenset[str]]) -> tuple[list[FontSubset], list[str]]:
    """Each face cut to its characters (in registry order), then each fallback face
    (:data:`~bookmaker.fonts.faces.FALLBACKS`) cut to the characters the faces lack that it is the
    first to hold, and a warning per face lacking some that no fallback face holds either; no fonts
    at all (and a warning) when a face is not installed or cannot be cut."""
    fonts: list[FontSubset] = []
    lacking: dict[Face, set[str]] = {}
    for face in EPUB_FACES:
        if face not in wanted:
            continue
        font = epub_subset(face, wanted[face])
        if font is None:
            return [], [f"{face.family} could not be cut: the EPUB is built without embedded fonts"]
        fonts.append(font)
        lacking[face] = set(wanted[face]) - {chr(point) for point in subset_codepoints(font)}
    found, _ = holders({ord(char) for chars in lacking.values() for char in chars})
    for fallback, points in found.items():
        font = epub_subset(fallback, frozenset(map(chr, points)))
        if font is not None:
            fonts.append(font)
    drawn = {chr(point) for font in fonts[len(lacking) :] for point in subset_codepoints(font)}
    warnings: list[str] = []
    for face, chars in lacking.items():
        missing = sorted(chars - drawn)
        if missing:
            shown = "".join(missing[:20]) + ("…" if len(missing) > 20 else "")
            warnings.append(
                f"{face.family} has no glyph for {len(missing)} character(s) the EPUB sets in it "
                f"({shown}), nor has any fallback face ({', '.join(f.family for f in FALLBACKS)}): "
                "reading systems draw them in another font"
            )
    return fonts, warnings


def fallback_faces(fonts: Sequence[FontSubset]) -> tuple[Face, ...]:
    """The fallback faces among ``fonts``."""
    return tuple(font.face for font in fonts if font.face in FALLBACKS)


def font_face_css(fonts: Sequence[FontSubset]) -> str:
    """``@font-face`` rules for ``fonts`` (paths relative to :data:`FONTS_CSS`)."""
    rules = [
        "@font-face {\n"
        f'  font-family: "{font.face.family}";\n'
        f"  font-weight: {font.face.weight};\n"
        f"  font-style: {font.face.style};\n"
        f'  src: url("../fonts/{font.face.file_name}") format("{_FORMATS[font.face.extension]}");\n'
        "}\n"
        for font in fonts
    ]
    families = "".join(f", {face.family}" for face in fallback_faces(fonts))
    notice = f"/* Subsets of Noto CJK KR{families} (SIL Open Font License 1.1, see font-license.xhtml). */\n"
    return notice + "".join(rules)
