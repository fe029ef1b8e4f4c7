"""Normalization: a RawDocument from a reader → an IR Document.

An ordered chain of passes (``PASSES``), one module each under ``passes/``, works on a shared
:class:`~bookmaker.normalize.context.Context`. Rule tables live in ``data/rules.toml``; a user
TOML file given as ``rules=`` extends them. Every non-blank source line ends up in a block, in
``Meta.lines`` (what metadata came from where) or in ``removed`` with a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import (
    AnyBlock,
    Author,
    Document,
    Figure,
    Heading,
    ListBlock,
    Meta,
    Paragraph,
    Quote,
    StyleChoice,
)
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.outline import outline
from bookmaker.normalize.passes import (
    boilerplate,
    bylines,
    captions,
    clean,
    dateline,
    dates,
    dedupe,
    publisher,
    punctuation,
    reflow,
    structure,
    title,
)
from bookmaker.normalize.rules import load_rules
from bookmaker.raw import RawDocument, SourceLine

Pass = Callable[[Context], None]

PASSES: list[tuple[str, Pass]] = [
    ("clean", clean.run),
    ("boilerplate", boilerplate.run),
    ("dates", dates.run),
    ("bylines", bylines.run),
    ("reflow", reflow.run),
    ("captions", captions.run),
    ("dedupe", dedupe.run),
    ("title", title.run),
    ("dateline", dateline.run),
    ("structure", structure.run),
    ("punctuation", punctuation.run),
    ("publisher", publisher.run),
]


def normalize(
    raw: RawDocument | Document, *, rules: Path | None = None, skip: frozenset[str] = frozenset()
) -> Document:
    """Normalize ``raw`` into a Document; ``rules`` is an extra TOML rule file, ``skip`` pass names."""
    if isinstance(raw, Document):
        return raw  # IR JSON input is already normalized
    items = [_item(sl) for sl in raw.lines]
    ctx = Context(items=items, rules=load_rules(rules), hints=dict(raw.hints))
    ctx.source_text = {sl.line: sl.text.strip() for sl in raw.lines if sl.text.strip()}
    _hint_authors(ctx)
    for name, run in PASSES:
        if name not in skip:
            run(ctx)
    return _document(ctx, raw)


def _item(sl: SourceLine) -> Item:
    attrs = dict(sl.attrs)
    last = attrs.pop("last_line", None)
    return Item(
        sl.text,
        sl.line,
        sl.text.strip(),
        sl.kind,
        None,
        attrs,
        last=int(last) if last and last.isdigit() else None,
    )


def _hint_authors(ctx: Context) -> None:
    entries = ctx.hints.get("authors")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Author):
            ctx.add_author(entry)
        elif isinstance(entry, dict):
            ctx.add_author(Author(name=entry.get("name"), role=entry.get("role"), email=entry.get("email")))
        elif isinstance(entry, str) and entry.strip():
            parsed = bylines.parse_byline(ctx.rules, entry)
            for a in parsed or [Author(name=entry.strip())]:
                ctx.add_author(a)


def _block(item: Item) -> AnyBlock:
    lines = [item.line, item.last or item.line]
    attrs = dict(item.attrs)
    attrs.pop("date_residue", None)
    if item.role == "figure":
        return Figure(
            text=item.text,
            caption=item.text,
            credit=item.credit,
            lines=lines,
            src=attrs.pop("src", None),
            alt=attrs.pop("alt", None),
            attrs=attrs,
        )
    if item.role == "heading":
        level = int(attrs.pop("level", "2"))
        return Heading(text=item.text, lines=lines, level=max(1, min(level, 6)), attrs=attrs)
    if item.role == "quote":
        return Quote(text=item.text, lines=lines, attrs=attrs)
    return Paragraph(text=item.text, lines=lines, attrs=attrs)


def _blocks(items: list[Item]) -> list[AnyBlock]:
    out: list[AnyBlock] = []
    run: list[Item] = []

    def flush() -> None:
        if run:
            ordered = run[0].attrs.get("ordered") == "1"
            texts = [it.text for it in run]
            out.append(
                ListBlock(
                    text="\n".join(texts),
                    items=texts,
                    ordered=ordered,
                    lines=[run[0].line, run[-1].last or run[-1].line],
                )
            )
            run.clear()

    for item in items:
        if item.role == "list-item":
            run.append(item)
            continue
        flush()
        out.append(_block(item))
    flush()
    return out


def _style_choice(hints: dict[str, object]) -> StyleChoice | None:
    """Front matter ``theme:``/``settings:`` → the IR's style choice (values checked at build)."""
    from bookmaker.layout.themes import setting_text

    theme, settings = hints.get("theme"), hints.get("settings")
    if theme is None and not settings:
        return None
    if not isinstance(settings, dict):
        raise InputError("front matter 'settings' must be a mapping of --set keys to values")
    values = {str(key): setting_text(value) for key, value in settings.items()}
    return StyleChoice(theme=str(theme) if theme else None, settings=values)


def _document(ctx: Context, raw: RawDocument) -> Document:
    m = ctx.meta
    language = ctx.hints.get("language")
    meta = Meta(
        title=m.get("title", ""),
        subtitles=m.get("subtitles", []),
        series=m.get("series", []),
        authors=ctx.finish_authors(),
        publisher=m.get("publisher"),
        date=m.get("date"),
        language=language if isinstance(language, str) and language else "ko",
        rights=m.get("rights"),
        dateline=m.get("dateline"),
        source=raw.source,
        lines={k: sorted(v) for k, v in ctx.meta_lines.items()},
        style=_style_choice(ctx.hints),
    )
    removed = sorted(ctx.removed, key=lambda r: r.line)
    return Document(meta=meta, blocks=_blocks(ctx.items), removed=removed)


__all__ = ["PASSES", "normalize", "outline"]
