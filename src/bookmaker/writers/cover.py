"""Generated cover: title, deck and publisher set in Noto CJK KR with Pillow (deterministic PNG).

Lines break only at spaces (Korean keep-all); a word wider than the line is split by character.
The PNG has a fixed palette and carries no timestamp, so the same IR gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from bookmaker.errors import InputError
from bookmaker.ir import Document
from bookmaker.writers.epub_fonts import SANS, SANS_BOLD, SERIF, Face, locate

if TYPE_CHECKING:  # Pillow is imported only when a cover is made or checked
    from PIL import ImageFont

WIDTH, HEIGHT = 1200, 1800
MARGIN = 120
PAPER = (247, 244, 238)
INK = (28, 28, 30)
MUTED = (88, 88, 92)
ACCENT = (164, 30, 34)
RULE = (200, 196, 188)
INKS = (INK, MUTED, ACCENT, RULE)
_INK, _MUTED, _ACCENT, _RULE = range(len(INKS))
LEVELS = 15  # anti-aliasing steps between the paper and each ink (1 + 4 × 15 palette entries)

_MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


@dataclass(frozen=True, slots=True)
class CoverImage:
    """Cover bytes with their media type and file extension."""

    data: bytes
    media_type: str
    extension: str
    width: int
    height: int


@lru_cache(maxsize=32)
def _font(face: Face, size: int) -> ImageFont.FreeTypeFont | None:
    from PIL import ImageFont

    where = locate(face)
    if where is None:
        return None
    return ImageFont.truetype(str(where[0]), size, index=where[1])


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:  # only for a word longer than the whole line
            if current and font.getlength(current + char) > width:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


def _fit_title(text: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]] | None:
    for size in (112, 100, 88, 78, 68, 60):
        font = _font(SANS_BOLD, size)
        if font is None:
            return None
        lines = _wrap(text, font, width)
        if len(lines) <= 4:
            return font, lines
    return font, lines[:5]


class _Canvas:
    """Draws each ink into its own coverage mask; :meth:`png` maps coverage to a fixed palette.

    Quantizing a full-colour 1200×1800 image took ~90 ms; the few inks are known, so each anti-aliased
    pixel is ``PAPER`` blended towards one ink in :data:`LEVELS` steps, and the PNG is written
    straight from palette indices (same look, deterministic, a fraction of the time).
    """

    def __init__(self) -> None:
        from PIL import Image, ImageDraw

        self._masks = [Image.new("L", (WIDTH, HEIGHT), 0) for _ in INKS]
        self._draws = [ImageDraw.Draw(mask) for mask in self._masks]

    def text(self, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, ink: int) -> None:
        self._draws[ink].text(xy, text, font=font, fill=255)

    def rectangle(self, box: tuple[int, int, int, int], ink: int) -> None:
        self._draws[ink].rectangle(box, fill=255)

    def line(self, box: tuple[int, int, int, int], ink: int, width: int) -> None:
        self._draws[ink].line(box, fill=255, width=width)

    def png(self) -> bytes:
        from PIL import Image, ImageChops

        indices = Image.new("L", (WIDTH, HEIGHT), 0)
        for number, mask in enumerate(self._masks):
            box = mask.getbbox()  # only the inked region is mapped
            if box is None:
                continue
            base = 1 + number * LEVELS
            table = [0] + [base + max(round(v * LEVELS / 255), 1) - 1 for v in range(1, 256)]
            indices.paste(ImageChops.lighter(indices.crop(box), mask.crop(box).point(table)), box)
        palette = list(PAPER)
        for ink in INKS:
            for level in range(1, LEVELS + 1):
                palette += [round(p + (i - p) * level / LEVELS) for p, i in zip(PAPER, ink, strict=True)]
        indices.putpalette(palette)
        out = io.BytesIO()
        indices.save(out, format="PNG", compress_level=6)
        return out.getvalue()


def generate_cover(doc: Document) -> CoverImage | None:
    """The cover PNG of ``doc``, or None when the Noto CJK fonts are not installed."""
    fitted = _fit_title(doc.meta.title, WIDTH - 2 * MARGIN)
    deck_font, small_font = _font(SERIF, 50), _font(SANS, 40)
    if fitted is None or deck_font is None or small_font is None:
        return None
    title_font, title_lines = fitted
    canvas = _Canvas()
    canvas.rectangle((0, 0, WIDTH, 36), _ACCENT)

    y = 260
    if doc.meta.series:
        canvas.text((MARGIN, y), " · ".join(doc.meta.series), small_font, _ACCENT)
        y += 90
    title_step = int(title_font.size * 1.32)
    for line in title_lines:
        canvas.text((MARGIN, y), line, title_font, _INK)
        y += title_step
    y += 40
    canvas.rectangle((MARGIN, y, MARGIN + 160, y + 8), _ACCENT)
    y += 80
    for deck in doc.meta.subtitles[:4]:
        for line in _wrap(deck, deck_font, WIDTH - 2 * MARGIN):
            if y > HEIGHT - 420:
                break
            canvas.text((MARGIN, y), line, deck_font, _MUTED)
            y += 80
        y += 16

    names = " · ".join(a.name for a in doc.meta.authors if a.name)
    bottom = HEIGHT - 150
    if doc.meta.publisher:
        canvas.text((MARGIN, bottom), doc.meta.publisher, _font(SANS_BOLD, 48) or small_font, _INK)
        bottom -= 80
    if names:
        canvas.text((MARGIN, bottom), names, small_font, _MUTED)
    rule_y = HEIGHT - 260 - (80 if names else 0)
    canvas.line((MARGIN, rule_y, WIDTH - MARGIN, rule_y), _RULE, 3)
    return CoverImage(canvas.png(), "image/png", "png", WIDTH, HEIGHT)


def load_cover(data: bytes, name: str = "cover") -> CoverImage:
    """A user-supplied cover image, checked to be a PNG, JPEG, GIF or WebP."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind, size = image.format, image.size
    except Exception as exc:
        raise InputError(f"{name}: not a readable image ({type(exc).__name__})") from None
    media_type = _MEDIA_TYPES.get(kind or "")
    if media_type is None:
        raise InputError(f"{name}: cover must be PNG, JPEG, GIF or WebP, not {kind}")
    extension = "jpg" if kind == "JPEG" else (kind or "png").lower()
    return CoverImage(data, media_type, extension, size[0], size[1])
