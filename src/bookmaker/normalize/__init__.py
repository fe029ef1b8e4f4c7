"""Normalization: a RawDocument from a reader → an IR Document.

An ordered chain of passes (``PASSES``), one module each under ``passes/``, works on a shared
:class:`~bookmaker.normalize.context.Context`. Rule tables live in ``data/rules.toml``; a user
TOML file given as ``rules=`` extends them. Every non-blank source line ends up in a block, in
``Meta.lines`` (what metadata came from where) or in ``removed`` with a reason. What the user
should know (text that could not be repaired …) is added to ``raw.warnings``.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import msgspec

from bookmaker.errors import InputError
from bookmaker.ir import (
    Author,
    Block,
    Document,
    Figure,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    ListPunctuation,
    ListStyle,
    Meta,
    Paragraph,
    ParagraphRole,
    Quote,
    StyleChoice,
    map_inlines,
    text_runs,
)
from bookmaker.limits import DEFAULT, Limits
from bookmaker.normalize.blocks import verse_line
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.english_bylines import parse_english_byline
from bookmaker.normalize.inlines import follow_edit, mark_languages
from bookmaker.normalize.outline import outline, removal_summary
from bookmaker.normalize.passes import (
    alert_list,
    annals,
    boilerplate,
    book_entries,
    book_page,
    browser_print,
    bylines,
    captions,
    cards,
    chat_export,
    clean,
    contents,
    contract,
    dateline,
    dates,
    dedupe,
    diary_entries,
    dictionary_entry,
    email,
    fact_check,
    form_questions,
    head_lists,
    judgment_print,
    jumps,
    language,
    linebreaks,
    live_updates,
    manuscript,
    market_post,
    menu_days,
    meta_author,
    official_letter,
    pages,
    papers,
    patent,
    platform_post,
    print_page,
    properties,
    publisher,
    punctuation,
    recorder_notes,
    reflow,
    research_report,
    roles,
    screenplay,
    screenshots,
    scripture,
    search_results,
    shared_mail,
    show_page,
    slides,
    social_thread,
    structure,
    subtitles,
    text_relay,
    title,
    transcript,
)
from bookmaker.normalize.rules import load_rules
from bookmaker.raw import RawDocument, SourceLine

Pass = Callable[[Context], None]
ROLES: dict[str, ParagraphRole] = {
    "editor-note": "editor-note",
    "correction": "correction",
    "signature": "signature",
    "verse": "verse",
}

_LIST_STYLES: dict[str, ListStyle] = {s: s for s in get_args(ListStyle)}
_LIST_PUNCTUATION: dict[str, ListPunctuation] = {p: p for p in get_args(ListPunctuation)}

PASSES: list[tuple[str, Pass]] = [
    ("clean", clean.run),
    ("email", email.run),
    ("shared_mail", shared_mail.run),
    ("chat_export", chat_export.run),
    ("social_thread", social_thread.run),
    ("patent", patent.run),
    ("annals", annals.run),
    ("slides", slides.run),
    ("book_page", book_page.run),
    ("show_page", show_page.run),
    ("dictionary_entry", dictionary_entry.run),
    ("official_letter", official_letter.run),
    ("judgment_print", judgment_print.run),
    ("screenplay", screenplay.run),
    ("subtitles", subtitles.run),
    ("form_questions", form_questions.run),
    ("transcript", transcript.run),
    ("recorder_notes", recorder_notes.run),
    ("language", language.run),
    ("properties", properties.run),
    ("manuscript", manuscript.run),
    ("screenshots", screenshots.run),
    ("browser_print", browser_print.run),
    ("search_results", search_results.run),
    ("text_relay", text_relay.run),
    ("menu_days", menu_days.run),
    ("market_post", market_post.run),
    ("platform_post", platform_post.run),
    ("research_report", research_report.run),
    ("diary_entries", diary_entries.run),
    ("fact_check", fact_check.run),
    ("live_updates", live_updates.run),
    ("jumps", jumps.run),
    ("head_lists", head_lists.run),
    ("boilerplate", boilerplate.run),
    ("alert_list", alert_list.run),
    ("print_page", print_page.run),
    ("dates", dates.run),
    ("papers", papers.run),
    ("bylines", bylines.run),
    ("affiliations", papers.run_affiliations),
    ("cards", cards.run),
    ("pages", pages.run),
    ("reflow", reflow.run),
    ("captions", captions.run),
    ("dedupe", dedupe.run),
    ("scripture", scripture.run),
    ("title", title.run),
    ("dateline", dateline.run),
    ("book_entries", book_entries.run),
    ("structure", structure.run),
    ("contents", contents.run),
    ("linebreaks", linebreaks.run),
    ("roles", roles.run),
    ("contract", contract.run),
    ("punctuation", punctuation.run),
    ("meta_author", meta_author.run),
    ("publisher", publisher.run),
]


def normalize(
    raw: RawDocument | Document, *, rules: Path | None = None, skip: frozenset[str] = frozenset()
) -> Document:
    """Normalize ``raw`` into a Document; ``rules`` is an extra TOML rule file, ``skip`` pass names."""
    if isinstance(raw, Document):
        return raw  # IR JSON input is already normalized
    items = [_item(sl) for sl in raw.lines]
    ctx = Context(
        body=items,
        rules=load_rules(rules),
        hints=dict(raw.hints),
        removed=list(raw.removed),
        source_format=raw.source.format,
    )
    ctx.source_text = {sl.line: sl.text.strip() for sl in raw.lines if sl.text.strip()}
    _hint_authors(ctx)
    for name, run in PASSES:
        if name not in skip:
            run(ctx)
    raw.warnings += ctx.warnings
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
        content=sl.content,
        block=sl.block,
    )


def _hint_authors(ctx: Context) -> None:
    entries = ctx.hints.get("authors")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Author):
            ctx.add_author(entry)
        elif isinstance(entry, dict):
            places = entry.get("affiliations") or entry.get("affiliation")
            places = [places] if isinstance(places, str) else places
            ctx.add_author(
                Author(
                    name=entry.get("name"),
                    role=entry.get("role"),
                    email=entry.get("email"),
                    affiliations=[str(p) for p in places] if isinstance(places, list) else [],
                )
            )
        elif isinstance(entry, str) and entry.strip():
            parsed = bylines.parse_byline(ctx.rules, entry) or parse_english_byline(ctx.rules, entry)
            for a in parsed or [Author(name=entry.strip())]:
                ctx.add_author(a)


def _content(item: Item, language: str) -> list[Inline]:
    """The item's inline runs: the reader's, following the passes' edits of its text, or its text."""
    runs = follow_edit(item.content, item.text) if item.content is not None else text_runs(item.text)
    return mark_languages(runs, language)


def _block(item: Item, language: str) -> Block:
    lines = [item.line, item.last or item.line]
    if item.block is not None:  # a table, a nested list, code: as the reader gave it
        block = map_inlines(item.block, lambda runs: mark_languages(runs, language))
        return msgspec.structs.replace(block, lines=lines)
    attrs = item.attrs
    if item.role == "figure":
        return Figure(
            caption=_content(item, language),
            credit=item.credit,
            lines=lines,
            src=attrs.get("src"),
            alt=attrs.get("alt"),
        )
    if item.role == "heading":
        level = int(attrs.get("level", "2"))
        return Heading(content=_content(item, language), lines=lines, level=max(1, min(level, 6)))
    if item.role == "quote":
        return Quote(blocks=[Paragraph(content=_content(item, language), lines=lines)], lines=lines)
    role = ROLES.get(attrs.get("paragraph_role", ""))  # pass roles: an editor's note, a signature line
    if role is None and verse_line(item):
        role = "verse"  # the lines of a stanza, as a reader read them (readers/verse.py)
    return Paragraph(content=_content(item, language), lines=lines, role=role)


def _list_block(run: list[Item], entries: list[ListItem]) -> ListBlock:
    """A list of ``entries`` numbered as the list's first line ``run[0]`` says, over ``run``'s lines."""
    return ListBlock(
        items=entries,
        ordered=run[0].attrs.get("ordered") == "1",
        start=int(run[0].attrs.get("start", "1")),
        style=_LIST_STYLES.get(run[0].attrs.get("style", "")),
        punctuation=_LIST_PUNCTUATION.get(run[0].attrs.get("punctuation", "")),
        lines=[run[0].line, run[-1].last or run[-1].line],
    )


def _nested(run: list[Item], at: int, language: str) -> tuple[ListBlock, int]:
    """The list of an item outline's rank from ``run[at]`` (attrs ``depth``, ``sublist``,
    ``continues``: see :mod:`~bookmaker.normalize.passes.item_outline`), each item holding its
    continuation lines and the lists of the ranks below it; and the index after it."""
    depth, sublist = run[at].attrs["depth"], run[at].attrs["sublist"]
    entries: list[ListItem] = []
    end = at
    while end < len(run):
        it = run[end]
        if int(it.attrs["depth"]) < int(depth) or (
            it.attrs["depth"] == depth and it.attrs["sublist"] != sublist and "continues" not in it.attrs
        ):
            break
        if int(it.attrs["depth"]) > int(depth):
            inner, end = _nested(run, end, language)
            entries[-1].blocks.append(inner)
            continue
        paragraph = Paragraph(content=_content(it, language), lines=[it.line, it.last or it.line])
        if "continues" in it.attrs:
            entries[-1].blocks.append(paragraph)
        else:
            entries.append(ListItem(blocks=[paragraph]))
        end += 1
    return _list_block(run[at:end], entries), end


def _blocks(items: list[Item], language: str) -> list[Block]:
    out: list[Block] = []
    run: list[Item] = []

    def flush() -> None:
        if run and "depth" in run[0].attrs:
            out.append(_nested(run, 0, language)[0])
        elif run:
            out.append(
                _list_block(
                    run,
                    [
                        ListItem(
                            blocks=[
                                Paragraph(content=_content(it, language), lines=[it.line, it.last or it.line])
                            ]
                        )
                        for it in run
                    ],
                )
            )
        run.clear()

    for item in items:
        if item.role == "list-item" and item.block is None:
            if run and run[-1].attrs.get("list") != item.attrs.get("list"):
                flush()  # two lists in a row stay two lists
            run.append(item)
            continue
        flush()
        out.append(_block(item, language))
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
    language = str(ctx.meta.get("language") or ctx.hints.get("language") or "ko")
    meta = Meta(
        title=m.get("title", ""),
        subtitles=m.get("subtitles", []),
        series=m.get("series", []),
        authors=ctx.finish_authors(),
        publisher=m.get("publisher"),
        identifiers=m.get("identifiers", []),
        container=m.get("container"),
        date=m.get("date"),
        language=language,
        rights=m.get("rights"),
        dateline=m.get("dateline"),
        source=raw.source,
        lines={k: sorted(v) for k, v in ctx.meta_lines.items()},
        style=_style_choice(ctx.hints),
    )
    removed = sorted(ctx.removed, key=lambda r: r.line)
    return Document(meta=meta, blocks=_blocks(ctx.items, language), removed=removed)


__all__ = ["PASSES", "normalize", "normalize_source", "outline", "removal_summary"]


def normalize_source(
    source: RawDocument | Document | str | Path,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits | None = None,
) -> Document:
    """The IR of an article file, an http(s) URL (fetched from public hosts only; its images are
    not fetched) or a reader's RawDocument: what ``bookmaker.normalize(source)`` does."""
    if isinstance(source, RawDocument | Document):
        return normalize(source, rules=rules)
    from bookmaker.fetch.policy import is_url

    if isinstance(source, str) and is_url(source):
        import tempfile

        from bookmaker.fetch.client import Fetcher
        from bookmaker.fetch.page import fetch_page

        with tempfile.TemporaryDirectory(prefix="bookmaker-fetch-") as scratch, Fetcher() as fetcher:
            raw = fetch_page(
                source, Path(scratch), fetcher, encoding=encoding, images=False, limits=limits or DEFAULT
            )
        return normalize(raw, rules=rules)
    from bookmaker.readers import read

    return normalize(read(Path(source), encoding=encoding, limits=limits), rules=rules)


class _CallableModule(types.ModuleType):
    """``bookmaker.normalize(source)`` is :func:`normalize_source`: the package and the public
    API's function share a name, so the package is callable (its ``__class__`` set to a ModuleType
    subclass, as the Python reference on customizing module attribute access describes)."""

    def __call__(self, source: RawDocument | Document | str | Path, **options: Any) -> Document:
        return normalize_source(source, **options)


sys.modules[__name__].__class__ = _CallableModule
