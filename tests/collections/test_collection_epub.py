"""The collection's EPUB: EPUBCheck 0/0, nav and NCX in book order, one XHTML per article."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from bookmaker.ir import Collection, CollectionMeta, from_json
from bookmaker.writers.epub import write_epub
from tests.collections.collection_support import ARTICLES, EDITOR, FIXTURES, TITLE, article_json, title_of
from tests.support.epub_tools import run_epubcheck

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}


@pytest.fixture(scope="module")
def package(digest) -> dict[str, bytes]:
    with zipfile.ZipFile(digest["epub"]) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_epubcheck_has_no_errors_or_warnings(digest):
    result = run_epubcheck(digest["epub"])
    counts = result.counts
    assert (counts["fatal"], counts["error"], counts["warning"]) == (0, 0, 0), result.messages


def test_nav_lists_each_article_once_in_order_with_sections_nested(package):
    nav = etree.fromstring(package["EPUB/nav.xhtml"])
    toc = nav.xpath("//x:nav[@role='doc-toc']/x:ol", namespaces=NS)[0]
    entries = toc.xpath("./x:li", namespaces=NS)
    assert [li.xpath("string(./x:a)", namespaces=NS) for li in entries] == [title_of(n) for n in ARTICLES]
    for number, (li, name) in enumerate(zip(entries, ARTICLES, strict=True), start=1):
        assert li.xpath("./x:a/@href", namespaces=NS) == [f"article-{number:02d}.xhtml"]
        blocks = [b for b in article_json(name)["blocks"] if b["type"] == "heading"]
        nested = li.xpath("./x:ol//x:a", namespaces=NS)  # every heading, in reading order
        assert [a.text for a in nested] == [b["text"] for b in blocks]
        assert all(a.get("href").startswith(f"article-{number:02d}.xhtml#b") for a in nested)
        # sub-sections sit under their section (these articles' sections are all level 2)
        sections = li.xpath("./x:ol/x:li/x:a", namespaces=NS)
        assert [a.text for a in sections] == [b["text"] for b in blocks if b.get("level", 2) == 2]


def test_ncx_matches_the_nav(package):
    ncx = etree.fromstring(package["EPUB/toc.ncx"])
    top = ncx.xpath("/ncx:ncx/ncx:navMap/ncx:navPoint/ncx:navLabel/ncx:text/text()", namespaces=NS)
    assert top == [title_of(n) for n in ARTICLES]


def test_each_article_has_its_own_document_and_title_block(package):
    chapters = sorted(name for name in package if name.startswith("EPUB/article-"))
    assert len(chapters) == len(ARTICLES)  # the repeated input is not packaged twice
    for name, path in zip(ARTICLES, chapters, strict=True):
        page = etree.fromstring(package[path])
        heading = page.xpath("string(//x:h1)", namespaces=NS)
        assert heading.replace("\u00a0", " ") == title_of(name)  # a short last word kept by a no-break space
        authors = [a["name"] for a in article_json(name)["meta"]["authors"] if a.get("name")]
        credits = page.xpath("string(//x:div[@class='credits'])", namespaces=NS)
        assert all(author in credits for author in authors)
        if article_json(name)["meta"].get("date"):
            assert page.xpath("//x:time/@datetime", namespaces=NS) == [article_json(name)["meta"]["date"]]


def test_package_metadata(package):
    opf = etree.fromstring(package["EPUB/content.opf"])
    assert opf.xpath("//dc:title/text()", namespaces=NS) == [TITLE]
    assert opf.xpath("//dc:contributor/text()", namespaces=NS) == [EDITOR]
    assert opf.xpath("//opf:meta[@refines='#editor'][@property='role']/text()", namespaces=NS) == ["edt"]
    spine = opf.xpath("//opf:itemref/@idref", namespaces=NS)
    assert spine[:3] == ["cover-page", "nav", "article-01"]  # contents right after the cover


def test_reproducible_and_identified_by_content(moment):
    docs = [from_json((FIXTURES / f"{name}.json").read_bytes()) for name in ARTICLES[3:]]
    collection = Collection(meta=CollectionMeta(title=TITLE), articles=docs)
    first = write_epub(collection, modified=moment, embed_fonts=False).data
    assert write_epub(collection, modified=moment, embed_fonts=False).data == first
    swapped = Collection(meta=collection.meta, articles=docs[::-1])
    assert write_epub(swapped, modified=moment, embed_fonts=False).data != first


def test_ace_finds_no_violations(digest):
    from tests.support.epub_tools import run_ace

    result = run_ace(digest["epub"])
    assert not result.messages, [(m.id, m.severity, m.locations) for m in result.messages]
