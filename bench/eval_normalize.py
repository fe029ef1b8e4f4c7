"""Evaluate normalization against hand-written expectations.

Each ``tests/fixtures/articles/NAME.expected.json`` names its input (``input``, relative to
the fixtures folder, or ``input_repo``, relative to the repository root) and the fields a careful
editor expects: title, series, subtitles, authors, date, publisher, dateline, rights, the block
sequence (``"p:5"``, ``"h:13"``, ``"fig:11:연합뉴스"``, ``"quote:3"``, ``"list:4"``), the removed
lines, and text that must (``contains``) or must not (``absent``) be in the body. ``encode``
re-encodes the UTF-8 input (``cp949``, ``utf-16``, ``utf-8-sig``) before reading.

Run ``python bench/eval_normalize.py`` for a table of per-field results and accuracies.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
sys.path.insert(0, str(ROOT / "src"))

from bookmaker.ir import (  # noqa: E402
    CodeBlock,
    Document,
    Figure,
    Footnote,
    Heading,
    ListBlock,
    Quote,
    Table,
    ThematicBreak,
)
from bookmaker.normalize import normalize  # noqa: E402
from bookmaker.raw import RawDocument  # noqa: E402
from bookmaker.readers import read  # noqa: E402

FIELDS = [
    "title",
    "deck",
    "authors",
    "date",
    "publisher",
    "dateline",
    "blocks",
    "removed",
    "text",
    "conserve",
]
TAGS = {
    Figure: "fig",
    Heading: "h",
    Quote: "quote",
    ListBlock: "list",
    Table: "table",
    CodeBlock: "code",
    ThematicBreak: "hr",
    Footnote: "note",
}


@dataclass
class Result:
    """Per-field verdicts for one fixture (None = not checked) plus block/removal scores."""

    name: str
    ok: dict[str, bool | None] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    block_score: float = 0.0
    removed_tp: int = 0
    removed_fp: int = 0
    removed_fn: int = 0


def block_specs(doc: Document) -> list[str]:
    """The block sequence in the compact expected form."""
    out = []
    for b in doc.blocks:
        tag = TAGS.get(type(b), "p")
        spec = f"{tag}:{b.lines[0] if b.lines else 0}"
        if isinstance(b, Figure) and b.credit:
            spec += f":{b.credit}"
        out.append(spec)
    return out


def load_input(exp: dict, tmp: Path) -> tuple[RawDocument, Path]:
    """Read the fixture input, re-encoded if the expectation asks for it."""
    path = ROOT / exp["input_repo"] if "input_repo" in exp else FIXTURES / exp["input"]
    if exp.get("encode"):
        data = path.read_bytes().decode("utf-8").encode(exp["encode"])
        path = tmp / (path.stem + "." + exp["encode"] + path.suffix)
        path.write_bytes(data)
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw, path


def unaccounted(raw: RawDocument, doc: Document) -> list[int]:
    """Non-blank source lines in no block, no Meta.lines entry and no removal."""
    covered: set[int] = {r.line for r in doc.removed}
    for b in doc.blocks:
        if b.lines:
            covered.update(range(b.lines[0], b.lines[-1] + 1))
    for lines in doc.meta.lines.values():
        covered.update(lines)
    return [sl.line for sl in raw.lines if sl.text.strip() and sl.line not in covered]


def evaluate(exp_path: Path) -> tuple[Result, Document]:
    """Compare one fixture's normalization with its expectation."""
    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    res = Result(exp_path.name.removesuffix(".expected.json"))
    with tempfile.TemporaryDirectory() as tmp:
        raw, _ = load_input(exp, Path(tmp))
    doc = normalize(raw)
    m = doc.meta

    def check(name: str, got: object, want: object) -> None:
        res.ok[name] = got == want
        if got != want:
            res.notes[name] = f"got {got!r}, want {want!r}"

    check("title", m.title, exp["title"])
    check("deck", (m.series, m.subtitles), (exp.get("series", []), exp.get("subtitles", [])))
    check("authors", [[a.name, a.role, a.email] for a in m.authors], exp.get("authors", []))
    check("date", m.date, exp.get("date"))
    check("publisher", m.publisher, exp.get("publisher"))
    if "dateline" in exp or "rights" in exp:
        got_dl = (m.dateline if "dateline" in exp else None, m.rights if "rights" in exp else None)
        check("dateline", got_dl, (exp.get("dateline"), exp.get("rights")))
    else:
        res.ok["dateline"] = None
    specs = block_specs(doc)
    check("blocks", specs, exp["blocks"])
    res.block_score = SequenceMatcher(None, specs, exp["blocks"], autojunk=False).ratio()
    want_removed = set(exp.get("removed", []))
    # the HTML reader's own removals (page chrome outside the article: rules html.*) are scored only
    # where an expectation names the line; the expectations list what normalization removes
    got_removed = {
        r.line for r in doc.removed if not (r.rule or "").startswith("html.") or r.line in want_removed
    }
    check("removed", sorted(got_removed), sorted(want_removed))
    res.removed_tp = len(got_removed & want_removed)
    res.removed_fp = len(got_removed - want_removed)
    res.removed_fn = len(want_removed - got_removed)
    body = "\n".join(b.text for b in doc.blocks)
    missing = [s for s in exp.get("contains", []) if s not in body]
    present = [s for s in exp.get("absent", []) if s in body or s in m.title]
    res.ok["text"] = not missing and not present
    if missing or present:
        res.notes["text"] = f"missing {missing}, present {present}"
    lost = unaccounted(raw, doc)
    res.ok["conserve"] = not lost
    if lost:
        res.notes["conserve"] = f"unaccounted lines {lost}"
    return res, doc


def expectations() -> list[Path]:
    """All expectation files, sorted by name."""
    return sorted(FIXTURES.glob("*.expected.json"))


def main(argv: list[str]) -> int:
    """Print the table; ``-v`` also prints what differed."""
    verbose = "-v" in argv
    start = time.perf_counter()
    results = [evaluate(p)[0] for p in expectations()]
    elapsed = time.perf_counter() - start
    width = max(len(r.name) for r in results) + 2
    print("fixture".ljust(width) + " ".join(f"{f[:8]:>8}" for f in FIELDS) + "   blocks~")
    for r in results:
        cells = []
        for f in FIELDS:
            v = r.ok.get(f)
            cells.append(f"{'-' if v is None else ('ok' if v else 'FAIL'):>8}")
        print(r.name.ljust(width) + " ".join(cells) + f"   {r.block_score:.2f}")
        if verbose:
            for f, note in r.notes.items():
                print(f"    {f}: {note}")
    print()
    totals = []
    for f in FIELDS:
        checked = [r.ok[f] for r in results if r.ok.get(f) is not None]
        acc = sum(bool(v) for v in checked) / len(checked) if checked else 0.0
        totals.append(f"{acc * 100:7.1f}%")
    print("accuracy".ljust(width) + " ".join(totals))
    tp = sum(r.removed_tp for r in results)
    fp = sum(r.removed_fp for r in results)
    fn = sum(r.removed_fn for r in results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    mean_blocks = sum(r.block_score for r in results) / len(results)
    perfect = sum(all(v is not False for v in r.ok.values()) for r in results)
    held = [r for r in results if r.name.startswith("ho")]
    if held:
        held_ok = sum(all(v is not False for v in r.ok.values()) for r in held)
        print(
            f"held-out (ho*, 7 rounds): {held_ok}/{len(held)} fully correct "
            "(first run before any rule change for them: see bench/heldout-first-run.txt)"
        )
    print(
        f"\n{len(results)} fixtures, {perfect} fully correct; mean block-sequence similarity "
        f"{mean_blocks:.3f}; removed lines precision {precision:.3f} recall {recall:.3f}; "
        f"{elapsed:.2f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
