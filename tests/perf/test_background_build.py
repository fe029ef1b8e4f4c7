"""EPUB + PDF builds write the EPUB in a forked child: same bytes and warnings as a serial build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REFUSED = ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "../outside.png"]


def _build(
    source: Path, out: Path, *, serial: bool, to: str = "epub,pdf"
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_SERIAL"}
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    if serial:
        env["BOOKMAKER_SERIAL"] = "1"
    command = [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(out), "--to", to]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize(("title", "to"), [("병렬 빌드", "epub,pdf"), ("", "epub,pdf"), ("", "pdf")])
def test_forked_build_matches_serial(tmp_path: Path, title: str, to: str) -> None:
    """The child reads, lays out and writes the EPUB; the parent renders the PDF: same as serial."""
    figures = [{"type": "figure", "text": "사진", "caption": "사진", "src": src} for src in REFUSED]
    doc = {"meta": {"title": title}, "blocks": [{"type": "paragraph", "text": "본문."}, *figures]}
    source = tmp_path / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    forked = _build(source, tmp_path / "forked", serial=False, to=to)
    serial = _build(source, tmp_path / "serial", serial=True, to=to)
    assert forked.returncode == serial.returncode == 0, forked.stderr + serial.stderr
    assert forked.stderr == serial.stderr
    assert forked.stdout.replace(str(tmp_path / "forked"), str(tmp_path / "serial")) == serial.stdout
    assert forked.stderr.count("blocked resource") == len(REFUSED)  # each reported once
    assert ("no title" in forked.stderr) == (not title)
    for suffix in to.split(","):
        assert (tmp_path / "forked" / f"doc.{suffix}").read_bytes() == (
            tmp_path / "serial" / f"doc.{suffix}"
        ).read_bytes()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\xff" * 50])
def test_input_errors_in_the_child_are_one_line(tmp_path: Path, content: bytes) -> None:
    """Bad input met by the forked reader: the serial build's error line and exit code, no files."""
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    forked = _build(source, tmp_path / "forked", serial=False)
    serial = _build(source, tmp_path / "serial", serial=True)
    assert forked.returncode == serial.returncode != 0
    assert forked.stderr == serial.stderr
    assert forked.stderr.count("\n") == 1 and forked.stderr.startswith("bookmaker: error:")
    assert not (tmp_path / "forked").exists() or not any((tmp_path / "forked").iterdir())


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
