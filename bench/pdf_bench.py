"""PDF build time and peak memory: bookmaker's build_pdf vs a plain WeasyPrint render of the same HTML.

usage: python bench/pdf_bench.py [IR.json ...] [--page-size a5] [--runs 7] [--json]

Each measurement runs in a fresh process (peak RSS is per process) after an in-process warm-up
(Pango, fontconfig and the fonts loaded by one small render). The two sides are interleaved, in
alternating order, after one discarded warm-up round (disk cache); the report gives the median wall
time and the median CPU time of each side, their ratios, and the spread (min-max) of the per-round
wall ratios. CPU time is the steadier figure on a shared machine: other processes stretch wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests/fixtures/ir" / f"{n}.json" for n in ("seed", "long-semiconductor", "long-climate")]
MODES = ("plain", "ours")


def _one(mode: str, path: str, page: str) -> None:
    """Measure one side once, in this process; print JSON."""
    from datetime import UTC, datetime

    import weasyprint

    from bookmaker.ir import from_json
    from bookmaker.layout import render_print_html
    from bookmaker.layout.pages import page_spec
    from bookmaker.writers.pdf import write_pdf

    doc = from_json(Path(path).read_text(encoding="utf-8"))
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    weasyprint.HTML(string="<p>warm</p>").write_pdf()  # load Pango/fonts outside the timing
    if mode == "plain":
        html = render_print_html(doc, page_spec(page), created="2025-01-01T00:00:00Z")
        wall, cpu = time.perf_counter(), time.process_time()
        weasyprint.HTML(string=html).write_pdf()
    else:
        wall, cpu = time.perf_counter(), time.process_time()
        write_pdf(doc, created=moment, page=page_spec(page))
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "peak_mb": peak}))


def _run(mode: str, path: Path, page: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--one", mode, str(path), "--page-size", page]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def measure(path: Path, page: str, runs: int) -> dict[str, float]:
    """Median figures of both sides over ``runs`` interleaved rounds (after one warm-up round)."""
    for mode in MODES:
        _run(mode, path, page)
    res: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    for round_ in range(runs):
        for mode in MODES if round_ % 2 == 0 else MODES[::-1]:
            res[mode].append(_run(mode, path, page))
    med = {
        f"{mode}_{key}": statistics.median(r[key] for r in res[mode])
        for mode in MODES
        for key in ("seconds", "cpu")
    }
    ratios = [o["seconds"] / p["seconds"] for p, o in zip(res["plain"], res["ours"], strict=True)]
    return {
        **med,
        "ratio": med["ours_seconds"] / med["plain_seconds"],
        "cpu_ratio": med["ours_cpu"] / med["plain_cpu"],
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
        "plain_mb": max(r["peak_mb"] for r in res["plain"]),
        "ours_mb": max(r["peak_mb"] for r in res["ours"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--page-size", default="a5")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="one JSON object per file")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args.one[0], args.one[1], args.page_size)
        return
    if not args.json:
        print(
            f"{'file':20} {'plain s':>8} {'ours s':>8} {'ratio':>6} {'(min-max)':>11}"
            f" {'cpu ratio':>9} {'plain MB':>9} {'ours MB':>8}"
        )
    for path in args.files:
        m = measure(path, args.page_size, args.runs)
        if args.json:
            print(json.dumps({"file": path.stem, "page": args.page_size, "runs": args.runs, **m}))
            continue
        print(
            f"{path.stem:20} {m['plain_seconds']:8.3f} {m['ours_seconds']:8.3f} {m['ratio']:6.2f}"
            f" {m['ratio_min']:5.2f}-{m['ratio_max']:<5.2f} {m['cpu_ratio']:9.2f}"
            f" {m['plain_mb']:9.1f} {m['ours_mb']:8.1f}"
        )


if __name__ == "__main__":
    main()
