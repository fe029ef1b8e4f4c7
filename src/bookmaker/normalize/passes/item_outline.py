"""An outline of items (a leaflet's precautions: ``1. 다음과 같은 사람은 … 복용하지 말 것`` over
``1) 간장애 환자``, itself over ``가) …``) is one nested list, as an editor sets it; a section outline
(an official document's ``1. 현황`` over ``가. 인구 감소`` over ``(1) …``) is headings over the lowest
rank's list (``structure._outline_heads``). What tells them apart is what the lines with items under
them do: a section's title names its part (a short noun phrase), an item says something — a
sentence, a directive ending in ``-ㄹ 것`` (``상의할 것``), or a lead-in to the items below it
(``다음의 증상이 나타나는 경우``, ``… 다음과 같다:``). An outline whose parent lines mostly say
something (two at least) is an outline of items.

The outline is read line by line with a stack of open ranks, a rank being a marker's style and
punctuation (``1.`` and ``1)`` are two ranks here, as in a Korean document's 1. > 1) > 가. > 가)):
a line goes on a rank that is open (its number the next), or opens a rank below the line above
it (its number 1). An unnumbered line right under an item (no blank line between) whose next line
goes on the outline is that item's continuation (``3. … 복용하지 말 것`` / ``다른 해열진통제, 감기약``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bookmaker.normalize.context import Item
from bookmaker.normalize.list_marks import Reading, run_style
from bookmaker.normalize.mood import RIEUL, final_consonant
from bookmaker.normalize.text import ends_sentence

MAX_CONTINUATION = 120
_SENTENCE_INSIDE = re.compile(r"[다요죠]\.\s")
_LEAD_IN = re.compile(r"다음(?:의|과|와)\s|[:：]\s*$")
"""A line announcing the items below it: ``다음의 질환이 있는 환자``, ``다음과 같은 경우``, ``…:``."""
_THING = re.compile(r"([가-힣])\s?것(?=$|[.,\s])")
"""``-ㄹ 것`` (``상의할 것``, ``복용하지 말 것``) when the syllable before ends in ㄹ: a directive."""


def says_something(text: str) -> bool:
    """``text`` (an outline line without its marker) is a statement, a directive or a lead-in, not a
    title: it ends or holds a sentence, ends a clause in ``-ㄹ 것``, or announces what follows."""
    if ends_sentence(text) or _SENTENCE_INSIDE.search(text) or _LEAD_IN.search(text):
        return True
    return any(final_consonant(m[1]) == RIEUL for m in _THING.finditer(text))


Key = tuple[str, str]


@dataclass(slots=True)
class _Rank:
    key: Key
    number: int
    sublist: int  # the index of the rank's first line in the run


@dataclass(slots=True)
class _Entry:
    index: int
    depth: int
    sublist: int
    reading: Reading | None  # None: a continuation line


def _key(r: Reading) -> Key:
    return r.style, r.punctuation


def _goes_on(readings: Sequence[Reading], stack: list[_Rank]) -> tuple[int, Reading] | None:
    """The open rank (its depth) a numbered line goes on, with the reading taken."""
    for depth in range(len(stack) - 1, -1, -1):
        rank = stack[depth]
        for r in readings:
            if _key(r) == rank.key and r.number == rank.number + 1:
                return depth, r
    return None


def _opens(readings: Sequence[Reading], stack: list[_Rank]) -> Reading | None:
    """The reading by which a numbered line opens a rank below the line above (numbered 1)."""
    keys = {rank.key for rank in stack}
    return next((r for r in readings if r.number == 1 and _key(r) not in keys), None)


def _read(
    items: list[Item], numbers: list[list[Reading]], start: int, continues: Callable[[Item], bool]
) -> list[_Entry]:
    """The outline from ``items[start]`` (a numbered line) to where it stops."""
    first = next((r for r in numbers[start] if r.number == 1), numbers[start][0])
    stack = [_Rank(_key(first), first.number, 0)]
    entries = [_Entry(start, 0, 0, first)]
    i = start + 1
    while i < len(items):
        if numbers[i]:
            found = _goes_on(numbers[i], stack)
            if found is not None:
                depth, reading = found
                del stack[depth + 1 :]
                stack[depth].number = reading.number
            else:
                if entries[-1].reading is None or (opened := _opens(numbers[i], stack)) is None:
                    break
                reading, depth = opened, len(stack)
                stack.append(_Rank(_key(reading), reading.number, i - start))
            entries.append(_Entry(i, depth, stack[depth].sublist, reading))
        elif (
            continues(items[i])
            and not items[i].attrs.get("after_blank")
            and len(items[i].text) <= MAX_CONTINUATION
            and i + 1 < len(items)
            and numbers[i + 1]
            and _goes_on(numbers[i + 1], stack) is not None
        ):
            last = entries[-1]
            entries.append(_Entry(i, last.depth, last.sublist, None))
        else:
            break
        i += 1
    return entries


def _of_items(items: list[Item], entries: list[_Entry]) -> bool:
    """Two top items or more, a rank below them, and parent lines that mostly say something."""
    tops = sum(e.depth == 0 for e in entries)
    parents = [
        e
        for e, nxt in pairwise(entries)
        if e.reading is not None and (nxt.depth > e.depth or nxt.reading is None)
    ]
    saying = sum(says_something(items[e.index].text[e.reading.length :]) for e in parents if e.reading)
    deep = any(e.depth > 0 for e in entries)
    return tops >= 2 and deep and saying >= 2 and saying * 2 > len(parents)


def _item_ranks(items: list[Item], entries: list[_Entry], lo: int, hi: int) -> list[tuple[int, int]]:
    """In a section outline, the ranks of items (slices of ``entries``, each with the ranks below
    it): siblings of which one has no line under it before the next (an item: a section's title heads
    something) and another has (``가. 사업화 자금: …`` / ``나. …`` / ``다. 교육·멘토링`` over ``1) …``).
    They are a list, the ranks under its items nested in it; siblings that each head ranks below
    them are sections' titles (headings over the lowest list, pass ``structure``)."""
    depth = entries[lo].depth
    heads = [j for j in range(lo, hi) if entries[j].depth == depth and entries[j].reading is not None]
    bounds = [*heads[1:], hi]
    leaf = any(j + 1 == end for j, end in zip(heads[:-1], bounds[:-1], strict=True))
    nested = any(e.depth > depth for e in entries[lo:hi])  # a flat rank is pass structure's to read
    apart = any(items[e.index].attrs.get("after_blank") for e in entries[lo + 1 : hi])  # lists, each its own
    if len(heads) >= 2 and leaf and nested and not apart:
        return [(lo, hi)]
    found: list[tuple[int, int]] = []
    for j, end in zip(heads, bounds, strict=True):
        inner = [k for k in range(j + 1, end) if entries[k].reading is not None]
        if inner:
            found += _item_ranks(items, entries, inner[0], end)
    return found


def _mark(items: list[Item], entries: list[_Entry]) -> None:
    top = items[entries[0].index]
    runs: dict[int, list[Reading]] = {}
    for e in entries:
        if e.reading is not None:
            runs.setdefault(e.sublist, []).append(e.reading)
    for e in entries:
        item = items[e.index]
        item.role = "list-item"
        item.attrs.update(list=str(top.line), depth=str(e.depth), sublist=str(e.sublist))
        if e.reading is None:
            item.attrs["continues"] = "1"
            continue
        run = runs[e.sublist]
        item.text = item.text[e.reading.length :]
        item.attrs.update(ordered="1", start=str(run[0].number), **run_style(run))


def mark_outline(items: list[Item], numbers: list[list[Reading]], start: int) -> int:
    """Mark the outline opening at ``items[start]`` as one nested list whatever its lines say (a
    letter's numbered body, which its kind makes items); the index after its last line."""
    entries = _read(items, numbers, start, lambda _: False)
    _mark(items, entries)
    return entries[-1].index + 1


def mark_item_outlines(
    items: list[Item], numbers: list[list[Reading]], continues: Callable[[Item], bool]
) -> None:
    """Mark each outline of items in ``items`` (``numbers``: each line's marker readings, none for a
    line no list may take; ``continues``: whether an unnumbered line may continue an item) as one
    nested list (attrs ``depth``, ``sublist``, ``continues``; see ``normalize._blocks``)."""
    i = 0
    while i < len(items):
        if not numbers[i]:
            i += 1
            continue
        entries = _read(items, numbers, i, continues)
        if _of_items(items, entries):
            _mark(items, entries)
        else:
            for lo, hi in _item_ranks(items, entries, 0, len(entries)):
                base = entries[lo].depth
                _mark(items, [_Entry(e.index, e.depth - base, e.sublist, e.reading) for e in entries[lo:hi]])
        i = entries[-1].index + 1
