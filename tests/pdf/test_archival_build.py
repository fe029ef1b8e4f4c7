"""``build --pdf-variant pdf/a-3b`` carries the article and its IR as ``archive`` does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf

from tests.conftest import SEED, run_cli


def test_build_pdfa3b_attaches_source_and_ir(tmp_path: Path) -> None:
    result = run_cli("build", SEED, "-o", tmp_path, "--to", "pdf", "--pdf-variant", "pdf/a-3b")
    assert result.returncode == 0, result.stderr
    ir = subprocess.run(
        [sys.executable, "-m", "bookmaker", "normalize", str(SEED)], capture_output=True, check=True
    ).stdout
    with pikepdf.open(tmp_path / f"{SEED.stem}.pdf") as pdf:
        assert pdf.open_metadata().get("pdfaid:part") == "3"
        associated = {str(spec.UF): spec for spec in pdf.Root.AF}
        assert set(associated) == {SEED.name, f"{SEED.stem}.ir.json"}
        assert associated[SEED.name].AFRelationship == pikepdf.Name.Source
        assert associated[SEED.name].EF.F.read_bytes() == SEED.read_bytes()
        assert associated[f"{SEED.stem}.ir.json"].AFRelationship == pikepdf.Name.Data
        assert associated[f"{SEED.stem}.ir.json"].EF.F.read_bytes() == ir


def test_other_variants_attach_nothing(tmp_path: Path) -> None:
    result = run_cli("build", SEED, "-o", tmp_path, "--to", "pdf", "--pdf-variant", "tagged")
    assert result.returncode == 0, result.stderr
    with pikepdf.open(tmp_path / f"{SEED.stem}.pdf") as pdf:
        assert "/AF" not in pdf.Root


def test_batch_pdfa3b_attaches_them_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    result = run_cli(
        "batch", folder, "-o", tmp_path / "out", "--to", "pdf", "--pdf-variant", "pdf/a-3b", "--jobs", "1"
    )
    assert result.returncode == 0, result.stderr
    (pdf_path,) = (tmp_path / "out").rglob("*.pdf")
    with pikepdf.open(pdf_path) as pdf:
        names = {str(spec.UF) for spec in pdf.Root.AF}
        assert "a.txt" in names and any(name.endswith(".ir.json") for name in names)


def test_a_collection_pdfa3b_attaches_every_article_and_the_collection_ir(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "x").mkdir(parents=True)
    first, second = folder / "기사.txt", folder / "x" / "기사.txt"  # the same name twice
    first.write_bytes(SEED.read_bytes())
    second.write_bytes(SEED.read_bytes().replace("삼성전자".encode(), "엘지전자".encode()))
    result = run_cli(
        "build",
        first,
        second,
        "--title",
        "묶음",
        "-o",
        tmp_path / "out",
        "--to",
        "pdf",
        "--pdf-variant",
        "pdf/a-3b",
    )
    assert result.returncode == 0, result.stderr
    (pdf_path,) = (tmp_path / "out").glob("*.pdf")
    with pikepdf.open(pdf_path) as pdf:
        associated = {str(spec.UF): spec for spec in pdf.Root.AF}
        assert {"01-기사.txt", "02-기사.txt"} <= set(associated)
        assert associated["01-기사.txt"].EF.F.read_bytes() == first.read_bytes()
        assert associated["02-기사.txt"].EF.F.read_bytes() == second.read_bytes()
        (ir_name,) = [name for name in associated if name.endswith(".ir.json")]
        assert b'"articles"' in associated[ir_name].EF.F.read_bytes()
