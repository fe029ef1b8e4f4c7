"""PDF writer: the print rendition rendered by WeasyPrint (imported only when a PDF is wanted)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from bookmaker.book import Book
from bookmaker.errors import BuildError
from bookmaker.fonts.subsetting import FontSubset, pdf_subsets
from bookmaker.ir import Collection, Document
from bookmaker.layout.pages import PageSpec
from bookmaker.layout.style import Style, default_style
from bookmaker.resources import templates_root, utc_stamp
from bookmaker.sandbox import Sandbox, weasyprint_fetcher
from bookmaker.writers import Written
from bookmaker.writers.identity import pdf_identifier
from bookmaker.writers.pdf_attachments import AssociatedFiles, PdfAttachment, weasyprint_attachments
from bookmaker.writers.pdf_finish import Finisher, bleed_boxes, chain, open_outlines

if TYPE_CHECKING:
    from bookmaker.chunked.plan import Part

# --pdf-variant values: archival PDF/A-3b, tagged PDF/UA-1, or plain tagged PDF
VARIANTS = ("pdf/a-3b", "pdf/ua-1", "tagged")


def pdf_options(variant: str | None) -> dict[str, object]:
    """WeasyPrint ``write_pdf`` options for a ``--pdf-variant`` (PDF/X-4 is left out: not reproducible)."""
    if variant is None:
        return {}
    if variant not in VARIANTS:
        from bookmaker.errors import UsageError

        raise UsageError(f"--pdf-variant takes one of {', '.join(VARIANTS)}; got {variant!r}")
    if variant == "tagged":
        return {"pdf_tags": True}
    return {"pdf_variant": variant, "pdf_tags": True}


# the print templates' one stylesheet, in the head; a document with other <style> blocks keeps them all
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
# parsed then (with the fonts' @font-face rules or the sandboxed fetcher for @import) or not at all
_PER_DOCUMENT_CSS = ("@font-face", "@import")


@lru_cache(maxsize=16)
def _stylesheet(css: str, base_url: str) -> object:
    """``css`` parsed by WeasyPrint once per process (~6 ms a seed render): a page size, theme and
    settings give the same text, so only the first document of a kind pays for it."""
    import weasyprint

    return weasyprint.CSS(string=css, base_url=base_url)


def split_stylesheet(html: str) -> tuple[str, str | None]:
    """``html`` without its one ``<style>`` block, and that block's CSS; (``html``, None) when the
    document has several, or rules that must be parsed with the document's fonts or fetcher."""
    blocks = _STYLE.findall(html)
    if len(blocks) != 1 or any(rule in blocks[0] for rule in _PER_DOCUMENT_CSS):
        return html, None
    return _STYLE.sub("", html, count=1), blocks[0]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_pdf(
    source: Document | Collection | Book,
    *,
    created: datetime,
    style: Style | None = None,
    page: PageSpec | None = None,
    print_ready: bool = False,
    variant: str | None = None,
    break_style: str = "ranked",
    sandbox: Sandbox | None = None,
    base_url: str | None = None,
    attachments: Sequence[PdfAttachment] = (),
) -> Written:
    """The PDF of an article or a collection, and WeasyPrint's warnings.

    ``style`` (default: the book theme) gives templates and typography, ``page`` overrides its page;
    ``print_ready`` adds 3 mm bleed and crop marks; ``variant`` is one of :data:`VARIANTS`;
    ``break_style`` is ``ranked`` (default), ``word`` or ``syllable``. Resources resolve against
    ``base_url`` and are fetched only as ``sandbox`` allows (by default: the theme's folder, no
    network). ``attachments`` are embedded as associated files (``/AF``).
    """
    book = Book.of(source)
    html = print_html(
        book, created=created, style=style, page=page, print_ready=print_ready, break_style=break_style
    )
    return render_html(
        html,
        identifier=pdf_identifier(book.digest()),
        created=created,
        theme=(style or default_style()).name,
        variant=variant,
        sandbox=sandbox,
        base_url=base_url,
        attachments=attachments,
    )


def print_html(
    source: Document | Collection | Book,
    *,
    created: datetime,
    style: Style | None = None,
    page: PageSpec | None = None,
    print_ready: bool = False,
    break_style: str = "ranked",
    part: Part | None = None,
) -> str:
    """The print rendition as one HTML document, its paragraphs already broken into lines (``part``:
    only that part of a book rendered in chunks)."""
    from bookmaker.layout import render_print_html  # Jinja2: not needed by a process that only renders

    chosen = style or default_style()
    return render_print_html(
        source,
        page or chosen.page,
        created=utc_stamp(created),
        style=chosen,
        print_ready=print_ready,
        break_style=break_style,
        part=part,
    )


def render_html(
    html: str,
    *,
    identifier: bytes,
    created: datetime,
    theme: str = "book",
    variant: str | None = None,
    sandbox: Sandbox | None = None,
    base_url: str | None = None,
    attachments: Sequence[PdfAttachment] = (),
    fonts: list[FontSubset] | None = None,
    extra_css: Sequence[str] = (),
    keep_fonts_in: str | None = None,
    compress: bool = True,
) -> Written:
    """Render a finished print HTML document with WeasyPrint: per-document CJK font subsets (``fonts``,
    cut from ``html`` when not given), the sandboxed fetcher, WeasyPrint's warnings, failures as
    one-line errors. ``extra_css`` is added after the document's stylesheet; ``keep_fonts_in`` (a folder)
    keeps the font configuration for the next render with the same ``fonts`` (a worker of a
    chunked book); ``compress=False`` leaves WeasyPrint's streams and objects uncompressed (a part
    of a chunked book, compressed once when its fonts are stripped:
    :func:`~bookmaker.chunked.join.strip_fonts`)."""
    from bookmaker.fonts.weasyprint_adapter import write_pdf as write_with_subsets
    from bookmaker.writers.weasyprint_engine import weasyprint  # loaded without library probes

    options = pdf_options(variant)
    if not compress:
        options["uncompressed_pdf"] = True
    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    fence = sandbox or Sandbox.for_paths([templates_root() / theme])
    try:
        base = base_url or (templates_root() / theme).as_uri() + "/"
        # the stylesheet as a parsed user sheet: no author sheet or presentational hints are left
        # for it to rank below, so the cascade is the same (same PDF bytes on 19 builds when added)
        body, css = split_stylesheet(html)
        sheets = [] if css is None else [_stylesheet(css, base)]
        sheets += [_stylesheet(extra, base) for extra in extra_css]
        if sheets:
            options["stylesheets"] = sheets
        document = weasyprint.HTML(string=body, base_url=base, url_fetcher=weasyprint_fetcher(fence))
        finishers: list[Finisher] = [open_outlines, bleed_boxes]
        if attachments:
            options["attachments"] = weasyprint_attachments(attachments, created)
            finishers.append(AssociatedFiles(attachments))
        options["finisher"] = chain(finishers)
        subsets = pdf_subsets(html) if fonts is None else fonts
        data = write_with_subsets(
            document, subsets, keep_in=keep_fonts_in, pdf_identifier=identifier, **options
        )
        if data is not None and options.get("pdf_tags"):
            from bookmaker.writers.pdf_artifacts import margins_as_artifacts

            data = margins_as_artifacts(data)  # running heads and folios: artifacts, not content
    except Exception as exc:  # WeasyPrint raises many kinds; report one line
        raise BuildError(f"PDF rendering failed: {exc}") from exc
    finally:
        logger.removeHandler(collector)
    if data is None:
        raise BuildError("PDF rendering produced no output")
    # blocked resources are reported once, by the sandbox
    return Written(data, [m for m in collector.messages if not any(u in m for u in fence.refusals)])
