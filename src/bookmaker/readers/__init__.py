"""Readers: turn an input file into a RawDocument (or, for IR JSON, a Document).

``READERS`` maps a format name to its reader; ``read`` picks one from ``fmt`` or the file name.
Heavy parsers (bs4, yaml) are imported lazily inside the reader that needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bookmaker.errors import InputError
from bookmaker.files import read_regular
from bookmaker.ir import Document
from bookmaker.language_tag import bad_language, is_language_tag
from bookmaker.limits import DEFAULT, Limits
from bookmaker.raw import RawDocument
from bookmaker.readers.sanitize import strip_controls, strip_tree

if TYPE_CHECKING:
    from bookmaker.readers.html_flow import ImageFetch

Reader = Callable[[bytes, Path, "str | None", Limits], "RawDocument | Document"]


def _text(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.text import read_text

    return read_text(data, path, encoding)


def _html(
    data: bytes,
    path: Path,
    encoding: str | None,
    limits: Limits,
    *,
    fetched_from: str | None = None,
    fetch_image: ImageFetch | None = None,
) -> RawDocument:
    from bookmaker.readers.depth import recursion_room
    from bookmaker.readers.html import read_html

    with recursion_room(limits.max_depth):  # the tree walks recurse per level (depth.py)
        return read_html(
            data, path, encoding, limits=limits, fetched_from=fetched_from, fetch_image=fetch_image
        )


def _markdown(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.markdown import read_markdown

    return read_markdown(data, path, encoding, limits)


def _mime(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.mime import read_mime

    def html(body: bytes, at: Path, enc: str | None, images: ImageFetch) -> RawDocument:
        return _html(body, at, enc, limits, fetch_image=images)

    def text(body: bytes, at: Path, enc: str | None) -> RawDocument:
        return _text(body, at, enc, limits)

    return read_mime(data, path, encoding, limits, html, text)


def _feed(data: bytes, path: Path, encoding: str | None, limits: Limits) -> RawDocument:
    from bookmaker.readers.feed import read_feed

    def html(body: bytes, at: Path, enc: str | None) -> RawDocument:
        return _html(body, at, enc, limits)

    return read_feed(data, path, encoding, html) or _text(data, path, encoding, limits)


def _json(data: bytes, path: Path, encoding: str | None, limits: Limits) -> Document:
    from bookmaker.readers.json import read_json

    return read_json(data, path, encoding)


READERS: dict[str, Reader] = {
    "text": _text,
    "html": _html,
    "markdown": _markdown,
    "json": _json,
    "mime": _mime,
    "feed": _feed,
}

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
    ".mhtml": "mime",
    ".mht": "mime",
    ".eml": "mime",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
SNIFFED = frozenset({"", ".txt", ".text", ".html", ".htm", ".mhtml", ".mht", ".eml"})
"""Names whose content may say otherwise: a saved page in MIME form (MHTML, e-mail) under any of
them is read as one, and a ``.mhtml`` that is no MIME file is sniffed as any other."""


def detect_format(path: Path, data: bytes) -> str:
    """The format for ``path``: a saved page in MIME form by its content, else by extension, else
    by sniffing the first bytes."""
    from bookmaker.readers.feed import is_feed
    from bookmaker.readers.mime import is_mime

    suffix = path.suffix.lower()
    if suffix in SNIFFED and is_mime(data, suffix):
        return "mime"
    if suffix in SNIFFED and is_feed(data):
        return "feed"  # an RSS or Atom feed saved under a text or page name
    fmt = EXTENSIONS.get(suffix)
    if fmt and fmt != "mime":
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
    return read_data(read_input_bytes(path, limits), path, encoding=encoding, fmt=fmt, limits=limits)


def read_data(
    data: bytes,
    path: Path,
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    limits: Limits = DEFAULT,
    fetched_from: str | None = None,
    fetch_image: ImageFetch | None = None,
) -> RawDocument | Document:
    """Read the input ``data`` named ``path`` as :func:`read` does; a page fetched from the web
    gives its address and an image fetcher to the HTML reader
    (:func:`bookmaker.readers.html.read_html`)."""
    name = fmt or detect_format(path, data)
    reader = READERS.get(name)
    if reader is None:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(READERS)})")
    try:
        if name == "html":
            result: RawDocument | Document = _html(
                data, path, encoding, limits, fetched_from=fetched_from, fetch_image=fetch_image
            )
        else:
            result = reader(data, path, encoding, limits)
    except InputError as exc:  # "input looks binary" from the decoder: say which file
        if path.name in str(exc):
            raise
        raise InputError(f"{path.name}: {exc}") from None
    if isinstance(result, Document):
        if not is_language_tag(result.meta.language):
            raise InputError(bad_language(result.meta.language, f"{path.name}: meta.language"))
        limits.check_lines([block.text for block in result.blocks], path.name)
        limits.check_blocks(result.blocks, path.name)
        limits.check_titles(result, path.name)
        return result
    _sanitize(result, path)
    _check_language(result, path, "html" if name == "mime" else name)
    # A table's own limit first: a reader gives a table read from many lines as one line.
    limits.check_blocks([line.block for line in result.lines if line.block is not None], path.name)
    if name != "markdown":  # the Markdown reader checks its source lines before parsing them
        lines = result.lines
        limits.check_lines([line.text for line in lines], path.name, [line.line for line in lines])
    return result


def read_input_bytes(path: Path, limits: Limits) -> bytes:
    """The input file's bytes: a regular file within ``max_input_mb`` (checked before reading)."""
    return read_regular(path, limits.max_input_bytes, on_size=lambda size: limits.size_error(size, path.name))


def _check_language(raw: RawDocument, path: Path, fmt: str) -> None:
    """A front matter ``language`` must be a language tag; a page's ``lang`` attribute is
    mended to its primary subtag (``ko_KR`` → ``ko``) or, when it has none, not used."""
    value = raw.hints.get("language")
    if not isinstance(value, str) or is_language_tag(value):
        return
    if fmt != "html":
        raise InputError(bad_language(value, f"{path.name}: front matter language"))
    primary = value.replace("_", "-").split("-")[0]
    if is_language_tag(primary):
        raw.hints["language"] = primary
    else:
        del raw.hints["language"]


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


__all__ = ["READERS", "detect_format", "read", "read_data"]
