"""Inline runs as HTML, for both renditions (the templates' ``inlines`` filter).

Strong importance is set in Gothic bold and emphasis in Gothic (Hangul has no italic, and a
slanted Hangul is a synthetic distortion): the stylesheets style ``strong`` and ``em`` so. In the
EPUB rendition a Korean word with a digit, Latin letter or symbol inside is wrapped in
``span.eojeol`` (reading systems break such a word where ``keep-all`` alone would not); in the
print rendition every word's letters are glued with word joiners (WeasyPrint ignores ``keep-all``).
Footnote references link to their note (``notes``: note id → number in the chapter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from markupsafe import Markup, escape

from bookmaker.ir import (
    Code,
    Document,
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
    inlines_of,
    runs,
    walk,
)
from bookmaker.korean.eojeol import keep_words
from bookmaker.korean.keep_all import join_words

Rendition = Literal["epub", "print"]


def note_numbers(doc: Document) -> dict[str, int]:
    """Each footnote's number in ``doc``: the order of first reference, then unreferenced notes."""
    numbers: dict[str, int] = {}
    for block in walk(doc.blocks):
        for sequence in inlines_of(block):
            for run in runs(sequence):
                if isinstance(run, NoteRef) and run.note not in numbers:
                    numbers[run.note] = len(numbers) + 1
    for note in doc.footnotes():
        numbers.setdefault(note, len(numbers) + 1)
    return numbers


def note_id(note: str, prefix: str = "") -> str:
    """The HTML id of a footnote (``prefix``: the chapter's, in a collection's print rendition)."""
    return f"{prefix}fn-{_safe(note)}"


def ref_id(note: str, prefix: str = "") -> str:
    """The HTML id of the first reference to a footnote (its note links back there)."""
    return f"{prefix}ref-{_safe(note)}"


def _safe(note: str) -> str:
    return "".join(char if char.isalnum() or char in "-_" else "_" for char in note)


def render_inlines(
    content: Iterable[Inline], rendition: Rendition, notes: Mapping[str, int] | None = None, prefix: str = ""
) -> Markup:
    """``content`` as HTML for ``rendition`` (see the module)."""
    numbers = notes or {}
    parts: list[str] = []
    for run in content:
        parts.append(_run(run, rendition, numbers, prefix))
    return Markup("".join(parts))


def _text(value: str, rendition: Rendition) -> str:
    if rendition == "print":
        return str(escape(join_words(value)))
    return keep_words(value)


def _run(run: Inline, rendition: Rendition, notes: Mapping[str, int], prefix: str) -> str:
    def inner(items: list[Inline]) -> str:
        return str(render_inlines(items, rendition, notes, prefix))

    if isinstance(run, Text):
        return _text(run.value, rendition)
    if isinstance(run, Strong):
        return f"<strong>{inner(run.content)}</strong>"
    if isinstance(run, Emphasis):
        return f"<em>{inner(run.content)}</em>"
    if isinstance(run, Code):
        return f"<code>{escape(run.value)}</code>"
    if isinstance(run, Link):
        title = f' title="{escape(run.title)}"' if run.title else ""
        return f'<a href="{escape(run.href)}"{title}>{inner(run.content)}</a>'
    if isinstance(run, Superscript):
        return f"<sup>{inner(run.content)}</sup>"
    if isinstance(run, Subscript):
        return f"<sub>{inner(run.content)}</sub>"
    if isinstance(run, LineBreak):
        return "<br/>"
    if isinstance(run, NoteRef):
        number = notes.get(run.note)
        if number is None:  # a reference to a note that does not exist: nothing to link to
            return ""
        target = note_id(run.note, prefix)
        return (
            f'<a class="noteref" epub:type="noteref" role="doc-noteref" id="{ref_id(run.note, prefix)}"'
            f' href="#{target}">{number}</a>'
            if rendition == "epub"
            else f'<a class="noteref" id="{ref_id(run.note, prefix)}" href="#{target}">{number}</a>'
        )
    if isinstance(run, Span):
        lang = escape(run.lang)
        extra = f' xml:lang="{lang}"' if rendition == "epub" else ""
        return f'<span lang="{lang}"{extra}>{inner(run.content)}</span>'
    if isinstance(run, Ruby):
        return f"<ruby>{_text(run.base, rendition)}<rt>{escape(run.annotation)}</rt></ruby>"
    raise TypeError(f"not an inline run: {run!r}")
