"""Input limits: how big and how deep an input a build accepts before it stops with a clear error.

Defaults fit any real news article with a wide margin; each can be raised (or lowered) with a CLI
flag or an environment variable (the flag wins). An input over a limit is an :class:`InputError`
naming the limit and how to change it; nothing is ever silently truncated.

| limit | default | flag | environment |
|---|---|---|---|
| input size | 20 MB | ``--max-input-mb`` | ``BOOKMAKER_MAX_INPUT_MB`` |
| text lines | 20,000 | ``--max-lines`` | ``BOOKMAKER_MAX_LINES`` |
| characters in one line | 200,000 | ``--max-line-chars`` | ``BOOKMAKER_MAX_LINE_CHARS`` |
| HTML element nesting | 512 | ``--max-depth`` | ``BOOKMAKER_MAX_DEPTH`` |
| nesting of lists, quotes, notes and inline marks | 32 | ``--max-nesting`` | ``BOOKMAKER_MAX_NESTING`` |
| cells in one table (with spans) | 5,000 | ``--max-table-cells`` | ``BOOKMAKER_MAX_TABLE_CELLS`` |
| characters of text in one book | 1,000,000 | ``--max-chars`` | ``BOOKMAKER_MAX_CHARS`` |
| characters in a title, subtitle or heading | 1,000 | ``--max-title-chars`` | ``BOOKMAKER_MAX_TITLE_CHARS`` |
| characters in one word (no space in it) | 5,000 | ``--max-word-chars`` | ``BOOKMAKER_MAX_WORD_CHARS`` |

The characters of text in one book bound the work after reading: a PDF's layout holds the whole
book, about 0.9 GB of memory per million characters (a 19 MB text is 7.5 million: 6.9 GB). It is
checked as soon as an input's text is known, per article, and for a collection's articles together
when its PDF is rendered in one piece (``--jobs 0``, a PDF variant: :func:`bookmaker.chunked.in_one_piece`); a
book rendered in chunks holds one chunk at a time.

Characters are not all alike: in a letter-spaced print line each run of Latin letters or digits is
a text box of its own (``span.nt``: :mod:`bookmaker.layout.print_layout`), and WeasyPrint's memory
and time follow its boxes. A run costs about as much as :data:`RUN_COST` more characters of Hangul
(20,000 two-letter Latin words, 60,000 characters, took 310 MB and 23 s to lay out, as many
Hangul words 20 MB and 5 s; 950,000 characters of them died after 3.6 GB). So what a PDF piece
holds is measured by :func:`layout_cost`, in characters of Hangul text: the chunks are planned by it
(:mod:`bookmaker.chunked.plan`), and :meth:`Limits.check_layout` holds ``max_chars`` against it for
the whole book when it is rendered in one piece, and for every block (a block is never cut between
two pieces) when it is not.

A word wider than a line is cut by the print breaker at every seam it allows, each a choice its
total-fit search weighs against the forty before it: 20 times the work of as much text in words (a
glued word of 190,000 syllables took two minutes); ``max_word_chars`` keeps a word to what text holds.

A title, subtitle or heading is not set by the PDF's own line breaker: WeasyPrint wraps it, at a cost
that grows with the square of its length (a heading of 10,000 glued letters took a minute, of
20,000 four); ``max_title_chars`` keeps them to what a headline can be.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace

from bookmaker.errors import InputError, UsageError
from bookmaker.ir import Block, Document, Footnote, Heading, Inline, ListBlock, Quote, Table, inlines_of

# field name → (environment variable, CLI flag)
NAMES: dict[str, tuple[str, str]] = {
    "max_input_mb": ("BOOKMAKER_MAX_INPUT_MB", "--max-input-mb"),
    "max_lines": ("BOOKMAKER_MAX_LINES", "--max-lines"),
    "max_line_chars": ("BOOKMAKER_MAX_LINE_CHARS", "--max-line-chars"),
    "max_depth": ("BOOKMAKER_MAX_DEPTH", "--max-depth"),
    "max_nesting": ("BOOKMAKER_MAX_NESTING", "--max-nesting"),
    "max_table_cells": ("BOOKMAKER_MAX_TABLE_CELLS", "--max-table-cells"),
    "max_chars": ("BOOKMAKER_MAX_CHARS", "--max-chars"),
    "max_title_chars": ("BOOKMAKER_MAX_TITLE_CHARS", "--max-title-chars"),
    "max_word_chars": ("BOOKMAKER_MAX_WORD_CHARS", "--max-word-chars"),
}
LATIN_RUN = re.compile(r"[A-Za-z0-9]+")  # bookmaker.korean.linebreak.UNTRACKED: one box each
_WORD = re.compile(r"\S+")
RUN_COST = 16
"""What a run of Latin letters or digits costs a PDF's layout beyond its characters, in characters
of Hangul text (measured: about 16 KB of memory and 1 ms per box, a Hangul character 0.9 KB)."""
DEPTH_CEILING = 5000  # the deepest tree the HTML reader is tested to walk (readers/depth.py)
NESTING_CEILING = 64  # deeper lists and marks overflow the print renderer's recursion


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits one read obeys."""

    max_input_mb: float = 20.0
    max_lines: int = 20_000
    max_line_chars: int = 200_000
    max_depth: int = 512
    max_nesting: int = 32
    max_table_cells: int = 5000
    max_chars: int = 1_000_000
    max_title_chars: int = 1000
    max_word_chars: int = 5000

    @property
    def max_input_bytes(self) -> int:
        """``max_input_mb`` in bytes."""
        return int(self.max_input_mb * 1024 * 1024)

    def size_error(self, size: int, name: str) -> InputError:
        """The error for an input of ``size`` bytes, over ``max_input_mb``."""
        return InputError(
            f"{name}: input is {size / 1048576:.1f} MB, over the {self.max_input_mb:g} MB limit"
            f" ({_how('max_input_mb')})"
        )

    def check_lines(self, lines: Sequence[str], name: str, numbers: Sequence[int] | None = None) -> None:
        """Refuse too many lines or a line longer than ``max_line_chars``; ``numbers`` are the
        lines' numbers in the source when a reader joined some (a table read from several lines)."""
        if len(lines) > self.max_lines:
            raise InputError(
                f"{name}: input has {len(lines)} lines, over the {self.max_lines} line limit"
                f" ({_how('max_lines')})"
            )
        for index, text in enumerate(lines):
            if len(text) > self.max_line_chars:
                number = numbers[index] if numbers is not None else index + 1
                raise InputError(
                    f"{name}: line {number} has {len(text)} characters, over the {self.max_line_chars}"
                    f" character limit ({_how('max_line_chars')})"
                )
        self.check_chars(sum(len(text) for text in lines), name)

    def check_chars(self, count: int, name: str) -> None:
        """Refuse a book of more than ``max_chars`` characters of text (see the module)."""
        if count > self.max_chars:
            raise InputError(
                f"{name}: {count:,} characters of text, over the {self.max_chars:,} character limit for one"
                f" book (a PDF of it needs about {count / 1_100_000:.1f} GB of memory; {_how('max_chars')})"
            )

    def check_layout(self, blocks: Sequence[Block], name: str, *, whole: bool) -> None:
        """Refuse a word longer than ``max_word_chars``, a block whose :func:`layout_cost` is over
        ``max_chars`` (no PDF piece can hold it) and, when ``whole`` (the PDF in one piece),
        ``blocks`` together over it."""
        total = 0
        for block in blocks:
            text = block.text
            cost = layout_cost(text)
            total += cost
            where = f"line {block.lines[0]}: " if block.lines else ""
            longest = max((match.end() - match.start() for match in _WORD.finditer(text)), default=0)
            if longest > self.max_word_chars:
                raise InputError(
                    f"{name}: {where}a word of {longest:,} characters with no space, over the"
                    f" {self.max_word_chars:,} character limit for one word ({_how('max_word_chars')})"
                )
            if cost > self.max_chars:
                raise InputError(
                    f"{name}: {where}one {_kind(block)} lays out as {cost:,} characters of text would, over"
                    f" the {self.max_chars:,} character limit for one PDF piece ({_runs(block.text)};"
                    f" {_how('max_chars')})"
                )
        if whole and total > self.max_chars:
            raise InputError(
                f"{name}: the text lays out as {total:,} characters would, over the {self.max_chars:,}"
                f" character limit for a PDF rendered in one piece (--jobs 0, a PDF variant or attachments:"
                f" it needs about {total / 1_100_000:.1f} GB of memory; {_how('max_chars')})"
            )

    def check_titles(self, doc: Document, name: str) -> None:
        """Refuse a title, subtitle or heading of more than ``max_title_chars`` characters (see the
        module)."""
        headings = [(block.text, block.lines[0] if block.lines else None) for block in _headings(doc.blocks)]
        for what, text, line in [
            ("the title", doc.meta.title, None),
            *(("a subtitle", subtitle, None) for subtitle in doc.meta.subtitles),
            *(("a heading", text, line) for text, line in headings),
        ]:
            if len(text) > self.max_title_chars:
                where = f"line {line}: " if line else ""
                raise InputError(
                    f"{name}: {where}{what} has {len(text):,} characters, over the {self.max_title_chars:,}"
                    f" character limit for a title or heading ({_how('max_title_chars')})"
                )

    def check_depth(self, depth: int, name: str) -> None:
        """Refuse markup nested deeper than ``max_depth``."""
        if depth > self.max_depth:
            raise InputError(
                f"{name}: HTML elements are nested more than {self.max_depth} deep, over the limit"
                f" ({_how('max_depth')})"
            )

    def check_nesting(self, depth: int, name: str, line: int | None = None) -> None:
        """Refuse lists, quotes, notes or inline marks nested deeper than ``max_nesting``."""
        if depth > self.max_nesting:
            where = f"line {line}: " if line else ""
            raise InputError(
                f"{name}: {where}lists, quotes or inline marks are nested more than {self.max_nesting}"
                f" deep ({_how('max_nesting')})"
            )

    def check_table(self, cells: int, name: str, line: int | None = None) -> None:
        """Refuse a table of more than ``max_table_cells`` cells (a spanning cell counts as every
        cell it covers: :func:`table_cells`)."""
        if cells > self.max_table_cells:
            where = f"line {line}: " if line else ""
            raise InputError(
                f"{name}: {where}a table has more than {self.max_table_cells} cells"
                f" ({_how('max_table_cells')})"
            )

    def check_blocks(self, blocks: Iterable[Block], name: str) -> None:
        """Refuse blocks nested deeper than ``max_nesting`` (block containers and inline marks
        together) or a table of more than ``max_table_cells`` cells."""
        for block, depth in _nested(blocks):
            line = block.lines[0] if block.lines else None
            self.check_nesting(depth, name, line)
            if isinstance(block, Table):
                self.check_table(table_cells(block), name, line)


def layout_cost(text: str) -> int:
    """What ``text`` costs a PDF's layout, in characters of Hangul text: its characters, and
    :data:`RUN_COST` more for each run of Latin letters or digits (see the module)."""
    return len(text) + RUN_COST * sum(1 for _ in LATIN_RUN.finditer(text))


def _kind(block: Block) -> str:
    name = type(block).__name__.lower()
    return "list" if name == "listblock" else name


def _runs(text: str) -> str:
    runs = sum(1 for _ in LATIN_RUN.finditer(text))
    return f"{len(text):,} characters, {runs:,} runs of Latin letters or digits, each a box of its own"


def table_cells(table: Table) -> int:
    """How many cells ``table``'s grid has: a cell spanning columns or rows counts as every cell it
    covers (its rows cut at the table's end), so fifty cells of ``colspan=1000 rowspan=1000``, which
    lay out as a grid of millions, are as many as that grid, not fifty."""
    rows = [*table.head, *table.body]
    return sum(
        cell.colspan * min(cell.rowspan, len(rows) - number)
        for number, row in enumerate(rows)
        for cell in row.cells
    )


def _headings(blocks: Iterable[Block]) -> Iterator[Heading]:
    """Every heading among ``blocks``, nested ones too."""
    return (block for block, _ in _nested(blocks) if isinstance(block, Heading))


def _nested(blocks: Iterable[Block]) -> Iterator[tuple[Block, int]]:
    """Every block (nested ones too) with its nesting depth: the containers around it plus the
    deepest inline marks in it (no recursion: any depth is measured)."""
    stack: list[tuple[Block, int]] = [(block, 0) for block in reversed(list(blocks))]
    while stack:
        block, depth = stack.pop()
        marks = max((_inline_depth(runs) for runs in inlines_of(block)), default=0)
        yield block, depth + marks
        children: list[Block] = []
        if isinstance(block, Quote | Footnote):
            children = block.blocks
        elif isinstance(block, ListBlock):
            children = [inner for item in block.items for inner in item.blocks]
        stack.extend((child, depth + 1) for child in reversed(children))


def _inline_depth(runs: list[Inline]) -> int:
    """How deeply inline marks nest in ``runs`` (0: plain text)."""
    deepest = 0
    stack = [(run, 1) for run in runs]
    while stack:
        run, depth = stack.pop()
        content = getattr(run, "content", None)
        if content:
            deepest = max(deepest, depth)
            stack.extend((inner, depth + 1) for inner in content)
    return deepest


def _how(field: str) -> str:
    env, flag = NAMES[field]
    return f"raise it with {flag} or {env}"


def _parse(field: str, value: str, source: str) -> float | int:
    try:
        number: float | int = float(value) if field == "max_input_mb" else int(value)
    except ValueError:
        raise UsageError(f"{source} takes a positive number; got {value!r}") from None
    if number <= 0:
        raise UsageError(f"{source} takes a positive number; got {value!r}")
    if field == "max_depth" and number > DEPTH_CEILING:
        raise UsageError(f"{source} is at most {DEPTH_CEILING}; got {value!r}")
    if field == "max_nesting" and number > NESTING_CEILING:
        raise UsageError(f"{source} is at most {NESTING_CEILING}; got {value!r}")
    return number


def from_environment(
    environ: Mapping[str, str] | None = None, overrides: Mapping[str, object] | None = None
) -> Limits:
    """Defaults, then ``BOOKMAKER_MAX_*`` variables, then ``overrides`` (CLI flags; ``None`` = unset)."""
    env = os.environ if environ is None else environ
    values: dict[str, float | int] = {}
    for item in fields(Limits):
        variable, flag = NAMES[item.name]
        given = (overrides or {}).get(item.name)
        if given is not None:
            values[item.name] = _parse(item.name, str(given), flag)
        elif env.get(variable, "").strip():
            values[item.name] = _parse(item.name, env[variable].strip(), variable)
    return replace(Limits(), **values)  # type: ignore[arg-type]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``--max-*`` flags to a CLI sub-command."""
    group = parser.add_argument_group("input limits (also BOOKMAKER_MAX_* environment variables)")
    for item in fields(Limits):
        variable, flag = NAMES[item.name]
        shown = f"{item.default:g}" if isinstance(item.default, float) else f"{item.default:,}"
        group.add_argument(flag, dest=item.name, metavar="N", help=f"default {shown} ({variable})")


def from_arguments(args: argparse.Namespace) -> Limits:
    """The limits for a parsed command line (flags over environment over defaults)."""
    return from_environment(overrides={item.name: getattr(args, item.name, None) for item in fields(Limits)})


DEFAULT = Limits()
