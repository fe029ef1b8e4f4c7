"""Part of pass ``boilerplate``: a press release's contact box copied as text, its labels in a row
over one row per office (``담당 부서  책임자  담당자  전화`` / ``홍보팀  팀장 정하윤  과장 김도율
02-3456-7810``): the release's contacts, removed with their reason. The same box set as a table is
read by its first row (``boilerplate``); a box written as lines ``담당 부서 … (044-…)`` by the
``release`` family of rules."""

from __future__ import annotations

import re

from bookmaker.normalize.context import Context, Item

_LABELS = frozenset(
    {"담당부서", "부서", "책임자", "담당자", "전화", "전화번호", "연락처", "이메일", "E-mail", "e-mail"}
)
_PEOPLE = frozenset({"책임자", "담당자"})
_CELL = re.compile(r"\s{2,}|\t|\u3000+")
_PHONE = re.compile(r"(?<!\d)0\d{1,3}[-)]\s*\d{3,4}-\d{4}(?!\d)")
REASON = "a press release's contact box (its offices, the people to ask and their phones)"
MAX_ROWS = 6


def label_row(cells: list[str]) -> bool:
    """A row of the box's labels only, its office's and a person's among them (``담당 부서 | 책임자 |
    담당자 | 전화``)."""
    closed = {re.sub(r"\s+", "", c) for c in cells if c.strip()}
    return len(closed) >= 3 and closed <= _LABELS and bool(_PEOPLE & closed) and "담당부서" in closed


def contact_rows(label: list[str], rows: list[list[str]]) -> bool:
    """A box's label row over rows that each give a phone: a release's contacts set as a table."""
    return label_row(label) and bool(rows) and all(_PHONE.search(" ".join(row)) for row in rows)


def _labels(item: Item) -> bool:
    return label_row(_CELL.split(item.source.strip()))


def run(ctx: Context) -> None:
    """Drop each labelled contact box: its labels' row and the rows under it that give a phone."""
    items = list(ctx.items)
    for at, item in enumerate(items):
        if item.role is not None or item.kind is not None or not _labels(item):
            continue
        rows = []
        for row in items[at + 1 : at + 1 + MAX_ROWS]:
            if row.role is not None or row.kind is not None or not _PHONE.search(row.text):
                break
            rows.append(row)
        if rows:
            ctx.drop_all([(it, REASON, "boilerplate.release") for it in [item, *rows]])
