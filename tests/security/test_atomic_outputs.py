"""Outputs appear complete or not at all, even when the build is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, run_cli

ARTICLE = ROOT / "tests" / "fixtures" / "ir" / "seed-excerpt.json"


def test_sigkill_during_pdf_rendering_keeps_the_previous_output(tmp_path: Path) -> None:
    assert run_cli("build", ARTICLE, "-o", tmp_path).returncode == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert set(before) == {"seed-excerpt.epub", "seed-excerpt.pdf"}

    marker = tmp_path.parent / f"{tmp_path.name}.rendering"
    child = f"""
import sys, time
from pathlib import Path
import weasyprint.document
original = weasyprint.document.Document.write_pdf
def hanging_write_pdf(self, *args, **kwargs):
    Path({str(marker)!r}).write_text("now")  # layout done, PDF being written
    time.sleep(60)
    return original(self, *args, **kwargs)
weasyprint.document.Document.write_pdf = hanging_write_pdf
from bookmaker.cli import main
sys.exit(main(sys.argv[1:]))
"""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1"}  # different bytes if it were ever written
    proc = subprocess.Popen(
        [sys.executable, "-c", child, "build", str(ARTICLE), "-o", str(tmp_path), "--to", "pdf"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "the build ended before rendering"
        assert time.monotonic() < deadline, "rendering never started"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before


def test_failed_build_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"meta": {"title": "x"}, "blocks": [{"type": "heading", "text": "h", "level": 9}]}')
    proc = run_cli("build", bad, "-o", tmp_path / "out")
    assert proc.returncode == 2 and "level" in proc.stderr
    assert not (tmp_path / "out").exists()
