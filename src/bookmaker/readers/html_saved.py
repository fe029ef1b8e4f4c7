"""What a saving tool adds to a page: a web archive's toolbar, SingleFile's notes, a reader view's frame.

* **Wayback Machine** snapshots (the ``BEGIN WAYBACK TOOLBAR INSERT`` comment, ``#wm-ipp``): the
  toolbar is removed (``html.archive-toolbar``: its captures and calendar are the archive's, and its
  dates are capture dates, never the article's), and every archived address
  (``/web/20261205031544/https://…``, ``im_``/``js_``/``cs_`` flavours) is unwrapped to the
  original, so kept links, image addresses, ``og:url`` and the canonical link name the page itself.
* **SingleFile** pages (``<!-- Page saved with SingleFile … url: … -->``): the saved address is the
  page's URL when its markup gives none; elements SingleFile hid (``.sf-hidden``, hidden by a style
  rule the reader does not apply) are removed (``html.saved-hidden``).
* **Firefox Reader View** pages saved as HTML (``.moz-reader-content``): the link to the original
  site (its address is the page's URL) and the estimated reading time are removed
  (``html.reader-view``); ``.reader-credits`` is the byline (:mod:`.html_header`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import Comment, Tag

from bookmaker.readers.html_dom import hides

ARCHIVED = re.compile(
    r"^(?:(?:https?:)?//web\.archive\.org)?/web/\d{1,14}(?:[a-z]{2}_)?/+(?P<original>(?:https?:/+)?[^/\s]+\.[^\s]*)$",
    re.IGNORECASE,
)
"""An archived address: the archive's prefix, a 1–14 digit capture time, the original."""
URL_ATTRIBUTES: tuple[str, ...] = (
    "href",
    "src",
    "data-src",
    "data-original",
    "data-lazy-src",
    "poster",
    "action",
)
TOOLBAR = "the web archive's toolbar (captures and calendar of the snapshot, not the article's)"
HIDDEN = "hidden on the page when SingleFile saved it"
READER_LINK = "the reader view's link to the original site (its address is the source URL)"
READER_TIME = "the reading time the reader view estimated"
_SINGLEFILE_URL = re.compile(r"^\s*url:\s*(https?://\S+)\s*$", re.MULTILINE)


@dataclass(slots=True)
class SavedChrome:
    """What the saving tool added: elements to remove with their reasons, and the page's address."""

    removals: list[tuple[Tag, str]] = field(default_factory=list)
    url: str | None = None


def unarchive(address: str) -> str:
    """The original of an archived address (``/web/2026…/https://x`` → ``https://x``), else ``address``."""
    match = ARCHIVED.match(address.strip())
    if match is None:
        return address
    original = re.sub(r"^(https?):/+", r"\1://", match["original"], flags=re.IGNORECASE)
    return original if re.match(r"https?://", original, re.IGNORECASE) else f"http://{original}"


@dataclass(slots=True)
class _Scan:
    """One walk over the page: what the saving tools' rules look at."""

    comments: list[Comment] = field(default_factory=list)
    ids: dict[str, Tag] = field(default_factory=dict)
    classes: dict[str, list[Tag]] = field(default_factory=dict)
    archived: list[Tag] = field(default_factory=list)
    """Elements with an attribute naming an archived address (``/web/``)."""


_IDS = frozenset({"wm-ipp-base", "wm-ipp", "wm-ipp-print"})
_CLASSES = frozenset({"sf-hidden", "moz-reader-content", "reader-domain", "reader-estimated-time"})


def _scan(soup: BeautifulSoup) -> _Scan:
    found = _Scan()
    for node in soup.descendants:
        if isinstance(node, Comment):
            found.comments.append(node)
        elif isinstance(node, Tag):
            ident = node.get("id")
            if isinstance(ident, str) and ident in _IDS:
                found.ids.setdefault(ident, node)
            for name in _CLASSES.intersection(node.get_attribute_list("class") or ()):
                found.classes.setdefault(name, []).append(node)
            if any(isinstance(v, str) and "/web/" in v for v in node.attrs.values()):
                found.archived.append(node)
    return found


def _wayback(scan: _Scan) -> list[tuple[Tag, str]]:
    if not any("WAYBACK TOOLBAR INSERT" in c for c in scan.comments) and "wm-ipp-base" not in scan.ids:
        return []
    for tag in scan.archived:
        names = URL_ATTRIBUTES + (("content",) if tag.name == "meta" else ())
        for name in names:
            value = tag.get(name)
            if isinstance(value, str) and "/web/" in value:
                tag[name] = unarchive(value)
    return [(tag, TOOLBAR) for tag in _toolbar(scan)]


def _toolbar(scan: _Scan) -> list[Tag]:
    """The elements between the toolbar's BEGIN and END comments, and the toolbar's own boxes."""
    found: list[Tag] = []
    begin = next((c for c in scan.comments if "BEGIN WAYBACK TOOLBAR INSERT" in c), None)
    for node in begin.next_siblings if begin is not None else ():
        if isinstance(node, Comment) and "END WAYBACK TOOLBAR INSERT" in node:
            break
        if isinstance(node, Tag) and not hides(node):  # the archive's scripts show nothing
            found.append(node)
    for name in ("wm-ipp-base", "wm-ipp", "wm-ipp-print"):
        tag = scan.ids.get(name)
        if tag is not None and not any(t is tag or any(p is t for p in tag.parents) for t in found):
            found.append(tag)
    return found


def _singlefile(scan: _Scan) -> tuple[list[tuple[Tag, str]], str | None]:
    note = next((c for c in scan.comments if "Page saved with SingleFile" in c), None)
    if note is None:
        return [], None
    found = _SINGLEFILE_URL.search(note)
    outer: list[Tag] = []
    for tag in scan.classes.get("sf-hidden", []):  # in document order: an inner one follows its outer
        if not (outer and any(p is outer[-1] for p in tag.parents)):  # identity: bs4's == compares trees
            outer.append(tag)
    return [(tag, HIDDEN) for tag in outer], found.group(1) if found else None


def _reader_view(scan: _Scan) -> tuple[list[tuple[Tag, str]], str | None]:
    if "moz-reader-content" not in scan.classes:
        return [], None
    out: list[tuple[Tag, str]] = []
    url = None
    domain = next((t for t in scan.classes.get("reader-domain", []) if t.name == "a"), None)
    if domain is not None:
        out.append((domain, READER_LINK))
        href = domain.get("href")
        url = (
            href.strip()
            if isinstance(href, str) and href.strip().startswith(("http://", "https://"))
            else None
        )
    if time := scan.classes.get("reader-estimated-time"):
        out.append((time[0], READER_TIME))
    return out, url


def saved_chrome(soup: BeautifulSoup) -> SavedChrome:
    """What a saving tool added to the page (see the module); archived addresses are unwrapped in
    place. One walk over the page."""
    scan = _scan(soup)
    found = SavedChrome(_wayback(scan))
    hidden, saved_url = _singlefile(scan)
    reader, reader_url = _reader_view(scan)
    found.removals += hidden + reader
    found.url = saved_url or reader_url
    return found


RULES = {
    TOOLBAR: "html.archive-toolbar",
    HIDDEN: "html.saved-hidden",
    READER_LINK: "html.reader-view",
    READER_TIME: "html.reader-view",
}
