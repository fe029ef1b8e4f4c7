"""Issue #23, lesser defects (cases 16–17): limits everywhere they are named, forged archive
entries and manifest edits, language tags, line numbers, hostile file names."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.security.hostile import BODY, article, assert_one_error, outputs, rewrite_zip, run_bounded

ARTICLE = ROOT / "tests" / "fixtures" / "ir" / "seed-excerpt.json"
LONG = BODY * 3  # 9 source lines, with a heading 11


# ---- case 16: the input limits hold in collections, batch and archive (flags and environment)


def test_case16_collections_obey_the_limits(tmp_path: Path) -> None:
    a, b = article(tmp_path / "in", "a.md"), article(tmp_path / "in", "b.md", LONG)
    proc = run_bounded("build", a, b, "-o", tmp_path / "out", "--max-lines", "6")
    assert_one_error(proc, 2, "b.md", "over the 6 line limit", "--max-lines")
    book = tmp_path / "in" / "weekly.toml"
    book.write_text('title = "주간"\narticles = ["a.md", "b.md"]\n', encoding="utf-8")
    proc = run_bounded("build", book, "-o", tmp_path / "out", env={"BOOKMAKER_MAX_LINES": "6"})
    assert_one_error(proc, 2, "weekly.toml", "b.md", "over the 6 line limit")
    assert outputs(tmp_path / "out") == []


def test_case16_batch_obeys_flags_and_environment(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    article(folder, "a.md")
    article(folder, "b.md", LONG)
    proc = run_bounded("batch", folder, "-o", tmp_path / "out", "--to", "epub", "-j", "1", "--max-lines", "6")
    assert (
        proc.returncode == 1 and "b.md: input has" in proc.stderr and "over the 6 line limit" in proc.stderr
    )
    assert "built a.md" in proc.stderr
    proc = run_bounded(
        "batch",
        folder,
        "-o",
        tmp_path / "out2",
        "--to",
        "epub",
        "-j",
        "1",
        env={"BOOKMAKER_MAX_INPUT_MB": "0.0001"},
    )
    assert proc.returncode == 1 and proc.stderr.count("over the 0.0001 MB limit") == 2
    assert_one_error(run_bounded("batch", folder, "-o", tmp_path / "o", "--max-depth", "x"), 2, "--max-depth")


def test_case16_archive_obeys_the_limits(tmp_path: Path) -> None:
    source = article(tmp_path / "in", "b.md", LONG)
    proc = run_bounded("archive", source, "-o", tmp_path / "out", "--max-lines", "6")
    assert_one_error(proc, 2, "b.md", "over the 6 line limit")
    proc = run_bounded("archive", source, "-o", tmp_path / "out", env={"BOOKMAKER_MAX_LINES": "6"})
    assert_one_error(proc, 2, "b.md", "over the 6 line limit")
    assert outputs(tmp_path / "out") == []


# ---- case 17: forged zip entries and manifest edits fail verification


def test_case17_verify_catches_a_forged_duplicate_entry(bundle_zip: Path, tmp_path: Path) -> None:
    def forged_first(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        with zipfile.ZipFile(bundle_zip) as source:
            real = source.read(info.filename)
        archive.writestr(zipfile.ZipInfo(info.filename, info.date_time), b"%PDF-1.7 forged")
        archive.writestr(info, real)

    with pytest.warns(UserWarning, match="Duplicate name"):
        target = rewrite_zip(
            bundle_zip, tmp_path / "forged.zip", {"seed-excerpt/seed-excerpt.pdf": forged_first}
        )
    proc = run_bounded("archive", "--verify", target)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "seed-excerpt/seed-excerpt.pdf: listed more than once in the zip" in proc.stderr


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("title",), "다른 제목"),
        (("provenance", "source_sha256"), "0" * 64),
        (("tools", "bookmaker"), "9.9.9"),
        (("metadata_sha256",), None),
    ],
    ids=["title", "source-sha256", "tools", "seal-removed"],
)
def test_case17_verify_catches_manifest_edits(bundle: Path, field: tuple[str, ...], value: object) -> None:
    path = bundle / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    holder = manifest
    for key in field[:-1]:
        holder = holder[key]
    if value is None:
        del holder[field[-1]]
    else:
        holder[field[-1]] = value
    path.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    proc = run_bounded("archive", "--verify", bundle)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    said = "no metadata_sha256" if value is None else "the manifest was edited"
    assert f"manifest.json: {said}" in proc.stderr
    if field[-1] == "source_sha256":
        assert "source_sha256 is not the source file's" in proc.stderr


# ---- case 17: a language that is no language tag


@pytest.mark.parametrize("language", ["not a language", "ko_KR", 'ko"><x', ""])
def test_case17_bad_language_in_ir_json_and_front_matter(tmp_path: Path, language: str) -> None:
    doc = json.loads(ARTICLE.read_text(encoding="utf-8"))
    doc["meta"]["language"] = language
    source = tmp_path / "in" / "doc.json"
    source.parent.mkdir()
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run_bounded("build", source, "-o", tmp_path / "out")
    assert_one_error(proc, 2, "doc.json", "meta.language", "not a language tag")
    if language:
        md = article(tmp_path / "in", front=f"title: 시험\nlanguage: {json.dumps(language)}")
        assert_one_error(run_bounded("build", md, "-o", tmp_path / "out"), 2, "front matter language")
    assert outputs(tmp_path / "out") == []


def test_case17_a_pages_lang_attribute_is_mended(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="ko_KR"><body><article><h1>제목입니다</h1><p>'
        + "본문 문장입니다. " * 10
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    proc = run_bounded("normalize", page)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["meta"]["language"] == "ko"


# ---- case 17: line numbers count only CR and LF


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_case17_unicode_line_separators_do_not_shift_line_numbers(tmp_path: Path, separator: str) -> None:
    source = tmp_path / "a.txt"
    lines = [
        "제목 줄입니다",
        f"첫째 문단{separator}이어지는 글입니다.",
        "",
        "셋째 줄의 문장은 충분히 깁니다.",
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_bounded("normalize", source)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    spans = [block["lines"] for block in doc["blocks"]]
    assert [4, 4] in spans and max(span[-1] for span in spans) == 4


# ---- case 17: file names are shown escaped, never interpreted


EVIL = "evil\x1b[1A\x1b[2K\nname"


def test_case17_hostile_file_names_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{EVIL}.txt").write_bytes(b"")  # empty: a FAILED line naming it
    proc = run_bounded("batch", folder, "-o", tmp_path / "out", "-j", "1")
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr + proc.stdout
    assert "evil\\x1b[1A\\x1b[2K\\nname.txt" in proc.stderr and "FAILED" in proc.stderr
    assert "evil\\x1b[1A\\x1b[2K\\nname.txt" in proc.stdout  # the summary table
    line = assert_one_error(run_bounded("build", folder / f"{EVIL}.txt", "-o", tmp_path / "out"), 2)
    assert "evil\\x1b[1A\\x1b[2K\\nname.txt" in line
