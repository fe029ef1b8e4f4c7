"""Fixtures of the hostile tests: archive bundles made once per session (copied for each test that
spoils one) and a small disk."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.security.hostile import run_bounded

ARTICLE = ROOT / "tests" / "fixtures" / "ir" / "seed-excerpt.json"


@pytest.fixture(scope="session")
def _archived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archived")
    for extra in ((), ("--zip",)):
        proc = run_bounded("archive", ARTICLE, "-o", out, *extra)
        assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture()
def bundle(_archived: Path, tmp_path: Path) -> Path:
    """A fresh copy of a folder bundle (``…/seed-excerpt/``)."""
    return Path(shutil.copytree(_archived / "seed-excerpt", tmp_path / "bundles" / "seed-excerpt"))


@pytest.fixture()
def bundle_zip(_archived: Path, tmp_path: Path) -> Path:
    """A fresh copy of a zip bundle (``…/seed-excerpt.zip``)."""
    target = tmp_path / "zips" / "seed-excerpt.zip"
    target.parent.mkdir()
    return Path(shutil.copyfile(_archived / "seed-excerpt.zip", target))


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs (root only, else the test is skipped): a disk to fill or make read-only."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=False).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)
