"""Session fixtures: every fixture article built once per page preset (PDFs reused by all tests)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bookmaker.check import check_pdf
from bookmaker.pipeline import BuildOptions, build, load

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ir"
DOCS = ("seed", "long-semiconductor", "long-climate", "long-culture")
PRESETS = ("a5", "sinkuk", "46", "crown", "a4", "letter")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """(doc, preset) → built PDF path."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path_factory.mktemp("pdf")
    paths: dict[tuple[str, str], Path] = {}
    for name in DOCS:
        doc = load(FIXTURES / f"{name}.json")
        for preset in PRESETS:
            folder = out / preset
            result = build(doc, folder, name, BuildOptions(formats=("pdf",), page_size=preset))
            paths[name, preset] = result.outputs[0]
    return paths


@pytest.fixture(scope="session")
def reports(built: dict[tuple[str, str], Path]):
    """(doc, preset) → :class:`bookmaker.check.Report`."""
    return {key: check_pdf(path, FIXTURES / f"{key[0]}.json") for key, path in built.items()}
