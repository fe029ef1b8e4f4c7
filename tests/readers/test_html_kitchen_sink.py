"""The HTML kitchen sink (``tests/fixtures/html/kitchen-sink.html``: every element the HTML reader
keeps, a photo from the page's ``kitchen-sink_files/`` folder, page chrome around the article) read
into IR 2.0 and built to EPUB and PDF: the structure survives, nothing is printed as markup."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bookmaker.ir import (
    CodeBlock,
    Document,
    Figure,
    Footnote,
    Heading,
    Link,
    ListBlock,
    NoteRef,
    Quote,
    Ruby,
    Span,
    Table,
    ThematicBreak,
    inlines_of,
    runs,
    walk,
)
from bookmaker.pipeline import BuildOptions, build_file, load
from tests.conftest import ROOT
from tests.support.epub_tools import run_ace, run_epubcheck

SINK = ROOT / "tests" / "fixtures" / "html" / "kitchen-sink.html"
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
CELLS = [
    "품목",
    "2024년",
    "2025년",
    "메모리 반도체",
    "1,200",
    "1,450",
    "시스템 반도체",
    "1,200",
    "1,300",
    "합계",
    "3,850",
]


@pytest.fixture(scope="module")
def doc() -> Document:
    return load(SINK)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("html-sink")
    result = build_file(SINK, out, BuildOptions())
    assert not [w for w in result.warnings if "figure" in w or "image" in w], result.warnings
    return {path.suffix[1:]: path for path in result.outputs}


@pytest.fixture(scope="module")
def page(built: dict[str, Path]) -> etree._Element:
    with zipfile.ZipFile(built["epub"]) as archive:
        return etree.fromstring(archive.read("EPUB/article.xhtml"))


def _texts(page: etree._Element, path: str) -> list[str]:
    return ["".join(node.itertext()) for node in page.xpath(path, namespaces=NS)]


def test_the_headline_and_deck_come_from_the_page(doc: Document) -> None:
    assert doc.meta.title == "반도체 수출, 두 달 연속 늘었다"  # the <h1>, not "… | 예시일보"
    assert doc.meta.subtitles == ["메모리 값 회복에 11월 수출 12% 증가"]
    assert [(a.name, a.email) for a in doc.meta.authors] == [("김예시", "yesi@example.co.kr")]
    assert doc.meta.rights == "Copyright ⓒ 예시일보. All rights reserved. 무단 전재 및 재배포 금지"


def test_blocks_keep_their_structure(doc: Document) -> None:
    kinds = {type(block) for block in doc.blocks}
    assert {Figure, Heading, Table, ListBlock, Quote, CodeBlock, ThematicBreak, Footnote} <= kinds
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.src == "kitchen-sink_files/chip.png" and figure.credit == "예시일보"
    assert figure.alt == "반도체 웨이퍼를 검사하는 연구원"
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [cell.text for row in [*table.head, *table.body] for cell in row.cells] == CELLS
    assert [c.align for c in table.body[0].cells] == [None, "right", "right"]
    assert table.body[2].cells[1].colspan == 2
    nested = next(b for b in doc.blocks if isinstance(b, ListBlock)).items[0].blocks[1]
    assert isinstance(nested, ListBlock) and nested.ordered and nested.start == 3
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    assert [r.text for r in quote.attribution] == ["한국무역협회 관계자"]
    assert (
        doc.blocks[-1].text == "정부는 다음 달 수출 지원 대책을 추가로 발표할 계획이다."
    )  # after </article>


def test_inline_runs(doc: Document) -> None:
    every = [run for block in walk(doc.blocks) for seq in inlines_of(block) for run in runs(seq)]
    kinds = {type(run).__name__ for run in every}
    assert {
        "Strong",
        "Emphasis",
        "Code",
        "Link",
        "Superscript",
        "Subscript",
        "Ruby",
        "Span",
        "NoteRef",
    } <= kinds
    assert kinds >= {"LineBreak"}
    link = next(run for run in every if isinstance(run, Link))
    assert (link.href, link.title) == ("https://www.example.com/report", "보고서 원문")
    assert next(run for run in every if isinstance(run, Ruby)).annotation == "한자"
    assert next(run for run in every if isinstance(run, Span)).lang == "en"
    assert next(run for run in every if isinstance(run, NoteRef)).note in doc.footnotes()


def test_chrome_is_recorded_not_lost(doc: Document) -> None:
    rules = {(r.rule, r.text) for r in doc.removed}
    assert ("html.outside-article", "주말 날씨 전망") in rules
    assert ("html.outside-article", "홈") in rules
    assert ("html.interface", "검색") in rules
    assert ("html.footnote-marker", "1") in rules
    text = "\n".join(block.text for block in doc.blocks)
    assert "tracking" not in text and "color:" not in text


def test_epub_has_the_elements(page: etree._Element) -> None:
    assert _texts(page, "//x:strong") == ["크게 늘었다"]
    assert _texts(page, "//x:em") == ["신중한 낙관"]
    assert _texts(page, "//x:p/x:code") == ["make stats"]
    assert page.xpath("//x:a[@href='https://www.example.com/report']/text()", namespaces=NS) == [
        "산업부 보고서"
    ]
    assert _texts(page, "//x:sup") == ["2"] and _texts(page, "//x:sub") == ["2"]
    assert _texts(page, "//x:ruby/x:rt") == ["한자"]
    assert _texts(page, "//x:span[@lang='en']") == ["We will keep investing in Korea"]
    assert _texts(page, "//x:table/x:caption") == ["표 1. 품목별 수출(억 달러)"]
    assert _texts(page, "//x:th[@scope='col']") == ["품목", "2024년", "2025년"]
    assert _texts(page, "//x:th[@scope='row']") == ["메모리 반도체", "시스템 반도체", "합계"]
    assert _texts(page, "//x:td") == ["1,200", "1,450", "1,200", "1,300", "3,850"]
    assert _texts(page, "//x:ul/x:li/x:ol[@start='3']/x:li") == ["안쪽 셋째", "안쪽 넷째"]
    assert page.xpath("//x:figure/x:img/@src", namespaces=NS) == ["images/figure-1.png"]
    assert len(page.xpath("//x:p/x:br", namespaces=NS)) == 2
    assert page.xpath("//x:a[@epub:type='noteref']", namespaces=NS)
    assert [t.strip() for t in _texts(page, "//x:aside[@epub:type='footnote']")] == [
        "1 산업통상자원부 보도자료 기준."
    ]
    assert _texts(page, "//x:pre/x:code") == ["for year in range(2024, 2026):\n    print(year)"]


def test_no_markup_printed_as_text(page: etree._Element, built: dict[str, Path]) -> None:
    text = "".join(page.itertext())
    layout = subprocess.run(
        ["pdftotext", "-layout", str(built["pdf"]), "-"], capture_output=True, check=True, text=True
    ).stdout
    for leftover in ("<", ">", "&lt;", "&amp;", "href=", "↩", "window.analytics", "color:"):
        assert leftover not in text and leftover not in layout


def test_pdf_has_every_table_cell(built: dict[str, Path]) -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", str(built["pdf"]), "-"], capture_output=True, check=True, text=True
    ).stdout
    for cell in [
        *CELLS,
        "표 1. 품목별 수출(억 달러)",
        "산업통상자원부 보도자료 기준.",
        "정부는 다음 달 수출",
    ]:
        assert cell in layout, cell


def test_epubcheck_and_ace_pass(built: dict[str, Path]) -> None:
    report = run_epubcheck(built["epub"])
    assert {m.id for m in report.messages} <= {"CSS-028"}, report.summary()  # fonts embedded on purpose
    ace = run_ace(built["epub"])
    assert ace.messages == [], ace.summary()
