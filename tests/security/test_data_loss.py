"""Issue #23, data loss (cases 4–5): one build's outputs appear together or not at all, and the
batch cache never calls changed outputs or changed images "unchanged"."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import ROOT
from tests.security.hostile import PNG_1X1, article, assert_one_error, outputs, run_bounded

ARTICLE = ROOT / "tests" / "fixtures" / "ir" / "seed-excerpt.json"


# ---- case 4: a full disk leaves the previous outputs as they were


def test_case04_full_disk_keeps_the_previous_outputs_together(small_disk: Path) -> None:
    out = small_disk / "out"
    assert run_bounded("build", ARTICLE, "-o", out).returncode == 0
    before = {name: (out / name).read_bytes() for name in outputs(out)}
    assert sorted(before) == ["seed-excerpt.epub", "seed-excerpt.pdf"]
    # leave room for a new EPUB but not for the PDF after it
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    room = len(before["seed-excerpt.epub"]) + 16 * 1024
    (small_disk / "filler").write_bytes(b"\0" * max(0, free - room))
    proc = run_bounded("build", ARTICLE, "-o", out, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert_one_error(proc, 1, "seed-excerpt.", "no space left on the disk mounted at", str(small_disk))
    assert {name: (out / name).read_bytes() for name in outputs(out)} == before  # no .part left


# ---- case 5: the batch cache checks output hashes and referenced files


def _batch(folder: Path, out: Path, *more: str) -> dict[str, list[str]]:
    proc = run_bounded("batch", folder, "-o", out, "--to", "epub", "-j", "1", *more)
    assert proc.returncode == 0, proc.stderr
    states: dict[str, list[str]] = {"built": [], "unchanged": []}
    for line in proc.stderr.splitlines():  # bookmaker: [1/1] built a.md: 1 warning(s)
        state, name = line.split("] ", 1)[1].split(" ", 1)
        states.setdefault(state, []).append(name.split(": ")[0])
    return states


def test_case05_a_flipped_output_byte_is_rebuilt(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    article(folder, "a.md")
    assert _batch(folder, out)["built"] == ["a.md"]
    epub = out / "a.epub"
    good = epub.read_bytes()
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0x01
    epub.write_bytes(bytes(damaged))
    assert _batch(folder, out)["built"] == ["a.md"]
    assert epub.read_bytes() == good
    assert _batch(folder, out)["unchanged"] == ["a.md"]


def test_case05_an_edited_image_is_rebuilt(tmp_path: Path) -> None:
    from tests.security.hostile import huge_png

    folder, out = tmp_path / "in", tmp_path / "out"
    (folder).mkdir()
    (folder / "chart.png").write_bytes(PNG_1X1)
    article(
        folder,
        "a.md",
        text="![도표 설명이 충분히 긴 대체 텍스트](chart.png)\n\n본문입니다. 충분히 긴 문장입니다.\n",
    )
    assert _batch(folder, out)["built"] == ["a.md"]
    assert _batch(folder, out)["unchanged"] == ["a.md"]
    (folder / "chart.png").write_bytes(huge_png(20, 10))
    assert _batch(folder, out)["built"] == ["a.md"]
    entry = json.loads((out / ".bookmaker-batch-cache.json").read_text())["entries"]["a.md"]
    assert list(entry["references"]) == [str((folder / "chart.png").resolve())]
