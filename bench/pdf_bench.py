"""PDF build time and peak memory: bookmaker's build_pdf vs a plain WeasyPrint render of the same HTML.

usage: python bench/pdf_bench.py [IR.json ...] [--page-size a5] [--runs 3]
Each measurement runs in a fresh process (peak RSS is per process).
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


def _one(mode: str, path: str, page: str) -> None:
    from datetime import UTC, datetime

    import weasyprint

    from bookmaker.ir import from_json
    from bookmaker.layout import render_print_html
    from bookmaker.layout.pages import page_spec
    from bookmaker.writers.pdf import build_pdf

    doc = from_json(Path(path).read_text(encoding="utf-8"))
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    weasyprint.HTML(string="<p>warm</p>").write_pdf()  # load Pango/fonts outside the timing
    if mode == "plain":
        html = render_print_html(doc, page_spec(page), created="2025-01-01T00:00:00Z")
        start = time.perf_counter()
        weasyprint.HTML(string=html).write_pdf()
    else:
        start = time.perf_counter()
        build_pdf(doc, created=moment, page=page_spec(page))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--page-size", default="a5")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args.one[0], args.one[1], args.page_size)
        return
    print(f"{'file':28} {'plain s':>8} {'ours s':>8} {'ratio':>6} {'plain MB':>9} {'ours MB':>8}")
    for path in args.files:
        res: dict[str, list[dict]] = {"plain": [], "ours": []}
        for _ in range(args.runs):
            for mode in res:
                cmd = [sys.executable, __file__, "--one", mode, str(path), "--page-size", args.page_size]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                res[mode].append(json.loads(out))
        plain = statistics.median(r["seconds"] for r in res["plain"])
        ours = statistics.median(r["seconds"] for r in res["ours"])
        mem_p = max(r["peak_mb"] for r in res["plain"])
        mem_o = max(r["peak_mb"] for r in res["ours"])
        print(f"{path.stem:28} {plain:8.3f} {ours:8.3f} {ours / plain:6.2f} {mem_p:9.1f} {mem_o:8.1f}")


if __name__ == "__main__":
    main()
