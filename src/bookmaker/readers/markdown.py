"""Markdown reader: YAML front matter → hints; body lines with kinds (heading, quote,
list-item, caption from images). Consecutive plain lines form one paragraph whose last source
line is kept in ``attrs["last_line"]``. PyYAML is imported lazily."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bookmaker.errors import InputError
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.text import read_bytes

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(\s*(\S+?)(?:\s+\"([^\"]*)\")?\s*\)\s*(.*)$")
_LIST = re.compile(r"^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"<[^>\n]+>(?=.*</)|</[a-z]+>"), ""),
]
META_KEYS = {
    "title",
    "subtitle",
    "subtitles",
    "deck",
    "author",
    "authors",
    "date",
    "publisher",
    "series",
    "language",
    "lang",
    "url",
    "source",
    "rights",
    "theme",
    "settings",
}


def strip_inline(text: str) -> str:
    """Remove Markdown inline markup, keeping the text."""
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text.replace("\\", "").strip()


def _front_matter(lines: list[str], path: Path) -> tuple[dict[str, Any], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            import yaml

            try:
                data = yaml.safe_load("\n".join(lines[1:end])) or {}
            except yaml.YAMLError as exc:
                first = str(exc).splitlines()[0]
                raise InputError(f"{path.name}: bad YAML front matter ({first})") from None
            if not isinstance(data, dict):
                raise InputError(f"{path.name}: front matter must be a mapping")
            return data, end + 1
    return {}, 0


def _hints(fm: dict[str, Any]) -> dict[str, object]:
    hints: dict[str, object] = {}
    low = {str(k).lower(): v for k, v in fm.items()}
    if low.get("title"):
        hints["title"] = str(low["title"])
    subs = low.get("subtitles") or low.get("subtitle") or low.get("deck")
    if subs:
        hints["subtitles"] = [str(s) for s in (subs if isinstance(subs, list) else [subs])]
    authors = low.get("authors") or low.get("author")
    if authors:
        hints["authors"] = authors if isinstance(authors, list) else [authors]
    if low.get("date"):
        hints["date"] = low["date"] if not isinstance(low["date"], str) else low["date"].strip()
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
    if low.get("theme") or low.get("settings"):  # the design: see layout/style.py
        hints["theme"] = str(low["theme"]) if low.get("theme") else None
        hints["settings"] = low.get("settings") or {}
    return hints


def _wrapped(text: str) -> bool:
    """A hard-wrapped prose line continues on the next line (short lines stand alone)."""
    return len(text) >= 40 and not re.search(r"[.!?。…\"”’)]$", text.rstrip())


def read_markdown(data: bytes, path: Path, encoding: str | None = None) -> RawDocument:
    """Read a Markdown article with optional YAML front matter."""
    text, src = read_bytes(data, path, encoding, "markdown")
    raw_lines = text.splitlines()
    fm, start = _front_matter(raw_lines, path)
    out: list[SourceLine] = []
    para: SourceLine | None = None
    in_fence = False
    for number, line in enumerate(raw_lines[start:], start=start + 1):
        if _FENCE.match(line):
            in_fence = not in_fence
            para = None
            continue
        if in_fence:
            if line.strip():
                out.append(SourceLine(line, number, "paragraph"))
            continue
        if not line.strip() or re.fullmatch(r"\s*([-*_])\s*(\1\s*){2,}", line):
            para = None
            continue
        m = _HEADING.match(line)
        if m:
            level = len(m.group(1))
            kind = "title" if level == 1 and not any(s.kind == "title" for s in out) else "heading"
            out.append(SourceLine(strip_inline(m.group(2)), number, kind, {"level": str(level)}))
            para = None
            continue
        m = _IMAGE.match(line.strip())
        if m:
            title = m.group(3) or ""
            attrs = {"src": m.group(2), "alt": m.group(1)}
            if re.match(r"\s*(?:ⓒ|©|사진|출처|자료)", title) or re.search(r"제공|기자$", title):
                attrs["credit"], title = title, ""
            caption = strip_inline(m.group(4) or title or m.group(1))
            out.append(SourceLine(caption, number, "caption", attrs))
            para = None
            continue
        m = _QUOTE.match(line)
        if m:
            out.append(SourceLine(strip_inline(m.group(1)), number, "quote"))
            para = None
            continue
        m = _LIST.match(line)
        if m and not re.match(r"^\s*\d+\.\s*\d", line):
            attrs = {"ordered": "1"} if m.group(2) else {}
            out.append(SourceLine(strip_inline(m.group(3)), number, "list-item", attrs))
            para = None
            continue
        if para is not None and _wrapped(para.text):
            para.text = f"{para.text} {strip_inline(line)}"
            para.attrs["last_line"] = str(number)
            continue
        para = SourceLine(strip_inline(line), number)
        out.append(para)
    if not out and not fm:
        raise InputError(f"{path.name}: input is empty")
    return RawDocument(lines=out, source=src, hints=_hints(fm))
