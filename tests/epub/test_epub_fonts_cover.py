"""Font subsetting (coverage, caching, laziness) and the generated cover."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from epub_support import FIXTURES, MOMENT, load_article
from fontTools.ttLib import TTFont
from PIL import Image

from bookmaker.fonts.faces import SANS, SANS_BOLD, SERIF
from bookmaker.writers.cover import generate_cover, load_cover
from bookmaker.writers.epub import write_epub
from bookmaker.writers.epub_fonts import face_characters, subset_fonts


def wanted_characters(doc):
    """Per face, what the built EPUB's pages draw with it (the writer's own computation, redone)."""
    with zipfile.ZipFile(io.BytesIO(write_epub(doc, modified=MOMENT).data)) as archive:
        pages = [archive.read(name) for name in archive.namelist() if name.endswith(".xhtml")]
        css = [archive.read(name).decode() for name in archive.namelist() if name.endswith("book.css")]
    return face_characters(pages, css)


def embedded_fonts(doc):
    fonts, warnings = subset_fonts(wanted_characters(doc))
    assert warnings == []
    return fonts


def test_fonts_cover_every_character_and_the_spaces(article):
    wanted = wanted_characters(load_article(article))
    fonts, _ = subset_fonts(wanted)
    assert fonts
    for font in fonts:
        cmap = TTFont(io.BytesIO(font.data)).getBestCmap()
        missing = [c for c in wanted[font.face] if ord(c) not in cmap]
        assert missing == [], (font.face.key, missing)
        assert {0x20, 0xA0} <= set(cmap), font.face.key  # word spaces are the face's own


def test_subsets_are_small_cff_without_hinting():
    fonts = embedded_fonts(load_article("seed"))
    assert [f.face for f in fonts] == [SERIF, SANS, SANS_BOLD]
    for font in fonts:
        parsed = TTFont(io.BytesIO(font.data))
        assert "CFF " in parsed and not {"fpgm", "prep", "cvt "} & set(parsed.keys())
        assert font.glyphs < 1000 and len(font.data) < 150_000
        top = parsed["CFF "].cff.topDictIndex[0]
        privates = [fd.Private for fd in top.FDArray] if hasattr(top, "FDArray") else [top.Private]
        assert not [p for p in privates if "BlueValues" in p.rawDict]  # hint zones dropped


def test_subsets_cached_within_a_process():
    wanted = wanted_characters(load_article("many-headings"))
    first, _ = subset_fonts(wanted)
    second, _ = subset_fonts(wanted)
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_a_character_the_face_lacks_is_reported():
    fonts, warnings = subset_fonts({SERIF: frozenset("가나\U0001f600 ")})
    assert [f.face for f in fonts] == [SERIF]
    assert len(warnings) == 1 and "Noto Serif CJK KR has no glyph for 1 character" in warnings[0]


def test_import_loads_no_font():
    code = (
        "import bookmaker.writers.epub, bookmaker.writers.cover, bookmaker.fonts.discovery as f;"
        "print(f.blob.cache_info().currsize, f.font_files.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0"]


def test_cover_is_deterministic_png():
    doc = load_article("seed")
    cover = generate_cover(doc)
    assert cover is not None and cover.media_type == "image/png"
    assert cover.data == generate_cover(load_article("seed")).data
    with Image.open(io.BytesIO(cover.data)) as image:
        assert image.size == (1200, 1800)
        assert len(image.getcolors(256) or []) > 4  # text was drawn, not a blank page
    assert cover.data != generate_cover(load_article("no-meta")).data


def test_load_cover_rejects_non_images():
    from bookmaker.errors import InputError

    with pytest.raises(InputError):
        load_cover(b"%PDF-1.7", "x.pdf")


def test_build_without_installed_fonts(tmp_path):
    """No Noto CJK on the machine: the EPUB is still built, without fonts or generated cover."""
    env = {**os.environ, "BOOKMAKER_FONT_DIRS": str(tmp_path), "SOURCE_DATE_EPOCH": "0"}
    command = [
        sys.executable,
        "-m",
        "bookmaker",
        "build",
        str(FIXTURES / "no-meta.json"),
        "-o",
        str(tmp_path / "out"),
        "--to",
        "epub",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("warning: Noto CJK KR fonts not found") == 2
    with zipfile.ZipFile(tmp_path / "out" / "no-meta.epub") as archive:
        names = archive.namelist()
    assert not [n for n in names if "fonts/" in n or "cover" in n]
