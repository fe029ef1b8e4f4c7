"""The EPUB's own pages around the articles: the cover page, the navigation document (contents
and hidden landmarks), the font licence and the colophon that links to it.

The navigation document is written here rather than by ebooklib, so that it is styled like a
book's contents page (classes, no list numbers) and so that its text is known before the package
is written (the font subsets are cut to what every page draws).
"""

from __future__ import annotations

import re

from ebooklib import epub
from markupsafe import Markup, escape

from bookmaker.fonts.faces import SANS, SERIF, Face
from bookmaker.fonts.license import license_text
from bookmaker.layout.labels import label
from bookmaker.writers.epub_toc import TocEntry, nav_list

XHTML = "application/xhtml+xml"  # given to every page: without it ebooklib guesses (see epub.py)
COVER_FILE = "cover.xhtml"
NAV_FILE = "nav.xhtml"
LICENSE_FILE = "font-license.xhtml"


def page(uid: str, title: str, file_name: str, language: str, body: str) -> epub.EpubHtml:
    """An XHTML page of the book with ``body`` as its content."""
    item = epub.EpubHtml(uid=uid, title=title, file_name=file_name, lang=language, media_type=XHTML)
    item.content = f"<html><body>{body}</body></html>"
    return item


def cover_page(title: str, language: str, image: str, alt: str) -> epub.EpubHtml:
    """The cover: the image alone, fitted to the screen."""
    body = f'<div class="cover"><img role="doc-cover" src="{image}" alt="{escape(alt)}"/></div>'
    return page("cover-page", title, COVER_FILE, language, body)


def nav_page(toc: list[TocEntry], landmarks: list[tuple[str, str, str]], language: str) -> epub.EpubHtml:
    """The navigation document: the contents (chapters with their headings nested) and the landmarks
    (``(epub:type, href, title)``), hidden."""
    contents, landmarks_title = label("contents", language), label("landmarks", language)
    marks = "".join(
        f'<li><a epub:type="{kind}" href="{escape(href)}">{escape(title)}</a></li>'
        for kind, href, title in landmarks
    )
    body = (
        f'<nav epub:type="toc" role="doc-toc" id="toc" class="contents" aria-labelledby="toc-title">'
        f'<h1 class="contents-title" id="toc-title">{contents}</h1>{nav_list(toc)}</nav>'
        f'<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-label="{landmarks_title}">'
        f"<h2>{landmarks_title}</h2><ol>{marks}</ol></nav>"
    )
    item = page("nav", contents, NAV_FILE, language, body)
    item.properties = ["nav"]
    return item


def license_blocks(text: str) -> Markup:
    """The licence as reflowable HTML: a paragraph per block of lines (hard wraps joined), the
    header's notices one a line, the title and the all-capital section names as headings."""
    parts: list[str] = []
    header, _, body = text.partition("\n\n")
    parts += [f"<p>{escape(line)}</p>" for line in header.splitlines()]
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in block.splitlines() if not re.fullmatch(r"-{3,}", line.strip())]
        joined = " ".join(line for line in lines if line)
        if not joined:
            continue
        if len(lines) == 1 and joined.isupper() and len(joined) < 40:
            parts.append(f"<h3>{escape(joined)}</h3>")
        elif joined.startswith("SIL OPEN FONT LICENSE"):
            parts.append(f"<h2>{escape(joined)}</h2>")
        else:
            parts.append(f"<p>{escape(joined)}</p>")
    return Markup("".join(parts))


def license_page(language: str, fallbacks: tuple[Face, ...] = ()) -> epub.EpubHtml:
    """The SIL Open Font License 1.1 the subsets carry, as reflowable text at the body size, with
    the copyright lines of the CJK faces and of the embedded ``fallbacks``."""
    title = label("font_license", language)
    body = (
        f'<section class="license"><h1>{escape(title)}</h1>'
        f'<div lang="en">{license_blocks(license_text(fallbacks))}</div></section>'
    )
    return page("font-license", title, LICENSE_FILE, language, body)


def colophon(language: str) -> str:
    """The note at the end of the last chapter that names the fonts and links to their licence, in
    ``language``, the chapter's own (its page carries that language)."""
    text = label("colophon", language, serif=SERIF.family, sans=SANS.family)
    return (
        f'<footer class="colophon"><p>{escape(text)}: '
        f'<a href="{LICENSE_FILE}">SIL Open Font License 1.1</a></p></footer>'
    )
