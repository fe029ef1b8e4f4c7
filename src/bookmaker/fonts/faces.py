"""The face registry: every face bookmaker embeds or draws with, by key or by (family, weight)."""

from __future__ import annotations

from dataclasses import dataclass

WEIGHT_NAMES = {400: "Regular", 700: "Bold"}


@dataclass(frozen=True, slots=True)
class Face:
    """One face: its key, CSS family, weight and style, the files that may hold it, its PostScript name."""

    key: str
    family: str
    weight: int
    style: str
    files: tuple[str, ...]
    postscript: str

    @property
    def weight_name(self) -> str:
        """``Regular`` or ``Bold``, as full names and the bundle manifest spell the weight."""
        return WEIGHT_NAMES[self.weight]

    @property
    def file_name(self) -> str:
        """The file name of the face's subsets (in the EPUB, and in the PDF's font folder)."""
        return f"{self.postscript}-subset.otf"


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


def face_for(family: str, weight: int = 400) -> Face | None:
    """The known face of ``family`` at ``weight``, or None."""
    return next((face for face in (*FACES, MONO) if (face.family, face.weight) == (family, weight)), None)
