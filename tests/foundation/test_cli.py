"""The command line: the seed's IR, JSON round trip, one-line errors with stable exit codes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SEED, run_cli


@pytest.fixture(scope="module")
def seed_ir() -> dict:
    proc = run_cli("normalize", SEED)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_seed_meta(seed_ir: dict) -> None:
    meta = seed_ir["meta"]
    assert meta["title"] == "‘미국산 AI 수출 프로그램’ 동참 의사"
    assert meta["subtitles"] == [
        "업계선 “서로 필요해… 당연한 수순”",
        "경쟁력 잃고 부품 공급 역할 그칠 우려",
        "독자 AI 경쟁력 키우는 노력 계속해야",
    ]
    assert meta["authors"] == [
        {"name": "홍인택", "role": "기자", "email": "heute128@hankookilbo.com", "affiliations": []},
        {"name": "이정혁", "role": "기자", "email": "dinner@hankookilbo.com", "affiliations": []},
    ]
    assert meta["publisher"] == "한국일보"
    assert meta["language"] == "ko"


def test_seed_blocks(seed_ir: dict) -> None:
    shape = [(b["type"], b["lines"][0]) for b in seed_ir["blocks"]]
    assert shape == [
        ("paragraph", 5),
        ("paragraph", 6),
        ("paragraph", 7),
        ("figure", 11),
        ("heading", 13),
        ("paragraph", 16),
        ("heading", 17),
        ("paragraph", 18),
        ("paragraph", 19),
    ]
    figure = seed_ir["blocks"][3]
    caption = "".join(run["value"] for run in figure["caption"])
    assert caption.startswith("도널드 트럼프(왼쪽) 미국 대통령과")
    assert caption.endswith("인사하고 있다.")
    assert figure["credit"] == "연합뉴스"
    assert seed_ir["blocks"][4]["content"] == [{"type": "text", "value": "안정적 수요 유지, 기술 협력 기회"}]
    assert seed_ir["blocks"][6]["content"][0]["value"] == "국내 AI 발전 지연 우려… 미국에 갇히지 말아야"
    body = " ".join(run.get("value", "") for b in seed_ir["blocks"] for run in b.get("content", []))
    assert '"' not in body and "..." not in body
    assert "“한국과 같은 오랜 동맹국이나" in body


def test_seed_removed(seed_ir: dict) -> None:
    removed = {r["line"]: r for r in seed_ir["removed"]}
    assert sorted(removed) == [8, 9, 10, 12, 14, 15]
    expected_original = {8: 2, 9: 3, 10: 4, 12: 5, 14: 6, 15: 7}
    for line, original in expected_original.items():
        assert f"line {original}" in removed[line]["reason"], removed[line]


def test_json_round_trip_builds_the_same_book(tmp_path: Path, seed_ir: dict) -> None:
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(seed_ir, ensure_ascii=False), encoding="utf-8")
    again = run_cli("normalize", doc)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == seed_ir
    from_json = run_cli("build", doc, "-o", tmp_path / "a", "--to", "epub")
    from_text = run_cli("build", SEED, "-o", tmp_path / "b", "--to", "epub")
    assert from_json.returncode == 0 and from_text.returncode == 0, from_json.stderr + from_text.stderr
    with (
        zipfile.ZipFile(tmp_path / "a" / "doc.epub") as a,
        zipfile.ZipFile(tmp_path / "b" / f"{SEED.stem}.epub") as b,
    ):
        article_a = [n for n in a.namelist() if n.endswith(".xhtml") and "nav" not in n]
        assert article_a
        for name in article_a:
            assert a.read(name) == b.read(name)


def test_hand_edited_json_is_honoured(tmp_path: Path, seed_ir: dict) -> None:
    seed_ir["meta"]["title"] = "손으로 고친 제목"
    doc = tmp_path / "edited.json"
    doc.write_text(json.dumps(seed_ir, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("build", doc, "-o", tmp_path, "--to", "epub")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "edited.epub") as z:
        assert any("손으로 고친 제목" in z.read(n).decode() for n in z.namelist() if n.endswith(".opf"))


def _one_line_error(proc, code: int = 2) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("bookmaker: error:")
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\n"),
        ("binary.txt", bytes(range(256)) * 8),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64),
        ("bad.json", b'{"meta": {"title": 5}}'),
    ],
)
def test_bad_input_gives_one_line_and_no_output(tmp_path: Path, name: str, content: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "out"
    _one_line_error(run_cli("build", source, "-o", out))
    assert not out.exists() or not any(out.iterdir())


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in _one_line_error(run_cli("build", tmp_path / "nope.txt"))
    assert "directory" in _one_line_error(run_cli("normalize", tmp_path))


def test_bad_options(tmp_path: Path) -> None:
    assert "--to" in _one_line_error(run_cli("build", SEED, "-o", tmp_path, "--to", "mobi"))
    assert "page size" in _one_line_error(run_cli("build", SEED, "-o", tmp_path, "--page-size", "b9"))
    assert not any(tmp_path.iterdir())


def test_version_and_module_entry() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("bookmaker ")
