"""Layout of a collection's print rendition: title page, contents, one chapter per article.

Uses the theme's print environment (templates ``collection.html.j2``, ``toc.html.j2``,
``collection_article.html.j2`` and ``collection.css.j2`` on top of ``print.css.j2``), so every
article's paragraphs go through the same total-fit line breaker as a single article.
"""

from __future__ import annotations

from markupsafe import Markup

from bookmaker.ir import Collection
from bookmaker.layout.pages import PageSpec
from bookmaker.layout.render import DEFAULT_THEME, _environment, _style
from bookmaker.layout.style import Style


def render_collection_print_html(
    collection: Collection,
    page: PageSpec,
    *,
    created: str | None = None,
    theme: str = DEFAULT_THEME,
    print_ready: bool = False,
    style: Style | None = None,
    break_style: str = "word",
) -> str:
    """A complete HTML document of ``collection`` for WeasyPrint, stylesheets inlined."""
    from bookmaker.layout.print_layout import PrintLayout, break_style_of

    chosen = _style(theme, style)
    env = _environment(chosen, "print")
    layout = PrintLayout.for_style(chosen, page, break_style=break_style_of(break_style))
    page_css = env.get_template("print.css.j2").render(
        page=page, layout=layout, print_ready=print_ready, style=chosen
    )
    collection_css = env.get_template("collection.css.j2").render(page=page, layout=layout, style=chosen)
    return env.get_template("collection.html.j2").render(
        collection=collection,
        page_css=Markup(page_css),
        collection_css=Markup(collection_css),
        created=created,
        layout=layout,
        style=chosen,
    )
