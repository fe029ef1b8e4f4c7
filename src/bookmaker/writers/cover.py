"""Generated cover: title, deck and publisher set in Noto CJK KR with Pillow (deterministic PNG).

Lines break only at spaces (Korean keep-all); a word wider than the line is split by character.
The PNG has a fixed palette and carries no timestamp, so the same IR gives the same bytes.

The text is drawn from unhinted outlines (hinting does nothing visible at 40–112 px): the face's
working set when it has every character of the cover, else the installed face cut to them. Both
hold the same outlines, so the pixels do not depend on the cache; FreeType draws them ~30 %
faster than the installed, hinted and subroutinized faces, and measures them ~3× faster.

Drawn covers are kept on disk, ``$XDG_CACHE_HOME/bookmaker/covers-<versions>/<key>.png.z`` (the
PNG deflated by zlib): the folder is named for Pillow's version (its FreeType draws the text) and
this module's source, the file for the cover's text and the installed font files (path, size,
modification time). A build of an article whose title, decks and bylines were drawn before (a
rebuild after an edit of the body) reads ~40 KB instead of importing Pillow and drawing (~40 ms).
The last :data:`COVERS_KEPT` covers are kept; ``BOOKMAKER_NO_CACHE=1`` draws every time.
"""

from __future__ import annotations

import hashlib
import io
import os
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bookmaker.cache_folder import cache_root, generation_folder
from bookmaker.errors import InputError
from bookmaker.fonts.discovery import installed_identity
from bookmaker.fonts.faces import SANS, SANS_BOLD, SERIF, Face
from bookmaker.fonts.subsetting import unhinted_outlines
from bookmaker.image_limits import MAX_IMAGE_BYTES, pixel_refusal
from bookmaker.ir import Document

if TYPE_CHECKING:  # Pillow is imported only when a cover is made or checked
    from collections.abc import Iterable

    from PIL import ImageFont

WIDTH, HEIGHT = 1200, 1800
MAX_COVER_BYTES = MAX_IMAGE_BYTES
MARGIN = 120
PAPER = (247, 244, 238)
INK = (28, 28, 30)
MUTED = (88, 88, 92)
ACCENT = (164, 30, 34)
RULE = (200, 196, 188)
INKS = (INK, MUTED, ACCENT, RULE)
_INK, _MUTED, _ACCENT, _RULE = range(len(INKS))
LEVELS = 15  # anti-aliasing steps between the paper and each ink (1 + 4 × 15 palette entries)
COVERS_KEPT = 64  # covers kept on disk (~30–60 KB each)

_MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


@dataclass(frozen=True, slots=True)
class CoverImage:
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
    """The cover drawn with Pillow: the shapes of each ink as anti-aliased coverage in a mask of
    their own, each mask then mapped to its ink's :data:`LEVELS` palette entries (where shapes of
    two inks overlap, the higher entry wins), saved as an 8-bit palette PNG with fixed settings."""

    def __init__(self) -> None:
        from PIL import Image, ImageDraw

        self._masks = [Image.new("L", (WIDTH, HEIGHT)) for _ in INKS]
        self._pens = [ImageDraw.Draw(mask) for mask in self._masks]

    def text(self, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, ink: int) -> None:
        """``text`` with its origin (left, ascender line) at ``xy``."""
        self._pens[ink].text(xy, text, font=font, fill=255)

    def rectangle(self, box: tuple[int, int, int, int], ink: int) -> None:
        """The rectangle from (``box[0]``, ``box[1]``) to (``box[2]``, ``box[3]``), both included."""
        self._pens[ink].rectangle(box, fill=255)

    def png(self) -> bytes:
        """The page as a PNG: the palette entries, :data:`_PALETTE`, no metadata (same bytes each time)."""
        from PIL import Image, ImageChops

        indices = Image.new("L", (WIDTH, HEIGHT))
        for mask, table in zip(self._masks, _TABLES, strict=True):
            box = mask.getbbox()  # only the part this ink touched
            if box is not None:
                inked = mask.crop(box).point(table)
                indices.paste(ImageChops.lighter(indices.crop(box), inked), box)
        indices.putpalette(_PALETTE)  # now a palette image
        out = io.BytesIO()
        # stored, not compressed: Pillow's zlib-ng deflates differently on different CPUs; the EPUB's
        # zip deflates the file with the standard zlib instead (same size, same time)
        indices.save(out, format="PNG", compress_level=0)
        return out.getvalue()


def generate_cover(doc: Document) -> CoverImage | None:
    """The cover PNG of ``doc``, or None when the Noto CJK fonts are not installed."""
    meta = doc.meta
    series, names = " · ".join(meta.series), " · ".join(a.name for a in meta.authors if a.name)
    return draw_cover(meta.title, series, tuple(meta.subtitles[:4]), meta.publisher or "", names)


@lru_cache(maxsize=1)  # the last cover: ``bookmaker preview`` rebuilds after each edit of the body
def draw_cover(
    title: str, series: str, subtitles: tuple[str, ...], publisher: str, names: str
) -> CoverImage | None:
    """The cover of an article with these title, series, decks, publisher and authors, from the
    disk cache when it was drawn before (see the module)."""
    entry = _stored_cover(title, series, *subtitles, publisher, names)
    data = _read_cover(entry) if entry is not None else None
    if data is None:
        data = _draw(title, series, subtitles, publisher, names)
        if data is None:
            return None
        if entry is not None:
            _keep_cover(entry, data)
    return CoverImage(data, "image/png", "png", WIDTH, HEIGHT)


_COVER_FACES = (SANS_BOLD, SERIF, SANS)


def _stored_cover(*text: str) -> Path | None:
    """The cache file of the cover drawn with ``text`` from the installed faces (None: the cache
    is off or unusable, or a face is not installed)."""
    root = cache_root()
    if root is None:
        return None
    fonts = [installed_identity(face) for face in _COVER_FACES]
    if None in fonts:
        return None
    drawing = _source_digest()
    if drawing is None:
        return None
    import PIL

    versions = f"{PIL.__version__}|{drawing}"
    folder = generation_folder(root, f"covers-{zlib.crc32(versions.encode()):08x}")
    if folder is None:
        return None
    key = "\0".join([*map(str, fonts), *text]).encode()
    return folder / f"{hashlib.sha256(key).hexdigest()[:32]}.png.z"


@lru_cache(maxsize=1)
def _source_digest() -> str | None:
    """A digest of this module's source: another drawing makes another cache generation (None:
    the source cannot be read, and covers are not kept)."""
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    except OSError:
        return None


def _read_cover(entry: Path) -> bytes | None:
    """The PNG stored in ``entry`` when it is there and whole (zlib checks the data)."""
    try:
        return zlib.decompress(entry.read_bytes())
    except (OSError, zlib.error):
        return None


def _keep_cover(entry: Path, data: bytes) -> None:
    """Store ``data`` in ``entry`` and forget all but the last :data:`COVERS_KEPT` covers; give up
    silently on failure."""
    from bookmaker.writers.atomic import write_atomic

    try:
        write_atomic(entry, zlib.compress(data, 1))
        stored = sorted(entry.parent.glob("*.png.z"), key=lambda path: path.stat().st_mtime_ns)
        for old in stored[:-COVERS_KEPT]:
            os.unlink(old)
    except Exception:
        return


def _draw(title: str, series: str, subtitles: tuple[str, ...], publisher: str, names: str) -> bytes | None:
    """The cover's PNG (see :func:`draw_cover`), None when the Noto CJK fonts are not installed."""
    fonts = _Fonts([title, series, *subtitles, publisher, names])  # all drawn
    fitted = _fit_title(title, WIDTH - 2 * MARGIN, fonts)
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
    for deck in subtitles:
        for line in _wrap(deck, deck_font, WIDTH - 2 * MARGIN):
            if y > HEIGHT - 420:
                break
            canvas.text((MARGIN, y), line, deck_font, _MUTED)
            y += 80
        y += 16

    bottom = HEIGHT - 150
    if publisher:
        canvas.text((MARGIN, bottom), publisher, fonts(SANS_BOLD, 48) or small_font, _INK)
        bottom -= 80
    if names:
        canvas.text((MARGIN, bottom), names, small_font, _MUTED)
    rule_y = HEIGHT - 260 - (80 if names else 0)
    canvas.rectangle((MARGIN, rule_y - 1, WIDTH - MARGIN, rule_y + 1), _RULE)  # a 3-pixel rule
    return canvas.png()


def load_cover(data: bytes, name: str = "cover") -> CoverImage:
    """A user-supplied cover image, checked to be a PNG, JPEG, GIF or WebP."""
    from PIL import Image

    too_large = pixel_refusal(data)
    if too_large is not None:
        raise InputError(f"{name}: {too_large}")
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
