"""Values given on the command line are input too (second hostile round): a ``--title`` or
``--editor`` with control characters reached lxml, which refused them with its own message
naming neither the option nor the file; they are stripped as every reader strips them, and
the value put on one line."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.security.hostile import article, run_bounded

CONTROLS = "\x1b[31m\x07\n\u202e"  # NUL cannot be an argument


def _opf(folder: Path) -> str:
    [epub] = list(folder.glob("*.epub"))
    with zipfile.ZipFile(epub) as book:
        return book.read("EPUB/content.opf").decode()


def test_a_title_with_control_characters_is_stripped(tmp_path: Path) -> None:
    source = article(tmp_path / "in", "a.md")
    proc = run_bounded(
        "build", source, "-o", tmp_path / "out", "--to", "epub", "--title", f"제목{CONTROLS}끝"
    )
    assert proc.returncode == 0 and not proc.stderr, proc.stderr
    assert "<dc:title>제목[31m 끝</dc:title>" in _opf(tmp_path / "out")


def test_a_collection_title_and_editor_with_control_characters_are_stripped(tmp_path: Path) -> None:
    a, b = article(tmp_path / "in", "a.md"), article(tmp_path / "in", "b.md")
    proc = run_bounded(
        "build",
        a,
        b,
        "-o",
        tmp_path / "out",
        "--to",
        "epub",
        "--title",
        f"주간{CONTROLS}",
        "--editor",
        f"편집{CONTROLS}부",
    )
    assert proc.returncode == 0, proc.stderr
    opf = _opf(tmp_path / "out")
    assert "<dc:title>주간[31m</dc:title>" in opf and ">편집[31m 부</dc:contributor>" in opf
