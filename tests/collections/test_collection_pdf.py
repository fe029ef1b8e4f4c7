"""The collection's PDF: contents with real page numbers, recto openings, running heads, outline."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from tests.collections.collection_support import (
    ARTICLES,
    TITLE,
    article_json,
    pdf_pages,
    squash,
    title_of,
)
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def pages(digest) -> list[str]:
    return pdf_pages(digest["pdf"])


def _toc_numbers(pages: list[str]) -> tuple[int, list[int]]:
    """(index of the contents page, the page numbers it lists in order)."""
    for index, text in enumerate(pages):
        if squash(text).startswith("차례"):
            numbers = [int(n) for n in re.findall(r"(?:[.·]\s*){2,}(\d+)\s*$", text, flags=re.MULTILINE)]
            return index, numbers
    raise AssertionError("no contents page")


def _opening_pages(pages: list[str], after: int) -> list[int]:
    """1-based page on which each article's title first appears after the contents page."""
    found = []
    for name in ARTICLES:
        needle = squash(title_of(name))
        hits = [i + 1 for i, text in enumerate(pages) if i > after and needle in squash(text)]
        assert hits, f"{name}: title not found in the PDF"
        found.append(hits[0])
    return found


def test_title_page_names_the_collection(pages):
    first = squash(pages[0])
    assert squash(TITLE) in first
    assert "편집부엮음" in first
    assert "기사5편" in first  # the repeated input is not counted


def test_contents_page_numbers_are_the_opening_pages(pages):
    toc_index, numbers = _toc_numbers(pages)
    assert len(numbers) == len(ARTICLES)
    assert numbers == _opening_pages(pages, toc_index)
    toc = squash(pages[toc_index])
    positions = [toc.find(squash(title_of(name))) for name in ARTICLES]
    assert -1 not in positions and positions == sorted(positions), "contents out of order"


def test_each_article_opens_on_a_right_hand_page(pages):
    toc_index, _ = _toc_numbers(pages)
    assert all(page % 2 == 1 for page in _opening_pages(pages, toc_index))


def test_repeated_article_is_printed_once(pages):
    opening = squash("올여름 서울의 폭염 일수가 41일을 기록하며")
    assert sum(squash(text).count(opening) for text in pages) == 1


def test_running_head_is_the_article_title(pages):
    toc_index, numbers = _toc_numbers(pages)
    checked = 0
    for name, start, end in zip(ARTICLES, numbers, [*numbers[1:], len(pages) + 1], strict=True):
        heads = [pages[p - 1].strip().splitlines()[0] for p in range(start + 1, end) if pages[p - 1].strip()]
        checked += len(heads)
        assert all(squash(title_of(name))[:12] in squash(head) for head in heads), (name, heads)
        opening = squash(pages[start - 1])
        assert opening.count(squash(title_of(name))[:12]) == 1, f"{name}: running head on its opening page"
    assert checked >= 8, "too few continuation pages to check"
    for front in pages[: toc_index + 1]:
        assert not re.search(r"^\s*\d+\s*$", front, flags=re.MULTILINE), "folio on a front-matter page"


def _titles(items: list) -> list[str]:
    """Outline titles in reading order, nested levels flattened."""
    return [t for item in items for t in (_titles(item) if isinstance(item, list) else [item.title])]


def test_outline_nests_sections_under_articles(digest):
    reader = PdfReader(str(digest["pdf"]))
    outline = reader.outline
    top = [(i, item) for i, item in enumerate(outline) if not isinstance(item, list)]
    titles = [item.title for _, item in top]
    assert titles[0] == "차례"
    assert titles[1:] == [title_of(name) for name in ARTICLES]
    for (index, item), name in zip(top[1:], ARTICLES, strict=True):
        headings = [b["text"] for b in article_json(name)["blocks"] if b["type"] == "heading"]
        children = (
            outline[index + 1] if index + 1 < len(outline) and isinstance(outline[index + 1], list) else []
        )
        assert _titles(children) == headings, name
        opening = reader.get_destination_page_number(item) + 1
        assert squash(title_of(name)) in squash(reader.pages[opening - 1].extract_text())


def test_pdf_metadata(digest):
    info = PdfReader(str(digest["pdf"])).metadata
    assert info.title == TITLE
    assert info.author == "편집부"


def test_korean_words_split_only_at_principled_seams(digest, tmp_path):
    source = tmp_path / "collection.txt"
    texts = []
    for name in ARTICLES:
        data = article_json(name)
        texts += [data["meta"]["title"], *data["meta"]["subtitles"], *(b["text"] for b in data["blocks"])]
    source.write_text("\n".join(texts), encoding="utf-8")
    tool = SHARED / "tools" / "breaks.py"
    if not tool.is_file():
        pytest.skip("shared tools not present")
    out = subprocess.run(
        [sys.executable, str(tool), str(digest["pdf"]), str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["breaks"] > 200, report
    # words break only at principled seams (a compound noun, after ·), rarely (issue #21)
    assert report["bad_splits"] in (0, None) and report["splits"] <= 0.03 * report["breaks"], report


def test_duplicate_reported_once(digest):
    warnings = [line for line in str(digest["stderr"]).splitlines() if "duplicate of" in line]
    assert len(warnings) == 1, digest["stderr"]
    assert "long-climate.json" in warnings[0] and warnings[0].endswith("left out")
