"""Readers: input file → RawDocument (or an IR Document for IR JSON input).

Placeholder until the text/HTML/Markdown readers land: only IR JSON is read here.
"""

from __future__ import annotations

from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import Document, IRError, from_json
from bookmaker.raw import RawDocument


def read(path: Path, *, encoding: str | None = None, fmt: str | None = None) -> RawDocument | Document:
    """Read ``path``; IR JSON only for now."""
    if path.suffix.lower() != ".json":
        raise InputError(f"{path}: only IR JSON input is supported in this build")
    try:
        return from_json(path.read_bytes())
    except IRError as exc:
        raise InputError(f"{path}: {exc}") from None
