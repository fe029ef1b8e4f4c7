"""Benchmark bookmaker on one article against its performance targets; prints one table.

usage: .venv/bin/python bench/run.py [ARTICLE] [--runs N] [--json FILE] [--epub-only]
       PYTHONPATH=OTHER_CHECKOUT/src .venv/bin/python bench/run.py   # the same table for another tree

Rows: whole-process medians of the CLI (EPUB only; EPUB + PDF), in-process medians per article
(fonts, templates and CSS parsed once; nothing keyed on the document is kept between runs), the
PDF path against a plain WeasyPrint render of the same final HTML, peak RSS and output sizes.
Anchors: pandoc (EPUB; → WeasyPrint for the PDF) when ``pandoc`` is installed, else skipped.
Each whole-process command runs once untimed first (bytecode compiled, files in the page cache,
as after an install); ``PYTHONDONTWRITEBYTECODE`` is dropped for the children. The EPUB-only CLI
is timed twice: with bookmaker's caches (compiled templates, font working sets) warm
(``~/.cache/bookmaker``, as every build after the first), and cold (each run gets an empty
``XDG_CACHE_HOME``). Timings on a shared
machine are noisy: the load average is printed, and CPU seconds (user + sys) beside wall time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bookmaker.writers.cover import CoverImage

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "seeds" / "000_782556e6ec3af548.txt"
PANDOC_INPUTS = {".txt", ".md", ".markdown", ".html", ".htm"}
# the in-process EPUB rows take ~10 ms a run: their medians come from at least this many runs, as
# the machine's speed drifts by ±10 % from minute to minute
IN_PROCESS_EPUB_RUNS = 25
EPUB_CLI_GOAL = 0.25  # s, the seed's EPUB-only CLI (issue #19; the EPUB + PDF CLI: ≤ pandoc → WeasyPrint)


@dataclass(frozen=True, slots=True)
class Run:
    """Medians of one whole-process command."""

    wall: float  # s
    cpu: float  # s, user + sys
    peak_mb: float  # largest peak RSS over the runs


@dataclass(slots=True)
class Row:
    """One line of the table: a measure, its goal and its anchor."""

    name: str
    value: float
    unit: str
    goal: float | None = None  # pass when value <= goal
    anchor_name: str = ""
    anchor: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Measured / anchor."""
        return self.value / self.anchor if self.anchor else None

    @property
    def verdict(self) -> str:
        """pass, FAIL, or - when the row has no goal."""
        if self.goal is None:
            return "-"
        return "pass" if self.value <= self.goal else "FAIL"


EPUB_IMPORTS = "import argparse, json, dataclasses, jinja2, msgspec, ebooklib.epub, uharfbuzz, PIL.ImageFont"


def _child_env(cache_home: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "BOOKMAKER_NO_CACHE")}
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = cache_home
    return env


def _once(command: list[str], *, cold_cache: bool = False) -> tuple[float, float, float]:
    """Wall s, CPU s and peak RSS (MB) of one run of ``command`` (``cold_cache``: an empty cache)."""
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryDirectory() as cache_home:
        env = _child_env(cache_home if cold_cache else None)
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-800:]
            raise SystemExit(f"failed: {' '.join(command)}\n{message}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def whole_process(command: list[str], runs: int, *, cold_cache: bool = False) -> Run:
    """Medians over ``runs`` runs of ``command``, after one untimed warm-up run."""
    _once(command)
    samples = [_once(command, cold_cache=cold_cache) for _ in range(runs)]
    return Run(
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
        max(s[2] for s in samples),
    )


def in_process_both(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``call`` after one warm-up call."""
    call()
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus)


def in_process(call: Callable[[], object], runs: int) -> float:
    """Median wall seconds of ``call`` after one warm-up call."""
    return in_process_both(call, runs)[0]


def _forget_document_results() -> None:
    """Drop what earlier runs cached about the document (font subsets, measured word widths, set
    paragraphs; an older tree may not cache them all)."""
    import importlib

    from bookmaker.fonts.shaping import shaper
    from bookmaker.fonts.subsetting import epub_subset

    epub_subset.cache_clear()
    shaper.cache_clear()
    for module, name in (
        ("bookmaker.fonts.subsetting", "pdf_subsets_for"),
        ("bookmaker.layout.print_layout", "paragraph_lines"),
    ):
        cached = getattr(importlib.import_module(module), name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def _small_cover() -> CoverImage:
    """A user-supplied cover stand-in: a tiny PNG, as ``--cover`` would load it."""
    import io

    from PIL import Image

    from bookmaker.writers.cover import load_cover

    out = io.BytesIO()
    Image.new("L", (60, 90), 200).save(out, format="PNG")
    return load_cover(out.getvalue())


def _same_fonts(html: str, base: str, runs: int) -> float | None:
    """WeasyPrint on ``html`` with the per-document font subsets made beforehand (None: older tree)."""
    try:
        from bookmaker.fonts.subsetting import pdf_subsets
        from bookmaker.fonts.weasyprint_adapter import write_pdf as write_with_subsets
    except ImportError:
        return None
    import weasyprint

    fonts = pdf_subsets(html)

    def render() -> object:
        return write_with_subsets(weasyprint.HTML(string=html, base_url=base), fonts)

    return in_process(render, runs)


def _pandoc_rows(article: Path, out: Path, runs: int) -> tuple[Run | None, Run | None, dict[str, int]]:
    pandoc = shutil.which("pandoc")
    engine = shutil.which("weasyprint") or str(Path(sys.executable).with_name("weasyprint"))
    if pandoc is None or article.suffix.lower() not in PANDOC_INPUTS:
        return None, None, {}
    common = [pandoc, str(article), "--quiet", "-M", f"title={article.stem}"]
    epub = whole_process([*common, "-o", str(out / "pandoc.epub")], runs)
    pdf = None
    if Path(engine).exists():
        pdf = whole_process([*common, "-o", str(out / "pandoc.pdf"), f"--pdf-engine={engine}"], runs)
    sizes = {p.suffix: p.stat().st_size for p in out.glob("pandoc.*")}
    return epub, pdf, sizes


def measure(article: Path, runs: int, *, epub_only: bool = False) -> list[Row]:
    """Every row of the table (``epub_only``: the EPUB rows alone)."""
    bookmaker = [sys.executable, "-m", "bookmaker", "build", str(article)]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        epub_command = [*bookmaker, "-o", str(out / "epub"), "--to", "epub"]
        epub = whole_process(epub_command, runs)
        epub_cold = whole_process(epub_command, runs, cold_cache=True)
        epub_floor = whole_process([sys.executable, "-c", EPUB_IMPORTS], runs)
        rows.append(
            Row(
                "CLI, EPUB only, cold caches",
                epub_cold.wall,
                "s",
                EPUB_CLI_GOAL,
                note=f"cpu {epub_cold.cpu:.3f} s (an empty cache each run: the first build of a user)",
            )
        )
        rows.append(
            Row(
                "imports of the EPUB CLI alone",
                epub_floor.wall,
                "s",
                note=f"cpu {epub_floor.cpu:.3f} s: {EPUB_IMPORTS.removeprefix('import ')} (a floor)",
            )
        )
        if epub_only:
            rows.insert(0, Row("CLI, EPUB only", epub.wall, "s", EPUB_CLI_GOAL, note=f"cpu {epub.cpu:.3f} s"))
            size = next((out / "epub").iterdir()).stat().st_size
            in_process_rows = _in_process_epub(article, max(runs, IN_PROCESS_EPUB_RUNS))
            return [*rows, *in_process_rows, _epub_size_row(size, {})]
        both = whole_process([*bookmaker, "-o", str(out / "both")], runs)
        # WeasyPrint as bookmaker loads it (no library probes: writers/weasyprint_engine.py; plainly
        # for a tree from before it)
        engine = "bookmaker.writers.weasyprint_engine"
        loader = engine if importlib.util.find_spec(engine) else "weasyprint"
        imports = whole_process([sys.executable, "-c", f"import {loader}, ebooklib, jinja2"], runs)
        pandoc_epub, pandoc_pdf, pandoc_sizes = _pandoc_rows(article, out, runs)
        sizes = {p.suffix: p.stat().st_size for p in (out / "both").iterdir()}

        rows.insert(
            0,
            Row(
                "CLI, EPUB only",
                epub.wall,
                "s",
                EPUB_CLI_GOAL,
                "pandoc EPUB" if pandoc_epub else "",
                pandoc_epub.wall if pandoc_epub else None,
                f"cpu {epub.cpu:.3f} s" + (f", pandoc cpu {pandoc_epub.cpu:.2f} s" if pandoc_epub else ""),
            ),
        )
        rows.append(
            Row(
                "CLI, EPUB + PDF",
                both.wall,
                "s",
                pandoc_pdf.wall if pandoc_pdf else None,
                "pandoc → WeasyPrint PDF" if pandoc_pdf else "",
                pandoc_pdf.wall if pandoc_pdf else None,
                f"cpu {both.cpu:.2f} s" + (f", pandoc cpu {pandoc_pdf.cpu:.2f} s" if pandoc_pdf else ""),
            )
        )
        rows.append(
            Row(
                "import weasyprint (as bookmaker does), ebooklib, jinja2",
                imports.wall,
                "s",
                note=f"cpu {imports.cpu:.2f} s (a floor for the EPUB + PDF CLI)",
            )
        )

        rows += _in_process_epub(article, max(runs, IN_PROCESS_EPUB_RUNS))

        import weasyprint

        from bookmaker.layout import render_print_html
        from bookmaker.layout.pages import page_spec
        from bookmaker.pipeline import load
        from bookmaker.resources import build_time, templates_root
        from bookmaker.writers.pdf import write_pdf

        doc = load(article)
        moment = build_time()

        def pdf_call() -> object:
            _forget_document_results()
            return write_pdf(doc, created=moment).data

        created = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        html = render_print_html(doc, page_spec(), created=created)
        base = (templates_root() / "book").as_uri() + "/"
        pdf_s = in_process(pdf_call, runs)
        plain_s = in_process(lambda: weasyprint.HTML(string=html, base_url=base).write_pdf(), runs)
        same_fonts_s = _same_fonts(html, base, runs)

        rows.append(Row("in-process: PDF", pdf_s * 1000, "ms", 150.0))
        rows.append(
            Row(
                "PDF path vs plain WeasyPrint",
                pdf_s * 1000,
                "ms",
                plain_s * 1000 * 1.15,
                "plain WeasyPrint, same final HTML",
                plain_s * 1000,
                "goal: ratio ≤ 1.15",
            )
        )
        if same_fonts_s is not None:
            rows.append(
                Row(
                    "PDF path vs WeasyPrint, same fonts",
                    pdf_s * 1000,
                    "ms",
                    anchor_name="same HTML with the subset fonts",
                    anchor=same_fonts_s * 1000,
                    note="our own work: templates, line breaking, font subsetting",
                )
            )
        rows.append(
            Row(
                "peak RSS, EPUB + PDF CLI", both.peak_mb, "MB", 250.0, note=f"EPUB only {epub.peak_mb:.0f} MB"
            )
        )
        rows.append(
            Row(
                "size: PDF",
                sizes.get(".pdf", 0) / 1024,
                "KB",
                100.0,
                "pandoc → WeasyPrint PDF" if ".pdf" in pandoc_sizes else "",
                pandoc_sizes[".pdf"] / 1024 if ".pdf" in pandoc_sizes else None,
            )
        )
        rows.append(_epub_size_row(sizes.get(".epub", 0), pandoc_sizes))
    return rows


def _epub_size_row(size: int, pandoc_sizes: dict[str, int]) -> Row:
    return Row(
        "size: EPUB (subset fonts embedded)",
        size / 1024,
        "KB",
        300.0,
        "pandoc EPUB (no fonts)" if ".epub" in pandoc_sizes else "",
        pandoc_sizes[".epub"] / 1024 if ".epub" in pandoc_sizes else None,
    )


def _in_process_epub(article: Path, runs: int) -> list[Row]:
    """Read + normalize, the EPUB, and the EPUB without generated cover or fonts, in this process."""
    from bookmaker.pipeline import load
    from bookmaker.resources import build_time
    from bookmaker.writers.epub import write_epub

    doc = load(article)
    moment = build_time()

    def epub_call() -> object:
        _forget_document_results()
        return write_epub(doc, modified=moment).data

    given_cover = _small_cover()

    def bare_epub_call() -> object:
        return write_epub(doc, modified=moment, embed_fonts=False, cover=given_cover).data

    load_s = in_process(lambda: load(article), runs)
    epub_s, epub_cpu = in_process_both(epub_call, runs)
    bare_s = in_process(bare_epub_call, runs)
    return [
        Row("in-process: read + normalize", load_s * 1000, "ms"),
        Row("in-process: EPUB", epub_s * 1000, "ms", 10.0, note=f"cpu {epub_cpu * 1000:.1f} ms"),
        Row(
            "in-process: EPUB, given cover, no fonts",
            bare_s * 1000,
            "ms",
            note="packaging alone (--cover IMAGE --no-embed-fonts)",
        ),
    ]


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    digits = 3 if unit == "s" else 1
    return f"{value:.{digits}f} {unit}".strip()


def render(rows: list[Row], article: Path, runs: int) -> str:
    """The table as text."""
    load = os.getloadavg()
    lines = [
        f"bookmaker bench: {article.name}, {runs} runs each (medians; in-process EPUB rows "
        f"{max(runs, IN_PROCESS_EPUB_RUNS)}), "
        f"{os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        "",
    ]
    header = ("target", "measured", "goal", "", "anchor", "anchor value", "ratio", "note")
    table = [header]
    for row in rows:
        table.append(
            (
                row.name,
                _fmt(row.value, row.unit),
                "≤ " + _fmt(row.goal, row.unit) if row.goal is not None else "-",
                row.verdict,
                row.anchor_name or "-",
                _fmt(row.anchor, row.unit),
                f"{row.ratio:.2f}" if row.ratio is not None else "-",
                row.note,
            )
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for number, r in enumerate(table):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--epub-only", action="store_true", help="only the EPUB rows (no PDF, no pandoc)")
    args = parser.parse_args()
    rows = measure(args.article.resolve(), args.runs, epub_only=args.epub_only)
    print(render(rows, args.article, args.runs))
    if args.json:
        data = [{**asdict(row), "ratio": row.ratio, "verdict": row.verdict} for row in rows]
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
