"""Pass ``meta_author``: the writer a page's metadata names (``<meta name="author">``,
``dable:author``) when the text credits no one — a scrape of the article's container often leaves the
byline out. A person (``최유나 기자``, ``최유나``, with an e-mail or not) is the author; the outlet's own
name (an editorial's ``중앙일보``) votes for the publisher; anything else (a desk, an account name) is
left alone."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.context import Context, Evidence
from bookmaker.normalize.passes.bylines import OUTLET_WORD, own_outlet, parse_byline

_BARE_NAME = re.compile(r"[가-힣]{2,4}")
_BY = re.compile(r"^(?i:by)\s+")
_SEPARATOR = re.compile(r"\s*[,·/]\s*")
_NOT_NAMES = frozenset({"관리자", "운영자", "편집자", "편집국", "편집부", "뉴스팀", "기자", "익명"})


def run(ctx: Context) -> None:
    """Take the metadata's writer when nothing in the text named an author."""
    named = ctx.hints.get("meta_author")
    if not isinstance(named, str) or not named.strip() or ctx.authors or ctx.meta_lines.get("authors"):
        return
    text = _BY.sub("", named.strip())
    outlet = ctx.rules.outlet_in_text(text)
    if (
        own_outlet(ctx, text)
        or (outlet is not None and text in (outlet.name, *outlet.aliases))
        or OUTLET_WORD.match(text)
    ):
        ctx.vote_publisher(outlet.name if outlet else text, Evidence.SITE_LABEL)
        return
    names = _SEPARATOR.split(text)
    if all(_BARE_NAME.fullmatch(name) for name in names):
        for name in names:
            if name not in _NOT_NAMES:
                ctx.add_author(Author(name=name))
        return
    for author in parse_byline(ctx.rules, text) or []:
        if author.name and author.name not in _NOT_NAMES:
            ctx.add_author(author)
