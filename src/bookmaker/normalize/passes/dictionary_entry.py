"""Pass ``dictionary_entry``: a dictionary's entry (표준국어대사전, 우리말샘) copied as text.

Its head is the headword, a homograph number run on to it (``마루01``), over its part of speech in
corner brackets (``「명사」``; rules ``dictionary_entry.parts``). The headword is the title (the number
recorded and cut: it tells the entry from its homographs, it is no word of the title); the lines of
the head under it (the part of speech, ``발음 [마루]``) are text. The senses, numbered ``「1」``, are a
numbered list in corner brackets, each item with its examples (``¶ …``) as its broken lines. The
entry's section labels alone on a line, with or without their count (``관용구·속담(1)``, ``역사 정보``;
``dictionary_entry.sections``), are headings; the lines of an idiom section (the idiom, then its
sense) are text. Text without such a head is left alone; under a sentence of running text
(:func:`~bookmaker.normalize.text.quoted_in_article`) the entry is quoted in a column on the word: its
head stays text as printed (no title), its senses a list."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.list_marks import Reading, readings
from bookmaker.normalize.passes.structure import as_list_item
from bookmaker.normalize.text import key, quoted_in_article

COVER = 15
"""Lines looked at for the headword."""
_HEADWORD = re.compile(r"^\s*(?P<word>[가-힣][가-힣^-]{0,19}?)(?P<number>\d{2,3})?\s*$")
_EXAMPLE = re.compile(r"^\s*¶\s*\S")
_COUNT = re.compile(r"\s*\(\s*\d+\s*\)\s*$")
MAX_LABEL = 16


def run(ctx: Context) -> None:
    """Read a dictionary entry's headword, senses and sections."""
    if ctx.source_format != "text":
        return
    parts = "|".join(re.escape(p) for p in ctx.rules.strings("dictionary_entry", "parts"))
    part = re.compile(rf"^\s*「(?:{parts})」(?:\s*「[^」]{{1,12}}」)*\s*$")
    items = ctx.items
    at = next(
        (
            i
            for i, it in enumerate(items[:COVER])
            if i + 1 < len(items)
            and unclaimed(it)
            and _HEADWORD.match(it.text)
            and part.match(items[i + 1].text)
        ),
        None,
    )
    if at is None:
        return
    head = items[at]
    m = _HEADWORD.match(head.text)
    assert m is not None
    if quoted_in_article(it.text for it in items[:at]):
        head.role = "paragraph"  # an entry quoted in a column on the word: its lines as printed
    elif m["number"]:
        ctx.record(
            m["number"],
            "the dictionary's homograph number after the headword",
            head.line,
            "dictionary.homograph",
        )
    if head.role is None:
        head.text, head.kind = m["word"], "title"
    labels = {key(s) for s in ctx.rules.strings("dictionary_entry", "sections")}
    sense: Item | None = None
    first: Item | None = None  # the first sense of the senses in a row: the list's
    section: Item | None = None
    previous = head
    for it in items[at + 1 :]:
        if not unclaimed(it):
            sense = section = None
            previous = it
            continue
        if it.attrs.get("after_blank"):
            sense = None
        if len(it.text) <= MAX_LABEL and key(_COUNT.sub("", it.text)) in labels:
            it.role, section, sense = "heading", it, None  # "관용구·속담(1)", "역사 정보"
        elif (marks := readings(it.text)) and marks[0].punctuation == "corner":
            first = first if previous.role == "list-item" and first is not None else it
            sense = _as_sense(it, first, marks[0])
        elif sense is not None and _EXAMPLE.match(it.text) and it.line == previous.line + 1:
            # its example: a broken line of the sense's item
            it.role, it.kind, it.attrs["br_group"] = "list-item", "list-item", sense.attrs["br_group"]
            it.attrs["list"] = sense.attrs["list"]
        elif (
            section is not None
            or previous is head
            or (previous.role == "paragraph" and not it.attrs.get("after_blank"))
        ):
            it.role = "paragraph"  # the head's lines; an idiom and its sense
        previous = it


def _as_sense(item: Item, first: Item, mark: Reading) -> Item:
    """``item`` a numbered sense (``「2」 일이 한창인 고비.``): an item of the list ``first`` opens, its
    mark cut (the list prints it), and of the reader's kind, so that its examples join it."""
    as_list_item(item, first, mark.length)
    item.kind = "list-item"
    start = first.attrs.get("start", str(mark.number))
    numbered = {"ordered": "1", "start": start, "style": mark.style, "punctuation": mark.punctuation}
    item.attrs.update({"br_group": f"sense-{item.line}", **numbered})
    return item
