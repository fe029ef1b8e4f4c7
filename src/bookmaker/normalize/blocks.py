"""Items that carry a whole block (a table, a list, a quotation, code, a footnote).

A structured reader gives such blocks as they are; no pass classifies, moves or deletes them as
if they were lines (:func:`structured`). The passes that clean text (``clean``, ``punctuation``)
edit the text inside them with :func:`edit_text`: each sequence of inline runs is edited as plain
text and the runs follow the edit, so a bold word or a link in a table cell keeps its markup.
Code keeps its text as written.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from bookmaker.ir import (
    Block,
    Figure,
    Footnote,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Row,
    Table,
    plain,
)
from bookmaker.normalize.context import Item
from bookmaker.normalize.inlines import follow_edit


def structured(item: Item) -> bool:
    """The item is a block the reader gave whole: passes leave it where it is."""
    return item.block is not None


def map_runs(block: Block, change: Callable[[list[Inline]], list[Inline]]) -> Block:
    """``block`` with ``change`` applied to each of its inline sequences, nested blocks' too."""
    replace = msgspec.structs.replace
    if isinstance(block, Paragraph | Heading):
        return replace(block, content=change(block.content))
    if isinstance(block, Figure):
        return replace(block, caption=change(block.caption))
    if isinstance(block, Quote):
        blocks = [map_runs(inner, change) for inner in block.blocks]
        return replace(block, blocks=blocks, attribution=change(block.attribution))
    if isinstance(block, Footnote):
        return replace(block, blocks=[map_runs(inner, change) for inner in block.blocks])
    if isinstance(block, ListBlock):
        items = [ListItem(blocks=[map_runs(inner, change) for inner in item.blocks]) for item in block.items]
        return replace(block, items=items)
    if isinstance(block, Table):

        def rows(given: list[Row]) -> list[Row]:
            return [Row(cells=[replace(c, content=change(c.content)) for c in row.cells]) for row in given]

        return replace(block, caption=change(block.caption), head=rows(block.head), body=rows(block.body))
    return block  # code, a thematic break: nothing to edit


def edit_text(block: Block, edit: Callable[[str], str]) -> Block:
    """``block`` with ``edit`` applied to the plain text of each inline sequence in it."""

    def change(runs: list[Inline]) -> list[Inline]:
        return follow_edit(runs, edit(plain(runs))) if runs else runs

    return map_runs(block, change)


__all__ = ["edit_text", "map_runs", "structured"]
