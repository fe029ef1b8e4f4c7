"""A music site's page of one song: its headline in the page's metadata names the song and its
artist (``첫눈이 오면 - 윤하린``, og:title) where the artist is a link into the site's artist pages
(``/artist/882301``); the song is the title, the artist its author. The song's fields (``<dt>발매일
</dt><dd>2026.11.27</dd>``) date it when the page's metadata does not. The lyrics are read as the
page's body (their lines and stanzas: readers/verse.py), and its credits box (``참여 정보``: 작사, 작곡,
편곡) as a part of it."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import Tag

from bookmaker.readers.html_dom import visible_text

_TITLE_ARTIST = re.compile(r"^\s*(?P<work>\S.{0,80}?)\s+[-–—]\s+(?P<artist>[^-–—|/]{1,30}?)\s*$")
_ARTIST_PAGE = re.compile(r"/(?:artists?|singers?|musicians?)(?:/|\?|=|$)", re.IGNORECASE)
_RELEASED = re.compile(r"^\s*(?:발매일|발매|발표일|Release\s*date|Released)\s*[:：]?\s*$", re.IGNORECASE)
MAX_FIELDS = 40
"""The page's field terms read for the release date (a song's fields are a handful)."""


_CREDIT_TERMS = re.compile(r"^\s*(?:작사|작곡|편곡|Lyrics|Lyricist|Composer|Arranger)\s*$", re.IGNORECASE)
MAX_CREDITS_BOX = 400
"""The most text a song's credits box holds (its heading and a handful of names)."""


def _song(soup: BeautifulSoup, hints: dict[str, object]) -> re.Match[str] | None:
    """The og:title's song and artist when the artist is a link into the site's artist pages."""
    title = hints.get("title")
    m = _TITLE_ARTIST.match(title) if isinstance(title, str) else None
    if m is None:
        return None
    artist = m["artist"].strip()
    return (
        m if any(visible_text(a).strip() == artist for a in soup.find_all("a", href=_ARTIST_PAGE)) else None
    )


def song_credits(soup: BeautifulSoup, hints: dict[str, object]) -> Tag | None:
    """A song page's credits box (``참여 정보``: a ``<dl>`` of 작사/작곡/편곡 and names), a part of the
    song's text the page sets apart from its lyrics; None on other pages."""
    if _song(soup, hints) is None:
        return None
    for fields in soup.find_all("dl", limit=MAX_FIELDS):
        terms = [t for t in fields.find_all("dt") if _CREDIT_TERMS.match(visible_text(t))]
        box = fields.parent
        if len(terms) >= 2 and isinstance(box, Tag) and len(visible_text(box)) <= MAX_CREDITS_BOX:
            return box
    return None


def read_song_page(soup: BeautifulSoup, hints: dict[str, object]) -> None:
    """Title, author and date hints of a song's page (see the module), changed in ``hints``."""
    m = _song(soup, hints)
    if m is None:
        return
    artist = m["artist"].strip()
    hints["title"] = m["work"].strip()
    hints.setdefault("authors", [artist])
    if "date" in hints:
        return
    for term in soup.find_all("dt", limit=MAX_FIELDS):
        value = term.find_next_sibling("dd") if _RELEASED.match(visible_text(term)) else None
        if value is not None and visible_text(value).strip():
            hints["date"] = visible_text(value).strip()
            return
