"""A wiki library's header over a work (Wikisource's ``{{header}}`` template: ``← 이전`` / the work's
title and ``저자: 윤동주`` / ``다음 →``, a notes row under them) and its license box under the text.

The previous and next links are the library's navigation; the title cell repeats the work's title and
names its author (a link into the author namespace, ``저자:``/``Author:``), read as the author — both
removed as lines (``html.navigation``, ``html.work-header``). The notes row stays, a note set apart
(a callout). (The page's name adds the author to tell works apart, ``서시 (윤동주)``: the title pass
cuts a hinted author's name in parentheses off the title.) The license box (``licenseContainer``) is
the library's statement of the work's copyright status, not the text (``html.license``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from bs4.element import AttributeValueList, Tag

from bookmaker.ir import Removal
from bookmaker.readers.html_dom import Page, visible_text
from bookmaker.readers.html_flow import Env

_HEADERS = ["#headertemplate", ".headertemplate", ".ws-header", ".wst-header"]
_NAV = [".header_backlink", ".header_forelink", ".wst-header-back", ".wst-header-forward"]
_TITLE = [".header_title", ".wst-header-title"]
_NOTES = [".header_notes", ".wst-header-notes"]
_LICENSE = [".licenseContainer", ".licenseBanner"]
_AUTHOR_PAGE = re.compile(r"/(?:저자|Author|作者|著者)\s*:", re.IGNORECASE)
NAVIGATION = "the library's links to the work's previous and next parts"
HEADER = "the work's header: its title and author again (read as the title and the author)"
LICENSE = "the library's box on the work's copyright status, not the text"


@dataclass
class WorkHeader:
    """What a work's header names: its title and authors."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)


def _within(page: Page, root: Tag, selectors: list[str]) -> list[Tag]:
    return [t for t in page.select_any(selectors) if t is root or root in t.parents]


def read_work_header(page: Page, env: Env) -> WorkHeader | None:
    """Read and remove a work's header and license box (see the module); None without a header."""
    for box in page.select_any(_LICENSE):
        for image in box.find_all("img"):
            shown = str(image.get("alt") or image.get("src") or "").strip()
            if shown:
                env.removed.append(
                    Removal(text=shown, reason=LICENSE, line=page.line(image), rule="html.license")
                )
        for part in [*box.find_all(["p", "li"]), box]:  # each paragraph at its line
            env.remove(part, LICENSE, "html.license")
    header = next(iter(page.select_any(_HEADERS)), None)
    if header is None:
        return None
    for cell in _within(page, header, _NAV):
        env.remove(cell, NAVIGATION, "html.navigation")
    work = WorkHeader()
    for cell in _within(page, header, _TITLE):
        bold = cell.find(["b", "strong"])
        work.title = visible_text(bold).strip() if isinstance(bold, Tag) else None
        work.authors = [
            visible_text(a).strip()
            for a in cell.find_all("a", href=True)
            if _AUTHOR_PAGE.search(unquote(str(a["href"])))
        ]
        env.remove(cell, HEADER, "html.work-header")
    for cell in _within(page, header, _NOTES):
        cell["class"] = AttributeValueList([*map(str, cell.get_attribute_list("class")), "callout"])
    return work
