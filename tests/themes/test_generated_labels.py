"""Words the stylesheets generate follow the language: the report theme's figure numbers (``그림 1.``
/ ``Figure 1.``, per article) and the newspaper theme's folios (``1면`` / ``1``, the book's). A
Korean book's stylesheets are the ones rendered without other languages (unchanged)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from bookmaker.ir import Document, Figure, Meta, Paragraph, text_runs, to_json
from bookmaker.layout import epub_stylesheet
from bookmaker.layout.labels import css_label, other_languages
from bookmaker.pipeline import BuildOptions, build, load
from bookmaker.writers.epub_cascade import drawn_text
from tests.conftest import ROOT

PHOTO = ROOT / "tests" / "fixtures" / "markdown" / "fab.jpg"
TEXT = {
    "en": ("Chip plant opens", "The plant opened on Monday after two years of work.", "The new line."),
    "ko": ("반도체 공장 준공", "공장은 2년 공사 끝에 월요일 문을 열었다.", "새 생산 라인."),
}


def _build(folder: Path, language: str, theme: str) -> tuple[Path, Path]:
    folder.mkdir()
    shutil.copy(PHOTO, folder / "fab.jpg")
    title, body, caption = TEXT[language]
    doc = Document(
        meta=Meta(title=title, language=language),
        blocks=[
            Paragraph(content=text_runs(body)),
            Figure(src="fab.jpg", alt=caption, caption=text_runs(caption)),
            Paragraph(content=text_runs(body)),
        ],
    )
    source = folder / "doc.json"
    source.write_text(to_json(doc), encoding="utf-8")
    options = BuildOptions(formats=("epub", "pdf"), theme=theme)
    result = build(load(source), folder, "doc", options, source_dirs=[folder])
    epub, pdf = sorted(result.outputs, key=lambda p: p.suffix)
    return epub, pdf


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _epub_drawn(epub: Path) -> str:
    with zipfile.ZipFile(epub) as book:
        pages = [book.read(n) for n in book.namelist() if n.endswith("article.xhtml")]
        css = [book.read(n).decode() for n in book.namelist() if n.endswith(".css") and "fonts" not in n]
    return "".join("".join(sorted(chars)) for chars in drawn_text(pages, css).values())


def test_css_label_quotes_the_words_around_the_counters() -> None:
    assert css_label("figure", "ko", n="counter(fig)") == '"그림 " counter(fig) "."'
    assert css_label("figure", "en-GB", n="counter(fig)") == '"Figure " counter(fig) "."'
    assert css_label("folio", "en", page="counter(page)") == "counter(page)"
    assert other_languages(["ko", "en-US", "ja", "ko-KR"]) == ("en",)  # ja has no words of its own yet


@pytest.mark.parametrize("language", ["en", "ko"])
def test_report_figure_numbers_in_the_article_s_language(tmp_path: Path, language: str) -> None:
    epub, pdf = _build(tmp_path / language, language, "report")
    printed = _pdf_text(pdf)
    expected, other = ("Figure 1.", "그림") if language == "en" else ("그림 1.", "Figure")
    assert expected in printed and other not in printed
    with zipfile.ZipFile(epub) as book:
        css = book.read("EPUB/style/book.css").decode()
    if language == "ko":
        assert ":lang(en)" not in css and css == epub_stylesheet("report")  # as before
    else:
        assert ':lang(en) figure.photo > img + figcaption::before { content: "Figure "' in css
        drawn = _epub_drawn(epub)
        assert set("Figure") <= set(drawn) and "그" not in drawn  # the cascade draws what a reader shows


@pytest.mark.parametrize(("language", "folio"), [("en", "1"), ("ko", "1면")])
def test_newspaper_folio_in_the_book_s_language(tmp_path: Path, language: str, folio: str) -> None:
    _, pdf = _build(tmp_path / language, language, "newspaper")
    last = [line.strip() for line in _pdf_text(pdf).splitlines() if line.strip()][-1]
    assert last == folio


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_report_figure_without_its_image_is_a_plain_caption(tmp_path: Path, language: str) -> None:
    """In print as in the EPUB, only a figure that shows an image is numbered: the figures around a
    lost image are 1 and 2, and the lost one's caption stands alone, unlabelled."""
    shutil.copy(PHOTO, tmp_path / "fab.jpg")
    title, body, caption = TEXT[language]
    lost = "Lost photo" if language == "en" else "사라진 사진"
    blocks = [
        Paragraph(content=text_runs(body)),
        Figure(src="fab.jpg", alt=caption, caption=text_runs(caption)),
        Figure(caption=text_runs(lost)),
        Figure(src="fab.jpg", alt=caption, caption=text_runs(caption)),
    ]
    source = tmp_path / "doc.json"
    source.write_text(
        to_json(Document(meta=Meta(title=title, language=language), blocks=blocks)), encoding="utf-8"
    )
    options = BuildOptions(formats=("pdf",), theme="report")
    (pdf,) = build(load(source), tmp_path, "doc", options, source_dirs=[tmp_path]).outputs
    lines = [line.strip() for line in _pdf_text(pdf).splitlines()]
    word = "Figure" if language == "en" else "그림"
    assert [line.split(".")[0] for line in lines if line.startswith(word)] == [f"{word} 1", f"{word} 2"]
    assert lost in lines
