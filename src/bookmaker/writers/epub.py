"""EPUB 3 writer: ebooklib builds the package, :mod:`zip_repack` makes the bytes reproducible."""

from __future__ import annotations

import io
from datetime import datetime

from ebooklib import epub

from bookmaker.errors import BuildError
from bookmaker.ir import Document, Heading
from bookmaker.layout import epub_stylesheet, render_article
from bookmaker.writers.identity import content_uuid
from bookmaker.writers.zip_repack import repack

CHAPTER_FILE = "article.xhtml"


def _toc(doc: Document, chapter: epub.EpubHtml) -> list[object]:
    sections = [
        epub.Link(f"{CHAPTER_FILE}#b{index}", block.text, f"toc-b{index}")
        for index, block in enumerate(doc.blocks, start=1)
        if isinstance(block, Heading)
    ]
    if not sections:
        return [chapter]
    return [(epub.Section(doc.meta.title, href=CHAPTER_FILE), sections)]


def build_epub(doc: Document, *, modified: datetime, theme: str = "book") -> bytes:
    """Return the EPUB 3 of ``doc`` as bytes (identical for identical input and ``modified``)."""
    meta = doc.meta
    book = epub.EpubBook()
    book.set_identifier(content_uuid(doc))
    book.set_title(meta.title)
    book.set_language(meta.language)
    for index, author in enumerate(meta.authors, start=1):
        if author.name:
            book.add_author(author.name, role="aut", uid=f"creator{index}")
    if meta.publisher:
        book.add_metadata("DC", "publisher", meta.publisher)
    if meta.date:
        book.add_metadata("DC", "date", meta.date)
    if meta.subtitles:
        book.add_metadata("DC", "description", " / ".join(meta.subtitles))
    if meta.rights:
        book.add_metadata("DC", "rights", meta.rights)

    css = epub.EpubItem(
        uid="style",
        file_name="style/book.css",
        media_type="text/css",
        content=epub_stylesheet(theme).encode("utf-8"),
    )
    book.add_item(css)
    chapter = epub.EpubHtml(title=meta.title, file_name=CHAPTER_FILE, lang=meta.language)
    chapter.content = f"<html><body>{render_article(doc, 'epub', theme)}</body></html>"
    chapter.add_item(css)
    book.add_item(chapter)
    book.toc = _toc(doc, chapter)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [chapter]

    buffer = io.BytesIO()
    try:
        epub.write_epub(buffer, book, {"mtime": modified, "raise_exceptions": True, "epub2_guide": False})
    except Exception as exc:  # ebooklib raises bare exceptions of many kinds
        raise BuildError(f"EPUB writing failed: {exc}") from exc
    return repack(buffer.getvalue(), modified)
