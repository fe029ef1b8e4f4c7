"""The generated cover's PNG: a zlib stream joined from pieces (blank rows cached) that decodes exactly."""

from __future__ import annotations

import io
import random
import struct
import zlib

from epub_support import load_article
from PIL import Image

from bookmaker.writers.cover import _adler32_zeros, generate_cover, palette_png


def _idat(data: bytes) -> bytes:
    """The joined IDAT of a PNG, every chunk's CRC checked."""
    position, idat = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        end = position + 8 + length
        kind, body = data[position + 4 : position + 8], data[position + 8 : end]
        assert struct.pack(">I", zlib.crc32(kind + body)) == data[end : end + 4]
        idat += body if kind == b"IDAT" else b""
        position = end + 4
    return idat


def test_adler32_of_zeros_matches_zlib():
    rng = random.Random(3)
    for count in (0, 1, 1201, 128 * 1201, 2_000_000):
        start = zlib.adler32(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))))
        assert _adler32_zeros(start, count) == zlib.adler32(bytes(count), start)


def test_blank_runs_decode_to_zero_rows():
    rng = random.Random(5)
    width, height, palette = 300, 700, [rng.randrange(256) for _ in range(4 * 3)]
    rows = [bytes([0, *(rng.randrange(4) for _ in range(width))]) for _ in range(40)]
    pieces: list[bytes | int] = [3, rows[0], 130, b"".join(rows[1:30]), 1, 256, rows[30], 279]
    pixels = b"".join(bytes(n * (width + 1)) if isinstance(n, int) else n for n in pieces)
    assert len(pixels) == (width + 1) * height
    data = palette_png(pieces, width, height, palette)
    assert zlib.decompress(_idat(data)) == pixels  # zlib checks the Adler-32
    with Image.open(io.BytesIO(data)) as image:
        indices = image.tobytes()
    assert indices == b"".join(pixels[y * (width + 1) + 1 : (y + 1) * (width + 1)] for y in range(height))


def test_cover_stream_is_valid_and_small():
    data = generate_cover(load_article("seed")).data
    raw = zlib.decompress(_idat(data))
    assert len(raw) == 1201 * 1800 and not raw[::1201].strip(b"\0")  # filter type 0 on every row
    assert 20_000 < len(data) < 40_000


def test_overlapping_shapes_keep_the_higher_index():
    from bookmaker.writers.cover import _ACCENT, _INK, _RULE, _TABLES, _Canvas

    canvas = _Canvas()
    canvas.rectangle((10, 10, 29, 19), _RULE)
    canvas.rectangle((20, 15, 39, 24), _INK)  # overlaps the first: a lower index there
    canvas.rectangle((0, 1700, 5, 1799), _ACCENT)
    with Image.open(io.BytesIO(canvas.png())) as image:
        pixels = image.load()
        assert pixels[25, 17] == pixels[15, 12] == _TABLES[_RULE][255]
        assert pixels[35, 22] == _TABLES[_INK][255] < _TABLES[_RULE][255]
        assert pixels[3, 1799] == _TABLES[_ACCENT][255] and pixels[50, 50] == pixels[6, 1750] == 0
