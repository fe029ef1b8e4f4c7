"""Package structure, metadata, accessibility, language, semantics and reproducibility."""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from epub_support import EPOCH, FIXTURES, MOMENT, load_article
from lxml import etree

from bookmaker.writers.epub import write_epub

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INVISIBLE = ("\u2060", "\u200b", "\u00ad", "\ufeff", "\u200c", "\u200d")


def _opf(root: Path) -> etree._ElementTree:
    return etree.parse(str(root / "EPUB" / "content.opf"))


def _xhtml(root: Path) -> list[Path]:
    return sorted((root / "EPUB").glob("*.xhtml"))


def _metas(opf: etree._ElementTree, prop: str) -> list[str]:
    return [el.text for el in opf.xpath(f"//opf:meta[@property='{prop}']", namespaces=NS)]


def test_accessibility_metadata(article, unpacked):
    opf = _opf(unpacked[article])
    assert set(_metas(opf, "schema:accessMode")) == {"textual", "visual"}  # visual: the cover
    assert _metas(opf, "schema:accessModeSufficient") == ["textual"]
    assert {"alternativeText", "structuralNavigation", "tableOfContents", "readingOrder"} <= set(
        _metas(opf, "schema:accessibilityFeature")
    )
    assert _metas(opf, "schema:accessibilityHazard") == ["none"]
    assert _metas(opf, "schema:accessibilitySummary")[0].strip()
    assert _metas(opf, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert _metas(opf, "a11y:certifiedBy")


def test_language_everywhere(article, unpacked):
    root = unpacked[article]
    opf = _opf(root)
    assert opf.getroot().get(XML_LANG) == "ko"
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["ko"]
    for page in _xhtml(root):
        html = etree.parse(str(page)).getroot()
        assert html.get("lang") == "ko" and html.get(XML_LANG) == "ko", page.name


def test_modified_is_utc_build_time(article, unpacked):
    assert _metas(_opf(unpacked[article]), "dcterms:modified") == [MOMENT.strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert MOMENT.strftime("%Y-%m-%dT%H:%M:%SZ") == "2025-11-23T12:13:20Z"


def test_identifier_from_content(article, unpacked):
    ident = _opf(unpacked[article]).xpath("//dc:identifier/text()", namespaces=NS)[0]
    assert ident.startswith("urn:uuid:")
    assert ident == _opf(unpacked[f"{article}:nofonts"]).xpath("//dc:identifier/text()", namespaces=NS)[0]


def test_cover_and_landmarks(article, unpacked):
    root = unpacked[article]
    opf = _opf(root)
    cover = opf.xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    assert len(cover) == 1 and cover[0].get("media-type") == "image/png"
    spine = opf.xpath("//opf:itemref/@idref", namespaces=NS)
    assert spine[:2] == ["cover-page", "article"]
    nav = etree.parse(str(root / "EPUB" / "nav.xhtml"))
    types = nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS)
    assert types == ["cover", "toc", "bodymatter"]
    img = etree.parse(str(root / "EPUB" / "cover.xhtml")).xpath("//x:img", namespaces=NS)[0]
    assert img.get("alt").startswith("표지: ")


def test_toc_lists_every_heading(article, unpacked):
    doc = load_article(article)
    nav = etree.parse(str(unpacked[article] / "EPUB" / "nav.xhtml"))
    entries = [t.strip() for t in nav.xpath("//x:nav[@epub:type='toc']//x:a/text()", namespaces=NS)]
    headings = [b.text for b in doc.blocks if type(b).__name__ == "Heading"]
    assert entries == ([doc.meta.title, *headings] if headings else [doc.meta.title])


def test_semantic_markup(article, unpacked):
    page = etree.parse(str(unpacked[article] / "EPUB" / "article.xhtml"))
    levels = [
        int(el.tag[-1])
        for el in page.iter()
        if isinstance(el.tag, str)
        and el.tag[-2:-1] == "h"
        and el.tag[-1].isdigit()
        and el.tag.startswith("{")
    ]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert page.xpath("//x:article/x:header/x:h1", namespaces=NS)
    for figure in page.xpath("//x:figure", namespaces=NS):
        assert figure.xpath("x:figcaption", namespaces=NS)


def test_no_invisible_layout_characters(article, unpacked):
    for page in _xhtml(unpacked[article]):
        text = page.read_text(encoding="utf-8")
        assert not [c for c in INVISIBLE if c in text], page.name


def test_body_text_survives(article, unpacked):
    """Every paragraph's text is in the XHTML, whole (the nowrap spans add markup only)."""
    page = etree.parse(str(unpacked[article] / "EPUB" / "article.xhtml"))
    text = "".join(page.xpath("//x:body", namespaces=NS)[0].itertext())
    for block in load_article(article).blocks:
        for piece in block.text.split("\n"):
            assert piece in text


def test_mimetype_first_and_stored(books):
    with zipfile.ZipFile(books["seed"]) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        names = [info.filename for info in archive.infolist()]
        assert names[1:] == sorted(names[1:])
        assert {info.date_time for info in archive.infolist()} == {(2025, 11, 23, 12, 13, 20)}
        assert {info.compress_type for info in archive.infolist()[1:]} == {zipfile.ZIP_DEFLATED}
        assert {(info.create_system, info.external_attr) for info in archive.infolist()} == {
            (3, 0o100644 << 16)
        }


def test_same_bytes_twice_in_process(books):
    again = write_epub(load_article("seed"), modified=MOMENT).data
    assert again == books["seed"].read_bytes()


def test_same_bytes_across_processes(tmp_path, books):
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    digests = set()
    for run in ("a", "b"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bookmaker",
                "build",
                str(FIXTURES / "seed.json"),
                "-o",
                str(tmp_path / run),
                "--to",
                "epub",
            ],
            check=True,
            env=env,
        )
        digests.add(hashlib.sha256((tmp_path / run / "seed.epub").read_bytes()).hexdigest())
    assert digests == {hashlib.sha256(books["seed"].read_bytes()).hexdigest()}


def test_fonts_embedded_by_default(article, unpacked):
    root = unpacked[article]
    fonts = sorted(p.name for p in (root / "EPUB" / "fonts").iterdir())
    assert "NotoSerifCJKkr-Regular-subset.otf" in fonts
    items = _opf(root).xpath("//opf:item[starts-with(@href, 'fonts/')]", namespaces=NS)
    assert {i.get("media-type") for i in items} == {"font/otf"} and len(items) == len(fonts)
    options = etree.parse(str(root / "META-INF" / "com.apple.ibooks.display-options.xml"))
    assert options.xpath("//option[@name='specified-fonts']/text()") == ["true"]
    license_page = (root / "EPUB" / "font-license.xhtml").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in license_page
    assert "font-license.xhtml" in (root / "EPUB" / "article.xhtml").read_text(encoding="utf-8")


def test_no_embed_fonts(article, unpacked):
    root = unpacked[f"{article}:nofonts"]
    assert not (root / "EPUB" / "fonts").exists()
    assert not (root / "META-INF" / "com.apple.ibooks.display-options.xml").exists()
    assert not (root / "EPUB" / "font-license.xhtml").exists()
    assert "@font-face" not in (root / "EPUB" / "style" / "book.css").read_text(encoding="utf-8")


def test_seed_size_budget(books):
    assert books["seed"].stat().st_size <= 300_000
    with zipfile.ZipFile(books["seed"]) as archive:
        font_bytes = sum(i.compress_size for i in archive.infolist() if i.filename.startswith("EPUB/fonts/"))
    assert font_bytes <= 200_000


@pytest.mark.parametrize("flag", ["--no-embed-fonts", "--cover"])
def test_cli_options(tmp_path, flag):
    from bookmaker.cli import main

    cover = tmp_path / "mine.jpg"
    from PIL import Image

    Image.new("RGB", (60, 90), (10, 120, 200)).save(cover, format="JPEG")
    args = ["build", str(FIXTURES / "no-meta.json"), "-o", str(tmp_path / "out"), "--to", "epub"]
    args += [flag, str(cover)] if flag == "--cover" else [flag]
    assert main(args) == 0
    with zipfile.ZipFile(tmp_path / "out" / "no-meta.epub") as archive:
        names = archive.namelist()
        if flag == "--cover":
            assert archive.read("EPUB/images/cover.jpg") == cover.read_bytes()
        else:
            assert not [n for n in names if n.startswith("EPUB/fonts/")]


def test_cli_rejects_bad_cover(tmp_path, capsys):
    from bookmaker.cli import main

    bad = tmp_path / "cover.png"
    bad.write_text("not an image")
    assert (
        main(
            [
                "build",
                str(FIXTURES / "no-meta.json"),
                "-o",
                str(tmp_path),
                "--to",
                "epub",
                "--cover",
                str(bad),
            ]
        )
        == 2
    )
    assert "not a readable image" in capsys.readouterr().err


def test_english_runs_marked_with_lang(unpacked):
    page = etree.parse(str(unpacked["hanja-latin"] / "EPUB" / "article.xhtml"))
    runs = page.xpath("//x:span[@lang='en']/text()", namespaces=NS)
    assert "We need greater confidence that inflation is moving sustainably toward 2 percent" in runs
    assert not page.xpath("//x:span[@lang='en'][contains(., '연준')]", namespaces=NS)
