"""Inline runs as HTML, for both renditions (the templates' ``inlines`` filter).

Strong importance is set in Gothic bold and emphasis in Gothic (Hangul has no italic, and a
slanted Hangul is a synthetic distortion): the stylesheets style ``strong`` and ``em`` so. In the
EPUB rendition a Korean word with a digit, Latin letter or symbol inside is wrapped in
``span.eojeol`` (reading systems break such a word where ``keep-all`` alone would not); in the
print rendition every word's letters are glued with word joiners (WeasyPrint ignores ``keep-all``),
across the edges of marks too (``**크게**했다``).
Footnote references link to their note (``notes``: note id → number in the chapter).

Print: the first reference to a note also carries the note itself, ``span.fn`` (``float:
footnote``), so it is set at the foot of the page of its reference (:class:`PrintNotes` remembers
which notes were placed); a ruby is set as ``漢字(한자)`` (WeasyPrint has no ruby layout).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from bookmaker.ir import (
    Block,
    Code,
    Document,
    Emphasis,
    Footnote,
    Inline,
    LineBreak,
    Link,
    NoteRef,
    Paragraph,
    Ruby,
    Span,
    Strong,
    Subscript,
    Superscript,
    Text,
    inlines_of,
    plain,
    runs,
    walk,
)
from bookmaker.korean.eojeol import keep_words
from bookmaker.korean.keep_all import WORD_JOINER, join_words

Rendition = Literal["epub", "print"]
LINK_SCHEMES = frozenset({"http", "https", "mailto"})  # what the HTML reader keeps (html_inline.py)


def referenced_notes(doc: Document) -> set[str]:
    """The ids of the footnotes some reference in ``doc`` points to."""
    return _referenced(doc.blocks)


def _referenced(blocks: Iterable[Block]) -> set[str]:
    return {
        run.note
        for block in walk(blocks)
        for sequence in inlines_of(block)
        for run in runs(sequence)
        if isinstance(run, NoteRef)
    }


class NoteNumbers(dict[str, int]):
    """An article's note numbers that remember which notes were referred to: only the first
    reference to a note carries the id its note links back to (a note cited twice, as a wiki's
    sources are, would otherwise repeat an id: EPUBCheck's RSC-005)."""

    def __init__(self, numbers: Mapping[str, int], referred: Iterable[str] = ()) -> None:
        super().__init__(numbers)
        self.referred: set[str] = set(referred)

    def first(self, note: str) -> bool:
        """Whether this is the first reference to ``note`` (and remember it)."""
        if note in self.referred:
            return False
        self.referred.add(note)
        return True


def note_numbers(doc: Document, cut: RunNotes | None = None) -> NoteNumbers:
    """Each footnote's number in ``doc``: the order of first reference, then unreferenced notes
    (for a run of an article's blocks, ``cut`` holds the whole article's and the notes earlier
    runs referred to)."""
    if cut is not None:
        return NoteNumbers(cut.numbers, cut.placed)
    numbers: dict[str, int] = {}
    for block in walk(doc.blocks):
        for sequence in inlines_of(block):
            for run in runs(sequence):
                if isinstance(run, NoteRef) and run.note not in numbers:
                    numbers[run.note] = len(numbers) + 1
    for note in doc.footnotes():
        numbers.setdefault(note, len(numbers) + 1)
    return NoteNumbers(numbers)


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
    if rendition == "print":
        items = list(content)
        return Markup(_PrintRuns(plain(items), numbers, prefix).render(items))
    return Markup("".join(_epub_run(run, numbers, prefix) for run in content))


def tags(run: Inline, rendition: Rendition) -> tuple[str, str]:
    """The opening and closing tags of a run that holds runs (strong, emphasis, link, superscript,
    subscript, language span); ``("", "")`` for any other run."""
    if isinstance(run, Strong):
        return "<strong>", "</strong>"
    if isinstance(run, Emphasis):
        return "<em>", "</em>"
    if isinstance(run, Link):
        if not followable(run.href):  # its words, not a link to nowhere (print: a file:// path)
            return "<span>", "</span>"
        title = f' title="{escape(run.title)}"' if run.title else ""
        return f'<a href="{escape(run.href)}"{title}>', "</a>"
    if isinstance(run, Superscript):
        return "<sup>", "</sup>"
    if isinstance(run, Subscript):
        return "<sub>", "</sub>"
    if isinstance(run, Span):
        lang = escape(run.lang)
        extra = f' xml:lang="{lang}"' if rendition == "epub" else ""
        return f'<span lang="{lang}"{extra}>', "</span>"
    return "", ""


def followable(href: str) -> bool:
    """Whether a reading system can follow a link to ``href`` from the book: a web or mail address.
    A relative one (a README's ``CONTRIBUTING.md``, a Markdown heading's ``#설치``) names a file or
    an anchor the book does not have (EPUBCheck's RSC-007, RSC-012; calibre's 'not found')."""
    return urlsplit(href.strip()).scheme.lower() in LINK_SCHEMES


def _epub_run(run: Inline, notes: Mapping[str, int], prefix: str) -> str:
    if isinstance(run, Text):
        return keep_words(run.value)
    if isinstance(run, Code):
        return f"<code>{escape(run.value)}</code>"
    if isinstance(run, LineBreak):
        return "<br/>"
    if isinstance(run, NoteRef):
        number = notes.get(run.note)
        if number is None:  # a reference to a note that does not exist: nothing to link to
            return ""
        first = notes.first(run.note) if isinstance(notes, NoteNumbers) else True
        anchor = f' id="{ref_id(run.note, prefix)}"' if first else ""
        return (
            f'<a class="noteref" epub:type="noteref" role="doc-noteref"{anchor}'
            f' href="#{note_id(run.note, prefix)}">{number}</a>'
        )
    if isinstance(run, Ruby):
        return f"<ruby>{keep_words(run.base)}<rt>{escape(run.annotation)}</rt></ruby>"
    if isinstance(run, Link) and not followable(run.href):  # its text, not a link to nowhere
        return "".join(_epub_run(item, notes, prefix) for item in run.content)
    opening, closing = tags(run, "epub")
    if not opening:
        raise TypeError(f"not an inline run: {run!r}")
    return opening + "".join(_epub_run(item, notes, prefix) for item in getattr(run, "content", ())) + closing


# --- print ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RunNotes:
    """The footnotes of an article cut into runs of blocks (a big book's chunks), as one run needs
    them: every note's number in the whole article, the definitions of the notes this run refers
    to first (set at the foot of its pages), and the notes earlier runs have placed."""

    numbers: dict[str, int]
    definitions: dict[str, Footnote]
    placed: frozenset[str]

    @classmethod
    def cut(cls, doc: Document, bounds: Sequence[tuple[int, int]]) -> list[RunNotes]:
        """The notes of each run ``doc.blocks[first:last]`` of ``doc`` for ``(first, last)`` in
        ``bounds``: consecutive runs from the first block on."""
        numbers, definitions = note_numbers(doc), doc.footnotes()
        cuts = []
        earlier: set[str] = set()  # referred to in the runs before
        for first, last in bounds:
            referred = _referenced(doc.blocks[first:last])
            here = referred - earlier
            cuts.append(
                cls(numbers, {n: definitions[n] for n in here if n in definitions}, frozenset(earlier))
            )
            earlier |= referred
        return cuts


class PrintNotes(dict[str, int]):
    """An article's note numbers (:func:`note_numbers`) with the notes' definitions, for the print
    rendition: the first reference to a note takes its definition along (:meth:`take`). For a run
    of an article's blocks, ``run`` gives the whole article's numbers and what the run needs."""

    def __init__(self, doc: Document, run: RunNotes | None = None) -> None:
        super().__init__(note_numbers(doc) if run is None else run.numbers)
        self.definitions: dict[str, Footnote] = doc.footnotes()
        self.placed: set[str] = set()
        if run is not None:
            self.definitions.update(run.definitions)
            self.placed.update(run.placed)

    def take(self, note: str) -> Footnote | None:
        """The definition of ``note`` the first time it is asked for, else None."""
        if note in self.placed or note not in self.definitions:
            return None
        self.placed.add(note)
        return self.definitions[note]


def print_notes(doc: Document, run: RunNotes | None = None) -> PrintNotes:
    """The print rendition's :class:`PrintNotes` of ``doc`` (the templates' ``note_numbers``)."""
    return PrintNotes(doc, run)


def noteref_parts(
    run: NoteRef, notes: Mapping[str, int], prefix: str, *, in_link: bool = False
) -> tuple[str, str, str] | None:
    """A print footnote reference as (opening markup, its number, closing markup), or None for a
    note that does not exist. The first reference to a note links to it and is followed by the note
    itself (``span.fn``, floated to the foot of the page); inside a link the number is a plain
    ``sup`` (links do not nest)."""
    number = notes.get(run.note)
    if number is None:
        return None
    target = note_id(run.note, prefix)
    definition = notes.take(run.note) if isinstance(notes, PrintNotes) else None
    if in_link:
        opening = '<sup class="noteref">'
        closing = "</sup>"
    elif definition is not None:
        opening = f'<a class="noteref" id="{ref_id(run.note, prefix)}" href="#{target}">'
        closing = "</a>"
    else:
        opening = f'<a class="noteref" href="#{target}">'
        closing = "</a>"
    if definition is not None:
        closing += footnote_html(target, number, definition.blocks, notes, prefix, in_link=in_link)
    return opening, str(number), closing


def footnote_html(
    target: str, number: int, blocks: Iterable[Block], notes: Mapping[str, int], prefix: str, *, in_link: bool
) -> str:
    """A note as ``span.fn`` (``float: footnote``): its paragraphs' runs, other blocks as their text.
    A reference inside a note is a number only: the note it names is not set inside this one."""
    numbers = dict(notes)
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(_PrintRuns(block.text, numbers, prefix, in_link=in_link).render(block.content))
        else:
            parts.append("<br/>".join(str(escape(join_words(line))) for line in block.text.splitlines()))
    return f'<span class="fn" id="{target}" data-n="{number}">{"<br/>".join(parts)}</span>'


def ruby_text(run: Ruby) -> str:
    """A ruby as print sets it: ``漢字(한자)``."""
    return f"{run.base}({run.annotation})"


class _PrintRuns:
    """Runs as print HTML: each word glued by word joiners, also where it crosses a mark's edge
    (``text``: the plain text of the whole sequence, to see what is on either side of a run)."""

    def __init__(self, text: str, notes: Mapping[str, int], prefix: str, *, in_link: bool = False) -> None:
        self.text = text
        self.notes = notes
        self.prefix = prefix
        self.in_link = in_link
        self.offset = 0

    def render(self, content: Iterable[Inline]) -> str:
        return "".join(self._run(run) for run in content)

    def _glued(self, value: str, shown: str | None = None) -> str:
        """``shown`` (default ``value``, the plain text at the offset) glued, with a joiner at an
        edge that touches a letter of the neighbouring run."""
        start, end = self.offset, self.offset + len(value)
        self.offset = end
        shown = value if shown is None else shown
        glued = join_words(shown)
        if glued and not glued[0].isspace() and start > 0 and not self.text[start - 1].isspace():
            glued = WORD_JOINER + glued
        if glued and not glued[-1].isspace() and end < len(self.text) and not self.text[end].isspace():
            glued += WORD_JOINER
        return str(escape(glued))

    def _run(self, run: Inline) -> str:
        if isinstance(run, Text):
            return self._glued(run.value)
        if isinstance(run, Code):
            return f"<code>{self._glued(run.value)}</code>"
        if isinstance(run, Ruby):
            return self._glued(run.base, ruby_text(run))
        if isinstance(run, LineBreak):
            self.offset += len(run.text)
            return "<br/>"
        if isinstance(run, NoteRef):
            parts = noteref_parts(run, self.notes, self.prefix, in_link=self.in_link)
            return "" if parts is None else "".join(parts)
        opening, closing = tags(run, "print")
        if not opening:
            raise TypeError(f"not an inline run: {run!r}")
        outer = self.in_link
        self.in_link = outer or (isinstance(run, Link) and followable(run.href))
        inner = self.render(getattr(run, "content", ()))
        self.in_link = outer
        return opening + inner + closing
