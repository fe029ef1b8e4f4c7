"""Missing glyphs, read from the fonts embedded in a PDF rather than from the installed faces.

Every text-showing operator of every page (and of the forms it draws) is decoded with its font: a
glyph id of 0 (``.notdef``) or one past the embedded font's glyph count is a missing glyph (Pango
draws a character no font covers as glyph 0xFFFF). The ``ToUnicode`` maps of the glyphs that do
exist give the characters the PDF really draws, so a source text can be checked against them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_BFCHAR = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")
_BFRANGE = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
SHOW = {"Tj", "TJ", "'", '"'}


@dataclass(slots=True)
class GlyphReport:
    """Glyphs drawn without an outline (``missing``) and the characters drawn with real glyphs."""

    missing: int = 0
    examples: list[str] = field(default_factory=list)
    drawn: set[str] = field(default_factory=set)
    fonts_without_map: int = 0


@dataclass(slots=True)
class _Font:
    name: str
    two_byte: bool
    glyph_count: int | None
    to_unicode: dict[int, str]


def _decode_utf16(hexdigits: str) -> str:
    return bytes.fromhex(hexdigits).decode("utf-16-be", errors="replace") if hexdigits else ""


def _to_unicode(font: Any) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    text = stream.read_bytes().decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, value in _BFCHAR.findall(block):
            out[int(code, 16)] = _decode_utf16(value)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, start in _BFRANGE.findall(block):
            first = _decode_utf16(start)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[code] = first[:-1] + chr(ord(first[-1]) + offset) if first else ""
    return out


def _glyph_count(descriptor: Any) -> int | None:
    """Glyphs in the embedded font program, or ``None`` when it cannot be read."""
    from fontTools.cffLib import CFFFontSet
    from fontTools.ttLib import TTFont

    for key in ("/FontFile2", "/FontFile3"):
        stream = descriptor.get(key) if descriptor is not None else None
        if stream is None:
            continue
        data = stream.read_bytes()
        try:
            if key == "/FontFile3" and str(stream.get("/Subtype")) != "/OpenType":
                cff = CFFFontSet()
                cff.decompile(io.BytesIO(data), None)
                return len(cff[cff.fontNames[0]].charset)
            return int(TTFont(io.BytesIO(data), lazy=True)["maxp"].numGlyphs)
        except Exception:  # an unreadable program: judge by glyph 0 only
            return None
    return None


def _font(font: Any) -> _Font:
    base = str(font.get("/BaseFont", "?")).lstrip("/").split("+", 1)[-1]
    descendants = font.get("/DescendantFonts")
    two_byte = descendants is not None
    target = descendants[0] if two_byte else font
    return _Font(base, two_byte, _glyph_count(target.get("/FontDescriptor")), _to_unicode(font))


def _codes(operands: Iterable[Any], two_byte: bool) -> list[int]:
    import pikepdf

    data = b""
    for operand in operands:
        items = list(operand) if isinstance(operand, pikepdf.Array) else [operand]
        data += b"".join(bytes(item) for item in items if isinstance(item, pikepdf.String))
    if two_byte:
        return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)]
    return list(data)


def _walk(
    container: Any, resources: Any, cache: dict[int, _Font], report: GlyphReport, depth: int = 0
) -> None:
    import pikepdf

    if depth > 8:
        return
    fonts = resources.get("/Font", {}) if resources is not None else {}
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    current: _Font | None = None
    for instruction in pikepdf.parse_content_stream(container):
        operands, operator = instruction.operands, instruction.operator
        op = str(operator)
        if op == "Tf" and operands:
            font = fonts.get(str(operands[0]))
            if font is None:
                current = None
                continue
            key = font.objgen[0] or id(font)
            if key not in cache:
                cache[key] = _font(font)
                report.fonts_without_map += not cache[key].to_unicode
            current = cache[key]
        elif op in SHOW and current is not None:
            for code in _codes(operands, current.two_byte):
                bad = code == 0 or (current.glyph_count is not None and code >= current.glyph_count)
                if current.two_byte and code == 0xFFFF:
                    bad = True
                text = current.to_unicode.get(code, "")
                if bad:
                    report.missing += 1
                    if len(report.examples) < 5:
                        shown = " ".join(f"U+{ord(c):04X}" for c in text) or f"glyph {code}"
                        report.examples.append(f"{shown} drawn as .notdef in {current.name}")
                else:
                    report.drawn.update(text)
        elif op == "Do" and operands:
            form = xobjects.get(str(operands[0]))
            if form is not None and form.get("/Subtype") == "/Form":
                _walk(form, form.get("/Resources", resources), cache, report, depth + 1)


def embedded_glyphs(path: str) -> GlyphReport:
    """Decode every page of the PDF at ``path`` against its embedded fonts."""
    import pikepdf

    report = GlyphReport()
    cache: dict[int, _Font] = {}
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            _walk(page, page.obj.get("/Resources"), cache, report)
    return report


def uncovered(source: str, drawn: set[str]) -> list[str]:
    """Characters of ``source`` (spaces and format characters aside) that no embedded glyph draws."""
    import unicodedata

    wanted = {char for char in unicodedata.normalize("NFC", source) if not char.isspace()}
    return sorted(char for char in wanted - drawn if unicodedata.category(char) != "Cf")
