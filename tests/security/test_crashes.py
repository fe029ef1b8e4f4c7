"""Issue #23, crashes (cases 12–15): each bad input, template, option or moment is one error line
with the right exit code (2 usage or input, 1 build failure, 130 interrupted), never a traceback."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.security.hostile import BODY, article, assert_one_error, outputs, patch_zip_entry, run_bounded

ARTICLE = ROOT / "tests" / "fixtures" / "ir" / "seed-excerpt.json"

# ---- case 12: the depth limit holds against what the parser really nests


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<p>본문 " * 10_000,
        "<html><body><ul>" + "<li>항목 " * 10_000,
        "<html><body><table><tr>" + "<td>칸 " * 10_000,
        "<html>" + "<body>본문 " * 10_000,
        "<html><head><title>제목" + "<div>" * 10_000 + "본문",
        "<html><body><!-- 주석" + "<div>" * 10_000 + "본문",
        "<html><body>" + "<div><span>" * 5_000 + "본문",
    ],
    ids=["p", "li", "td", "body", "unclosed-title", "unclosed-comment", "div-span"],
)
def test_case12_unclosed_elements_count_towards_the_depth_limit(tmp_path: Path, page: str) -> None:
    for name, data in (("page.html", page.encode()), ("utf16.html", page.encode("utf-16"))):
        path = tmp_path / name
        path.write_bytes(data)
        proc = run_bounded("build", path, "-o", tmp_path / "out", memory_mb=1024)
        assert_one_error(proc, 2, name, "nested more than 512 deep", "--max-depth")
    assert outputs(tmp_path / "out") == []


def test_case12_the_depth_ceiling_is_what_the_reader_handles(tmp_path: Path) -> None:
    levels = 4_990  # + html, body, article: just under the ceiling of 5,000
    page = "<html><body><article>" + "<div>" * levels + "본문 문장입니다. " * 10 + "</div>" * levels
    path = tmp_path / "deep.html"
    path.write_text(page + "</article></body></html>", encoding="utf-8")
    proc = run_bounded("build", path, "-o", tmp_path / "out", "--max-depth", "5000", "--to", "epub")
    assert proc.returncode == 0, proc.stderr[-2000:]
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text("<html><body><article>" + "<p>본문 " * 4_990, encoding="utf-8")
    proc = run_bounded("normalize", unclosed, "--max-depth", "5000")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_one_error(run_bounded("normalize", path, "--max-depth", "5001"), 2, "--max-depth", "at most 5000")


# ---- case 13: an impossible date is text, not a crash


def test_case13_invalid_yaml_date_in_front_matter_and_book_file(tmp_path: Path) -> None:
    source = article(tmp_path / "in", front="title: 시험 기사\nfoo: 2025-02-30\ndate: 2025-13-45")
    proc = run_bounded("build", source, "-o", tmp_path / "out", "--to", "epub")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    book = tmp_path / "in" / "weekly.yaml"
    book.write_text(f"title: 주간\ndate: 2025-02-30\narticles: [{source.name}]\n", encoding="utf-8")
    proc = run_bounded("build", book, "-o", tmp_path / "book-out")
    assert_one_error(proc, 2, "weekly.yaml", "'date'", "2025-02-30")
    toml = tmp_path / "in" / "weekly.toml"
    toml.write_text(f'title = "주간"\ndate = 2025-02-30\narticles = ["{source.name}"]\n', encoding="utf-8")
    assert_one_error(run_bounded("build", toml, "-o", tmp_path / "book-out"), 2, "weekly.toml", "TOML")
    assert outputs(tmp_path / "book-out") == []


# ---- case 14: templates, output folders, encodings


@pytest.mark.parametrize(
    ("body", "fragments"),
    [
        ("<h1>\n{% if %}</h1>", ("title_block.html.j2:2", "syntax error")),
        ("<h1>\n\n{{ no_such_name }}</h1>", ("title_block.html.j2:3", "'no_such_name' is undefined")),
        ("{% include 'missing.j2' %}", ("title_block.html.j2:1", "'missing.j2' not found")),
        ("{% include 'title_block.html.j2' %}", ("title_block.html.j2:1", "without end")),
        ("{{ doc.meta.title.nope.deeper }}", ("title_block.html.j2:1", "has no attribute 'nope'")),
    ],
    ids=["syntax", "undefined", "not-found", "self-include", "undefined-attribute"],
)
def test_case14_template_errors_name_the_file_and_line(
    tmp_path: Path, body: str, fragments: tuple[str, ...]
) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "title_block.html.j2").write_text(body, encoding="utf-8")
    proc = run_bounded("build", ARTICLE, "-o", tmp_path / "out", "--templates", templates)
    assert_one_error(proc, 2, *fragments)
    assert outputs(tmp_path / "out") == []


def test_case14_output_naming_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.epub"
    target.write_bytes(b"not a folder")
    assert_one_error(run_bounded("build", ARTICLE, "-o", target), 2, "out.epub", "is a file")
    assert_one_error(run_bounded("build", ARTICLE, "-o", target / "sub"), 2, "out.epub is a file")
    assert target.read_bytes() == b"not a folder"


def test_case14_read_only_output_folder(tmp_path: Path, small_disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    proc = run_bounded("build", ARTICLE, "-o", small_disk / "out")
    assert_one_error(proc, 1, "out", "read-only")


def test_case14_full_output_folder(tmp_path: Path, small_disk: Path) -> None:
    (small_disk / "filler").write_bytes(b"\0" * (1024 * 1024 - 64 * 1024))
    proc = run_bounded("build", ARTICLE, "-o", small_disk / "out")
    assert_one_error(proc, 1, "no space left on the disk mounted at", str(small_disk))
    assert outputs(small_disk / "out") == []


@pytest.mark.parametrize("encoding", ["rot13", "base64", "zlib_codec", "no-such-codec"])
def test_case14_encoding_that_is_not_a_text_encoding(tmp_path: Path, encoding: str) -> None:
    source = article(tmp_path / "in", "a.txt")
    proc = run_bounded("build", source, "-o", tmp_path / "out", "--encoding", encoding)
    assert_one_error(proc, 2, f"--encoding {encoding!r}", "not a text encoding")


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("기사.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "looks binary"),
        ("data.txt", b"\x00\x01" * 400, "looks binary"),
        ("page.html", b"\xff\xfe\x00\x00garbage", "UTF-16 byte order mark"),
        ("notes.md", b"\xef\xbb\xbf\xff\xfe broken", "UTF-8 byte order mark"),
    ],
    ids=["binary", "nul-and-control-pairs", "bad-utf16-bom", "bad-utf8-bom"],
)
def test_case14_undecodable_input_names_its_file(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(data)
    proc = run_bounded("build", source, "-o", tmp_path / "out")
    assert_one_error(proc, 2, f"{name}: ", says)
    assert outputs(tmp_path / "out") == []


# ---- case 15: Ctrl-C at any moment


_INTERRUPT_AFTER_IMPORTS = """
import os, signal, sys
after = int(sys.argv.pop(1))
seen = []
def hook(event, args):
    if event != "import":
        return
    if seen or args[0] == "bookmaker.interrupts":
        seen.append(args[0])
        if len(seen) == after + 1:
            os.kill(os.getpid(), signal.SIGINT)
sys.addaudithook(hook)
from bookmaker.entry import run  # what the console script does
run()
"""


@pytest.mark.parametrize("after", [1, 3, 10, 30, 100, 250])
def test_case15_interrupt_while_starting_is_one_line(tmp_path: Path, after: int) -> None:
    args = ["build", str(ARTICLE), "-o", str(tmp_path / "out")]
    proc = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_AFTER_IMPORTS, str(after), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    assert proc.stderr == "bookmaker: interrupted\n", proc.stderr[-2000:]
    assert proc.returncode == 130
    assert not [name for name in outputs(tmp_path / "out") if not name.startswith(".")]


def test_case15_interrupt_during_a_build_cleans_up(tmp_path: Path) -> None:
    source = article(tmp_path / "in", text=BODY * 200)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait until the CLI is past its imports and working: the PDF child exists
    for _ in range(600):
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        if children.exists() and children.read_text().split():
            break
        if proc.poll() is not None:
            break
        subprocess.run(["sleep", "0.05"], check=False)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    if proc.returncode == 0:
        pytest.skip("the build finished before the interrupt arrived")
    assert err == "bookmaker: interrupted\n" and proc.returncode == 130
    assert outputs(tmp_path / "out") == []


# ---- case 14: verify on entries it cannot read, and on a manifest nested too deeply


@pytest.mark.parametrize(
    ("flags", "method", "said"),
    [(1, None, "encrypted zip entry"), (0, 99, "unsupported compression method 99")],
    ids=["encrypted", "method-99"],
)
def test_case14_verify_unreadable_zip_entries(
    bundle_zip: Path, flags: int, method: int | None, said: str
) -> None:
    patch_zip_entry(bundle_zip, "seed-excerpt/seed-excerpt.epub", flags=flags, method=method)
    proc = run_bounded("archive", "--verify", bundle_zip)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"seed-excerpt.epub: {said}" in proc.stderr
    patch_zip_entry(bundle_zip, "seed-excerpt/manifest.json", flags=flags, method=method)
    proc = run_bounded("archive", "--verify", bundle_zip)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"manifest.json: unreadable ({said})" in proc.stderr


def test_case14_verify_deeply_nested_manifest(bundle: Path) -> None:
    (bundle / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    proc = run_bounded("archive", "--verify", bundle)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "manifest.json: unreadable manifest (nested too deeply)" in proc.stderr
