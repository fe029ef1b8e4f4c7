"""Typography of real texts: build each article in every preset and theme, judge the PDFs with the
shared yardsticks (``../shared/tools/breaks.py`` and ``loose.py``), print one table.

usage: .venv/bin/python bench/typography.py [ARTICLE|FOLDER ...] [--json FILE] [--jobs N]
       [--configs book:a5,newspaper:a4,...] [--break-style word|...] [--keep DIR]
       PYTHONPATH=OTHER_CHECKOUT/src .venv/bin/python bench/typography.py   # the same for another tree

Default articles: the seed, the IR fixtures of ``tests/fixtures/ir`` and every article of
``../shared/corpus`` (read in place, never copied). Default configurations: the book theme in the
presets a5, sinkuk, 46, crown and a4, the newspaper theme in b4 (its own page), a4 and a5, and the
report theme in a4 (its own page) and a5. Each PDF's source for ``breaks.py`` is the IR's text (what
the PDF prints), written next to it. Figures per configuration: lines and breaks, word splits, bad
splits (inside a morpheme, a particle or ending at a line start, ...), principled splits and their
share of the breaks, looseness max and p95 (em; per column), tracking jumps, and the worst PDF.
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bookmaker.ir import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
DEFAULT_INPUTS = [
    ROOT / "seeds" / "000_782556e6ec3af548.txt",
    ROOT / "tests" / "fixtures" / "ir",
    SHARED / "corpus",
    SHARED / "fixtures",
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


def ir_text(doc: Document) -> str:
    """The printed words of a document (title, deck, blocks and their credits, attributions and
    notes), one paragraph a line, for breaks.py."""
    from bookmaker.ir import Figure, Quote, plain, walk

    out: list[str] = [doc.meta.title, *doc.meta.subtitles]
    for block in walk(doc.blocks):
        if isinstance(block, Figure):
            out += [block.text, block.credit or ""]
        elif isinstance(block, Quote):
            out.append(plain(block.attribution))
        elif not hasattr(block, "blocks") and not hasattr(block, "items"):
            out.append(block.text)
    return "\n".join(part for part in out if part)


def judge(pdf: Path, source: Path) -> dict[str, object]:
    """breaks.py and loose.py on one PDF, as one dict."""
    env = {k: v for k, v in os.environ.items() if k != "REFEREE_REEXEC"}
    python = sys.executable
    referee = Path(os.environ.get("REFEREE_VENV", Path.home() / ".cache" / "referee-venv")) / "bin" / "python"
    if referee.exists():
        python = str(referee)
    out: dict[str, object] = {}
    for tool, args in (("breaks.py", [str(pdf), str(source)]), ("loose.py", [str(pdf)])):
        run = subprocess.run(
            [python, str(TOOLS / tool), *args], capture_output=True, text=True, env=env, check=False
        )
        lines = run.stdout.strip().splitlines()
        out[tool] = json.loads(lines[-1]) if lines else {"error": run.stderr.strip()[-300:]}
    return out


def measure(task: tuple[str, str, str, str]) -> Figures:
    """Build one article in one configuration and judge the PDF."""
    path, config, folder, break_style = task
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
        source.write_text(ir_text(doc), encoding="utf-8")
    except Exception as error:  # one bad article never stops the table
        figures.error = f"{type(error).__name__}: {error}"
        return figures
    judged = judge(pdf, source)
    breaks, loose = judged["breaks.py"], judged["loose.py"]
    assert isinstance(breaks, dict) and isinstance(loose, dict)
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
    return figures


def table(results: list[Figures], configs: list[str]) -> str:
    """One row per configuration: sums over the articles, the worst max and p95."""
    rows = [
        "| config | PDFs | breaks | splits | bad | principled % | max em | worst p95 em | jumps max |"
        " worst PDF |",
        "|---|---|---|---|---|---|---|---|---|---|",
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
        rows.append(
            f"| {config} | {len(mine)} | {breaks} | {splits} | {bad} | {share:.2f} | {worst.max_em:.3f} |"
            f" {max(r.p95_em for r in mine):.3f} | {max(r.jumps for r in mine):.3f} | {worst.article} |"
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
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    configs = args.configs.split(",")
    paths = articles(args.inputs or DEFAULT_INPUTS)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bookmaker-typo-"))
    folder.mkdir(parents=True, exist_ok=True)
    style = args.break_style or ""
    tasks = [(str(p), c, str(folder), style) for p in paths for c in configs]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measure, tasks))
    for r in results:
        if r.error:
            print(f"{r.article} {r.config}: {r.error}", file=sys.stderr)
        elif r.bad:
            print(f"{r.article} {r.config}: bad splits {r.bad_examples}", file=sys.stderr)
    print(table(results, configs))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
