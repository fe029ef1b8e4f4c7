"""An app shell's article in ``<noscript>``: a page rendered by scripts (``<div id="app">`` with a
loading message) whose server still puts the article, for browsers without scripts, in a
``<noscript>`` element. A browser with scripts on shows the app; a saved page shows only the shell.
When the page shows next to no text and a ``<noscript>`` holds an article's worth, that element's
content is the page: it is unwrapped before the article is looked for. A lazy image's
``<noscript><img></noscript>`` fallback (no text) is never touched."""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.element import Tag

from bookmaker.readers.html_dom import visible_text

SHELL_MOST = 200
"""A page showing at most this many characters of text (outside ``<noscript>``) is a shell."""
ARTICLE_LEAST = 300
"""A ``<noscript>`` with at least this many characters of paragraph text holds an article."""


def _paragraph_text(tag: Tag) -> int:
    return sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p"))


def unwrap_app_shell(soup: BeautifulSoup) -> bool:
    """Unwrap the ``<noscript>`` elements holding an article when the page around them is an app
    shell (see the module); True when one was."""
    root = soup.body or soup
    fallbacks = [n for n in root.find_all("noscript") if _paragraph_text(n) >= ARTICLE_LEAST]
    if not fallbacks or len(visible_text(root)) > SHELL_MOST:
        return False
    for node in fallbacks:
        node.unwrap()
    return True
