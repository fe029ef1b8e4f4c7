"""What the morphological analyzer costs the line breaker: load time and memory in fresh processes,
then words a second; and how many paragraphs of real texts need it at all.

usage: .venv/bin/python bench/analyzer.py [--runs N] [ARTICLE|FOLDER ...]

Each run is a new process (``python -c``) that loads kiwipiepy the way the breaker does
(:class:`bookmaker.korean.morphology.Analyzer`, no disk cache) and prints wall and CPU seconds and
its peak RSS before and after. With articles, each is set in every configuration of
``bench/typography.py`` (PDF markup only, no WeasyPrint) and the paragraphs that reach the analyzer
are counted. Figures are noisy on a busy machine: note the load average printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.typography import CONFIGS, articles  # noqa: E402

PROBE = """
import json, resource, time
from bookmaker.korean.morphology import Analyzer
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
before, wall, cpu = rss(), time.perf_counter(), time.process_time()
analyzer = Analyzer(None)
analyzer.analyze(["연금개혁특별위원회"])
loaded = (time.perf_counter() - wall, time.process_time() - cpu, rss())
words = ["국가안보전략연구원이", "고령지농업연구소장", "반도체산업협회", "기획재정위원회"] * 50
start = time.process_time()
for number, word in enumerate(words):
    analyzer.analyze([word + str(number)])
per_word = (time.process_time() - start) / len(words)
print(json.dumps({"wall": loaded[0], "cpu": loaded[1], "rss_before": before, "rss_after": loaded[2],
                  "ms_per_word": 1000 * per_word}))
"""


def load_figures(runs: int) -> list[dict[str, float]]:
    """Load the analyzer in ``runs`` fresh processes; their figures."""
    env = {**os.environ, "BOOKMAKER_NO_CACHE": "1"}
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
        )
        out.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


def paragraphs_needing_it(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Per article: (configurations in which some paragraph reached the analyzer, configurations)."""
    from datetime import UTC, datetime

    from bookmaker.korean import linebreak
    from bookmaker.pipeline import BuildOptions, load, style_for
    from bookmaker.writers.pdf import print_html

    reached: list[str] = []
    original = linebreak.Paragraph.opportunities

    def counted(self: linebreak.Paragraph, analyzer: object = None, syllables: bool = False) -> object:
        if analyzer is not None:
            reached.append(self.text)
        return original(self, analyzer, syllables)  # type: ignore[arg-type]

    linebreak.Paragraph.opportunities = counted  # type: ignore[assignment,method-assign]
    moment = datetime(2025, 11, 23, tzinfo=UTC)
    found: dict[str, tuple[int, int]] = {}
    configs = CONFIGS.split(",")
    for path in paths:
        doc = load(path)
        hits = 0
        for config in configs:
            theme, preset = config.split(":")
            reached.clear()
            style = style_for(doc, BuildOptions(formats=("pdf",), page_size=preset, theme=theme))
            print_html(doc, created=moment, style=style)
            hits += bool(reached)
        found[path.name] = (hits, len(configs))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    figures = load_figures(args.runs)
    for key in ("wall", "cpu", "rss_before", "rss_after", "ms_per_word"):
        values = [f[key] for f in figures]
        middle = statistics.median(values)
        print(f"{key:12s} median {middle:8.2f}  min {min(values):8.2f}  max {max(values):8.2f}")
    if args.inputs:
        found = paragraphs_needing_it(articles(args.inputs))
        for name, (hits, total) in found.items():
            print(f"{name:36s} analyzer in {hits} of {total} configurations")
        print(f"articles that never need it: {sum(1 for h, _ in found.values() if h == 0)} of {len(found)}")


if __name__ == "__main__":
    main()
