"""The code base stays typed and linted: `mypy --strict` on src/ and ruff on everything, as CI runs them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict_finds_no_error() -> None:
    proc = _run("mypy")  # settings (strict, files = src) in pyproject.toml
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


def test_ruff_finds_nothing() -> None:
    check = _run("ruff", "check", "src", "tests", "bench")
    assert check.returncode == 0, check.stdout[-3000:]
    formatted = _run("ruff", "format", "--check", "src", "tests", "bench")
    assert formatted.returncode == 0, formatted.stdout[-3000:]
