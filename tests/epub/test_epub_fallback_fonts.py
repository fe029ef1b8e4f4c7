"""Symbols the Noto CJK faces lack (✗ ♞ ⇶ ⠓) are embedded from the fallback chain (Noto Sans Symbols2,
Noto Sans Symbols, Noto Sans Math), named in the font stacks and the licence; what no face holds
(🙂) is still warned about."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from epub_support import MOMENT
from fontTools.ttLib import TTFont
from tests.conftest import epubcheck

from bookmaker.fonts.discovery import locate
from bookmaker.fonts.faces import FALLBACKS, SERIF
from bookmaker.fonts.fallback import with_fallbacks
from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.writers.epub import write_epub
from bookmaker.writers.epub_fonts import subset_fonts

SYMBOLS2, _SYMBOLS, MATH = FALLBACKS
TEXT = "완료 ✓ 실패 ✗ 전화 ☎ 02-123-4567, 체스 ♞ 화살표 ⇶ 점자 ⠓ 웃음 🙂."

pytestmark = pytest.mark.skipif(
    any(locate(face) is None for face in (SERIF, SYMBOLS2, MATH)), reason="fonts-noto-core not installed"
)


def _book() -> Document:
    return Document(meta=Meta(title="기호 시험"), blocks=[Paragraph(content=text_runs(TEXT))])


def _cmap(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def test_subsets_cover_what_the_cjk_face_lacks_and_warn_only_for_the_rest() -> None:
    fonts, warnings = subset_fonts({SERIF: frozenset("가✓✗♞⇶⠓🙂 ")})
    assert [font.face for font in fonts] == [SERIF, SYMBOLS2, MATH]
    serif, symbols2, math = (_cmap(font.data) for font in fonts)
    assert ord("✓") in serif and ord("✗") not in serif
    assert {ord(c) for c in "✗♞⠓"} <= symbols2 and ord("⇶") not in symbols2
    assert ord("⇶") in math
    assert len(warnings) == 1 and "1 character(s)" in warnings[0] and "(🙂)" in warnings[0]


def test_epub_embeds_the_fallback_faces_and_passes_epubcheck(tmp_path: Path) -> None:
    written = write_epub(_book(), modified=MOMENT)
    assert [w for w in written.warnings if "no glyph" in w] == [
        next(w for w in written.warnings if "🙂" in w)
    ]
    assert not any(char in w for w in written.warnings for char in "✗♞⇶⠓")
    with zipfile.ZipFile(io.BytesIO(written.data)) as book:
        names = book.namelist()
        fonts_css = book.read("EPUB/style/fonts.css").decode()
        book_css = book.read("EPUB/style/book.css").decode()
        licence = book.read("EPUB/font-license.xhtml").decode()
        opf = book.read("EPUB/content.opf").decode()
        symbols2 = book.read(f"EPUB/fonts/{SYMBOLS2.file_name}")
    assert f"EPUB/fonts/{MATH.file_name}" in names
    assert {ord(c) for c in "✗♞⠓"} <= _cmap(symbols2)
    assert f'font-family: "{SYMBOLS2.family}"' in fonts_css and 'format("truetype")' in fonts_css
    assert f'href="fonts/{SYMBOLS2.file_name}" id="font-symbols2" media-type="font/ttf"' in opf
    body = re.search(r"body \{\s*font-family: ([^;]+);", book_css)
    assert body is not None and body[1].startswith(
        '"Noto Serif CJK KR", "Noto Serif KR", "Noto Sans Symbols2"'
    )
    assert "Noto Sans Symbols2, Noto Sans Math (subsets)" in licence
    assert "Copyright 2017 Google Inc." in licence  # Noto Sans Symbols2's copyright line
    assert write_epub(_book(), modified=MOMENT).data == written.data  # deterministic
    path = tmp_path / "symbols.epub"
    path.write_bytes(written.data)
    report = epubcheck(path)
    assert report["checker"]["nError"] == 0 and report["checker"]["nFatal"] == 0, report["messages"]


def test_font_stacks_name_the_chain_after_their_noto_faces() -> None:
    css = (
        'body { font-family: "Noto Serif CJK KR", "Noto Serif KR", "Batang", serif; }\n'
        "h1 { font-family: 'Nanum Gothic', sans-serif !important }\n"
        "pre { font-family: D2Coding }\n"
        "em { font-family: inherit; }\n"
    )
    chain = '"Noto Sans Symbols2", "Noto Sans Symbols", "Noto Sans Math"'
    assert with_fallbacks(css) == (
        f'body {{ font-family: "Noto Serif CJK KR", "Noto Serif KR", {chain}, "Batang", serif; }}\n'
        f"h1 {{ font-family: 'Nanum Gothic', {chain}, sans-serif !important }}\n"
        f"pre {{ font-family: D2Coding, {chain} }}\n"
        "em { font-family: inherit; }\n"
    )
    assert with_fallbacks(with_fallbacks(css)) == with_fallbacks(css)
