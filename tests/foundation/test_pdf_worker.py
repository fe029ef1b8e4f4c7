"""The PDF rendered by the forked worker is the PDF rendered in-process: same bytes, same warnings,
also when the child is lost or the render fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED

# a figure the sandbox refuses (outside the folder) and one that is missing: warnings from both writers
ARTICLE = """---
title: 작업 프로세스 시험
---

첫 문단입니다. 한국어 본문이 있습니다.

![바깥 그림](../outside/secret.png)

![없는 그림](missing.png)

마지막 문단입니다.
"""

SCRIPT = """
import sys
from pathlib import Path
from bookmaker import pdf_worker
from bookmaker.pipeline import BuildOptions, build_file
mode, source, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if mode in ("fork", "lost"):
    pdf_worker.start()
    if mode == "lost":
        import os, signal
        os.kill(pdf_worker._started._pid, signal.SIGKILL)
else:
    import weasyprint  # noqa: F401  (loaded here: no worker can start)
    pdf_worker.start()
    assert pdf_worker.claim() is None
result = build_file(source, out, BuildOptions())
print("\\n".join(result.warnings))
"""


def _build(mode: str, source: Path, out: Path) -> tuple[bytes, bytes, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(source), str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    stem = source.stem
    return (out / f"{stem}.pdf").read_bytes(), (out / f"{stem}.epub").read_bytes(), proc.stdout


def test_forked_lost_and_serial_renders_agree(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / "worker.md"
    source.write_text(ARTICLE, encoding="utf-8")
    forked = _build("fork", source, tmp_path / "fork")
    lost = _build("lost", source, tmp_path / "lost")
    serial = _build("serial", source, tmp_path / "serial")
    assert forked == serial
    assert lost == serial
    assert "blocked resource" in serial[2]


def test_the_seed_builds_the_same_through_the_worker(tmp_path: Path) -> None:
    assert _build("fork", SEED, tmp_path / "fork") == _build("serial", SEED, tmp_path / "serial")


def test_no_child_outlives_the_build_command(tmp_path: Path) -> None:
    """An input error after the worker started: one error line, and the child is gone."""
    probe = (
        "import os, sys\n"
        "from bookmaker import cli\n"
        "code = cli.main(['build', sys.argv[1], '-o', sys.argv[2]])\n"
        "try:\n"
        "    os.waitpid(-1, os.WNOHANG)\n"
        "    print(code, 'child left')\n"
        "except ChildProcessError:\n"
        "    print(code, 'no child')\n"
    )
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(missing), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.stdout.split() == ["2", "no", "child"], proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and "no such file" in proc.stderr


def test_the_command_renders_the_same_pdf_as_a_build_in_one_process(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    out = tmp_path / "cli"
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "--to", "pdf", "-q", "-o", str(out)]
    subprocess.run(command, env=env, cwd=ROOT, check=True)
    serial, _, _ = _build("serial", SEED, tmp_path / "serial")
    assert (out / f"{SEED.stem}.pdf").read_bytes() == serial
