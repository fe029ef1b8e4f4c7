"""Typography of real texts: build each article in every preset and theme, judge the PDFs with the
shared yardsticks (``../shared/tools/breaks.py`` and ``loose.py``), print one table.

usage: .venv/bin/python bench/typography.py [ARTICLE|FOLDER ...] [--json FILE] [--jobs N]
       [--configs book:a5,newspaper:a4,...] [--break-style word|...] [--keep DIR] [--rejudge DIR]
       PYTHONPATH=OTHER_CHECKOUT/src .venv/bin/python bench/typography.py   # the same for another tree

Default articles: the seed, the IR fixtures of ``tests/fixtures/ir`` and ``ir2``, every article of
``../shared/corpus`` and ``../shared/fixtures`` (read in place, never copied), and three article
fixtures with file names, e-mail addresses and English passages (``tests/fixtures/articles``: the
README and the two bilingual notices); name more, such as long articles assembled elsewhere, on the
command line. Default configurations: the book theme in the presets a5, sinkuk, 46, crown and a4,
the newspaper theme in b4 (its own page), a4 and a5, and the report theme in a4 (its own page) and
a5. Each PDF's source for ``breaks.py`` is the IR's text (what the PDF prints), written next to it.
Figures per configuration: lines and breaks, word splits, bad splits (inside a morpheme, a particle
or ending at a line start, ...), principled splits and their share of the breaks (pooled, and how
many PDFs spend over 3 %), looseness (em, per column: the worst line, the p95 of all lines pooled
and of the worst PDF, how many PDFs keep max ≤ 0.8 and p95 ≤ 0.45), tracking jumps,
``bookmaker check``'s kinsoku faults, overflows and overlaps, and the worst PDF.
``--keep DIR`` keeps the PDFs; ``--rejudge DIR`` judges kept PDFs again without building;
``--table FILE`` prints the table of an earlier run's ``--json FILE``.
``breaks.py`` needs kiwipiepy: the referee venv (install line at the top of ``breaks.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
DEFAULT_INPUTS = [
    ROOT / "seeds" / "000_782556e6ec3af548.txt",
    ROOT / "tests" / "fixtures" / "ir",
    ROOT / "tests" / "fixtures" / "ir2",
    SHARED / "corpus",
    SHARED / "fixtures",
    *(
        ROOT / "tests" / "fixtures" / "articles" / name
        for name in ("doc12-readme.md", "doc12-bilingual-notice.html", "ho11-bilingual-notice.txt")
    ),
]
CONFIGS = (
    "book:a5,book:sinkuk,book:46,book:crown,book:a4,"
    "newspaper:b4,newspaper:a4,newspaper:a5,report:a4,report:a5"
)
SUFFIXES = {".txt", ".html", ".htm", ".md", ".json"}


@dataclass(slots=True)
class Figures:
    """What the yardsticks say about one PDF."""

    article: str
    config: str
    breaks: int = 0
    splits: int = 0
    bad: int = 0
    bad_examples: list[str] = field(default_factory=list)
    lines: int = 0
    max_em: float = 0.0
    p95_em: float = 0.0
    jumps: float = 0.0
    pairs: int = 0
    gaps: list[float] = field(default_factory=list)  # every justified line's mean word space (em)
    kinsoku: int = 0  # bookmaker check's kinsoku faults ...
    overflows: int = 0  # ... and overflows
    overlaps: int = 0  # ... and text drawn over text
    fault_examples: list[str] = field(default_factory=list)
    pdf: str = ""
    error: str | None = None


def articles(paths: list[Path]) -> list[Path]:
    """The article files named, folders expanded (README files left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir() if p.suffix in SUFFIXES and p.name.lower() != "readme.md"
            )
        elif path.exists():
            found.append(path)
    return found


def judge(pdf: Path, source: Path) -> dict[str, object]:
    """breaks.py and loose.py (with its per-line records) on one PDF, as one dict."""
    env = {k: v for k, v in os.environ.items() if k != "REFEREE_REEXEC"}
    python = sys.executable
    referee = Path(os.environ.get("REFEREE_VENV", Path.home() / ".cache" / "referee-venv")) / "bin" / "python"
    if referee.exists():
        python = str(referee)
    out: dict[str, object] = {}
    for tool, args in (("breaks.py", [str(pdf), str(source)]), ("loose.py", [str(pdf), "--json-lines"])):
        run = subprocess.run(
            [python, str(TOOLS / tool), *args], capture_output=True, text=True, env=env, check=False
        )
        lines = run.stdout.strip().splitlines()
        out[tool] = json.loads(lines[-1]) if lines else {"error": run.stderr.strip()[-300:]}
        if tool == "loose.py":
            records = [json.loads(line) for line in lines[:-1]]
            out["gaps"] = [r["gap_em"] for r in records if r.get("justified") and r.get("gap_em")]
    return out


def measure(task: tuple[str, str, str, str]) -> Figures:
    """Build one article in one configuration and judge the PDF."""
    path, config, folder, break_style = task
    from bookmaker.check.source import printed_text
    from bookmaker.pipeline import BuildOptions, build, load

    theme, preset = config.split(":")
    figures = Figures(Path(path).name, config)
    try:
        doc = load(Path(path))
        out = Path(folder) / config.replace(":", "-")
        slug = Path(path).stem
        options = BuildOptions(formats=("pdf",), page_size=preset, theme=theme)
        if break_style:
            options = BuildOptions(formats=("pdf",), page_size=preset, theme=theme, break_style=break_style)
        pdf = build(doc, out, slug, options).outputs[0]
        source = out / f"{slug}.source.txt"
        source.write_text(printed_text(doc), encoding="utf-8")
    except Exception as error:  # one bad article never stops the table
        figures.error = f"{type(error).__name__}: {error}"
        return figures
    return judged(figures, pdf, source)


def rejudge(pdf: str) -> Figures:
    """Judge a PDF kept by an earlier run (``--keep``): ``FOLDER/theme-preset/slug.pdf``."""
    path = Path(pdf)
    theme, preset = path.parent.name.split("-", 1)
    return judged(Figures(path.stem, f"{theme}:{preset}"), path, path.with_suffix(".source.txt"))


def judged(figures: Figures, pdf: Path, source: Path) -> Figures:
    """``figures`` filled in from the yardsticks' verdicts on ``pdf``, and ``bookmaker check``'s
    kinsoku faults and overflows."""
    from bookmaker.check import check_pdf

    verdict = judge(pdf, source)
    breaks, loose, gaps = verdict["breaks.py"], verdict["loose.py"], verdict["gaps"]
    assert isinstance(breaks, dict) and isinstance(loose, dict) and isinstance(gaps, list)
    figures.pdf = str(pdf)
    figures.breaks = int(breaks.get("breaks", 0))
    figures.splits = int(breaks.get("splits", 0))
    figures.bad = int(breaks.get("bad_splits") or 0)
    figures.bad_examples = list(breaks.get("bad_examples", []))
    figures.lines = int(loose.get("lines", 0))
    figures.max_em = float(loose.get("max_em", 0.0))
    figures.p95_em = float(loose.get("p95_em", 0.0))
    figures.jumps = float(loose.get("tracking_jumps", 0.0))
    figures.pairs = int(loose.get("tracking_pairs", 0))
    figures.gaps = [float(gap) for gap in gaps]
    report = check_pdf(pdf)  # bookmaker check's own kinsoku and overflow rules
    figures.kinsoku, figures.overflows = report.kinsoku, report.overflows
    figures.fault_examples = report.kinsoku_examples + report.overlap_examples
    figures.overlaps = report.overlaps
    return figures


MAX_EM, P95_EM, PRINCIPLED, JUMPS = 0.8, 0.45, 0.03, 0.10  # issue #21's limits


def table(results: list[Figures], configs: list[str]) -> str:
    """One row per configuration: sums over the articles, the looseness of all their lines pooled
    and of the worst PDF, how many PDFs pass the limits, the worst tracking jumps."""
    rows = [
        "| config | PDFs | breaks | splits | bad | principled % | PDFs over 3 % | max em | p95 em (pooled) |"
        " worst p95 em | PDFs within max/p95 | jumps % (pooled) | PDFs over 10 % jumps | kinsoku |"
        " overflows | overlaps | worst PDF |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for config in configs:
        mine = [r for r in results if r.config == config and r.error is None]
        if not mine:
            continue
        breaks = sum(r.breaks for r in mine)
        splits = sum(r.splits for r in mine)
        bad = sum(r.bad for r in mine)
        worst = max(mine, key=lambda r: r.max_em)
        share = 100 * (splits - bad) / breaks if breaks else 0.0
        spendthrift = sum(1 for r in mine if r.breaks and (r.splits - r.bad) > PRINCIPLED * r.breaks)
        gaps = sorted(gap for r in mine for gap in r.gaps)
        pooled = gaps[min(len(gaps) - 1, int(0.95 * len(gaps)))] if gaps else 0.0
        within = sum(1 for r in mine if r.max_em <= MAX_EM and r.p95_em <= P95_EM)
        pairs = sum(r.pairs for r in mine)
        jumps = 100 * sum(r.jumps * r.pairs for r in mine) / pairs if pairs else 0.0
        jumpy = sum(1 for r in mine if r.jumps > JUMPS)
        kinsoku, overflows = sum(r.kinsoku for r in mine), sum(r.overflows for r in mine)
        rows.append(
            f"| {config} | {len(mine)} | {breaks} | {splits} | {bad} | {share:.2f} | {spendthrift} |"
            f" {worst.max_em:.3f} |"
            f" {pooled:.3f} | {max(r.p95_em for r in mine):.3f} | {within}/{len(mine)} | {jumps:.1f} |"
            f" {jumpy} | {kinsoku} | {overflows} | {sum(r.overlaps for r in mine)} | {worst.article} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--configs", default=CONFIGS)
    parser.add_argument("--break-style", help="the PDF's --break-style (default: bookmaker's default)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument(
        "--rejudge", type=Path, help="judge the PDFs a --keep run left here again (no builds)"
    )
    parser.add_argument("--table", type=Path, help="only print the table of an earlier run's --json")
    args = parser.parse_args()
    if args.table:
        saved = [Figures(**r) for r in json.loads(args.table.read_text(encoding="utf-8"))]
        seen = list(dict.fromkeys(r.config for r in saved))
        print(table(saved, sorted(seen, key=lambda c: (c not in CONFIGS, CONFIGS.find(c)))))
        return
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    configs = args.configs.split(",")
    paths = articles(args.inputs or DEFAULT_INPUTS)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bookmaker-typo-"))
    folder.mkdir(parents=True, exist_ok=True)
    style = args.break_style or ""
    with ProcessPoolExecutor(args.jobs) as pool:
        if args.rejudge:
            kept = sorted(str(pdf) for pdf in args.rejudge.glob("*-*/*.pdf"))
            results = list(pool.map(rejudge, kept))
        else:
            tasks = [(str(p), c, str(folder), style) for p in paths for c in configs]
            results = list(pool.map(measure, tasks))
    for r in results:
        if r.error:
            print(f"{r.article} {r.config}: {r.error}", file=sys.stderr)
        elif r.bad:
            print(f"{r.article} {r.config}: bad splits {r.bad_examples}", file=sys.stderr)
        if r.kinsoku or r.overflows or r.overlaps:
            print(
                f"{r.article} {r.config}: kinsoku, overlaps {r.fault_examples}, overflows {r.overflows}",
                file=sys.stderr,
            )
    print(table(results, configs))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
