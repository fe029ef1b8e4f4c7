"""Session fixture: the five-article collection (with one repeated input) built once via the CLI."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.collections.collection_support import EDITOR, FIXTURES, INPUTS, TITLE
from tests.conftest import run_cli


@pytest.fixture(scope="session")
def digest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """``{"epub": path, "pdf": path, "stderr": text}``."""
    out = tmp_path_factory.mktemp("collection")
    proc = run_cli(
        "build",
        *(FIXTURES / f"{name}.json" for name in INPUTS),
        "--title",
        TITLE,
        "--editor",
        EDITOR,
        "-o",
        out,
    )
    assert proc.returncode == 0, proc.stderr
    outputs = [Path(line) for line in proc.stdout.split()]
    by_suffix = {path.suffix[1:]: path for path in outputs}
    assert set(by_suffix) == {"epub", "pdf"}, proc.stdout
    return {**by_suffix, "stderr": proc.stderr}


@pytest.fixture(scope="session")
def moment() -> datetime:
    return datetime.fromtimestamp(1763900000, tz=UTC)
