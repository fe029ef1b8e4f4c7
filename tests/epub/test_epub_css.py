"""The EPUB stylesheet: Korean reading rules, relative units only (checklist 26)."""

from __future__ import annotations

import re

import pytest
import tinycss2

from bookmaker.layout import epub_stylesheet
from bookmaker.layout.style import resolve_style


def _rules(css: str) -> list[tuple[str, dict[str, str], str]]:
    """(selector, declarations, enclosing at-rule prelude) for every style rule, nested included."""
    out = []

    def walk(nodes, context: str) -> None:
        for node in nodes:
            if node.type == "qualified-rule":
                decls = [d for d in tinycss2.parse_blocks_contents(node.content) if d.type == "declaration"]
                values = {d.lower_name: tinycss2.serialize(d.value).strip() for d in decls}
                out.append((tinycss2.serialize(node.prelude).strip(), values, context))
            elif node.type == "at-rule" and node.content is not None:
                walk(
                    tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True),
                    f"@{node.lower_at_keyword} {tinycss2.serialize(node.prelude).strip()}",
                )

    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), "")
    return out


@pytest.fixture(scope="module")
def rules():
    return _rules(epub_stylesheet())


def _decl(rules, selector_part: str, prop: str, context: str = "") -> str | None:
    for selector, decls, ctx in rules:
        if selector_part in selector and prop in decls and ctx == context:
            return decls[prop]
    return None


def test_keep_all_and_strict_breaking(rules):
    assert _decl(rules, "html, body", "word-break") == "keep-all"
    assert _decl(rules, "html, body", "overflow-wrap") == "break-word"
    assert _decl(rules, "html, body", "line-break") == "strict"
    assert _decl(rules, ":lang(ko)", "word-break") == "keep-all"  # a rule of its own: an engine
    assert _decl(rules, ".eojeol", "white-space") == "nowrap"  # that ignores :lang() keeps the rest


def test_alignment_is_left_to_the_reading_system(rules):
    """No text-align on the running text, so Apple Books', Readium's and Kobo's own setting wins;
    headings and small print stay ragged."""
    aligned = [sel for sel, decls, _ in rules if "text-align" in decls]
    assert not [sel for sel in aligned if sel in (".body", ".body p", "body", "html", "p")]
    assert all(ctx == "" for _, _, ctx in rules)  # no @media or @supports at all


def test_justify_on_justifies_wide_text_only():
    css = epub_stylesheet("book", style=resolve_style("book", None, {"justify": "on"}))
    rules = _rules(css)
    assert _decl(rules, ".body", "container-type") == "inline-size"
    assert _decl(rules, ".body p", "text-align", "@container (min-width: 30em)") == "justify"
    off = _rules(epub_stylesheet("book", style=resolve_style("book", None, {"justify": "off"})))
    assert _decl(off, ".body p", "text-align") == "left"


def test_indent_except_after_headings(rules):
    assert _decl(rules, ".body p", "text-indent") == "1em"
    zero = [sel for sel, decls, _ in rules if decls.get("text-indent") == "0"]
    assert any(".body h2 + p" in sel and ".body > p:first-child" in sel for sel in zero)


def test_line_height_and_font_stacks(rules):
    assert _decl(rules, "body", "line-height") == "1.7"
    body_font = _decl(rules, "body", "font-family")
    assert body_font.startswith('"Noto Serif CJK KR"') and body_font.endswith("serif")
    sans = _decl(rules, ".title-block", "font-family")
    assert sans.startswith('"Noto Sans CJK KR"') and sans.endswith("sans-serif")


def test_only_relative_units():
    css = re.sub(r"/\*.*?\*/", "", epub_stylesheet(), flags=re.S)
    assert not re.search(r"\d(px|pt|cm|mm|in|pc)\b", css)


def test_nothing_that_hurts_korean():
    css = epub_stylesheet()
    assert not re.search(r"hyphens\s*:\s*auto", css)
    assert "inter-character" not in css
    assert "text-spacing" not in css and "text-autospace" not in css
