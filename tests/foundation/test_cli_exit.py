"""The console entry point's exit: outputs complete, streams flushed, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "SOURCE_DATE_EPOCH": "1700000000"}


def test_exit_keeps_outputs_and_cleans_up(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(out)]
    proc = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), check=False)
    assert proc.returncode == 0, proc.stderr
    written = [Path(line) for line in proc.stdout.splitlines()]
    assert [p.suffix for p in written] == [".epub", ".pdf"]
    assert written[1].read_bytes().rstrip().endswith(b"%%EOF")
    assert list((tmp_path / "tmp").iterdir()) == []  # the PDF's font subsets are removed


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_closed_pipe_is_not_an_error_line(tmp_path: Path, unbuffered: str) -> None:
    """Listing the outputs into a pipe nobody reads: exit 141, no error line (buffered or not)."""
    (tmp_path / "tmp").mkdir()
    env = {k: v for k, v in _env(tmp_path).items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(tmp_path), "--to", "epub"]
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads what the build lists
    proc = subprocess.run(command, stdout=writer, stderr=subprocess.PIPE, env=env, check=False)
    os.close(writer)
    assert proc.returncode == 141
    # only the normalizer's summary of what it removed, never an error line
    assert all(line.startswith(b"bookmaker: warning: ") for line in proc.stderr.splitlines()), proc.stderr
    assert (tmp_path / f"{SEED.stem}.epub").stat().st_size > 10_000
