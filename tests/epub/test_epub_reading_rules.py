"""What reading systems nobody here wrote need from the package and its CSS: a stylesheet that
Adobe RMSDK (Kobo) keeps, alignment left to the reader, the EPUB 2 guide and a true NCX depth, a
contents page that looks like one, colours that survive night modes, captions without images."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
import tinycss2
import tinycss2.color3
from epub_support import MOMENT, SEED, load_article
from lxml import etree

from bookmaker.layout import epub_stylesheet
from bookmaker.layout.style import default_style, resolve_style
from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

THEMES = ("book", "newspaper", "report")
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "x": "http://www.w3.org/1999/xhtml",
}


def _files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def justified(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The seed with ``--set justify=on``, unpacked."""
    style = resolve_style("book", None, {"justify": "on"})
    return _files(write_epub(load(SEED), modified=MOMENT, style=style).data)


@pytest.mark.parametrize("theme", THEMES)
def test_the_main_stylesheet_has_no_conditional_rule(theme, reading_books):
    files = _files(reading_books[f"seed-{theme}"].read_bytes())
    css = re.sub(r"/\*.*?\*/", "", files["EPUB/style/book.css"].decode(), flags=re.S)
    assert "@" not in css
    assert "EPUB/style/conditional.css" not in files  # the themes need none


def test_conditional_rules_have_their_own_stylesheet_linked_last(justified):
    assert b"@container" not in justified["EPUB/style/book.css"]
    assert justified["EPUB/style/conditional.css"].startswith(b"@container (min-width: 30em)")
    page = etree.fromstring(justified["EPUB/article.xhtml"])
    links = page.xpath("//x:link/@href", namespaces=NS)
    assert links == ["style/fonts.css", "style/book.css", "style/conditional.css"]


@pytest.mark.parametrize("theme", THEMES)
def test_no_font_or_generated_text_hides_in_a_conditional_rule(theme):
    """The cascade that cuts the fonts counts conditional rules as if they held: safe only while
    they set neither fonts nor generated text (bookmaker's own stylesheets set none)."""
    for justify in ("on", "off"):
        css = epub_stylesheet(theme, style=resolve_style(theme, None, {"justify": justify}))
        for rule in tinycss2.parse_stylesheet(css, True, True):
            if rule.type == "at-rule" and rule.content is not None:
                inner = tinycss2.serialize(rule.content)
                assert not re.search(r"font|content|counter|list-style|display", inner), inner


def test_justify_on_justifies_only_wide_text(justified, browser, tmp_path):
    for name, data in justified.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    page = (tmp_path / "EPUB" / "article.xhtml").as_uri()
    align = "getComputedStyle(document.querySelector('.body p')).textAlign"
    found = {width: browser.evaluate(browser.open(page, width=width), align) for width in (360, 900)}
    assert found == {360: "start", 900: "justify"}


def test_guide_for_epub2_readers_and_calibre(reading_books):
    files = _files(reading_books["seed-book"].read_bytes())
    opf = etree.fromstring(files["EPUB/content.opf"])
    refs = [(r.get("type"), r.get("href")) for r in opf.xpath("//opf:guide/opf:reference", namespaces=NS)]
    assert refs == [("cover", "cover.xhtml"), ("toc", "nav.xhtml"), ("text", "article.xhtml")]
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    marks = nav.xpath(
        "//x:nav[@hidden]//x:a/@epub:type", namespaces={**NS, "epub": "http://www.idpf.org/2007/ops"}
    )
    assert marks == ["cover", "toc", "bodymatter"]


@pytest.mark.parametrize(("book", "depth"), [("seed-book", 2), ("collection", 2), ("no-meta", 1)])
def test_ncx_depth_is_how_deep_entries_nest(book, depth, reading_books):
    ncx = etree.fromstring(_files(reading_books[book].read_bytes())["EPUB/toc.ncx"])
    assert ncx.xpath("//ncx:meta[@name='dtb:depth']/@content", namespaces=NS) == [str(depth)]
    nested = ncx.xpath("//ncx:navPoint[ncx:navPoint]", namespaces=NS)
    assert bool(nested) == (depth == 2)


def test_the_contents_page_looks_like_a_books(unpacked, browser):
    page = (unpacked["many-headings"] / "EPUB" / "nav.xhtml").as_uri()
    session = browser.open(page)
    found = browser.evaluate(
        session,
        """(() => {
          const first = document.querySelector('nav.contents ol');
          const link = document.querySelector('.toc-section a');
          const style = (el) => getComputedStyle(el);
          return {
            numbers: style(document.querySelector('.toc-chapter')).listStyleType,
            linkColour: style(link).color === style(document.body).color,
            underline: style(link).textDecorationLine,
            chapterFont: style(document.querySelector('.toc-chapter > a')).fontFamily.split(',')[0],
            indent: link.getBoundingClientRect().left > first.getBoundingClientRect().left,
            sections: document.querySelectorAll('.toc-section').length,
          };
        })()""",
    )
    assert found == {
        "numbers": "none",
        "linkColour": True,
        "underline": "none",
        "chapterFont": '"Noto Sans CJK KR"',
        "indent": True,
        "sections": 7,
    }


def _colours(css: str) -> list[tuple[str, str]]:
    """(property, value) of every colour declared."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, True, True):
        if rule.type != "qualified-rule":
            continue
        for decl in tinycss2.parse_blocks_contents(rule.content, True, True):
            if decl.type == "declaration" and ("color" in decl.lower_name or decl.lower_name == "background"):
                found.append((decl.lower_name, tinycss2.serialize(decl.value).strip()))
    return found


def _contrast(colour: tinycss2.color3.RGBA, background: float) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)
    return (max(luminance, background) + 0.05) / (min(luminance, background) + 0.05)


@pytest.mark.parametrize("theme", THEMES)
def test_colours_survive_night_modes(theme):
    """Text colours: inherited, or 4.5:1 against white AND black (a night mode's background);
    backgrounds: translucent, so a reader's dark page shows through."""
    colours = _colours(epub_stylesheet(theme, style=default_style(theme)))
    assert colours
    for prop, value in colours:
        if value in ("inherit", "currentColor", "none", "transparent"):
            continue
        parsed = tinycss2.color3.parse_color(value)
        assert parsed is not None, value
        if prop == "color":
            assert min(_contrast(parsed, 1.0), _contrast(parsed, 0.0)) >= 4.5, (prop, value)
        elif prop.startswith("background"):
            assert parsed.alpha <= 0.2, (prop, value)


@pytest.mark.parametrize("theme", THEMES)
def test_a_caption_without_an_image_is_a_plain_caption(theme, reading_books, browser, tmp_path):
    """The seed's figure has no image: no frame, rules or figure number around its caption."""
    with zipfile.ZipFile(reading_books[f"seed-{theme}"]) as archive:
        archive.extractall(tmp_path)
    assert load_article("seed").blocks[3].src is None
    session = browser.open((tmp_path / "EPUB" / "article.xhtml").as_uri())
    found = browser.evaluate(
        session,
        """(() => {
          const caption = document.querySelector('figure > figcaption:first-child');
          const style = getComputedStyle(caption);
          return [style.borderTopStyle, style.paddingTop, getComputedStyle(caption, '::before').content,
                  getComputedStyle(caption.parentNode).backgroundColor];
        })()""",
    )
    assert found == ["none", "0px", "none", "rgba(0, 0, 0, 0)"]
