"""The face registry: every face bookmaker embeds or draws with, by key or by (family, weight)."""

from __future__ import annotations

from dataclasses import dataclass

WEIGHT_NAMES = {400: "Regular", 700: "Bold"}


@dataclass(frozen=True, slots=True)
class Face:
    """One face: its key, CSS family, weight and style, the files that may hold it, its PostScript
    name, and the file type of its subsets (``otf``: CFF outlines; ``ttf``: TrueType outlines)."""

    key: str
    family: str
    weight: int
    style: str
    files: tuple[str, ...]
    postscript: str
    extension: str = "otf"

    @property
    def weight_name(self) -> str:
        """``Regular`` or ``Bold``, as full names and the bundle manifest spell the weight."""
        return WEIGHT_NAMES[self.weight]

    @property
    def file_name(self) -> str:
        """The file name of the face's subsets (in the EPUB, and in the PDF's font folder)."""
        return f"{self.postscript}-subset.{self.extension}"


def _noto(kind: str, weight: int) -> Face:
    """Noto ``kind`` (Serif or Sans) CJK KR: in the Pan-CJK collection (Debian's fonts-noto-cjk) or
    the Korean-only OpenType file."""
    name = WEIGHT_NAMES[weight]
    return Face(
        key=kind.lower() + ("-bold" if weight == 700 else ""),
        family=f"Noto {kind} CJK KR",
        weight=weight,
        style="normal",
        files=(f"Noto{kind}CJK-{name}.ttc", f"Noto{kind}CJKkr-{name}.otf"),
        postscript=f"Noto{kind}CJKkr-{name}",
    )


SERIF, SERIF_BOLD = _noto("Serif", 400), _noto("Serif", 700)  # 명조: the body
SANS, SANS_BOLD = _noto("Sans", 400), _noto("Sans", 700)  # 고딕: titles, headings, captions, emphasis
MONO = Face(  # code: in the same collection as Noto Sans CJK
    key="mono",
    family="Noto Sans Mono CJK KR",
    weight=400,
    style="normal",
    files=("NotoSansCJK-Regular.ttc", "NotoSansMonoCJKkr-Regular.otf"),
    postscript="NotoSansMonoCJKkr-Regular",
)
FACES = (SERIF, SERIF_BOLD, SANS, SANS_BOLD)  # the PDF's (in this order; MONO too when there is code)
# what the CJK faces' ``halt`` feature sets half-width (brackets, full-width punctuation): the PDF draws
# them so (fonts/subsetting.py), the line breaker measures them so (fonts/shaping.py)
HALF_WIDTH = frozenset(
    "‐‧〈〉、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛〝〞〟・！＂＇（），．：；［］｛｜｝｟｠￤"
)
EPUB_FACES = (SERIF, SANS, SANS_BOLD, MONO)  # the EPUB sets no bold Myeongjo; mono only for code


def _fallback(key: str, name: str, family: str) -> Face:
    """A regular face of Debian's fonts-noto-core (``/usr/share/fonts/truetype/noto/``)."""
    return Face(key, family, 400, "normal", (f"{name}-Regular.ttf",), f"{name}-Regular", "ttf")


# The last resort, in this order, for a character the CJK face setting it lacks (check marks, chess
# pieces, braille, dingbats, arrows, mathematical operators): the first of these holding it draws
# it, in the EPUB (embedded) and the PDF (fonts/fallback.py). Monochrome outlines, OFL 1.1.
FALLBACKS = (
    _fallback("symbols2", "NotoSansSymbols2", "Noto Sans Symbols2"),
    _fallback("symbols", "NotoSansSymbols", "Noto Sans Symbols"),
    _fallback("math", "NotoSansMath", "Noto Sans Math"),
)
FALLBACK_PACKAGE = "fonts-noto-core"

# The faces fontconfig gives Pango for an emoji run, in fontconfig's order of preference (Debian's
# fonts-noto-color-emoji, then fonts-symbola, which stops at Unicode 9): the PDF draws an emoji with
# the first installed one holding it, and the line breaker measures it there (fonts/shaping.py).
EMOJI_FACES = (
    Face("emoji", "Noto Color Emoji", 400, "normal", ("NotoColorEmoji.ttf",), "NotoColorEmoji", "ttf"),
    Face("symbola", "Symbola", 400, "normal", ("Symbola_hint.ttf", "Symbola.ttf"), "Symbola", "ttf"),
)


def face_for(family: str, weight: int = 400) -> Face | None:
    """The known face of ``family`` at ``weight``, or None."""
    known = (*FACES, MONO, *FALLBACKS, *EMOJI_FACES)
    return next((face for face in known if (face.family, face.weight) == (family, weight)), None)
