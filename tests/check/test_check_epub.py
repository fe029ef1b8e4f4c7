"""``bookmaker check`` on an EPUB: our lint, EPUBCheck when installed, Ace said to be skipped when not."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from bookmaker.check.epub import check_epub
from bookmaker.pipeline import BuildOptions, build_file
from tests.conftest import SEED, run_cli


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("check-epub")
    [epub, pdf] = build_file(SEED, out, BuildOptions()).outputs
    return {"epub": epub, "pdf": pdf}


def _rewrite(epub: Path, target: Path, edit: dict[str, tuple[str, str]], drop: str | None = None) -> Path:
    """A copy of ``epub`` with text replaced in some entries (and one entry's manifest item dropped)."""
    with zipfile.ZipFile(epub) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            for name, (old, new) in edit.items():
                if info.filename.endswith(name):
                    data = data.decode().replace(old, new).encode()
            copy.writestr(info, data)
    return target


def test_a_built_epub_passes_the_lint_and_the_cli_does_not_crash(books: dict[str, Path]) -> None:
    report = check_epub(books["epub"], external=False)
    assert report.failures == []
    proc = run_cli("check", books["epub"], "--lint-only")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "result          ok" in proc.stdout
    assert "EPUBCheck: not run (--lint-only)" in proc.stdout


def test_faults_are_found_and_fail_the_exit_code(books: dict[str, Path], tmp_path: Path) -> None:
    broken = _rewrite(
        books["epub"],
        tmp_path / "broken.epub",
        {
            ".xhtml": (' lang="ko" xml:lang="ko"', ""),
            ".opf": ('properties="nav"', ""),
            ".css": ("keep-all", "normal"),
        },
    )
    findings = "\n".join(check_epub(broken, external=False).failures)
    assert "no navigation document" in findings
    assert "lacks lang and xml:lang" in findings
    assert "word-break: keep-all" in findings
    proc = run_cli("check", broken, "--lint-only", "--json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["ok"] is False


def test_text_no_embedded_font_draws_is_a_fault(books: dict[str, Path], tmp_path: Path) -> None:
    odd = _rewrite(books["epub"], tmp_path / "odd.epub", {"article.xhtml": ("</h1>", "䶵</h1>")})
    with zipfile.ZipFile(odd) as book:
        assert any("䶵" in book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml"))
    findings = check_epub(odd, external=False).failures
    assert any("U+4DB5" in finding and "no embedded font" in finding for finding in findings)


def test_files_are_told_apart_by_content_not_name(books: dict[str, Path], tmp_path: Path) -> None:
    disguised = tmp_path / "book.pdf"
    disguised.write_bytes(books["epub"].read_bytes())
    proc = run_cli("check", disguised, "--lint-only")
    assert proc.returncode == 0 and "(EPUB)" in proc.stdout, proc.stderr
    pdf_named_epub = tmp_path / "print.epub"
    pdf_named_epub.write_bytes(books["pdf"].read_bytes())
    proc = run_cli("check", pdf_named_epub)
    assert proc.returncode == 0 and "word splits" in proc.stdout, proc.stderr
    other = tmp_path / "notes.epub"
    other.write_text("plain text", encoding="utf-8")
    proc = run_cli("check", other)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"bookmaker: error: {other}: neither a PDF nor an EPUB"]


def test_epubcheck_runs_and_a_missing_ace_is_named_with_its_install_line(books: dict[str, Path]) -> None:
    proc = run_cli("check", books["epub"], "--json", env={"BOOKMAKER_ACE": "/nonexistent/ace"})
    report = json.loads(proc.stdout)
    assert any(name.startswith("EPUBCheck") for name in report["ran"]), report
    assert "npm" in report["skipped"]["Ace"]
    assert report["ok"] is True and proc.returncode == 0
