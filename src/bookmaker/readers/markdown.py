"""Markdown reader: CommonMark with GFM tables and footnotes, through markdown-it-py.

YAML front matter (mdit-py-plugins' ``front_matter``, read by :mod:`bookmaker.yaml_input`) gives the
hints: title, subtitles (``subtitle``/``subtitles``/``deck``, else a one-line ``description`` of
up to 150 characters), authors (a name, or ``{name, role, email, affiliation(s)}``), date, publisher,
series, language, url, a paper's ``doi``/``isbn``/``issn`` and ``journal`` (``volume``, ``issue``,
``pages``), theme and settings. The
front matter's title wins over a shorter first heading (``# hangul-sort``), which is its line
(normalization's title pass). The body is parsed by markdown-it-py (``commonmark`` preset,
``table`` and ``strikethrough`` on, ``footnote``, ``deflist`` and ``dollarmath`` plugins) and converted by
:mod:`bookmaker.readers.markdown_ir`:

- A heading is a line of its own with its level (the first level-1 heading is the title line).
- A paragraph becomes article lines with their inline runs. A soft line break inside it joins the
  lines, as CommonMark says, except after a line that ends a sentence or is short (under 40
  characters): article scrapes saved as Markdown put a byline, a date or a copyright line on a line
  of its own, and normalization must see it alone. A hard line break (two spaces or ``\\`` at the
  end of a line) stays a line break inside the paragraph. A line that starts with an image is a
  figure (its caption: the rest of the line, the image title, or the alt text).
- Tables, lists, block quotes, code, thematic breaks and footnote definitions are whole blocks
  (``SourceLine.block``): normalization keeps them as they are.

Obsidian's own syntax (``%% comments %%``, ``[[wiki links]]``, ``![[image.png]]``, ``> [!tip]``
callouts, a closing backlinks list) is rewritten first, line for line (:mod:`bookmaker.readers.obsidian`);
so are a documentation site's boxes and components (admonitions, Pandoc's fenced divs, MDX imports and
tags: :mod:`bookmaker.readers.doc_boxes`), a static-site generator's Liquid tags, kramdown attribute
lists and Hugo shortcodes (:mod:`bookmaker.readers.static_site`), and a line opening with a dotted date
(``2026. 11. 30.``), which is no numbered list. Hugo's TOML front matter (``+++``) gives the same hints
as YAML; a paper's ``abstract`` opens the text; TeX math, citations and cross references stay as
written, with a warning (:mod:`bookmaker.readers.markdown_front`).

Every source line keeps its number (markdown-it's token maps). Input limits: the source lines
are checked before parsing; tables over ``max_table_cells`` are refused while parsing (before
their cells are read), nesting over ``max_nesting`` while converting.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from bookmaker.errors import InputError
from bookmaker.identifiers import identifier
from bookmaker.ir import Block, Container, Figure, Identifier, IdentifierScheme, Inline, plain
from bookmaker.limits import DEFAULT, Limits
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.doc_boxes import rewrite_boxes
from bookmaker.readers.markdown_front import abstract_lines, markup_warnings, toml_front_matter
from bookmaker.readers.markdown_html import fill_style_gaps
from bookmaker.readers.markdown_ir import Converter, Segment, TopText, image_line
from bookmaker.readers.obsidian import body_start, desugar
from bookmaker.readers.static_site import desugar_templates
from bookmaker.readers.text import read_bytes, source_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

WRAP_MIN = 40  # a line at least this long that does not end a sentence continues on the next
MAX_DESCRIPTION = 150


_DATE_LINE = re.compile(r"^(?P<year>\s{0,3}\d{4})\.(?=\s+\d{1,2}\.\s*\d{1,2}\.?(?:\s|$))")


def dates_not_lists(text: str) -> str:
    """A line opening with a date written with dots (``2026. 11. 30. 21:14``, as Korean blogs print a
    post's date) is text: CommonMark would read ``2026.`` as a numbered list's first marker, the month
    and the day as lists nested in it. Fenced code is left as it is."""
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None or m:
            if m and (fence is None or m.group(1) == fence):
                fence = None if fence else m.group(1)
            continue
        lines[index] = _DATE_LINE.sub(r"\g<year>\\.", line)
    return "\n".join(lines)


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _front_matter(content: str, path: Path) -> dict[str, Any]:
    from bookmaker.yaml_input import load_yaml  # bounded: aliases, depth, value lengths

    data = load_yaml(content, f"{path.name}: front matter") or {}
    if not isinstance(data, dict):
        raise InputError(f"{path.name}: front matter must be a mapping")
    return data


def _deck_like(description: object) -> str | None:
    """A static site's ``description`` (Jekyll, Hugo, Docusaurus) as the subtitle when it is one
    line short enough for a deck; a longer summary is no subtitle."""
    text = str(description).strip() if isinstance(description, str | int | float) else ""
    return text if text and "\n" not in text and len(text) <= MAX_DESCRIPTION else None


_WIKI_LINK = re.compile(r"^\s*\[\[(?:[^\[\]|]*\|)?(?P<name>[^\[\]|]+)\]\]\s*$")


def _unlinked(value: object) -> object:
    """A wiki link's text (``[[책수다]]``, ``[[people/김하늘|김하늘]]``): an Obsidian note's
    front matter links its author to a note of its own."""
    m = _WIKI_LINK.match(value) if isinstance(value, str) else None
    return m["name"].strip() if m else value


_SCHEMES: tuple[IdentifierScheme, ...] = ("doi", "isbn", "issn")


def _citation(low: dict[str, Any]) -> dict[str, object]:
    """``doi``, ``isbn``, ``issn`` (an invalid one is an error: the user typed it) and ``journal``
    with ``volume``, ``issue``, ``pages``."""
    found: dict[str, object] = {}
    identifiers: list[Identifier] = []
    for scheme in _SCHEMES:
        if low.get(scheme):
            ident = identifier(scheme, str(low[scheme]))
            if ident is None:
                raise InputError(f"front matter {scheme}: {low[scheme]!r} is not a valid {scheme.upper()}")
            identifiers.append(ident)
    if identifiers:
        found["identifiers"] = identifiers
    if low.get("journal"):
        parts = {
            key: str(low[key]) if low.get(key) is not None else None for key in ("volume", "issue", "pages")
        }
        found["container"] = Container(title=str(low["journal"]), **parts)
    return found


def _hints(fm: dict[str, Any]) -> dict[str, object]:
    hints: dict[str, object] = {}
    low = {str(k).lower(): v for k, v in fm.items()}
    if low.get("title"):
        hints["title"] = str(low["title"])
    clipped = bool(low.get("source"))  # a web clipper's page: its description is the page's summary
    subs = (
        low.get("subtitles")
        or low.get("subtitle")
        or low.get("deck")
        or (None if clipped else _deck_like(low.get("description")))
    )
    if subs:
        hints["subtitles"] = [str(s) for s in (subs if isinstance(subs, list) else [subs])]
    authors = low.get("authors") or low.get("author")
    if authors:
        hints["authors"] = [_unlinked(a) for a in (authors if isinstance(authors, list) else [authors])]
    date = low.get("date") or low.get("published")  # "published": a web clipper's (Obsidian's) key
    if date:
        hints["date"] = date if not isinstance(date, str) else date.strip()
    if low.get("publisher"):
        hints["publisher"] = str(low["publisher"])
    series = low.get("series")
    if series:
        hints["series"] = [str(s) for s in (series if isinstance(series, list) else [series])]
    lang = low.get("language") or low.get("lang")
    if lang:
        hints["language"] = str(lang)
    if low.get("url"):
        hints["url"] = str(low["url"])
    hints.update(_citation(low))
    if low.get("theme") or low.get("settings"):  # the design: see layout/style.py
        hints["theme"] = str(low["theme"]) if low.get("theme") else None
        hints["settings"] = low.get("settings") or {}
    return hints


def _counted_table(limits: Limits, name: str, state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's GFM table rule, refusing a table over the cell limit before its rows are
    read (the rows are counted as the rule counts them, stopping at the limit), and keeping the
    cells of a row past the header's count (``meta["excess"]``)."""
    from markdown_it.common.utils import mdTrim
    from markdown_it.rules_block.table import escapedSplit, getLine, table

    if not table(state, start, end, True):
        return False
    if silent:
        return True
    columns = len([cell for cell in getLine(state, start + 1).split("|") if cell.strip()])
    terminators = state.md.block.ruler.getRules("blockquote")
    rows, line = 1, start + 2
    while line < end and rows * columns <= limits.max_table_cells:
        text = mdTrim(getLine(state, line))
        if state.sCount[line] < state.blkIndent or not text or state.is_code_block(line):
            break
        if any(rule(state, line, end, True) for rule in terminators):
            break
        rows, line = rows + 1, line + 1
    limits.check_table(rows * columns, name, start + 1)
    first = len(state.tokens)
    table(state, start, end, False)
    cells = rows * columns
    for row in [token for token in state.tokens[first:] if token.type == "tr_open"][1:]:
        split = escapedSplit(mdTrim(getLine(state, row.map[0]))) if row.map else []
        if split and split[0] == "":
            split.pop(0)
        if split and split[-1] == "":
            split.pop()
        if len(split) > columns:
            row.meta["excess"] = [mdTrim(cell) for cell in split[columns:]]
            cells += len(split) - columns
    limits.check_table(cells, name, start + 1)
    return True


def parser(limits: Limits = DEFAULT, name: str = "input") -> MarkdownIt:
    """The markdown-it parser the reader uses, bound to ``limits`` (errors name the file ``name``)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # nesting past the limit is refused by the converter; markdown-it's own guard (which stops
    # parsing silently) sits above it: a list level takes two of its levels
    md = MarkdownIt("commonmark", {"maxNesting": 2 * limits.max_nesting + 4})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin, inline=True, move_to_end=False).use(deflist_plugin)
    # TeX between dollars ($…$, $$…$$) is read as written (no backslash escapes taken out); a
    # dollar beside a digit or a space is money ($100에서 $200), not math
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, allow_labels=False)
    md.block.ruler.at("table", partial(_counted_table, limits, name), {"alt": ["paragraph", "reference"]})
    return md


def _wrapped(text: str) -> bool:
    """A hard-wrapped prose line continues on the next line (short lines stand alone)."""
    return len(text) >= WRAP_MIN and not re.search(r"[.!?。…\"”’)]$", text.rstrip())


class _Lines:
    """Top-level entries → article lines."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        self.out: list[SourceLine] = []
        self.titled = False
        self.text_line: int | None = None
        """The first line of the last paragraph or heading: an image inside a link there follows
        it as a figure on that line."""

    def add(self, entry: TopText | Block) -> None:
        if isinstance(entry, TopText):
            self.text_line = entry.lines[0] if entry.lines else None
        elif not isinstance(entry, Figure):
            self.text_line = None  # a table's, a list's figures keep no line of their own
        if isinstance(entry, TopText) and entry.kind == "heading":
            self._heading(entry)
        elif isinstance(entry, TopText):
            self._paragraph(entry.segments, {"callout": "1"} if entry.callout else {})
        elif isinstance(entry, Figure):
            self._figure(entry, self.text_line)
        else:
            self._block(entry)

    def _line(self, text: str, lines: list[int], kind: str | None, **extra: Any) -> None:
        attrs: dict[str, str] = extra.pop("attrs", {})
        first = lines[0] if lines else 1
        if lines and lines[-1] > first:
            attrs["last_line"] = str(lines[-1])
        self.out.append(SourceLine(text, first, kind, attrs, **extra))

    def _heading(self, entry: TopText) -> None:
        runs, figures = self.converter.joined(entry.segments)
        kind = "title" if entry.level == 1 and not self.titled else "heading"
        self.titled = self.titled or kind == "title"
        lines = [entry.segments[0].line, entry.segments[-1].line] if entry.segments else entry.lines
        self._line(plain(runs), lines, kind, attrs={"level": str(entry.level)}, content=runs)
        for figure in figures:
            self._figure(figure, lines[0] if lines else None)

    def _paragraph(self, segments: list[Segment], attrs: dict[str, str]) -> None:
        group: list[Segment] = []
        for segment in segments:
            figure = image_line(segment)
            if figure is not None:
                self._text(group, attrs)
                group = []
                self._figure(figure)
                continue
            if group and not segment.hard and not _wrapped(plain(self.converter.joined(group)[0])):
                self._text(group, attrs)
                group = []
            group.append(segment)
        self._text(group, attrs)

    def _text(self, group: list[Segment], attrs: dict[str, str]) -> None:
        if not group:
            return
        runs, figures = self.converter.joined(group)
        self._line(plain(runs), [group[0].line, group[-1].line], None, content=runs, attrs=dict(attrs))
        for figure in figures:
            self._figure(figure, group[0].line)

    def _figure(self, figure: Figure, line: int | None = None) -> None:
        """A figure with a caption is a caption line (normalization splits credits off captions);
        one without is a block. ``line``: the line of the text an image inside a link came from."""
        if not figure.lines and line is not None:
            figure = msgspec.structs.replace(figure, lines=[line, line])
        if not figure.caption:
            self._block(figure)
            return
        attrs = {"src": figure.src or ""}
        if figure.alt:
            attrs["alt"] = figure.alt
        if figure.credit:
            attrs["credit"] = figure.credit
        caption: list[Inline] = figure.caption
        self._line(plain(caption), figure.lines, "caption", attrs=attrs, content=caption)

    def _block(self, block: Block) -> None:
        kind = str(type(block).__struct_config__.tag)
        self._line(block.text, block.lines, kind, block=block)


def read_markdown(
    data: bytes, path: Path, encoding: str | None = None, limits: Limits = DEFAULT
) -> RawDocument:
    """Read a Markdown article with optional YAML front matter."""
    text, src = read_bytes(data, path, encoding, "markdown")
    limits.check_lines(source_lines(text), path.name)  # before any pattern meets a line
    original = source_lines(text)
    text, toml = toml_front_matter(text, path)  # Hugo's +++ … +++, its lines left blank
    text, obsidian = desugar(text)  # Obsidian's comments, wiki links, embeds, callouts
    boxes = rewrite_boxes(text, body_start(text.split("\n")))  # admonitions, fenced divs, MDX
    text = "\n".join(boxes.lines)
    text, templates, template_warnings = desugar_templates(text)  # Jekyll's Liquid and kramdown, Hugo's
    text = dates_not_lists(text)  # "2026. 11. 30." opens no numbered list
    text = fill_style_gaps(text)  # a notebook's DataFrame: its <style> must not end the HTML block
    source = source_lines(text)  # numbered as markdown-it and editors number them
    limits.check_lines(source, path.name)
    md = parser(limits, path.name)
    env: dict[str, Any] = {}
    try:
        tokens = md.parse(text, env)
    except RecursionError:  # a guard: the nesting limits stop deep input before this
        raise InputError(f"{path.name}: Markdown nested too deeply to read") from None
    fm: dict[str, Any] = toml or {}
    if tokens and tokens[0].type == "front_matter":
        fm = _front_matter(tokens[0].content, path)
    converter = Converter(md, env, limits, path.name, source)
    lines = _Lines(converter)
    lines.out.extend(abstract_lines(fm, original))
    for entry in converter.convert(tokens):
        lines.add(entry)
    if not lines.out and not fm:
        raise InputError(f"{path.name}: input is empty")
    return RawDocument(
        lines=lines.out,
        source=src,
        hints=_hints(fm),
        warnings=[
            *_unused_keys(fm),
            *_struck_out(tokens),
            *template_warnings,
            *boxes.warnings,
            *markup_warnings(tokens),
        ],
        removed=[*obsidian, *templates, *boxes.removed, *converter.removed],
    )


_USED_KEYS = frozenset(
    {
        "title", "subtitle", "subtitles", "deck", "description", "source", "author", "authors", "date",
        "published", "publisher", "series", "language", "lang", "url", "theme", "settings", *_SCHEMES,
        "journal", "volume", "issue", "pages", "abstract",
    }
)  # fmt: skip


def _unused_keys(fm: dict[str, Any]) -> list[str]:
    """A warning naming the front matter's keys the book has no place for (``tags``, ``layout``):
    they are not lost silently."""
    unused = [str(key) for key in fm if str(key).lower() not in _USED_KEYS]
    return [f"front matter keys not used: {', '.join(unused)}"] if unused else []


def _struck_out(tokens: list[Any]) -> list[str]:
    """A warning per block with ``~~struck out~~`` text: the IR has no such mark, the text stays."""
    lines = sorted(
        {
            token.map[0] + 1
            for token in tokens
            if token.type == "inline" and token.map and any(c.type == "s_open" for c in token.children or ())
        }
    )
    if not lines:
        return []
    where = ", ".join(map(str, lines))
    return [f"line{'s' if len(lines) > 1 else ''} {where}: struck-out text (~~…~~) is kept as ordinary text"]
