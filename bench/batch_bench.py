"""Batch throughput: N generated article variants built as EPUB+PDF with ``--jobs 1`` and ``--jobs 2``.

usage: python bench/batch_bench.py [--count 200] [--jobs 1,2] [--to epub,pdf] [--profile 5]

Variants come from the seed scrape and ``tests/fixtures/ir/*.json`` with numbered titles and rotated
paragraph order, so every article is distinct (no cache hits). Prints wall time, articles/s and
each worker's peak RSS; ``--profile N`` also profiles N articles in this process (where time goes).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bookmaker.batch.report import Progress  # noqa: E402
from bookmaker.batch.runner import BatchSettings, run_batch  # noqa: E402
from bookmaker.batch.task import Task, run_task, warm_up  # noqa: E402
from bookmaker.ir import Document, from_json, to_json  # noqa: E402
from bookmaker.pipeline import BuildOptions, load, parse_formats  # noqa: E402

EPOCH = 1763856000
SEED = ROOT / "seeds" / "000_782556e6ec3af548.txt"


def _bases() -> list[Document]:
    docs = [load(SEED)]
    docs += [from_json(path.read_bytes()) for path in sorted((ROOT / "tests/fixtures/ir").glob("*.json"))]
    return docs


def generate(folder: Path, count: int) -> list[Path]:
    """Write ``count`` distinct IR variants into ``folder``."""
    bases = _bases()
    paths = []
    for number in range(count):
        base = bases[number % len(bases)]
        shift = (number // len(bases)) % max(len(base.blocks), 1)
        blocks = base.blocks[shift:] + base.blocks[:shift]
        meta = msgspec.structs.replace(base.meta, title=f"{base.meta.title} ({number + 1})")
        doc = msgspec.structs.replace(base, meta=meta, blocks=blocks)
        path = folder / f"variant-{number + 1:03d}.json"
        path.write_text(to_json(doc), encoding="utf-8")
        paths.append(path)
    return paths


def measure(inputs: Path, out: Path, jobs: int, options: BuildOptions) -> None:
    report = run_batch(
        inputs,
        out,
        options,
        BatchSettings(jobs=jobs),
        epoch=EPOCH,
        pinned_epoch=True,
        progress=Progress(0, io.StringIO(), fancy=False),
    )
    peaks = sorted(kb // 1024 for kb in report.peak_rss_kb.values())
    print(
        f"jobs {jobs}: {len(report.built)} built, {len(report.failed)} failed, "
        f"{report.seconds:.1f} s wall, {report.rate:.2f} articles/s, peak RSS per worker (MB) {peaks}",
        flush=True,
    )


def profile(paths: list[Path], options: BuildOptions) -> None:
    warm_up(options)
    with tempfile.TemporaryDirectory() as scratch:
        tasks = [Task(str(p), p.name, p.stem, options, EPOCH) for p in paths]
        profiler = cProfile.Profile()
        profiler.enable()
        for task in tasks:
            run_task(task)
        profiler.disable()
        del scratch
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    print(f"\nprofile of {len(paths)} articles in one process (cumulative, top 25):")
    stats.print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--to", default="epub,pdf")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = str(EPOCH)
    options = BuildOptions(formats=parse_formats(args.to))
    load_avg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.count} articles, {args.to}, {os.cpu_count()} cores, load average {load_avg}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bookmaker-bench-") as scratch:
        inputs = Path(scratch) / "in"
        inputs.mkdir()
        paths = generate(inputs, args.count)
        for jobs in (int(j) for j in args.jobs.split(",")):
            measure(inputs, Path(scratch) / f"out-{jobs}", jobs, options)
        if args.profile:
            profile(paths[: args.profile], options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
