"""Reading engine 1, chromium without system CJK fonts: every text node and pseudo-element of
every content document is drawn with the book's embedded faces only, and the writer's cascade
(:mod:`bookmaker.writers.epub_cascade`) gives each face exactly the characters chromium draws with it.

Books: the seed in all three themes, a collection, the IR 2.0 kitchen sink and the test articles
(each drawn once per session, see ``font_probes`` in conftest). Chromium reports the fonts it drew
each node with through the DevTools protocol (``CSS.getPlatformFontsForNode``); a character missing
from a subset is drawn in DejaVu (the only system font it can find) and shows up as foreign.
"""

from __future__ import annotations

import io
import shutil
import unicodedata

import pytest
from epub_support import ARTICLES, READING_BOOKS
from fontTools.ttLib import TTFont
from tests.support.chromium import Chromium, probe_fonts
from tests.support.fontconfig import korean_fonts

from bookmaker.fonts.faces import EPUB_FACES, SERIF
from bookmaker.writers.epub_cascade import characters_by_face

BOOKS = (*READING_BOOKS, *ARTICLES)


def _visible(characters: set[str] | frozenset[str]) -> set[str]:
    return {c for c in characters if not c.isspace()}


def test_the_browser_has_no_korean_font(no_cjk_env):
    assert korean_fonts(no_cjk_env) == []


@pytest.mark.parametrize("name", BOOKS)
def test_every_text_is_drawn_with_embedded_faces(name, font_probes):
    _, probes = font_probes[name]
    drawn = {probe.document for probe in probes if probe.nodes}
    assert {"nav.xhtml", "font-license.xhtml"} < drawn and any("article" in d for d in drawn)
    for probe in probes:
        assert probe.foreign() == [], (probe.document, probe.foreign()[:5])


@pytest.mark.parametrize("name", BOOKS)
def test_each_subset_has_the_glyphs_drawn_with_it(name, font_probes):
    """Not a .notdef box of the right font either: every character chromium drew with a face is
    in that subset's cmap, spaces included."""
    folder, probes = font_probes[name]
    for probe in probes:
        for postscript, characters in probe.characters().items():
            font = TTFont(io.BytesIO((folder / "EPUB" / "fonts" / f"{postscript}-subset.otf").read_bytes()))
            drawn = {c for c in characters if unicodedata.category(c) != "Cc"}  # a pre's line breaks
            assert drawn - {chr(point) for point in font.getBestCmap()} == set(), postscript
    spaced = [chars for probe in probes for chars in probe.characters().values() if " " in chars]
    assert spaced  # word spaces are drawn with an embedded face


@pytest.mark.parametrize("name", BOOKS)
def test_the_cascade_gives_each_face_what_chromium_draws_with_it(name, font_probes):
    folder, probes = font_probes[name]
    pages = [path.read_bytes() for path in sorted((folder / "EPUB").glob("*.xhtml"))]
    sheets = [p.read_text(encoding="utf-8") for p in sorted((folder / "EPUB" / "style").glob("*.css"))]
    computed = characters_by_face(pages, sheets, EPUB_FACES)
    ours = {face.postscript: _visible(chars) for face, chars in computed.items()}
    drawn: dict[str, set[str]] = {}
    for probe in probes:
        for postscript, characters in probe.characters().items():
            drawn.setdefault(postscript, set()).update(_visible(characters))
    assert ours == drawn


def test_the_report_theme_embeds_no_serif(font_probes):
    folder, _ = font_probes["seed-report"]
    fonts = {path.name for path in (folder / "EPUB" / "fonts").iterdir()}
    assert SERIF.file_name not in fonts and fonts
    assert SERIF.file_name in {p.name for p in (font_probes["seed-book"][0] / "EPUB" / "fonts").iterdir()}


def test_a_face_lacking_glyphs_is_caught(font_probes, no_cjk_env, tmp_path):
    """Self-test: CSS that sets the body in a face cut for the headlines only → foreign fonts."""
    folder = shutil.copytree(font_probes["seed-newspaper"][0], tmp_path / "book")
    with (folder / "EPUB" / "style" / "book.css").open("a", encoding="utf-8") as css:
        css.write('\n.body p { font-family: "Noto Sans CJK KR"; font-weight: 700; }\n')
    with Chromium(env=no_cjk_env) as chromium:
        probe = probe_fonts(chromium, folder / "EPUB" / "article.xhtml")
    assert len(probe.foreign()) > 10
