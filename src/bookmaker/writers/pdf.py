"""PDF writer: the print rendition rendered by WeasyPrint (imported only when a PDF is wanted)."""

from __future__ import annotations

import logging
from datetime import datetime

from bookmaker.errors import BuildError
from bookmaker.ir import Document
from bookmaker.layout import render_print_html
from bookmaker.layout.pages import PageSpec, page_spec
from bookmaker.resources import templates_root
from bookmaker.writers.identity import content_digest


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_pdf(
    doc: Document,
    *,
    created: datetime,
    page: PageSpec | None = None,
    theme: str = "book",
    warnings: list[str] | None = None,
) -> bytes:
    """Return the PDF of ``doc`` as bytes; WeasyPrint's warnings are appended to ``warnings``."""
    import weasyprint

    html = render_print_html(
        doc, page or page_spec(), created=created.strftime("%Y-%m-%dT%H:%M:%SZ"), theme=theme
    )
    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        document = weasyprint.HTML(string=html, base_url=str(templates_root() / theme))
        data = document.write_pdf(pdf_identifier=content_digest(doc)[:32].encode("ascii"))
    except Exception as exc:  # WeasyPrint raises many kinds; report one line
        raise BuildError(f"PDF rendering failed: {exc}") from exc
    finally:
        logger.removeHandler(collector)
    if warnings is not None:
        warnings.extend(collector.messages)
    if data is None:
        raise BuildError("PDF rendering produced no output")
    return data
