"""Last touches to WeasyPrint's PDF before it is written (its ``finisher`` hook, public API).

* The document opens with its bookmarks panel (``/PageMode /UseOutlines``) when it has an outline.
* A print-ready page (``--print-ready``): WeasyPrint's CSS ``bleed`` holds the bleed and the slug
  round it (see ``print.css.j2``); the PDF's ``/BleedBox`` is set to the bleed alone
  (:data:`~bookmaker.layout.pages.BLEED_MM` round the ``/TrimBox``), the ``/MediaBox`` keeps the slug.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bookmaker.layout.pages import BLEED_MM

Finisher = Callable[[Any, Any], None]
_BLEED_PT = BLEED_MM * 72 / 25.4


def open_outlines(_document: Any, pdf: Any) -> None:
    """Show the bookmarks panel on opening, when the PDF has bookmarks."""
    if "Outlines" in pdf.catalog:
        pdf.catalog["PageMode"] = "/UseOutlines"


def bleed_boxes(_document: Any, pdf: Any) -> None:
    """Each page's ``/BleedBox``: its ``/TrimBox`` grown by the bleed, inside the ``/MediaBox``."""
    for item in pdf.objects:
        if isinstance(item, dict) and item.get("Type") == "/Page" and "TrimBox" in item:
            left, bottom, right, top = (float(v) for v in item["TrimBox"])
            media = [float(v) for v in item["MediaBox"]]
            if left - media[0] > _BLEED_PT:  # a print-ready page: bleed and slug round the trim
                box = [left - _BLEED_PT, bottom - _BLEED_PT, right + _BLEED_PT, top + _BLEED_PT]
                item["BleedBox"].clear()
                item["BleedBox"].extend(box)


def chain(finishers: Sequence[Finisher]) -> Finisher:
    """One finisher running ``finishers`` in order."""

    def run(document: Any, pdf: Any) -> None:
        for finisher in finishers:
            finisher(document, pdf)

    return run
