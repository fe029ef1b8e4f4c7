"""Render an IR document with the theme's Jinja2 templates.

Two renditions share the same templates: ``epub`` keeps the text as it is (the reading system
applies ``word-break: keep-all``); ``print`` glues each word with word joiners for WeasyPrint.
Environments are built once per (theme, rendition) and reused.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Literal

import jinja2
from markupsafe import Markup, escape

from bookmaker import __version__
from bookmaker.ir import Block, Document
from bookmaker.korean.keep_all import join_words
from bookmaker.layout.pages import PageSpec
from bookmaker.resources import templates_root

Rendition = Literal["epub", "print"]
DEFAULT_THEME = "book"


def _block_type(block: Block) -> str:
    tag = type(block).__struct_config__.tag
    return str(tag)


def _display_date(value: str) -> str:
    """ISO 8601 → Korean display form (``2025년 11월 23일 14:07``)."""
    try:
        if "T" in value:
            moment = datetime.fromisoformat(value)
            return f"{moment.year}년 {moment.month}월 {moment.day}일 {moment:%H:%M}"
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.year}년 {day.month}월 {day.day}일"


@cache
def _environment(theme: str, rendition: Rendition) -> jinja2.Environment:
    folder = templates_root() / theme
    if not folder.is_dir():
        from bookmaker.errors import UsageError

        raise UsageError(f"unknown theme {theme!r}")
    # the print rendition looks in the theme's ``print/`` overlay first (line-set paragraphs)
    paths = [str(folder / "print"), str(folder)] if rendition == "print" else [str(folder)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if rendition == "print":
        env.filters["t"] = lambda text: Markup(escape(join_words(text)))
    else:
        env.filters["t"] = lambda text: Markup(escape(text))
    env.filters["display_date"] = _display_date
    env.globals["block_type"] = _block_type
    env.globals["version"] = __version__
    return env


def render_article(doc: Document, rendition: Rendition, theme: str = DEFAULT_THEME) -> str:
    """The article (title block + body) as an HTML fragment."""
    return _environment(theme, rendition).get_template("article.html.j2").render(doc=doc)


def render_print_html(
    doc: Document,
    page: PageSpec,
    *,
    created: str | None = None,
    theme: str = DEFAULT_THEME,
    print_ready: bool = False,
    break_style: str = "word",
) -> str:
    """A complete HTML document for WeasyPrint, with the page stylesheet inlined."""
    from bookmaker.layout.print_layout import PrintLayout, break_style_of

    env = _environment(theme, "print")
    layout = PrintLayout(page, break_style=break_style_of(break_style))
    page_css = env.get_template("print.css.j2").render(page=page, layout=layout, print_ready=print_ready)
    return env.get_template("print.html.j2").render(
        doc=doc, page_css=Markup(page_css), created=created, layout=layout
    )


@cache
def epub_stylesheet(theme: str = DEFAULT_THEME) -> str:
    """The theme's EPUB stylesheet."""
    return (templates_root() / theme / "epub.css").read_text(encoding="utf-8")
