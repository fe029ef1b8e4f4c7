"""IR JSON reader: the document is already normalized (control characters are stripped)."""

from __future__ import annotations

from pathlib import Path

import msgspec

from bookmaker.errors import InputError
from bookmaker.ir import Block, Document, Figure, IRError, ListBlock, ThematicBreak, from_json
from bookmaker.normalize.inlines import with_languages
from bookmaker.readers.sanitize import strip_tree


def read_json(data: bytes, path: Path, encoding: str | None = None) -> Document:
    """Parse an IR JSON document; malformed or invalid IR is an InputError."""
    if not data.strip():
        raise InputError(f"{path.name}: input is empty")
    try:
        text = data.decode(encoding or "utf-8-sig")
        tree = msgspec.json.decode(text)
    except UnicodeDecodeError as exc:
        enc = encoding or "UTF-8"
        raise InputError(f"{path.name}: IR JSON is not valid {enc} (byte {exc.start})") from None
    except msgspec.DecodeError as exc:
        raise InputError(f"{path.name}: malformed JSON: {str(exc).splitlines()[0]}") from None
    except LookupError:
        raise InputError(f"unknown text encoding: {encoding}") from None
    except RecursionError:
        raise InputError(f"{path.name}: JSON is nested too deeply to be IR") from None
    try:
        doc = _without_blank_blocks(from_json(msgspec.json.encode(strip_tree(tree))))
        version = tree.get("ir_version") if isinstance(tree, dict) else None
        return with_languages(doc) if str(version).startswith("1.") else doc  # 1.x had no language spans
    except RecursionError:
        raise InputError(f"{path.name}: JSON is nested too deeply to be IR") from None
    except IRError as exc:
        raise InputError(f"{path.name}: {str(exc).splitlines()[0]}") from None


def _without_blank_blocks(doc: Document) -> Document:
    """Drop blocks and list items with no visible text (they would render as empty or unnamed
    elements, e.g. a navigation link without text); a figure with an image and a section break stay."""
    blocks: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, ListBlock):
            items = [item for item in block.items if item.text.strip()]
            if items != block.items:
                block = msgspec.structs.replace(block, items=items)
            if items:
                blocks.append(block)
        elif (
            block.text.strip()
            or isinstance(block, ThematicBreak)
            or (isinstance(block, Figure) and block.src)
        ):
            blocks.append(block)
    return (
        doc
        if len(blocks) == len(doc.blocks) and blocks == doc.blocks
        else msgspec.structs.replace(doc, blocks=blocks)
    )
