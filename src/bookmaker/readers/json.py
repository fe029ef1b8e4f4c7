"""IR JSON reader: the document is already normalized."""

from __future__ import annotations

from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import Document, IRError, from_json


def read_json(data: bytes, path: Path, encoding: str | None = None) -> Document:
    """Parse an IR JSON document; malformed or invalid IR is an InputError."""
    if not data.strip():
        raise InputError(f"{path.name}: input is empty")
    try:
        return from_json(data.decode(encoding or "utf-8-sig"))
    except (IRError, UnicodeDecodeError) as exc:
        raise InputError(f"{path.name}: {str(exc).splitlines()[0]}") from None
