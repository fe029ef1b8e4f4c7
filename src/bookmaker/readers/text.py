"""Plain-text reader: decoded lines, numbered as in the file, no cleanup."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import Source
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.encoding import decode
from bookmaker.readers.sanitize import strip_controls


def split_lines(text: str) -> list[SourceLine]:
    """Split text into numbered lines (``\\r\\n``, ``\\r`` and ``\\n`` all end a line)."""
    return [SourceLine(t, i) for i, t in enumerate(text.splitlines(), start=1)]


def check_not_empty(text: str, path: Path) -> None:
    """Raise InputError when the decoded input has no visible text."""
    if not text.strip():
        raise InputError(f"{path.name}: input is empty")


def read_bytes(data: bytes, path: Path, encoding: str | None, fmt: str) -> tuple[str, Source]:
    """Decode ``data`` and describe its provenance."""
    if not data.strip():
        raise InputError(f"{path.name}: input is empty")
    text, enc = decode(data, encoding)
    text = strip_controls(text)
    check_not_empty(text, path)
    src = Source(path=str(path), format=fmt, encoding=enc, sha256=sha256(data).hexdigest())
    return text, src


def read_text(data: bytes, path: Path, encoding: str | None = None) -> RawDocument:
    """Read a plain-text article scrape."""
    text, src = read_bytes(data, path, encoding, "text")
    return RawDocument(lines=split_lines(text), source=src)
