"""Readers: turn an input file into a RawDocument (or, for IR JSON, a Document).

``READERS`` maps a format name to its reader; ``read`` picks one from ``fmt`` or the file name.
Heavy parsers (bs4, yaml) are imported lazily inside the reader that needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import Document
from bookmaker.limits import DEFAULT, Limits
from bookmaker.raw import RawDocument
from bookmaker.readers.sanitize import strip_controls, strip_tree

Reader = Callable[[bytes, Path, "str | None", Limits], "RawDocument | Document"]


def _text(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.text import read_text

    return read_text(data, path, encoding)


def _html(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.html import read_html

    return read_html(data, path, encoding, limits)


def _markdown(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.markdown import read_markdown

    return read_markdown(data, path, encoding, limits)


def _json(data: bytes, path: Path, encoding: str | None, limits: Limits) -> Document:
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


def read(
    path: Path, *, encoding: str | None = None, fmt: str | None = None, limits: Limits | None = None
) -> RawDocument | Document:
    """Read ``path``; ``fmt`` forces a reader, ``encoding`` overrides detection.

    ``limits`` (default: :data:`bookmaker.limits.DEFAULT`) bounds the input's size, lines,
    nesting and tables; control characters are stripped from everything read.
    """
    limits = limits or DEFAULT
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        limits.check_size(path.stat().st_size, path.name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    limits.check_size(len(data), path.name)  # a file that grew, or a pipe
    name = fmt or detect_format(path, data)
    reader = READERS.get(name)
    if reader is None:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(READERS)})")
    if name == "html":
        from bookmaker.readers.depth import nesting_depth

        limits.check_depth(nesting_depth(data), path.name)
    result = reader(data, path, encoding, limits)
    if isinstance(result, Document):
        limits.check_lines([block.text for block in result.blocks], path.name)
        limits.check_blocks(result.blocks, path.name)
        return result
    _sanitize(result, path)
    if name != "markdown":  # the Markdown reader checks its source lines before parsing them
        limits.check_lines([line.text for line in result.lines], path.name)
    limits.check_blocks([line.block for line in result.lines if line.block is not None], path.name)
    return result


def _sanitize(raw: RawDocument, path: Path) -> None:
    """Strip control characters from the lines and hints (HTML character references can carry them)."""
    for line in raw.lines:
        line.text = strip_controls(line.text)
        line.attrs = strip_tree(line.attrs)
    for removal in raw.removed:
        removal.text = strip_controls(removal.text)
    raw.hints = strip_tree(raw.hints)
    if not any(line.text.strip() for line in raw.lines):
        raise InputError(f"{path.name}: input has no text")


__all__ = ["READERS", "detect_format", "read"]
