"""Pass ``dedupe``: exact and near-exact repeats of lines (and so of paragraphs, runs and whole
bodies) are removed; the first occurrence wins. A caption repeated as alt text keeps the
credit of whichever copy had one. A short line (an interview's "네.") is removed only where it
repeats the line before it or sits in a repeated passage; blocks given whole (tables, lists) are
never compared."""

from __future__ import annotations

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import key

NEAR_MIN = 25
SHORT = 10  # a repeated line shorter than this (its key) is a copy only inside a repeated passage
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
    from difflib import SequenceMatcher  # only here: most articles never get this far (~2 ms import)

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= NEAR_RATIO and matcher.ratio() >= NEAR_RATIO


class _NearIndex:
    """Candidates for near-duplicate checks via shared 4-character shingles, so long inputs
    do not compare every pair of lines."""

    SHINGLE = 4
    MAX_POSTINGS = 64

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.items: list[Item] = []
        self.sizes: list[int] = []
        self.postings: dict[str, list[int]] = {}

    def _shingles(self, k: str) -> set[str]:
        n = self.SHINGLE
        return {k[i : i + n] for i in range(max(1, len(k) - n + 1))}

    def find(self, k: str) -> Item | None:
        if len(k) < NEAR_MIN:
            return None
        sh = self._shingles(k)
        counts: dict[int, int] = {}
        for s in sh:
            for j in self.postings.get(s, ())[: self.MAX_POSTINGS]:
                counts[j] = counts.get(j, 0) + 1
        for j in sorted(counts):
            if counts[j] >= 0.5 * min(len(sh), self.sizes[j]) and _near(k, self.keys[j]):
                return self.items[j]
        return None

    def add(self, k: str, item: Item) -> None:
        if len(k) < NEAR_MIN:
            return
        j = len(self.keys)
        sh = self._shingles(k)
        self.keys.append(k)
        self.items.append(item)
        self.sizes.append(len(sh))
        for s in sh:
            self.postings.setdefault(s, []).append(j)


def run(ctx: Context) -> None:
    """Drop later copies of earlier lines, recording which line they repeat."""
    seen: dict[str, Item] = {}
    near = _NearIndex()
    found: list[tuple[Item, Item, str, str]] = []  # (copy, first, rule, label)
    for item in ctx.items:
        k = key(item.text)
        if not k or structured(item):  # a table, a list is never a duplicate line
            continue
        first = seen.get(k)
        rule, label = "dedupe.exact", "duplicate"
        if first is None:
            first = near.find(k)
            rule, label = "dedupe.near", "near-duplicate"
        if first is None:
            seen[k] = item
            near.add(k, item)
            continue
        found.append((item, first, rule, label))
    copies = {id(item) for item, *_ in found}
    items = list(ctx.items)  # neighbours as in the source, before any copy is dropped
    for item, first, rule, label in found:
        if item.role == "figure" or first.role == "figure":
            if item.credit and not first.credit:
                first.credit = item.credit
            first.role = "figure"
            rule = "dedupe.caption"
        elif len(key(item.text)) < SHORT and not _in_repeat(items, item, first, copies):
            continue  # "네." answering another question than the first "네." did
        ctx.drop(item, f"{label} of line {first.line}", rule, duplicate_of=first.line)
        ctx.duplicates.append((item, first))


def _in_repeat(items: list[Item], item: Item, first: Item, copies: set[int]) -> bool:
    """``item`` repeats the line just before it, or stands in a repeated passage (a line next to
    it is a copy too)."""
    index = items.index(item)
    neighbours = items[max(0, index - 1) : index] + items[index + 1 : index + 2]
    return (index > 0 and items[index - 1] is first) or any(id(other) in copies for other in neighbours)
