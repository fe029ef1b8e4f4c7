"""The IR 2.0 kitchen sink (every inline and block kind) as EPUB: semantic XHTML that passes
EPUBCheck and Ace, nothing printed as markup."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.conftest import ROOT
from tests.support.epub_tools import run_ace, run_epubcheck

from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

SINK = ROOT / "tests" / "fixtures" / "ir2" / "kitchen-sink.json"
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


@pytest.fixture(scope="module")
def sink_epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from epub_support import MOMENT

    path = tmp_path_factory.mktemp("sink") / "sink.epub"
    path.write_bytes(write_epub(load(SINK), modified=MOMENT).data)
    return path


@pytest.fixture(scope="module")
def page(sink_epub: Path) -> etree._Element:
    with zipfile.ZipFile(sink_epub) as archive:
        return etree.fromstring(archive.read("EPUB/article.xhtml"))


def _texts(page: etree._Element, path: str) -> list[str]:
    return ["".join(node.itertext()) for node in page.xpath(path, namespaces=NS)]


def test_inline_marks_are_elements(page: etree._Element) -> None:
    assert _texts(page, "//x:strong") == ["크게 늘었다"]
    assert _texts(page, "//x:em") == ["신중한 낙관"]
    assert _texts(page, "//x:p/x:code") == ["make all"]
    assert _texts(page, "//x:pre/x:code") == ["for year in range(2024, 2026):\n    print(year)"]
    assert page.xpath("//x:a[@href='https://www.example.com/report']/text()", namespaces=NS) == [
        "산업부 보고서"
    ]
    assert _texts(page, "//x:sub") == ["2"] and _texts(page, "//x:sup") == ["2"]
    assert _texts(page, "//x:span[@lang='en']") == ["We will keep investing in Korea"]
    assert _texts(page, "//x:ruby/x:rt") == ["한자"]


def test_table_has_caption_and_scoped_headers(page: etree._Element) -> None:
    table = page.xpath("//x:table", namespaces=NS)[0]
    assert _texts(table, "x:caption") == ["표 1. 품목별 수출(억 달러)"]
    assert _texts(table, ".//x:th[@scope='col']") == ["품목", "2024년", "2025년"]
    assert _texts(table, ".//x:th[@scope='row']") == ["메모리 반도체", "시스템 반도체", "합계"]
    assert table.xpath(".//x:td[@colspan='2']/text()", namespaces=NS) == ["3,850"]


def test_lists_nest(page: etree._Element) -> None:
    inner = page.xpath("//x:ul/x:li/x:ol[@start='3']/x:li", namespaces=NS)
    assert ["".join(li.itertext()) for li in inner] == ["안쪽 셋째", "안쪽 넷째"]


def test_footnotes_link_both_ways(page: etree._Element) -> None:
    refs = page.xpath("//x:a[@epub:type='noteref'][@role='doc-noteref']", namespaces=NS)
    notes = page.xpath("//x:aside[@epub:type='footnote'][@role='doc-footnote']", namespaces=NS)
    assert [ref.text for ref in refs] == ["1", "2"] and len(notes) == 2
    for ref, note in zip(refs, notes, strict=True):
        assert ref.get("href") == "#" + note.get("id")
        back = note.xpath(".//x:a[@role='doc-backlink']", namespaces=NS)[0]
        assert back.get("href") == "#" + ref.get("id")
    assert "정부 보도자료 기준." in "".join(notes[0].itertext())


def test_no_markup_printed_as_text(page: etree._Element) -> None:
    text = "".join(page.itertext())
    for leftover in ("**", "*크게", "[^1]", "|---|", "&lt;", "<strong>"):
        assert leftover not in text


def test_epubcheck_and_ace_pass(sink_epub: Path) -> None:
    report = run_epubcheck(sink_epub)
    assert {m.id for m in report.messages} <= {"CSS-028"}, report.summary()  # fonts embedded on purpose
    ace = run_ace(sink_epub)
    assert ace.messages == [], ace.summary()


def test_a_note_nothing_refers_to_has_no_back_link() -> None:
    from epub_support import MOMENT

    from bookmaker.ir import Document, Footnote, Meta, Paragraph, text_runs

    doc = Document(
        meta=Meta(title="각주"),
        blocks=[
            Paragraph(content=text_runs("본문.")),
            Footnote(id="lonely", blocks=[Paragraph(content=text_runs("아무도 가리키지 않는 각주"))]),
        ],
    )
    with zipfile.ZipFile(__import__("io").BytesIO(write_epub(doc, modified=MOMENT).data)) as archive:
        page = etree.fromstring(archive.read("EPUB/article.xhtml"))
    assert not page.xpath("//x:a[@role='doc-backlink']", namespaces=NS)
    assert "아무도 가리키지 않는 각주" in "".join(page.itertext())
