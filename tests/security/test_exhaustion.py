"""Issue #23, hangs and exhaustion (cases 6–11): nothing blocks, floods memory or outlives the run.

Every run is a subprocess with capped memory and CPU (tests/security/hostile.py); a blocked one
fails its test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.security.hostile import (
    BODY,
    EPOCH,
    PNG_1X1,
    article,
    assert_one_error,
    fifo,
    huge_png,
    outputs,
    rewrite_zip,
    run_bounded,
)

# ---- case 6: a FIFO (or any non-regular file) is refused, never opened for a blocking read


def test_case06_fifo_as_input_is_refused(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "in" / "기사.txt")
    proc = run_bounded("build", pipe, "-o", tmp_path / "out")
    assert_one_error(proc, 2, "FIFO", "not a regular file", "기사.txt")
    assert outputs(tmp_path / "out") == []


def test_case06_fifo_as_book_file_article_and_cover(tmp_path: Path) -> None:
    article(tmp_path / "book", "a.md")
    fifo(tmp_path / "book" / "b.txt")
    book = tmp_path / "book" / "weekly.toml"
    book.write_text('title = "주간"\narticles = ["a.md", "b.txt"]\n', encoding="utf-8")
    proc = run_bounded("build", book, "-o", tmp_path / "out", "--to", "epub")
    assert_one_error(proc, 2, "b.txt", "not a regular file")

    fifo(tmp_path / "book" / "cover.png")
    book.write_text('title = "주간"\ncover = "cover.png"\narticles = ["a.md"]\n', encoding="utf-8")
    proc = run_bounded("build", book, "-o", tmp_path / "out", "--to", "epub")
    assert_one_error(proc, 2, "cover.png", "not a regular file")
    assert outputs(tmp_path / "out") == []


def test_case06_fifo_as_cover_option_and_book_file(tmp_path: Path) -> None:
    source = article(tmp_path / "in")
    proc = run_bounded("build", source, "-o", tmp_path / "out", "--cover", fifo(tmp_path / "c.png"))
    assert_one_error(proc, 2, "c.png", "not a regular file")
    book = fifo(tmp_path / "in" / "weekly.yaml")
    proc = run_bounded("build", book, "-o", tmp_path / "out")
    assert_one_error(proc, 2, "weekly.yaml", "not a regular file")
    assert outputs(tmp_path / "out") == []


def test_case06_fifo_figure_is_left_out_with_a_warning(tmp_path: Path) -> None:
    fifo(tmp_path / "in" / "photo.png")
    source = article(
        tmp_path / "in", text="![사진 설명이 충분히 긴 대체 텍스트](photo.png)\n\n본문입니다. " * 3
    )
    proc = run_bounded("build", source, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert "photo.png" in proc.stderr and "not a regular file" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---- case 7: the size is checked before reading; reads are bounded


def test_case07_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    proc = run_bounded("build", "/dev/zero", "-o", tmp_path / "out", memory_mb=512)
    assert_one_error(proc, 2, "/dev/zero", "character device")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    proc = run_bounded("build", link, "-o", tmp_path / "out", memory_mb=512)
    assert_one_error(proc, 2, "zero.txt", "character device")


def test_case07_sparse_file_over_the_limit_costs_no_memory(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as handle:
        handle.truncate(3 << 30)  # 3 GB of holes
    proc = run_bounded("build", sparse, "-o", tmp_path / "out", memory_mb=512)
    assert_one_error(proc, 2, "huge.txt", "3072.0 MB", "--max-input-mb")
    proc = run_bounded("build", sparse, "-o", tmp_path / "out", "--max-input-mb", "5000", memory_mb=512)
    assert_one_error(proc, 1, "out of memory")  # the limit raised past what the process may use
    assert outputs(tmp_path / "out") == []


def test_case07_cover_over_the_size_limit(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    with cover.open("wb") as handle:
        handle.write(PNG_1X1)
        handle.truncate(1 << 30)
    proc = run_bounded(
        "build", article(tmp_path / "in"), "-o", tmp_path / "out", "--cover", cover, memory_mb=512
    )
    assert_one_error(proc, 2, "cover.png", "over the 20 MB limit")


# ---- case 8: YAML alias bombs are measured before they are built


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["폭탄", "폭탄", "폭탄", "폭탄", "폭탄", "폭탄", "폭탄", "폭탄", "폭탄"]']
    for level in range(1, levels):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    return "\n".join(lines)


@pytest.mark.parametrize("key", ["title", "authors", "settings: {margins"])
def test_case08_alias_bomb_in_front_matter(tmp_path: Path, key: str) -> None:
    bomb = _alias_bomb()
    use = f"{key}: *a8" + ("}" if key.startswith("settings") else "")
    source = article(tmp_path / "in", front=f"{bomb}\n{use}")
    assert len(source.read_bytes()) < 2048
    proc = run_bounded("build", source, "-o", tmp_path / "out", memory_mb=768)
    line = assert_one_error(proc, 2, "기사.md", "front matter", "aliases")
    assert len(line) < 300
    assert outputs(tmp_path / "out") == []


def test_case08_alias_bomb_and_recursion_in_a_book_file(tmp_path: Path) -> None:
    article(tmp_path / "in", "a.md")
    book = tmp_path / "in" / "weekly.yaml"
    book.write_text(f"{_alias_bomb()}\ntitle: *a8\narticles: [a.md]\n", encoding="utf-8")
    proc = run_bounded("build", book, "-o", tmp_path / "out", memory_mb=768)
    assert_one_error(proc, 2, "weekly.yaml", "aliases")
    book.write_text("title: &t [*t]\narticles: [a.md]\n", encoding="utf-8")
    assert_one_error(run_bounded("build", book, "-o", tmp_path / "out"), 2, "recursive alias")
    book.write_text("title: " + "[" * 5000 + "]" * 5000 + "\narticles: [a.md]\n", encoding="utf-8")
    assert_one_error(run_bounded("build", book, "-o", tmp_path / "out"), 2, "nested too deeply")
    assert outputs(tmp_path / "out") == []


def test_case08_long_yaml_value_is_refused(tmp_path: Path) -> None:
    source = article(tmp_path / "in", front=f"title: {'가' * 20000}")
    proc = run_bounded("build", source, "-o", tmp_path / "out")
    assert_one_error(proc, 2, "front matter", "20,000 characters")


# ---- case 10: pixel bombs


@pytest.fixture(scope="module")
def pixel_bomb() -> bytes:
    return huge_png(13000, 13000)


def test_case10_pixel_bomb_figure_is_left_out_of_epub_and_pdf(tmp_path: Path, pixel_bomb: bytes) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.png").write_bytes(pixel_bomb)
    assert len(pixel_bomb) < 1 << 20
    source = article(folder, text="![사진 설명이 충분히 긴 대체 텍스트](big.png)\n\n본문입니다. " * 3)
    proc = run_bounded("build", source, "-o", tmp_path / "out", memory_mb=1024)
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "big.png" in line]
    assert len(warnings) == 1 and "13000×13000 pixels" in warnings[0], proc.stderr
    assert "DecompressionBomb" not in proc.stderr
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.epub"))) as epub:
        assert not [name for name in epub.namelist() if "figure" in name]


def test_case10_pixel_bomb_cover_is_refused(tmp_path: Path, pixel_bomb: bytes) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(pixel_bomb)
    proc = run_bounded(
        "build", article(tmp_path / "in"), "-o", tmp_path / "out", "--cover", cover, memory_mb=768
    )
    assert_one_error(proc, 2, "cover.png", "13000×13000 pixels")
    assert outputs(tmp_path / "out") == []


def test_case10_pixel_bomb_as_data_url_in_ir_json(tmp_path: Path) -> None:
    import base64
    import json

    data = base64.b64encode(huge_png(9000, 9000)).decode()
    doc = {
        "meta": {"title": "그림"},
        "blocks": [
            {"type": "paragraph", "text": "본문입니다."},
            {"type": "figure", "text": "", "caption": "큰 그림", "src": f"data:image/png;base64,{data}"},
        ],
    }
    source = tmp_path / "in" / "doc.json"
    source.parent.mkdir()
    source.write_text(json.dumps(doc), encoding="utf-8")
    proc = run_bounded("build", source, "-o", tmp_path / "out", memory_mb=1024)
    assert proc.returncode == 0, proc.stderr
    assert "9000×9000 pixels" in proc.stderr and "DecompressionBomb" not in proc.stderr
    assert os.path.getsize(tmp_path / "out" / "doc.epub") < 1 << 20


def test_case07_batch_reads_within_the_limits(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder, "a.md")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(3 << 30)
    (folder / "zero.txt").symlink_to("/dev/zero")
    fifo(folder / "pipe.md")
    proc = run_bounded("batch", folder, "-o", tmp_path / "out", "--to", "epub", "-j", "1", memory_mb=1024)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "huge.txt: input is 3072.0 MB, over the 20 MB limit" in proc.stderr
    assert "zero.txt: is a link out of INPUT_DIR" in proc.stderr
    assert "pipe.md: is a FIFO (named pipe), not a regular file" in proc.stderr
    assert "built a.md" in proc.stderr


def test_case07_archive_reads_within_the_limits(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as handle:
        handle.truncate(3 << 30)
    proc = run_bounded("archive", sparse, "-o", tmp_path / "out", memory_mb=512)
    assert_one_error(proc, 2, "huge.txt", "over the 20 MB limit")
    assert_one_error(run_bounded("archive", fifo(tmp_path / "p.txt"), "-o", tmp_path / "out"), 2, "FIFO")
    assert outputs(tmp_path / "out") == []


# ---- case 11: children end with their parent; what a killed run left is cleaned; the cache keeps up


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(child) for child in task.read_text().split()]
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")  # a zombie has ended; only reaping is left


def _wait(condition: Callable[[], bool], what: str) -> None:
    """Poll ``condition`` (a guard against a hang, not a timing assertion)."""
    for _ in range(3000):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never: {what}")


def _slow_article(folder: Path, name: str) -> Path:
    return article(folder, name, text=BODY * 400)


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_case11_batch_workers_end_with_the_batch(tmp_path: Path, signal_number: int) -> None:
    folder = tmp_path / "in"
    for name in ("a.md", "b.md", "c.md"):
        _slow_article(folder, name)
    batch = subprocess.Popen(
        [sys.executable, "-m", "bookmaker", "batch", str(folder), "-o", str(tmp_path / "out"), "-j", "2"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(lambda: len(_children(batch.pid)) >= 2, "two pool workers")
        workers = _children(batch.pid)
        batch.send_signal(signal_number)
        batch.wait()
        _wait(lambda: all(_gone(pid) for pid in workers), "the workers ended")
    finally:
        batch.kill()


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_case11_build_pdf_child_ends_with_the_build(tmp_path: Path, signal_number: int) -> None:
    source = _slow_article(tmp_path / "in", "a.md")
    build = subprocess.Popen(
        [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(lambda: bool(_children(build.pid)) or build.poll() is not None, "the PDF child")
        child = _children(build.pid)
        if not child:
            pytest.skip("the build ended before its child was seen")
        build.send_signal(signal_number)
        build.wait()
        _wait(lambda: _gone(child[0]), "the PDF child ended")
    finally:
        build.kill()
    assert [name for name in outputs(tmp_path / "out") if not name.startswith(".")] == []


def _dead_pid() -> int:
    probe = subprocess.Popen(["true"])
    probe.wait()
    return probe.pid


def test_case11_staging_left_by_a_killed_run_is_removed(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    source = article(folder, "a.md")
    out.mkdir()
    dead = _dead_pid()
    (out / f".a.{dead}.x1y2z3.part").mkdir()  # a bundle's staging folder
    (out / f".a.{dead}.x1y2z3.part" / "manifest.json").write_text("{}")
    (out / f".a.epub.{dead}.q9w8e7.part").write_bytes(b"half")  # a file being written
    alive = out / f".b.epub.{os.getppid()}.a1b2c3.part"  # another run's, still going
    alive.write_bytes(b"in progress")
    proc = run_bounded("batch", folder, "-o", out, "--archive", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".part")) == [alive.name]
    for command in (["build", source, "--to", "epub"], ["archive", source, "--zip"]):
        (out / f".a.epub.{dead}.q9w8e7.part").write_bytes(b"half")
        assert run_bounded(*command, "-o", out).returncode == 0
        assert sorted(p.name for p in out.iterdir() if p.name.endswith(".part")) == [alive.name]


def test_case11_cache_is_saved_as_articles_finish(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    article(folder, "a.md")
    for name in ("b.md", "c.md", "d.md"):
        _slow_article(folder, name)
    batch = subprocess.Popen(
        [sys.executable, "-m", "bookmaker", "batch", str(folder), "-o", str(out), "-j", "1"],
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},  # as run_bounded: the same cache keys
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cache = out / ".bookmaker-batch-cache.json"
    try:
        _wait(lambda: cache.exists() or batch.poll() is not None, "the first article recorded")
        batch.kill()
        batch.wait()
    finally:
        batch.kill()
    recorded = json.loads(cache.read_text())["entries"]
    assert recorded
    proc = run_bounded("batch", folder, "-o", out, "-j", "1")
    assert proc.returncode == 0, proc.stderr
    for name in recorded:
        assert f"unchanged {name}" in proc.stderr


def test_case06_verify_meets_fifos_without_blocking(bundle: Path, tmp_path: Path) -> None:
    pdf = bundle / "seed-excerpt.pdf"
    pdf.unlink()
    pdf.symlink_to(fifo(tmp_path / "elsewhere.pdf"))  # a FIFO behind a bundle symlink
    (bundle / "seed-excerpt.epub").unlink()
    fifo(bundle / "seed-excerpt.epub")  # a FIFO in the bundle itself
    proc = run_bounded("archive", "--verify", bundle)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "seed-excerpt.pdf: is a symbolic link, not a regular file" in proc.stderr
    assert "seed-excerpt.epub: is a FIFO (named pipe), not a regular file" in proc.stderr
    shelf = tmp_path / "shelf"
    fifo(shelf / "bundle.zip")
    proc = run_bounded("archive", "--verify", shelf)
    assert proc.returncode == 1 and "bundle.zip: is a FIFO (named pipe)" in proc.stderr
    assert_one_error(run_bounded("archive", "--verify", shelf / "bundle.zip"), 2, "FIFO")


# ---- case 9: a zip bomb is hashed as a stream, never past the manifest's size


def test_case09_zip_bomb_costs_no_memory(bundle_zip: Path, tmp_path: Path) -> None:
    def bomb(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as entry:
            for _ in range(1024):
                entry.write(bytes(1 << 20))  # 1 GB of zeros, deflated to ~1 MB

    target = rewrite_zip(bundle_zip, tmp_path / "bomb.zip", {"seed-excerpt/seed-excerpt.pdf": bomb})
    assert target.stat().st_size < 8 << 20
    proc = run_bounded("archive", "--verify", target, memory_mb=512)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "seed-excerpt.pdf: size changed" in proc.stderr and "not read further" in proc.stderr


# ---- a big valid text: refused before the layout, not after gigabytes (the PDF's memory: #25)


def test_big_text_over_the_character_budget_is_refused_before_work(tmp_path: Path) -> None:
    paragraph = "가나다라마바사 아자차카타파하 " * 30  # 450 characters
    lines = [f"{number}번째 문단입니다. {paragraph}" for number in range(2_600)]  # 1.2 million
    source = tmp_path / "big.txt"
    source.write_text("큰 문서\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    proc = run_bounded("build", source, "-o", tmp_path / "out", memory_mb=1024)
    said = "characters of text, over the 1,000,000 character limit"
    assert_one_error(proc, 2, "big.txt", said, "--max-chars")
    assert outputs(tmp_path / "out") == []
    small = article(tmp_path / "in", "a.md")
    second = article(tmp_path / "in", "b.md")
    # the articles together count only for a PDF laid out in one piece (--jobs 0, a PDF variant) …
    one_piece = ("--max-chars", "100", "--title", "책", "--jobs", "0")
    proc = run_bounded("build", small, second, "-o", tmp_path / "out", *one_piece)
    assert_one_error(proc, 2, "the collection", "over the 100 character limit")
    # … a book rendered in chunks (or an EPUB) holds one chunk at a time: each article counts alone
    proc = run_bounded("build", small, second, "-o", tmp_path / "out", "--max-chars", "100", "--to", "epub")
    assert proc.returncode == 0, proc.stderr
