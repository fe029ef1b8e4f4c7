"""Every theme builds the seed: EPUBCheck 0/0, PDF with 0 word splits, the theme's page and faces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED, SHARED, epubcheck, run_cli

THEMES = {  # theme: (page size in pt, body face in pdffonts)
    "book": ((419.53, 595.28), "Noto-Serif-CJK-KR"),
    "newspaper": ((728.5, 1031.81), "Noto-Serif-CJK-KR"),
    "report": ((595.28, 841.89), "Noto-Sans-CJK-KR"),
}
STEM = SEED.stem


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("themes")
    for theme in THEMES:
        proc = run_cli("build", SEED, "-o", out / theme, "--theme", theme)
        assert proc.returncode == 0, proc.stderr
        notes = [line for line in proc.stderr.splitlines() if ": removed " not in line]
        assert notes == [], proc.stderr  # no warnings beyond the removal summary
    return {theme: out / theme for theme in THEMES}


@pytest.mark.parametrize("theme", THEMES)
def test_epub_passes_epubcheck(builds: dict[str, Path], theme: str) -> None:
    report = epubcheck(builds[theme] / f"{STEM}.epub")
    checker = report["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), report["messages"]


@pytest.mark.parametrize("theme", THEMES)
def test_pdf_has_no_word_splits(builds: dict[str, Path], theme: str) -> None:
    proc = subprocess.run(
        [sys.executable, SHARED / "tools" / "breaks.py", builds[theme] / f"{STEM}.pdf", SEED],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(proc.stdout)
    # narrow newspaper columns may break a word at a principled seam (a compound noun, after ·), rarely
    assert result["breaks"] > 20 and result["bad_splits"] in (0, None), result
    assert result["splits"] <= max(1, 0.03 * result["breaks"]), result


@pytest.mark.parametrize("theme", THEMES)
def test_pdf_page_size_and_body_face(builds: dict[str, Path], theme: str) -> None:
    import pdfplumber

    (width, height), face = THEMES[theme]
    with pdfplumber.open(builds[theme] / f"{STEM}.pdf") as pdf:
        page = pdf.pages[-1]
        assert (float(page.width), float(page.height)) == pytest.approx((width, height), abs=0.1)
        text = "".join(c["text"] for c in page.chars if c["fontname"].endswith("+" + face))
    assert "경쟁력을 키우는" in text  # the last paragraph is set in the theme's body face


def test_newspaper_sets_balanced_columns_one_page(builds: dict[str, Path]) -> None:
    """B4: two columns (each ≥ 24 em), ending within a few lines of each other (column-fill: balance)."""
    import pdfplumber

    with pdfplumber.open(builds["newspaper"] / f"{STEM}.pdf") as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        text = [c for c in page.chars if 7.5 <= c["size"] <= 9.5 and c["text"].strip()]
        body = [c for c in text if round(c["size"], 1) == 9.0]
        folio = max(c["top"] for c in text)  # the page number, below the columns
        middle = float(page.width) / 2
    rows: dict[int, list[float]] = {}
    for char in body:
        rows.setdefault(round(char["top"]), []).append(char["x0"])
    starts: list[int] = []  # where a line begins: the row's first character, or after a wide gap
    for xs in rows.values():
        xs.sort()
        starts += [round(x) for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > 20]
    edges = sorted({x for x in starts if starts.count(x) > 5})
    assert len(edges) == 2, edges  # two column edges (first-line indents are rarer)
    ends = [
        max(c["bottom"] for c in text if (c["x0"] > middle) == right and c["top"] < folio) for right in (0, 1)
    ]
    assert abs(ends[0] - ends[1]) <= 4 * 9 * 1.6, ends  # a figure moves whole: within four lines


def test_report_has_a_cover_page_and_numbered_sections(builds: dict[str, Path]) -> None:
    pdf = builds["report"] / f"{STEM}.pdf"
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True)
    rest = subprocess.run(["pdftotext", "-f", "2", pdf, "-"], capture_output=True, text=True).stdout
    assert "보 고 서" in first.stdout or "보고서" in first.stdout.replace(" ", "")
    assert "삼성전자와" not in first.stdout  # the body starts on page 2
    assert "1. 안정적 수요 유지" in rest and "2. 국내 AI 발전" in rest


def test_newspaper_epub_is_single_column(builds: dict[str, Path]) -> None:
    import zipfile

    with zipfile.ZipFile(builds["newspaper"] / f"{STEM}.epub") as book:
        css = book.read("EPUB/style/book.css").decode()
        article = book.read("EPUB/article.xhtml").decode()
    assert "columns" not in css.replace("column-", "")
    assert 'class="masthead"' in article and 'class="deck"' in article and "byline" in article


@pytest.mark.parametrize("theme", THEMES)
def test_every_glyph_is_in_the_embedded_subsets(builds: dict[str, Path], theme: str) -> None:
    """A character left out of a face's subset is drawn blank, not in the installed face (WeasyPrint
    embeds the two as one font: same family and weight), so no theme may draw one."""
    from bookmaker.check.glyphs import embedded_glyphs

    report = embedded_glyphs(str(builds[theme] / f"{STEM}.pdf"))
    assert report.missing == 0, report.examples
