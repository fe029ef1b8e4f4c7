"""What readers hand to normalization: source lines plus metadata hints from markup.

A reader does no cleanup: it decodes the input, splits it into lines numbered as in the source
(1-based) and, for structured inputs (HTML, Markdown front matter), records what the markup says
about title, date, authors and so on as ``hints``. Normalization decides what everything is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bookmaker.ir import Source


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


@dataclass(slots=True)
class RawDocument:
    """A decoded input: its lines in source order and what markup said about it."""

    lines: list[SourceLine]
    source: Source
    hints: dict[str, object] = field(default_factory=dict)
