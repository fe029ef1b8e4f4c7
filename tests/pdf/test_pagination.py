"""Pagination: headings never at the foot of a page, captions on their figure's page, orphans/widows ≥ 2.

One long article (two fixture articles run together, with a drawing every few paragraphs) is built
in every preset; headings and captions are located per page with pdfplumber, paragraph lines per
page in WeasyPrint's own layout tree.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from bookmaker.ir import from_json
from bookmaker.pipeline import BuildOptions, build
from tests.pdf.conftest import FIXTURES, PRESETS

FIGURE_RGB = (0.2, 0.4, 0.6)
HEADING_PT = 11.0
CAPTION_PT = 8.0


def _svg(height_mm: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="90mm" height="{height_mm}mm">'
        f'<rect width="100%" height="100%" fill="#336699"/></svg>'
    )


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """(folder, IR dict): semiconductor + climate articles with a drawing after every 3rd paragraph."""
    folder = tmp_path_factory.mktemp("paged")
    first = json.loads((FIXTURES / "long-semiconductor.json").read_text(encoding="utf-8"))
    second = json.loads((FIXTURES / "long-climate.json").read_text(encoding="utf-8"))
    blocks: list[dict] = []
    paragraphs = 0

    def drawing() -> str:
        name = f"fig{len(list(folder.glob('*.svg')))}.svg"
        (folder / name).write_text(_svg(35 + 12 * (paragraphs % 4)), encoding="utf-8")
        return name

    for block in first["blocks"] + second["blocks"]:
        if block["type"] == "figure":
            block = {**block, "src": drawing()}
        blocks.append(block)
        if block["type"] != "paragraph":
            continue
        paragraphs += 1
        if paragraphs % 3 == 0:
            caption = f"그림 {paragraphs // 3}. 기사와 관련된 자료 사진."
            if paragraphs % 2:
                caption += (
                    " 설명이 길어 몇 줄에 걸쳐 이어지는 경우에도 그림과 설명은 한 쪽에 함께 놓여야 한다."
                )
            figure = {"type": "figure", "text": caption, "caption": caption, "credit": "가상일보"}
            blocks.append({**figure, "src": drawing()})
    first["blocks"] = blocks
    return folder, first


@pytest.fixture(scope="module")
def paged(article) -> dict[str, Path]:
    """preset → PDF of the article."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    folder, data = article
    doc = from_json(json.dumps(data, ensure_ascii=False))
    out = {}
    for preset in PRESETS:
        result = build(
            doc,
            folder / preset,
            "paged",
            BuildOptions(formats=("pdf",), page_size=preset),
            source_dirs=(folder,),
        )
        assert not result.warnings
        out[preset] = result.outputs[0]
    return out


def _rows(page) -> list[tuple[float, float, str, float]]:
    """(top, bottom, font, size) of each text line on the page, top to bottom."""
    rows: dict[int, list[dict]] = {}
    for char in page.chars:
        if char["text"].strip():
            rows.setdefault(round(char["top"] / 2), []).append(char)
    out = []
    for key in sorted(rows):
        chars = rows[key]
        fonts = Counter(c["fontname"].split("+")[-1] for c in chars)
        size = max(c["size"] for c in chars)
        top, bottom = min(c["top"] for c in chars), max(c["bottom"] for c in chars)
        out.append((top, bottom, fonts.most_common(1)[0][0], size))
    return out


def _is_heading(row) -> bool:
    return row[2].endswith("Sans-CJK-KR-Bold") and abs(row[3] - HEADING_PT) < 0.5


def _is_caption(row) -> bool:
    return "Sans" in row[2] and abs(row[3] - CAPTION_PT) < 0.5


def _is_body(row) -> bool:
    return "Serif" in row[2] and row[3] >= 9


@pytest.mark.parametrize("preset", PRESETS)
def test_headings_never_at_page_foot(paged, article, preset):
    headings = 0
    with pdfplumber.open(paged[preset]) as pdf:
        assert len(pdf.pages) >= 4
        for page in pdf.pages:
            rows = _rows(page)
            for index, row in enumerate(rows):
                if not _is_heading(row):
                    continue
                headings += 1
                below = [r for r in rows[index + 1 :] if _is_body(r)]
                assert len(below) >= 2, f"heading at the foot of page {page.page_number}"
    assert headings == sum(block["type"] == "heading" for block in article[1]["blocks"])


def _boxes_per_page(article, preset: str) -> list[Counter]:
    """Per page: how many boxes (line boxes for ``p``/``li``/``figcaption``, set lines included) each
    element has there."""
    import weasyprint

    from bookmaker.layout import render_print_html
    from bookmaker.layout.pages import page_spec
    from bookmaker.sandbox import Sandbox, weasyprint_fetcher

    folder, data = article
    doc = from_json(json.dumps(data, ensure_ascii=False))
    html = render_print_html(doc, page_spec(preset))
    fetcher = weasyprint_fetcher(Sandbox.for_paths([folder]))
    pages = weasyprint.HTML(string=html, base_url=folder.as_uri() + "/", url_fetcher=fetcher).render().pages
    out = []
    for page in pages:
        counts: Counter = Counter()
        stack = [(page._page_box, None)]
        while stack:
            box, owner = stack.pop()
            element = getattr(box, "element", None)
            kind = type(box).__name__
            if kind == "LineBox" and owner is not None and element is not None and element.tag == "span":
                element = owner  # a set line is a block of its own: count its line for the p
            if element is not None and (
                (kind == "LineBox" and element.tag in ("p", "li", "figcaption"))
                or (kind != "LineBox" and element.tag in ("figure", "img"))
            ):
                counts[element] += 1
            if element is not None and element.tag in ("p", "li", "figcaption"):
                owner = element
            stack.extend((child, owner) for child in getattr(box, "children", []))
        out.append(counts)
    return out


@pytest.fixture(scope="module")
def trees(article) -> dict[str, list[Counter]]:
    """preset → per-page box counts (rendered once per preset)."""
    return {preset: _boxes_per_page(article, preset) for preset in ("46", "a5", "sinkuk", "crown")}


@pytest.mark.parametrize("preset", ["46", "a5", "sinkuk", "crown"])
def test_captions_stay_with_their_figure(trees, article, preset):
    """Each figure, its drawing and every line of its caption are on one page."""
    pages = trees[preset]
    figures = {element for counts in pages for element in counts if element.tag == "figure"}
    assert len(figures) == len(list(article[0].glob("*.svg")))
    lines = []
    for figure in figures:
        parts = [figure, *figure.iter("img"), *figure.iter("figcaption")]
        assert len(parts) == 3
        on = {number for number, counts in enumerate(pages) for part in parts if counts[part]}
        assert len(on) == 1, ("".join(parts[2].itertext()), sorted(on))
        lines.append(pages[on.pop()][parts[2]])
    assert max(lines) >= 2  # some captions run to two lines or more, and stay whole


@pytest.mark.parametrize("preset", ["46", "a5", "sinkuk", "crown"])
def test_orphans_and_widows(trees, preset):
    """Every paragraph split by a page break keeps ≥ 2 lines on both pages (WeasyPrint's layout tree)."""
    pages = trees[preset]
    split = 0
    for before, after in itertools.pairwise(pages):
        for element in before.keys() & after.keys():
            if element.tag in ("p", "li"):
                split += 1
                text = "".join(element.itertext())[:40]
                assert before[element] >= 2 and after[element] >= 2, (text, before[element], after[element])
    assert split >= 1  # the test saw at least one paragraph across a page break
