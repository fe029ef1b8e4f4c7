"""Pass ``dedupe``: exact and near-exact repeats of lines (and so of paragraphs, runs and whole
bodies) are removed; the first occurrence wins. A caption repeated as alt text keeps the
credit of whichever copy had one."""

from __future__ import annotations

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
    for item in list(ctx.items):
        k = key(item.text)
        if not k or item.block is not None:  # a table or list given whole is never a duplicate line
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
        if item.role == "figure" or first.role == "figure":
            if item.credit and not first.credit:
                first.credit = item.credit
            first.role = "figure"
            rule = "dedupe.caption"
        ctx.drop(item, f"{label} of line {first.line}", rule, duplicate_of=first.line)
        ctx.duplicates.append((item, first))
