"""Rebuild time of ``bookmaker preview`` after an edit, on the seed (a warm process).

usage: python bench/preview_bench.py [ARTICLE] [--edits 15] [--json]

The preview is started on a copy of the article (its first build warms WeasyPrint, the fonts and
the parsed stylesheets, and is not counted); then each round edits one sentence of the copy and
times the rebuild the preview runs for it: the EPUB rendition (read + normalize + EPUB, unpacked;
goal ≤ 50 ms) and the PDF (WeasyPrint + page thumbnails; goal ≤ 300 ms). Medians and the spread.
The file watcher's own delay (``STEP_MS`` of quiet after a change) is reported apart.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bookmaker.pipeline import BuildOptions
from bookmaker.preview.command import STEP_MS, Preview
from bookmaker.preview.rendition import Source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_782556e6ec3af548.txt"
GOALS = {"epub_ms": 50.0, "epub_cpu_ms": 50.0, "pdf_ms": 300.0, "pdf_cpu_ms": 300.0}


def measure(article: Path, edits: int) -> dict[str, dict[str, float]]:
    """Median, min and max of each rendition's rebuild time over ``edits`` edits."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / article.name
        shutil.copyfile(article, copy)
        text = copy.read_text(encoding="utf-8")
        preview = Preview(Source(copy, BuildOptions()), port=0)
        preview.start()
        stop = threading.Event()
        watcher = threading.Thread(target=preview.watch, args=(stop,))
        watcher.start()
        time.sleep(0.5)
        times: dict[str, list[float]] = {
            "epub_ms": [],
            "epub_cpu_ms": [],
            "pdf_ms": [],
            "pdf_cpu_ms": [],
            "edit_to_pdf_ms": [],
        }
        try:
            for round_ in range(edits):
                seen = preview.state.generation
                edited = time.perf_counter()
                copy.write_text(text.replace("다.", f"다 ({round_}).", 1), encoding="utf-8")
                while preview.state.generation < seen + 2:
                    time.sleep(0.002)
                times["edit_to_pdf_ms"].append((time.perf_counter() - edited) * 1000)
                epub, pdf = preview.state.epub, preview.state.pdf
                assert epub is not None and pdf is not None and preview.state.error is None
                times["epub_ms"].append(epub.millis)
                times["epub_cpu_ms"].append(epub.cpu_millis)
                times["pdf_ms"].append(pdf.millis)
                times["pdf_cpu_ms"].append(pdf.cpu_millis)
        finally:
            stop.set()
            watcher.join()
            preview.close()
    return {name: {"median": statistics.median(v), "min": min(v), "max": max(v)} for name, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.article, args.edits)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, figure in figures.items():
        goal = GOALS.get(name)
        verdict = (
            ""
            if goal is None
            else f"  goal ≤ {goal:.0f} ms: {'pass' if figure['median'] <= goal else 'FAIL'}"
        )
        spread = f"(min {figure['min']:.1f}, max {figure['max']:.1f})"
        print(f"{name:<15} median {figure['median']:6.1f} ms  {spread}{verdict}")
    print(f"(edit_to_pdf includes the watcher's {STEP_MS} ms of quiet after a change)")


if __name__ == "__main__":
    main()
