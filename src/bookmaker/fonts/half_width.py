"""Half-width CJK punctuation made the glyphs' own (fontTools; the PDF's subsets, see
:mod:`bookmaker.fonts.subsetting`).

``halt`` positions a glyph (half the advance, an opening bracket moved left) without changing it;
here the advance and the outline's offset that ``halt`` gives become the glyph's own, so a PDF
drawn without the feature sets the punctuation of :data:`~bookmaker.fonts.faces.HALF_WIDTH` half
wide, and text extraction sees no hole or overlap at a bracket.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bookmaker.fonts.faces import HALF_WIDTH

HALF_POINTS = frozenset(map(ord, HALF_WIDTH))


def halve(data: bytes, points: Iterable[int]) -> bytes | None:
    """The OpenType/CFF font ``data`` with the glyphs of ``points`` set as its ``halt`` feature
    places them (fontTools rewrites their charstrings and advances; bounding boxes and timestamps
    are left as they are); None when none changes or the font has no CFF outlines."""
    import io

    import uharfbuzz as hb

    shaped = hb.Font(hb.Face(data))
    changes: dict[int, tuple[int, int]] = {}
    for point in points:
        plain, halved = (_placed(shaped, point, halt) for halt in (False, True))
        if plain != halved and plain[0] == halved[0]:
            changes[halved[0]] = halved[1:]
    if not changes:
        return None
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    # the bounding boxes and the date stay the font's: recomputing the boxes walks every glyph's
    # charstring (seconds for a book's ~2,000 glyphs a face), and the date would differ per build
    ttf = TTFont(io.BytesIO(data), recalcBBoxes=False, recalcTimestamp=False)
    if "CFF " not in ttf:
        return None
    order, metrics = ttf.getGlyphOrder(), ttf["hmtx"]
    charstrings = ttf["CFF "].cff.topDictIndex[0].CharStrings
    glyphs = ttf.getGlyphSet()
    for gid, (advance, offset) in changes.items():
        name = order[gid]
        old = charstrings[name]
        pen = T2CharStringPen(advance, glyphs)
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, 1, offset, 0)))
        charstrings[name] = pen.getCharString(private=old.private, globalSubrs=old.globalSubrs)
        metrics[name] = (advance, metrics[name][1] + offset)
    out = io.BytesIO()
    ttf.save(out)
    return out.getvalue()


def _placed(font: Any, point: int, halt: bool) -> tuple[int, int, int]:
    """(glyph id, advance, x offset) of ``point`` shaped alone, with or without ``halt``."""
    import uharfbuzz as hb

    buffer = hb.Buffer()
    buffer.add_codepoints([point])
    buffer.guess_segment_properties()
    buffer.language = "ko"
    hb.shape(font, buffer, {"halt": halt})
    position = buffer.glyph_positions[0]
    return buffer.glyph_infos[0].codepoint, position.x_advance, position.x_offset
