"""The intermediate representation (IR): one document model every stage imports.

Readers produce raw lines, normalization turns them into a :class:`Document`, layout and the
writers only ever see a :class:`Document`. The JSON form carries ``ir_version``; a document whose
major version differs is rejected on load. ``schema/ir.schema.json`` is generated from these types
(``bookmaker schema``) and a test keeps it in step.

This module imports nothing else from bookmaker.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

IR_VERSION = "1.0"

_Line = Annotated[int, msgspec.Meta(ge=1, description="1-based source line")]


class Author(msgspec.Struct, kw_only=True, omit_defaults=False):
    """A person credited for the article; any field may be unknown."""

    name: str | None = None
    role: str | None = None
    email: str | None = None


class Source(msgspec.Struct, kw_only=True):
    """Where the document came from (provenance, not content)."""

    path: str | None = None
    format: str | None = None
    encoding: str | None = None
    sha256: str | None = None
    url: str | None = None


class StyleChoice(msgspec.Struct, kw_only=True):
    """The design the author asked for (Markdown front matter ``theme:`` and ``settings:``)."""

    theme: str | None = None
    settings: dict[str, str] = msgspec.field(default_factory=dict)
    """``--set`` keys and values, e.g. ``{"columns": "2", "font-size": "9.5"}``."""


class Meta(msgspec.Struct, kw_only=True):
    """Document metadata."""

    title: str
    subtitles: list[str] = msgspec.field(default_factory=list)
    series: list[str] = msgspec.field(default_factory=list)
    authors: list[Author] = msgspec.field(default_factory=list)
    publisher: str | None = None
    date: str | None = None
    language: str = "ko"
    rights: str | None = None
    dateline: str | None = None
    source: Source | None = None
    lines: dict[str, list[int]] = msgspec.field(default_factory=dict)
    """Source lines each metadata field came from (``{"title": [1], "authors": [20, 21]}``)."""
    style: StyleChoice | None = None
    """Theme and settings named by the input; the command line's ``--theme``/``--set`` win."""


class Block(msgspec.Struct, kw_only=True, tag_field="type"):
    """Base of all body blocks: plain ``text`` plus the source lines it came from."""

    text: str
    lines: Annotated[list[_Line], msgspec.Meta(max_length=2)] = msgspec.field(default_factory=list)
    attrs: dict[str, str] = msgspec.field(default_factory=dict)


class Paragraph(Block, tag="paragraph"):
    """A body paragraph."""


class Heading(Block, tag="heading"):
    """A section heading; level 2 is a top-level section inside the article."""

    level: Annotated[int, msgspec.Meta(ge=1, le=6)] = 2


class Figure(Block, tag="figure"):
    """A photo or graphic: ``text`` is the caption, ``credit`` the agency or photographer."""

    caption: str = ""
    credit: str | None = None
    src: str | None = None
    alt: str | None = None


class Quote(Block, tag="quote"):
    """A block quotation."""

    cite: str | None = None


class ListBlock(Block, tag="list"):
    """A list; ``text`` is the items joined by newlines."""

    items: list[str] = msgspec.field(default_factory=list)
    ordered: bool = False


AnyBlock = Paragraph | Heading | Figure | Quote | ListBlock


class Removal(msgspec.Struct, kw_only=True):
    """A source line normalization dropped, and why."""

    text: str
    reason: str
    line: _Line
    rule: str | None = None
    duplicate_of: _Line | None = None


class Document(msgspec.Struct, kw_only=True):
    """A whole normalized article."""

    ir_version: str = IR_VERSION
    meta: Meta
    blocks: list[AnyBlock] = msgspec.field(default_factory=list)
    removed: list[Removal] = msgspec.field(default_factory=list)


class CollectionMeta(msgspec.Struct, kw_only=True):
    """A collection's own metadata (a weekly digest, an anthology)."""

    title: str
    editor: str | None = None
    date: str | None = None
    language: str = "ko"
    cover: str | None = None
    """Path of the cover image (relative to the book file), or ``None`` for a generated cover."""


class Duplicate(msgspec.Struct, kw_only=True):
    """An input left out of a collection because it repeats an article already in it."""

    path: str
    title: str
    duplicate_of: str
    """Path of the article that was kept."""
    reason: str


class Collection(msgspec.Struct, kw_only=True):
    """Several articles bound as one book: each article keeps its own :class:`Document`."""

    ir_version: str = IR_VERSION
    meta: CollectionMeta
    articles: list[Document] = msgspec.field(default_factory=list)
    duplicates: list[Duplicate] = msgspec.field(default_factory=list)


class IRError(ValueError):
    """The JSON is not a valid IR document; the message names the offending field."""


def to_json(doc: Document | Collection, *, indent: int = 2) -> str:
    """Serialize ``doc`` (or a collection) as pretty JSON (UTF-8 text, Korean unescaped)."""
    raw = msgspec.json.encode(doc)
    return msgspec.json.format(raw, indent=indent).decode("utf-8")


def from_json(data: str | bytes) -> Document:
    """Parse and validate an IR JSON document."""
    try:
        doc = msgspec.json.decode(data, type=Document)
    except msgspec.ValidationError as exc:
        raise IRError(f"invalid IR JSON: {exc}") from None
    except msgspec.DecodeError as exc:
        raise IRError(f"malformed JSON: {exc}") from None
    major = doc.ir_version.split(".", 1)[0]
    if major != IR_VERSION.split(".", 1)[0]:
        raise IRError(f"IR version {doc.ir_version} is not supported (this bookmaker reads {IR_VERSION})")
    return doc


def collection_from_json(data: str | bytes) -> Collection:
    """Parse and validate a collection's JSON (as written by :func:`to_json`)."""
    try:
        collection = msgspec.json.decode(data, type=Collection)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise IRError(f"invalid collection JSON: {exc}") from None
    version = collection.ir_version
    if version.split(".", 1)[0] != IR_VERSION.split(".", 1)[0]:
        raise IRError(f"IR version {version} is not supported (this bookmaker reads {IR_VERSION})")
    return collection


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Document`."""
    schema = msgspec.json.schema(Document)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"bookmaker IR {IR_VERSION}"
    return schema
