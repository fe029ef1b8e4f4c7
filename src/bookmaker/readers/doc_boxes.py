"""A documentation site's boxes and components in a Markdown page (Docusaurus' MDX, Pandoc's and
Quarto's fenced divs), rewritten to CommonMark before parsing, line for line
(every line keeps its number):

- a note box — ``:::note`` / ``:::warning 제목`` / ``:::tip[제목]`` (Docusaurus), ``::: {.callout-note}``
  (Quarto), ``::: {.warning}`` (Pandoc) — is a block quote whose first line is its title in bold (the
  title given, the box's first heading, else its type's name); its closing ``:::`` goes
  (``markdown.box``); any other fenced div (``::: {.column-margin}``) leaves its text as it is, its
  fences going; ``::: {#refs}`` is where Pandoc puts the bibliography, which the book cannot make;
- an MDX ``import … from '…'`` / ``export …`` line is the site's code (``markdown.mdx``); a component's
  tag on a line of its own (``<Tabs>``, ``</TabItem>``) goes, a tab's label (``<TabItem label="macOS">``)
  heading its content one level under the heading above; a component that shows what it makes by
  itself (``<DocCardList />``) goes with a warning.

Fenced code is left as it is. :func:`rewrite_boxes` gives the text, the removals and the warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bookmaker.ir import Removal

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_DIV_OPEN = re.compile(r"^\s{0,3}:{3,}\s*(?P<rest>\S.*)$")
_DIV_CLOSE = re.compile(r"^\s{0,3}:{3,}\s*$")
_NOTE_TYPES = frozenset(
    ("note", "tip", "info", "caution", "danger", "warning", "important", "success", "secondary", "hint")
)
_DOCUSAURUS = re.compile(r"^(?P<type>[A-Za-z]+)(?:\[(?P<bracket>[^\]]*)\]|\s+(?P<title>.+))?$")
_ATTRS = re.compile(r"^\{(?P<attrs>[^{}]*)\}$|^(?P<bare>[A-Za-z][\w-]*)$", re.ASCII)
_CLASS = re.compile(r"(?:^|\s)\.(?P<name>[\w-]+)")
_ID = re.compile(r"(?:^|\s)#(?P<name>[\w-]+)")
_TITLE_ATTR = re.compile(r"""\btitle\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_HEADING = re.compile(r"^\s{0,3}(?P<marks>#{1,6})(?:\s+(?P<text>.*))?$")
_IMPORT = re.compile(
    r"""^(?:import\s[^'"\n]*['"][^'"\n]+['"](?:\s|;)*|export\s+(?:const|let|default|function)\b.*)$"""
)
_COMPONENT = re.compile(r"^\s*<(?P<close>/)?(?P<name>[A-Z][\w.]*)(?P<attrs>[\s/][^<>]*)?>\s*$")
_LABEL = re.compile(
    r"""\b(?:label|title)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|\{['"](?P<js>[^'"]*)['"]\})"""
)
_VALUE = re.compile(r"""\bvalue\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")

BOX_END = "the end of a box's fence (:::), markup, not the text"
DIV_FENCE = "a fenced div's fence (::: {.class}), markup, not the text"
BIBLIOGRAPHY = "where Pandoc puts the bibliography (::: {#refs}), which the book does not make"
NO_BIBLIOGRAPHY = "the bibliography (::: {#refs}) is not made; citations stay as written"
MDX_CODE = "an MDX import or export: the site's code, not the text"
COMPONENT_TAG = "an MDX component's tag, markup, not the text"


@dataclass(slots=True)
class Boxes:
    """The rewritten lines, what was taken out and what the book shows differently."""

    lines: list[str]
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def drop(self, index: int, rule: str, reason: str) -> None:
        self.removed.append(Removal(text=self.lines[index].strip(), reason=reason, line=index + 1, rule=rule))
        self.lines[index] = ""


@dataclass(slots=True)
class _Open:
    quoted: bool
    """A note box: its lines are a block quote's."""


def _value(m: re.Match[str] | None) -> str:
    if m is None:
        return ""
    return next((v for v in m.groups() if v is not None), "").strip()


def _fence_words(rest: str) -> str:
    """What follows a div's opening colons, without the colons Pandoc allows after it (``::: note :::``)."""
    words = rest.rstrip()
    bare = words.rstrip(":")
    return bare.rstrip() if bare != words and bare[-1:].isspace() else words


def _opens(rest: str, index: int, last_close: int) -> bool:
    """A fence's words are a div's (``note``, ``{.callout-tip}``: not a decorated ``::: 공지 :::``) and a
    closing fence follows."""
    return index < last_close and bool(_DOCUSAURUS.match(rest) or _ATTRS.match(rest))


def _note_title(rest: str) -> tuple[bool, str, bool]:
    """Whether the fence ``rest`` opens a note box, its title, and whether it is Pandoc's
    bibliography."""
    if m := _DOCUSAURUS.match(rest):
        kind = m["type"].lower()
        if kind in _NOTE_TYPES:
            title = (m["bracket"] if m["bracket"] is not None else m["title"] or "").strip()
            return True, title or kind.capitalize(), False
        return False, "", False
    if m := _ATTRS.match(rest):
        attrs = m["attrs"] if m["attrs"] is not None else "." + (m["bare"] or "")
        classes = [c["name"].lower() for c in _CLASS.finditer(attrs)]
        if "refs" in [i["name"] for i in _ID.finditer(attrs)]:
            return False, "", True
        for name in classes:
            kind = name.removeprefix("callout-")
            if kind in _NOTE_TYPES:
                return True, _value(_TITLE_ATTR.search(attrs)), False
    return False, "", False


def rewrite_boxes(text: str, body: int) -> Boxes:
    """``text`` (its front matter ending before line index ``body``) as CommonMark."""
    out = Boxes(text.split("\n"))
    lines = out.lines
    opened: list[_Open] = []
    fence: str | None = None
    level = 1  # the last heading's level
    last_close = max((i for i, line in enumerate(lines) if _DIV_CLOSE.match(line)), default=-1)
    tabs = False
    for index in range(body, len(lines)):
        line = lines[index]
        depth = sum(box.quoted for box in opened)
        m = _FENCE.match(line)
        if fence is not None or m:
            if m and (fence is None or m.group(1) == fence):
                fence = None if fence else m.group(1)
            lines[index] = "> " * depth + line if depth else line
            continue
        if opened and _DIV_CLOSE.match(line):
            box = opened.pop()
            out.drop(index, "markdown.box", BOX_END if box.quoted else DIV_FENCE)
            continue
        if (div := _DIV_OPEN.match(line)) and _opens(_fence_words(div["rest"]), index, last_close):
            quoted, title, refs = _note_title(_fence_words(div["rest"]))
            opened.append(_Open(quoted))
            if refs:
                out.drop(index, "markdown.box", BIBLIOGRAPHY)
                out.warnings.append(f"line {index + 1}: {NO_BIBLIOGRAPHY}")
            elif quoted and title:
                lines[index] = "> " * (depth + 1) + f"**{title}**" + broken_off(lines, index + 1)
            else:
                out.drop(index, "markdown.box", DIV_FENCE)
                if quoted:
                    _title_from_heading(lines, index + 1)
            continue
        if _IMPORT.match(line):
            out.drop(index, "markdown.mdx", MDX_CODE)
            continue
        if (tag := _COMPONENT.match(line)) is not None:
            attrs = (tag["attrs"] or "").rstrip()
            closes_itself = attrs.endswith("/")
            label = _value(_LABEL.search(attrs)) or (
                _value(_VALUE.search(attrs)) if tag["name"] == "TabItem" else ""
            )
            if label and not tag["close"] and not closes_itself:
                lines[index] = "> " * depth + "#" * min(level + 1, 6) + " " + label
            else:
                out.drop(index, "markdown.mdx", COMPONENT_TAG)
                if closes_itself:
                    name = tag["name"]
                    out.warnings.append(f"line {index + 1}: <{name} /> shows what the site makes; left out")
            tabs = tabs or tag["name"] == "Tabs"
            continue
        if h := _HEADING.match(line):
            level = len(h["marks"])
        if depth:
            lines[index] = "> " * depth + line if line.strip() else "> " * depth
    if tabs:
        out.warnings.append("tabs (<Tabs>) are set one after another, each under its label")
    return out


_CONTINUES = re.compile(r"^\s{0,3}[^\s#`~:>{<*+-]")


def broken_off(lines: list[str], after: int) -> str:
    """A hard line break after a box's title when text goes on right under it (the title stays a line
    of its own, as an Obsidian callout's does), else nothing."""
    following = lines[after] if after < len(lines) else ""
    return "\\" if _CONTINUES.match(following) and not re.match(r"^\s*\d+[.)]\s", following) else ""


def _heading_text(h: re.Match[str]) -> str:
    """An ATX heading's text without its closing hashes."""
    text = (h["text"] or "").rstrip()
    bare = text.rstrip("#")
    return (bare if bare != text and (not bare or bare[-1].isspace()) else text).strip()


def _title_from_heading(lines: list[str], start: int) -> None:
    """A box's first heading (Quarto's ``## 제목`` inside a callout) as its bold title."""
    for index in range(start, len(lines)):
        if not lines[index].strip():
            continue
        if h := _HEADING.match(lines[index]):
            lines[index] = f"**{_heading_text(h)}**" + broken_off(lines, index + 1)
        return
