"""Which characters each embedded face draws: a small CSS cascade over the EPUB's own XHTML.

A reading system draws a character in the first family of the element's computed ``font-family``
that the book embeds, in that family's face of the nearest weight (CSS Fonts 4 matching; a family
with only a Regular face draws bold text with it too). This module runs the cascade — a small
user-agent stylesheet, then the book's stylesheets, by importance, specificity and order, with
inheritance — over every content document, and collects per face what is drawn: text, generated
content (``::before``/``::after`` strings, ``counter()``/``counters()``, ``attr()``, quotes) and
list markers, after ``text-transform``. Only what decides which characters and which face is
computed: ``display: none``, ``font-family``, ``font-weight`` (``bolder``/``lighter``), the ``font``
shorthand, ``text-transform``, ``content``, ``counter-reset``/``-set``/``-increment`` and
``list-style(-type)``. Rules inside ``@media``/``@supports``/``@container`` count as if their
condition held (bookmaker's own stylesheets set no font in them: a test checks).

``tests/epub/test_epub_reading_systems.py`` proves the result equal to what chromium draws, per face,
for every theme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cssselect2
import tinycss2
from lxml import etree

from bookmaker.fonts.faces import Face

# The parts of a browser's default stylesheet (Chromium's html.css) that hide text, make list
# items or choose a weight or family.
USER_AGENT_CSS = """
head, script, style, title, template, link, meta, base, noscript, datalist, param, rp,
area, [hidden] { display: none }
li { display: list-item }
b, strong, th, h1, h2, h3, h4, h5, h6 { font-weight: bold }
code, kbd, pre, samp, tt { font-family: monospace }
ul, menu, dir { list-style-type: disc }
ol { list-style-type: decimal }
ul ul, ol ul { list-style-type: circle }
ol ol ul, ol ul ul, ul ol ul, ul ul ul { list-style-type: square }
"""
_PROPERTIES = frozenset(
    {
        "display",
        "font",
        "font-family",
        "font-weight",
        "text-transform",
        "content",
        "counter-reset",
        "counter-set",
        "counter-increment",
        "list-style",
        "list-style-type",
    }
)
_INHERITED = ("font-family", "font-weight", "text-transform", "list-style-type")
_GROUPS = frozenset({"media", "supports", "container", "layer", "scope", "starting-style"})
_SYMBOLS = {"disc": "•", "circle": "◦", "square": "▪"}
_ALPHABETS = {
    "lower-alpha": "abcdefghijklmnopqrstuvwxyz",
    "lower-latin": "abcdefghijklmnopqrstuvwxyz",
    "upper-alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "upper-latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_FONT_SIZES = frozenset(
    {"xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large"}
    | {"smaller", "larger"}
)
_WEIGHTS = {"normal": 400, "bold": 700}
_XHTML = "{http://www.w3.org/1999/xhtml}"

Style = dict[str, Any]
Drawn = dict[tuple[tuple[str, ...], int], set[str]]
"""Characters drawn, by computed (font families, weight)."""
# (priority, specificity, order, pseudo-element, declarations): the cascade sorts on the first three
Rule = tuple[int, tuple[int, int, int], int, str | None, tuple[tuple[str, list[Any]], ...]]


@dataclass(frozen=True, slots=True)
class _Sheets:
    """The user-agent and book stylesheets, compiled for matching."""

    matcher: cssselect2.Matcher

    def rules(self, element: cssselect2.ElementWrapper) -> list[Rule]:
        """Every (priority, specificity, order, pseudo, declarations) whose selector matches."""
        found = []
        for specificity, order, pseudo, (origin, normal, important) in self.matcher.match(element):
            if normal:
                found.append((origin, specificity, order, pseudo, normal))
            if important:
                found.append((3 - origin, specificity, order, pseudo, important))
        found.sort(key=lambda rule: rule[:3])
        return found


def _style_rules(rules: Iterable[Any]) -> Iterator[Any]:
    """The style rules of a rule list, those inside conditional group rules included."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPS and rule.content is not None:
            yield from _style_rules(tinycss2.parse_rule_list(rule.content, True, True))


def _add_sheet(matcher: cssselect2.Matcher, css: str, origin: int) -> None:
    """Add ``css``'s rules: origin 0 is the user agent's, 1 the book's. Only the selectors of rules
    that declare a property of :data:`_PROPERTIES` are compiled (most rules set none)."""
    for rule in _style_rules(tinycss2.parse_stylesheet(css, True, True)):
        normal: list[tuple[str, list[Any]]] = []
        important: list[tuple[str, list[Any]]] = []
        for item in tinycss2.parse_blocks_contents(rule.content, True, True):
            if item.type == "declaration" and item.lower_name in _PROPERTIES:
                tokens = [token for token in item.value if token.type not in ("whitespace", "comment")]
                (important if item.important else normal).append((item.lower_name, tokens))
        if not (normal or important):
            continue
        try:
            selectors = cssselect2.compile_selector_list(rule.prelude)
        except cssselect2.SelectorError:
            continue  # a browser drops the whole rule too
        payload = (origin, tuple(normal), tuple(important))
        for selector in selectors:
            matcher.add_selector(selector, payload)


@lru_cache(maxsize=16)
def _sheets(stylesheets: tuple[str, ...]) -> _Sheets:
    matcher = cssselect2.Matcher()
    _add_sheet(matcher, USER_AGENT_CSS, 0)
    for css in stylesheets:
        _add_sheet(matcher, css, 1)
    return _Sheets(matcher)


def _families(tokens: list[Any]) -> tuple[str, ...]:
    """A ``font-family`` value as lower-case family names."""
    names: list[str] = []
    words: list[str] = []
    for token in [*tokens, None]:
        if token is None or (token.type == "literal" and token.value == ","):
            if words:
                names.append(" ".join(words).lower())
            words = []
        elif token.type == "string" or token.type == "ident":
            words.append(token.value)
    return tuple(names)


def _weight(tokens: list[Any], parent: int) -> int | None:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "number" and token.is_integer:
        return int(token.int_value)
    if token.type != "ident":
        return None
    name = token.lower_value
    if name == "bolder":
        return 400 if parent < 350 else 700 if parent < 550 else 900
    if name == "lighter":
        return parent if parent < 100 else 100 if parent < 550 else 400 if parent < 750 else 700
    return _WEIGHTS.get(name)


def _font_shorthand(tokens: list[Any], style: Style, parent: Style) -> None:
    """``font: [style variant weight stretch] size[/line-height] family``: weight and family."""
    for index, token in enumerate(tokens):
        size = token.type in ("dimension", "percentage") or (
            token.type == "ident" and token.lower_value in _FONT_SIZES
        )
        if not size:
            continue
        rest = tokens[index + 1 :]
        if rest and rest[0].type == "literal" and rest[0].value == "/":
            rest = rest[2:]
        style["font-family"] = _families(rest)
        style["font-weight"] = 400
        for before in tokens[:index]:
            weight = _weight([before], parent["font-weight"])
            if weight is not None and not (before.type == "ident" and before.lower_value == "normal"):
                style["font-weight"] = weight
        return


def _keyword(tokens: list[Any]) -> str | None:
    if len(tokens) == 1 and tokens[0].type == "ident":
        return str(tokens[0].lower_value)
    return None


def _list_style_type(tokens: list[Any]) -> str | None:
    """The marker of a ``list-style``/``list-style-type`` value: a style name, a string or none."""
    for token in tokens:
        if token.type == "string":
            return '"' + str(token.value)
        if token.type == "ident" and token.lower_value not in ("inside", "outside"):
            return str(token.lower_value)
    return None


def _counter_changes(tokens: list[Any], default: int) -> list[tuple[str, int]]:
    changes: list[tuple[str, int]] = []
    for token in tokens:
        if token.type == "ident" and token.lower_value != "none":
            changes.append((token.value, default))
        elif token.type == "number" and token.is_integer and changes:
            changes[-1] = (changes[-1][0], int(token.int_value))
    return changes


def computed(rules: Sequence[Rule], pseudo: str | None, parent: Style) -> Style:
    """The computed style of an element (``pseudo`` None) or one of its pseudo-elements."""
    style: Style = {name: parent[name] for name in _INHERITED}
    style.update({"display": "inline", "content": None, "counter-reset": [], "counter-set": []})
    style["counter-increment"] = []
    for _, _, _, rule_pseudo, declarations in rules:
        if rule_pseudo != pseudo:
            continue
        for name, tokens in declarations:
            _declare(style, parent, name, tokens)
    return style


def _declare(style: Style, parent: Style, name: str, tokens: list[Any]) -> None:
    keyword = _keyword(tokens)
    if keyword in ("inherit", "initial", "unset", "revert", "revert-layer"):
        inherits = keyword == "inherit" or (keyword != "initial" and name in _INHERITED)
        if name in ("font", "list-style"):
            names = ("font-family", "font-weight") if name == "font" else ("list-style-type",)
        else:
            names = (name,)
        for each in names:
            style[each] = parent.get(each) if inherits else INITIAL[each]
        return
    if name == "font-family":
        style[name] = _families(tokens)
    elif name == "font-weight":
        weight = _weight(tokens, parent["font-weight"])
        style[name] = style[name] if weight is None else weight
    elif name == "font":
        _font_shorthand(tokens, style, parent)
    elif name in ("display", "text-transform") and tokens and tokens[0].type == "ident":
        style[name] = " ".join(t.lower_value for t in tokens if t.type == "ident")
    elif name == "content":
        style[name] = None if keyword in ("none", "normal") else tokens
    elif name in ("list-style", "list-style-type"):
        marker = _list_style_type(tokens)
        style["list-style-type"] = marker if marker is not None else style["list-style-type"]
    elif name.startswith("counter-"):
        style[name] = _counter_changes(tokens, 1 if name == "counter-increment" else 0)


INITIAL: Style = {
    "font-family": ("serif",),
    "font-weight": 400,
    "text-transform": "none",
    "list-style-type": "disc",
    "display": "inline",
    "content": None,
    "counter-reset": [],
    "counter-set": [],
    "counter-increment": [],
}


def counter_text(value: int, style: str) -> str:
    """``value`` in counter style ``style`` (unknown styles are decimal, as CSS says)."""
    if style in _SYMBOLS:
        return _SYMBOLS[style]
    if style == "none":
        return ""
    if style == "decimal-leading-zero":
        return f"{value:02d}" if value >= 0 else f"-{-value:02d}"
    if style in _ALPHABETS and value > 0:
        letters = _ALPHABETS[style]
        text = ""
        while value > 0:
            value, rest = divmod(value - 1, len(letters))
            text = letters[rest] + text
        return text
    if style in ("lower-roman", "upper-roman") and 0 < value < 4000:
        text = ""
        for amount, numeral in _ROMAN:
            while value >= amount:
                text += numeral
                value -= amount
        return text.upper() if style == "upper-roman" else text
    return str(value)


def _marker_text(style: str, ordinal: int) -> str:
    if style.startswith('"'):
        return style[1:]
    if style == "none":
        return ""
    text = counter_text(ordinal, style)
    return text + " " if style in _SYMBOLS else text + ". "


class _Counters:
    """CSS counters with their scopes: an element's ``counter-reset`` makes an instance that its
    following siblings and all their descendants see."""

    def __init__(self) -> None:
        self.values: dict[str, list[int]] = {}

    def apply(self, style: Style, scope: set[str]) -> None:
        """Apply an element's counter properties; ``scope``: the counters its siblings made."""
        for name, value in style["counter-reset"]:
            if name in scope:
                self.values[name][-1] = value
            else:
                self.values.setdefault(name, []).append(value)
                scope.add(name)
        for name, value in style["counter-set"]:
            self._instance(name, scope)[-1] = value
        for name, value in style["counter-increment"]:
            self._instance(name, scope)[-1] += value

    def _instance(self, name: str, scope: set[str]) -> list[int]:
        if not self.values.get(name):
            self.values[name] = [0]
            scope.add(name)
        return self.values[name]

    def leave(self, scope: set[str]) -> None:
        """The end of the parent of the siblings whose counters are ``scope``."""
        for name in scope:
            self.values[name].pop()

    def text(self, arguments: list[Any], nested: bool) -> str:
        values = [token for token in arguments if token.type not in ("literal", "whitespace", "comment")]
        if not values or values[0].type != "ident":
            return ""
        name = values[0].value
        instances = self.values.get(name) or [0]
        separator = ""
        if nested and len(values) > 1 and values[1].type == "string":
            separator, values = values[1].value, values[1:]
        style = values[1].lower_value if len(values) > 1 and values[1].type == "ident" else "decimal"
        if not nested:
            return counter_text(instances[-1], style)
        return separator.join(counter_text(value, style) for value in instances)


@dataclass(slots=True)
class _Walk:
    """One document's walk: the compiled sheets, the counters, the text found per (families, weight)."""

    sheets: _Sheets
    counters: _Counters
    drawn: Drawn

    def draw(self, style: Style, text: str) -> None:
        if not text:
            return
        transform = style["text-transform"]
        if "uppercase" in transform:
            text = text.upper()
        elif "lowercase" in transform:
            text = text.lower()
        elif "capitalize" in transform:
            text += text.upper()
        self.drawn.setdefault((style["font-family"], style["font-weight"]), set()).update(text)

    def generated(self, element: cssselect2.ElementWrapper, style: Style) -> str:
        """The text of a pseudo-element's ``content``."""
        parts = []
        for token in style["content"] or ():
            if token.type == "string":
                parts.append(token.value)
            elif token.type == "function" and token.lower_name in ("counter", "counters"):
                parts.append(self.counters.text(token.arguments, token.lower_name == "counters"))
            elif token.type == "function" and token.lower_name == "attr":
                names = [t.value for t in token.arguments if t.type == "ident"]
                parts.append(element.etree_element.get(names[0], "") if names else "")
            elif token.type == "ident" and token.lower_value in ("open-quote", "close-quote"):
                parts.append("“”‘’")
        return "".join(parts)

    def pseudo(self, element: Any, rules: list[Rule], name: str, parent: Style, scope: set[str]) -> None:
        style = computed(rules, name, parent)
        if style["content"] is None or style["display"] == "none":
            return
        self.counters.apply(style, scope)
        self.draw(style, self.generated(element, style))

    def element(
        self, element: cssselect2.ElementWrapper, parent: Style, scope: set[str], lists: list[int]
    ) -> None:
        rules = self.sheets.rules(element)
        style = computed(rules, None, parent)
        if style["display"].startswith("none"):
            return
        self.counters.apply(style, scope)
        node = element.etree_element
        local = node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""
        if local in ("ol", "ul", "menu", "dir"):
            start = node.get("start", "1") if local == "ol" else "1"
            lists = [*lists, int(start) - 1 if start.lstrip("-").isdigit() else 0]
        if "list-item" in style["display"]:
            value = node.get("value", "")
            ordinal = int(value) if value.lstrip("-").isdigit() else (lists[-1] + 1 if lists else 1)
            if lists:
                lists[-1] = ordinal
            marker = computed(rules, "marker", style)
            if marker["content"] is not None:
                self.draw(marker, self.generated(element, marker))
            else:
                self.draw(marker, _marker_text(style["list-style-type"], ordinal))
        inner: set[str] = set()
        self.pseudo(element, rules, "before", style, inner)
        self.draw(style, node.text or "")
        for child in node:  # comments and processing instructions too: their tails are text
            self.draw(style, child.tail or "")
        for child in element.iter_children():
            self.element(child, style, inner, lists)
        self.pseudo(element, rules, "after", style, inner)
        self.counters.leave(inner)


def drawn_text(
    documents: Iterable[bytes], stylesheets: Sequence[str]
) -> dict[tuple[tuple[str, ...], int], set[str]]:
    """Every character the XHTML ``documents`` draw with the book's ``stylesheets``, by computed
    (font families, weight)."""
    sheets = _sheets(tuple(stylesheets))
    drawn: Drawn = {}
    for document in documents:
        root = etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True))
        walk = _Walk(sheets, _Counters(), drawn)
        scope: set[str] = set()
        walk.element(cssselect2.ElementWrapper.from_xml_root(root), INITIAL, scope, [])
        walk.counters.leave(scope)
    return drawn


def matching_face(families: Sequence[str], weight: int, faces: Sequence[Face]) -> Face | None:
    """The face that draws text of ``families`` at ``weight``: the first family with a face among
    ``faces``, at the nearest weight (CSS Fonts 4 §5.2); None when no family is embedded."""
    for family in families:
        candidates = [face for face in faces if face.family.lower() == family]
        if candidates:
            return min(candidates, key=lambda face: _weight_distance(weight, face.weight))
    return None


def _weight_distance(wanted: int, weight: int) -> tuple[int, int]:
    """Sort key of ``weight`` for a ``wanted`` weight: lower is a better match."""
    if 400 <= wanted <= 500:
        if wanted <= weight <= 500:
            return (0, weight - wanted)
        return (1, wanted - weight) if weight < wanted else (2, weight - wanted)
    if wanted < 400:
        return (0, wanted - weight) if weight <= wanted else (1, weight - wanted)
    return (0, weight - wanted) if weight >= wanted else (1, wanted - weight)


_NOT_DRAWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def characters_by_face(
    documents: Iterable[bytes], stylesheets: Sequence[str], faces: Sequence[Face]
) -> dict[Face, frozenset[str]]:
    """Per face of ``faces``, every character the ``documents`` draw with it (control characters
    and line or paragraph separators are never drawn; a face that would draw only white space, such
    as the line breaks between block elements, draws nothing and is left out)."""
    found: dict[Face, set[str]] = {}
    for (families, weight), characters in drawn_text(documents, stylesheets).items():
        face = matching_face(families, weight, faces)
        if face is not None:
            found.setdefault(face, set()).update(characters)
    cleaned = {face: frozenset(_NOT_DRAWN.sub("", "".join(chars))) for face, chars in found.items()}
    return {face: chars for face, chars in cleaned.items() if not "".join(chars).isspace() and chars}
