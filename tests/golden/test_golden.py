"""Golden files: the IR, the EPUB's package documents and the PDF's text of the seed and every fixture
article, compared exactly. ``pytest tests/golden --update-golden`` rewrites them; review the diff."""

from __future__ import annotations

import difflib
import io
import os
import subprocess
import zipfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import msgspec
import pytest

from bookmaker.ir import to_json
from bookmaker.pipeline import load
from bookmaker.writers.epub import write_epub
from bookmaker.writers.pdf import write_pdf
from tests.conftest import ROOT, SEED, SHARED

GOLDEN = Path(__file__).parent
MOMENT = datetime(2025, 11, 23, tzinfo=UTC)
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
EPUB_FILES = ("content.opf", "nav.xhtml", "toc.ncx")


def _cases() -> dict[str, Path]:
    cases = {"seed": SEED, "naver-joongang": SHARED / "fixtures" / "naver-joongang-article.html"}
    for path in sorted(ARTICLES.iterdir()):
        if not path.name.endswith(".expected.json"):
            cases[path.stem] = path
    for path in sorted((ROOT / "tests" / "fixtures" / "ir").glob("*.json")):
        cases[f"ir-{path.stem}"] = path
    for path in sorted((ROOT / "tests" / "fixtures" / "ir2").glob("*.json")):
        cases[f"ir2-{path.stem}"] = path
    for path in sorted((ROOT / "tests" / "fixtures" / "markdown").glob("*.md")):
        cases[f"md-{path.stem}"] = path
    for path in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html")):
        cases[f"html-{path.stem}"] = path
    return cases


CASES = _cases()


@cache
def _outputs(name: str) -> dict[str, str]:
    """Every golden text of one case, by file name."""
    path = CASES[name]
    doc = load(path)
    if doc.meta.source is not None:  # the same golden text in any checkout
        source = msgspec.structs.replace(doc.meta.source, path=os.path.relpath(path, ROOT))
        doc = msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, source=source))
    texts: dict[str, str] = {}
    if path.suffix != ".json":  # an IR input is its own IR
        texts["ir.json"] = to_json(doc) + "\n"
    epub = write_epub(doc, modified=MOMENT, base_url=path.parent.resolve().as_uri() + "/").data
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        for member in archive.namelist():
            name_in_book = member.removeprefix("EPUB/")
            if name_in_book.startswith("article") or name_in_book in EPUB_FILES:
                texts[f"epub-{name_in_book}"] = archive.read(member).decode("utf-8")
    pdf = write_pdf(doc, created=MOMENT, base_url=path.parent.resolve().as_uri() + "/").data
    layout = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    texts["pdf.txt"] = layout
    return texts


def _params() -> list[tuple[str, str]]:
    """(case, golden file) pairs: the files on disk, so a case that stops making one still fails."""
    pairs = []
    for name in CASES:
        folder = GOLDEN / name
        files = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else ["(none yet)"]
        pairs += [(name, file) for file in files]
    return pairs


def _diff(expected: str, actual: str, file: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), f"golden/{file}", "now", lineterm="", n=2
    )
    return "\n".join(list(lines)[:80])


@pytest.mark.parametrize(("name", "file"), _params(), ids=[f"{n}/{f}" for n, f in _params()])
def test_golden(name: str, file: str, request: pytest.FixtureRequest) -> None:
    if name == "naver-joongang" and not CASES[name].exists():
        pytest.fail(f"{CASES[name]} is missing: the tests need ../shared beside the repository")
    outputs = _outputs(name)
    folder = GOLDEN / name
    if request.config.getoption("--update-golden"):
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            if old.name not in outputs:
                old.unlink()
        for golden_name, text in outputs.items():
            (folder / golden_name).write_text(text, encoding="utf-8")
        return
    assert file in outputs, f"{name} no longer makes {file} (makes {sorted(outputs)})"
    assert sorted(outputs) == sorted(p.name for p in folder.iterdir()), f"{name}: new golden files"
    expected = (folder / file).read_text(encoding="utf-8")
    assert outputs[file] == expected, _diff(expected, outputs[file], f"{name}/{file}")


def test_every_case_has_golden_files() -> None:
    missing = [name for name in CASES if not (GOLDEN / name).is_dir()]
    assert not missing, f"no golden files for {missing}: run pytest tests/golden --update-golden"


os.environ.setdefault("SOURCE_DATE_EPOCH", "1763856000")
