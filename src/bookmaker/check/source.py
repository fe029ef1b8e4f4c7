"""The words a PDF should print, from its source: read and normalized like a build (any input
format), so characters the normalizer removed on purpose and an HTML page's markup do not count."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Collection, Document, Figure, Footnote, ListBlock, Quote, plain, walk


def printed_text(doc: Document | Collection) -> str:
    """Title, deck, authors and every block's words of a Document (or each article of a
    Collection), a paragraph a line; what the normalizer removed (``removed``) is left out."""
    out: list[str] = []
    for article in doc.articles if isinstance(doc, Collection) else [doc]:
        meta = article.meta
        out += [meta.title, *meta.subtitles, *meta.series, *(a.name or "" for a in meta.authors)]
        for block in walk(article.blocks):
            if isinstance(block, Figure):
                out += [block.text, block.credit or ""]
            elif isinstance(block, Quote):
                out.append(plain(block.attribution))
            elif not isinstance(block, ListBlock | Footnote):  # their blocks come next
                out.append(block.text)
    return "\n".join(part for part in out if part)


def source_text(path: Path) -> str:
    """The printed words of the article at ``path`` (text, HTML, a saved page, Markdown or IR JSON)."""
    from bookmaker.pipeline import load

    return printed_text(load(path))
