"""``bookmaker themes`` lists the themes; ``themes export NAME DIR`` copies one out."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout import render_print_html
from bookmaker.layout.style import resolve_style
from tests.conftest import run_cli


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
    manifest = tomllib.loads((target / "manifest.toml").read_text(encoding="utf-8"))
    assert manifest["extends"] == "newspaper" and manifest["defaults"]["columns"] == "auto"

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
