"""The everyday CLI: examples in every verb's help, --title for one article, settings the EPUB ignores."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from bookmaker.cli import EXAMPLES
from tests.conftest import SEED, run_cli


@pytest.mark.parametrize("verb", sorted(EXAMPLES))
def test_every_verb_shows_examples(verb: str) -> None:
    proc = run_cli(verb, "--help")
    assert proc.returncode == 0
    assert "example" in proc.stdout and f"bookmaker {verb}" in proc.stdout.split("example", 1)[1]


def test_batch_and_pdf_variant_options_are_explained() -> None:
    batch = run_cli("batch", "--help").stdout
    assert "a folder of article files" in batch and "http(s) URLs" in batch
    assert "PDF/A-3b (archival)" in batch
    assert "PDF/A-3b (archival)" in run_cli("build", "--help").stdout


def test_title_applies_to_one_article_and_collection_flags_warn(tmp_path: Path) -> None:
    proc = run_cli("build", SEED, "-o", tmp_path, "--to", "epub", "--title", "새 제목", "--editor", "편집부")
    assert proc.returncode == 0, proc.stderr
    assert "--editor applies to a collection" in proc.stderr
    with zipfile.ZipFile(tmp_path / f"{SEED.stem}.epub") as book:
        assert "<dc:title>새 제목</dc:title>" in book.read("EPUB/content.opf").decode()


def test_the_epub_says_it_ignores_font_size_and_columns(tmp_path: Path) -> None:
    proc = run_cli(
        "build", SEED, "-o", tmp_path, "--to", "epub", "--set", "font-size=11", "--set", "columns=2"
    )
    assert proc.returncode == 0, proc.stderr
    assert "the EPUB ignores --set font-size and columns" in proc.stderr
    quiet = run_cli("build", SEED, "-o", tmp_path, "--to", "epub", "--set", "line-height=1.8")
    assert "ignores" not in quiet.stderr
