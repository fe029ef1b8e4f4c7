"""EPUB 3 writer: ebooklib writes the package, :mod:`stable_zip` zips its files again reproducibly.

The book is a cover page, the article and the navigation document (TOC + landmarks). It carries
EPUB Accessibility 1.1 metadata, Korean reading CSS and, unless turned off, subsets of Noto CJK
KR with the OFL and Apple Books' ``specified-fonts`` flag.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub
from lxml import etree
from markupsafe import escape

from bookmaker.errors import BuildError
from bookmaker.fonts.faces import EPUB_FACES, SANS, SANS_BOLD, SERIF
from bookmaker.fonts.license import license_text
from bookmaker.fonts.subsetting import WHITESPACE, FontSubset, epub_subset
from bookmaker.ir import Document, Figure, Heading
from bookmaker.layout import epub_stylesheet, render_article
from bookmaker.layout.style import Style
from bookmaker.sandbox import Sandbox
from bookmaker.writers.cover import CoverImage, generate_cover
from bookmaker.writers.epub_a11y import accessibility_metadata
from bookmaker.writers.epub_images import PackagedImage, package_images
from bookmaker.writers.epub_text import keep_words
from bookmaker.writers.identity import content_uuid
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


def _toc(doc: Document, chapter: epub.EpubHtml) -> list[object]:
    sections = [
        epub.Link(f"{CHAPTER_FILE}#b{index}", block.text, f"toc-b{index}")
        for index, block in enumerate(doc.blocks, start=1)
        if isinstance(block, Heading)
    ]
    if not sections:
        return [chapter]
    return [(epub.Section(doc.meta.title, href=CHAPTER_FILE), sections)]


def font_characters(doc: Document, *, sans_body: bool = False) -> dict[str, frozenset[str]]:
    """The characters each face sets: serif everything, sans the title block and captions
    (everything too when the theme sets the body in Gothic)."""
    meta = doc.meta
    credits = [f"{a.name or ''} {a.role or ''} {a.email or ''}" for a in meta.authors]
    captions = [f"{b.caption or b.text} {b.credit or ''}" for b in doc.blocks if isinstance(b, Figure)]
    headings = [meta.title, *(b.text for b in doc.blocks if isinstance(b, Heading))]
    small = [*meta.subtitles, *meta.series, *credits, *captions, meta.publisher or ""]
    if meta.date:
        small.append("0123456789년월일: ·")
    everything = [
        *headings,
        *small,
        *(b.text for b in doc.blocks),
        *(i for b in doc.blocks for i in getattr(b, "items", [])),
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
    }


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


def embedded_fonts(doc: Document, *, sans_body: bool = False) -> list[FontSubset]:
    """The subset fonts for ``doc`` (an empty list when the faces are not installed)."""
    return subset_fonts(font_characters(doc, sans_body=sans_body))


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


def _add_metadata(book: epub.EpubBook, doc: Document, has_images: bool) -> None:
    meta = doc.meta
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
    for prop, value in accessibility_metadata(has_images=has_images):
        book.add_metadata(None, "meta", value, {"property": prop})


def _set_cover(book: epub.EpubBook, cover: CoverImage) -> None:
    """``book.set_cover(…, create_page=False)``, with the media type we know (see :data:`XHTML`)."""
    image = epub.EpubCover(file_name=f"images/cover.{cover.extension}")
    image.media_type = cover.media_type
    image.content = cover.data
    book.add_item(image)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-img"})


def _cover_page(plan: BookPlan, cover: CoverImage, links: list[epub.EpubItem]) -> epub.EpubHtml:
    page = epub.EpubHtml(
        uid="cover-page", title=plan.cover_title, file_name=COVER_FILE, lang=plan.language, media_type=XHTML
    )
    page.content = (
        '<html><body><div class="cover">'
        f'<img role="doc-cover" src="images/cover.{cover.extension}" alt="{escape(plan.cover_alt)}"/>'
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


@dataclass(slots=True)
class ChapterPart:
    """One content document: its file, title, language and ``<body>`` markup."""

    uid: str
    file_name: str
    title: str
    language: str
    body: str


@dataclass(slots=True)
class BookPlan:
    """What differs between a single article's book and a collection's."""

    language: str
    cover_title: str
    cover_alt: str
    chapters: list[ChapterPart]
    toc: Callable[[list[epub.EpubHtml]], list[object]]
    set_metadata: Callable[[epub.EpubBook, bool], None]
    nav_in_reading_order: bool = False  # a collection's contents follow the cover


def preload(style: Style | None = None) -> None:
    """Load now what every EPUB build needs (e.g. while a child reads the article): the writer's
    modules, the HarfBuzz faces and the OFL text, and ``style``'s templates and stylesheet.

    Failures are left for the build itself to meet and report.
    """
    with contextlib.suppress(Exception):
        license_text()
        if style is not None:
            epub_stylesheet(style.name, style=style)  # cached: write_book asks for the same


def build_epub(
    doc: Document,
    *,
    modified: datetime,
    theme: str = "book",
    embed_fonts: bool = True,
    cover: CoverImage | None = None,
    warnings: list[str] | None = None,
    sandbox: Sandbox | None = None,
    base_url: str | None = None,
    style: Style | None = None,
    make_cover: Callable[[Document], CoverImage | None] | None = None,
) -> bytes:
    """Return the EPUB 3 of ``doc`` as bytes (identical for identical input and ``modified``).

    Figure images are read only as ``sandbox`` allows, relative to ``base_url`` (default: none).
    Without ``cover``, ``make_cover`` (default :func:`generate_cover`) makes one from ``doc``.
    """
    notes = warnings if warnings is not None else []
    fence = sandbox or Sandbox.for_paths([])
    doc, figure_images = package_images(doc, fence, base_url or Path.cwd().as_uri() + "/")
    meta = doc.meta
    fonts = embedded_fonts(doc, sans_body=style is not None and style.sans_body) if embed_fonts else []
    article = render_article(doc, "epub", theme, style=style)
    cover = cover or (make_cover or generate_cover)(doc)  # last: a forked build draws it meanwhile
    has_images = cover is not None or any(isinstance(b, Figure) and b.src for b in doc.blocks)
    plan = BookPlan(
        language=meta.language,
        cover_title=meta.title,
        cover_alt=f"표지: {meta.title}" + (f" — {meta.publisher}" if meta.publisher else ""),
        chapters=[
            ChapterPart(
                "article",
                CHAPTER_FILE,
                meta.title,
                meta.language,
                article,
            )
        ],
        toc=lambda chapters: _toc(doc, chapters[0]),
        set_metadata=lambda book, images: _add_metadata(book, doc, images),
    )
    return write_book(
        plan,
        modified=modified,
        theme=theme,
        style=style,
        embed_fonts=embed_fonts,
        fonts=fonts,
        cover=cover,
        figure_images=figure_images,
        has_images=has_images,
        notes=notes,
    )


def write_book(
    plan: BookPlan,
    *,
    modified: datetime,
    theme: str,
    style: Style | None = None,
    embed_fonts: bool,
    fonts: list[FontSubset],
    cover: CoverImage | None,
    figure_images: list[PackagedImage],
    has_images: bool,
    notes: list[str],
) -> bytes:
    """Assemble, write and re-zip the package described by ``plan``."""
    if modified.tzinfo is not None:
        modified = modified.astimezone(UTC)
    if embed_fonts and not fonts:
        notes.append("Noto CJK KR fonts not found: the EPUB is built without embedded fonts")
    if cover is None:
        notes.append("Noto CJK KR fonts not found: the EPUB has no generated cover")

    book = epub.EpubBook()
    plan.set_metadata(book, has_images)
    links = [_add_fonts(book, fonts)] if fonts else []
    css = epub.EpubItem(
        uid="style",
        file_name="style/book.css",
        media_type="text/css",
        content=epub_stylesheet(theme, style=style).encode("utf-8"),
    )
    book.add_item(css)
    links.append(css)
    for number, image in enumerate(figure_images, start=1):
        book.add_item(
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
        _set_cover(book, cover)
        page = _cover_page(plan, cover, links)
        book.add_item(page)
        spine.append(page)
        guide.append({"type": "cover", "href": COVER_FILE, "title": "표지"})

    nav = epub.EpubNav(file_name=NAV_FILE, title="차례")
    if plan.nav_in_reading_order:
        spine.append(nav)
    chapters = []
    for number, part in enumerate(plan.chapters, start=1):
        chapter = epub.EpubHtml(
            uid=part.uid, title=part.title, file_name=part.file_name, lang=part.language, media_type=XHTML
        )
        colophon = _colophon() if fonts and number == len(plan.chapters) else ""
        chapter.content = f"<html><body>{keep_words(part.body)}{colophon}</body></html>"
        for item in links:
            chapter.add_item(item)
        book.add_item(chapter)
        spine.append(chapter)
        chapters.append(chapter)
    guide += [
        {"type": "toc", "href": NAV_FILE, "title": "차례"},
        {"type": "bodymatter", "href": plan.chapters[0].file_name, "title": "본문"},
    ]

    book.toc = plan.toc(chapters)
    book.add_item(epub.EpubNcx())
    for item in links:
        nav.add_item(item)
    book.add_item(nav)
    if fonts:
        license_page = _license_page(plan.language, links)
        book.add_item(license_page)
        spine.append((license_page, "no"))
    book.spine = spine if plan.nav_in_reading_order else [*spine, (nav, "no")]
    book.guide = guide

    options = {
        "mtime": modified,
        "raise_exceptions": True,
        "epub2_guide": False,
        "epub3_pages": False,
        "landmark_title": "길잡이",
    }
    try:
        files = _package_files(book, options)
    except Exception as exc:  # ebooklib raises bare exceptions of many kinds
        raise BuildError(f"EPUB writing failed: {exc}") from exc
    return stable_zip(
        {name: _finish_package(name, data, plan.language) for name, data in files.items()}, modified
    )


def _package_files(book: epub.EpubBook, options: dict[str, object]) -> dict[str, bytes]:
    """The files ebooklib's ``write_epub`` puts in the package, name → content (its zip is not
    compressed: :func:`stable_zip` deflates them once)."""
    package = io.BytesIO()
    epub.write_epub(package, book, {**options, "compresslevel": 0})
    return zip_entries(package.getvalue())
