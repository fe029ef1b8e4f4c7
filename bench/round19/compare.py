"""Before → after per configuration, from ``bench/typography.py --json`` runs of the same articles,
with what #21 asks of each PDF: within the looseness limits (max ≤ 0.8, p95 ≤ 0.45 em), principled
splits ≤ 3 % of its breaks, tracking jumps ≤ 10 %, no bad split, no kinsoku fault, overflow or
overlap ("all": every one of them); then every PDF whose figures changed.

usage: .venv/bin/python bench/round19/compare.py BEFORE.json [...] -- AFTER.json [...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round17"))
from compare import load  # type: ignore[import-not-found]
from typography import CONFIGS, MAX_EM, P95_EM, Figures

SPLIT_SHARE = 0.03
JUMP_SHARE = 0.10


def within(row: Figures) -> bool:
    return row.max_em <= MAX_EM and row.p95_em <= P95_EM


def over_splits(row: Figures) -> bool:
    return bool(row.breaks) and (row.splits - row.bad) / row.breaks > SPLIT_SHARE


def passes(row: Figures) -> bool:
    faults = row.bad + row.kinsoku + row.overflows + row.overlaps
    return within(row) and not over_splits(row) and row.jumps <= JUMP_SHARE and not faults


def summary(rows: list[Figures]) -> dict[str, str]:
    rows = [r for r in rows if r.error is None]
    breaks = sum(r.breaks for r in rows)
    splits = sum(r.splits for r in rows)
    bad = sum(r.bad for r in rows)
    gaps = sorted(g for r in rows for g in r.gaps)
    pairs = sum(r.pairs for r in rows)
    return {
        "within": str(sum(map(within, rows))),
        "breaks": str(breaks),
        "splits": str(splits),
        "bad": str(bad),
        "principled %": f"{100 * (splits - bad) / breaks:.2f}" if breaks else "0.00",
        "PDFs over 3 %": str(sum(map(over_splits, rows))),
        "max em": f"{max((r.max_em for r in rows), default=0.0):.3f}",
        "pooled p95": f"{gaps[min(len(gaps) - 1, int(0.95 * len(gaps)))]:.3f}" if gaps else "0.000",
        "jumps %": f"{100 * sum(r.jumps * r.pairs for r in rows) / pairs:.1f}" if pairs else "0.0",
        "PDFs over 10 % jumps": str(sum(1 for r in rows if r.jumps > JUMP_SHARE)),
        "kinsoku / overflows / overlaps": " / ".join(
            str(sum(getattr(r, name) for r in rows)) for name in ("kinsoku", "overflows", "overlaps")
        ),
        "PDFs passing all": str(sum(map(passes, rows))),
    }


def shape(row: Figures) -> tuple[object, ...]:
    return (row.breaks, row.splits, row.bad, row.max_em, row.p95_em, row.jumps, row.kinsoku, row.overflows)


def main() -> None:
    cut = sys.argv.index("--")
    before, after = load(sys.argv[1:cut]), load(sys.argv[cut + 1 :])
    configs = [c for c in CONFIGS.split(",") if any(k[0] == c for k in after)]
    keys = list(summary([]))
    print("| config | PDFs | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 2) + "|")
    for config in configs:
        names = sorted(a for c, a in after if c == config and (c, a) in before)
        old = summary([before[(config, a)] for a in names])
        new = summary([after[(config, a)] for a in names])
        cells = [o if o == n else f"{o} → {n}" for o, n in zip(old.values(), new.values(), strict=True)]
        print(f"| {config} | {len(names)} | " + " | ".join(cells) + " |")
    print()
    for config in configs:
        for article in sorted(a for c, a in after if c == config):
            old, new = before.get((config, article)), after[(config, article)]
            if old is None or shape(old) == shape(new):
                continue
            print(
                f"{config} {article}: breaks {old.breaks}→{new.breaks}, splits {old.splits}→{new.splits},"
                f" max {old.max_em:.3f}→{new.max_em:.3f}, p95 {old.p95_em:.3f}→{new.p95_em:.3f},"
                f" jumps {old.jumps:.2f}→{new.jumps:.2f}, passes {passes(old)}→{passes(new)}"
            )


if __name__ == "__main__":
    main()
