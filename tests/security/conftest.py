"""Archive bundles made once per session for the hostile tests, copied for each test that spoils one."""

from __future__ import annotations

import shutil
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
