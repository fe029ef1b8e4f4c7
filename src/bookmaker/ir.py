"""The intermediate representation (IR): one document model every stage imports.

Readers produce raw lines (and, for structured inputs, the blocks and inline runs the markup
says), normalization turns them into a :class:`Document`, layout and the writers only ever see a
:class:`Document`. Blocks hold inline runs (:data:`Inline`): text, strong, emphasis, code, links,
superscript and subscript, line breaks, footnote references, language spans and ruby; tables,
nested lists, quotations of blocks, code and footnote definitions are blocks of their own. Each fact
is stored once; ``text`` properties derive plain text.

The JSON form carries ``ir_version``; a 1.x document is migrated on load (:func:`from_json`), one of
another major version is rejected; the fields a minor version added are optional (2.0 reads as
2.2). ``schema/ir.schema.json`` is generated from these types (``bookmaker schema``) and a test
keeps it in step.

This module imports nothing else from bookmaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

import msgspec

IR_VERSION = "2.2"
"""2.1 added an author's ``affiliations`` and the document's ``identifiers`` and ``container``; 2.2 the
paragraph role ``verse`` and the list punctuation ``corner``."""

_Line = Annotated[int, msgspec.Meta(ge=1, description="1-based source line")]
_Lines = Annotated[list[_Line], msgspec.Meta(max_length=2, description="first and last source line")]


# --- inlines -------------------------------------------------------------------------------------


class _Inline(msgspec.Struct, kw_only=True, tag_field="type", omit_defaults=True):
    """Base of the inline runs."""

    @property
    def text(self) -> str:
        """The plain text of the run."""
        return plain(getattr(self, "content", ()))


class Text(_Inline, tag="text"):
    """Plain text."""

    value: str

    @property
    def text(self) -> str:
        return self.value


class Strong(_Inline, tag="strong"):
    """Strong importance (set in Gothic bold: Hangul has no italic)."""

    content: list[Inline]


class Emphasis(_Inline, tag="emphasis"):
    """Stress emphasis (emphasis dots in print, see the README)."""

    content: list[Inline]


class Code(_Inline, tag="code"):
    """Computer code or a literal value, set in a monospace face."""

    value: str

    @property
    def text(self) -> str:
        return self.value


class Link(_Inline, tag="link"):
    """A hyperlink."""

    href: str
    content: list[Inline]
    title: str | None = None


class Superscript(_Inline, tag="superscript"):
    """Raised text (m², 1st)."""

    content: list[Inline]


class Subscript(_Inline, tag="subscript"):
    """Lowered text (CO₂)."""

    content: list[Inline]


class LineBreak(_Inline, tag="break"):
    """A forced line break inside a block."""

    @property
    def text(self) -> str:
        return "\n"


class NoteRef(_Inline, tag="noteref"):
    """A reference to the :class:`Footnote` with this ``note`` id."""

    note: str

    @property
    def text(self) -> str:
        return ""


class Span(_Inline, tag="span"):
    """Text in another language than the document's (``en``, ``ja``, ``zh-Hant`` …)."""

    lang: str
    content: list[Inline]


class Ruby(_Inline, tag="ruby"):
    """A base with its reading or gloss set above it (漢字 with 한자)."""

    base: str
    annotation: str

    @property
    def text(self) -> str:
        return self.base


Inline = Text | Strong | Emphasis | Code | Link | Superscript | Subscript | LineBreak | NoteRef | Span | Ruby


def plain(inlines: Iterable[Inline]) -> str:
    """The plain text of a sequence of inline runs."""
    return "".join(run.text for run in inlines)


def text_runs(text: str) -> list[Inline]:
    """``text`` as inline runs (one :class:`Text`, none for an empty string)."""
    return [Text(value=text)] if text else []


# --- blocks --------------------------------------------------------------------------------------


class _Block(msgspec.Struct, kw_only=True, tag_field="type", omit_defaults=True):
    """Base of the body blocks: the source lines a block came from."""

    lines: _Lines = msgspec.field(default_factory=list)

    @property
    def text(self) -> str:
        """The block's plain text (its inline runs, or its blocks' text one per line)."""
        return plain(getattr(self, "content", ()))


ParagraphRole = Literal["editor-note", "correction", "signature", "verse"]
"""What a paragraph is besides running text: an editor's note (``[편집자 주]``, set apart from the
article), a correction notice (``바로잡습니다``, ``[정정]``: the newsroom's note on its own error, set
apart as an editor's note is, under its own label) or a line of a statement's closing signature (its
date, the issuing body), set flush right; or a stanza of a poem or a song (its lines kept, with line breaks),
set unindented and apart from the next stanza."""


class Paragraph(_Block, tag="paragraph"):
    """A body paragraph; ``role`` marks an editor's note, a correction, a signature line or a stanza
    (None: running text)."""

    content: list[Inline]
    role: ParagraphRole | None = None


class Heading(_Block, tag="heading"):
    """A section heading; level 2 is a top-level section inside the article."""

    content: list[Inline]
    level: Annotated[int, msgspec.Meta(ge=1, le=6)] = 2


class Figure(_Block, tag="figure"):
    """A photo or graphic (``src`` may be absent: a caption whose image was not kept)."""

    src: str | None = None
    alt: str | None = None
    caption: list[Inline] = msgspec.field(default_factory=list)
    credit: str | None = None
    """The agency or photographer (연합뉴스, 홍길동 기자)."""

    @property
    def text(self) -> str:
        return plain(self.caption)


class Quote(_Block, tag="quote"):
    """A block quotation: blocks, and who said or wrote it."""

    blocks: list[Block]
    attribution: list[Inline] = msgspec.field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


class ListItem(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One list item: blocks (a paragraph, and maybe a nested list)."""

    blocks: list[Block]

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


ListStyle = Literal[
    "decimal",
    "hangul-syllable",
    "hangul-jamo",
    "circled-decimal",
    "lower-alpha",
    "upper-alpha",
    "lower-roman",
    "upper-roman",
    "upper-roman-figure",
]
"""How a numbered list counts: 1 2 3, 가 나 다, ㄱ ㄴ ㄷ, ① ② ③, a b c, A B C, i ii iii, I II III, or
Ⅰ Ⅱ Ⅲ in the Roman numeral signs (U+2160 …, as Korean official documents number their parts): a style
of its own as ① ② are decimal's figures, so a document without it reads and writes as before."""

ListPunctuation = Literal["period", "paren", "parens", "corner", "none"]
"""The marks around a numbered list's number: ``1.``, ``1)``, ``(1)``, corner brackets (``「1」``, a
Korean dictionary's senses; 2.2), or none (``①``)."""


MAX_LIST_START = 999_999_999
"""The highest number a numbered list starts at (CommonMark's nine digits): every item's marker is
printed, and a start of 4,000 digits made each a word of 3,500 letters (ㄱㄴㄷ …) no limit saw."""


class ListBlock(_Block, tag="list"):
    """A bulleted or numbered list; items hold blocks, so lists nest. A numbered list counts in
    ``style`` (None: decimal) from ``start``, its number between ``punctuation`` (None: the style's
    own, ``1.``, ``가.``, ``①``); both are for numbered lists only."""

    items: list[ListItem]
    ordered: bool = False
    start: Annotated[int, msgspec.Meta(ge=0, le=MAX_LIST_START)] = 1
    style: ListStyle | None = None
    punctuation: ListPunctuation | None = None

    def __post_init__(self) -> None:
        if not self.ordered and (self.style is not None or self.punctuation is not None):
            raise ValueError("a list's style and punctuation are for numbered lists (ordered: true)")

    @property
    def text(self) -> str:
        return "\n".join(item.text for item in self.items)


class Cell(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A table cell: inline runs, a header flag, spans and alignment."""

    content: list[Inline] = msgspec.field(default_factory=list)
    header: bool = False
    colspan: Annotated[int, msgspec.Meta(ge=1)] = 1
    rowspan: Annotated[int, msgspec.Meta(ge=1)] = 1
    align: Literal["left", "center", "right"] | None = None

    @property
    def text(self) -> str:
        return plain(self.content)


class Row(msgspec.Struct, kw_only=True):
    """A table row."""

    cells: list[Cell]


class Table(_Block, tag="table"):
    """A table: caption, header rows, body rows."""

    caption: list[Inline] = msgspec.field(default_factory=list)
    head: list[Row] = msgspec.field(default_factory=list)
    body: list[Row] = msgspec.field(default_factory=list)

    @property
    def text(self) -> str:
        rows = [*self.head, *self.body]
        lines = [plain(self.caption)] if self.caption else []
        return "\n".join([*lines, *("\t".join(cell.text for cell in row.cells) for row in rows)])


class CodeBlock(_Block, tag="code"):
    """Preformatted text (code, a poem's fixed lines), kept as it is."""

    value: str
    language: str | None = None

    @property
    def text(self) -> str:
        return self.value


class ThematicBreak(_Block, tag="break"):
    """A break between sections of the text (* * *)."""


class Footnote(_Block, tag="footnote"):
    """A footnote's definition; :class:`NoteRef` runs with the same ``id`` point to it."""

    id: str
    blocks: list[Block]

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


Block = Paragraph | Heading | Figure | Quote | ListBlock | Table | CodeBlock | ThematicBreak | Footnote
AnyBlock = Block  # the name IR 1.x code used


def walk(blocks: Iterable[Block]) -> Iterable[Block]:
    """Every block, nested ones (in quotes, list items, footnotes) after their parent."""
    for block in blocks:
        yield block
        if isinstance(block, Quote | Footnote):
            yield from walk(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.blocks)


def inlines_of(block: Block) -> Iterable[list[Inline]]:
    """The block's own sequences of inline runs (not its nested blocks')."""
    if isinstance(block, Paragraph | Heading):
        yield block.content
    elif isinstance(block, Figure):
        yield block.caption
    elif isinstance(block, Quote):
        yield block.attribution
    elif isinstance(block, Table):
        yield block.caption
        for row in [*block.head, *block.body]:
            for cell in row.cells:
                yield cell.content


def runs(inlines: Iterable[Inline]) -> Iterable[Inline]:
    """Every inline run, nested ones after their parent."""
    for run in inlines:
        yield run
        content = getattr(run, "content", None)
        if content:
            yield from runs(content)


def map_inlines(block: Block, change: Callable[[list[Inline]], list[Inline]]) -> Block:
    """``block`` with ``change`` applied to each of its inline sequences, nested blocks' too."""
    replace = msgspec.structs.replace
    if isinstance(block, Paragraph | Heading):
        return replace(block, content=change(block.content))
    if isinstance(block, Figure):
        return replace(block, caption=change(block.caption))
    if isinstance(block, Quote):
        blocks = [map_inlines(inner, change) for inner in block.blocks]
        return replace(block, blocks=blocks, attribution=change(block.attribution))
    if isinstance(block, Footnote):
        return replace(block, blocks=[map_inlines(inner, change) for inner in block.blocks])
    if isinstance(block, ListBlock):
        items = [
            ListItem(blocks=[map_inlines(inner, change) for inner in item.blocks]) for item in block.items
        ]
        return replace(block, items=items)
    if isinstance(block, Table):

        def rows(given: list[Row]) -> list[Row]:
            return [Row(cells=[replace(c, content=change(c.content)) for c in row.cells]) for row in given]

        return replace(block, caption=change(block.caption), head=rows(block.head), body=rows(block.body))
    return block  # code, a thematic break: nothing to edit


# --- document ------------------------------------------------------------------------------------


class Author(msgspec.Struct, kw_only=True, omit_defaults=False):
    """A person credited for the article; any field may be unknown."""

    name: str | None = None
    role: str | None = None
    email: str | None = None
    affiliations: list[str] = msgspec.field(default_factory=list)
    """Where the person works, as printed (``성신여자대학교 문헌정보학과 교수``), in the source's order."""


IdentifierScheme = Literal["doi", "isbn", "issn"]
IDENTIFIER_PATTERNS: dict[str, str] = {
    "doi": r"^10\.[0-9]{4,9}(?:\.[0-9]+)*/\S+$",
    "isbn": r"^(?:97[89][0-9]{10}|[0-9]{9}[0-9X])$",
    "issn": r"^[0-9]{4}-[0-9]{3}[0-9X]$",
}
"""The form each scheme's ``value`` takes: a DOI without ``https://doi.org/`` (``10.16981/kliss.
57.4.202612.123``), an ISBN's digits without hyphens (13, or 10 of an older book), an ISSN as printed
(``1225-598X``). ISBN and ISSN check digits are checked too."""


_IDENTIFIER_FORMS = {
    "doi": "a bare DOI (10.NNNN/suffix, no https://doi.org/)",
    "isbn": "13 or 10 digits without hyphens",
    "issn": "NNNN-NNNC",
}


def _isbn_ok(value: str) -> bool:
    digits = [10 if c == "X" else int(c) for c in value]
    if len(digits) == 13:
        return sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    return sum(d * (10 - i) for i, d in enumerate(digits)) % 11 == 0


def _issn_ok(value: str) -> bool:
    digits = [10 if c == "X" else int(c) for c in value.replace("-", "")]
    return sum(d * (8 - i) for i, d in enumerate(digits)) % 11 == 0


class Identifier(msgspec.Struct, kw_only=True):
    """A standard identifier: the document's own DOI or ISBN, or the ISSN of the serial it
    appeared in (as a citation gives it). ``value`` is in the form :data:`IDENTIFIER_PATTERNS` says."""

    scheme: IdentifierScheme
    value: str

    def __post_init__(self) -> None:
        if not re.match(IDENTIFIER_PATTERNS[self.scheme], self.value):
            raise ValueError(f"{self.scheme.upper()} {self.value!r} is not {_IDENTIFIER_FORMS[self.scheme]}")
        if (self.scheme == "isbn" and not _isbn_ok(self.value)) or (
            self.scheme == "issn" and not _issn_ok(self.value)
        ):
            raise ValueError(f"{self.scheme.upper()} {self.value} has a wrong check digit")

    @property
    def url(self) -> str | None:
        """Where the identifier resolves on the web (a DOI's ``https://doi.org/…``), or None."""
        return f"https://doi.org/{self.value}" if self.scheme == "doi" else None


class Container(msgspec.Struct, kw_only=True, omit_defaults=True):
    """The journal (proceedings, book) a paper appeared in, as its citation names it."""

    title: str
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    """The first and last page, ``123-148`` (or one page, or an article number)."""


class Source(msgspec.Struct, kw_only=True):
    """Where the document came from (provenance, not content)."""

    path: str | None = None
    format: str | None = None
    encoding: str | None = None
    sha256: str | None = None
    url: str | None = None
    retrieved: str | None = None
    """When the page was fetched from ``url`` (UTC, ``2025-11-23T12:13:20Z``); None for a file."""


class StyleChoice(msgspec.Struct, kw_only=True):
    """The design the author asked for (Markdown front matter ``theme:`` and ``settings:``)."""

    theme: str | None = None
    settings: dict[str, str] = msgspec.field(default_factory=dict)
    """``--set`` keys and values, e.g. ``{"columns": "2", "font-size": "9.5"}``."""


class Meta(msgspec.Struct, kw_only=True):
    """Document metadata."""

    title: str
    title_stand_in: bool | msgspec.UnsetType = msgspec.UNSET
    """True when ``title`` is a stand-in the builder gave an untitled article (``제목 없음``): it
    names the article in the contents and the PDF outline but is not printed as its headline."""
    subtitles: list[str] = msgspec.field(default_factory=list)
    series: list[str] = msgspec.field(default_factory=list)
    authors: list[Author] = msgspec.field(default_factory=list)
    publisher: str | None = None
    identifiers: list[Identifier] = msgspec.field(default_factory=list)
    """DOI, ISBN, ISSN (at most one of each scheme, the document's own first)."""
    container: Container | None = None
    """For a paper: the journal, volume, issue and pages it appeared in (``series`` prints them)."""
    date: str | None = None
    language: str = "ko"
    rights: str | None = None
    dateline: str | None = None
    source: Source | None = None
    lines: dict[str, list[int]] = msgspec.field(default_factory=dict)
    """Source lines each metadata field came from (``{"title": [1], "authors": [20, 21]}``)."""
    style: StyleChoice | None = None
    """Theme and settings named by the input; the command line's ``--theme``/``--set`` win."""


class Removal(msgspec.Struct, kw_only=True):
    """A piece of the source normalization dropped, and why."""

    text: str
    reason: str
    line: _Line
    rule: str | None = None
    duplicate_of: _Line | None = None


class Document(msgspec.Struct, kw_only=True):
    """A whole normalized article."""

    ir_version: str = IR_VERSION
    meta: Meta
    blocks: list[Block] = msgspec.field(default_factory=list)
    removed: list[Removal] = msgspec.field(default_factory=list)

    def footnotes(self) -> dict[str, Footnote]:
        """The footnote definitions by id."""
        return {block.id: block for block in walk(self.blocks) if isinstance(block, Footnote)}


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


# --- JSON ----------------------------------------------------------------------------------------


class IRError(ValueError):
    """The JSON is not a valid IR document; the message names the offending field."""


def to_json(doc: Document | Collection, *, indent: int = 2) -> str:
    """Serialize ``doc`` (or a collection) as pretty JSON (UTF-8 text, Korean unescaped)."""
    raw = msgspec.json.encode(doc)
    return msgspec.json.format(raw, indent=indent).decode("utf-8")


def _major(version: object) -> str:
    return str(version).split(".", 1)[0]


def _decode(data: str | bytes, kind: str) -> dict[str, Any]:
    try:
        decoded = msgspec.json.decode(data)
    except msgspec.DecodeError as exc:
        raise IRError(f"malformed JSON: {exc}") from None
    if not isinstance(decoded, dict):
        raise IRError(f"invalid IR JSON: a {kind} is a JSON object")
    raw: dict[str, Any] = decoded
    version = raw.get("ir_version") or _guess_version(raw)
    if _major(version) == "1":
        raw = _migrate_collection(raw) if kind == "collection" else migrate_1x(raw)
    elif _major(version) != _major(IR_VERSION):
        raise IRError(f"IR version {version} is not supported (this bookmaker reads {IR_VERSION} and 1.x)")
    return raw


def _guess_version(raw: dict[str, Any]) -> str:
    """The version of a document that does not say: 1.x blocks have ``text``, 2.0 blocks never do."""
    documents = raw.get("articles") if isinstance(raw.get("articles"), list) else [raw]
    for document in documents or []:
        blocks = document.get("blocks") if isinstance(document, dict) else None
        if isinstance(blocks, list) and any(isinstance(b, dict) and "text" in b for b in blocks):
            return "1.0"
    return IR_VERSION


def from_json(data: str | bytes) -> Document:
    """Parse and validate an IR JSON document (a 1.x document is migrated to 2.0)."""
    raw = _decode(data, "document")
    try:
        return msgspec.convert(raw, type=Document)
    except msgspec.ValidationError as exc:
        raise IRError(f"invalid IR JSON: {exc}") from None


def collection_from_json(data: str | bytes) -> Collection:
    """Parse and validate a collection's JSON (as written by :func:`to_json`)."""
    raw = _decode(data, "collection")
    try:
        return msgspec.convert(raw, type=Collection)
    except msgspec.ValidationError as exc:
        raise IRError(f"invalid collection JSON: {exc}") from None


def _runs(text: object) -> object:
    """1.x text as runs (a value that is not text is kept, for validation to name)."""
    if not isinstance(text, str):
        return text
    return [{"type": "text", "value": text}] if text else []


def _migrate_block(block: object) -> object:
    """One IR 1.x block as IR 2.0 (anything unexpected is left for validation to report)."""
    if not isinstance(block, dict):
        return block
    kind = block.get("type")
    new: dict[str, object] = {"type": kind}
    if "lines" in block:
        new["lines"] = block["lines"]
    text = block.get("text", "")
    if kind in ("paragraph", "heading"):
        new["content"] = _runs(text)
        if kind == "heading" and "level" in block:
            new["level"] = block["level"]
    elif kind == "figure":
        new["caption"] = _runs(block.get("caption") or text)
        for key in ("src", "alt", "credit"):
            if block.get(key) is not None:
                new[key] = block[key]
    elif kind == "quote":
        new["blocks"] = [{"type": "paragraph", "content": _runs(text)}]
        if block.get("cite"):
            new["attribution"] = _runs(block["cite"])
    elif kind == "list":
        items = block.get("items")
        if not isinstance(items, list):
            items = str(text).split("\n") if text else []
        new["items"] = [{"blocks": [{"type": "paragraph", "content": _runs(item)}]} for item in items]
        new["ordered"] = bool(block.get("ordered", False))
    else:
        return block
    return new


def migrate_1x(raw: dict[str, Any]) -> dict[str, Any]:
    """An IR 1.x document (as JSON data) in the 2.0 form: plain text becomes inline runs, a
    quotation a paragraph, list items paragraphs; ``attrs`` are dropped (nothing read them)."""
    blocks = raw.get("blocks", [])
    migrated = [_migrate_block(block) for block in blocks] if isinstance(blocks, list) else blocks
    return {**raw, "ir_version": IR_VERSION, "blocks": migrated}


def _migrate_collection(raw: dict[str, Any]) -> dict[str, Any]:
    articles = raw.get("articles", [])
    if isinstance(articles, list):
        articles = [migrate_1x(a) if isinstance(a, dict) else a for a in articles]
    return {**raw, "ir_version": IR_VERSION, "articles": articles}


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Document`."""
    schema = msgspec.json.schema(Document)
    identifier = schema["$defs"]["Identifier"]
    identifier["allOf"] = [
        {
            "if": {"properties": {"scheme": {"const": scheme}}},
            "then": {"properties": {"value": {"pattern": pattern}}},
        }
        for scheme, pattern in IDENTIFIER_PATTERNS.items()
    ]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"bookmaker IR {IR_VERSION}"
    return schema
