"""The Markdown kitchen sink (every element the reader keeps) built to EPUB and PDF: the EPUB's XHTML
has the right elements, neither edition prints Markdown as text, the PDF has every table cell and
note, and the EPUB passes EPUBCheck."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bookmaker.pipeline import BuildOptions, build_file
from tests.conftest import ROOT
from tests.support.epub_tools import run_epubcheck

SINK = ROOT / "tests" / "fixtures" / "markdown" / "kitchen-sink.md"
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
CELLS = ["품목", "2024년", "2025년", "메모리 반도체", "870", "1,020", "시스템 반도체", "549", "601", "합계"]
NOTES = ["정부 보도자료 기준.", "HBM은 고대역폭 메모리(High Bandwidth Memory)의 줄임말이다."]
MARKUP = ("*기록했다*", "**", "[^1]", "[^note]", "|---", "|:--", "](", "<sub>", "```", "~~")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sink")
    result = build_file(SINK, out, BuildOptions())
    assert [path.name for path in result.outputs] == ["kitchen-sink.epub", "kitchen-sink.pdf"]
    return out


@pytest.fixture(scope="module")
def page(built: Path) -> etree._Element:
    with zipfile.ZipFile(built / "kitchen-sink.epub") as archive:
        return etree.fromstring(archive.read("EPUB/article.xhtml"))


@pytest.fixture(scope="module")
def pdf_text(built: Path) -> str:
    done = subprocess.run(
        ["pdftotext", str(built / "kitchen-sink.pdf"), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _texts(node: etree._Element, path: str) -> list[str]:
    return ["".join(found.itertext()) for found in node.xpath(path, namespaces=NS)]


def test_inline_marks_are_elements(page: etree._Element) -> None:
    assert _texts(page, "//x:em") == ["기록했다"]
    assert _texts(page, "//x:strong") == ["신중한 낙관", "합계"]
    assert _texts(page, "//x:p/x:code") == ["HS 8542"]
    link = page.xpath("//x:a[@href='https://www.example.com/report']", namespaces=NS)[0]
    assert link.get("title") == "2024년 수출입 동향" and "".join(link.itertext()) == "산업부 보고서"
    assert _texts(page, "//x:sub") == ["2"] and _texts(page, "//x:sup") == ["2"]
    assert len(page.xpath("//x:p/x:br", namespaces=NS)) == 1


def test_table_has_headers_and_alignment(page: etree._Element) -> None:
    table = page.xpath("//x:table", namespaces=NS)[0]
    assert _texts(table, ".//x:th[@scope='col']") == ["품목", "2024년", "2025년"]
    rows = [_texts(row, "x:td") for row in table.xpath("x:tbody/x:tr", namespaces=NS)]
    assert rows == [CELLS[3:6], CELLS[6:9], ["합계", "1,419", "1,621"]]
    assert [th.get("class") for th in table.xpath(".//x:th", namespaces=NS)] == [
        "align-left",
        "align-right",
        "align-center",
    ]


def test_lists_nest(page: etree._Element) -> None:
    assert _texts(page, "//x:ol/x:li/x:ul/x:li") == ["대기업 15%", "중소기업 25%"]
    assert _texts(page, "//x:ol/x:li/x:ol/x:li") == ["용인 클러스터", "평택 송전선로"]
    assert _texts(page, "//x:section[@class='body']/x:ul/x:li") == ["첫째 과제", "둘째 과제"]


def test_quotes_code_figures_and_rule(page: etree._Element) -> None:
    assert _texts(page, "//x:blockquote/x:blockquote/x:p") == ["인재가 없으면 공장도 없다."]
    assert _texts(page, "//x:pre/x:code") == ["for year in range(2024, 2026):\n    print(year)"]
    figures = page.xpath("//x:figure", namespaces=NS)
    assert [figure.xpath("x:img/@alt", namespaces=NS)[0] for figure in figures] == [
        "평택 반도체 공장",
        "클린룸 내부",
    ]
    assert _texts(page, "//x:figcaption/x:span[@class='caption']") == [
        "반도체 생산라인의 모습",
        "클린룸 내부",
    ]
    assert _texts(page, "//x:figcaption/x:span[@class='credit']") == ["예시일보 김사진"]  # the title's credit
    assert len(page.xpath("//x:hr", namespaces=NS)) == 1


def test_footnotes_link_both_ways(page: etree._Element) -> None:
    refs = page.xpath("//x:a[@epub:type='noteref']", namespaces=NS)
    notes = page.xpath("//x:aside[@epub:type='footnote']", namespaces=NS)
    assert [ref.text for ref in refs] == ["1", "2"]
    assert [ref.get("href") for ref in refs] == ["#" + note.get("id") for note in notes]
    assert [" ".join("".join(note.itertext()).split()[1:]) for note in notes] == NOTES


def test_no_markdown_printed_as_text(page: etree._Element, pdf_text: str) -> None:
    epub_text = "".join(page.itertext())
    for leftover in MARKUP:
        assert leftover not in epub_text, leftover
        assert leftover not in pdf_text, leftover


def test_pdf_has_every_cell_and_note(pdf_text: str) -> None:
    flat = " ".join(pdf_text.split())
    for text in [*CELLS, "1,419", "1,621", *NOTES, "인재가 없으면 공장도 없다.", "print(year)"]:
        assert " ".join(text.split()) in flat, text


def test_epubcheck_passes(built: Path) -> None:
    report = run_epubcheck(built / "kitchen-sink.epub")
    assert {m.id for m in report.messages} <= {"CSS-028"}, report.summary()  # fonts embedded on purpose
