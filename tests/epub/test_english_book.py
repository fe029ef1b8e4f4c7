"""A book whose language is English speaks English in its own pages (contents, landmarks, cover
text, font licence, accessibility summary); a Korean book keeps its Korean words (the goldens)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from epub_support import MOMENT

from bookmaker.collection.assemble import Article, make_collection
from bookmaker.ir import Collection, Document, Meta, Paragraph, text_runs
from bookmaker.layout.labels import label
from bookmaker.layout.pages import page_spec
from bookmaker.layout.render import render_print_html
from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_PAGE = ROOT / "tests" / "fixtures" / "articles" / "ho9-english.txt"
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")


def _files(data: bytes) -> dict[str, str]:
    """The package's text files (pages, OPF, NCX) by name."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xhtml", ".opf", ".ncx"))
        }


def test_an_english_page_makes_an_english_book() -> None:
    doc = load(ENGLISH_PAGE)
    assert doc.meta.language == "en"
    files = _files(write_epub(doc, modified=MOMENT).data)
    nav, opf = files["EPUB/nav.xhtml"], files["EPUB/content.opf"]
    assert '<h1 class="contents-title" id="toc-title">Contents</h1>' in nav
    assert 'aria-label="Landmarks"' in nav and ">Cover</a>" in nav
    assert "<h1>Font License</h1>" in files["EPUB/font-license.xhtml"]
    assert f'alt="Cover: {doc.meta.title}' in files["EPUB/cover.xhtml"]
    assert "This ebook is fully textual" in opf and 'title="Contents"' in opf
    assert "Full license text" in files["EPUB/article.xhtml"]
    source_hangul = set(HANGUL.findall(ENGLISH_PAGE.read_text(encoding="utf-8")))
    for name, text in files.items():
        left = set(HANGUL.findall(text)) - source_hangul
        assert not left, f"{name}: Korean words in an English book: {sorted(left)}"


def _doc(title: str, language: str) -> Document:
    return Document(
        meta=Meta(title=title, language=language),
        blocks=[Paragraph(content=text_runs(f"{title}: the body."))],
    )


def _collection(*languages: str, title: str | None = None, editor: str | None = None) -> Collection:
    articles = [Article(Path(f"/in/{n}.json"), _doc(f"Story {n}", lang)) for n, lang in enumerate(languages)]
    return make_collection(articles, title=title, editor=editor, notes=[])[0]


def test_a_collection_speaks_its_articles_language_when_they_share_one() -> None:
    english = _collection("en", "en", editor="Desk")
    assert english.meta.language == "en" and english.meta.title == "Story 0 and 1 more"
    html = render_print_html(english, page_spec("a5")).replace("\u2060", "")  # word joiners
    assert "Collected Articles" in html and "Edited by Desk" in html and "2 articles" in html
    assert 'data-label="Contents">Contents</h1>' in html
    assert not HANGUL.search(html)
    assert _collection("en", "ko").meta.language == "ko"  # mixed: Korean
    assert _collection("ko", "ko").meta.title == "Story 0 외 1편"


def test_labels_fall_back_to_korean() -> None:
    assert label("contents", "en-GB") == "Contents"
    assert label("contents", "ja") == label("contents") == "차례"
    assert label("more_articles", "fr", count=2) == "외 2편"
