"""Before → after per configuration, from two ``bench/typography.py --json`` runs of the same
articles: within the limits, breaks, splits, bad splits, principled %, max, pooled p95, jumps %,
kinsoku / overflows / overlaps; then every PDF whose figures changed.

usage: .venv/bin/python bench/round17/compare.py BEFORE.json [BEFORE2.json ...] -- AFTER.json [...]
"""

from __future__ import annotations

import json
import sys
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
            if old is None:
                continue
            shape = (
                old.breaks,
                old.splits,
                old.bad,
                old.max_em,
                old.p95_em,
                old.jumps,
                old.kinsoku,
                old.overflows,
            )
            if shape != (
                new.breaks,
                new.splits,
                new.bad,
                new.max_em,
                new.p95_em,
                new.jumps,
                new.kinsoku,
                new.overflows,
            ):
                print(
                    f"{config} {article}: breaks {old.breaks}→{new.breaks}, splits {old.splits}→{new.splits},"
                    f" max {old.max_em:.3f}→{new.max_em:.3f}, p95 {old.p95_em:.3f}→{new.p95_em:.3f},"
                    f" jumps {old.jumps:.2f}→{new.jumps:.2f}"
                )


if __name__ == "__main__":
    main()
