"""``bookmaker themes`` lists the themes; ``themes export NAME DIR`` copies one out."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pikepdf
import pytest

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout import render_print_html
from bookmaker.layout.style import resolve_style
from bookmaker.layout.themes import export_theme
from tests.conftest import SEED, run_cli


def test_themes_lists_every_theme_with_its_description() -> None:
    proc = run_cli("themes")
    assert proc.returncode == 0, proc.stderr
    names = [line.split()[0] for line in proc.stdout.splitlines()]
    assert names == ["book", "newspaper", "report"]
    assert "Gothic body" in proc.stdout and "(extends book)" in proc.stdout


def test_export_copies_the_merged_theme_and_builds_from_it(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    proc = run_cli("themes", "export", "newspaper", target)
    assert proc.returncode == 0, proc.stderr
    assert (target / "print-theme.css.j2").is_file()  # the theme's own file
    assert (target / "print.css.j2").is_file() and (
        target / "print" / "blocks" / "paragraph.html.j2"
    ).is_file()
    text = (target / "manifest.toml").read_text(encoding="utf-8")
    manifest = tomllib.loads(text)
    assert manifest["extends"] == "newspaper" and manifest["defaults"] == {}  # inherited, not restated
    assert '# columns = "auto"' in text  # shown, ready to change

    css = target / "print-theme.css.j2"
    css.write_text(css.read_text(encoding="utf-8") + "\n.body { column-rule: 2pt dotted red; }\n", "utf-8")
    style = resolve_style(None, target)  # the folder alone picks its theme
    assert style.name == "newspaper" and style.columns == 0  # auto
    html = render_print_html(
        Document(meta=Meta(title="제목"), blocks=[Paragraph(content=text_runs("본문."))]),
        style.page,
        style=style,
    )
    assert "column-rule: 2pt dotted red" in html


def test_export_refuses_a_non_empty_folder_and_unknown_themes(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    proc = run_cli("themes", "export", "report", tmp_path)
    assert proc.returncode == 2 and "exists and is not an empty folder" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
    proc = run_cli("themes", "export", "magazine", tmp_path / "new")
    assert proc.returncode == 2 and "unknown theme 'magazine'" in proc.stderr
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("theme", ["book", "newspaper", "report"])
def test_an_export_rebuilds_byte_for_byte(
    theme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--templates`` an exported theme gives the very PDF and EPUB ``--theme`` does (the report's
    cover page included: the print rendition's lookup, ``print/`` first, is kept)."""
    from bookmaker.pipeline import BuildOptions, build_file

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")
    target = tmp_path / "mine"
    export_theme(theme, target)
    text = (target / "manifest.toml").read_text(encoding="utf-8")
    keys = [line.split("=")[0].strip("# ").strip() for line in text.splitlines() if "=" in line]
    assert len(keys) == len(set(keys)) and "page_size" not in keys  # each setting once, as --set spells it
    built = build_file(SEED, tmp_path / "theme", BuildOptions(theme=theme)).outputs
    exported = build_file(SEED, tmp_path / "export", BuildOptions(templates=target)).outputs
    assert [path.read_bytes() for path in built] == [path.read_bytes() for path in exported]
    if theme == "report":
        with pikepdf.open(tmp_path / "export" / f"{SEED.stem}.pdf") as pdf:
            assert len(pdf.pages) == 3  # the cover page, then the article
