"""Obsidian's own Markdown, rewritten to CommonMark before parsing, line for line (every line keeps
its number):

- ``%% … %%`` comments (on one line or over several) are the writer's, never shown: removed
  (``markdown.comment``);
- a closing section of backlinks (``## 백링크`` / ``## Backlinks`` / ``Linked mentions`` over a list
  of wiki links only) is the vault's navigation: removed (``markdown.backlinks``);
- an embedded image ``![[habit-loop.png|400]]`` is an image (``![](habit-loop.png)``); a wiki link
  ``[[note|shown text]]`` / ``[[note#heading]]`` is its text;
- a callout's marker (``> [!tip] 해보기``) goes; its title stays the quote's first line, in bold and
  broken off the text (a callout without a title gets its type's name).

Fenced code and inline code are left as they are."""

from __future__ import annotations

import re
from collections.abc import Callable

from bookmaker.ir import Removal

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TICKS = re.compile(r"`+")
_COMMENT = re.compile(r"%%.*?%%")
_EMBED = re.compile(
    r"!\[\[(?P<file>[^\[\]|#]+?\.(?:png|jpe?g|gif|webp|svg|avif|bmp))(?:\|[^\[\]]*)?\]\]", re.IGNORECASE
)
_WIKI = re.compile(r"\[\[(?P<target>[^\[\]|]+?)(?:\|(?P<shown>[^\[\]]+?))?\]\]")
_CALLOUT = re.compile(r"^(?P<lead>\s{0,3}>\s?)\[!(?P<type>[A-Za-z-]+)\][+-]?\s*(?P<title>.*)$")
_BACKLINKS = re.compile(
    r"^#{1,6}\s+(?:백링크|역링크|Backlinks?|Linked mentions|Unlinked mentions|Links to this page)\s*#*\s*$",
    re.IGNORECASE,
)
_LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[\[[^\[\]]+\]\]\s*(?:,\s*)?)+$")
"""A list item of wiki links only (the spaces after a link are taken once: ``\\s*,?\\s*`` split them
every way, each split a retry of the links after it, exponential in their number)."""


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where ``line``'s code spans are: a run of backticks up to the next run of as many (CommonMark's
    rule; a run with none after it is literal). One pass over the runs, whatever their lengths: a
    pattern trying each run's every prefix against the rest of the line took O(k² n)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    following: dict[int, int] = {}  # a run's length → the index of the next run of that length
    closer: list[int | None] = [None] * len(runs)
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        closer[index] = following.get(length)
        following[length] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        close = closer[index]
        if close is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[close][1]))
        index = close + 1
    return spans


def _outside_code(line: str, change: Callable[[str], str]) -> str:
    """``line`` with ``change`` applied outside its code spans."""
    out: list[str] = []
    last = 0
    for start, end in _code_spans(line):
        out += [change(line[last:start]), line[start:end]]
        last = end
    return "".join(out) + change(line[last:])


def _without_code(line: str) -> str:
    """``line`` without its code spans."""
    out: list[str] = []
    last = 0
    for start, end in _code_spans(line):
        out.append(line[last:start])
        last = end
    return "".join(out) + line[last:]


def _shown(m: re.Match[str]) -> str:
    return (m["shown"] or m["target"].split("#", 1)[0] or m["target"].lstrip("#")).strip()


def _links(text: str) -> str:
    return _WIKI.sub(_shown, _EMBED.sub(lambda m: f"![]({m['file'].strip().replace(' ', '%20')})", text))


def desugar(text: str) -> tuple[str, list[Removal]]:
    """``text`` as CommonMark, and what was taken out, each at its line."""
    lines = text.split("\n")
    removed: list[Removal] = []
    fence: str | None = None
    comment: int | None = None  # the line a comment over several lines opened on
    body = body_start(lines)
    for index, line in enumerate(lines):
        number = index + 1
        if index < body:
            continue
        if comment is None:
            m = _FENCE.match(line)
            if fence is not None or m:
                if m and (fence is None or m.group(1) == fence):
                    fence = None if fence else m.group(1)
                continue
        if comment is not None:  # inside a comment: up to its closing %%
            end = line.find("%%")
            taken = line if end < 0 else line[: end + 2]
            removed.append(Removal(text=taken.strip(), reason=_REASON, line=number, rule="markdown.comment"))
            if end < 0:
                lines[index] = ""
                continue
            comment, line = None, line[end + 2 :]
        kept = _outside_code(line, lambda part: _COMMENT.sub("", part))
        if kept != line:
            taken = " ".join(m.group() for m in _COMMENT.finditer(line))
            removed.append(Removal(text=taken, reason=_REASON, line=number, rule="markdown.comment"))
        if "%%" in kept and _without_code(kept).count("%%") % 2:  # a comment opens here
            start = kept.index("%%")
            removed.append(
                Removal(text=kept[start:].strip(), reason=_REASON, line=number, rule="markdown.comment")
            )
            kept, comment = kept[:start], number
        lines[index] = kept.rstrip() if kept != line else line
    _backlinks(lines, removed)
    fence = None
    for index, line in enumerate(lines):
        if index < body:
            continue
        m = _FENCE.match(line)
        if fence is not None or m:
            if m and (fence is None or m.group(1) == fence):
                fence = None if fence else m.group(1)
            continue
        callout = _CALLOUT.match(line)
        if callout:
            title = callout["title"].strip() or callout["type"].capitalize()
            more = index + 1 < len(lines) and re.match(r"^\s{0,3}>\s*\S", lines[index + 1])
            line = f"{callout['lead']}**{title}**" + ("\\" if more else "")  # its own line: a hard break
        lines[index] = _outside_code(line, _links)
    return "\n".join(lines), removed


def body_start(lines: list[str]) -> int:
    """The index of the first line after the YAML front matter (0 without one)."""
    if lines and lines[0].strip() == "---":
        for index, line in enumerate(lines[1:], 1):
            if line.strip() in ("---", "..."):
                return index + 1
    return 0


_REASON = "a comment of the writer's (%% … %%), never shown"


def _backlinks(lines: list[str], removed: list[Removal]) -> None:
    """A backlinks heading over a list of wiki links only, at the end of the text (found from the end,
    in one pass)."""
    rest: list[tuple[int, str]] = []  # the link items ending the text, last first
    for index in range(len(lines) - 1, body_start(lines) - 1, -1):
        line = lines[index]
        if not line.strip():
            continue
        if _LINK_ITEM.match(line):
            rest.append((index, line))
            continue
        if rest and _BACKLINKS.match(line):  # the last line of another kind: the heading over them
            for i, x in [(index, line), *reversed(rest)]:
                reason = "the vault's backlinks (links to other notes), not the text"
                removed.append(Removal(text=x.strip(), reason=reason, line=i + 1, rule="markdown.backlinks"))
                lines[i] = ""
        return
