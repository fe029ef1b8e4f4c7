"""markdown-it tokens → IR blocks and inline runs.

The token stream is walked with explicit stacks (no recursion), so any nesting is measured and
refused past the ``max_nesting`` limit before anything deep is built. Top-level paragraphs and
headings come back as :class:`Segment` lists (one per source line), for the reader to split into
article lines; everything else comes back as finished IR blocks. What becomes what:

- ``*em*`` → :class:`~bookmaker.ir.Emphasis`, ``**strong**`` → ``Strong``, `` `code` `` →
  ``Code``, links (with title) → ``Link``, ``[^1]`` → ``NoteRef``, a hard break → ``LineBreak``,
  a soft break → a space; ``~~struck~~`` keeps its text (the IR has no deletion mark).
- Raw inline HTML: ``<b>``/``<strong>``, ``<i>``/``<em>``, ``<sup>``, ``<sub>``, ``<a href>``,
  ``<br>``, ``<img>`` and ``<ruby>``/``<rt>`` become runs; any other tag leaves its text.
- An image that starts a line of a paragraph is a :class:`Figure` whose caption is the rest of
  that line, else the image title, else its alt text; an image title that reads like a photo
  credit (``ⓒ``, ``사진``, ``… 제공``) is the credit; so is an image alone in a link that opens it (the
  same file, or another image file). Any other image keeps its alt text where it stood and becomes a
  figure after its block.
- A ``<br>`` ending a line is a hard break; a fenced code block's ``title="main.py"`` is a line over
  it; a definition list is a list of items, each its term in bold over its definitions; a paragraph
  right after a table that opens with ``: `` or ``Table:`` is the table's caption.
- Lists (ordered, start, nested), block quotes of blocks, fenced and indented code, thematic
  breaks, GFM tables (header row, alignment; cells past the header's count are kept, not
  dropped as GFM does), footnote definitions (in place; a label defined twice keeps the first,
  the second becomes a note of its own) and HTML blocks (their visible text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import msgspec

from bookmaker.ir import (
    Block,
    Cell,
    Code,
    CodeBlock,
    Emphasis,
    Figure,
    Footnote,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    NoteRef,
    Paragraph,
    Quote,
    Removal,
    Row,
    Ruby,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    ThematicBreak,
    plain,
)
from bookmaker.limits import Limits
from bookmaker.readers.image_alt import is_file_name
from bookmaker.readers.markdown_html import TABLE_MARK, block_text, html_tables, read_tag
from bookmaker.readers.sanitize import strip_controls

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_REPR = re.compile(
    r"""Text\(-?[\d.e+-]+,\s*-?[\d.e+-]+,\s*(?:'[^'\n]*'|"[^"\n]*")\)"""
    r"|\[?<(?:matplotlib|seaborn|mpl_toolkits|Axes|AxesSubplot|Figure size)\b[^>\n]*>"
    r"(?:,\s*<(?:matplotlib|seaborn|Axes)\b[^>\n]*>)*\]?"
)
PLOT_REPR = "a notebook's output that is only a plot object's repr (Text(…), <Axes …>), no content"


def plot_repr(code: str) -> bool:
    """``code`` (a notebook output exported to Markdown: an indented block) is nothing but what a
    plotting call returned, printed by Jupyter over the plot itself: ``Text(0.5, 1.0, 'title')``,
    ``[<matplotlib.lines.Line2D at 0x7f…>]``, ``<Axes: …>``, ``<Figure size 1000x400 with 1 Axes>``."""
    lines = [line.strip() for line in code.splitlines() if line.strip()]
    return bool(lines) and all(_REPR.fullmatch(line) for line in lines)


_CREDIT = re.compile(r"^\s*(?:ⓒ|©|\(c\)|사진|출처|자료)|(?:제공|기자|특파원)\s*$", re.IGNORECASE)
_HTML_MARKS = {
    "b": "strong",
    "strong": "strong",
    "i": "em",
    "em": "em",
    "sup": "sup",
    "sub": "sub",
    "a": "link",
    "ruby": "ruby",
    "rt": "rt",
    "rp": "rp",
}
_CONTAINERS = {"blockquote", "bullet_list", "ordered_list", "footnote_reference", "dl"}
_CODE_TITLE = re.compile(r"""\btitle\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s"']+))""")
_TABLE_CAPTION = re.compile(r"^(?::|Table:|표:)\s+")
_TABLE_PARTS = {"table", "thead", "tbody", "tr", "th", "td"}
_ALIGNS: dict[str, Literal["left", "center", "right"]] = {
    "text-align:left": "left",
    "text-align:center": "center",
    "text-align:right": "right",
}


BADGE = "a status badge (a project page's build, version or licence sign, not its text)"
_BADGE_HOSTS = re.compile(
    r"^https?://(?:img\.shields\.io|badge\.fury\.io|badgen\.net|codecov\.io|coveralls\.io|"
    r"(?:api\.)?travis-ci\.(?:org|com)|circleci\.com|pepy\.tech|snyk\.io|(?:www\.)?codefactor\.io|"
    r"app\.codacy\.com|sonarcloud\.io|deepwiki\.com)/",
    re.IGNORECASE,
)
_BADGE_PATH = re.compile(r"/badge(?:\.svg)?(?:\?|$)|/badges?/|/workflows/[^/]+/badge\.svg", re.IGNORECASE)


def enlarges(href: str, src: str) -> bool:
    """A link around an image that opens the image itself (the same file, or another image file:
    a blog's full-size copy)."""
    if not href or not src:
        return False
    return href.split("?")[0] == src.split("?")[0] or bool(_IMAGE_FILE.search(href.split("?")[0]))


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp)$", re.IGNORECASE)


def is_badge(src: str | None) -> bool:
    """True for an image a badge service draws (``img.shields.io``, a CI's ``…/badge.svg``)."""
    return bool(src and (_BADGE_HOSTS.match(src) or _BADGE_PATH.search(src)))


def credit_like(title: str) -> bool:
    """An image title that names who took or gave the picture (``ⓒ연합뉴스``, ``사진=…``, ``… 제공``)."""
    return bool(_CREDIT.search(title))


@dataclass(slots=True)
class Image:
    """An image among a paragraph's runs, before it becomes a figure (not an IR type)."""

    src: str
    alt: str
    title: str | None

    def figure(self, caption: list[Inline] | None = None, lines: list[int] | None = None) -> Figure:
        """The image as a figure: the caption given, else its title unless that is a credit."""
        credit = self.title if self.title and credit_like(self.title) else None
        if caption is None:
            caption = [Text(value=self.title)] if self.title and credit is None else []
        return Figure(src=self.src, alt=self.alt or None, caption=caption, credit=credit, lines=lines or [])


Run = Inline | Image


@dataclass(slots=True)
class Segment:
    """What one source line of a paragraph holds: runs up to the next line break."""

    runs: list[Run]
    line: int
    hard: bool = False
    """The break before this line was a hard line break."""


@dataclass(slots=True)
class TopText:
    """A top-level paragraph or heading, for the reader to split into article lines."""

    kind: Literal["paragraph", "heading"]
    segments: list[Segment]
    lines: list[int]
    level: int = 0
    callout: bool = False
    """The text of an ``<aside>`` block (a Notion callout): a note set apart from the text."""


Top = TopText | Block


@dataclass(slots=True)
class _Frame:
    """An open block while its tokens are walked."""

    kind: str
    token: Token | None
    blocks: list[Block] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    head: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    after: list[Block] = field(default_factory=list)
    """Blocks that follow this one (figures of images inside it, inline notes)."""
    tops: list[Top] = field(default_factory=list)


@dataclass(slots=True)
class _Mark:
    """An open inline mark while inline tokens are walked."""

    kind: str
    runs: list[Run] = field(default_factory=list)
    href: str = ""
    title: str | None = None
    annotation: list[Run] = field(default_factory=list)
    badges: bool = False
    """Status badges were taken out of it: a link around badges only goes with them."""


class Converter:
    """Turns one document's tokens into top-level entries (see the module)."""

    def __init__(self, md: MarkdownIt, env: dict[str, object], limits: Limits, name: str, lines: list[str]):
        self.md = md
        self.env = env
        self.limits = limits
        self.name = name
        self.source = lines
        self.defined: set[str] = set()
        notes = env.get("footnotes")
        refs = notes.get("refs", {}) if isinstance(notes, dict) else {}
        self.labels = {str(label)[1:] for label in refs}  # ":label" → label
        self.inline_notes = 0
        self.removed: list[Removal] = []
        """What the document shows that is no part of its text: a project page's status badges."""

    # --- lines -----------------------------------------------------------------------------------

    def span(self, token: Token | None) -> list[int]:
        """A token's first and last source line (1-based), blank lines at its end left out."""
        if token is None or token.map is None:
            return []
        first, end = token.map[0] + 1, max(token.map[1], token.map[0] + 1)
        while end > first and end <= len(self.source) and not self.source[end - 1].strip():
            end -= 1
        return [first, end]

    # --- blocks ----------------------------------------------------------------------------------

    def convert(self, tokens: list[Token]) -> list[Top]:
        """The document's top-level entries in source order."""
        stack = [_Frame("root", None)]
        depth = 0
        for token in tokens:
            if token.nesting == 1:
                kind = token.type.removesuffix("_open")
                if kind in _CONTAINERS:
                    depth += 1
                    self.limits.check_nesting(depth, self.name, (token.map or [0])[0] + 1)
                stack.append(_Frame(kind, token))
            elif token.nesting == -1:
                frame = stack.pop()
                if frame.kind in _CONTAINERS:
                    depth -= 1
                self._close(frame, stack[-1])
            else:
                self._leaf(token, stack[-1], depth)
        return stack[0].tops

    def _add(self, parent: _Frame, entries: list[Top]) -> None:
        """Entries into their parent: the top level, or a list item's, quote's or note's blocks."""
        if parent.kind == "root":
            parent.tops.extend(entries)
        else:
            parent.blocks.extend(entry for entry in entries if not isinstance(entry, TopText))

    def _close(self, frame: _Frame, parent: _Frame) -> None:
        kind, token = frame.kind, frame.token
        lines = self.span(token)
        if kind in _TABLE_PARTS:
            self._close_table_part(frame, parent)
        elif kind == "paragraph" and parent.kind == "root":
            if not self._caption(frame.segments, parent):
                self._add(parent, [TopText("paragraph", frame.segments, lines), *frame.after])
        elif kind == "paragraph":
            self._add(parent, [*self.paragraph_blocks(frame.segments, lines), *frame.after])
        elif kind == "heading":
            level = int(token.tag[1:]) if token is not None else 2
            if parent.kind == "root":
                self._add(parent, [TopText("heading", frame.segments, lines, level), *frame.after])
            else:
                runs, figures = self.joined(frame.segments)
                self._add(parent, [Heading(content=runs, level=level, lines=lines), *figures, *frame.after])
        elif kind == "blockquote":
            self._add(parent, [Quote(blocks=frame.blocks, lines=lines)])
        elif kind in ("bullet_list", "ordered_list"):
            start = int(token.attrs.get("start", 1)) if token is not None else 1
            ordered = kind == "ordered_list"
            paren = ordered and token is not None and token.markup == ")"  # 1) 2): as written
            block = ListBlock(
                items=frame.items,
                ordered=ordered,
                start=start,
                punctuation="paren" if paren else None,
                lines=lines,
            )
            self._add(parent, [block])
        elif kind == "list_item":
            parent.items.append(ListItem(blocks=frame.blocks))
        elif kind == "dl":  # a definition list: an item per term, the term in bold over its definitions
            self._add(parent, [ListBlock(items=frame.items, lines=lines)])
        elif kind == "dt":
            runs, figures = self.joined(frame.segments)
            term: list[Block] = [Paragraph(content=[Strong(content=runs)], lines=lines)]
            parent.items.append(ListItem(blocks=[*term, *figures, *frame.after]))
        elif kind == "dd":
            if not parent.items:
                parent.items.append(ListItem(blocks=[]))
            parent.items[-1].blocks.extend(frame.blocks)
        elif kind == "footnote_reference":
            label = str(token.meta.get("label", "")) if token is not None else ""
            self._add(parent, [Footnote(id=self._note_id(label), blocks=frame.blocks, lines=lines)])
        else:  # a container of another plugin: its blocks stay
            self._add(parent, list(frame.blocks))

    def _caption(self, segments: list[Segment], parent: _Frame) -> bool:
        """A paragraph right after a table that opens with Pandoc's caption mark (``: 표 1. …``,
        ``Table: …``) is the table's caption; True when it was taken."""
        last = parent.tops[-1] if parent.tops else None
        if not isinstance(last, Table) or last.caption or not segments:
            return False
        runs, figures = self.joined(segments)
        first = runs[0] if runs else None
        if figures or not isinstance(first, Text) or not (m := _TABLE_CAPTION.match(first.value)):
            return False
        caption = merge_text([Text(value=first.value[m.end() :]), *runs[1:]])
        lines = [last.lines[0], segments[-1].line] if last.lines else last.lines
        parent.tops[-1] = msgspec.structs.replace(last, caption=caption, lines=lines)
        return True

    def _close_table_part(self, frame: _Frame, parent: _Frame) -> None:
        """Cells into rows, rows into the head or body, the table into its parent; figures of
        images in cells and notes in them follow the table."""
        kind, token = frame.kind, frame.token
        if kind in ("th", "td"):
            runs, figures = self.joined(frame.segments)
            style = str(token.attrs.get("style", "")) if token is not None else ""
            cell = Cell(content=runs, header=kind == "th", align=_ALIGNS.get(style))
            parent.cells.append(cell)
            frame.after[:0] = figures
        elif kind == "tr":
            excess = token.meta.get("excess") if token is not None else None
            parent.rows.append(Row(cells=[*frame.cells, *self._excess(excess, frame.after)]))
        elif kind == "thead":
            parent.head.extend(frame.rows)
        elif kind == "tbody":
            parent.rows.extend(frame.rows)
        else:
            table = Table(head=frame.head, body=frame.rows, lines=self.span(token))
            self._add(parent, [table, *frame.after])
            return
        parent.after.extend(frame.after)

    def _leaf(self, token: Token, frame: _Frame, depth: int) -> None:
        kind = token.type
        lines = self.span(token)
        if kind == "inline":
            segments, after = self.inlines(token.children or [], lines[0] if lines else 1, depth)
            frame.segments.extend(segments)
            frame.after.extend(after)
        elif kind in ("fence", "code_block"):
            language = token.info.split()[0] if token.info.strip() else None
            value = strip_controls(token.content.removesuffix("\n"))
            if kind == "code_block" and plot_repr(value):
                line = lines[0] if lines else 1
                self.removed.append(
                    Removal(text=value.strip(), reason=PLOT_REPR, line=line, rule="markdown.plot-repr")
                )
                return
            title = _CODE_TITLE.search(token.info) if kind == "fence" else None
            if title is not None:  # a file name over the code (```python title="main.py"```)
                name = next(v for v in title.groups() if v is not None)
                self._add(frame, self._title_line(name, lines, frame.kind == "root"))
            self._add(frame, [CodeBlock(value=value, language=language, lines=lines)])
        elif kind == "hr":
            self._add(frame, [ThematicBreak(lines=lines)])
        elif kind in ("math_block", "math_block_label"):  # TeX kept as written, one paragraph
            text = "$$" + " ".join(strip_controls(token.content).split("\n")).strip() + "$$"
            if frame.kind == "root":
                segment = Segment([Text(value=text)], lines[0] if lines else 1)
                self._add(frame, [TopText("paragraph", [segment], lines)])
            else:
                self._add(frame, [Paragraph(content=[Text(value=text)], lines=lines)])
        elif kind == "html_block":
            self._add(frame, self._html_block(token.content, lines, top=frame.kind == "root"))
        # front_matter is read by the reader; anything else carries no text

    def _title_line(self, name: str, lines: list[int], top: bool) -> list[Top]:
        """A code block's title as a line of its own, the name in code type."""
        line = lines[0] if lines else 1
        if top:
            return [TopText("paragraph", [Segment([Code(value=name)], line)], lines[:1])]
        return [Paragraph(content=[Code(value=name)], lines=[line, line])]

    def _html_block(self, markup: str, lines: list[int], top: bool) -> list[Top]:
        """An HTML block's visible text, a paragraph per line (at the top level, article lines),
        its tables of content as tables (a notebook's DataFrame) and figures of its images."""
        line = lines[0] if lines else 1
        markup, tables = html_tables(strip_controls(markup), line)
        for table in tables:
            self.limits.check_table(
                sum(len(row.cells) for row in (*table.head, *table.body)), self.name, line
            )
        found = block_text(markup)
        aside = (tag := read_tag(markup.strip().split(">", 1)[0] + ">")) is not None and tag.name == "aside"
        out: list[Top] = [
            tables[int(text[len(TABLE_MARK) :])]
            if text.startswith(TABLE_MARK) and text[len(TABLE_MARK) :].isdigit()
            else TopText("paragraph", [Segment([Text(value=text)], line)], lines, callout=aside)
            if top
            else Paragraph(content=[Text(value=text)], lines=lines)
            for text in found.lines
        ]
        for attrs in found.images:
            if self.md.validateLink(attrs.get("src", "")):
                src = _clean(self.md.normalizeLink(attrs["src"]))
                image = Image(src, _clean(attrs.get("alt", "")), _clean(attrs.get("title")) or None)
                out.append(image.figure(lines=lines))
        return out

    def _note_id(self, label: str) -> str:
        """The id of a note defined with ``label``: the label, or a new id if it is taken."""
        note, copy = label, 1
        while note in self.defined or (note != label and note in self.labels):
            copy += 1
            note = f"{label} ({copy})"
        self.defined.add(note)
        return note

    def _excess(self, excess: object, after: list[Block]) -> list[Cell]:
        """The cells of a row past the header's count, which GFM would drop (see the table rule);
        figures and notes in them go to ``after``."""
        out: list[Cell] = []
        for text in excess if isinstance(excess, list) else []:
            parsed = self.md.parseInline(str(text), self.env)
            segments, more = self.inlines(parsed[0].children or [] if parsed else [], 1, 0)
            runs, figures = self.joined(segments)
            out.append(Cell(content=runs))
            after.extend([*figures, *more])
        return out

    # --- paragraphs ------------------------------------------------------------------------------

    def joined(self, segments: list[Segment]) -> tuple[list[Inline], list[Figure]]:
        """Segments as one run sequence (soft breaks as spaces; an image as its alt text), and
        figures for the images."""
        runs: list[Inline] = []
        figures: list[Figure] = []
        for index, segment in enumerate(segments):
            if index:
                runs.append(LineBreak() if segment.hard else Text(value=" "))
            for run in segment.runs:
                if isinstance(run, Image):  # its alt text stays where it stood
                    runs.append(Text(value=run.alt))
                    figures.append(run.figure())
                else:
                    runs.append(run)
        return merge_text(runs), figures

    def paragraph_blocks(self, segments: list[Segment], lines: list[int]) -> list[Block]:
        """A paragraph inside a list, quote or note: its text, then figures of its images (an
        image that starts a line takes the rest of that line as its caption)."""
        out: list[Block] = []
        text: list[Segment] = []
        for segment in segments:
            figure = image_line(segment)
            if figure is None:
                text.append(segment)
                continue
            out.extend(self._text_blocks(text, lines))
            text = []
            out.append(figure)
        out.extend(self._text_blocks(text, lines))
        return out

    def _text_blocks(self, segments: list[Segment], lines: list[int]) -> list[Block]:
        if not segments:
            return []
        runs, figures = self.joined(segments)
        span = [segments[0].line, segments[-1].line] if lines else []
        out: list[Block] = [Paragraph(content=runs, lines=span)] if plain(runs).strip() else []
        return [*out, *figures]

    # --- inlines ---------------------------------------------------------------------------------

    def inlines(self, tokens: list[Token], line: int, depth: int) -> tuple[list[Segment], list[Block]]:
        """Inline tokens as segments (a new one at each line break outside any mark) and the
        blocks that follow them (figures of images inside marks, inline notes)."""
        segments = [Segment([], line)]
        after: list[Block] = []
        marks: list[_Mark] = []

        def add(run: Run) -> None:
            (marks[-1].runs if marks else segments[-1].runs).append(run)

        def push(mark: _Mark) -> None:
            marks.append(mark)
            self.limits.check_nesting(depth + len(marks), self.name, line)

        def pop(kind: str) -> None:
            """Close the innermost open mark of ``kind`` (and any opened inside it)."""
            if not any(mark.kind == kind for mark in marks):
                return
            while marks:
                mark = marks.pop()
                closed = _finish(mark)
                if mark.kind == "rt" and marks and marks[-1].kind == "ruby":
                    marks[-1].annotation.extend(mark.runs)
                else:
                    for run in closed:
                        add(run)
                if mark.kind == kind:
                    return

        for token in tokens:
            kind = token.type
            if kind == "text":
                add(Text(value=strip_controls(token.content)))
            elif kind in ("softbreak", "hardbreak"):
                line += 1
                last = segments[-1].runs[-1] if segments[-1].runs else None
                if kind == "softbreak" and not marks and isinstance(last, LineBreak):
                    segments[-1].runs.pop()  # a <br> ending the line: the line break it is
                    kind = "hardbreak"
                if marks:
                    add(LineBreak() if kind == "hardbreak" else Text(value=" "))
                else:
                    segments.append(Segment([], line, hard=kind == "hardbreak"))
            elif kind == "code_inline":
                add(Code(value=strip_controls(token.content)))
            elif kind in ("math_inline", "math_inline_double"):  # TeX as written, delimiters and all
                dollars = "$$" if kind == "math_inline_double" else "$"
                add(Text(value=dollars + strip_controls(token.content) + dollars))
            elif kind in ("em_open", "strong_open", "s_open"):
                push(_Mark(kind.removesuffix("_open")))
            elif kind == "link_open":
                title = token.attrs.get("title")
                push(_Mark("link", href=_clean(token.attrs.get("href")), title=_clean(title) or None))
            elif kind in ("em_close", "strong_close", "s_close", "link_close"):
                pop(kind.removesuffix("_close"))
            elif kind == "image":
                image = self._image(token, line, depth + len(marks))
                if is_badge(image.src):
                    target = next((f" → {m.href}" for m in reversed(marks) if m.kind == "link"), "")
                    text = (image.alt or image.src) + target
                    self.removed.append(Removal(text=text, reason=BADGE, line=line, rule="markdown.badge"))
                    for mark in marks:
                        mark.badges = True
                elif (
                    marks
                    and marks[-1].kind == "link"
                    and not marks[-1].runs
                    and enlarges(marks[-1].href, image.src)
                ):
                    marks.pop()  # a link that only opens the image itself, larger: the image stands alone
                    add(image)
                elif marks:
                    add(Text(value=image.alt))
                    after.append(image.figure())
                else:
                    add(image)
            elif kind == "footnote_ref":
                add(NoteRef(note=self._note_ref(token, after, line, depth)))
            elif kind == "html_inline":
                self._html_tag(token.content, add, push, pop, after)
            elif token.content:  # a plugin's token: keep its text
                add(Text(value=strip_controls(token.content)))
        while marks:
            pop(marks[-1].kind)
        for segment in segments:
            segment.runs = _merge_runs(segment.runs)
        return segments, after

    def _image(self, token: Token, line: int, depth: int) -> Image:
        segments, _ = self.inlines(token.children or [], line, depth)
        alt, _ = self.joined(segments)
        title = token.attrs.get("title")
        return Image(_clean(token.attrs.get("src")), plain(alt), _clean(title) or None)

    def _note_ref(self, token: Token, after: list[Block], line: int, depth: int) -> str:
        """The note a reference points to; an inline note (``^[…]``) becomes a note after the block."""
        label = token.meta.get("label")
        if label is not None:
            return str(label)
        self.inline_notes += 1
        note = f"inline-{self.inline_notes}"
        while note in self.labels:  # a label the document defines itself
            note += "-"
        note = self._note_id(note)
        notes = self.env.get("footnotes")
        listed = notes.get("list", {}) if isinstance(notes, dict) else {}
        data = listed.get(token.meta.get("id"), {}) if isinstance(listed, dict) else {}
        segments, more = self.inlines(data.get("tokens", []), line, depth + 1)
        runs, figures = self.joined(segments)
        after.append(Footnote(id=note, blocks=[Paragraph(content=runs), *figures, *more], lines=[line, line]))
        return note

    def _html_tag(
        self,
        markup: str,
        add: Callable[[Run], None],
        push: Callable[[_Mark], None],
        pop: Callable[[str], None],
        after: list[Block],
    ) -> None:
        tag = read_tag(markup)
        if tag is None:  # a comment, a declaration
            return
        if tag.name == "br":
            add(LineBreak())
        elif tag.name == "img" and not tag.closing and self.md.validateLink(tag.attrs.get("src", "")):
            src = _clean(self.md.normalizeLink(tag.attrs["src"]))
            image = Image(src, _clean(tag.attrs.get("alt", "")), _clean(tag.attrs.get("title")) or None)
            add(Text(value=image.alt))
            after.append(image.figure())
        elif tag.name in _HTML_MARKS:
            kind = _HTML_MARKS[tag.name]
            if tag.closing:
                pop(kind)
                return
            href = tag.attrs.get("href", "")
            valid = bool(href) and self.md.validateLink(href)
            if kind == "link" and not valid:
                return  # an anchor without a usable target: its text stays plain
            push(_Mark(kind, href=_clean(self.md.normalizeLink(href)) if valid else "", title=None))


def _clean(value: object) -> str:
    return strip_controls(str(value)) if value is not None else ""


def _finish(mark: _Mark) -> list[Run]:
    """A closed mark as runs (images inside it were already taken out)."""
    content: list[Inline] = [run for run in mark.runs if not isinstance(run, Image)]
    if mark.kind == "strong":
        return [Strong(content=content)] if content else []
    if mark.kind == "em":
        return [Emphasis(content=content)] if content else []
    if mark.kind == "sup":
        return [Superscript(content=content)] if content else []
    if mark.kind == "sub":
        return [Subscript(content=content)] if content else []
    if mark.kind == "link":
        if not content and mark.badges:
            return []
        return [Link(href=mark.href, title=mark.title, content=content or [Text(value=mark.href)])]
    if mark.kind == "ruby":
        annotation = plain(run for run in mark.annotation if not isinstance(run, Image))
        base = plain(content)
        return [Ruby(base=base, annotation=annotation)] if base and annotation else list(content)
    if mark.kind == "rp":
        return []  # the parentheses shown where ruby is not supported
    return list(content)  # struck text, an unknown tag: the text stays


def _merge_runs(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if isinstance(run, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(value=out[-1].value + run.value)
        elif not (isinstance(run, Text) and not run.value):
            out.append(run)
    return out


def merge_text(runs: list[Inline]) -> list[Inline]:
    """Neighbouring text runs as one, empty ones dropped."""
    return [run for run in _merge_runs(list(runs)) if not isinstance(run, Image)]


def image_line(segment: Segment) -> Figure | None:
    """A line that starts with an image, as a figure captioned by the rest of the line."""
    runs = [run for run in segment.runs if not (isinstance(run, Text) and not run.value.strip())]
    if not runs or not isinstance(runs[0], Image):
        return None
    after = segment.runs[segment.runs.index(runs[0]) + 1 :]
    caption = _strip(merge_text([run for run in after if not isinstance(run, Image)]))
    figure = runs[0].figure(caption or None, [segment.line, segment.line])
    if not figure.caption and runs[0].alt and not is_file_name(runs[0].alt):
        figure.caption = [Text(value=runs[0].alt)]  # not "IMG_2041.jpeg": a file name captions nothing
    return figure


def _strip(runs: list[Inline]) -> list[Inline]:
    """``runs`` without leading and trailing spaces."""
    out = list(runs)
    if out and isinstance(out[0], Text):
        out[0] = Text(value=out[0].value.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(value=out[-1].value.rstrip())
    return [run for run in out if not (isinstance(run, Text) and not run.value)]
