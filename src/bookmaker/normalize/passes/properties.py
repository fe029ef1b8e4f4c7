"""Pass ``properties``: a page's properties as a note-taking tool exports them (Notion, Obsidian …),
a block of ``Key: Value`` lines right under the title, read by key.

``연설자: 성북구청장 한지원`` (who spoke or wrote: 연설자, 발표자, 작성자, Author …) names the author,
role before name; ``일시: 2026년 10월 17일 오전 10시`` (일시, 날짜, Date …) dates the document; the
tool's own bookkeeping (태그, 상태, 최종 편집, Created, Last edited …) is removed with its reason. Any
other property (``장소: 성북구청 바람마당``) says something about the document and stays in the text.
Read only as a block: three or more such lines in a row, one of them a key named here."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.dates import EVENT_DATE, parse_line
from bookmaker.normalize.text import ends_sentence

_PROPERTY = re.compile(r"^\s*(?P<key>[가-힣A-Za-z][가-힣A-Za-z ]{0,14}?)\s*[:：]\s*(?P<value>\S.{0,80})$")
_AUTHOR_KEYS = frozenset(
    {"연설자", "발표자", "작성자", "글쓴이", "저자", "필자", "author", "speaker", "written by"}
)
_DATE_KEYS = frozenset({"일시", "날짜", "일자", "연설일", "발표일", "date"})
_EVENT_KEYS = frozenset({"일시"})
"""A date key naming when an event takes place: the document's date, and its line stays in the text
(the hours, the day's name: what a reader of a notice or a programme needs)."""
_TOOL_KEYS = frozenset(
    {
        *("태그", "상태", "최종 편집", "최종 편집 일시", "최종 편집자", "생성 일시", "생성일", "생성자"),
        *("tags", "status", "created", "created time", "created by", "last edited", "last edited time"),
        "last edited by",
    }
)
"""The exporting tool's bookkeeping: not about the document."""
_NAME = re.compile(r"^[가-힣]{2,4}$")
_SPAN = re.compile(r"\d\s*[~∼～]\s*\d")
_FEWEST = 3


def _property(item: Item) -> tuple[str, str] | None:
    """The line's key (lower case, spaces single) and value, if it is a ``Key: Value`` line."""
    m = _PROPERTY.match(item.text) if item.role is None and not structured(item) else None
    return (" ".join(m["key"].split()).lower(), m["value"].strip()) if m else None


def _author(value: str) -> Author:
    """``성북구청장 한지원`` → 한지원, role 성북구청장; one name alone, or any other value, is the name."""
    words = value.split()
    if len(words) >= 2 and _NAME.match(words[-1]):
        return Author(name=words[-1], role=" ".join(words[:-1]))
    return Author(name=value.strip())


_HOST_KEYS = frozenset({"주최", "주관", "발행", "발행처", "펴낸곳"})
"""Who holds the event or issues the document a cover is of: a publisher vote; the field stays."""
_COVER_TOP = 3
"""The most lines above a plain text's cover fields (its title and theme)."""


def _cover_start(ctx: Context) -> int | None:
    """In plain text, the index above a cover's fields (``일시: …``, ``장소: …``, ``주최: …``): at most
    three short lines above them, none of them prose or a field."""
    if ctx.source_format != "text":
        return None
    for i, item in enumerate(ctx.items[: _COVER_TOP + 1]):
        if _property(item) is not None:
            return i - 1 if i else None
        if (
            item.role is not None
            or structured(item)
            or len(item.text) > MAX_COVER_LINE
            or ends_sentence(item.text)
        ):
            return None
    return None


MAX_COVER_LINE = 60


def run(ctx: Context) -> None:
    """Read the property block under the title (see the module)."""
    start = next((i for i, it in enumerate(ctx.items[:3]) if it.kind == "title"), None)
    start = _cover_start(ctx) if start is None else start
    if start is None:
        return
    block: list[tuple[Item, str, str]] = []
    for item in ctx.items[start + 1 :]:
        found = _property(item)
        if found is None and not block and not re.search(r"\w", item.text):
            continue  # the page's icon (📚) between the title and its properties
        if found is None:
            break
        block.append((item, *found))
    known = _AUTHOR_KEYS | _DATE_KEYS | _TOOL_KEYS
    if len(block) < _FEWEST or not any(key in known for _, key, _ in block):
        return
    for item, key, value in block:
        if key in _HOST_KEYS and ctx.items[start].kind != "title":
            ctx.vote_publisher(value, Evidence.ISSUER)  # "주최: 한국디지털출판학회" on a cover
            item.kind = "paragraph"
        elif key in _TOOL_KEYS:
            ctx.drop(item, "a page property of the tool the text was exported from", "boilerplate.properties")
        elif key in _AUTHOR_KEYS:
            ctx.add_author(_author(value))
            ctx.to_meta(item, "authors")
        elif key in _DATE_KEYS and (parsed := parse_line(ctx, value)) is not None:
            iso = parsed[0][0].iso
            ctx.hints.setdefault("date", iso[:10] if _SPAN.search(value) else iso)  # hours as a span: the day
            if key in _EVENT_KEYS and ctx.items[start].kind != "title":  # a cover's "일시: … 10:00~17:30"
                ctx.note_line("date", item.line)
                item.kind, item.attrs[EVENT_DATE] = "paragraph", "1"
            else:
                ctx.to_meta(item, "date")
        else:
            item.kind = "paragraph"  # stays in the text, no deck under the title
