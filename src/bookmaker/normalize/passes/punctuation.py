"""Pass ``punctuation``: curly quotes, ``…`` and one middle dot in body and metadata text."""

from __future__ import annotations

from bookmaker.korean.punctuation import fix_punctuation
from bookmaker.normalize.blocks import edit_text
from bookmaker.normalize.context import Context


def run(ctx: Context) -> None:
    """Fix punctuation in every kept text (inside tables, lists and quotes too)."""
    for item in ctx.items:
        item.text = fix_punctuation(item.text)
        if item.block is not None:
            item.block = edit_text(item.block, fix_punctuation)
    for field in ("title", "dateline"):
        if ctx.meta.get(field):
            ctx.meta[field] = fix_punctuation(ctx.meta[field])
    ctx.meta["subtitles"] = [fix_punctuation(s) for s in ctx.meta.get("subtitles", [])]
    ctx.meta["series"] = [fix_punctuation(s) for s in ctx.meta.get("series", [])]
