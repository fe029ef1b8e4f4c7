"""Items that carry a whole block (a table, a list, a quotation, code, a footnote).

A structured reader gives such blocks as they are; no pass classifies, moves or deletes them as
if they were lines (:func:`structured`). The passes that clean text (``clean``, ``punctuation``)
edit the text inside them with :func:`edit_text`: each sequence of inline runs is edited as plain
text and the runs follow the edit, so a bold word or a link in a table cell keeps its markup.
Code keeps its text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bookmaker.ir import (
    Block,
    Figure,
    Inline,
    NoteRef,
    map_inlines,
    plain,
    runs,
)
from bookmaker.normalize.context import Item
from bookmaker.normalize.inlines import follow_edit


def structured(item: Item) -> bool:
    """The item is a block the reader gave whole: passes leave it where it is."""
    return item.block is not None


def verse_line(item: Item) -> bool:
    """A line of a poem's or a song's stanza (the readers group them as ``verse-…``,
    :mod:`~bookmaker.readers.verse`)."""
    return item.attrs.get("br_group", "").startswith("verse-")


def keep_as_printed(item: Item) -> None:
    """A line of an excerpt a story quotes (a subtitle cue's number and times, a script's scene
    heading): its own paragraph, text of its kind — no heading, chrome or date line (passes
    headings, boilerplate, dates)."""
    item.role = "paragraph"
    item.attrs["own_text"] = "1"


def unclaimed(item: Item) -> bool:
    """No pass has given the line a role or a kind, and no reader a whole block: a plain line."""
    return item.role is None and item.kind is None and not structured(item)


def refers_to_note(item: Item) -> bool:
    """The line holds a footnote reference (the reader's :class:`~bookmaker.ir.NoteRef`): it is text."""
    return item.content is not None and any(isinstance(run, NoteRef) for run in runs(item.content))


LOGO = re.compile(r"(?:^|[^a-z])(?:logo|kogl)(?:$|[^a-z])|로고|공공누리", re.IGNORECASE)
"""A logo's alt or file name; a public body's open-licence mark (공공누리, KOGL) is one too."""


def is_logo(item: Item) -> bool:
    """A figure without a caption whose alt text or file name says logo (a README's project logo)."""
    block = item.block
    if not isinstance(block, Figure) or block.caption:
        return False
    name = (block.src or "").rsplit("/", 1)[-1]
    return bool(LOGO.search(block.alt or "") or LOGO.search(name))


def edit_text(block: Block, edit: Callable[[str], str]) -> Block:
    """``block`` with ``edit`` applied to the plain text of each inline sequence in it."""

    def change(runs: list[Inline]) -> list[Inline]:
        return follow_edit(runs, edit(plain(runs))) if runs else runs

    return map_inlines(block, change)


__all__ = ["LOGO", "edit_text", "is_logo", "structured"]
