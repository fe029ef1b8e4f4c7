"""Peak memory of a build on a big valid text (issue #23; the PDF's own memory is issue #25).

usage: .venv/bin/python bench/big_text.py [--mb 19] [--to epub,pdf] [--keep DIR] [-- extra build args]

Writes a text of ``--mb`` megabytes that fits the default line limits (unique paragraphs of
random Hangul words, so no pass drops them as duplicates), runs ``bookmaker build`` on it and
prints the exit code, the first error line, wall time and the peak RSS of the build and its
PDF child (``RUSAGE_CHILDREN``: the largest of them).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = [chr(code) for code in range(0xAC00, 0xAC00 + 2000, 7)]


def big_text(megabytes: float, seed: int = 1) -> str:
    """About ``megabytes`` of Korean text: paragraphs of 180–260 words, blank lines between."""
    rng = random.Random(seed)
    lines = ["큰 문서 시험 제목"]
    size, number = 0, 0
    while size < megabytes * 1024 * 1024:
        number += 1
        words = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 5))) for _ in range(rng.randint(180, 260))]
        line = f"{number}번 문단. {' '.join(words)}."
        lines += [line, ""]
        size += len(line.encode("utf-8")) + 2
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=19.0)
    parser.add_argument("--to", default="epub,pdf")
    parser.add_argument(
        "--keep", type=Path, help="write the text and outputs here instead of a temporary folder"
    )
    parser.add_argument("extra", nargs="*", help="more build arguments (after --)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bookmaker-big-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / f"big-{args.mb:g}mb.txt"
        text = big_text(args.mb)
        source.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(folder / "out")]
        started = time.perf_counter()
        proc = subprocess.run([*command, "--to", args.to, *args.extra], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        error = next((line for line in proc.stderr.splitlines() if "error" in line), "")
        size, lines = source.stat().st_size / 1048576, text.count("\n")
        print(f"{size:.1f} MB, {len(text):,} characters, {lines:,} lines:", end=" ")
        print(f"exit {proc.returncode} in {seconds:.1f} s, peak RSS {peak:.0f} MB")
        if error:
            print(error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
