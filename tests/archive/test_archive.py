"""Archive bundles: contents, manifest, PDF/A-3 associated files, reproducibility and --verify."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest

from bookmaker.archive import assemble, verify, write_bundle
from bookmaker.archive.bundle import zip_bytes
from bookmaker.archive.manifest import sha256
from bookmaker.ir import from_json
from tests.conftest import SEED, run_cli

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ir" / "seed-excerpt.json"
EPOCH = "1763856000"


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article archived once through the CLI (a folder bundle)."""
    out = tmp_path_factory.mktemp("archive")
    proc = run_cli("archive", SEED, "-o", out, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out / SEED.stem)
    return out / SEED.stem


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_bundle_holds_source_ir_epub_pdf_and_a_manifest_that_lists_them(bundle_dir: Path) -> None:
    slug = SEED.stem
    files = sorted(p.relative_to(bundle_dir).as_posix() for p in bundle_dir.rglob("*") if p.is_file())
    assert files == sorted(
        [f"{slug}.epub", f"{slug}.ir.json", f"{slug}.pdf", "manifest.json", f"source/{SEED.name}"]
    )
    assert (bundle_dir / "source" / SEED.name).read_bytes() == SEED.read_bytes()  # untouched bytes
    doc = from_json((bundle_dir / f"{slug}.ir.json").read_bytes())
    manifest = _manifest(bundle_dir)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json"}
    for name, entry in listed.items():
        data = (bundle_dir / name).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == sha256(data)
    assert listed[f"{slug}.pdf"]["media_type"] == "application/pdf"
    assert listed[f"{slug}.epub"]["media_type"] == "application/epub+zip"
    assert listed[f"source/{SEED.name}"]["media_type"] == "text/plain"
    assert manifest["title"] == doc.meta.title
    assert manifest["built"] == "2025-11-23T00:00:00Z"
    provenance = manifest["provenance"]
    assert provenance["source_sha256"] == sha256(SEED.read_bytes())
    assert provenance["source_path"] == str(SEED)
    assert len(provenance["content_sha256"]) == 64
    tools = manifest["tools"]
    assert tools["bookmaker"]
    assert tools["libraries"]["weasyprint"].startswith("70")
    assert tools["libraries"]["ebooklib"]
    assert {font["family"] for font in tools["fonts"]} >= {"Noto Serif CJK KR", "Noto Sans CJK KR"}
    assert tools["fallback_font_package"]["name"] == "fonts-noto-core"
    assert all(font["version"].startswith("Version") for font in tools["fonts"])
    raw = (bundle_dir / "manifest.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_pdf_is_pdfa3b_with_source_and_ir_as_associated_files(bundle_dir: Path) -> None:
    slug = SEED.stem
    with pikepdf.open(bundle_dir / f"{slug}.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "3" and meta.get("pdfaid:conformance") == "B"
        associated = {str(spec.UF): spec for spec in pdf.Root.AF}
        assert len(pdf.Root.AF) == 2  # each file once
        source, ir = associated[SEED.name], associated[f"{slug}.ir.json"]
        assert source.AFRelationship == pikepdf.Name.Source
        assert ir.AFRelationship == pikepdf.Name.Data
        assert source.EF.F.read_bytes() == (bundle_dir / "source" / SEED.name).read_bytes()
        assert ir.EF.F.read_bytes() == (bundle_dir / f"{slug}.ir.json").read_bytes()
        assert str(ir.EF.F.Subtype) == "/application/json"


def test_verify_clean_bundle_exits_0(bundle_dir: Path) -> None:
    proc = run_cli("archive", "--verify", bundle_dir.parent)
    assert proc.returncode == 0, proc.stderr
    assert "1 bundle(s), 4 file(s) checked: ok" in proc.stdout


def test_verify_reports_corruption_missing_and_extra_files(bundle_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / bundle_dir.name
    shutil.copytree(bundle_dir, copy)
    pdf = copy / f"{bundle_dir.name}.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit, same size
    pdf.write_bytes(bytes(data))
    (copy / f"{bundle_dir.name}.epub").unlink()
    (copy / "notes.txt").write_text("added later")
    proc = run_cli("archive", "--verify", copy)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3, proc.stderr
    assert any(f"{bundle_dir.name}.pdf: SHA-256 changed" in line for line in lines)
    assert any(f"{bundle_dir.name}.epub: missing" in line for line in lines)
    assert any("notes.txt: extra file not in the manifest" in line for line in lines)
    assert "Traceback" not in proc.stderr


def test_verify_reports_a_changed_manifest_size(bundle_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / bundle_dir.name
    shutil.copytree(bundle_dir, copy)
    source = copy / "source" / SEED.name
    source.write_bytes(source.read_bytes() + b"\n")
    report = verify(copy)
    assert not report.ok
    assert any("size changed" in problem for problem in report.problems)


def test_same_input_same_epoch_reproduces_every_byte_folder_and_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = assemble(FIXTURE, "excerpt")
    second = assemble(FIXTURE, "excerpt")
    assert first.files == second.files
    assert zip_bytes(first) == zip_bytes(second)
    one = write_bundle(first, tmp_path / "a")
    two = write_bundle(second, tmp_path / "b")
    for path in one.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (two / path.relative_to(one)).read_bytes(), path
    assert verify(one).ok


def test_zip_bundle_verifies_and_a_damaged_entry_is_detected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    target = write_bundle(assemble(FIXTURE, "excerpt"), tmp_path, as_zip=True)
    assert target == tmp_path / "excerpt.zip"
    with zipfile.ZipFile(target) as archive:
        names = sorted(archive.namelist())
        info = archive.getinfo("excerpt/excerpt.ir.json")
        assert info.date_time == (2025, 11, 23, 0, 0, 0)
    assert names == [
        "excerpt/excerpt.epub",
        "excerpt/excerpt.ir.json",
        "excerpt/excerpt.pdf",
        "excerpt/manifest.json",
        "excerpt/source/seed-excerpt.json",
    ]
    report = verify(target)
    assert report.ok and report.bundles == 1 and report.files == 4
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:  # flip a byte inside the stored IR entry's compressed data
        start = archive.getinfo("excerpt/excerpt.ir.json").header_offset + 30 + len("excerpt/excerpt.ir.json")
    data[start + 5] ^= 0xFF
    target.write_bytes(bytes(data))
    report = verify(target)
    assert not report.ok
    assert any("excerpt.ir.json" in problem for problem in report.problems), report.problems


def test_archive_without_inputs_is_a_usage_error() -> None:
    proc = run_cli("archive")
    assert proc.returncode == 2
    assert proc.stderr.startswith("bookmaker: error: archive needs INPUT")


def test_source_equal_to_ir_keeps_both_relationships(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An IR JSON input as ``bookmaker normalize`` writes it has the IR's very bytes."""
    from bookmaker.ir import to_json

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    source = tmp_path / "same.json"
    source.write_text(to_json(from_json(FIXTURE.read_bytes())) + "\n", encoding="utf-8")
    bundle = assemble(source, "same")
    assert bundle.files["source/same.json"] == bundle.files["same.ir.json"]
    pdf_path = tmp_path / "same.pdf"
    pdf_path.write_bytes(bundle.files["same.pdf"])
    with pikepdf.open(pdf_path) as pdf:
        relationships = {str(spec.UF): str(spec.AFRelationship) for spec in pdf.Root.AF}
    assert relationships == {"same.json": "/Source", "same.ir.json": "/Data"}
