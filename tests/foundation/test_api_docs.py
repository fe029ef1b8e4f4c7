"""docs/api.md: every ```python block runs, in order, in an empty folder; the API is exported."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "api.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_docs_have_examples() -> None:
    assert len(BLOCKS) >= 4


def test_the_examples_run(tmp_path: Path) -> None:
    script = "\n\n".join(f"# --- example {n}\n{block}" for n, block in enumerate(BLOCKS, start=1))
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "out" / "기사.epub").is_file()


@pytest.mark.parametrize("name", ["normalize", "build", "build_collection", "Document", "Paragraph", "Text"])
def test_import_bookmaker_exports_the_api(name: str) -> None:
    import bookmaker

    assert callable(getattr(bookmaker, name))
    assert name in bookmaker.__all__


def test_normalize_stays_callable_after_the_pipeline_imported_it(tmp_path: Path) -> None:
    code = (
        "import bookmaker.pipeline, bookmaker.normalize\n"
        "from bookmaker.normalize import outline\n"
        f"print(bookmaker.normalize({str(ROOT / 'seeds' / '000_782556e6ec3af548.txt')!r}).meta.title)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "동참 의사" in proc.stdout, proc.stderr
