"""Generated cover: title, deck and publisher set in Noto CJK KR with Pillow (deterministic PNG).

Lines break only at spaces (Korean keep-all); a word wider than the line is split by character.
The PNG is palette-quantized and carries no timestamp, so the same IR gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from bookmaker.errors import InputError
from bookmaker.ir import Document
from bookmaker.writers.epub_fonts import SANS, SANS_BOLD, SERIF, Face, locate

WIDTH, HEIGHT = 1200, 1800
MARGIN = 120
PAPER = (247, 244, 238)
INK = (28, 28, 30)
MUTED = (88, 88, 92)
ACCENT = (164, 30, 34)

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


def generate_cover(doc: Document) -> CoverImage | None:
    """The cover PNG of ``doc``, or None when the Noto CJK fonts are not installed."""
    fitted = _fit_title(doc.meta.title, WIDTH - 2 * MARGIN)
    deck_font, small_font = _font(SERIF, 50), _font(SANS, 40)
    if fitted is None or deck_font is None or small_font is None:
        return None
    title_font, title_lines = fitted
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 36), fill=ACCENT)

    y = 260
    if doc.meta.series:
        draw.text((MARGIN, y), " · ".join(doc.meta.series), font=small_font, fill=ACCENT)
        y += 90
    title_step = int(title_font.size * 1.32)
    for line in title_lines:
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += title_step
    y += 40
    draw.rectangle((MARGIN, y, MARGIN + 160, y + 8), fill=ACCENT)
    y += 80
    for deck in doc.meta.subtitles[:4]:
        for line in _wrap(deck, deck_font, WIDTH - 2 * MARGIN):
            if y > HEIGHT - 420:
                break
            draw.text((MARGIN, y), line, font=deck_font, fill=MUTED)
            y += 80
        y += 16

    names = " · ".join(a.name for a in doc.meta.authors if a.name)
    bottom = HEIGHT - 150
    if doc.meta.publisher:
        draw.text((MARGIN, bottom), doc.meta.publisher, font=_font(SANS_BOLD, 48) or small_font, fill=INK)
        bottom -= 80
    if names:
        draw.text((MARGIN, bottom), names, font=small_font, fill=MUTED)
    draw.line(
        (MARGIN, HEIGHT - 260 - (80 if names else 0), WIDTH - MARGIN, HEIGHT - 260 - (80 if names else 0)),
        fill=(200, 196, 188),
        width=3,
    )

    out = io.BytesIO()
    image.quantize(colors=64, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return CoverImage(out.getvalue(), "image/png", "png", WIDTH, HEIGHT)


def load_cover(data: bytes, name: str = "cover") -> CoverImage:
    """A user-supplied cover image, checked to be a PNG, JPEG, GIF or WebP."""
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
