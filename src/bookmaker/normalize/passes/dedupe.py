"""Pass ``dedupe``: repeats of lines (and so of paragraphs, runs and whole bodies) are removed, and
no fact goes with them.

* An exact repeat (same text up to spacing, punctuation and quote style) is removed; the first
  copy stays. A caption repeated as alt text keeps the credit of whichever copy had one.
* A near repeat (a truncated teaser "…", one more sentence, a small edit) is removed only when it
  carries no word or number the kept copy lacks; when the *earlier* copy is the one that lacks
  something (a teaser above the full paragraph, a summary cut short), the earlier copy goes and the
  more complete one stays. Two lines that each carry something of their own — a forecast for another
  city with another temperature — are both kept.
* A short line ("네.") and an answer in a dialogue ("◆ 김 교수> 충분히 이해합니다.", a line after a
  question) are removed only where they repeat the line just before or stand in a repeated passage:
  elsewhere they answer another question.
* Blocks given whole (tables, lists) are never compared, nor a line of a stanza repeating another
  stanza's line: a refrain (a song's chorus sung three times) is the text's.
* A pull quote the markup marks (a magazine's ``<aside class="pull-quote">``) is removed when the text
  says it anywhere, before or after it (a sentence or a clause of a paragraph); one that repeats
  nothing stays, a quote. So is an unmarked one, a line all in quotation marks that a paragraph
  close to it (three lines either side) says again within its own words.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import chain

from bookmaker.normalize.blocks import structured, verse_line
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import SPEAKER, key

NEAR_MIN = 25
SHORT = 10  # a repeated line shorter than this (its key) is a copy only inside a repeated passage
ANSWER = 60  # …and so is a dialogue line up to this long
NEAR_RATIO = 0.95
PREFIX_MIN = 25
TEASER_MIN = 20  # a copy cut short with "…" may be this short (its key)


def _near(a: str, b: str, teaser: bool = False) -> bool:
    """Same text up to small edits, or one a truncated copy of the other."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < (TEASER_MIN if teaser else NEAR_MIN):
        return False
    if len(short) >= (TEASER_MIN if teaser else PREFIX_MIN) and long_.startswith(short):
        return teaser or len(short) / len(long_) >= 0.5
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
    MAX_CHECKS = 16
    """Lines compared in full with each new line at most (the most shingles shared first): lines cut
    from one template share most shingles, and comparing each with all the others grows with the
    square of their number."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.items: list[Item] = []
        self.sizes: list[int] = []
        self.cut: list[bool] = []  # the line stops short with an ellipsis
        self.postings: dict[str, list[int]] = {}

    def _shingles(self, k: str) -> set[str]:
        n = self.SHINGLE
        return {k[i : i + n] for i in range(max(1, len(k) - n + 1))}

    def find(self, k: str, teaser: bool, alive: Callable[[Item], bool]) -> Item | None:
        if len(k) < TEASER_MIN:
            return None
        sh = self._shingles(k)
        counts = Counter(chain.from_iterable(self.postings.get(s, ())[: self.MAX_POSTINGS] for s in sh))
        shared = [j for j, n in counts.items() if n >= 0.5 * min(len(sh), self.sizes[j])]
        if len(shared) > self.MAX_CHECKS:  # a template's lines all alike: the likeliest few, not all
            shared = heapq.nsmallest(self.MAX_CHECKS, shared, key=lambda j: (-counts[j], j))
        for j in sorted(shared):
            if alive(self.items[j]) and _near(k, self.keys[j], teaser or self.cut[j]):
                return self.items[j]
        return None

    def add(self, k: str, item: Item) -> None:
        if len(k) < TEASER_MIN:
            return
        j = len(self.keys)
        sh = self._shingles(k)
        self.keys.append(k)
        self.items.append(item)
        self.sizes.append(len(sh))
        self.cut.append(_cut(item.text))
        for s in sh:
            self.postings.setdefault(s, []).append(j)


_TOKEN = re.compile(r"[^\W_]+(?:[.,%][^\W_]+)*%?")


def _cut(text: str) -> bool:
    """The line stops short with an ellipsis (a teaser): ``…`` or ``..`` among the marks after its last
    letter (read from the end: a search for them before any marks tried every dot of a long run of
    dots, in time with its cube)."""
    core = text.rstrip()
    start = len(core)
    while start and not (core[start - 1].isalnum() or core[start - 1] == "_"):
        start -= 1
    tail = core[start:]
    return "…" in tail or ".." in tail


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def adds(copy: str, kept: str) -> bool:
    """``copy`` carries a fact that ``kept`` lacks: a number, a Latin word, or a Hangul word whose
    stem (first two syllables) starts none of ``kept``'s words — another ending of the same word
    (늘었다고 / 늘었다며) is no new fact. The last word of a teaser cut short may be the start of
    one of ``kept``'s."""
    mine, theirs = _tokens(copy), set(_tokens(kept))
    extra = [t for t in mine if t not in theirs]
    if extra and _cut(copy) and extra[-1] == mine[-1] and any(t.startswith(mine[-1]) for t in theirs):
        extra.pop()
    return any(_fact(t, theirs) for t in extra)


def _fact(token: str, theirs: set[str]) -> bool:
    if not re.fullmatch(r"[\uac00-\ud7a3]+", token):
        return True  # a number, a Latin word, Hanja
    stem = token[:2]
    return not any(t.startswith(stem) for t in theirs)


def _dialogue(items: list[Item], index: int) -> bool:
    """``items[index]`` is a turn of a dialogue: it names its speaker, or follows a question."""
    if SPEAKER.match(items[index].text):
        return True
    return index > 0 and items[index - 1].text.rstrip().endswith(("?", "？"))


_QUOTED_LINE = re.compile(r"^\s*[“\"][^“”\"]{8,100}[”\"]\s*$")
"""A line that is one quotation and nothing else (``“바다는 한 번도 같은 얼굴을 보여 준 적이 없다”``)."""
PULL_QUOTE_REACH = 3
"""Lines either side of an unmarked pull quote where the paragraph repeating it stands."""


def _pull_quotes(ctx: Context) -> None:
    """Drop a pull quote whose words the text says again in a longer line: a marked one wherever the
    text says them, an unmarked quotation alone on its line where a line close to it does."""
    items = ctx.items
    for at, item in enumerate(items):
        if item.attrs.get("pull_quote"):
            others = items
        elif not structured(item) and _QUOTED_LINE.match(item.text):
            others = items[max(0, at - PULL_QUOTE_REACH) : at + PULL_QUOTE_REACH + 1]
        else:
            continue
        k = key(item.text)
        source = next(
            (
                o
                for o in others
                if o is not item
                and not structured(o)
                and len(o.text) > len(item.text)
                and k
                and k in key(o.text)
            ),
            None,
        )
        if source is not None:
            reason = f"a pull quote repeating line {source.line}"
            ctx.drop(item, reason, "dedupe.pull-quote", duplicate_of=source.line)
            ctx.duplicates.append((item, source))


def run(ctx: Context) -> None:
    """Drop later copies of earlier lines (or the earlier, less complete copy), recording which
    line they repeat."""
    _pull_quotes(ctx)
    seen: dict[str, Item] = {}
    near = _NearIndex()
    found: list[tuple[Item, Item, str, str]] = []  # (copy, kept, rule, label)
    gone: set[int] = set()
    for item in ctx.items:
        k = key(item.text)
        if not k or structured(item):  # a table, a list is never a duplicate line
            continue
        first = seen.get(k)
        if first is not None:
            found.append((item, first, "dedupe.exact", "duplicate"))
            continue
        seen[k] = item
        other = near.find(k, _cut(item.text), lambda it: id(it) not in gone)
        if other is not None and "figure" not in (item.role, other.role):
            if not adds(item.text, other.text):
                found.append((item, other, "dedupe.near", "near-duplicate"))
                gone.add(id(item))
                continue
            if not adds(other.text, item.text):
                found.append((other, item, "dedupe.near", "less complete copy"))
                gone.add(id(other))
        near.add(k, item)
    copies = {id(copy) for copy, *_ in found}
    items = list(ctx.items)  # neighbours as in the source, before any copy is dropped
    where = {id(it): at for at, it in enumerate(items)}  # list.index compared items field by field
    drops: list[tuple[Item, str, str]] = []  # dropped together: one by one is quadratic
    originals: list[int] = []  # the line each drop copies
    for copy, kept, rule, label in found:
        if copy.role == "figure" or kept.role == "figure":
            if copy.credit and kept.credit and key(copy.credit) != key(kept.credit):
                continue  # "책 표지 이미지" credited to two publishers: two photos, one generic caption
            if copy.credit and not kept.credit:
                kept.credit = copy.credit
            kept.role = "figure"
            rule = "dedupe.caption"
        elif verse_line(copy) and verse_line(kept):
            continue  # a refrain: a song's chorus, a poem's repeated line, sung or said again
        elif _turn(items, where[id(copy)]) and not _in_repeat(items, where[id(copy)], kept, copies):
            continue  # "네." answering another question than the first "네." did
        elif copy.attrs.get("own_text") and kept.attrs.get("own_text"):
            continue  # a menu's dish served again another day (pass menu_days), a relay's "1구 볼"
        elif _relabelled_item(items, where, copy, kept, copies):
            continue  # the agenda's items again under "상정된 안건": another list of the same items
        elif kept.kind == "subtitle" and _SUBHEAD_MARK.match(copy.text):
            continue  # the deck names the text's subheads: "◇…" under it is the subhead itself
        drops.append((copy, f"{label} of line {kept.line}", rule))
        originals.append(kept.line)
        ctx.duplicates.append((copy, kept))
    ctx.drop_all(drops, duplicate_of=originals)


_SUBHEAD_MARK = re.compile(r"^\s*[◇◆■□▶▷●○△▲◎]\s*\S")


_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+\S")
MAX_LABEL = 20


def _label_over(items: list[Item], index: int) -> Item | None:
    """The short line over the numbered run ``items[index]`` stands in (None when there is none)."""
    at = index
    while at > 0 and _NUMBERED.match(items[at].text):
        at -= 1
    label = items[at]
    return label if at < index and not _NUMBERED.match(label.text) and len(label.text) <= MAX_LABEL else None


def _relabelled_item(
    items: list[Item], where: dict[int, int], copy: Item, kept: Item, copies: set[int]
) -> bool:
    """A numbered item repeated in a run under another label than its first run's (a minutes' agenda
    under ``의사일정``, then under ``상정된 안건``): another list that names the same items, no copy. A
    pasted passage repeats the label too (it is a copy itself)."""
    if not _NUMBERED.match(copy.text):
        return False
    mine, theirs = _label_over(items, where[id(copy)]), _label_over(items, where[id(kept)])
    return (
        mine is not None
        and theirs is not None
        and id(mine) not in copies
        and key(mine.text) != key(theirs.text)
    )


def _turn(items: list[Item], index: int) -> bool:
    """A short line, or an answer in a dialogue (``items[index]``): it may repeat without being a
    copy."""
    size = len(key(items[index].text))
    return size < SHORT or (size <= ANSWER and _dialogue(items, index))


def _in_repeat(items: list[Item], index: int, first: Item, copies: set[int]) -> bool:
    """``items[index]`` repeats the line just before it, or stands in a repeated passage (a line
    next to it is a copy too)."""
    neighbours = items[max(0, index - 1) : index] + items[index + 1 : index + 2]
    return (index > 0 and items[index - 1] is first) or any(id(other) in copies for other in neighbours)
