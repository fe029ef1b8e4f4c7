"""The contents nest sub-sections under their section, as the IR's heading levels say: the nav's
lists (EPUB 3: each ``<li>`` one ``<a>`` and at most one non-empty ``<ol>``), the NCX's navPoints
(``dtb:depth``, ``playOrder`` 1, 2, 3…), calibre's reading of both and the PDF's outline. A skipped
level (h2 then h4) nests one step; a heading before any of a higher rank stays at the top. Once
every heading was listed at one level ("1.1 연구 배경" beside "1. 연구 개요")."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from epub_support import MOMENT
from lxml import etree
from pypdf import PdfReader
from tests.support.calibre import ebook_convert
from tests.support.epub_tools import run_epubcheck

from bookmaker.ir import Collection, CollectionMeta, Document, Heading, Meta, Paragraph, text_runs
from bookmaker.writers.epub import write_epub
from bookmaker.writers.pdf import write_pdf

NS = {"x": "http://www.w3.org/1999/xhtml", "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
BODY = "전국 공공도서관의 운영 실태를 예산과 인력, 이용 지표로 나누어 살폈다."
Tree = list[tuple[str, "Tree"]]


def _doc(title: str, *headings: tuple[int, str]) -> Document:
    blocks: list[Heading | Paragraph] = [Paragraph(content=text_runs(BODY))]
    for level, text in headings:
        blocks += [Heading(level=level, content=text_runs(text)), Paragraph(content=text_runs(BODY))]
    return Document(meta=Meta(title=title, language="ko"), blocks=list(blocks))


REPORT = _doc(
    "도서관 운영 실태 보고서",
    (2, "1. 연구 개요"),
    (3, "1.1 연구 배경"),
    (3, "1.2 연구 방법"),
    (4, "가. 조사 대상"),
    (2, "2. 분석 결과"),
    (3, "2.1 예산"),
    (2, "3. 정책 제언"),
)
REPORT_TREE: Tree = [
    (
        "도서관 운영 실태 보고서",
        [
            ("1. 연구 개요", [("1.1 연구 배경", []), ("1.2 연구 방법", [("가. 조사 대상", [])])]),
            ("2. 분석 결과", [("2.1 예산", [])]),
            ("3. 정책 제언", []),
        ],
    )
]
# h2 then h4 (no h3 between), and a document that opens deeper than it goes on
SKIPPING = _doc("건너뛴 단계", (2, "개요"), (4, "세부 사항"), (4, "참고"), (2, "결론"))
SKIPPING_TREE: Tree = [("건너뛴 단계", [("개요", [("세부 사항", []), ("참고", [])]), ("결론", [])])]
DEEP_FIRST = _doc("깊게 시작하는 글", (3, "들어가며"), (2, "본론"), (3, "첫째"), (2, "맺음말"))
DEEP_FIRST_TREE: Tree = [("깊게 시작하는 글", [("들어가며", []), ("본론", [("첫째", [])]), ("맺음말", [])])]
COLLECTION = Collection(
    meta=CollectionMeta(title="도서관 주간 묶음", language="ko"),
    articles=[REPORT, _doc("제목만 있는 글"), SKIPPING],
)
COLLECTION_TREE: Tree = [*REPORT_TREE, ("제목만 있는 글", []), *SKIPPING_TREE]
CASES = {
    "report": (REPORT, REPORT_TREE),
    "skipping": (SKIPPING, SKIPPING_TREE),
    "deep-first": (DEEP_FIRST, DEEP_FIRST_TREE),
    "collection": (COLLECTION, COLLECTION_TREE),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("nested-toc")
    out = {}
    for name, (source, _) in CASES.items():
        out[name] = folder / f"{name}.epub"
        out[name].write_bytes(write_epub(source, modified=MOMENT, embed_fonts=False).data)
    return out


def _files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _nav_tree(ol: Any) -> Tree:
    """The nav's list as a tree, checking EPUB 3's rules for it on the way."""
    items = ol.xpath("./*")
    assert items, "an empty <ol>"
    tree: Tree = []
    for li in items:
        assert li.tag == f"{{{NS['x']}}}li"
        children = li.xpath("./*")
        assert children[0].tag == f"{{{NS['x']}}}a" and len(li.xpath("./x:a | ./x:span", namespaces=NS)) == 1
        lists = li.xpath("./x:ol", namespaces=NS)
        assert len(lists) <= 1 and len(children) == 1 + len(lists)
        tree.append((children[0].text, _nav_tree(lists[0]) if lists else []))
    return tree


def _ncx_tree(parent: Any) -> Tree:
    return [
        (point.xpath("string(ncx:navLabel/ncx:text)", namespaces=NS), _ncx_tree(point))
        for point in parent.xpath("./ncx:navPoint", namespaces=NS)
    ]


def _depth(tree: Tree) -> int:
    return max((1 + _depth(children) for _, children in tree), default=0)


@pytest.mark.parametrize("case", CASES)
def test_nav_nests_headings_by_level(case, built):
    nav = etree.fromstring(_files(built[case])["EPUB/nav.xhtml"])
    [toc] = nav.xpath("//x:nav[@role='doc-toc']/x:ol", namespaces=NS)
    assert _nav_tree(toc) == CASES[case][1]


@pytest.mark.parametrize("case", CASES)
def test_ncx_nests_the_same_with_true_depth_and_play_order(case, built):
    ncx = etree.fromstring(_files(built[case])["EPUB/toc.ncx"])
    [nav_map] = ncx.xpath("/ncx:ncx/ncx:navMap", namespaces=NS)
    expected = CASES[case][1]
    assert _ncx_tree(nav_map) == expected
    depth = ncx.xpath("//ncx:meta[@name='dtb:depth']/@content", namespaces=NS)
    assert depth == [str(_depth(expected))]
    points = ncx.xpath("//ncx:navPoint", namespaces=NS)  # document order is reading order
    assert [p.get("playOrder") for p in points] == [str(n) for n in range(1, len(points) + 1)]
    ids = [p.get("id") for p in points]
    assert len(set(ids)) == len(ids)


def test_every_entry_opens_its_heading(built):
    files = _files(built["collection"])
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    for href in nav.xpath("//x:nav[@role='doc-toc']//x:a/@href", namespaces=NS):
        page, _, fragment = href.partition("#")
        document = etree.fromstring(files[f"EPUB/{page}"])
        if fragment:
            [target] = document.xpath(f"//*[@id='{fragment}']")
            assert etree.QName(target).localname in ("h2", "h3", "h4")


@pytest.mark.parametrize("case", ["report", "collection", "deep-first"])
def test_epubcheck_accepts_the_nested_contents(case, built):
    result = run_epubcheck(built[case])
    counts = result.counts
    assert (counts["fatal"], counts["error"], counts["warning"]) == (0, 0, 0), result.messages


def _outline(items: list[Any]) -> Tree:
    tree: Tree = []
    for item in items:
        if isinstance(item, list):
            tree[-1] = (tree[-1][0], _outline(item))
        else:
            tree.append((item.title, []))
    return tree


@pytest.mark.parametrize("case", ["report", "skipping", "deep-first"])
def test_pdf_outline_nests_the_same(case):
    source, expected = CASES[case]
    pdf = write_pdf(source, created=MOMENT).data
    assert _outline(PdfReader(io.BytesIO(pdf)).outline) == expected


def test_calibre_reads_the_nesting(built, tmp_path):
    """calibre's contents (what its viewer and its Kindle output show) as its own EPUB's NCX holds them."""
    converted = tmp_path / "calibre.epub"
    ebook_convert(built["report"], converted)
    files = _files(converted)
    [name] = [n for n in files if n.endswith(".ncx")]
    [nav_map] = etree.fromstring(files[name]).xpath("/ncx:ncx/ncx:navMap", namespaces=NS)
    assert _ncx_tree(nav_map) == REPORT_TREE
