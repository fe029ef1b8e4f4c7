"""Readers: turn an input file into a RawDocument (or, for IR JSON, a Document).

``READERS`` maps a format name to its reader; ``read`` picks one from ``fmt`` or the file name.
Heavy parsers (bs4, yaml) are imported lazily inside the reader that needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import Document
from bookmaker.raw import RawDocument

Reader = Callable[[bytes, Path, "str | None"], "RawDocument | Document"]


def _text(data: bytes, path: Path, encoding: str | None) -> RawDocument:
    from bookmaker.readers.text import read_text

    return read_text(data, path, encoding)


def _html(data: bytes, path: Path, encoding: str | None) -> RawDocument:
    from bookmaker.readers.html import read_html

    return read_html(data, path, encoding)


def _markdown(data: bytes, path: Path, encoding: str | None) -> RawDocument:
    from bookmaker.readers.markdown import read_markdown

    return read_markdown(data, path, encoding)


def _json(data: bytes, path: Path, encoding: str | None) -> Document:
    from bookmaker.readers.json import read_json

    return read_json(data, path, encoding)


READERS: dict[str, Reader] = {"text": _text, "html": _html, "markdown": _markdown, "json": _json}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsp": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}


def detect_format(path: Path, data: bytes) -> str:
    """The format for ``path``: by extension, else by sniffing the first bytes."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt:
        return fmt
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "json"
    if head.startswith(b"---"):
        return "markdown"
    return "text"


def read(path: Path, *, encoding: str | None = None, fmt: str | None = None) -> RawDocument | Document:
    """Read ``path``; ``fmt`` forces a reader, ``encoding`` overrides detection."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    name = fmt or detect_format(path, data)
    reader = READERS.get(name)
    if reader is None:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(READERS)})")
    return reader(data, path, encoding)


__all__ = ["READERS", "detect_format", "read"]
