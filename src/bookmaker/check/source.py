"""The words a PDF should print, from its source: read and normalized like a build (any input
format), so characters the normalizer removed on purpose and an HTML page's markup do not count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# IR fields that are not printed as text (offsets, switches, addresses, provenance)
_NOT_PRINTED = frozenset(
    {"type", "lines", "src", "alt", "level", "ordered", "id", "lang", "href", "url", "source", "style"}
)


def printed_text(doc: Any) -> str:
    """Title, deck, authors and every block's words of a Document (or Collection), a line each;
    what the normalizer removed (``removed``) and the metadata a page does not print are left out."""
    import msgspec

    data = msgspec.to_builtins(doc)
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in _NOT_PRINTED:
                    walk(item)

    for article in data.get("articles", [data]):
        meta = article.get("meta", {})
        walk([meta.get("title") or "", meta.get("subtitles", []), meta.get("series", [])])
        walk([author.get("name") or "" for author in meta.get("authors", [])])
        walk(article.get("blocks", []))
    return "\n".join(part for part in out if part)


def source_text(path: Path) -> str:
    """The printed words of the article at ``path`` (text, HTML, Markdown or IR JSON)."""
    from bookmaker.pipeline import load

    return printed_text(load(path))
