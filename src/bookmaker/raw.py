"""What readers hand to normalization: source lines plus metadata hints from markup.

A reader does no cleanup: it decodes the input, splits it into lines numbered as in the source
(1-based) and, for structured inputs (HTML, Markdown front matter), records what the markup says
about title, date, authors and so on as ``hints``. Normalization decides what everything is.

A structured reader may also give a line the inline runs its markup has (``content``: bold, links,
footnote references …) or a whole block (``block``: a table, a nested list, code); ``text`` is
always the line's plain text, which is what the normalization passes read and edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bookmaker.ir import Block, Inline, Removal, Source


@dataclass(slots=True)
class SourceLine:
    """One line of source text with its 1-based line number and an optional role hint.

    ``kind`` is what the markup says the line is (``"heading"``, ``"caption"``, ``"quote"``,
    ``"list-item"``, ``"title"``, ``"subtitle"``, ``"date"``, ``"byline"`` …) or ``None`` for
    plain text, where normalization must infer it. ``attrs`` conventions: ``last_line`` (a
    paragraph joined from several source lines ends there), ``level`` (heading level),
    ``src``/``alt`` (images), ``credit`` (a photo credit given by markup), ``ordered`` (``"1"``
    for numbered list items).
    """

    text: str
    line: int
    kind: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    content: list[Inline] | None = None
    """The inline runs of ``text`` when the markup has any (their plain text is ``text``)."""
    block: Block | None = None
    """A block the markup gives whole (a table, a nested list, code); ``text`` is its plain text."""


@dataclass(slots=True)
class RawDocument:
    """A decoded input: its lines in source order and what markup said about it."""

    lines: list[SourceLine]
    source: Source
    hints: dict[str, object] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    """What the reader itself left out of the lines, with the reason (page chrome outside an HTML
    article, form controls …); normalization starts its own record of removals from these."""
    warnings: list[str] = field(default_factory=list)
    """What the user should know about this input: a reader's (text it could only partly decode …)
    and normalization's (which add theirs here); ``pipeline.load`` hands them on."""
