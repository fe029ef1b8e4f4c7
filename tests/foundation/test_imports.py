"""Every module of bookmaker imports on its own in a fresh interpreter, and no modules import each
other in a circle, not even from inside functions."""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import pytest

import bookmaker

PACKAGE = Path(bookmaker.__file__).parent
FILES = {
    ".".join(("bookmaker", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__"): path
    for path in sorted(PACKAGE.rglob("*.py"))
}
MODULES = sorted(set(FILES) - {"bookmaker.__main__"})  # __main__ runs the command line


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _imported(path: Path) -> set[str]:
    """The bookmaker modules ``path`` imports anywhere in its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found & set(FILES)


def test_no_import_cycle_even_inside_functions() -> None:
    """A cycle of lazy imports works only as long as nothing calls the wrong function first."""
    graph = {module: _imported(path) - {module} for module, path in FILES.items()}
    assert {"bookmaker.fonts.faces", "bookmaker.writers.epub"} <= set(graph)
    graphlib.TopologicalSorter(graph).prepare()  # CycleError names the modules of a cycle
