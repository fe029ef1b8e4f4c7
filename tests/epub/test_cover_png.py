"""The generated cover's PNG: a palette image of the paper and the four inks, without metadata."""

from __future__ import annotations

import io
import zlib

from epub_support import load_article
from PIL import Image

from bookmaker.writers.cover import ACCENT, HEIGHT, INK, PAPER, WIDTH, generate_cover


def test_cover_is_a_small_palette_png_in_the_house_colours():
    """Stored (Pillow's zlib-ng output differs between CPUs): the EPUB's zip deflates it to ~30 KB."""
    cover = generate_cover(load_article("seed"))
    assert cover is not None and 15_000 < len(zlib.compress(cover.data, 6)) < 40_000
    with Image.open(io.BytesIO(cover.data)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "P", (WIDTH, HEIGHT))
        assert image.info == {}  # no timestamp, text or other metadata
        pixels = image.convert("RGB")
    assert pixels.getpixel((600, 10)) == ACCENT  # the bar across the top
    assert pixels.getpixel((600, 1000)) == PAPER
    colours = {colour for _, colour in pixels.getcolors(256) or []}
    assert INK in colours and len(colours) > 20  # the title, anti-aliased


def test_overlapping_shapes_keep_the_higher_entry():
    from bookmaker.writers.cover import _ACCENT, _INK, _RULE, _TABLES, _Canvas

    canvas = _Canvas()
    canvas.rectangle((10, 10, 29, 19), _RULE)
    canvas.rectangle((20, 15, 39, 24), _INK)  # overlaps the first: a lower entry there
    canvas.rectangle((0, 1700, 5, 1799), _ACCENT)
    with Image.open(io.BytesIO(canvas.png())) as image:
        pixels = image.load()
        assert pixels[25, 17] == pixels[15, 12] == _TABLES[_RULE][255]
        assert pixels[35, 22] == _TABLES[_INK][255] < _TABLES[_RULE][255]
        assert pixels[3, 1799] == _TABLES[_ACCENT][255] and pixels[50, 50] == pixels[6, 1750] == 0
