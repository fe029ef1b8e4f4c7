"""Posts embedded in a page as their platform's quotation markup (X/Twitter's ``<blockquote
class="twitter-tweet"><p>…</p>&mdash; name (@handle) <a>date</a></blockquote>``):

* the signature after the quotation's last paragraph, opening with a dash and given as bare text and
  links (no ``<footer>`` or ``<cite>``), is the quotation's attribution — wrapped in a ``<footer>``
  before the page is indexed, so that the quotation is read whole with it (:func:`sign_quotes`);
* a link in a quotation that only names the post's attached photo (``pic.twitter.com/…``) is no text
  of the post: removed and recorded (:func:`photo_links`)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from bookmaker.readers.html_flow import Env

_DASH = re.compile(r"^\s*(?:—|―|–|&mdash;)\s*\S")
_INLINE = frozenset({"a", "span", "time", "b", "strong", "i", "em", "small", "abbr"})
_BLOCKS = frozenset({"p", "div"})
_PHOTO_LINK = re.compile(r"^\s*pic\.(?:twitter|x)\.com/\w+\s*$")


def sign_quotes(soup: BeautifulSoup) -> None:
    """Wrap a quotation's trailing dash signature in a ``<footer>`` (see the module)."""
    for quote in soup.find_all("blockquote"):
        if quote.find(["footer", "cite"], recursive=False) is not None:
            continue
        children = list(quote.children)
        last = max(
            (i for i, c in enumerate(children) if isinstance(c, Tag) and c.name in _BLOCKS), default=-1
        )
        tail = children[last + 1 :]
        if last < 0 or not tail:
            continue
        if any(isinstance(c, Tag) and c.name not in _INLINE for c in tail):
            continue
        text = "".join(c.get_text() if isinstance(c, Tag) else str(c) for c in tail)
        if not _DASH.match(text) or len(text) > 200:
            continue
        footer = soup.new_tag("footer")
        tail[0].insert_before(footer)
        for node in tail:
            footer.append(node.extract() if isinstance(node, (Tag, NavigableString)) else node)


def photo_links(env: Env, soup: BeautifulSoup) -> None:
    """Remove the links in quotations that only name a post's attached photo (see the module)."""
    for quote in soup.find_all("blockquote"):
        for link in quote.find_all("a"):
            if _PHOTO_LINK.match(link.get_text()):
                env.remove(link, "an embedded post's link to its attached photo", "html.embed-photo-link")
