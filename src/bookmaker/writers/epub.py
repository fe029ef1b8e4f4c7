"""EPUB 3 writer: ebooklib writes the package, :mod:`stable_zip` zips its files again reproducibly.

A book (:class:`~bookmaker.book.Book`: one article, or a collection's articles) becomes a cover
page, one XHTML per chapter and the navigation document (TOC + landmarks; a collection's follows
the cover); the contents, in it and in the NCX, nest headings by level (:mod:`epub_toc`). It
carries EPUB Accessibility 1.1 metadata, Korean reading CSS and, unless turned off, subsets of
Noto CJK KR with the OFL and Apple Books' ``specified-fonts`` flag.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub
from lxml import etree

from bookmaker.book import Book
from bookmaker.errors import BuildError
from bookmaker.fonts.discovery import locate
from bookmaker.fonts.faces import EPUB_FACES
from bookmaker.fonts.subsetting import FontSubset
from bookmaker.ir import Author, Collection, Document, Figure, Heading, Meta
from bookmaker.layout import epub_stylesheet, render_article
from bookmaker.layout.labels import label, other_languages
from bookmaker.layout.style import Style, default_style
from bookmaker.sandbox import Sandbox
from bookmaker.writers import Written
from bookmaker.writers.cover import CoverImage, generate_cover
from bookmaker.writers.epub_a11y import accessibility_metadata
from bookmaker.writers.epub_fonts import (
    FONTS_CSS,
    MEDIA_TYPES,
    face_characters,
    fallback_faces,
    font_face_css,
    subset_fonts,
)
from bookmaker.writers.epub_images import PackagedImage, package_images
from bookmaker.writers.epub_pages import (
    COVER_FILE,
    LICENSE_FILE,
    NAV_FILE,
    colophon,
    cover_page,
    license_page,
    nav_page,
    page,
)
from bookmaker.writers.epub_styles import BOOK_CSS, CONDITIONAL_CSS, split_conditional
from bookmaker.writers.epub_toc import NCX_MEDIA_TYPE, TocEntry, ncx_document, nest
from bookmaker.writers.identity import uuid_urn
from bookmaker.writers.stable_zip import stable_zip, zip_entries

CHAPTER_FILE = "article.xhtml"
OPF_PATH = "EPUB/content.opf"
APPLE_OPTIONS_PATH = "META-INF/com.apple.ibooks.display-options.xml"
APPLE_OPTIONS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<display_options>\n  <platform name="*">\n'
    '    <option name="specified-fonts">true</option>\n  </platform>\n</display_options>\n'
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANDMARKS = {"text": "bodymatter"}  # EPUB 2 guide types that EPUB 3 landmarks name otherwise


def chapter_file(book: Book, number: int) -> str:
    """The XHTML file of the ``number``-th chapter (1-based): ``article.xhtml`` for a single article."""
    return f"article-{number:02d}.xhtml" if book.collection is not None else CHAPTER_FILE


def _toc(book: Book, chapters: list[epub.EpubHtml]) -> list[TocEntry]:
    """Each chapter with its headings nested under it by level (see :mod:`epub_toc`)."""
    entries: list[TocEntry] = []
    for number, (doc, chapter) in enumerate(zip(book.chapters, chapters, strict=True), start=1):
        prefix = f"a{number}-" if book.collection is not None else ""
        sections = nest(
            (block.level, TocEntry(block.text, f"{chapter.file_name}#b{index}", f"toc-{prefix}b{index}"))
            for index, block in enumerate(doc.blocks, start=1)
            if isinstance(block, Heading)
        )
        uid = f"toc-a{number}" if book.collection is not None else "toc-article"
        entries.append(TocEntry(doc.meta.title, chapter.file_name, uid, tuple(sections)))
    return entries


def _authors(book: Book) -> list[str]:
    names = (a.name for doc in book.chapters for a in doc.meta.authors if a.name)
    return list(dict.fromkeys(names))


def _add_metadata(target: epub.EpubBook, book: Book, has_images: bool) -> None:
    target.set_identifier(uuid_urn(book.digest()))
    target.set_title(book.title)
    target.set_language(book.language)
    for index, name in enumerate(_authors(book), start=1):
        target.add_author(name, role="aut", uid=f"creator{index}")
    if book.collection is None:
        meta = book.chapters[0].meta
        if meta.publisher:
            target.add_metadata("DC", "publisher", meta.publisher)
        if meta.date:
            target.add_metadata("DC", "date", meta.date)
        if meta.subtitles:
            target.add_metadata("DC", "description", " / ".join(meta.subtitles))
        if meta.rights:
            target.add_metadata("DC", "rights", meta.rights)
        _add_citation(target, meta)
    else:
        collection = book.collection.meta
        if collection.editor:
            target.add_metadata("DC", "contributor", collection.editor, {"id": "editor"})
            target.add_metadata(
                None, "meta", "edt", {"refines": "#editor", "property": "role", "scheme": "marc:relators"}
            )
        if collection.date:
            target.add_metadata("DC", "date", collection.date)
        titles = " / ".join(doc.meta.title for doc in book.chapters)
        description = label("collection_description", book.language, count=len(book.chapters), titles=titles)
        target.add_metadata("DC", "description", description)
    for url in dict.fromkeys(doc.meta.source.url for doc in book.chapters if doc.meta.source):
        if url:
            target.add_metadata("DC", "source", url)  # where the article was published or fetched
    for prop, value in accessibility_metadata(has_images=has_images, language=book.language):
        target.add_metadata(None, "meta", value, {"property": prop})


_ONIX_TYPES = {"doi": "06", "isbn": "15"}
"""ONIX code list 5 (product identifier types), which EPUB's ``identifier-type`` refines with: DOI,
ISBN-13 (``02`` for an ISBN-10)."""


def citation(meta: Meta) -> str | None:
    """The journal issue and pages a paper appeared in, as a reference cites them
    (``한국도서관·정보학회지, 57(4), 123-148``); None without a container."""
    c = meta.container
    if c is None:
        return None
    issue = f"{c.volume or ''}{f'({c.issue})' if c.issue else ''}"
    return ", ".join(part for part in (c.title, issue, c.pages) if part)


def _add_citation(target: epub.EpubBook, meta: Meta) -> None:
    """An article's DOI and ISBN as further ``dc:identifier`` (``urn:doi:…``, ``urn:isbn:…``, typed
    by ONIX code), the ISSN of its journal as ``dcterms:isPartOf`` and its citation as
    ``dcterms:bibliographicCitation``; the unique identifier stays the book's own."""
    for ident in meta.identifiers:
        if ident.scheme == "issn":
            target.add_metadata(None, "meta", f"urn:issn:{ident.value}", {"property": "dcterms:isPartOf"})
            continue
        uid = f"{ident.scheme}-id"
        target.add_metadata("DC", "identifier", f"urn:{ident.scheme}:{ident.value}", {"id": uid})
        code = "02" if ident.scheme == "isbn" and len(ident.value) == 10 else _ONIX_TYPES[ident.scheme]
        attributes = {"refines": f"#{uid}", "property": "identifier-type", "scheme": "onix:codelist5"}
        target.add_metadata(None, "meta", code, attributes)
    if text := citation(meta):
        target.add_metadata(None, "meta", text, {"property": "dcterms:bibliographicCitation"})


def _cover_lines(titles: list[str], language: str, room: int = 4) -> list[str]:
    """The article titles the cover has room for; the rest counted (``외 2편``)."""
    if len(titles) <= room:
        return titles
    return [*titles[: room - 1], label("more_articles", language, count=len(titles) - room + 1)]


def cover_document(book: Book) -> Document:
    """What the generated cover draws: the article itself, or a collection's title, article titles
    and editor."""
    if book.collection is None:
        return book.chapters[0]
    meta = book.collection.meta
    editor = [Author(name=label("edited_by", meta.language, editor=meta.editor))] if meta.editor else []
    return Document(
        meta=Meta(
            title=meta.title,
            series=[label("collection_kind", meta.language)],
            subtitles=_cover_lines([doc.meta.title for doc in book.chapters], meta.language),
            authors=editor,
            language=meta.language,
        )
    )


def _cover_alt(book: Book) -> str:
    alt = label("cover_alt", book.language, title=book.title)
    if book.collection is None:
        publisher = book.chapters[0].meta.publisher
        return alt + (f" — {publisher}" if publisher else "")
    editor = book.collection.meta.editor
    return alt + (f" — {label('edited_by', book.language, editor=editor)}" if editor else "")


def _set_cover(book: epub.EpubBook, cover: CoverImage) -> None:
    """``book.set_cover(…, create_page=False)``, with the media type we know (see :data:`XHTML`)."""
    image = epub.EpubCover(file_name=f"images/cover.{cover.extension}")
    image.media_type = cover.media_type
    image.content = cover.data
    book.add_item(image)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-img"})


def _finish_package(name: str, data: bytes, language: str) -> bytes:
    """Post-process ebooklib's files: ``xml:lang`` on the OPF package."""
    if name == OPF_PATH:
        root = etree.fromstring(data)
        root.set(_XML_LANG, language)
        return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
    return data


def _package_figures(book: Book, sandbox: Sandbox, base_url: str) -> tuple[Book, list[PackagedImage]]:
    """The book with figure sources pointing into the EPUB, and the images to package."""
    chapters: list[Document] = []
    images: list[PackagedImage] = []
    for number, doc in enumerate(book.chapters, start=1):
        stem = f"a{number:02d}-figure" if book.collection is not None else "figure"
        packaged, found = package_images(doc, sandbox, base_url, stem=stem)
        chapters.append(packaged)
        images += found
    return book.with_chapters(chapters), images


def _fonts_installed() -> bool:
    """Whether every face the EPUB may embed is installed (else the book gets none)."""
    return all(locate(face) is not None for face in EPUB_FACES)


def _add_fonts(target: epub.EpubBook, fonts: list[FontSubset]) -> epub.EpubItem:
    """The font files, Apple Books' display options and the ``@font-face`` stylesheet (returned)."""
    for font in fonts:
        target.add_item(
            epub.EpubItem(
                uid=f"font-{font.face.key}",
                file_name=f"fonts/{font.face.file_name}",
                media_type=MEDIA_TYPES[font.face.extension],
                content=font.data,
            )
        )
    target.add_item(
        epub.EpubItem(
            file_name=APPLE_OPTIONS_PATH,
            media_type="application/xml",  # not in the manifest
            content=APPLE_OPTIONS.encode("utf-8"),
            manifest=False,
        )
    )
    css = epub.EpubItem(
        uid="style-fonts", file_name=FONTS_CSS, media_type="text/css", content=font_face_css(fonts).encode()
    )
    target.add_item(css)
    return css


def _fonts(
    pages: list[epub.EpubHtml], stylesheets: list[epub.EpubItem]
) -> tuple[list[FontSubset], list[str]]:
    """The subsets of the faces ``pages`` draw with under ``stylesheets``, and warnings."""
    documents = [item.get_content() for item in pages]
    return subset_fonts(face_characters(documents, [sheet.content.decode() for sheet in stylesheets]))


def _stylesheets(style: Style, book: Book) -> list[epub.EpubItem]:
    """The theme's stylesheet: its plain rules, and its conditional ones apart (see :mod:`epub_styles`);
    labels it generates (a report's figure numbers) in each chapter's language."""
    languages = other_languages(doc.meta.language for doc in book.chapters)
    plain, conditional = split_conditional(epub_stylesheet(style.name, style=style, languages=languages))
    sheets = [epub.EpubItem(uid="style", file_name=BOOK_CSS, media_type="text/css", content=plain.encode())]
    if conditional:
        sheets.append(
            epub.EpubItem(
                uid="style-conditional",
                file_name=CONDITIONAL_CSS,
                media_type="text/css",
                content=conditional.encode(),
            )
        )
    return sheets


def _pages(
    book: Book, style: Style, cover: CoverImage | None, *, with_licence: bool
) -> tuple[list[epub.EpubHtml], list[object], list[dict[str, str]], list[TocEntry]]:
    """Every XHTML page (cover, chapters, navigation document, font licence), the spine, the
    EPUB 2 guide and the contents. A collection's contents follow the cover; an article's, and
    the licence, are outside the reading order."""
    guide: list[dict[str, str]] = []
    front: list[epub.EpubHtml] = []
    if cover is not None:
        alt = _cover_alt(book)
        front.append(cover_page(book.title, book.language, f"images/cover.{cover.extension}", alt))
        guide.append({"type": "cover", "href": COVER_FILE, "title": label("cover", book.language)})
    chapters = []
    for number, doc in enumerate(book.chapters, start=1):
        body = render_article(doc, "epub", style.name, style=style)
        ending = colophon(doc.meta.language) if with_licence and number == len(book.chapters) else ""
        uid = "article" if book.collection is None else f"article-{number:02d}"
        file_name = chapter_file(book, number)
        chapters.append(page(uid, doc.meta.title, file_name, doc.meta.language, body + ending))
    guide += [
        {"type": "toc", "href": NAV_FILE, "title": label("contents", book.language)},
        {"type": "text", "href": chapter_file(book, 1), "title": label("body", book.language)},
    ]
    toc = _toc(book, chapters)
    landmarks = [(_LANDMARKS.get(g["type"], g["type"]), g["href"], g["title"]) for g in guide]
    nav = nav_page(toc, landmarks, book.language)
    appendix = [license_page(book.language)] if with_licence else []
    if book.collection is not None:
        spine: list[object] = [*front, nav, *chapters, *((item, "no") for item in appendix)]
    else:
        spine = [*front, *chapters, *((item, "no") for item in appendix), (nav, "no")]
    return [*front, *chapters, nav, *appendix], spine, guide, toc


def write_epub(
    source: Document | Collection | Book,
    *,
    modified: datetime,
    style: Style | None = None,
    embed_fonts: bool = True,
    cover: CoverImage | None = None,
    sandbox: Sandbox | None = None,
    base_url: str | None = None,
    compress: bool = True,
) -> Written:
    """The EPUB 3 of an article or a collection (identical bytes for identical input and ``modified``).

    Figure images are read only as ``sandbox`` allows, relative to ``base_url`` (default: the
    current folder); a collection's figure sources should be absolute (see
    :func:`bookmaker.collection.assemble.with_absolute_figures`). Without ``cover`` one is drawn.
    The embedded fonts are cut to what the finished pages draw with each face under the theme's CSS.
    Without ``compress`` the package's files are stored, not deflated (for a reader that unpacks it).
    """
    chosen = style or default_style()
    fence = sandbox or Sandbox.for_paths([])
    book, figure_images = _package_figures(Book.of(source), fence, base_url or Path.cwd().as_uri() + "/")
    warnings: list[str] = []
    if modified.tzinfo is not None:
        modified = modified.astimezone(UTC)
    embed = embed_fonts and _fonts_installed()
    if embed_fonts and not embed:
        warnings.append("Noto CJK KR fonts not found: the EPUB is built without embedded fonts")
    cover = cover or generate_cover(cover_document(book))
    if cover is None:
        warnings.append("Noto CJK KR fonts not found: the EPUB has no generated cover")
    has_images = cover is not None or any(
        isinstance(b, Figure) and b.src for doc in book.chapters for b in doc.blocks
    )

    pages, spine, guide, toc = _pages(book, chosen, cover, with_licence=embed)
    target = epub.EpubBook()
    _add_metadata(target, book, has_images)
    stylesheets = _stylesheets(chosen, book)
    for sheet in stylesheets:
        target.add_item(sheet)
    for number, figure in enumerate(figure_images, start=1):
        target.add_item(
            epub.EpubImage(
                uid=f"figure-{number}",
                file_name=figure.file_name,
                media_type=figure.media_type,
                content=figure.data,
            )
        )
    if cover is not None:
        _set_cover(target, cover)
    for item in pages:
        target.add_item(item)
    ncx = ncx_document(toc, uid=uuid_urn(book.digest()), title=book.title)
    target.add_item(epub.EpubItem(uid="ncx", file_name="toc.ncx", media_type=NCX_MEDIA_TYPE, content=ncx))
    target.spine = spine
    target.guide = guide

    links = list(stylesheets)
    if embed:  # the pages as the package will hold them, under the theme's CSS
        fonts, font_warnings = _fonts(pages, stylesheets)
        licence = next((item for item in pages if item.file_name == LICENSE_FILE), None)
        if licence is not None and fallback_faces(fonts):  # the licence names them: cut again
            licence.content = license_page(book.language, fallback_faces(fonts)).content
            fonts, font_warnings = _fonts(pages, stylesheets)
        warnings += font_warnings
        if fonts:
            links.insert(0, _add_fonts(target, fonts))
    for item in pages:
        for link in links:
            item.add_item(link)

    options = {
        "mtime": modified,
        "raise_exceptions": True,
        "epub2_guide": True,  # calibre knows an EPUB 3 cover page only from the EPUB 2 guide
        "epub3_pages": False,
    }
    try:
        files = _package_files(target, options)
    except Exception as exc:  # ebooklib raises bare exceptions of many kinds
        raise BuildError(f"EPUB writing failed: {exc}") from exc
    data = stable_zip(
        {name: _finish_package(name, data, book.language) for name, data in files.items()},
        modified,
        compress=compress,
    )
    return Written(data, warnings)


def _package_files(book: epub.EpubBook, options: dict[str, object]) -> dict[str, bytes]:
    """The files ebooklib's ``write_epub`` puts in the package, name → content (its zip is not
    compressed: :func:`stable_zip` deflates them once)."""
    package = io.BytesIO()
    epub.write_epub(package, book, {**options, "compresslevel": 0})
    return zip_entries(package.getvalue())
