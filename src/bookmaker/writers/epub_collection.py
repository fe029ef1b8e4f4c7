"""EPUB 3 of a collection: cover, contents, one XHTML per article with its own title block.

Built by the same :func:`~bookmaker.writers.epub.write_book` as a single article, so it carries the
same accessibility metadata, fonts, reproducible re-zip and EPUBCheck-clean package. The
navigation document (and NCX) lists every article with its sections nested, and follows the cover
in the reading order.
"""

from __future__ import annotations

from datetime import datetime

from ebooklib import epub

from bookmaker.fonts.faces import EPUB_FACES
from bookmaker.fonts.subsetting import WHITESPACE, FontSubset
from bookmaker.ir import Author, Collection, Document, Figure, Heading, Meta
from bookmaker.layout import render_article
from bookmaker.layout.style import Style
from bookmaker.sandbox import Sandbox
from bookmaker.writers.cover import CoverImage, generate_cover
from bookmaker.writers.epub import BookPlan, ChapterPart, font_characters, subset_fonts, write_book
from bookmaker.writers.epub_a11y import accessibility_metadata
from bookmaker.writers.epub_images import PackagedImage, package_images
from bookmaker.writers.identity import collection_uuid

COLLECTION_KIND = "기사 모음"
EDITOR_ROLE = "엮음"


def chapter_file(number: int) -> str:
    """The XHTML file name of the ``number``-th article (1-based)."""
    return f"article-{number:02d}.xhtml"


def _toc(collection: Collection, chapters: list[epub.EpubHtml]) -> list[object]:
    entries: list[object] = []
    for number, (doc, chapter) in enumerate(zip(collection.articles, chapters, strict=True), start=1):
        file_name = chapter.file_name
        sections = [
            epub.Link(f"{file_name}#b{index}", block.text, f"toc-a{number}-b{index}")
            for index, block in enumerate(doc.blocks, start=1)
            if isinstance(block, Heading)
        ]
        if sections:
            entries.append((epub.Section(doc.meta.title, href=file_name), sections))
        else:
            entries.append(epub.Link(file_name, doc.meta.title, f"toc-a{number}"))
    return entries


def _authors(collection: Collection) -> list[str]:
    names = (a.name for doc in collection.articles for a in doc.meta.authors if a.name)
    return list(dict.fromkeys(names))


def _add_metadata(book: epub.EpubBook, collection: Collection, has_images: bool) -> None:
    meta = collection.meta
    book.set_identifier(collection_uuid(collection))
    book.set_title(meta.title)
    book.set_language(meta.language)
    for index, name in enumerate(_authors(collection), start=1):
        book.add_author(name, role="aut", uid=f"creator{index}")
    if meta.editor:
        book.add_metadata("DC", "contributor", meta.editor, {"id": "editor"})
        book.add_metadata(
            None, "meta", "edt", {"refines": "#editor", "property": "role", "scheme": "marc:relators"}
        )
    if meta.date:
        book.add_metadata("DC", "date", meta.date)
    titles = " / ".join(doc.meta.title for doc in collection.articles)
    book.add_metadata("DC", "description", f"{COLLECTION_KIND} {len(collection.articles)}편: {titles}")
    for prop, value in accessibility_metadata(has_images=has_images):
        book.add_metadata(None, "meta", value, {"property": prop})


def _cover_lines(titles: list[str], room: int = 4) -> list[str]:
    """The article titles the cover has room for; the rest counted (``외 2편``)."""
    if len(titles) <= room:
        return titles
    return [*titles[: room - 1], f"외 {len(titles) - room + 1}편"]


def cover_document(collection: Collection) -> Document:
    """A stand-in document the cover generator draws: title, article titles, editor."""
    meta = collection.meta
    editor = [Author(name=f"{meta.editor} {EDITOR_ROLE}")] if meta.editor else []
    return Document(
        meta=Meta(
            title=meta.title,
            series=[COLLECTION_KIND],
            subtitles=_cover_lines([doc.meta.title for doc in collection.articles]),
            authors=editor,
            language=meta.language,
        )
    )


def collection_font_characters(
    collection: Collection, *, sans_body: bool = False
) -> dict[str, frozenset[str]]:
    """The characters each face sets across all articles, the cover page and the contents."""
    meta = collection.meta
    own = frozenset(f"{meta.title}{meta.editor or ''}{COLLECTION_KIND}{EDITOR_ROLE}") - WHITESPACE
    wanted: dict[str, frozenset[str]] = {face.key: own for face in EPUB_FACES}
    for doc in collection.articles:
        for key, chars in font_characters(doc, sans_body=sans_body).items():
            wanted[key] = wanted.get(key, frozenset()) | chars
    return wanted


def _embedded_fonts(collection: Collection, *, sans_body: bool = False) -> list[FontSubset]:
    return subset_fonts(collection_font_characters(collection, sans_body=sans_body))


def build_collection_epub(
    collection: Collection,
    *,
    modified: datetime,
    theme: str = "book",
    embed_fonts: bool = True,
    cover: CoverImage | None = None,
    warnings: list[str] | None = None,
    sandbox: Sandbox | None = None,
    base_url: str = "file:///",
    style: Style | None = None,
) -> bytes:
    """Return the EPUB 3 of ``collection`` as bytes (identical for identical input and ``modified``).

    Figure sources should be absolute (see :func:`bookmaker.collection.assemble.with_absolute_figures`);
    images are read only as ``sandbox`` allows.
    """
    notes = warnings if warnings is not None else []
    fence = sandbox or Sandbox.for_paths([])
    articles: list[Document] = []
    images: list[PackagedImage] = []
    for number, doc in enumerate(collection.articles, start=1):
        packaged, found = package_images(doc, fence, base_url, stem=f"a{number:02d}-figure")
        articles.append(packaged)
        images += found
    meta = collection.meta
    packaged_collection = Collection(meta=meta, articles=articles, duplicates=collection.duplicates)
    cover = cover or generate_cover(cover_document(collection))
    has_images = cover is not None or any(
        isinstance(b, Figure) and b.src for doc in articles for b in doc.blocks
    )
    plan = BookPlan(
        language=meta.language,
        cover_title=meta.title,
        cover_alt=f"표지: {meta.title}" + (f" — {meta.editor} {EDITOR_ROLE}" if meta.editor else ""),
        chapters=[
            ChapterPart(
                f"article-{number:02d}",
                chapter_file(number),
                doc.meta.title,
                doc.meta.language,
                render_article(doc, "epub", theme, style=style),
            )
            for number, doc in enumerate(articles, start=1)
        ],
        toc=lambda chapters: _toc(packaged_collection, chapters),
        set_metadata=lambda book, with_images: _add_metadata(book, collection, with_images),
        nav_in_reading_order=True,
    )
    return write_book(
        plan,
        modified=modified,
        theme=theme,
        style=style,
        embed_fonts=embed_fonts,
        fonts=_embedded_fonts(collection, sans_body=style is not None and style.sans_body)
        if embed_fonts
        else [],
        cover=cover,
        figure_images=images,
        has_images=has_images,
        notes=notes,
    )
