"""Pass ``manuscript``: a piece as its writer sends it to a paper's desk (a 기고 원고), whose head is a
block of labelled fields — ``■ 제목: …``, ``■ 부제: …``, ``■ 필자: 이소영 국토연구원 연구위원``,
``■ 연락처: 010-… / sylee@…``, ``■ 송고일: 2026. 12. 6.`` — over the text.

Read only as a block of three or more ``label: value`` lines near the top (a bullet may mark each),
one of them the title's. The title, deck, column name (코너, 문패), writer, contact and date go to
the metadata (the contact's e-mail is the writer's; a phone number never reaches the text); the
desk's bookkeeping (분량, 희망 게재일 …), the cover line above the block ("[기고 원고] … 송부용"), a
rule under it, the markers around the text ("(본문)", "(끝)"), a note of attached photos and the
writer's notes to the editors after the end mark (※ …) are removed with their reasons. Any other
field stays in the text. A block under a sentence of running text
(:func:`~bookmaker.normalize.text.quoted_in_article`) is quoted in a story about the piece: a list of its
fields, and nothing else is read."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.dates import parse_line
from bookmaker.normalize.text import quoted_in_article

_FIELD = re.compile(
    r"^\s*(?:[■□▶▷◆◇●○•·\-*]\s*)?(?P<key>[가-힣][가-힣 ]{0,8}?)\s*[:：]\s*(?P<value>\S.{0,120})$"
)
_BULLET = re.compile(r"^\s*[■□▶▷◆◇●○•·\-*]\s*")
_TITLE_KEYS = frozenset({"제목", "기사 제목", "원고 제목", "가제"})
_DECK_KEYS = frozenset({"부제", "부제목", "소제목"})
_SERIES_KEYS = frozenset({"코너", "코너명", "문패", "꼭지", "게재란", "란"})
_AUTHOR_KEYS = frozenset({"필자", "기고자", "글쓴이", "작성자", "저자", "필자명"})
_CONTACT_KEYS = frozenset({"연락처", "이메일", "메일", "전자우편"})
_DATE_KEYS = frozenset({"송고일", "작성일", "보낸 날짜", "송고 일자", "날짜", "일자"})
_BOOKKEEPING_KEYS = frozenset(
    {
        "분량",
        "원고 분량",
        "매수",
        "원고 매수",
        "글자 수",
        "희망 게재일",
        "게재 희망일",
        "마감",
        "계좌",
        "원고료",
    }
)
_COVER = re.compile(r"원고|송부|보내\s?드립니다")
_RULE = re.compile(r"^[\s\-–—―_=~*·.]{5,}$")
_TEXT_MARK = re.compile(r"^[(\[<〈]\s*본\s*문\s*[)\]>〉]$|^본문\s*[:：]?$")
_END_MARK = re.compile(r"^(?:[(\[<〈/]+\s*끝\s*[)\]>〉/]+|-\s*끝\s*-)$")
_ATTACHMENT = re.compile(r"^[(\[<]?\s*(?:사진|그림|도표|그래픽)\s*[)\]>]?\s*.{0,20}첨부")
_DESK_NOTE = re.compile(r"^※")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME = re.compile(r"^[가-힣]{2,4}$")
_FEWEST = 3
_SCAN = 12


def _field(item: Item) -> tuple[str, str] | None:
    m = _FIELD.match(item.text) if item.role is None and not structured(item) else None
    return (" ".join(m["key"].split()), m["value"].strip()) if m else None


def _as_list(items: list[Item]) -> None:
    """The fields as one list of their lines, each bullet cut (the list marks its items)."""
    for item in items:
        item.text = _BULLET.sub("", item.text)
        item.role, item.attrs["list"] = "list-item", str(items[0].line)


def _writer(ctx: Context, value: str) -> Author:
    """``이소영 국토연구원 연구위원`` (name, place, title) or ``국토연구원 연구위원 이소영``."""
    words = value.split()
    titles = set(ctx.rules.strings("roles", "contributors")) | set(ctx.rules.strings("roles", "names"))
    if len(words) >= 2 and _NAME.match(words[0]) and words[-1] in titles:
        return Author(name=words[0], role=words[-1])
    if len(words) >= 2 and _NAME.match(words[-1]) and words[-1] not in titles:
        return Author(name=words[-1], role=words[-2] if words[-2] in titles else None)
    return Author(name=value)


def _block(ctx: Context) -> tuple[int, list[tuple[Item, str, str]]] | None:
    """Where the field block starts and its fields, if the text opens with one."""
    fields: list[tuple[Item, str, str]] = []
    start = 0
    for index, item in enumerate(ctx.items[: _SCAN + _FEWEST * 3]):
        found = _field(item)
        if found is None:
            if fields:
                break
            if index >= _SCAN // 2:
                return None
            continue
        if not fields:
            start = index
        fields.append((item, *found))
    keys = {key for _, key, _ in fields}
    if (
        len(fields) < _FEWEST
        or not keys & _TITLE_KEYS
        or not keys & (_AUTHOR_KEYS | _DECK_KEYS | _SERIES_KEYS)
    ):
        return None
    return start, fields


def run(ctx: Context) -> None:
    """Read a manuscript's field block and its markers (see the module)."""
    found = _block(ctx)
    if found is None:
        return
    start, fields = found
    if quoted_in_article(item.text for item in ctx.items[:start]):
        _as_list([item for item, _, _ in fields])  # a writer's head quoted in a story about the piece
        return
    for item in ctx.items[:start]:
        if _COVER.search(item.text):
            ctx.drop(item, "the cover line of a manuscript sent to the desk", "manuscript.cover")
    writer: Author | None = None
    for item, key, value in fields:
        if key in _TITLE_KEYS:
            item.text, item.kind = value, "title"
        elif key in _DECK_KEYS:
            item.text, item.kind = value, "subtitle"
        elif key in _SERIES_KEYS:
            ctx.hints["series"] = [*ctx.hinted_list("series"), value]
            ctx.to_meta(item, "series")
        elif key in _AUTHOR_KEYS:
            writer = _writer(ctx, value)
            ctx.to_meta(item, "authors")
        elif key in _CONTACT_KEYS:
            email = _EMAIL.search(value)
            if writer is not None and email:
                writer.email = email.group(0)
            ctx.to_meta(item, "authors")
        elif key in _DATE_KEYS and (parsed := parse_line(ctx, value)) is not None:
            ctx.hints.setdefault("date", parsed[0][0].iso)
            ctx.to_meta(item, "date")
        elif key in _BOOKKEEPING_KEYS:
            ctx.drop(
                item,
                "the desk's bookkeeping in a manuscript's head (length, wished date …)",
                "manuscript.field",
            )
    if writer is not None:
        ctx.add_author(writer, fields[0][0].line)
    _markers(ctx, fields[-1][0].line)


def _markers(ctx: Context, after: int) -> None:
    """The rule and markers around the text, attachments and notes to the desk after its end."""
    ended = begun = False
    for item in list(ctx.items):
        if item.line <= after or item.role is not None or structured(item):
            continue
        text = item.text.strip()
        if not begun and (_RULE.match(text) or _TEXT_MARK.match(text)):
            ctx.drop(item, "a manuscript's marker of where its text begins", "manuscript.marker")
            continue
        begun = True
        if _END_MARK.match(text):
            ended = True
            ctx.drop(item, "a manuscript's end mark", "manuscript.marker")
        elif _ATTACHMENT.match(text) and (ended or text[0] in "([<"):  # "(사진) 별도 첨부: …", not prose
            ctx.drop(item, "a note of a file attached to the manuscript", "manuscript.attachment")
        elif ended and _DESK_NOTE.match(text):
            ctx.drop(item, "the writer's note to the editors after the text", "manuscript.desk-note")
