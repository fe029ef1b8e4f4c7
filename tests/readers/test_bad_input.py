"""Bad input through the CLI: one clear line on stderr, a non-zero exit, no traceback, no output."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from bookmaker import cli
from bookmaker.limits import Limits, from_environment
from tests.conftest import run_cli
from tests.support.epub_tools import run_epubcheck

KOREAN = "서울시가 내년부터 교통카드를 무료로 발급한다.\n시는 약 160만 명이 혜택을 볼 것으로 내다봤다.\n"


def _one_error_line(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 2) -> str:
    assert cli.main(argv) == code
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bookmaker: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n  \n", "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (
            "truncated.txt",
            "제목\n본문이 끝나기 전에 잘렸".encode()[:-1],
            "ends in the middle of a UTF-8 character",
        ),
        ("bom-broken.txt", b"\xef\xbb\xbf" + "가나다".encode()[:-1] + b"\n\xff", "not valid UTF-8"),
        ("controls.txt", b"\x01\x02\x03\x04\x1b\x7f\n", "empty"),
        ("wrong.json", b'{"meta": {"title": 5}, "blocks": []}', "meta.title"),
        (
            "wrong2.json",
            b'{"meta": {"title": "t"}, "blocks": [{"type": "heading", "text": 3}]}',
            "blocks[0].content",
        ),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    line = _one_error_line(capsys, ["build", str(path), "-o", str(tmp_path / "out")])
    assert message in line
    assert not (tmp_path / "out").exists()


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file" in _one_error_line(capsys, ["build", str(tmp_path / "nope.txt")])
    assert "directory" in _one_error_line(capsys, ["normalize", str(tmp_path)])


def test_utf16_without_bom_and_cp949_decode_korean(tmp_path: Path) -> None:
    for codec in ("utf-16-le", "utf-16-be", "cp949"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(("제목\n" + KOREAN).encode(codec))
        proc = run_cli("normalize", path)
        assert proc.returncode == 0, proc.stderr
        doc = json.loads(proc.stdout)
        assert doc["meta"]["source"]["encoding"] == codec
        assert "교통카드를 무료로 발급한다" in proc.stdout


def test_nul_and_control_characters_are_stripped_and_the_epub_is_valid(tmp_path: Path) -> None:
    source = tmp_path / "ctl.txt"
    text = "교통카드\x00 무료 발급\n\n" + KOREAN.replace("무료로", "무\x01료\x1b로\x7f").replace(
        "시는", "\x00시는\x85"
    )
    source.write_bytes(text.replace("160만", "160\u202e만\x0b").encode())
    proc = run_cli("build", source, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "out" / "ctl.epub") as z:
        xhtml = z.read("EPUB/article.xhtml").decode()
    assert "무료로 발급한다" in xhtml and "160만" in xhtml
    assert not any(ch in xhtml for ch in "\x00\x01\x1b\x7f\x0b\u202e")
    result = run_epubcheck(tmp_path / "out" / "ctl.epub", usage=False)
    assert result.counts["error"] == 0 and result.counts["fatal"] == 0, result.messages


def test_limits_give_clear_errors_and_can_be_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_line = tmp_path / "long.txt"
    long_line.write_text("제목\n" + "가" * 3_500_000 + "\n", encoding="utf-8")  # 10 MB on one line
    line = _one_error_line(capsys, ["normalize", str(long_line)])
    assert "line 2 has 3500000 characters" in line and "--max-line-chars" in line
    many = tmp_path / "many.txt"
    many.write_text("\n".join(f"{i}번째 줄입니다." for i in range(100_000)), encoding="utf-8")
    line = _one_error_line(capsys, ["normalize", str(many)])
    assert "100000 lines" in line and "BOOKMAKER_MAX_LINES" in line
    line = _one_error_line(capsys, ["normalize", str(long_line), "--max-input-mb", "1"])
    assert "over the 1 MB limit" in line
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + "본문입니다" + "</div>" * 100_000 + "</body></html>")
    line = _one_error_line(capsys, ["normalize", str(deep)])
    assert "nested more than 512 deep" in line
    # raised by flag and environment: inputs over the defaults are read in full
    many.write_text("\n".join(f"{i}번째 줄입니다." for i in range(25_000)), encoding="utf-8")
    assert "25000 lines" in _one_error_line(capsys, ["normalize", str(many)])
    assert cli.main(["normalize", str(many), "--max-lines", "30000"]) == 0
    assert "24999번째 줄입니다." in capsys.readouterr().out
    long_line.write_text("제목\n" + "가나다라 " * 60_000 + "\n", encoding="utf-8")
    assert "300000 characters" in _one_error_line(capsys, ["normalize", str(long_line)])
    proc = run_cli("normalize", long_line, env={"BOOKMAKER_MAX_LINE_CHARS": "400000"})
    assert proc.returncode == 0 and proc.stdout.count("가나다라") == 60_000


def test_nested_html_under_the_limit_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    levels = 500
    page = "<html><body><article>" + "".join(f"<div>{i}단계 글입니다 " for i in range(levels))
    page += "끝." + "</div>" * levels + "</article></body></html>"
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    assert cli.main(["normalize", str(path)]) == 0, capsys.readouterr().err
    assert "499단계 글입니다" in capsys.readouterr().out


def test_limit_settings() -> None:
    assert from_environment({}) == Limits()
    env = {"BOOKMAKER_MAX_INPUT_MB": "2.5", "BOOKMAKER_MAX_DEPTH": "64"}
    assert from_environment(env) == Limits(max_input_mb=2.5, max_depth=64)
    assert from_environment(env, {"max_depth": "32"}).max_depth == 32
    from bookmaker.errors import UsageError

    for bad in (
        {"BOOKMAKER_MAX_LINES": "many"},
        {"BOOKMAKER_MAX_LINES": "-1"},
        {"BOOKMAKER_MAX_DEPTH": "99999"},
    ):
        with pytest.raises(UsageError):
            from_environment(bad)


def test_table_and_nesting_limits_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = 100
    table = tmp_path / "table.md"
    table.write_text(
        "# 표\n\n|"
        + "|".join(f"열{i}" for i in range(columns))
        + "|\n|"
        + "---|" * columns
        + "\n"
        + ("|" + "|".join("칸" for _ in range(columns)) + "|\n") * 100,
        encoding="utf-8",
    )
    line = _one_error_line(capsys, ["build", str(table), "-o", str(tmp_path / "out")])
    assert "line 3: a table has more than 5000 cells" in line and "--max-table-cells" in line
    assert not (tmp_path / "out").exists()
    assert cli.main(["normalize", str(table), "--max-table-cells", "20000"]) == 0
    assert capsys.readouterr().out.count('"칸"') == 10_000
    deep = tmp_path / "deep.md"
    deep.write_text("".join("  " * i + f"- {i}단계\n" for i in range(100)), encoding="utf-8")
    line = _one_error_line(capsys, ["normalize", str(deep)])
    assert "nested more than 32 deep" in line and "BOOKMAKER_MAX_NESTING" in line
    proc = run_cli("normalize", deep, env={"BOOKMAKER_MAX_NESTING": "10"})
    assert proc.returncode == 2 and "nested more than 10 deep" in proc.stderr
    # an IR JSON document is held to the same limits
    inner: dict[str, object] = {"type": "paragraph", "content": [{"type": "text", "value": "끝"}]}
    for _ in range(40):
        inner = {"type": "list", "items": [{"blocks": [inner]}]}
    doc = tmp_path / "deep.json"
    doc.write_text(json.dumps({"ir_version": "2.0", "meta": {"title": "깊은 목록"}, "blocks": [inner]}))
    assert "nested more than 32 deep" in _one_error_line(capsys, ["build", str(doc)])


def test_nesting_limit_has_a_ceiling() -> None:
    from bookmaker.errors import UsageError

    assert from_environment({"BOOKMAKER_MAX_NESTING": "64"}).max_nesting == 64
    with pytest.raises(UsageError, match="at most 64"):
        from_environment({"BOOKMAKER_MAX_NESTING": "65"})
