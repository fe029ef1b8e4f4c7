"""EPUB 3 writer: ebooklib writes the package, :mod:`stable_zip` zips its files again reproducibly.

A book (:class:`~bookmaker.book.Book`: one article, or a collection's articles) becomes a cover
page, one XHTML per chapter and the navigation document (TOC + landmarks; a collection's follows
the cover). It carries EPUB Accessibility 1.1 metadata, Korean reading CSS and, unless turned off,
subsets of Noto CJK KR with the OFL and Apple Books' ``specified-fonts`` flag.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub
from lxml import etree
from markupsafe import escape

from bookmaker.book import COLLECTION_KIND, EDITOR_ROLE, Book
from bookmaker.errors import BuildError
from bookmaker.fonts.faces import EPUB_FACES, MONO, SANS, SANS_BOLD, SERIF
from bookmaker.fonts.license import license_text
from bookmaker.fonts.subsetting import WHITESPACE, FontSubset, epub_subset
from bookmaker.ir import (
    Author,
    Code,
    CodeBlock,
    Collection,
    Document,
    Emphasis,
    Figure,
    Heading,
    Meta,
    Strong,
    Table,
    inlines_of,
    runs,
    walk,
)
from bookmaker.layout import epub_stylesheet, render_article
from bookmaker.layout.style import Style, default_style
from bookmaker.sandbox import Sandbox
from bookmaker.writers import Written
from bookmaker.writers.cover import CoverImage, generate_cover
from bookmaker.writers.epub_a11y import accessibility_metadata
from bookmaker.writers.epub_images import PackagedImage, package_images
from bookmaker.writers.identity import uuid_urn
from bookmaker.writers.stable_zip import stable_zip, zip_entries

CHAPTER_FILE = "article.xhtml"
COVER_FILE = "cover.xhtml"
NAV_FILE = "nav.xhtml"
LICENSE_FILE = "font-license.xhtml"
LICENSE_TITLE = "글꼴 라이선스"
NAV_WORDS = "차례 길잡이 표지 본문"
OPF_PATH = "EPUB/content.opf"
# Every item gets its media type here: for an item without one ebooklib guesses, and its first
# guess loads the system's MIME tables (mimetypes.init, ~4 ms a process).
XHTML = "application/xhtml+xml"
APPLE_OPTIONS_PATH = "META-INF/com.apple.ibooks.display-options.xml"
APPLE_OPTIONS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<display_options>\n  <platform name="*">\n'
    '    <option name="specified-fonts">true</option>\n  </platform>\n</display_options>\n'
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def chapter_file(book: Book, number: int) -> str:
    """The XHTML file of the ``number``-th chapter (1-based): ``article.xhtml`` for a single article."""
    return f"article-{number:02d}.xhtml" if book.collection is not None else CHAPTER_FILE


def _toc(book: Book, chapters: list[epub.EpubHtml]) -> list[object]:
    """Each chapter with its sections nested (a single article without sections: the chapter)."""
    entries: list[object] = []
    for number, (doc, chapter) in enumerate(zip(book.chapters, chapters, strict=True), start=1):
        prefix = f"a{number}-" if book.collection is not None else ""
        sections = [
            epub.Link(f"{chapter.file_name}#b{index}", block.text, f"toc-{prefix}b{index}")
            for index, block in enumerate(doc.blocks, start=1)
            if isinstance(block, Heading)
        ]
        if sections:
            entries.append((epub.Section(doc.meta.title, href=chapter.file_name), sections))
        elif book.collection is None:
            entries.append(chapter)
        else:
            entries.append(epub.Link(chapter.file_name, doc.meta.title, f"toc-a{number}"))
    return entries


def font_characters(doc: Document, *, sans_body: bool = False) -> dict[str, frozenset[str]]:
    """The characters each face sets: serif everything; sans the title block, captions and
    emphasis (everything too when the theme sets the body in Gothic); sans bold titles, headings,
    strong runs and table headers; mono code."""
    meta = doc.meta
    credits = [f"{a.name or ''} {a.role or ''} {a.email or ''}" for a in meta.authors]
    blocks = list(walk(doc.blocks))
    captions = [f"{b.text} {b.credit or ''}" for b in blocks if isinstance(b, Figure)]
    headers = [
        cell.text for b in blocks if isinstance(b, Table) for row in b.head + b.body for cell in row.cells
    ]
    sequences = [runs(sequence) for b in blocks for sequence in inlines_of(b)]
    marked = [run for sequence in sequences for run in sequence]
    bold = [run.text for run in marked if isinstance(run, Strong)]
    emphasis = [run.text for run in marked if isinstance(run, Emphasis)]
    code = [run.text for run in marked if isinstance(run, Code)] + [
        b.text for b in blocks if isinstance(b, CodeBlock)
    ]
    headings = [meta.title, *(b.text for b in blocks if isinstance(b, Heading)), *bold, *headers]
    small = [*meta.subtitles, *meta.series, *credits, *captions, *emphasis, meta.publisher or ""]
    if meta.date:
        small.append("0123456789년월일: ·")
    notes = "0123456789" if doc.footnotes() else ""
    everything = [
        *headings,
        *small,
        *(b.text for b in blocks),
        notes,
        meta.rights or "",
        _colophon_text(),
        LICENSE_TITLE,
        NAV_WORDS,
        license_text(),
    ]

    def chars(texts: list[str]) -> frozenset[str]:
        return frozenset("".join(texts)) - WHITESPACE

    return {
        SERIF.key: chars(everything),
        SANS.key: chars(everything if sans_body else small),
        SANS_BOLD.key: chars(headings),
        MONO.key: chars(code),
    }


def book_font_characters(book: Book, *, sans_body: bool = False) -> dict[str, frozenset[str]]:
    """The characters each face sets across the chapters (and a collection's own pages)."""
    wanted: dict[str, frozenset[str]] = {face.key: frozenset() for face in EPUB_FACES}
    if book.collection is not None:
        meta = book.collection.meta
        own = f"{meta.title}{meta.editor or ''}{COLLECTION_KIND}{EDITOR_ROLE}"
        wanted = {key: frozenset(own) - WHITESPACE for key in wanted}
    for doc in book.chapters:
        for key, chars in font_characters(doc, sans_body=sans_body).items():
            wanted[key] = wanted[key] | chars
    return wanted


def _colophon_text() -> str:
    return (
        f"이 전자책에는 {SERIF.family}과 {SANS.family} 글꼴의 일부가 포함되어 있습니다. "
        "글꼴은 SIL Open Font License 1.1에 따라 배포됩니다. 라이선스 전문"
    )


def _colophon() -> str:
    return (
        f'<footer class="colophon"><p>{escape(_colophon_text())}: '
        f'<a href="{LICENSE_FILE}">SIL Open Font License 1.1</a></p></footer>'
    )


def _license_page(language: str, links: list[epub.EpubItem]) -> epub.EpubHtml:
    page = epub.EpubHtml(
        uid="font-license", title=LICENSE_TITLE, file_name=LICENSE_FILE, lang=language, media_type=XHTML
    )
    page.content = (
        f'<html><body><section class="license"><h1>{LICENSE_TITLE}</h1>'
        f'<pre lang="en">{escape(license_text())}</pre></section></body></html>'
    )
    for css in links:
        page.add_item(css)
    return page


def subset_fonts(wanted: dict[str, frozenset[str]]) -> list[FontSubset]:
    """Each face cut down to the characters it sets (an empty list when a face is not installed)."""
    faces = [face for face in EPUB_FACES if wanted[face.key]]
    fonts = [epub_subset(face, wanted[face.key]) for face in faces]
    if any(font is None for font in fonts):
        return []
    return [font for font in fonts if font is not None]


def _add_fonts(book: epub.EpubBook, fonts: list[FontSubset]) -> epub.EpubItem:
    for font in fonts:
        book.add_item(
            epub.EpubItem(
                uid=f"font-{font.face.key}",
                file_name=f"fonts/{font.face.file_name}",
                media_type="font/otf",
                content=font.data,
            )
        )
    book.add_item(
        epub.EpubItem(
            file_name=APPLE_OPTIONS_PATH,
            media_type="application/xml",  # not in the manifest (see XHTML)
            content=APPLE_OPTIONS.encode("utf-8"),
            manifest=False,
        )
    )
    css = epub.EpubItem(
        uid="style-fonts",
        file_name="style/fonts.css",
        media_type="text/css",
        content=_font_face_css(fonts).encode("utf-8"),
    )
    book.add_item(css)
    return css


def _font_face_css(fonts: list[FontSubset]) -> str:
    """``@font-face`` rules for ``fonts`` (paths relative to the stylesheet, ``style/fonts.css``)."""
    rules = [
        "@font-face {\n"
        f'  font-family: "{font.face.family}";\n'
        f"  font-weight: {font.face.weight};\n"
        f"  font-style: {font.face.style};\n"
        f'  src: url("../fonts/{font.face.file_name}") format("opentype");\n'
        "}\n"
        for font in fonts
    ]
    notice = "/* Subsets of Noto CJK KR (SIL Open Font License 1.1, see font-license.xhtml). */\n"
    return notice + "".join(rules)


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
        target.add_metadata("DC", "description", f"{COLLECTION_KIND} {len(book.chapters)}편: {titles}")
    for prop, value in accessibility_metadata(has_images=has_images):
        target.add_metadata(None, "meta", value, {"property": prop})


def _cover_lines(titles: list[str], room: int = 4) -> list[str]:
    """The article titles the cover has room for; the rest counted (``외 2편``)."""
    if len(titles) <= room:
        return titles
    return [*titles[: room - 1], f"외 {len(titles) - room + 1}편"]


def cover_document(book: Book) -> Document:
    """What the generated cover draws: the article itself, or a collection's title, article titles
    and editor."""
    if book.collection is None:
        return book.chapters[0]
    meta = book.collection.meta
    editor = [Author(name=f"{meta.editor} {EDITOR_ROLE}")] if meta.editor else []
    return Document(
        meta=Meta(
            title=meta.title,
            series=[COLLECTION_KIND],
            subtitles=_cover_lines([doc.meta.title for doc in book.chapters]),
            authors=editor,
            language=meta.language,
        )
    )


def _cover_alt(book: Book) -> str:
    if book.collection is None:
        publisher = book.chapters[0].meta.publisher
        return f"표지: {book.title}" + (f" — {publisher}" if publisher else "")
    editor = book.collection.meta.editor
    return f"표지: {book.title}" + (f" — {editor} {EDITOR_ROLE}" if editor else "")


def _set_cover(book: epub.EpubBook, cover: CoverImage) -> None:
    """``book.set_cover(…, create_page=False)``, with the media type we know (see :data:`XHTML`)."""
    image = epub.EpubCover(file_name=f"images/cover.{cover.extension}")
    image.media_type = cover.media_type
    image.content = cover.data
    book.add_item(image)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-img"})


def _cover_page(book: Book, cover: CoverImage, links: list[epub.EpubItem]) -> epub.EpubHtml:
    page = epub.EpubHtml(
        uid="cover-page", title=book.title, file_name=COVER_FILE, lang=book.language, media_type=XHTML
    )
    page.content = (
        '<html><body><div class="cover">'
        f'<img role="doc-cover" src="images/cover.{cover.extension}" alt="{escape(_cover_alt(book))}"/>'
        "</div></body></html>"
    )
    for css in links:
        page.add_item(css)
    return page


def _finish_package(name: str, data: bytes, language: str) -> bytes:
    """Post-process ebooklib's files: ``xml:lang`` on the OPF package, hidden landmarks."""
    if name == OPF_PATH:
        root = etree.fromstring(data)
        root.set(_XML_LANG, language)
        return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
    if name == f"EPUB/{NAV_FILE}":
        root = etree.fromstring(data)
        for nav in root.iter("{http://www.w3.org/1999/xhtml}nav"):
            if nav.get("{http://www.idpf.org/2007/ops}type") == "landmarks":
                nav.set("hidden", "hidden")
        return etree.tostring(root, encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE html>")
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


def write_epub(
    source: Document | Collection | Book,
    *,
    modified: datetime,
    style: Style | None = None,
    embed_fonts: bool = True,
    cover: CoverImage | None = None,
    sandbox: Sandbox | None = None,
    base_url: str | None = None,
) -> Written:
    """The EPUB 3 of an article or a collection (identical bytes for identical input and ``modified``).

    Figure images are read only as ``sandbox`` allows, relative to ``base_url`` (default: the
    current folder); a collection's figure sources should be absolute (see
    :func:`bookmaker.collection.assemble.with_absolute_figures`). Without ``cover`` one is drawn.
    """
    chosen = style or default_style()
    fence = sandbox or Sandbox.for_paths([])
    book, figure_images = _package_figures(Book.of(source), fence, base_url or Path.cwd().as_uri() + "/")
    warnings: list[str] = []
    if modified.tzinfo is not None:
        modified = modified.astimezone(UTC)
    fonts = subset_fonts(book_font_characters(book, sans_body=chosen.sans_body)) if embed_fonts else []
    if embed_fonts and not fonts:
        warnings.append("Noto CJK KR fonts not found: the EPUB is built without embedded fonts")
    cover = cover or generate_cover(cover_document(book))
    if cover is None:
        warnings.append("Noto CJK KR fonts not found: the EPUB has no generated cover")
    has_images = cover is not None or any(
        isinstance(b, Figure) and b.src for doc in book.chapters for b in doc.blocks
    )

    target = epub.EpubBook()
    _add_metadata(target, book, has_images)
    links = [_add_fonts(target, fonts)] if fonts else []
    css = epub.EpubItem(
        uid="style",
        file_name="style/book.css",
        media_type="text/css",
        content=epub_stylesheet(chosen.name, style=chosen).encode("utf-8"),
    )
    target.add_item(css)
    links.append(css)
    for number, image in enumerate(figure_images, start=1):
        target.add_item(
            epub.EpubImage(
                uid=f"figure-{number}",
                file_name=image.file_name,
                media_type=image.media_type,
                content=image.data,
            )
        )

    spine: list[object] = []
    guide: list[dict[str, str]] = []
    if cover is not None:
        _set_cover(target, cover)
        page = _cover_page(book, cover, links)
        target.add_item(page)
        spine.append(page)
        guide.append({"type": "cover", "href": COVER_FILE, "title": "표지"})

    nav = epub.EpubNav(file_name=NAV_FILE, title="차례")
    if book.collection is not None:  # a collection's contents follow the cover
        spine.append(nav)
    chapters = []
    for number, doc in enumerate(book.chapters, start=1):
        single = book.collection is None
        chapter = epub.EpubHtml(
            uid="article" if single else f"article-{number:02d}",
            title=doc.meta.title,
            file_name=chapter_file(book, number),
            lang=doc.meta.language,
            media_type=XHTML,
        )
        body = render_article(doc, "epub", chosen.name, style=chosen)
        colophon = _colophon() if fonts and number == len(book.chapters) else ""
        chapter.content = f"<html><body>{body}{colophon}</body></html>"
        for item in links:
            chapter.add_item(item)
        target.add_item(chapter)
        spine.append(chapter)
        chapters.append(chapter)
    guide += [
        {"type": "toc", "href": NAV_FILE, "title": "차례"},
        {"type": "bodymatter", "href": chapter_file(book, 1), "title": "본문"},
    ]

    target.toc = _toc(book, chapters)
    target.add_item(epub.EpubNcx())
    for item in links:
        nav.add_item(item)
    target.add_item(nav)
    if fonts:
        license_page = _license_page(book.language, links)
        target.add_item(license_page)
        spine.append((license_page, "no"))
    target.spine = spine if book.collection is not None else [*spine, (nav, "no")]
    target.guide = guide

    options = {
        "mtime": modified,
        "raise_exceptions": True,
        "epub2_guide": False,
        "epub3_pages": False,
        "landmark_title": "길잡이",
    }
    try:
        files = _package_files(target, options)
    except Exception as exc:  # ebooklib raises bare exceptions of many kinds
        raise BuildError(f"EPUB writing failed: {exc}") from exc
    data = stable_zip(
        {name: _finish_package(name, data, book.language) for name, data in files.items()}, modified
    )
    return Written(data, warnings)


def _package_files(book: epub.EpubBook, options: dict[str, object]) -> dict[str, bytes]:
    """The files ebooklib's ``write_epub`` puts in the package, name → content (its zip is not
    compressed: :func:`stable_zip` deflates them once)."""
    package = io.BytesIO()
    epub.write_epub(package, book, {**options, "compresslevel": 0})
    return zip_entries(package.getvalue())
