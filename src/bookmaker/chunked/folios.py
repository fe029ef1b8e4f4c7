"""Folios of a book rendered in chunks: drawn last, by an overlay that knows the page numbers.

A chunk is rendered before the number of its first page is known, so its stylesheet leaves out
every page-margin box that shows a counter (the folios, ``counter(page)`` and ``counter(pages)``)
and the crop marks. Once every chunk's pages are counted, a small document of empty pages with the
book's own page rules (same sides, same blank pages, numbers counted from the chunk's first page,
``counter(pages)`` replaced by the book's page count) draws them, and the join lays each of its
pages over the chunk's page. Running heads stay in the chunks: they come from the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import tinycss2

_COUNTER = re.compile(r"counter\(\s*pages?\s*[,)]")
_PAGES = re.compile(r"counter\(\s*pages\s*\)")

CHUNK_RULES = """
.chunk-lead { string-set: running-title attr(data-label); bookmark-level: 1;
              bookmark-label: attr(data-label); }
.chunk-lead + article { break-before: right; }
.chunk-tail { break-before: right; }
.toc a.toc-entry[data-page]::after { content: leader(" · ") " " attr(data-page); }
"""
"""A part's own rules: a continuing chunk's lead page carries the running title and an outline
entry (whose children the join moves under the article's), and the contents shows the page
numbers it is given."""
LEAD_PAGES = 2
"""Pages before a continuing chunk's text: the lead page and the blank left-hand page after it."""


def folio_boxes(page_css: str) -> list[str]:
    """The page-margin boxes (``bottom-right``, …) whose content shows a page counter."""
    found: list[str] = []
    for rule in tinycss2.parse_stylesheet(page_css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "page" or rule.content is None:
            continue
        for inner in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if (
                inner.type == "at-rule"
                and inner.content is not None
                and inner.lower_at_keyword not in found
                and _COUNTER.search(tinycss2.serialize(inner.content))
            ):
                found.append(inner.lower_at_keyword)
    return found


PAGE_MARK = "bookmaker-page:"
"""Outline title of a chunk's marker where an element names its page (``page: NAME``); the
overlay gives that page the same name, the join leaves the marker out."""


def named_pages(page_css: str) -> list[tuple[str, str]]:
    """(selector, page name) of every rule giving its elements a named page, less those that set
    a bookmark of their own."""
    found = []
    for rule in tinycss2.parse_stylesheet(page_css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        declarations = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        names = {
            d.lower_name: tinycss2.serialize(d.value).strip() for d in declarations if d.type == "declaration"
        }
        name = names.get("page", "auto")
        if name != "auto" and "bookmark-label" not in names:
            found.append((tinycss2.serialize(rule.prelude).strip(), name))
    return found


def chunk_css(boxes: Sequence[str], named: Sequence[tuple[str, str]] = ()) -> str:
    """A chunk's stylesheet: no folio boxes, no crop marks (the overlay draws both), an outline
    marker where an element names its page (:data:`PAGE_MARK`), the part rules."""
    margins = " ".join(f"@{box} {{ content: none !important; }}" for box in boxes)
    marks = "".join(
        f'{selector} {{ bookmark-level: 1; bookmark-label: "{PAGE_MARK}{name}"; }}\n'
        for selector, name in named
    )
    return f"@page {{ marks: none !important; {margins} }}\n{marks}{CHUNK_RULES}"


MARGIN_BOXES = tuple(
    f"{side}-{place}"
    for side, places in (
        ("top", ("left-corner", "left", "center", "right", "right-corner")),
        ("bottom", ("left-corner", "left", "center", "right", "right-corner")),
        ("left", ("top", "middle", "bottom")),
        ("right", ("top", "middle", "bottom")),
    )
    for place in places
)


def overlay_css(first_folio: int, boxes: Sequence[str]) -> str:
    """The overlay's stylesheet on top of the book's page rules: numbers from ``first_folio``, no
    margin boxes but the folio ``boxes`` (the others would be empty: fewer boxes to lay out)."""
    others = " ".join(f"@{box} {{ content: none !important; }}" for box in MARGIN_BOXES if box not in boxes)
    return f"@page :first {{ counter-reset: page {first_folio}; }}\n@page {{ {others} }}\n"


def overlay_html(
    page_css: str, blank: Sequence[bool], total_pages: int, names: Sequence[str | None] = ()
) -> str:
    """A document of empty pages, one per entry of ``blank`` (the chunk's pages, the first one a
    right-hand page), made blank where the chunk's are (by a break to the next page's side) and
    named where theirs are (``names``)."""
    parts = []
    for index, is_blank in enumerate(blank):
        if is_blank:
            continue
        name = names[index] if index < len(names) else None
        style = f"page:{name};" if name else ""
        if index and blank[index - 1]:
            style += f"break-before:{'right' if index % 2 == 0 else 'left'}"
        elif index:
            style += "break-before:page"
        parts.append(f'<div style="{style}"></div>')
    if blank and blank[-1]:  # a trailing blank page: made by one more break, whose page is dropped
        side = "right" if len(blank) % 2 == 0 else "left"
        parts.append(f'<div style="break-before:{side}"></div>')
    css = _PAGES.sub(f'"{total_pages}"', page_css)
    head = f'<head><meta charset="utf-8"/><style>{css}</style></head>'
    return f"<!DOCTYPE html><html>{head}<body>{''.join(parts)}</body></html>"


def page_css_of(html: str) -> str:
    """The page stylesheet of a part's print HTML (its one ``<style>`` block)."""
    match = re.search(r"<style>(.*?)</style>", html, re.S)
    return match.group(1) if match else ""
