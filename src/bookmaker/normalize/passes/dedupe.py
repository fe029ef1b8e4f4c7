"""Pass ``dedupe``: exact and near-exact repeats of lines (and so of paragraphs, runs and whole
bodies) are removed; the first occurrence wins. A caption repeated as alt text keeps the
credit of whichever copy had one."""

from __future__ import annotations

from difflib import SequenceMatcher

from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import key

NEAR_MIN = 25
NEAR_RATIO = 0.9


def _near(a: str, b: str) -> bool:
    if min(len(a), len(b)) < NEAR_MIN or not 0.8 <= len(a) / len(b) <= 1.25:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= NEAR_RATIO and matcher.ratio() >= NEAR_RATIO


def run(ctx: Context) -> None:
    """Drop later copies of earlier lines, recording which line they repeat."""
    seen: dict[str, Item] = {}
    kept: list[tuple[str, Item]] = []
    for item in list(ctx.items):
        k = key(item.text)
        if not k:
            continue
        first = seen.get(k)
        rule, label = "dedupe.exact", "duplicate"
        if first is None:
            first = next((it for kk, it in kept if _near(k, kk)), None)
            rule, label = "dedupe.near", "near-duplicate"
        if first is None:
            seen[k] = item
            kept.append((k, item))
            continue
        if item.role == "figure" or first.role == "figure":
            if item.credit and not first.credit:
                first.credit = item.credit
            first.role = "figure"
            rule = "dedupe.caption"
        ctx.drop(item, f"{label} of line {first.line}", rule, duplicate_of=first.line)
