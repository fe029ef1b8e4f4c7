"""Reader for a news feed saved as a file (RSS 2.0, RSS 1.0/RDF, Atom): the article is the feed's
first item.

The item's title, deck (a ``description``/``summary`` beside the full text, unless it is only the
text's opening), author (``dc:creator``, ``author``) and date (``pubDate`` in RFC 822,
``dc:date``/``published``/``updated`` in ISO 8601, given on as ISO 8601) become lines the markup
names (``title``, ``subtitle``, ``byline``, ``date``) at their own line numbers; the full text
(``content:encoded``, Atom's ``content``, else the ``description``) is HTML read by the HTML
reader, its lines numbered as the file's. The channel's copyright is the rights, its language the
language, its title (before a separator: ``가람일보 - 전체기사``) the site's name, the item's link the
address; a feed of several items says in a warning that the book is the first. Every other line of
the file — the XML declaration, the channel and its fields, the item's link, id and categories, any
other item — is recorded as removed with its reason (``feed.*``). A file that is no well-formed feed
is read as text."""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from bookmaker.ir import Removal
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.html_meta import TITLE_SEP
from bookmaker.readers.text import read_bytes

HtmlReader = Callable[[bytes, Path, "str | None"], RawDocument]

_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S | re.I)
_ITEMS = frozenset({"item", "entry"})
_DATES = ("pubDate", "published", "date", "issued", "updated", "modified")
_TEXTS = ("encoded", "content")


def is_feed(data: bytes) -> bool:
    """Whether ``data`` opens as an RSS or Atom feed (an XML declaration, then its root)."""
    return bool(_HEAD.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


@dataclass
class _Element:
    name: str
    line: int
    depth: int
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)
    text_line: int | None = None
    end: int = 0
    item: int | None = None  # which item it belongs to, in document order
    children: list[_Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()


def _parse(text: str) -> list[_Element] | None:
    """The feed's elements in document order, each with its lines; None when malformed."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    stack: list[_Element] = []
    out: list[_Element] = []
    items = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal items
        local = name.rsplit(" ", 1)[-1]
        el = _Element(local, parser.CurrentLineNumber, len(stack), dict(attrs))
        inside = next((s.item for s in reversed(stack) if s.item is not None), None)
        if local in _ITEMS and inside is None:
            el.item, items = items, items + 1
        else:
            el.item = inside
        if stack:
            stack[-1].children.append(el)
        stack.append(el)
        out.append(el)

    def data(chunk: str) -> None:
        if not stack:
            return
        top = stack[-1]
        if top.text_line is None and chunk.strip():
            lead = chunk[: len(chunk) - len(chunk.lstrip())]
            top.text_line = parser.CurrentLineNumber + lead.count("\n")
        top.parts.append(chunk)

    def end(name: str) -> None:
        stack.pop().end = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError:
        return None
    return out if out and out[0].name in ("rss", "feed", "RDF") else None


def _iso(value: str) -> str | None:
    """An RFC 822 date (``Mon, 07 Dec 2026 10:41:07 +0900``) or ISO 8601 as ISO 8601."""
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _child(item: _Element, *names: str) -> _Element | None:
    for name in names:
        found = next((c for c in item.children if c.name == name and c.text), None)
        if found is not None:
            return found
    return None


def _plain(html: str) -> str:
    return "".join(re.sub(r"<[^>]*>", " ", html).split())


def read_feed(data: bytes, path: Path, encoding: str | None, html: HtmlReader) -> RawDocument | None:
    """Read a saved feed's first item as the article (see the module); None when it is no feed."""
    text, src = read_bytes(data, path, encoding, "html")
    elements = _parse(text.lstrip("\ufeff"))
    item = next((el for el in elements or [] if el.item == 0 and el.name in _ITEMS), None)
    if item is None:
        return None
    body_el = _child(item, *_TEXTS)
    summary = _child(item, "description", "summary")
    if body_el is None:
        body_el, summary = summary, None
    if body_el is None or body_el.text_line is None:
        return None
    padded = "\n" * (body_el.text_line - 1) + body_el.text
    body = html(padded.encode("utf-8"), path, "utf-8")
    lines: list[SourceLine] = []
    used: set[int] = set()

    def named(el: _Element | None, kind: str, value: str | None = None) -> None:
        if el is not None and el.text_line is not None and (value or el.text):
            lines.append(SourceLine(text=value or el.text, line=el.text_line, kind=kind))
            used.add(el.text_line)

    title = _child(item, "title")
    named(title, "title")
    if summary is not None and not _plain(body_el.text).startswith(_plain(summary.text).rstrip("….")):
        named(summary, "subtitle", re.sub(r"<[^>]*>", "", summary.text).strip())  # no opening excerpt
    author = _child(item, "creator", "author")
    if author is None:  # Atom's <author><name>…</name></author>
        person = next((c for c in item.children if c.name == "author"), None)
        author = _child(person, "name") if person is not None else None
    named(author, "byline")
    date = _child(item, *_DATES)
    iso = _iso(date.text) if date is not None else None
    if iso is not None:  # the time as the feed's zone shows it; the hint keeps the zone
        named(date, "date", iso[:19].replace("T", " "))
    hints = dict(body.hints)
    if iso is not None:
        hints["date"] = iso
    hints.pop("title", None)
    if title is not None:
        hints["title"] = title.text
    channel = [el for el in elements or [] if el.item is None and el.depth <= 2]
    rights = next((el.text for el in channel if el.name in ("copyright", "rights") and el.text), None)
    if rights:
        hints["rights"] = rights
    named_channel = next((el.text for el in channel if el.name == "title" and el.text), None)
    if named_channel and "site_name" not in hints:  # "가람일보 - 전체기사": the site the feed is of
        hints["site_name"] = TITLE_SEP.split(named_channel, maxsplit=1)[0].strip()
    language = next((el.text for el in channel if el.name == "language" and el.text), None)
    if language and "language" not in hints:
        hints["language"] = language
    link = _child(item, "link")
    address = link.text if link is not None and link.text else (link.attrs.get("href") if link else None)
    if address:
        hints["url"] = address
    for sl in body.lines:
        used.update(range(sl.line, int(sl.attrs.get("last_line", sl.line)) + 1))
    used.update(r.line for r in body.removed if isinstance(r.line, int))
    removed = list(body.removed)
    sources = text.split("\n")
    owner: list[int | None] = [None] * (len(sources) + 2)  # which item each line is in
    for el in elements or []:
        if el.name in _ITEMS and el.item is not None:
            owner[el.line : el.end + 1] = [el.item] * (el.end + 1 - el.line)
    for number, source in enumerate(sources, start=1):
        if number not in used and source.strip():
            removed.append(_removal(source.strip(), number, owner[number]))
    lines += body.lines
    warnings = list(body.warnings)
    count = len({el.item for el in elements or [] if el.name in _ITEMS and el.item is not None})
    if count > 1:
        warnings.append(
            f"the feed holds {count} items; the book is its first"
            + (f" ({title.text})" if title is not None else "")
            + "; the others are recorded as removed (feed.other-item)"
        )
    return RawDocument(
        lines=sorted(lines, key=lambda sl: sl.line),
        source=src,
        hints=hints,
        removed=removed,
        warnings=warnings,
    )


def _removal(text: str, line: int, item: int | None) -> Removal:
    if item == 0:
        reason = "a feed item's field the article does not show (its link, id, categories) or its tags"
        return Removal(text=text, reason=reason, line=line, rule="feed.item")
    if item is not None:
        return Removal(text=text, reason="another item of the feed", line=line, rule="feed.other-item")
    reason = "the feed's own lines: its declaration, its channel and the channel's fields"
    return Removal(text=text, reason=reason, line=line, rule="feed.channel")
