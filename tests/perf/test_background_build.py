"""EPUB + PDF builds write the EPUB in a forked child: same bytes and warnings as a serial build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REFUSED = ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "../outside.png"]


def _build(source: Path, out: Path, *, serial: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_SERIAL"}
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    if serial:
        env["BOOKMAKER_SERIAL"] = "1"
    command = [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(out)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_forked_build_matches_serial(tmp_path: Path) -> None:
    figures = [{"type": "figure", "text": "사진", "caption": "사진", "src": src} for src in REFUSED]
    doc = {"meta": {"title": "병렬 빌드"}, "blocks": [{"type": "paragraph", "text": "본문."}, *figures]}
    source = tmp_path / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    forked = _build(source, tmp_path / "forked", serial=False)
    serial = _build(source, tmp_path / "serial", serial=True)
    assert forked.returncode == serial.returncode == 0, forked.stderr + serial.stderr
    assert forked.stderr == serial.stderr
    assert forked.stderr.count("blocked resource") == len(REFUSED)
    for suffix in ("epub", "pdf"):
        assert (tmp_path / "forked" / f"doc.{suffix}").read_bytes() == (
            tmp_path / "serial" / f"doc.{suffix}"
        ).read_bytes()


CHILD_FAILS = """
from bookmaker.errors import BuildError
from bookmaker.sandbox import Sandbox
from bookmaker.writers import background

def job():
    warnings.append("from the child")
    raise BuildError("EPUB writing failed: boom")

warnings = ["before"]
pending = background.start(job, warnings, Sandbox.for_paths([]))
assert pending is not None
warnings.append("parent")
try:
    pending.result()
except BuildError as exc:
    print(exc, warnings)
"""


def test_errors_in_the_child_are_raised_in_the_parent() -> None:
    proc = subprocess.run([sys.executable, "-c", CHILD_FAILS], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "EPUB writing failed: boom ['before', 'from the child', 'parent']"
