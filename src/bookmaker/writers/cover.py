"""Generated cover: title, deck and publisher set in Noto CJK KR with Pillow (deterministic PNG).

Lines break only at spaces (Korean keep-all); a word wider than the line is split by character.
The PNG has a fixed palette and carries no timestamp, so the same IR gives the same bytes.

The text is drawn from unhinted outlines (hinting does nothing visible at 40–112 px): the face's
working set when it has every character of the cover, else the installed face cut to them. Both
hold the same outlines, so the pixels do not depend on the cache; FreeType draws them ~30 %
faster than the installed, hinted and subroutinized faces, and measures them ~3× faster.
"""

from __future__ import annotations

import io
import struct
from functools import lru_cache
from typing import TYPE_CHECKING

import msgspec

from bookmaker.errors import InputError
from bookmaker.fonts.faces import SANS, SANS_BOLD, SERIF, Face
from bookmaker.fonts.subsetting import unhinted_outlines
from bookmaker.ir import Document
from bookmaker.writers.deflate import adler32, crc32, deflate_piece

if TYPE_CHECKING:  # Pillow is imported only when a cover is made or checked
    from collections.abc import Iterable, Iterator

    from PIL import Image, ImageFont

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


# msgspec.Struct rather than a dataclass: defined at import in ~20 µs instead of ~0.4 ms
class CoverImage(msgspec.Struct, frozen=True):
    """Cover bytes with their media type and file extension."""

    data: bytes
    media_type: str
    extension: str
    width: int
    height: int


class _Fonts:
    """The faces a cover is set in, at any size, drawn from outlines that hold its characters."""

    def __init__(self, text: Iterable[str]) -> None:
        self._points = frozenset(ord(char) for part in text for char in part)  # spaces too
        self._outlines: dict[Face, bytes | None] = {}

    def __call__(self, face: Face, size: int) -> ImageFont.FreeTypeFont | None:
        if face not in self._outlines:
            self._outlines[face] = unhinted_outlines(face, self._points)
        data = self._outlines[face]
        return None if data is None else _font(data, size)


@lru_cache(maxsize=32)
def _font(data: bytes, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(io.BytesIO(data), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """``text`` in lines at most ``width`` wide: one measure when it fits on one line, as a deck does."""
    words = text.split()
    whole = " ".join(words)
    if font.getlength(whole) <= width:  # word by word gives the same: no prefix is wider than the whole
        return [whole] if whole else []
    return _break(words, font, width)


def _break(words: list[str], font: ImageFont.FreeTypeFont, width: int, limit: int = 0) -> list[str]:
    """Greedy lines of ``words`` at most ``width`` wide; a word wider than a line is split by character.

    With a ``limit``, only the first ``limit`` lines: the words after them are not measured.
    """
    lines: list[str] = []
    current = ""
    for word in words:
        if limit and len(lines) >= limit:
            return lines[:limit]
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
            if font.getlength(word) <= width:  # one measure, not one per character
                current = word
                continue
        for char in word:  # only for a word longer than the whole line
            if current and font.getlength(current + char) > width:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines[:limit] if limit else lines


_TITLE_SIZES = (112, 100, 88, 78, 68, 60)


def _fit_title(text: str, width: int, fonts: _Fonts) -> tuple[ImageFont.FreeTypeFont, list[str]] | None:
    """The largest title size that sets ``text`` in at most 4 lines (else 5 lines at the smallest)."""
    words = text.split()
    whole = " ".join(words)
    for size in _TITLE_SIZES:
        font = fonts(SANS_BOLD, size)
        if font is None:
            return None
        if size != _TITLE_SIZES[-1] and _far_too_long(whole, font, 4 * width):
            continue
        lines = _break(words, font, width, 5)  # a title rarely fits on one line
        if len(lines) <= 4 or size == _TITLE_SIZES[-1]:
            return font, lines
    return None  # not reached: the smallest size returns


def _far_too_long(text: str, font: ImageFont.FreeTypeFont, room: int) -> bool:
    """Whether ``text`` surely needs more than ``room`` across its lines: a line break saves only
    a space (< 1 em). One measure, taken only when the text has more characters than ems in room."""
    em = int(font.size)
    return len(text) * em > room and font.getlength(text) > room + 4 * em


def _palette() -> list[int]:
    palette = list(PAPER)
    for ink in INKS:
        for level in range(1, LEVELS + 1):
            palette += [round(p + (i - p) * level / LEVELS) for p, i in zip(PAPER, ink, strict=True)]
    return palette


_PALETTE = _palette()
# per ink: coverage 0–255 → palette index (0 is the paper; any coverage gets at least the first step)
_TABLES = [
    [0] + [1 + number * LEVELS + max(round(v * LEVELS / 255), 1) - 1 for v in range(1, 256)]
    for number in range(len(INKS))
]


class _Canvas:
    """Palette indices drawn straight into one image; each ink anti-aliased in :data:`LEVELS` steps.

    Quantizing a full-colour 1200×1800 image took ~90 ms; the few inks are known, so each
    anti-aliased pixel is ``PAPER`` blended towards one ink. Each shape is drawn as coverage into
    a mask just its size, mapped to its ink's indices and merged (the higher index wins), so only
    the inked pixels are touched. The rows a shape touched are noted: :func:`palette_png` deflates
    only those, and the blank rows between them (most of the page) come from a cache.
    """

    def __init__(self) -> None:
        from PIL import Image

        # column 0 stays 0: each row's bytes are then a PNG scanline (filter type 0, "none");
        # None: zeroed memory, untouched until drawn on (filling with 0 costs ~1 ms in a new process)
        self._indices = Image.new("L", (WIDTH + 1, HEIGHT), None)
        self._inked = bytearray(HEIGHT)  # 1 for each row a shape touched

    def _stamp(self, left: int, top: int, mask: Image.Image, ink: int) -> None:
        """Merge the coverage ``mask`` placed at (``left``, ``top``) as ``ink``'s indices."""
        inked = mask.getbbox()
        if inked is None:
            return
        box = (
            max(left + inked[0], 0),
            max(top + inked[1], 0),
            min(left + inked[2], WIDTH),
            min(top + inked[3], HEIGHT),
        )
        if box[0] >= box[2] or box[1] >= box[3]:
            return
        crop = (box[0] - left, box[1] - top, box[2] - left, box[3] - top)
        if crop != (0, 0, *mask.size):
            mask = mask.crop(crop)
        mapped = mask._new(mask.im.point(_TABLES[ink], None))  # Image.point rounds the 256 entries anew
        target = (box[0] + 1, box[1], box[2] + 1, box[3])  # past the filter-type column
        if self._inked.find(1, box[1], box[3]) >= 0:  # rows drawn on before: the higher index wins
            from PIL import ImageChops

            mapped = ImageChops.lighter(self._indices.crop(target), mapped)
        self._indices.paste(mapped, target)
        self._inked[box[1] : box[3]] = b"\1" * (box[3] - box[1])

    def text(self, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, ink: int) -> None:
        """``text`` with its origin (left, ascender line) at ``xy``, as ``ImageDraw.text`` sets it."""
        from PIL import Image

        coverage, offset = font.getmask2(text, "L")  # rendered once, just the text's size
        self._stamp(xy[0] + offset[0], xy[1] + offset[1], Image.Image()._new(coverage), ink)

    def rectangle(self, box: tuple[int, int, int, int], ink: int) -> None:
        from PIL import Image

        x0, y0, x1, y1 = box
        if x1 >= x0 and y1 >= y0:
            self._stamp(x0, y0, Image.new("L", (x1 - x0 + 1, y1 - y0 + 1), 255), ink)

    def _scanlines(self) -> Iterator[bytes | int]:
        """The inked rows' bytes, and the count of each run of blank rows between them."""
        marks, top = self._inked, 0
        while top < HEIGHT:
            if marks[top]:
                bottom = _find(marks, 0, top)
                yield self._indices.crop((0, top, WIDTH + 1, bottom)).tobytes()
            else:
                bottom = _find(marks, 1, top)
                yield bottom - top
            top = bottom

    def png(self) -> bytes:
        """The indices and :data:`_PALETTE` as an 8-bit palette PNG (see :func:`palette_png`)."""
        return palette_png(self._scanlines(), WIDTH, HEIGHT, _PALETTE)


def _find(marks: bytearray, value: int, start: int) -> int:
    found = marks.find(value, start)
    return len(marks) if found < 0 else found


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc32(kind + data))


_BLANK_ROWS = 128  # a long run of blank rows is made of pieces this tall and one shorter piece


@lru_cache(maxsize=2 * _BLANK_ROWS)
def _blank(size: int) -> bytes:
    """:func:`deflate_piece` of ``size`` zero bytes (made once per process and size)."""
    return deflate_piece(bytes(size))


def _adler32_zeros(adler: int, count: int) -> int:
    """``zlib.adler32`` of ``count`` zero bytes more: the sum stays, the sum of sums grows."""
    low, high = adler & 0xFFFF, adler >> 16
    return ((high + count * low) % 65521) << 16 | low


def palette_png(scanlines: Iterable[bytes | int], width: int, height: int, palette: list[int]) -> bytes:
    """An 8-bit palette PNG: ``scanlines`` (in pieces) are ``height`` rows of a 0 (filter type
    none) and ``width`` palette indices, a number standing for that many rows of index 0;
    ``palette`` is R, G, B, … of each index.

    Written here rather than by Pillow's ``Image.save``, which first imports five image plugins
    (~5 ms a process): IHDR, PLTE, one IDAT and IEND; no timestamps or other chunks. The IDAT's
    zlib stream is pieces deflated apart by :func:`deflate_piece` (fast rather than small: the
    zip deflates the PNG once more), each ended by a full flush so that they can be joined, blank
    rows from a per-process cache; then an empty final block and the Adler-32 of all the rows.
    """
    stride = width + 1
    size, adler, idat = 0, 1, [b"\x78\x01"]  # zlib header: deflate, 32K window
    for piece in scanlines:
        if isinstance(piece, int):
            size += piece * stride
            adler = _adler32_zeros(adler, piece * stride)
            whole, rest = divmod(piece, _BLANK_ROWS)
            idat += [_blank(_BLANK_ROWS * stride)] * whole + ([_blank(rest * stride)] if rest else [])
        else:
            size += len(piece)
            adler = adler32(piece, adler)
            idat.append(deflate_piece(piece))
    if size != stride * height:
        raise ValueError("scanlines do not match the image size")
    idat += [b"\x03\x00", struct.pack(">I", adler)]  # the last block (empty, fixed codes), check
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit palette, no interlace
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"PLTE", bytes(palette)),
            _chunk(b"IDAT", b"".join(idat)),
            _chunk(b"IEND", b""),
        ]
    )


def generate_cover(doc: Document) -> CoverImage | None:
    """The cover PNG of ``doc``, or None when the Noto CJK fonts are not installed."""
    meta = doc.meta
    series, names = " · ".join(meta.series), " · ".join(a.name for a in meta.authors if a.name)
    fonts = _Fonts([meta.title, series, *meta.subtitles[:4], meta.publisher or "", names])  # all drawn
    fitted = _fit_title(meta.title, WIDTH - 2 * MARGIN, fonts)
    deck_font, small_font = fonts(SERIF, 50), fonts(SANS, 40)
    if fitted is None or deck_font is None or small_font is None:
        return None
    title_font, title_lines = fitted
    canvas = _Canvas()
    canvas.rectangle((0, 0, WIDTH, 36), _ACCENT)

    y = 260
    if series:
        canvas.text((MARGIN, y), series, small_font, _ACCENT)
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

    bottom = HEIGHT - 150
    if doc.meta.publisher:
        canvas.text((MARGIN, bottom), doc.meta.publisher, fonts(SANS_BOLD, 48) or small_font, _INK)
        bottom -= 80
    if names:
        canvas.text((MARGIN, bottom), names, small_font, _MUTED)
    rule_y = HEIGHT - 260 - (80 if names else 0)
    canvas.rectangle((MARGIN, rule_y - 1, WIDTH - MARGIN, rule_y + 1), _RULE)  # a 3-pixel rule
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
