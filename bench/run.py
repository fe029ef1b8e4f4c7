"""Benchmark bookmaker on one article: whole-process medians and in-process timings.

usage: .venv/bin/python bench/run.py [ARTICLE] [--runs N]

Prints a table: each measure with its median, and a ratio to its anchor where there is one
(pandoc → WeasyPrint when pandoc is installed; a plain WeasyPrint render of the same final HTML).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "seeds" / "000_782556e6ec3af548.txt"


def _median_wall(command: list[str], runs: int) -> tuple[float, int]:
    """Median wall time of a whole process, and its largest peak RSS in KiB."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False
        )
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(command)}\n{proc.stderr[-800:]}")
        peaks.append(int(proc.stderr.strip().splitlines()[-1]))
    return statistics.median(times), max(peaks)


def _median_call(call: Callable[[], object], runs: int) -> float:
    call()  # warm caches (fonts, templates, CSS)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bookmaker = [sys.executable, "-m", "bookmaker"]
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        epub_s, epub_kb = _median_wall(
            [*bookmaker, "build", str(args.article), "-o", str(out), "--to", "epub"], args.runs
        )
        rows.append(("CLI: EPUB only", f"{epub_s:.3f} s", f"target ≤ 0.15 s, peak {epub_kb / 1024:.0f} MB"))
        both_s, both_kb = _median_wall([*bookmaker, "build", str(args.article), "-o", str(out)], args.runs)
        anchor = ""
        if shutil.which("pandoc"):
            pandoc_s, _ = _median_wall(
                ["pandoc", str(args.article), "-o", str(out / "pandoc.pdf"), "--pdf-engine=weasyprint"],
                args.runs,
            )
            anchor = f", pandoc→WeasyPrint PDF {pandoc_s:.3f} s (ratio {both_s / pandoc_s:.2f})"
        rows.append(("CLI: EPUB + PDF", f"{both_s:.3f} s", f"peak {both_kb / 1024:.0f} MB{anchor}"))

        import weasyprint

        from bookmaker.layout import render_print_html
        from bookmaker.layout.pages import page_spec
        from bookmaker.pipeline import load
        from bookmaker.resources import build_time, templates_root
        from bookmaker.writers.epub import build_epub
        from bookmaker.writers.pdf import build_pdf

        doc = load(args.article)
        moment = build_time()
        load_s = _median_call(lambda: load(args.article), args.runs)
        epub_call = _median_call(lambda: build_epub(doc, modified=moment), args.runs)
        pdf_call = _median_call(lambda: build_pdf(doc, created=moment), args.runs)
        html = render_print_html(doc, page_spec())
        base = str(templates_root() / "book")
        plain = _median_call(lambda: weasyprint.HTML(string=html, base_url=base).write_pdf(), args.runs)
        rows.append(("in-process: read + normalize", f"{load_s * 1000:.1f} ms", ""))
        rows.append(("in-process: EPUB", f"{epub_call * 1000:.1f} ms", "target ≤ 10 ms"))
        rows.append(("in-process: PDF", f"{pdf_call * 1000:.1f} ms", "target ≤ 150 ms"))
        rows.append(
            (
                "plain WeasyPrint, same HTML",
                f"{plain * 1000:.1f} ms",
                f"PDF path ratio {pdf_call / plain:.2f} (≤ 1.15)",
            )
        )
        sizes = {p.suffix: p.stat().st_size for p in out.glob("*.*") if p.suffix in (".epub", ".pdf")}
        for suffix, size in sorted(sizes.items()):
            rows.append((f"size {suffix}", f"{size / 1024:.0f} KB", ""))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rows.append(("peak RSS of this process", f"{peak / 1024:.0f} MB", ""))
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")


if __name__ == "__main__":
    main()
