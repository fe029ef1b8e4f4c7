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
from compare import main as table  # type: ignore[import-not-found]
from compare import summary as round17_summary
from typography import MAX_EM, P95_EM, Figures

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
    """Round seventeen's columns, with the PDFs over each share and those passing every check."""
    done = [r for r in rows if r.error is None]
    extra = {
        "principled %": ("PDFs over 3 %", str(sum(map(over_splits, done)))),
        "jumps %": ("PDFs over 10 % jumps", str(sum(1 for r in done if r.jumps > JUMP_SHARE))),
    }
    out: dict[str, str] = {}
    for key, value in round17_summary(rows).items():
        out[key] = value
        if key in extra:
            out[extra[key][0]] = extra[key][1]
    out["PDFs passing all"] = str(sum(map(passes, done)))
    return out


if __name__ == "__main__":
    table(summary, lambda old, new: f", passes {passes(old)}→{passes(new)}")
