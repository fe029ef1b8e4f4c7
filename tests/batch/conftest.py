"""Small batch inputs: a few IR fixtures copied into a temporary INPUT_DIR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

IR = Path(__file__).parents[1] / "fixtures" / "ir"
SMALL = ("seed-excerpt", "hanja-latin", "no-meta")
EPOCH = 1763856000


@pytest.fixture
def input_dir(tmp_path: Path) -> Path:
    """Three small valid articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(IR / f"{name}.json", folder / f"{name}.json")
    return folder
