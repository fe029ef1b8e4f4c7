"""Long-run fuzzing of readers, normalizer, writers and the CLI's surroundings (not run in CI).

usage: .venv/bin/python bench/fuzz.py [--cases 10000] [--jobs 1] [--seed 1] [--build-every 50]
                                      [--out bench/fuzz-crashes] [--replay FILE | --case N]

Each case is made from ``seed + case number`` alone (so any case can be re-made). Most are
*content* cases: a mutated article from the test fixtures — hostile markup, control characters,
odd encodings, truncation, flipped bytes, deep nesting, long lines — saved as text, HTML,
Markdown or JSON. It must read to an IR document or a one-line input error, keeping every source
line (tests/security/properties.py). Every ``--build-every``-th readable case is also built; its
EPUB goes through EPUBCheck (all in one JVM at the end) and its PDF through pdftotext.

The rest are *hostile* cases (bench/fuzz_hostile.py, issue #23): deep nesting as the parser
builds it, YAML alias bombs, FIFOs, devices and symbolic links as inputs, book-file entries,
covers, figures, batch folders and archive bundles, pixel, sparse and zip bombs, template
payloads, and a full disk (a small tmpfs, when run as root). Each ends ok, error (one line),
crash, hang (still running after 30 s) or escape (an output holds a secret from outside).

Crashes are printed and saved in ``--out``; re-run a content one with ``--replay FILE``, any one
with ``--case N``. The exit code is 1 when anything crashed, hung or escaped.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.security.properties import (  # noqa: E402
    SUFFIXES,
    build_outputs,
    check_pdf_text,
    read_and_normalize,
)

from bench.fuzz_hostile import HANG_AFTER, Hang, cpu_guard, run_hostile  # noqa: E402

ARTICLES = ROOT / "tests" / "fixtures" / "articles"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="file:///etc/passwd" alt="사진 설명이 충분히 긴 대체 텍스트">',
    '<iframe src="http://127.0.0.1:9/"></iframe>',
    "<style>@import url(http://127.0.0.1:9/x.css);</style>",
    '<p style="background:url(file:///etc/passwd)">스타일</p>',
    '<svg><image href="../secret.png"/></svg>',
    '<a href="javascript:alert(1)">링크</a>',
    '<meta http-equiv="refresh" content="0;url=http://127.0.0.1/">',
    "<object data=x.swf></object><embed src=x>",
    "&#0;&#1;&#x7f;&#xfffe;&#xd800;&lt;&amp;",
    "<![CDATA[ x ]]>",
    "<!-- 주석 <div> -->",
    "</div></div></p>",
    "<div><div><div><span>",
    "\x00",
    "\x01\x02\x1b[31m",
    "\u202e\u200b\ufeff\u2028\u2029",
    "\ud7a3\u3131\u1100\u11a8",
    "ⓒ 연합뉴스 무단전재 및 재배포 금지",
    "홍길동 기자 hong@yna.co.kr",
    "2025.11.23 14:07",
    "# 제목\n\n> 인용\n\n1. 하나\n- 둘",
    "---\ntitle: [x\n---\n",
    '{"meta": {"title": 5}}',
    "![사진](../../etc/passwd)",
    "]]>",
    "\r\n\r",
    "\t\t\t",
    "𝕏😀\U0002f800",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp949", "latin-1"]


def _pool() -> list[str]:
    lines: list[str] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        lines.extend(t for t in path.read_text(encoding="utf-8").splitlines() if t.strip())
    return lines


POOL = _pool()


def make_case(seed: int) -> tuple[bytes, str]:
    """The input bytes and file suffix of case ``seed``."""
    rng = random.Random(seed)
    lines = rng.sample(POOL, rng.randint(1, 30))
    for _ in range(rng.randint(0, 6)):
        lines.insert(rng.randint(0, len(lines)), rng.choice(HOSTILE))
    if rng.random() < 0.2:  # splice hostile bits inside lines
        for _ in range(rng.randint(1, 5)):
            index = rng.randrange(len(lines))
            cut = rng.randint(0, len(lines[index]))
            lines[index] = lines[index][:cut] + rng.choice(HOSTILE) + lines[index][cut:]
    if rng.random() < 0.05:
        lines.append(rng.choice(POOL) * rng.randint(50, 400))  # a long line
    if rng.random() < 0.05:
        depth = rng.randint(10, 700)
        lines.append("<div>" * depth + rng.choice(POOL) + "</div>" * rng.randint(0, depth))
    suffix = rng.choice(SUFFIXES)
    joiner = rng.choice(["\n", "\n\n", "\r\n", "\r", "<br>", "</p><p>"])
    text = joiner.join(lines)
    if suffix == ".html" and rng.random() < 0.7:
        title = rng.choice(POOL)
        text = f"<html><head><title>{title}</title></head><body><article>{text}</article></body></html>"
    if suffix == ".json" and rng.random() < 0.7:
        text = _ir_json(rng, lines)
    encoding = rng.choice(ENCODINGS) if rng.random() < 0.3 else "utf-8"
    data = text.encode(encoding, errors="replace" if encoding in ("cp949", "latin-1") else "surrogatepass")
    if rng.random() < 0.1:
        data = data[: rng.randint(0, len(data))]  # truncated, maybe mid-character
    if rng.random() < 0.1:
        buf = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        data = bytes(buf)
    return data, suffix


def _ir_json(rng: random.Random, lines: list[str]) -> str:
    import json

    kinds = ["paragraph", "heading", "quote", "figure", "list"]
    blocks = []
    for line in lines:
        kind = rng.choice(kinds)
        block: dict[str, object] = {"type": kind, "text": line}
        if kind == "heading":
            block["level"] = rng.choice([1, 2, 3, 6, 7, "2"])
        if kind == "figure":
            block["src"] = rng.choice(["../x.png", "file:///etc/passwd", "http://127.0.0.1/", None])
            block["caption"] = line
        if kind == "list":
            block["items"] = [line, line[:3] or "x"]
        blocks.append(block)
    return json.dumps(
        {"meta": {"title": rng.choice(lines)}, "blocks": blocks}, ensure_ascii=rng.random() < 0.5
    )


# share of each kind of case (content cases are the cheapest: no child process)
WEIGHTS = {
    **{"content": 60, "nesting": 8, "yaml": 8, "filesystem": 9, "bomb": 5, "template": 6, "disk": 4},
    **{"long": 4, "server": 3},
}
WORKER_MEMORY_MB = 3072  # RLIMIT_AS of a worker: a bomb read in-process fails it, not the machine


def kind_of(seed: int) -> str:
    """The kind of case ``seed`` (content or one of bench/fuzz_hostile.KINDS)."""
    return random.Random(seed * 7919 + 1).choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]


def _limit_worker() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_MB << 20, WORKER_MEMORY_MB << 20))


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children so far."""
    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def run_case(job: tuple[int, int, bool, str]) -> tuple[int, str, str, str | None, str | None, float, float]:
    """Run one case: ``(case, kind, status, report, built EPUB path, CPU seconds, wall seconds)``;
    status is ok, error, crash, hang or escape; the report says what went wrong."""
    case, seed, want_build, work = job
    kind = kind_of(seed + case)
    folder = Path(tempfile.mkdtemp(prefix=f"case{case}-", dir=work))
    epub = None
    cpu, wall = _cpu_seconds(), time.monotonic()

    def done(
        status: str, report: str | None = None
    ) -> tuple[int, str, str, str | None, str | None, float, float]:
        return case, kind, status, report, epub, _cpu_seconds() - cpu, time.monotonic() - wall

    try:
        if kind != "content":
            result = run_hostile(kind, random.Random(seed + case), folder)
            return done(
                result.status, result.detail if result.status in ("crash", "hang", "escape") else None
            )
        with cpu_guard():
            data, suffix = make_case(seed + case)
            outcome = read_and_normalize(data, suffix, folder)
            if outcome.doc is not None and want_build:
                epub_path, pdf_path = build_outputs(outcome.doc, folder)
                check_pdf_text(outcome.doc, pdf_path)
                epub = str(epub_path)
        return done("ok" if outcome.doc is not None else "error")
    except Hang:
        return done("hang", f"{HANG_AFTER} s of CPU")
    except BaseException as exc:  # a crash, whatever it is
        if isinstance(exc, KeyboardInterrupt):
            raise
        return done("crash", "".join(traceback.format_exception(exc)))
    finally:
        if epub is None:
            shutil.rmtree(folder, ignore_errors=True)


def _save(out: Path, case: int, seed: int, kind: str, report: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    if kind != "content":
        target = out / f"case-{seed + case}-{kind}.txt"
        target.write_text(f"--case {case} --seed {seed} ({kind})\n{report}\n", encoding="utf-8")
        return target
    data, suffix = make_case(seed + case)
    target = out / f"case-{seed + case}{suffix or '.noext'}"
    target.write_bytes(data)
    target.with_name(target.name + ".traceback.txt").write_text(report, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz cases; exit 1 when any crashed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build-every", type=int, default=50, help="build every Nth case (0: never)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "fuzz-crashes")
    parser.add_argument("--replay", type=Path, help="read, normalize and build one saved input")
    parser.add_argument("--case", type=int, help="run case N (of --seed) alone and print its result")
    args = parser.parse_args(argv)
    if args.case is not None:
        with tempfile.TemporaryDirectory() as tmp:
            case, kind, status, report, _, cpu, wall = run_case((args.case, args.seed, True, tmp))
        print(
            f"case {case} ({kind}): {status} ({cpu:.1f} s CPU, {wall:.1f} s)"
            + (f"\n{report}" if report else "")
        )
        return 0 if status in ("ok", "error") else 1
    if args.replay:
        with tempfile.TemporaryDirectory() as tmp:
            suffix = args.replay.suffix.replace(".noext", "")
            outcome = read_and_normalize(args.replay.read_bytes(), suffix, Path(tmp))
            if outcome.doc is not None:
                epub, pdf = build_outputs(outcome.doc, Path(tmp))
                check_pdf_text(outcome.doc, pdf)
                print(_epubcheck([epub]) or "EPUB valid")
        print(outcome.error or "read, normalized and built fine")
        return 0

    counts = dict.fromkeys(("ok", "error", "crash", "hang", "escape"), 0)
    by_kind: dict[str, dict[str, int]] = {kind: dict.fromkeys(counts, 0) for kind in WEIGHTS}
    epubs: list[Path] = []
    slowest = {"cpu": (0.0, -1, ""), "wall": (0.0, -1, "")}  # seconds, case, kind
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bookmaker-fuzz-") as work:
        jobs = [
            (case, args.seed, bool(args.build_every) and case % args.build_every == 0, work)
            for case in range(args.cases)
        ]
        with multiprocessing.Pool(args.jobs, initializer=_limit_worker) as pool:
            for done, (case, kind, status, report, epub, cpu, wall) in enumerate(
                pool.imap_unordered(run_case, jobs), 1
            ):
                counts[status] += 1
                by_kind[kind][status] += 1
                slowest["cpu"] = max(slowest["cpu"], (cpu, case, kind))
                slowest["wall"] = max(slowest["wall"], (wall, case, kind))
                if report is not None:
                    saved = _save(args.out, case, args.seed, kind, report)
                    last = report.strip().splitlines()[-1] if report.strip() else ""
                    print(f"{status.upper()} case {case} ({kind}): {last} → {saved}", flush=True)
                if epub:
                    epubs.append(Path(epub))
                if done % 500 == 0:
                    rate = done / (time.monotonic() - start)
                    print(f"{done}/{args.cases} cases, {counts}, {rate:.1f}/s", flush=True)
        invalid = _epubcheck(epubs)
    print(
        f"done: {args.cases} cases in {time.monotonic() - start:.0f} s: {counts}; "
        f"{len(epubs)} built, {len(invalid)} EPUBs rejected by EPUBCheck"
    )
    for measure, (seconds, case, kind) in slowest.items():
        print(f"  longest case by {measure}: {seconds:.1f} s (case {case}, {kind})")
    for kind, tally in by_kind.items():
        print(
            f"  {kind:<10} " + ", ".join(f"{status} {number}" for status, number in tally.items() if number)
        )
    for line in invalid:
        print("EPUBCHECK", line)
    return 1 if counts["crash"] or counts["hang"] or counts["escape"] or invalid else 0


def _epubcheck(epubs: list[Path]) -> list[str]:
    if not epubs:
        return []
    from tests.support.epub_tools import run_epubcheck_many

    bad = []
    for path, result in run_epubcheck_many(epubs, timeout=3600).items():
        if result.counts["fatal"] or result.counts["error"] or result.counts["warning"]:
            first = next((m for m in result.messages if m.severity in ("FATAL", "ERROR", "WARNING")), None)
            bad.append(f"{path.parent.name}: {result.summary()}: {first.text if first else ''}")
    return bad


if __name__ == "__main__":
    sys.exit(main())
