"""Layout: IR → HTML/XHTML through Jinja2 templates, per rendition (``epub`` or ``print``)."""

from bookmaker.layout.render import Rendition, epub_stylesheet, render_article, render_print_html

__all__ = ["Rendition", "epub_stylesheet", "render_article", "render_print_html"]
