"""Subsets: each face cut down with HarfBuzz to the characters a document (or a cover) draws.

A cut is made from the face's working set when that covers the document
(:mod:`bookmaker.fonts.working_set`), else from the installed face: the same bytes either way.
Subsets are plain OpenType/CFF without hinting or subroutines and keep the source face's ``head``
timestamps, so the bytes are reproducible.

EPUB: the most widely supported EPUB font type (RMSDK, Kobo, Apple Books), and after the zip's
deflate within ~15 % of WOFF2.

PDF: WeasyPrint subsets embedded fonts with HarfBuzz but keeps glyph ids (``RETAIN_GIDS``), so each
CJK face it embeds still carries ~63 000 glyph slots: 140–185 KB a face for a few hundred glyphs
(the seed's PDF: 476 KB). Each face is first cut down to the characters of the final HTML (glyphs
renumbered, no vertical metrics, layout tables and features kept) and those small fonts stand in
for the installed faces (:mod:`bookmaker.fonts.weasyprint_adapter`); WeasyPrint embeds *them* (the
seed's PDF: 75 KB). Their advances, ``GSUB``/``GPOS`` lookups and line metrics are the source
face's, so Pango shapes exactly what :class:`bookmaker.fonts.shaping.Shaper` measured. Each face
gets every character the HTML could draw: one left out would be drawn blank, not in the installed
face, because WeasyPrint embeds one font per family, weight and style (a per-face narrower set drew
국 as .notdef when tried). ``bookmaker check`` counts such glyphs. The monospace face (code) is cut
only for a document that has code (a ``<code>`` element), as in the EPUB.

Half-width punctuation: the PDF sets the full-width CJK brackets and punctuation of
:data:`~bookmaker.fonts.faces.HALF_WIDTH` (「」『』《》〈〉 …) at the half widths the face's ``halt``
feature gives, and the breaker measures them so (:class:`bookmaker.fonts.shaping.Shaper`). ``halt``
positions a glyph (half the advance, an opening bracket moved left) without changing it, so a PDF
drawn with it keeps 1 em glyph widths and text extraction sees a hole or an overlap at every
bracket; instead a document that has any gets those glyphs *made* half-width (advance halved,
outline moved, :mod:`bookmaker.fonts.half_width`): its subset is cut from the face's working set
halved once (:func:`~bookmaker.fonts.working_set.halved_working_set`, ~3–10 ms the four faces), or,
with characters beyond the working set, halved after the cut (~40–70 ms the four faces).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bookmaker.fonts.discovery import source_face
from bookmaker.fonts.faces import FACES, FALLBACKS, MONO, Face
from bookmaker.fonts.fallback import holders
from bookmaker.fonts.half_width import HALF_POINTS, halve
from bookmaker.fonts.subset_request import subset_request
from bookmaker.fonts.working_set import FEATURES, halved_source, source_for, stored_working_set

# PDF: always kept are printable ASCII, counters, list markers and quotes CSS may generate
_ALWAYS = frozenset(map(ord, "".join(chr(c) for c in range(0x20, 0x7F)) + "•◦▪–—·…“”‘’«»"))
_DROP_TABLES = ("vmtx", "vhea", "VORG", "DSIG")


@dataclass(frozen=True, slots=True)
class FontSubset:
    """A face cut down for one document: the font file's bytes and its glyph count."""

    face: Face
    data: bytes
    glyphs: int


def cut(
    face: Face, codepoints: Iterable[int], *, features: Iterable[str] = (), drop_tables: Iterable[str] = ()
) -> Any:
    """HarfBuzz's subset of the installed ``face`` to ``codepoints`` (:func:`subset_request`),
    keeping the extra layout ``features`` and dropping ``drop_tables``; None when the face is not
    installed or cannot be cut.

    The cut is made from the face's working set when it covers the document: the same bytes, ~4.5×
    faster. A working set has no hints or subroutines left, so HarfBuzz is not asked to remove them
    (seed, three EPUB faces: 2.0 → 1.65 ms; four PDF faces: 4.25 → 3.4 ms).
    """
    import uharfbuzz as hb

    wanted = set(codepoints)
    features = tuple(features)
    source = source_face(face) if face in FALLBACKS else source_for(face, wanted, features)
    if source is None:
        return None
    plain = source is not source_face(face)
    request = subset_request(wanted, features=features, drop_tables=drop_tables, plain_source=plain)
    return hb.subset(source, request)


def _subset(face: Face, codepoints: Iterable[int], **options: Iterable[str]) -> FontSubset | None:
    result = cut(face, codepoints, **options)
    return None if result is None else FontSubset(face, bytes(result.blob.data), result.glyph_count)


@lru_cache(maxsize=64)
def epub_subset(face: Face, characters: frozenset[str]) -> FontSubset | None:
    """``face`` cut down to ``characters`` (spaces included: a reading system draws word spaces
    with the face's own space glyph, when it has one) for the EPUB, or None if it is not installed.

    HarfBuzz's subsetter: a few ms a face where fontTools took ~0.7 s. Cached by (face, characters)
    for repeated builds in one process; ``bench/run.py`` clears the cache inside its timings.
    """
    return _subset(face, map(ord, characters))


def subset_codepoints(font: FontSubset) -> frozenset[int]:
    """The characters ``font`` has glyphs for (its cmap)."""
    import uharfbuzz as hb

    return frozenset(hb.Face(font.data).unicodes)


def codepoints(document_html: str) -> frozenset[int]:
    """Every code point the HTML (text, attributes, inline CSS) can put on a page."""
    return frozenset(map(ord, set(html.unescape(document_html)))) | _ALWAYS


def pdf_faces(document_html: str) -> tuple[Face, ...]:
    """The faces the PDF of ``document_html`` embeds: :data:`FACES`, and the monospace face when
    the document has code."""
    return (*FACES, MONO) if "<code" in document_html else FACES


def pdf_subsets(document_html: str) -> list[FontSubset]:
    """Every installed face the document uses (:func:`pdf_faces`) cut down to the characters of
    ``document_html``: :func:`pdf_subsets_for`."""
    return list(pdf_subsets_for(codepoints(document_html), pdf_faces(document_html)))


@lru_cache(maxsize=2)
def pdf_subsets_for(
    wanted: frozenset[int], faces: tuple[Face, ...] = (*FACES, MONO)
) -> tuple[FontSubset, ...]:
    """``faces`` cut down to the code points ``wanted`` (e.g. every part of a book rendered in
    chunks: one subset per face for the whole book), keeping the CJK proportional-spacing features
    (:data:`FEATURES`), without vertical metrics, the punctuation of
    :data:`~bookmaker.fonts.faces.HALF_WIDTH` made half-width (not in the monospace face: code
    keeps its grid, and the breaker measures it so). The last two cuts are kept for the next
    document with the same characters in this process (a preview's rebuild after an edit, a worker's
    next part of a book: ~7 ms a seed); ``bench/run.py`` clears them inside its timings."""
    halved = wanted & HALF_POINTS
    cuts = [_pdf_subset(face, wanted, halved if face in FACES else frozenset()) for face in faces]
    fonts = [font for font in cuts if font]
    return (*fonts, *fallback_subsets(wanted, fonts))


def fallback_subsets(wanted: frozenset[int], fonts: Iterable[FontSubset]) -> list[FontSubset]:
    """The fallback faces (:data:`~bookmaker.fonts.faces.FALLBACKS`) that draw a character of
    ``wanted`` one of the CJK subsets ``fonts`` lacks, each cut to all of ``wanted`` it holds: Pango
    may ask it for any character a face before it in a font stack lacks, and WeasyPrint embeds one
    font per family (a character left out would be drawn blank, not by the installed face). None
    for a document the CJK faces cover (no fallback face is even opened)."""
    lacking = set().union(*(wanted - subset_codepoints(font) for font in fonts))
    needed, _ = holders(lacking) if lacking else ({}, frozenset())
    cuts = (_subset(face, wanted, drop_tables=_DROP_TABLES) for face in needed)
    return [font for font in cuts if font]


def _pdf_subset(face: Face, wanted: frozenset[int], halved: frozenset[int]) -> FontSubset | None:
    """One face of :func:`pdf_subsets_for`, the punctuation ``halved`` made half-width: cut from
    the face's halved working set when its working set covers ``wanted``, else halved after the cut."""
    if not halved:
        return _subset(face, wanted, features=FEATURES, drop_tables=_DROP_TABLES)
    ready = halved_source(face, set(wanted))
    if ready is None:
        font = _subset(face, wanted, features=FEATURES, drop_tables=_DROP_TABLES)
        return None if font is None else half_width(font, halved)
    import uharfbuzz as hb

    request = subset_request(wanted, features=FEATURES, drop_tables=_DROP_TABLES, plain_source=True)
    result = hb.subset(ready, request)
    return FontSubset(face, bytes(result.blob.data), result.glyph_count)


def half_width(font: FontSubset, points: Iterable[int]) -> FontSubset:
    """``font`` with the glyphs of ``points`` set as its ``halt`` feature places them
    (:func:`~bookmaker.fonts.half_width.halve`)."""
    data = halve(font.data, points)
    return font if data is None else FontSubset(font.face, data, font.glyphs)


def unhinted_outlines(face: Face, points: frozenset[int]) -> bytes | None:
    """A font file with unhinted outlines of ``face`` for ``points`` (to draw a cover): its working
    set when that is stored and has them all, else the installed face cut to them; None when it is
    not installed."""
    found = stored_working_set(face)
    if found is not None and source_for(face, set(points)) is found.face:
        return found.data
    return None if source_face(face) is None else plain_cut(face, points)


@lru_cache(maxsize=8)
def plain_cut(face: Face, points: frozenset[int]) -> bytes | None:
    """The installed ``face`` cut to ``points`` as the working sets are: no hints, no subroutines."""
    import uharfbuzz as hb

    try:
        return bytes(hb.subset(source_face(face), subset_request(points)).blob.data)
    except Exception:  # a face HarfBuzz cannot cut: no cover, as when it is not installed
        return None
