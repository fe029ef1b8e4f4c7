"""Footnotes of a text scrape or a Markdown file: notes at the end of the text (``1) 스트레스 DSR:
…``, ``2) …``, ``* 금융위원회 시뮬레이션 결과 …``, a wiki's ``[1] …``) that the body refers to with
markers glued to a word (``스트레스 DSR1) 3단계``, ``줄어든다*.``, ``골목이다.[1]``).

Only a run of such lines that ends the text counts, numbered 1, 2, 3 … from 1 and/or starred
(``*``, ``**``), and only when every note's marker is found in a body line above it: a list at
the end of an article (``1) 첫째 …``) has no markers in the text and stays a list. Each note
becomes a :class:`~bookmaker.ir.Footnote` (its number or stars are the id; the book numbers
notes itself) and the first marker of each a :class:`~bookmaker.ir.NoteRef` in that body line.
The markers' text is replaced by the structure, as a list's numbers are. Used by pass
``structure`` on text scrapes and Markdown (whose reader gives ``[^1]`` notes itself; a wiki's
export writes them as plain ``[1]``); the HTML reader gives notes and references itself.
"""

from __future__ import annotations

import re

from bookmaker.ir import Footnote, Inline, NoteRef, Paragraph, Text
from bookmaker.normalize.context import Context, Item

NOTE = re.compile(
    r"^\s*(?:(?P<num>\d{1,2})\)|\[(?P<bracket>\d{1,2})\]|(?P<stars>\*{1,3}))\s*(?P<text>\S.*)$", re.S
)


def _reference(label: str, bracketed: bool) -> re.Pattern[str]:
    """A marker for the note ``label`` glued to the word before it (never ``(1)`` or ``11)``;
    ``[1]`` right after a word or its full stop)."""
    if label.startswith("*"):
        return re.compile(rf"(?<=[^\s*]){re.escape(label)}(?![*\w])")
    if bracketed:
        return re.compile(rf"(?<=\S)\[{label}\](?![(\[:])")
    return re.compile(rf"(?<=[^\s\d(\[]){label}\)")


def _notes_at_end(items: list[Item]) -> tuple[list[tuple[Item, str, str]], bool]:
    """The run of note lines that ends ``items``: (item, label, text), in order, and whether they
    are numbered in brackets (``[1]``; never mixed with ``1)``)."""
    run: list[tuple[Item, str, str]] = []
    styles: set[bool] = set()
    for item in reversed(items):
        m = NOTE.match(item.text)
        if m is None or item.role is not None or item.kind is not None or item.block is not None:
            break
        run.insert(0, (item, m["num"] or m["bracket"] or m["stars"], m["text"].strip()))
        if not m["stars"]:
            styles.add(m["bracket"] is not None)
    bracketed = styles == {True}
    if len(styles) > 1:
        return [], False
    numbers = [label for _, label, _ in run if not label.startswith("*")]
    stars = [label for _, label, _ in run if label.startswith("*")]
    if numbers != [str(n) for n in range(1, len(numbers) + 1)] or len(set(stars)) != len(stars):
        return [], False
    if stars and run[len(numbers)][1] != stars[0]:
        return [], False  # numbered notes first, starred ones after
    return run, bracketed


def _split(text: str, marks: list[tuple[int, int, str]]) -> list[Inline]:
    """``text`` with each marker ``(start, end, label)`` (in order) replaced by a reference."""
    runs: list[Inline] = []
    at = 0
    for start, end, label in marks:
        if start > at:
            runs.append(Text(value=text[at:start]))
        runs.append(NoteRef(note=label))
        at = end
    if at < len(text):
        runs.append(Text(value=text[at:]))
    return runs


def _refer(item: Item, marks: list[tuple[int, int, str]]) -> None:
    """Replace each marker of ``item`` by a reference: in its text, or in the plain text runs
    its markup gave (a marker is only ever plain text there)."""
    if item.content is None:
        item.content = _split(item.text, marks)
    else:
        runs: list[Inline] = []
        at = 0
        for run in item.content:
            size = len(run.text)
            inside = [(s - at, e - at, label) for s, e, label in marks if at <= s and e <= at + size]
            runs += _split(run.value, inside) if isinstance(run, Text) and inside else [run]
            at += size
        item.content = runs
    item.text = "".join(run.text for run in item.content)


def _unmarked(item: Item) -> bool:
    """A body line with no note reference placed in it yet."""
    return item.content is None or not any(isinstance(run, NoteRef) for run in item.content)


ANNOTATION = re.compile(r"^\s*\[\s*(?:註|주)\s*-?\s*(?P<label>[A-Z]?\d{1,4})\s*\]\s*(?P<text>\S.*)$", re.S)
"""A classics database's note (``[註 001] 언문(諺文) : …``, ``[주-D001] …``): its marker is its own, so the
notes may stand anywhere (under the translation, above the classical text), not only at the end."""


_ANNOTATION_MARK = re.compile(r"\[\s*(?:註|주)\s*-?\s*(?P<label>[A-Z]?\d{1,4})\s*\]")


def _mark_annotations(ctx: Context) -> None:
    """A classics database's notes (see :data:`ANNOTATION`) as footnotes, each referred to from the
    first body line above it that holds its marker; none when any note has no marker. One pass over
    the lines finds every marker's first place."""
    notes = [
        (item, m["label"], m["text"].strip())
        for item in ctx.items
        if item.role is None
        and item.kind is None
        and item.block is None
        and (m := ANNOTATION.match(item.text))
    ]
    if not notes or len({label for _, label, _ in notes}) != len(notes):
        return
    noted = {id(item) for item, _, _ in notes}
    first: dict[str, tuple[int, re.Match[str]]] = {}  # a label → its first marker: (position, match)
    position: dict[int, int] = {}
    for i, item in enumerate(ctx.items):
        position[id(item)] = i
        if id(item) in noted or item.block is not None:
            continue
        for m in _ANNOTATION_MARK.finditer(item.text):
            first.setdefault(m["label"], (i, m))
    refs: dict[int, list[tuple[int, int, str]]] = {}  # an item's position → (start, end, label)
    for item, label, _ in notes:
        hit = first.get(label)
        if hit is None or hit[0] > position[id(item)]:
            return
        refs.setdefault(hit[0], []).append((hit[1].start(), hit[1].end(), label))
    for index, marks in refs.items():
        _refer(ctx.items[index], sorted(marks))
    for item, label, text in notes:
        lines = [item.line, item.line]
        item.text = text
        item.block = Footnote(
            id=label, blocks=[Paragraph(content=[Text(value=text)], lines=lines)], lines=lines
        )


def mark_text_notes(ctx: Context) -> None:
    """Turn the notes ending a text scrape into footnotes referred to from the body (see module)."""
    if ctx.source_format not in ("text", "markdown"):
        return
    _mark_annotations(ctx)
    notes, bracketed = _notes_at_end(ctx.items)
    if not notes or (ctx.source_format == "markdown" and not bracketed):
        return
    body = [it for it in ctx.items[: ctx.items.index(notes[0][0])] if it.block is None and it.role is None]
    refs: dict[int, list[tuple[int, int, str]]] = {}  # body item's index → (start, end, label)
    for _, label, _ in notes:
        pattern = _reference(label, bracketed)
        hit = next(
            ((i, m) for i, it in enumerate(body) if _unmarked(it) and (m := pattern.search(it.text))),
            None,
        )
        if hit is None:
            return  # a note nothing refers to: these lines are no notes
        refs.setdefault(hit[0], []).append((hit[1].start(), hit[1].end(), label))
    for index, marks in refs.items():
        _refer(body[index], sorted(marks))
    for item, label, text in notes:
        lines = [item.line, item.line]
        item.text = text
        item.block = Footnote(
            id=label, blocks=[Paragraph(content=[Text(value=text)], lines=lines)], lines=lines
        )
