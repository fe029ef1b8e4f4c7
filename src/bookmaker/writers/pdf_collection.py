"""PDF of a collection: the collection's print rendition rendered by WeasyPrint."""

from __future__ import annotations

import logging
from datetime import datetime

from bookmaker.errors import BuildError
from bookmaker.ir import Collection
from bookmaker.layout.collection import render_collection_print_html
from bookmaker.layout.pages import PageSpec, page_spec
from bookmaker.layout.style import Style
from bookmaker.resources import templates_root
from bookmaker.sandbox import Sandbox, weasyprint_fetcher
from bookmaker.writers.identity import collection_digest
from bookmaker.writers.pdf import _Collect, pdf_options


def build_collection_pdf(
    collection: Collection,
    *,
    created: datetime,
    page: PageSpec | None = None,
    theme: str = "book",
    warnings: list[str] | None = None,
    print_ready: bool = False,
    variant: str | None = None,
    sandbox: Sandbox | None = None,
    base_url: str | None = None,
    style: Style | None = None,
    break_style: str = "word",
) -> bytes:
    """Return the PDF of ``collection`` as bytes; options as in :func:`bookmaker.writers.pdf.build_pdf`."""
    import weasyprint

    options = pdf_options(variant)
    html = render_collection_print_html(
        collection,
        page or page_spec(),
        created=created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        theme=theme,
        print_ready=print_ready,
        style=style,
        break_style=break_style,
    )
    from bookmaker.writers.pdf_fonts import document_fonts, font_configuration

    font_config = font_configuration(document_fonts(html))  # small per-book CJK subsets
    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    fence = sandbox or Sandbox.for_paths([templates_root() / theme])
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=base_url or (templates_root() / theme).as_uri() + "/",
            url_fetcher=weasyprint_fetcher(fence),
        )
        identifier = collection_digest(collection)[:32].encode("ascii")
        data = document.write_pdf(pdf_identifier=identifier, font_config=font_config, **options)
    except Exception as exc:  # WeasyPrint raises many kinds; report one line
        raise BuildError(f"PDF rendering failed: {exc}") from exc
    finally:
        logger.removeHandler(collector)
    if warnings is not None:
        warnings.extend(m for m in collector.messages if not any(u in m for u in fence.blocked_urls))
    if data is None:
        raise BuildError("PDF rendering produced no output")
    return data
