"""A cold first build of the seed with no caches against a warm one, and the analyzer's cost.

usage: PYTHONPATH=src .venv/bin/python bench/round16/cold_build.py [--runs N] [--json FILE]

Cold: a fresh process with ``XDG_CACHE_HOME`` an empty folder, so bookmaker's disk caches (the
morphological analyses, font working sets, covers, templates: :mod:`bookmaker.cache_folder`) start
empty; warm: the same command again with that folder filled. Each build is ``python -m bookmaker
build SEED --to pdf --page-size a5`` (book theme); wall seconds and the peak RSS of the build's
process tree (:mod:`bench.peak_rss`), and whether the build loaded the analyzer (its word cache
was written). Then the analyzer alone in a fresh process (``bench/analyzer.py``'s probe: no disk
cache). Timing is noisy on a busy machine: the load average is printed with the figures; nothing
here is a test assertion. Python's own bytecode caches (``__pycache__``) are not cleared.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.analyzer import load_figures  # noqa: E402
from bench.peak_rss import sample  # noqa: E402

SEED = ROOT / "seeds" / "000_782556e6ec3af548.txt"


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Run ``command``: wall seconds, the peak RSS (kB) of one of its processes and of its tree."""
    code, wall, one, whole, err = sample(command, env, interval=0.1)
    if code:
        raise SystemExit(err)
    return wall, one, whole


def build(cache: Path, out: Path) -> dict[str, float | bool]:
    """One build of the seed with ``cache`` as ``XDG_CACHE_HOME``: wall seconds, peak RSS (MB)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("BOOKMAKER_NO_CACHE", None)
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(out), "--to", "pdf"]
    wall, one, tree = measure([*command, "--page-size", "a5"], env)
    analyses = list(cache.glob("bookmaker/morphemes-*/words.jsonl"))
    return {"wall_s": wall, "peak_rss_mb": one / 1024, "tree_rss_mb": tree / 1024, "analyzer": bool(analyses)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    figures: dict[str, object] = {"load_average": os.getloadavg()}
    builds = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            cache, out = Path(folder) / "cache", Path(folder) / "out"
            cache.mkdir()
            builds.append({"cold": build(cache, out), "warm": build(cache, out)})
    figures["seed_builds"] = builds
    figures["analyzer_load"] = load_figures(args.runs)
    text = json.dumps(figures, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
