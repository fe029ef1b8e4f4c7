"""Batch: outputs, incremental skip, failure isolation, slugs, archive mode, CLI exit codes."""

from __future__ import annotations

import concurrent.futures as cf
import gc
import io
import json
import operator
import os
import weakref
from pathlib import Path

import pytest

from bookmaker.archive import verify
from bookmaker.batch.cache import CACHE_NAME
from bookmaker.batch.inputs import discover, unique_slugs
from bookmaker.batch.report import BatchReport, Progress, print_summary
from bookmaker.batch.runner import BatchSettings, run_batch
from bookmaker.batch.task import Outcome, Task, run_task, start_worker
from bookmaker.collector import YOUNG_EVERY
from bookmaker.pipeline import BuildOptions
from tests.batch.conftest import EPOCH, SMALL
from tests.conftest import run_cli

EPUB_ONLY = BuildOptions(formats=("epub",))


def _run(input_dir: Path, out: Path, options: BuildOptions = EPUB_ONLY, **settings: object) -> BatchReport:
    stream = io.StringIO()
    return run_batch(
        input_dir,
        out,
        options,
        BatchSettings(**settings),  # type: ignore[arg-type]
        epoch=EPOCH,
        pinned_epoch=True,
        progress=Progress(0, stream, fancy=False),
    )


def _mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix in (".epub", ".pdf")}


def test_unchanged_inputs_are_skipped_and_a_changed_one_is_rebuilt(input_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run(input_dir, out, jobs=2)
    assert sorted(first.built) == sorted(f"{name}.json" for name in SMALL) and first.ok
    assert sorted(p.name for p in out.iterdir()) == sorted([CACHE_NAME, *(f"{n}.epub" for n in SMALL)])
    before = _mtimes(out)

    second = _run(input_dir, out, jobs=2)
    assert second.built == [] and sorted(second.skipped) == sorted(f"{name}.json" for name in SMALL)
    assert _mtimes(out) == before

    doc = json.loads((input_dir / "no-meta.json").read_text(encoding="utf-8"))
    doc["blocks"][0]["text"] += " 추가된 문장."
    (input_dir / "no-meta.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (out / "hanja-latin.epub").unlink()  # a missing output is rebuilt too
    third = _run(input_dir, out, jobs=1)
    assert sorted(third.built) == ["hanja-latin.json", "no-meta.json"]
    assert third.skipped == ["seed-excerpt.json"]
    assert _mtimes(out)["seed-excerpt.epub"] == before["seed-excerpt.epub"]

    changed_options = _run(input_dir, out, BuildOptions(formats=("epub",), page_size="a4"), jobs=2)
    assert changed_options.skipped == [] and len(changed_options.built) == 3  # options are part of the key


def test_one_bad_article_never_stops_the_batch(input_dir: Path, tmp_path: Path) -> None:
    (input_dir / "broken.json").write_text('{"meta": {}}', encoding="utf-8")
    (input_dir / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (input_dir / "empty.md").write_bytes(b"")
    out = tmp_path / "out"
    report = _run(input_dir, out, jobs=2)
    assert sorted(report.built) == sorted(f"{name}.json" for name in SMALL)
    failed = dict(report.failed)
    assert sorted(failed) == ["binary.txt", "broken.json", "empty.md"]
    assert all("\n" not in error and error for error in failed.values())
    assert "invalid IR JSON" in failed["broken.json"]
    summary = io.StringIO()
    print_summary(report, summary, fancy=False)
    text = summary.getvalue()
    assert "3 built, 0 unchanged, 3 failed" in text
    assert "broken.json" in text and failed["broken.json"] in text
    again = _run(input_dir, out, jobs=1)  # failures are not cached: they are tried again
    assert sorted(dict(again.failed)) == ["binary.txt", "broken.json", "empty.md"]
    assert len(again.skipped) == 3


def test_cli_exit_code_and_plain_log_lines(input_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok = run_cli("batch", input_dir, "-o", out, "--jobs", "1", "--to", "epub")
    assert ok.returncode == 0, ok.stderr
    assert ok.stderr.count("] built ") == 3
    assert "3 article(s): 3 built, 0 unchanged, 0 failed" in ok.stdout
    (input_dir / "zz-broken.json").write_text("{not json", encoding="utf-8")
    bad = run_cli("batch", input_dir, "-o", out, "--jobs", "1", "--to", "epub")
    assert bad.returncode == 1
    assert bad.stderr.count("] unchanged ") == 3
    assert "FAILED zz-broken.json: malformed JSON" in bad.stderr
    assert "Traceback" not in bad.stderr + bad.stdout
    usage = run_cli("batch", tmp_path / "nowhere", "-o", out)
    assert usage.returncode == 2 and usage.stderr.startswith("bookmaker: error:")


def test_slug_collisions_get_distinct_names(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("x", encoding="utf-8")
    (tmp_path / "story.md").write_text("x", encoding="utf-8")
    (tmp_path / "한글.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    inputs = discover(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in inputs] == [
        "a/story.txt",
        "b/story.txt",
        "story.md",
        "한글.txt",
    ]
    slugs = unique_slugs(inputs, tmp_path)
    assert len(set(slugs.values())) == 4
    assert all(slug.startswith("story-") for path, slug in slugs.items() if path.stem == "story")
    assert slugs[tmp_path / "한글.txt"] == "한글"


def test_archive_mode_writes_verifiable_bundles(input_dir: Path, tmp_path: Path) -> None:
    (input_dir / "no-meta.json").unlink()
    (input_dir / "hanja-latin.json").unlink()
    out = tmp_path / "out"
    report = _run(input_dir, out, BuildOptions(), jobs=1, archive=True)
    assert report.ok and report.built == ["seed-excerpt.json"]
    assert (out / "seed-excerpt" / "manifest.json").is_file()
    assert verify(out / "seed-excerpt").ok
    assert _run(input_dir, out, BuildOptions(), jobs=1, archive=True).skipped == ["seed-excerpt.json"]


def test_progress_plain_and_rich() -> None:
    plain = io.StringIO()
    with Progress(2, plain, fancy=False) as progress:
        progress.step("a.txt", "built")
        progress.step("b.txt", "FAILED", "b.txt: empty file")
    assert plain.getvalue().splitlines() == [
        "bookmaker: [1/2] built a.txt",
        "bookmaker: [2/2] FAILED b.txt: b.txt: empty file",
    ]
    fancy = io.StringIO()
    with Progress(2, fancy, fancy=True) as progress:
        progress.step("a.txt", "built")
        progress.step("b.txt", "FAILED", "empty file")
    shown = fancy.getvalue()
    assert "2/2" in shown and "FAILED b.txt: empty file" in shown and "articles/s" in shown


def test_report_tracks_peak_memory_per_worker() -> None:
    report = BatchReport(total=3)
    report.add(Outcome("a", "a", worker="h:1", peak_rss_kb=1000))
    report.add(Outcome("b", "b", worker="h:1", peak_rss_kb=3000))
    report.add(Outcome("c", "c", worker="h:2", peak_rss_kb=2000, error="boom"))
    assert report.peak_rss_kb == {"h:1": 3000, "h:2": 2000}
    assert report.failed == [("c", "boom")] and not report.ok


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    assert os.environ["SOURCE_DATE_EPOCH"]


class _Node:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def test_local_batch_workers_space_out_the_collector_and_leave_their_modules_out_of_it() -> None:
    with cf.ProcessPoolExecutor(1, initializer=start_worker, initargs=(BuildOptions(), os.getpid())) as pool:
        threshold = pool.submit(operator.call, gc.get_threshold).result()
        frozen = pool.submit(operator.call, gc.get_freeze_count).result()
    assert threshold[0] == YOUNG_EVERY
    assert frozen > 0


def test_an_article_task_frees_the_cyclic_garbage_before_it_returns(tmp_path: Path) -> None:
    node = _Node()
    gone = weakref.ref(node)
    del node
    gc.disable()  # only the task's own collection may free it
    try:
        outcome = run_task(
            Task(str(tmp_path / "없는.txt"), "없는.txt", "x", BuildOptions(), epoch=int(EPOCH))
        )
        freed = gone() is None
    finally:
        gc.enable()
    assert outcome.error
    assert freed
