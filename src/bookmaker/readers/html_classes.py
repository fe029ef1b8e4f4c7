"""Bold and italic given by class: a page's own ``<style>`` rules of one class (``.c3{font-weight:700}``),
as a word processor's web export writes them (Google Docs styles every run so, with ``<span
class="c3">``). Such a span is read as ``<b>`` or ``<i>`` would be; other selectors and outside style
sheets are not read."""

from __future__ import annotations

import re

import tinycss2
from bs4 import BeautifulSoup

_BOLD = {"bold", "bolder", "600", "700", "800", "900"}
_NOT_BOLD = {"normal", "lighter", "100", "200", "300", "400", "500"}
_ONE_CLASS = re.compile(r"\.[A-Za-z_][\w-]*")


def class_marks(soup: BeautifulSoup) -> dict[str, tuple[str, ...]]:
    """Class name → the marks (``strong``, ``emphasis``) its single-class rules in the page's style
    blocks give."""
    bold: dict[str, bool] = {}
    italic: dict[str, bool] = {}
    for style in soup.find_all("style"):
        for rule in tinycss2.parse_stylesheet(style.get_text(), skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue
            selector = tinycss2.serialize(rule.prelude).strip()
            if not _ONE_CLASS.fullmatch(selector):
                continue  # one class alone: ".c3", not "table td" or ".lst-kix>li:before"
            name = selector[1:]
            for decl in tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            ):
                if decl.type != "declaration":
                    continue
                value = tinycss2.serialize(decl.value).strip().lower()
                if decl.lower_name == "font-weight" and value in _BOLD | _NOT_BOLD:
                    bold[name] = value in _BOLD
                elif decl.lower_name == "font-style":
                    italic[name] = value in ("italic", "oblique")
    names = {n for n, on in bold.items() if on} | {n for n, on in italic.items() if on}
    return {
        n: tuple(kind for kind, on in (("strong", bold.get(n)), ("emphasis", italic.get(n))) if on)
        for n in sorted(names)
    }
