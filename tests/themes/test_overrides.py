"""Overriding a theme: a --templates folder with one changed template, --set knobs, front matter."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout import epub_stylesheet, render_article, render_print_html
from bookmaker.layout.print_layout import PrintLayout
from bookmaker.layout.style import resolve_style
from tests.conftest import SEED, run_cli

STEM = SEED.stem
BANNER = "독자 특별판"


@pytest.fixture(scope="module")
def override_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user folder that changes only the title block (both renditions)."""
    folder = tmp_path_factory.mktemp("mytemplates")
    (folder / "title_block.html.j2").write_text(
        f'<header class="title-block"><p class="banner">{BANNER}</p>'
        '<h1 class="title" data-label="{{ doc.meta.title }}">{{ doc.meta.title | t }}</h1></header>\n',
        encoding="utf-8",
    )
    return folder


def test_override_template_and_set_reach_both_outputs(override_dir: Path, tmp_path: Path) -> None:
    proc = run_cli("build", SEED, "-o", tmp_path, "--templates", override_dir, "--set", "font-size=12")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / f"{STEM}.epub") as book:
        article = book.read("EPUB/article.xhtml").decode()
    assert BANNER in article and 'class="subtitle"' not in article  # the user's block replaced the theme's
    text = subprocess.run(["pdftotext", tmp_path / f"{STEM}.pdf", "-"], capture_output=True, text=True).stdout
    assert BANNER in text.replace("\u2060", "")

    import pdfplumber

    with pdfplumber.open(tmp_path / f"{STEM}.pdf") as pdf:
        sizes = [
            round(c["size"], 1)
            for page in pdf.pages
            for c in page.chars
            if c["fontname"].endswith("Serif-CJK-KR")
        ]
    assert max(set(sizes), key=sizes.count) == 12.0  # body set at the --set size (default 10)


def test_override_keeps_the_rest_of_the_theme(override_dir: Path) -> None:
    style = resolve_style("newspaper", override_dir)
    doc = Document(
        meta=Meta(title="제목", publisher="한국일보"), blocks=[Paragraph(content=text_runs("본문 문단."))]
    )
    html = render_article(doc, "epub", style=style)
    assert BANNER in html and "masthead" not in html  # title block from the user folder
    assert "news-head" not in html and '<section class="body">' in html
    assert "column-rule" in render_print_html(doc, style.page, style=style)  # newspaper CSS still applies


def test_settings_feed_the_line_breaker_and_css() -> None:
    base = PrintLayout.for_style(resolve_style("book"))
    style = resolve_style("book", None, {"font-size": "9", "columns": 2, "indent": "2em", "justify": False})
    layout = PrintLayout.for_style(style)
    assert layout.scale.body_pt == 9 and layout.columns == 2
    assert layout.measure_pt == pytest.approx((base.text_width_pt - 5 * 72 / 25.4) / 2)
    doc = Document(
        meta=Meta(title="제목"),
        blocks=[Paragraph(content=text_runs("가나다라 " * 80)), Paragraph(content=text_runs("마바사 " * 60))],
    )
    html = render_print_html(doc, style.page, style=style)
    assert "font-size: 9.0pt" in html and "columns: 2" in html and ".ln.ind { text-indent: 2.0em; }" in html
    assert 'class="ln"' not in html and 'class="ln ind"' not in html  # ragged: every line is left-set
    css = epub_stylesheet(style=style)
    assert ".body p { text-indent: 2.0em; }" in css and "text-align: left" in css.split("Settings")[1]
    assert "Settings" not in epub_stylesheet()  # theme defaults are not restated


def test_precedence_cli_over_front_matter_over_templates_over_theme(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text('extends = "report"\n[defaults]\nline-height = 1.5\n', "utf-8")
    style = resolve_style(None, tmp_path, {"font-size": 11, "line_height": 1.9}, {"font-size": "12"})
    assert style.name == "report"  # from the folder's manifest
    assert style.body_pt == 12 and style.line_height == 1.9 and style.page.name == "a4"
    assert resolve_style(None, tmp_path).line_height == 1.5
    assert (
        resolve_style("newspaper").columns == 0  # auto: chosen from the measure
        and resolve_style("newspaper", None, {"columns": 2}).columns == 2
    )
    for page, columns in (("b4", 2), ("a4", 2), ("a5", 1)):
        newspaper = resolve_style("newspaper", None, {"page-size": page})
        assert PrintLayout.for_style(newspaper).columns == columns  # each column ≥ 24 em


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "colour=red"], "unknown setting 'colour'; known keys: font-size, line-height"),
        (["--set", "font-size=huge"], "setting font-size takes a number from 6 to 16pt; got 'huge'"),
        (["--set", "columns=4"], "setting columns takes 1, 2, 3 or auto; got '4'"),
        (["--set", "justify=maybe"], "setting justify takes on or off; got 'maybe'"),
        (["--set", "body-font=Comic Sans"], "font 'Comic Sans' is not installed"),
        (["--set", "page-size=b9"], "unknown page size 'b9'"),
        (["--set", "indent"], "--set takes KEY=VALUE; got 'indent'"),
        (["--theme", "magazine"], "unknown theme 'magazine'; choose one of: book, newspaper, report"),
        (["--templates", "/nonexistent/x"], "--templates /nonexistent/x: no such folder"),
    ],
)
def test_bad_design_options_are_one_line_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    proc = run_cli("build", SEED, "-o", tmp_path, *args)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr
    assert not list(tmp_path.iterdir())


def test_bad_theme_manifest_is_a_one_line_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "manifest.toml").write_text("extends = \n", encoding="utf-8")
    proc = run_cli("build", SEED, "-o", tmp_path / "out", "--templates", folder)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "manifest.toml: bad theme manifest" in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()


def test_front_matter_names_theme_and_settings(tmp_path: Path) -> None:
    article = tmp_path / "기사.md"
    article.write_text(
        "---\ntitle: 보고서 제목\ntheme: report\nsettings:\n  font-size: 11\n  justify: false\n---\n\n"
        "첫 문단입니다. 보고서 본문이 이어집니다.\n",
        encoding="utf-8",
    )
    ir = run_cli("normalize", article)
    style = json.loads(ir.stdout)["meta"]["style"]
    assert style == {"theme": "report", "settings": {"font-size": "11", "justify": "off"}}
    from bookmaker.pipeline import BuildOptions, load, style_for

    doc = load(article)
    assert style_for(doc, BuildOptions()).name == "report" and not style_for(doc, BuildOptions()).justify
    assert style_for(doc, BuildOptions(theme="book", settings=(("font-size", "9"),))).body_pt == 9
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: 제목\nsettings:\n  colour: red\n---\n\n본문.\n", encoding="utf-8")
    proc = run_cli("build", bad, "-o", tmp_path / "out")
    assert proc.returncode == 2 and "unknown setting 'colour'" in proc.stderr
