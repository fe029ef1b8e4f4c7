"""PDF fonts: hand WeasyPrint per-document subsets of the Noto CJK KR faces instead of the collections.

WeasyPrint subsets embedded fonts with HarfBuzz but keeps glyph ids (``RETAIN_GIDS``), so each CJK
face it embeds still carries ~63 000 glyph slots (``hmtx``/``vmtx`` ~250 KB each, a CFF charset and
offsets): 140–185 KB a face in the PDF for a few hundred glyphs. Here each face is first cut down
to the characters of the final HTML (glyphs renumbered, no hinting, desubroutinized, no vertical
metrics, layout tables and features kept), and those small fonts are registered in the document's
fontconfig so they win over the installed faces of the same family and weight. WeasyPrint then
subsets and embeds *them*.

The advances, ``GSUB``/``GPOS`` lookups and line metrics (``hhea``/``OS/2``) of the kept glyphs are
the source face's, so Pango shapes exactly what :class:`bookmaker.fonts.discovery.Shaper` measured.
Each face gets every character the HTML could draw: one left out would be drawn blank, not in the
installed face, because WeasyPrint embeds one font per family, weight and style (a per-face
narrower set drew 국 as .notdef when tried). ``bookmaker check`` counts such glyphs.
"""

from __future__ import annotations

import html
import shutil
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bookmaker.fonts.subsetting import SANS, SANS_BOLD, SERIF, Face, cut
from bookmaker.fonts.working_set import FEATURES

SERIF_BOLD = Face(
    "serif-bold",
    "Noto Serif CJK KR",
    700,
    ("NotoSerifCJK-Bold.ttc", "NotoSerifCJKkr-Bold.otf"),
    "NotoSerifCJKkr-Bold",
)
FACES = (SERIF, SERIF_BOLD, SANS, SANS_BOLD)

# Always kept: printable ASCII, counters, list markers and quotes CSS may generate.
_ALWAYS = frozenset(map(ord, "".join(chr(c) for c in range(0x20, 0x7F)) + "•◦▪–—·…“”‘’«»"))
# Beyond hb-subset's default layout features: the CJK proportional spacing ones (GPOS only), which
# the working sets keep too
_EXTRA_FEATURES = FEATURES
_DROP_TABLES = ("vmtx", "vhea", "VORG", "DSIG")
_LANGS = ("ko", "en", "ja", "zh-cn", "zh-tw")


@dataclass(frozen=True, slots=True)
class PdfFont:
    """A face's subset for one document."""

    face: Face
    data: bytes


def codepoints(document_html: str) -> frozenset[int]:
    """Every code point the HTML (text, attributes, inline CSS) can put on a page."""
    return frozenset(map(ord, set(html.unescape(document_html)))) | _ALWAYS


def subset(face: Face, wanted: frozenset[int]) -> PdfFont | None:
    """``face`` cut down to ``wanted`` with renumbered glyphs, or None when it is not installed."""
    result = cut(face, wanted, features=_EXTRA_FEATURES, drop_tables=_DROP_TABLES)
    if result is None:
        return None
    return PdfFont(face, bytes(result.blob.data))


def document_fonts(document_html: str) -> list[PdfFont]:
    """Subsets of every installed face for the characters of ``document_html``."""
    wanted = codepoints(document_html)
    return [font for face in FACES if (font := subset(face, wanted)) is not None]


def _rules(paths: list[Path]) -> bytes:
    """fontconfig scan rules that make each subset file outrank the installed face it stands in for.

    A subset covers too few characters for fontconfig to grant it the ``ko`` language, so it would
    lose to the installed face on ``lang``; it is given the languages of a full CJK face and the
    highest ``fontversion`` (fontconfig's last tie-breaker), so with family, weight and style equal it
    wins, and the installed faces stay next in the fallback list.
    """
    from xml.sax.saxutils import escape

    langs = "".join(f"<string>{lang}</string>" for lang in _LANGS)
    rules = [
        '<match target="scan">'
        f'<test name="file" compare="eq"><string>{escape(path.as_posix())}</string></test>'
        f'<edit name="lang" mode="assign"><langset>{langs}</langset></edit>'
        '<edit name="fontversion" mode="assign"><int>2147483647</int></edit>'
        "</match>"
        for path in paths
    ]
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        + f"<fontconfig>{''.join(rules)}</fontconfig>".encode()
    )


def font_configuration(fonts: list[PdfFont], folder: Path | None = None) -> Any:
    """A WeasyPrint ``FontConfiguration`` in which ``fonts`` stand in for the installed faces.

    The subset files are written into ``folder`` (the caller removes it after rendering), or into a
    temporary folder removed with the configuration (or at exit).
    """
    from weasyprint.text.ffi import ffi, fontconfig, pangoft2
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    if not fonts:
        return config
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="bookmaker-fonts-"))
        weakref.finalize(config, shutil.rmtree, folder, ignore_errors=True)
    paths = []
    for font in fonts:
        path = folder / f"{font.face.postscript}-subset.otf"
        path.write_bytes(font.data)
        paths.append(path)
    fontconfig.FcConfigParseAndLoadFromMemory(config._config, _rules(paths), True)
    for path in paths:
        fontconfig.FcConfigAppFontAddFile(config._config, str(path).encode())
    pangoft2.pango_fc_font_map_config_changed(ffi.cast("PangoFcFontMap *", config.font_map))
    return config
