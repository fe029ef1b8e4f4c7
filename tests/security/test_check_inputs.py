"""``bookmaker check`` reads files too (second hostile round): a PDF that pdfplumber or pikepdf
cannot read — truncated, damaged, a page tree without pages — was an "internal error" with exit 1;
it is an input error naming the file (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.hostile import assert_one_error, run_bounded

BROKEN = {
    "no-root": b"%PDF-1.7\ngarbage garbage\n",
    "no-kids": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 1>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF",
    "cut": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_an_unreadable_pdf_is_an_input_error_naming_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(BROKEN[name])
    assert_one_error(run_bounded("check", path), 2, f"{name}.pdf: not a readable PDF")
