"""What a Markdown document says around its text: Hugo's TOML front matter (``+++`` … ``+++``), a
paper's ``abstract`` (Pandoc, Quarto), and warnings for what the book keeps only as written — TeX
math, Pandoc's citations (``[@kim2024]``) and Quarto's cross references (``@tbl-gap``)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bookmaker.errors import InputError
from bookmaker.ir import Text
from bookmaker.raw import SourceLine

if TYPE_CHECKING:
    from markdown_it.token import Token

_TOML_FENCE = "+++"
_ABSTRACT_KEY = re.compile(r"^abstract\s*[:=]", re.IGNORECASE)
_CITATION = re.compile(r"\[-?@[\w:.-]+[^\]]*\]")
_CROSS_REF = re.compile(r"(?<![\w.@])@(?:tbl|fig|sec|eq|lst|thm|lem|cor|def|exm|exr)-[\w-]+")


def toml_front_matter(text: str, path: Path) -> tuple[str, dict[str, Any] | None]:
    """``text`` with its TOML front matter's lines left blank (each line keeps its number), and the
    front matter read; ``None`` when the text opens with none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != _TOML_FENCE:
        return text, None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == _TOML_FENCE), None)
    if end is None:
        return text, None
    try:
        data = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path.name}: front matter (TOML) cannot be read: {error}") from None
    return "\n".join(["" for _ in range(end + 1)] + lines[end + 1 :]), data


def abstract_lines(fm: dict[str, Any], source: list[str]) -> list[SourceLine]:
    """A front matter's ``abstract``, a paragraph per blank-line-separated part, at the key's line
    (it opens the text: the book has no other place for it)."""
    value = next((v for k, v in fm.items() if str(k).lower() == "abstract"), None)
    if not isinstance(value, str) or not value.strip():
        return []
    line = next((i + 1 for i, text in enumerate(source) if _ABSTRACT_KEY.match(text)), 1)
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", value.strip())]
    return [SourceLine(part, line, None, {}, content=[Text(value=part)]) for part in parts if part]


def markup_warnings(tokens: list[Token]) -> list[str]:
    """Warnings for TeX math, citations and cross references, which stay as written."""
    math: set[int] = set()
    cited: set[int] = set()
    for token in tokens:
        line = token.map[0] + 1 if token.map else 0
        if token.type.startswith("math_block"):
            math.add(line)
        for child in token.children or ():
            if child.type.startswith("math_inline"):
                math.add(line)
            elif child.type == "text" and (
                _CITATION.search(child.content) or _CROSS_REF.search(child.content)
            ):
                cited.add(line)
    out = []
    if math:
        out.append(f"{_lines(math)}: TeX math ($…$) is kept as written, not typeset")
    if cited:
        out.append(f"{_lines(cited)}: citations and cross references (@…) are kept as written")
    return out


def _lines(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    return f"line{'s' if len(ordered) > 1 else ''} {', '.join(map(str, ordered))}"
