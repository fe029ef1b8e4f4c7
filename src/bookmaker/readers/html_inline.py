"""Inline markup of an HTML page as IR runs.

The reader collects *leaves* — a piece of text, code, a line break, a ruby or a footnote reference,
each with the stack of *marks* (strong, emphasis, link, superscript, subscript, language span) open
around it — and :func:`build_runs` nests them into runs, white space collapsed as a browser does.
Marks are kept per leaf, so a block element inside an inline one (``<a><div>…</div></a>``, common
on real pages) just ends a line while the marks carry on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from bookmaker.ir import (
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    NoteRef,
    Ruby,
    Span,
    Strong,
    Subscript,
    Superscript,
    Text,
)
from bookmaker.readers.sanitize import strip_controls

MARK_TAGS = {
    "b": "strong",
    "strong": "strong",
    "i": "emphasis",
    "em": "emphasis",
    "sup": "superscript",
    "sub": "subscript",
}
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt", "var"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline element open around a leaf; ``key`` tells two elements of the same kind apart."""

    key: int
    kind: str
    href: str = ""
    title: str | None = None
    lang: str = ""


@dataclass(slots=True)
class Leaf:
    """A run without content (text, code, line break, ruby, note reference) and its marks."""

    marks: tuple[Mark, ...]
    run: Inline
    line: int


def language(value: object, document: str) -> str | None:
    """A ``lang`` attribute worth a span: well-formed and not the document's own language."""
    if not isinstance(value, str) or not _LANG.match(value.strip()):
        return None
    lang = value.strip()
    return None if lang.split("-")[0].lower() == document.split("-")[0].lower() else lang


def safe_href(value: object, page_url: str | None) -> str | None:
    """``value`` as a link target the books may carry: an http(s) or mailto URL, a relative one
    resolved against the page's address when it is known; anything else (``javascript:``,
    ``data:``, a bare fragment, a relative link with no known page) is no link."""
    if not isinstance(value, str):
        return None
    href = strip_controls(value).strip()
    if not href or href.startswith("#"):
        return None
    scheme = urlsplit(href).scheme.lower()
    if not scheme:
        if page_url is None:
            return None
        href = urljoin(page_url, href)
        scheme = urlsplit(href).scheme.lower()
    if scheme not in LINK_SCHEMES or any(ch in href for ch in "\n\r\t<>\"'` "):
        return None
    return href


def local_path(src: str) -> str | None:
    """A relative ``src`` as a clean POSIX path inside the page's folder, or None."""
    if urlsplit(src).scheme or src.startswith(("/", "\\")) or "?" in src:
        return None
    parts = [p for p in PurePosixPath(src.split("#")[0]).parts if p != "."]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def _collapse(leaves: list[Leaf]) -> list[Leaf]:
    """White space collapsed across leaves; none at the start, the end or beside a line break."""
    out: list[Leaf] = []
    space_before = True  # at the start of a line, a space is dropped
    for leaf in leaves:
        run = leaf.run
        if isinstance(run, Text | Code):
            value = _SPACE.sub(" ", run.value)
            if space_before:
                value = value.lstrip(" ")
            if not value:
                continue
            space_before = value.endswith(" ")
            made: Inline = Text(value=value) if isinstance(run, Text) else Code(value=value)
            out.append(Leaf(leaf.marks, made, leaf.line))
        else:
            if isinstance(run, LineBreak):
                _trim_end(out)
                space_before = True
            elif isinstance(run, Ruby):
                space_before = False
            out.append(leaf)
    _trim_end(out)
    while out and isinstance(out[0].run, LineBreak):
        out.pop(0)
    while out and isinstance(out[-1].run, LineBreak):
        out.pop()
        _trim_end(out)
    return out


def _trim_end(out: list[Leaf]) -> None:
    """Drop the trailing space of the last text leaf (and the leaf if nothing is left)."""
    while out and isinstance(out[-1].run, Text | Code):
        run = out[-1].run
        assert isinstance(run, Text | Code)
        value = run.value.rstrip(" ")
        if value:
            if value != run.value:
                made: Inline = Text(value=value) if isinstance(run, Text) else Code(value=value)
                out[-1] = Leaf(out[-1].marks, made, out[-1].line)
            return
        out.pop()


def _container(mark: Mark, content: list[Inline]) -> Inline:
    if mark.kind == "strong":
        return Strong(content=content)
    if mark.kind == "emphasis":
        return Emphasis(content=content)
    if mark.kind == "link":
        return Link(href=mark.href, title=mark.title, content=content)
    if mark.kind == "superscript":
        return Superscript(content=content)
    if mark.kind == "subscript":
        return Subscript(content=content)
    return Span(lang=mark.lang, content=content)


def _nest(leaves: list[Leaf], depth: int) -> list[Inline]:
    out: list[Inline] = []
    index = 0
    while index < len(leaves):
        leaf = leaves[index]
        if len(leaf.marks) <= depth:
            _append(out, leaf.run)
            index += 1
            continue
        mark = leaf.marks[depth]
        end = index + 1
        while end < len(leaves) and len(leaves[end].marks) > depth and leaves[end].marks[depth] == mark:
            end += 1
        content = _nest(leaves[index:end], depth + 1)
        if content:
            out.append(_container(mark, content))
        index = end
    return out


def _append(out: list[Inline], run: Inline) -> None:
    """Append ``run``, merging it into a neighbouring text or code run."""
    last = out[-1] if out else None
    if isinstance(run, Text) and isinstance(last, Text):
        out[-1] = Text(value=last.value + run.value)
    elif isinstance(run, Code) and isinstance(last, Code):
        out[-1] = Code(value=last.value + run.value)
    else:
        out.append(run)


def build_runs(leaves: list[Leaf]) -> list[Inline]:
    """The leaves as nested runs, white space collapsed (see the module)."""
    return _nest(_collapse(leaves), 0)


def split_at_breaks(leaves: list[Leaf]) -> list[tuple[list[Leaf], bool]]:
    """The leaves cut at line breaks: ``(piece, soft)``, ``soft`` when a single break (not two or
    more in a row) separates the piece from the one before."""
    pieces: list[tuple[list[Leaf], bool]] = []
    current: list[Leaf] = []
    breaks = 0
    for leaf in _collapse(leaves):
        if isinstance(leaf.run, LineBreak):
            if current:
                current = []
            breaks += 1
            continue
        if not current:
            current = [leaf]
            pieces.append((current, breaks == 1 and bool(pieces)))
            breaks = 0
        else:
            current.append(leaf)
    return pieces


def note_leaf(marks: tuple[Mark, ...], note: str, line: int) -> Leaf:
    """A footnote reference: no link, superscript or subscript mark around it (it is one)."""
    kept = tuple(m for m in marks if m.kind not in ("link", "superscript", "subscript"))
    return Leaf(kept, NoteRef(note=note), line)
