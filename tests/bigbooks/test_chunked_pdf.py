"""A book rendered in chunks reads like the same book rendered in one piece: same pages, same
folios and running heads, contents and outline pointing at the real pages, one font per face."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from bookmaker import chunked
from bookmaker.book import Book
from bookmaker.chunked.plan import plan_chunks
from bookmaker.collection.assemble import Article, make_collection
from bookmaker.ir import from_json
from bookmaker.pipeline import BuildOptions
from tests.bigbooks.conftest import long_article
from tests.collections.collection_support import ARTICLES, FIXTURES, pdf_pages, squash, title_of
from tests.collections.test_collection_pdf import _opening_pages, _toc_numbers
from tests.conftest import SHARED, run_cli


def _digest_book() -> Book:
    articles = [
        Article(FIXTURES / f"{n}.json", from_json((FIXTURES / f"{n}.json").read_bytes())) for n in ARTICLES
    ]
    return Book.of(make_collection(articles, title="t")[0])


def test_the_test_digest_is_cut_into_several_chunks():
    chunks = plan_chunks(_digest_book(), 12000)
    assert len(chunks) >= 3
    assert not any(piece.continued for chunk in chunks for piece in chunk)


def test_chunked_digest_has_the_same_pages_as_the_whole_one(whole_digest, chunked_digest):
    whole, parts = pdf_pages(whole_digest), pdf_pages(chunked_digest)
    assert len(parts) == len(whole)
    for number, (one, other) in enumerate(zip(whole, parts, strict=True), 1):
        assert one == other, f"page {number} differs"


def test_contents_page_numbers_are_the_real_opening_pages(chunked_digest):
    pages = pdf_pages(chunked_digest)
    toc_index, numbers = _toc_numbers(pages)
    assert numbers == _opening_pages(pages, toc_index)
    assert all(number % 2 == 1 for number in numbers)


def test_contents_links_reach_the_opening_pages(chunked_digest):
    pages = pdf_pages(chunked_digest)
    toc_index, numbers = _toc_numbers(pages)
    with pikepdf.open(chunked_digest) as pdf:
        index = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}
        names = pikepdf.NameTree(pdf.Root.Names.Dests)
        targets = [index[names[str(a.Dest)][0].objgen] for a in pdf.pages[toc_index].Annots if "/Dest" in a]
    assert sorted(set(targets)) == numbers


def test_outline_points_at_the_real_pages_and_nests_sections(chunked_digest, whole_digest):
    def outline(path: Path) -> list[tuple[int, str, int]]:
        reader = PdfReader(str(path))
        flat: list[tuple[int, str, int]] = []

        def walk(items: list, depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    flat.append((depth, item.title, reader.get_destination_page_number(item) + 1))

        walk(reader.outline, 1)
        return flat

    entries = outline(chunked_digest)
    assert entries == outline(whole_digest)
    pages = pdf_pages(chunked_digest)
    tops = [(title, page) for depth, title, page in entries if depth == 1]
    assert [title for title, _ in tops] == ["차례", *(title_of(name) for name in ARTICLES)]
    for title, page in tops[1:]:
        assert squash(title) in squash(pages[page - 1])
    for depth, title, page in entries:
        if depth > 1:
            assert squash(title)[:10] in squash(pages[page - 1]), title


def _font_programs(path: Path) -> list[tuple[str, int]]:
    """(font name, program object number) of every embedded font."""
    with pikepdf.open(path) as pdf:
        return [
            (str(obj.FontName).split("+")[-1], obj.FontFile3.objgen[0])
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
        ]


def test_one_font_program_per_face(chunked_digest, whole_digest):
    programs = _font_programs(chunked_digest)
    by_face: dict[str, set[int]] = {}
    for name, number in programs:
        by_face.setdefault(name, set()).add(number)
    assert len(programs) > len(by_face), "expected several parts"
    assert all(len(numbers) == 1 for numbers in by_face.values()), by_face
    assert set(by_face) == {name for name, _ in _font_programs(whole_digest)}
    assert chunked_digest.stat().st_size < 1.3 * whole_digest.stat().st_size


def test_parts_rendered_uncompressed_are_joined_compressed(chunked_digest):
    # the workers leave WeasyPrint's streams uncompressed; strip_fonts deflates them once
    with pikepdf.open(chunked_digest) as pdf:
        streams = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)]
        assert streams
        assert all("/Filter" in stream for stream in streams)


@pytest.mark.parametrize("tool", ["breaks.py", "loose.py"])
def test_yardsticks_are_unchanged_by_chunking(tool, whole_digest, chunked_digest, tmp_path):
    script = SHARED / "tools" / tool
    if not script.is_file():
        pytest.skip("shared tools not present")
    extra: list[str] = []
    if tool == "breaks.py":
        source = tmp_path / "source.txt"
        texts = []
        for name in ARTICLES:
            data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
            texts += [data["meta"]["title"], *data["meta"]["subtitles"], *(b["text"] for b in data["blocks"])]
        source.write_text("\n".join(texts), encoding="utf-8")
        extra = [str(source)]

    def measure(pdf: Path) -> str:
        run = subprocess.run([sys.executable, str(script), str(pdf), *extra], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return run.stdout

    assert measure(chunked_digest) == measure(whole_digest)


def test_small_books_are_not_chunked_unless_asked():
    book = _digest_book()
    assert not chunked.wanted(book, BuildOptions(), [])
    assert not chunked.wanted(Book.of(book.chapters[0]), BuildOptions(), [])
    assert chunked.wanted(book, BuildOptions(jobs=1), [])
    assert not chunked.wanted(book, BuildOptions(jobs=0), [])


def test_tagged_or_archival_pdf_with_jobs_is_refused(tmp_path):
    proc = run_cli(
        "build", FIXTURES / "long-climate.json", "--jobs", "2", "--pdf-variant", "tagged", "-o", tmp_path
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("bookmaker: error: --pdf-variant tagged cannot be combined with --jobs")
    assert "structure trees" in proc.stderr
    assert not list(tmp_path.iterdir())


def test_long_article_cut_at_headings_keeps_text_folios_heads_and_outline(long_whole, long_chunked):
    whole, parts = pdf_pages(long_whole), pdf_pages(long_chunked)
    assert squash("".join(_body(p) for p in parts)) == squash("".join(_body(p) for p in whole))
    assert len(parts) > 12
    title = long_article().meta.title
    for number, text in enumerate(parts, 1):
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        if not lines:
            continue  # a blank left-hand page before a cut
        assert lines[-1] == str(number), f"page {number}: folio {lines[-1]!r}"
        if number > 1:
            assert squash(lines[0]) == squash(title), f"page {number}: running head {lines[0]!r}"
    reader = PdfReader(str(long_chunked))
    assert len(reader.outline) == 2 and reader.outline[0].title == title
    sections = [item.title for item in reader.outline[1]]
    assert sections == [f"{n}장 긴 기사의 마디" for n in range(1, 41)]
    for item in reader.outline[1]:
        page = reader.get_destination_page_number(item)
        assert squash(item.title) in squash(parts[page])


def _body(page: str) -> str:
    """A page's text less its running head (first line) and folio (last line)."""
    lines = [line for line in page.strip().splitlines() if line.strip()]
    return "\n".join(lines[1:-1]) if len(lines) > 2 else ""


def test_footnotes_of_a_cut_article_keep_their_numbers_and_pages(noted_builds):
    for pages in (pdf_pages(path) for path in noted_builds):  # whole, then cut into runs
        for number, section in enumerate((2, 20, 38), 1):
            found = [i for i, text in enumerate(pages) if f"각주 {number}번의 설명: {section}장" in text]
            assert len(found) == 1, f"note {number} is set on pages {found}"
            page = pages[found[0]]
            assert re.search(rf"^\s*{number}\s+각주 {number}번", page, re.M), f"note {number} misnumbered"
            # at the foot of its reference's page: the reference ends its section's first paragraph
            assert f"{section}장 긴 기사의 마디" in pages[found[0] - 1] + page


def test_long_article_is_cut_only_at_headings():
    chunks = plan_chunks(Book.of(long_article()), 6000)
    assert len(chunks) >= 3
    assert all(type(chunk[0].doc.blocks[0]).__name__ == "Heading" for chunk in chunks if chunk[0].continued)


@pytest.mark.parametrize("theme", ["report", "newspaper"])
def test_other_themes_folios_read_the_same_in_chunks(theme, tmp_path):
    """The report theme's folios are "n / N" (``counter(pages)``) centred; the newspaper's "n면"."""
    from tests.bigbooks.conftest import SMALL_CHUNKS, build, digest_inputs

    whole = build(tmp_path / "whole", *digest_inputs(), "--theme", theme)
    parts = build(tmp_path / "parts", *digest_inputs(), "--theme", theme, "--jobs", "2", env=SMALL_CHUNKS)
    assert pdf_pages(parts) == pdf_pages(whole)
