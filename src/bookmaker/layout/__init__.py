"""Layout: IR → HTML/XHTML through Jinja2 templates, per rendition (``epub`` or ``print``).

The names below load :mod:`bookmaker.layout.render` (and Jinja2) on first use, so the cheap
modules of this package (``style``, ``pages``, ``themes``) can be imported without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bookmaker.layout.render import Rendition, epub_stylesheet, render_article, render_print_html

__all__ = ["Rendition", "epub_stylesheet", "render_article", "render_print_html"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from bookmaker.layout import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
