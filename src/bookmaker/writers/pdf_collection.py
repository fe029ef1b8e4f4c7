"""PDF of a collection: the collection's print rendition rendered by WeasyPrint."""

from __future__ import annotations

from datetime import datetime

from bookmaker.ir import Collection
from bookmaker.layout.collection import render_collection_print_html
from bookmaker.layout.pages import PageSpec, page_spec
from bookmaker.layout.style import Style
from bookmaker.resources import utc_stamp
from bookmaker.sandbox import Sandbox
from bookmaker.writers.identity import collection_digest, pdf_identifier
from bookmaker.writers.pdf import render_html


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
    html = render_collection_print_html(
        collection,
        page or page_spec(),
        created=utc_stamp(created),
        theme=theme,
        print_ready=print_ready,
        style=style,
        break_style=break_style,
    )
    return render_html(
        html,
        identifier=pdf_identifier(collection_digest(collection)),
        created=created,
        theme=theme,
        warnings=warnings,
        variant=variant,
        sandbox=sandbox,
        base_url=base_url,
    )
