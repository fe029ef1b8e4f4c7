"""Pass ``judgment_print``: a court's judgment as the court prints it (판결서: the 판결서 인터넷열람
service's copy, a party's PDF), copied as text or read by pdftotext — not a law database's page
(:mod:`~bookmaker.normalize.passes.judgment`).

Its head sets out, letter-spaced as often as not, the court (``서 울 중 앙 지 방 법 원``: the
publisher), the kind of decision (``판         결``: the series) and the parties' table, a label and
its value on each line: ``사 건  2025가단5123456 손해배상(기)`` is the title (the case number and
name), ``원 고  A`` with its representatives' lines indented under it is one paragraph, ``변 론 종 결
2026. 10. 15.`` another, and ``판 결 선 고  2026. 11. 12.`` dates the judgment. With the court, the
kind and the case there, the text is a judgment: its section titles alone on their lines (``주
문``, ``청 구 취 지``, ``이 유``) are headings, their spaces closed; the service's notice under each
page (``※ 이 판결서는 판결서 인터넷열람 사이트에서 열람·출력되었습니다. …``) goes; the judges' lines at
its end (``판사  한지수``) sign it. Rule tables: ``[judgment_print]`` in rules.toml."""

from __future__ import annotations

import re

from bookmaker.ir import Table, plain
from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.dates import DATE_RE, to_iso

HEAD = 12
"""Lines looked at for the court, the kind and the case."""
_COURT = re.compile(r"^[가-힣]{2,24}(?:법원|지원)$")
_FIELD = re.compile(r"^\s*(?P<label>[가-힣](?:\s*[가-힣\d,()]){1,14}?)(?:\s{2,}|\t)\s*(?P<value>\S.*)$")
"""A field of the head, its label letter-spaced or not (``원 고  A``, ``원고, 항소인  A``,
``제1심판결  …``)."""
_JUDGE = re.compile(
    r"^(?:재판장\s+)?(?:판사|대법관|재판관)\s+[가-힣]{2,4}(?:\s+(?:판사|대법관|재판관)\s+[가-힣]{2,4}){0,4}$"
)
"""The judges' line (``판사 한지수``; a panel's ``재판장 판사 오지민 판사 김하늘 판사 이도윤``)."""
NOTICE_DROP = "the judgment service's notice under each page (판결서 인터넷열람)"


def _closed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _spaced(ctx: Context, item: Item) -> str:
    """The line as the source spaces it (the clean pass closes runs of spaces in ``item.text``)."""
    if item.attrs.get("unpacked") or item.last not in (None, item.line):
        return item.text  # a field out of a table the reader found, or lines joined
    return ctx.source_text.get(item.line, item.text)


def run(ctx: Context) -> None:
    """Read a printed judgment's head, section titles, page notices and judges."""
    if ctx.source_format != "text":
        return
    head = [it for it in ctx.items[:HEAD] if unclaimed(it)]
    kinds = set(ctx.rules.strings("judgment_print", "kinds"))
    court = next((it for it in head[:3] if _COURT.match(_closed(it.text))), None)
    kind = next((it for it in head[:4] if _closed(it.text) in kinds), None)
    case = next(
        (it for it in head if (m := _FIELD.match(_spaced(ctx, it))) and _closed(m["label"]) == "사건"), None
    )
    if court is None or kind is None or case is None:
        return
    ctx.vote_publisher(_closed(court.text), Evidence.DECISION)
    ctx.to_meta(court, "publisher")
    kind.text, kind.kind = _closed(kind.text), "series"
    m = _FIELD.match(_spaced(ctx, case))
    if m:
        case.text, case.kind = " ".join(m["value"].split()), "title"
    _fields(ctx, case)
    _sections(ctx, case)
    _notices(ctx)
    _judges(ctx)


def _fields(ctx: Context, case: Item) -> None:
    """The parties' table under the case line: each label with its value (and its value's further
    lines) one paragraph, the label's spaces closed; the pronouncement's day dates the judgment."""
    labels = set(ctx.rules.strings("judgment_print", "fields"))
    at = ctx.items.index(case) + 1
    ctx.items = ctx.items[:at] + _unpacked(ctx.items[at : at + HEAD], labels) + ctx.items[at + HEAD :]
    current: Item | None = None
    gone: set[int] = set()
    for item in ctx.items[at:]:
        m = _FIELD.match(_spaced(ctx, item)) if unclaimed(item) else None
        if m and _closed(m["label"]) in labels:
            item.text = f"{_closed(m['label'])} {' '.join(m['value'].split())}"
            item.role, current = "paragraph", item
            item.attrs["spaced_field"] = "1"  # a letter-spaced label and its value: no menu (boilerplate)
            dated = DATE_RE.search(m["value"]) if _closed(m["label"]) in ("판결선고", "선고") else None
            iso = to_iso(dated) if dated else None
            if iso:
                ctx.meta["date"] = iso[0]
                ctx.note_line("date", item.line)
        elif (
            current is not None
            and unclaimed(item)
            and item.attrs.get("space_start")
            and not item.attrs.get("after_blank")
        ):
            current.text = f"{current.text} {item.text.strip()}"
            current.last = item.last or item.line
            gone.add(id(item))
        else:
            break
    ctx.items = [it for it in ctx.items if id(it) not in gone]


def _unpacked(items: list[Item], labels: set[str]) -> list[Item]:
    """``items`` with a table the text reader found among the fields (``변 론 종 결  2026. 10. 15.``
    and ``판 결 선 고  …`` under ``피 고  B``: aligned, dated) back in its lines, one field each."""
    out: list[Item] = []
    for item in items:
        table = item.block if isinstance(item.block, Table) else None
        rows = [[plain(c.content) for c in row.cells] for row in [*table.head, *table.body]] if table else []
        if table is None or not rows or not all(row and _closed(row[0]) in labels for row in rows):
            out.append(item)
            continue
        first = table.lines[0] if table.lines else item.line
        for line, cells in enumerate(rows, first):
            text = "  ".join(cells)  # the field's label and value, apart as the line set them
            attrs = {"unpacked": "1"}
            if line == first and item.attrs.get("after_blank"):
                attrs["after_blank"] = "1"
            out.append(Item(text, line, text, attrs=attrs))
    return out


def _sections(ctx: Context, case: Item) -> None:
    """A section's title alone on its line (``주 문``, ``청 구 취 지``) is a heading."""
    sections = set(ctx.rules.strings("judgment_print", "sections"))
    for item in ctx.items[ctx.items.index(case) + 1 :]:
        if unclaimed(item) and _closed(item.text) in sections:
            item.text, item.kind = _closed(item.text), "heading"


def _notices(ctx: Context) -> None:
    notices = [re.compile(p) for p in ctx.rules.strings("judgment_print", "notices")]
    ctx.drop_all(
        (it, NOTICE_DROP, "judgment_print.notice")
        for it in ctx.items
        if unclaimed(it) and any(p.search(it.text) for p in notices)
    )


def _judges(ctx: Context) -> None:
    """The judges' lines at the end (above page numbers only) sign the judgment."""
    for item in reversed(ctx.items):
        text = " ".join(item.text.split())
        if not unclaimed(item):
            break
        if _JUDGE.match(text):
            item.text, item.role, item.attrs["paragraph_role"] = text, "paragraph", "signature"
            item.attrs["spaced_field"] = "1"  # its names spaced apart: no menu (boilerplate)
        elif not re.fullmatch(r"[-–—\s]*\d{1,4}[-–—\s]*", text):
            break
