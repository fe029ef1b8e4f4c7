"""Layout of a collection's print rendition: title page, contents, one chapter per article.

Uses the theme's print environment (templates ``collection.html.j2``, ``toc.html.j2``,
``collection_article.html.j2`` and ``collection.css.j2`` on top of ``print.css.j2``), so every
article's paragraphs go through the same total-fit line breaker as a single article.
"""

from __future__ import annotations

from markupsafe import Markup

from bookmaker.ir import Collection
from bookmaker.layout.pages import PageSpec
from bookmaker.layout.render import DEFAULT_THEME, print_setup
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
    setup = print_setup(page, theme=theme, style=style, print_ready=print_ready, break_style=break_style)
    env, layout = setup.env, setup.layout
    collection_css = env.get_template("collection.css.j2").render(page=page, layout=layout, style=setup.style)
    return env.get_template("collection.html.j2").render(
        collection=collection,
        page_css=setup.page_css,
        collection_css=Markup(collection_css),
        created=created,
        layout=layout,
        style=setup.style,
    )
