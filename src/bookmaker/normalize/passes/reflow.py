"""Pass ``reflow``: rejoin hard-wrapped paragraphs in text scrapes.

Only for blank-line separated layouts whose lines are all short (a wrap width): a line that
does not end a sentence and is at least half the wrap width continues on the next line of the
same blank-line group. One-paragraph-per-line inputs are left alone.
"""

from __future__ import annotations

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence

MAX_WRAP_WIDTH = 120


def _joinable(item: Item) -> bool:
    return item.role is None and item.kind is None and not structured(item)


def run(ctx: Context) -> None:
    """Join wrapped lines into paragraphs, keeping first and last source lines."""
    items = ctx.items
    if not any(it.attrs.get("after_blank") for it in items):
        return
    width = max((len(it.text) for it in items), default=0)
    if width == 0 or width > MAX_WRAP_WIDTH:
        return
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _joinable(prev)
            and _joinable(item)
            and not item.attrs.get("after_blank")
            and item.line == (prev.last or prev.line) + 1
            and not ends_sentence(prev.text)
            and len(prev.text) >= width * 0.5
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.last = item.last or item.line
            continue
        out.append(item)
    ctx.items = out
