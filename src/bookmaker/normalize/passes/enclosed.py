"""Interface text enclosed by interface text, below the title of a plain text laid out in blank-line
groups (called by pass ``title`` once the title is known): a short run of lines right between two
lines removed as the page's interface (``boilerplate.chrome``), in a group that is at least twice as
much interface as anything else, is interface too — an order box's options (``- 노을 코랄`` between
``색상 : [필수] 색상을 선택해 주세요`` and ``수량 - 1 +``), a review's sentence between its stars line and
its ``도움돼요 12``. Above the title the lines between interface lines are the header's (the
headline, the date, the byline), and are left to the passes that read them."""

from __future__ import annotations

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item

MAX_ENCLOSED = 4
"""The most lines a run enclosed by interface lines may have."""
REASON = "page interface text between interface lines (an order box's options, a review's text)"


def _groups(ctx: Context) -> dict[int, int]:
    """Source line → its blank-line group (the group's first line), for a plain text laid out in
    blank-line groups; empty otherwise."""
    if ctx.source_format != "text" or not any(it.attrs.get("after_blank") for it in ctx.items):
        return {}
    groups: dict[int, int] = {}
    start = 1
    for line in range(1, max(ctx.source_text, default=0) + 1):
        if ctx.source_text.get(line, "").strip():
            groups[line] = start
        else:
            start = line + 1
    return groups


def _counts(lines: list[int], groups: dict[int, int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for line in lines:
        if line in groups:
            out[groups[line]] = out.get(groups[line], 0) + 1
    return out


def _runs(items: list[Item]) -> list[list[Item]]:
    """The items in runs of consecutive source lines."""
    runs: list[list[Item]] = []
    for item in items:
        last = runs[-1][-1] if runs else None
        if last is not None and item.line == (last.last or last.line) + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def drop_enclosed(ctx: Context, title_line: int) -> None:
    """Remove the runs of interface text enclosed by interface lines below ``title_line``."""
    groups = _groups(ctx)
    if not groups:
        return
    chrome = {r.line for r in ctx.removed if r.rule == "boilerplate.chrome"}
    kept = _counts([ln for it in ctx.items for ln in range(it.line, (it.last or it.line) + 1)], groups)
    lost = _counts(sorted(chrome), groups)
    for run in _runs(ctx.items):
        first, end = run[0].line, run[-1].last or run[-1].line
        group = groups.get(first)
        if (
            first > title_line
            and len(run) <= MAX_ENCLOSED
            and first - 1 in chrome
            and end + 1 in chrome
            and group is not None
            and groups.get(end) == group
            and lost.get(group, 0) >= 2 * kept.get(group, 0)
            and all(it.role is None and it.kind is None and not structured(it) for it in run)
        ):
            for item in run:
                ctx.drop(item, REASON, "boilerplate.chrome")
