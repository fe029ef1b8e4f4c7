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
URL_ATTRIBUTES = ("href", "src", "data-src", "data-original", "data-lazy-src", "poster", "action")
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


def _comments(soup: BeautifulSoup) -> list[str]:
    """The page's comments (few: a saved page's notes are comments)."""
    return [str(c) for c in soup.find_all(string=lambda s: isinstance(s, Comment))]


def _wayback(soup: BeautifulSoup, comments: list[str]) -> list[tuple[Tag, str]]:
    if not any("WAYBACK TOOLBAR INSERT" in c for c in comments) and soup.find(id="wm-ipp-base") is None:
        return []
    for tag in soup.find_all(True):
        for name in URL_ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str) and "/web/" in value:
                tag[name] = unarchive(value)
        if tag.name in ("meta", "link"):
            for name in ("content", "href"):
                value = tag.get(name)
                if isinstance(value, str) and "/web/" in value:
                    tag[name] = unarchive(value)
    return [(tag, TOOLBAR) for tag in _toolbar(soup)]


def _toolbar(soup: BeautifulSoup) -> list[Tag]:
    """The elements between the toolbar's BEGIN and END comments, and the toolbar's own boxes."""
    found: list[Tag] = []
    begin = soup.find(string=lambda s: isinstance(s, Comment) and "BEGIN WAYBACK TOOLBAR INSERT" in s)
    for node in begin.next_siblings if begin is not None else ():
        if isinstance(node, Comment) and "END WAYBACK TOOLBAR INSERT" in node:
            break
        if isinstance(node, Tag) and not hides(node):  # the archive's scripts show nothing
            found.append(node)
    for name in ("wm-ipp-base", "wm-ipp", "wm-ipp-print"):
        tag = soup.find(id=name)
        if isinstance(tag, Tag) and not any(tag is t or t in tag.parents for t in found):
            found.append(tag)
    return found


def _singlefile(soup: BeautifulSoup, comments: list[str]) -> tuple[list[tuple[Tag, str]], str | None]:
    note = next((c for c in comments if "Page saved with SingleFile" in c), None)
    if note is None:
        return [], None
    found = _SINGLEFILE_URL.search(note)
    hidden = [tag for tag in soup.find_all(class_="sf-hidden") if isinstance(tag, Tag)]
    inner = {id(t) for tag in hidden for t in tag.find_all(class_="sf-hidden")}
    outer = [tag for tag in hidden if id(tag) not in inner]
    return [(tag, HIDDEN) for tag in outer], found.group(1) if found else None


def _reader_view(soup: BeautifulSoup) -> tuple[list[tuple[Tag, str]], str | None]:
    if soup.find(class_="moz-reader-content") is None:
        return [], None
    out: list[tuple[Tag, str]] = []
    url = None
    domain = soup.find("a", class_="reader-domain")
    if isinstance(domain, Tag):
        out.append((domain, READER_LINK))
        href = domain.get("href")
        url = (
            href.strip()
            if isinstance(href, str) and href.strip().startswith(("http://", "https://"))
            else None
        )
    time = soup.find(class_="reader-estimated-time")
    if isinstance(time, Tag):
        out.append((time, READER_TIME))
    return out, url


def saved_chrome(soup: BeautifulSoup) -> SavedChrome:
    """What a saving tool added to the page (see the module); archived addresses are unwrapped in
    place."""
    comments = _comments(soup)
    found = SavedChrome(_wayback(soup, comments))
    hidden, saved_url = _singlefile(soup, comments)
    reader, reader_url = _reader_view(soup)
    found.removals += hidden + reader
    found.url = saved_url or reader_url
    return found


RULES = {
    TOOLBAR: "html.archive-toolbar",
    HIDDEN: "html.saved-hidden",
    READER_LINK: "html.reader-view",
    READER_TIME: "html.reader-view",
}
