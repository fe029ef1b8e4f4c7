"""Pass ``dedupe``: exact and near-exact repeats of lines (and so of paragraphs, runs and whole
bodies) are removed; the first occurrence wins. A caption repeated as alt text keeps the
credit of whichever copy had one."""

from __future__ import annotations

from difflib import SequenceMatcher

from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import key

NEAR_MIN = 25
NEAR_RATIO = 0.95
PREFIX_MIN = 40


def _near(a: str, b: str) -> bool:
    """Same text up to small edits, or one a truncated copy of the other."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < NEAR_MIN:
        return False
    if len(short) >= PREFIX_MIN and long_.startswith(short) and len(short) / len(long_) >= 0.5:
        return True
    if len(short) / len(long_) < 0.92:
        return False
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
        ctx.duplicates.append((item, first))
