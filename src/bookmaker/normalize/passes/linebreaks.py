"""Pass ``linebreaks``: lines a reader split at a single ``<br>`` inside one paragraph (they share
``attrs["br_group"]``) are joined again with a line break when both stayed body text of the same
role: the passes judged each piece alone (a byline or a copyright line after a ``<br>`` left), and
what is left reads as the author broke it. Pieces that each open with a list marker stay entries
of their own. A paragraph that ends in a comma and the one a single ``<br>`` of a generic container
parted from it are one sentence again (``attrs["soft_break"]``)."""

from __future__ import annotations

from bookmaker.ir import Inline, LineBreak, Text, text_runs
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.inlines import follow_edit

JOINABLE = ("paragraph", "quote", "list-item")


def _runs(item: Item) -> list[Inline]:
    return follow_edit(item.content, item.text) if item.content is not None else text_runs(item.text)


def _marked_entry(item: Item) -> bool:
    """A list entry its own marker made (``· 일시: …<br>· 장소: …``): each piece is an entry of its own,
    not the next line of one ``<li>``."""
    return item.role == "list-item" and item.kind != "list-item"


def _cut_sentence(prev: Item, item: Item) -> bool:
    """A sentence a single ``<br>`` in a generic container cut at a comma (a broadcaster's script:
    ``… 계획이 곳곳에서 나왔지만,<br>대전과 충남에서만 …``): one paragraph again, joined with a space."""
    return (
        item.attrs.get("soft_break") == "1"
        and prev.role == item.role == "paragraph"
        and prev.text.rstrip().endswith(",")
        and "br_group" not in prev.attrs
    )


def run(ctx: Context) -> None:
    """Join neighbouring pieces of one broken line."""
    out: list[Item] = []
    for item in ctx.items:
        prev = out[-1] if out else None
        group = item.attrs.get("br_group")
        if (
            prev is not None
            and group is not None
            and prev.attrs.get("br_group") == group
            and prev.role == item.role
            and item.role in JOINABLE
            and not _marked_entry(item)
        ):
            prev.content = [*_runs(prev), LineBreak(), *_runs(item)]
            prev.text = f"{prev.text}\n{item.text}"
            prev.last = item.last or item.line
            continue
        if prev is not None and _cut_sentence(prev, item):
            prev.content = [*_runs(prev), Text(value=" "), *_runs(item)]
            prev.text = f"{prev.text} {item.text}"
            prev.last = item.last or item.line
            continue
        out.append(item)
    ctx.items = out
