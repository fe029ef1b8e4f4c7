"""A music site's page of one song: its headline in the page's metadata names the song and its
artist (``첫눈이 오면 - 윤하린``, og:title) where the artist is a link into the site's artist pages
(``/artist/882301``); the song is the title, the artist its author. The song's fields (``<dt>발매일
</dt><dd>2026.11.27</dd>``) date it when the page's metadata does not. The lyrics are read as the
page's body (their lines and stanzas: readers/verse.py)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from bookmaker.readers.html_dom import visible_text

_TITLE_ARTIST = re.compile(r"^\s*(?P<work>\S.{0,80}?)\s+[-–—]\s+(?P<artist>[^-–—|/]{1,30}?)\s*$")
_ARTIST_PAGE = re.compile(r"/(?:artists?|singers?|musicians?)(?:/|\?|=|$)", re.IGNORECASE)
_RELEASED = re.compile(r"^\s*(?:발매일|발매|발표일|Release\s*date|Released)\s*[:：]?\s*$", re.IGNORECASE)
MAX_FIELDS = 40
"""The page's field terms read for the release date (a song's fields are a handful)."""


def read_song_page(soup: BeautifulSoup, hints: dict[str, object]) -> None:
    """Title, author and date hints of a song's page (see the module), changed in ``hints``."""
    title = hints.get("title")
    m = _TITLE_ARTIST.match(title) if isinstance(title, str) else None
    if m is None:
        return
    artist = m["artist"].strip()
    if not any(visible_text(a).strip() == artist for a in soup.find_all("a", href=_ARTIST_PAGE)):
        return
    hints["title"] = m["work"].strip()
    hints.setdefault("authors", [artist])
    if "date" in hints:
        return
    for term in soup.find_all("dt", limit=MAX_FIELDS):
        value = term.find_next_sibling("dd") if _RELEASED.match(visible_text(term)) else None
        if value is not None and visible_text(value).strip():
            hints["date"] = visible_text(value).strip()
            return
