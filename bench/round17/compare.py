"""Before → after per configuration, from two ``bench/typography.py --json`` runs of the same
articles: within the limits, breaks, splits, bad splits, principled %, max, pooled p95, jumps %,
kinsoku / overflows / overlaps; then every PDF whose figures changed.

usage: .venv/bin/python bench/round17/compare.py BEFORE.json [BEFORE2.json ...] -- AFTER.json [...]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from typography import CONFIGS, MAX_EM, P95_EM, Figures


def load(paths: list[str]) -> dict[tuple[str, str], Figures]:
    out: dict[tuple[str, str], Figures] = {}
    for path in paths:
        for row in json.loads(Path(path).read_text(encoding="utf-8")):
            figures = Figures(**row)
            out[(figures.config, figures.article)] = figures
    return out


def summary(rows: list[Figures]) -> dict[str, str]:
    rows = [r for r in rows if r.error is None]
    breaks = sum(r.breaks for r in rows)
    splits = sum(r.splits for r in rows)
    bad = sum(r.bad for r in rows)
    gaps = sorted(g for r in rows for g in r.gaps)
    pairs = sum(r.pairs for r in rows)
    return {
        "within": str(sum(1 for r in rows if r.max_em <= MAX_EM and r.p95_em <= P95_EM)),
        "breaks": str(breaks),
        "splits": str(splits),
        "bad": str(bad),
        "principled %": f"{100 * (splits - bad) / breaks:.2f}" if breaks else "0.00",
        "max em": f"{max((r.max_em for r in rows), default=0.0):.3f}",
        "pooled p95": f"{gaps[min(len(gaps) - 1, int(0.95 * len(gaps)))]:.3f}" if gaps else "0.000",
        "jumps %": f"{100 * sum(r.jumps * r.pairs for r in rows) / pairs:.1f}" if pairs else "0.0",
        "kinsoku / overflows / overlaps": " / ".join(
            str(sum(getattr(r, name) for r in rows)) for name in ("kinsoku", "overflows", "overlaps")
        ),
    }


def shape(row: Figures) -> tuple[object, ...]:
    """The figures whose change makes a PDF's line in the list of changes."""
    return (row.breaks, row.splits, row.bad, row.max_em, row.p95_em, row.jumps, row.kinsoku, row.overflows)


def main(
    summary_of: Callable[[list[Figures]], dict[str, str]] = summary,
    detail: Callable[[Figures, Figures], str] = lambda old, new: "",
) -> None:
    """Print the table (columns from ``summary_of``) and the changed PDFs (each line ended by
    ``detail``) of the runs named on the command line."""
    cut = sys.argv.index("--")
    before, after = load(sys.argv[1:cut]), load(sys.argv[cut + 1 :])
    configs = [c for c in CONFIGS.split(",") if any(k[0] == c for k in after)]
    keys = list(summary_of([]))
    print("| config | PDFs | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 2) + "|")
    for config in configs:
        names = sorted(a for c, a in after if c == config and (c, a) in before)
        old = summary_of([before[(config, a)] for a in names])
        new = summary_of([after[(config, a)] for a in names])
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
                f" jumps {old.jumps:.2f}→{new.jumps:.2f}{detail(old, new)}"
            )


if __name__ == "__main__":
    main()
