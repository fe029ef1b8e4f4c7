"""IR inline runs set by the line breaker: the adapter from :mod:`bookmaker.ir` runs to the breaker's
:class:`~bookmaker.korean.linebreak.Run` (the templates' ``set_lines`` filter).

Each piece of text becomes a run measured in the face and size the print stylesheet gives it —
strong in bold Gothic, emphasis in the other family (Gothic in Myeongjo text, Myeongjo in Gothic
text), code in the monospace face at 90 %, superscripts, subscripts and note numbers at 70 % — and
is drawn between the markup of the marks around it (``<strong>``, ``<a href>`` …, as the inlines
filter writes them), repeated on each line it reaches. A link's words never break inside; no line
starts with a note number, and the note itself (``span.fn``) follows its first reference. A line
break ends a line: the text before and after it are set one after the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from bookmaker.fonts.faces import SANS
from bookmaker.ir import (
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    NoteRef,
    Ruby,
    Strong,
    Subscript,
    Superscript,
    Text,
)
from bookmaker.korean.linebreak import Run
from bookmaker.layout.inlines import followable, noteref_parts, ruby_text, tags
from bookmaker.layout.print_layout import BlockKind, PrintLayout

SMALL = 0.7  # superscripts, subscripts, note numbers (print.css.j2)
CODE = 0.9  # inline code

Tags = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Mark:
    """What the marks around a piece of text make of it."""

    family: str = "body"  # body | serif | sans | mono
    bold: bool = False
    size: float = 1.0
    link: bool = False
    tags: Tags = ()

    @property
    def face(self) -> str:
        if self.family == "mono":
            return "mono"
        if self.family == "body":
            return "bold" if self.bold else "body"
        return f"{self.family}-bold" if self.bold else self.family

    @property
    def markup(self) -> tuple[str, str]:
        return "".join(o for o, _ in self.tags), "".join(c for _, c in reversed(self.tags))


@dataclass(slots=True)
class _Runs:
    """Runs of one paragraph, cut into segments at line breaks."""

    notes: Mapping[str, int]
    prefix: str
    emphasis: str  # the family emphasis switches to
    segments: list[list[tuple[Run, tuple[str, str]]]]

    def add(self, content: Iterable[Inline], mark: _Mark) -> None:
        for run in content:
            self._run(run, mark)

    def piece(self, text: str, mark: _Mark, *, whole: bool = False, nobreak: bool = False) -> None:
        if not text:
            return
        segment = self.segments[-1]
        run = Run(text, face=mark.face, size=mark.size, nobreak_before=nobreak, whole=whole or mark.link)
        if segment and segment[-1][1] == mark.markup and _same(segment[-1][0], run):
            run = replace(segment[-1][0], text=segment[-1][0].text + text)
            segment[-1] = (run, mark.markup)
        else:
            segment.append((run, mark.markup))

    def _run(self, run: Inline, mark: _Mark) -> None:
        if isinstance(run, Text):
            self.piece(run.value, mark)
        elif isinstance(run, Code):
            inner = replace(mark, family="mono", bold=False, size=mark.size * CODE)
            self.piece(run.value, _tagged(inner, ("<code>", "</code>")))
        elif isinstance(run, Ruby):
            self.piece(ruby_text(run), mark, whole=True)
        elif isinstance(run, LineBreak):
            self.segments.append([])
        elif isinstance(run, NoteRef):
            parts = noteref_parts(run, self.notes, self.prefix, in_link=mark.link)
            if parts is not None:
                opening, number, closing = parts
                small = _tagged(replace(mark, size=mark.size * SMALL), (opening, closing))
                self.piece(number, small, nobreak=True)
        else:
            self.add(getattr(run, "content", ()), _inner(run, mark, self.emphasis))


def _tagged(mark: _Mark, markup: tuple[str, str]) -> _Mark:
    return replace(mark, tags=(*mark.tags, markup))


def _same(a: Run, b: Run) -> bool:
    """Whether two runs can be one (same face and size, no break rule of their own)."""
    return (a.face, a.size, a.whole) == (b.face, b.size, b.whole) and not b.nobreak_before


def _inner(run: Inline, mark: _Mark, emphasis: str) -> _Mark:
    """The mark inside ``run`` (strong, emphasis, link, superscript, subscript, language span)."""
    inner = _tagged(mark, tags(run, "print"))
    if isinstance(run, Strong):
        return replace(inner, family="sans", bold=True)
    if isinstance(run, Emphasis):
        return replace(inner, family=emphasis)
    if isinstance(run, Link):
        return replace(inner, link=True) if followable(run.href) else inner
    if isinstance(run, Superscript | Subscript):
        return replace(inner, size=mark.size * SMALL)
    return inner


def set_lines(
    content: Sequence[Inline],
    layout: PrintLayout,
    notes: Mapping[str, int] | None = None,
    prefix: str = "",
    *,
    indent: bool = False,
    item: bool = False,
    caption: bool = False,
    credit: str | None = None,
    nest: Sequence[str] = (),
    language: str | None = None,
) -> Markup:
    """A paragraph's runs set line by line (the inside of its ``<p>``, ``<li>`` or ``<figcaption>``).

    ``item``: the first paragraph of a list item; ``caption``: a figure's caption, followed by
    ``credit``; ``nest``: the lists and quotations around the paragraph, outermost first
    (``"list"``, ``"quote"``), which narrow it and, in a quotation, set it in the quotation's size;
    ``"note"``: an editor's note, at a quotation's size and indented by a quotation's indent on
    both sides; ``language``: the document's (its English paragraphs' hyphenation,
    :meth:`PrintLayout.lines`).
    """
    scale = layout.scale
    sans_block = caption or scale.body_font == SANS.family
    runs = _Runs(notes or {}, prefix, "serif" if sans_block else "sans", [[]])
    runs.add(content, _Mark())
    if credit:
        runs.piece(" " + credit, _Mark(tags=(('<span class="credit">', "</span>"),)))
    kind: BlockKind
    if caption:
        kind, inset = "caption", 0.0
    elif item:  # the first list's indent is the item kind's own
        kind, inset = "item", nest_inset(layout, nest) - _list_pt(layout, nest)
    elif "quote" in nest or "note" in nest:  # ... and the first quotation's the quote kind's
        kind, inset = "quote", nest_inset(layout, nest) - scale.quote_indent_em * scale.quote_pt
    else:
        kind, inset = "paragraph", nest_inset(layout, nest)
    out = Markup("")
    for number, segment in enumerate(part for part in runs.segments if part):
        out += layout.set_runs(
            [run for run, _ in segment],
            kind=kind,
            indent=indent and number == 0,
            inset_pt=inset,
            tags=[markup for _, markup in segment],
            language=language,
        )
    return out


def set_cell(
    content: Sequence[Inline],
    layout: PrintLayout,
    notes: Mapping[str, int] | None = None,
    prefix: str = "",
    *,
    width_pt: float,
    size_pt: float,
    header: bool = False,
) -> Markup:
    """A table cell's runs set line by line, ragged right, ``width_pt`` wide at ``size_pt`` (a
    table whose words do not all fit whole: :mod:`bookmaker.layout.print_tables`); a header cell
    in bold Gothic."""
    scale = layout.scale
    family = scale.heading_font if header else scale.body_font
    runs = _Runs(notes or {}, prefix, "serif" if family == SANS.family else "sans", [[]])
    runs.add(content, _Mark(bold=header))
    out = Markup("")
    for segment in (part for part in runs.segments if part):
        out += layout.cell(
            [run for run, _ in segment],
            width_pt=width_pt,
            size_pt=size_pt,
            family=family,
            tags=[markup for _, markup in segment],
        )
    return out


def _list_pt(layout: PrintLayout, nest: Sequence[str]) -> float:
    """A list's indent (its font size is a quotation's inside one)."""
    scale = layout.scale
    return scale.list_indent_em * (scale.quote_pt if "quote" in nest else scale.body_pt)


def nest_inset(layout: PrintLayout, nest: Sequence[str]) -> float:
    """How much narrower than the column the lists, quotations and notes ``nest`` make a block, in pt."""
    quote_pt = layout.scale.quote_indent_em * layout.scale.quote_pt
    quotes = nest.count("quote") + 2 * nest.count("note")
    return nest.count("list") * _list_pt(layout, nest) + quotes * quote_pt
