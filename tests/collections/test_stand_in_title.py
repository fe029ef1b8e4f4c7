"""An untitled article's stand-in title (``제목 없음``) names it in the contents, the nav and the PDF
outline, but is no headline on its page: not in the EPUB body, not printed in the PDF (and the
running head stays blank). A real title that happens to read ``제목 없음`` is still printed."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from bookmaker.check.lines import read_lines
from bookmaker.ir import Document, Meta, Paragraph, text_runs, to_json
from tests.conftest import run_cli
from tests.support.chromium import Chromium, unpack

TEXT = [
    "제목 없이 사진 설명만 남은 기사다. 기사 본문은 여러 문단으로 되어 있고 첫 문단이 곧바로 시작된다.",
    "두 번째 문단은 기사를 이어 간다. 제목이 없는 기사도 책의 차례에는 이름이 있어야 한다.",
]


def _write(path: Path, title: str, publisher: str | None = None) -> Path:
    doc = Document(
        meta=Meta(title=title, publisher=publisher), blocks=[Paragraph(content=text_runs(t)) for t in TEXT]
    )
    path.write_text(to_json(doc), encoding="utf-8")
    return path


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _outline(path: Path) -> list[str]:
    return [item.title for item in pypdf.PdfReader(path).outline if not isinstance(item, list)]


@pytest.mark.parametrize("theme", ["book", "newspaper", "report"])
def test_an_untitled_article_has_no_headline_on_its_page(tmp_path: Path, theme: str) -> None:
    source = _write(tmp_path / "untitled.json", "")
    proc = run_cli("build", source, "-o", tmp_path, "--theme", theme, "--no-embed-fonts")
    assert proc.returncode == 0, proc.stderr
    assert "the article has no title; the books are titled '제목 없음'" in proc.stderr
    with zipfile.ZipFile(tmp_path / "untitled.epub") as book:
        page = book.read("EPUB/article.xhtml").decode()
        nav = etree.fromstring(book.read("EPUB/nav.xhtml"))
    assert "<h1" not in page and "제목 없음" in page.split("</title>")[0]  # the page's <title> only
    links = nav.xpath("//*[local-name()='nav'][@role='doc-toc']//*[local-name()='a']/text()")
    assert links[0] == "제목 없음"
    pdf = tmp_path / "untitled.pdf"
    assert "제목 없음" not in _pdf_text(pdf)  # neither as a headline nor as a running head
    assert _outline(pdf) == ["제목 없음"]


def test_a_collection_lists_the_untitled_article_but_does_not_print_the_stand_in(tmp_path: Path) -> None:
    titled = _write(tmp_path / "titled.json", "금리 동결")
    untitled = _write(tmp_path / "untitled.json", "")
    proc = run_cli("build", titled, untitled, "--title", "묶음", "-o", tmp_path / "out", "--no-embed-fonts")
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / "out" / "묶음.pdf"
    assert _pdf_text(pdf).count("제목 없음") == 1  # the contents page's entry
    assert "제목 없음" in _outline(pdf)


def test_a_real_title_reading_like_the_stand_in_is_printed(tmp_path: Path) -> None:
    source = _write(tmp_path / "artwork.json", "제목 없음")
    proc = run_cli("build", source, "-o", tmp_path, "--to", "pdf")
    assert proc.returncode == 0, proc.stderr
    assert "제목 없음" in _pdf_text(tmp_path / "artwork.pdf")


@pytest.mark.parametrize("theme", ["book", "newspaper"])
def test_an_untitled_article_with_nothing_to_credit_draws_no_rule_above_its_text(
    tmp_path: Path, theme: str
) -> None:
    """With no headline, byline, date or deck the title block is empty: no rule under nothing, no
    gap; the text starts at the top of the page (PDF) and of the document (EPUB)."""
    source = _write(tmp_path / "untitled.json", "")
    proc = run_cli("build", source, "-o", tmp_path, "--theme", theme, "--page-size", "a5")
    assert proc.returncode == 0, proc.stderr
    lines, _ = read_lines(str(tmp_path / "untitled.pdf"))
    top_margin_pt = 18 / 25.4 * 72
    assert lines[0].text.startswith("제목 없이") and lines[0].top - top_margin_pt < 6, lines[0]
    assert _outline(tmp_path / "untitled.pdf") == ["제목 없음"]  # the block still names the article
    folder = unpack(tmp_path / "untitled.epub", tmp_path / "unpacked")
    with Chromium() as browser:
        session = browser.open((folder / "EPUB" / "article.xhtml").as_uri())
        drawn = browser.evaluate(
            session,
            "(() => { const h = document.querySelector('header'); const s = getComputedStyle(h);"
            " return [h.getBoundingClientRect().height, s.borderBottomWidth, s.marginBottom]; })()",
        )
    assert drawn == [0, "0px", "0px"]


def test_a_newspaper_masthead_over_an_untitled_article_is_its_only_rule(tmp_path: Path) -> None:
    """The masthead is ruled already: with no headline, kicker, deck or byline under it, the text
    follows it closely, not after a second rule drawn under nothing."""
    source = _write(tmp_path / "untitled.json", "", publisher="오마이뉴스")
    proc = run_cli("build", source, "-o", tmp_path, "--theme", "newspaper", "--to", "pdf")
    assert proc.returncode == 0, proc.stderr
    lines, _ = read_lines(str(tmp_path / "untitled.pdf"))
    masthead = next(line for line in lines if line.text.replace(" ", "") == "오마이뉴스")
    first = next(line for line in lines if line.text.startswith("제목 없이"))
    assert first.top - masthead.bottom < 8 / 25.4 * 72, (masthead, first)


def test_an_untitled_report_has_no_cover_page_without_a_title(tmp_path: Path) -> None:
    """The report's title block is a cover page of its own; with no title to print it would hold only
    the label: instead the label and credits head the first page, and the text follows on it."""
    source = _write(tmp_path / "untitled.json", "", publisher="연합뉴스")
    proc = run_cli("build", source, "-o", tmp_path, "--theme", "report", "--to", "pdf")
    assert proc.returncode == 0, proc.stderr
    lines, _ = read_lines(str(tmp_path / "untitled.pdf"))
    assert {line.page for line in lines} == {1}
    assert any(line.text.startswith("제목 없이") for line in lines)
    assert _outline(tmp_path / "untitled.pdf") == ["제목 없음"]
