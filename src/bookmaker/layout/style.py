"""The effective style of a build: theme + user templates + validated settings (``--set`` knobs).

Precedence, lowest first: the theme's manifest defaults (its ancestors' below its own), the
``--templates`` folder's manifest defaults, then each settings layer handed to
:func:`resolve_style` in order — the pipeline passes the document's front matter, then the
command line. A collection builder calls :func:`resolve_style` the same way with its book file's
settings as a layer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bookmaker.errors import BookmakerError, UsageError
from bookmaker.fonts import faces
from bookmaker.fonts.discovery import find_face
from bookmaker.layout.pages import PageSpec, page_names, page_spec
from bookmaker.layout.themes import DEFAULT_THEME, MANIFEST, Theme, get_theme, read_manifest, setting_text

SERIF = faces.SERIF.family
SANS = faces.SANS.family
FONT_ALIASES = {
    "serif": SERIF,
    "myeongjo": SERIF,
    "명조": SERIF,
    "바탕": SERIF,
    "sans": SANS,
    "sans-serif": SANS,
    "gothic": SANS,
    "고딕": SANS,
    "돋움": SANS,
}
_ON = {"on", "true", "yes", "1"}
_OFF = {"off", "false", "no", "0"}


def _number(key: str, text: str, low: float, high: float, unit: str = "") -> float:
    cleaned = text.strip().lower().removesuffix(unit) if unit else text.strip()
    try:
        value = float(cleaned)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # NaN fails too
        raise UsageError(f"setting {key} takes a number from {low:g} to {high:g}{unit}; got {text!r}")
    return value


def _font(key: str, text: str) -> str:
    family = FONT_ALIASES.get(text.strip().lower(), text.strip())
    try:
        find_face(family)
    except BookmakerError:
        raise UsageError(
            f"setting {key}: font {text!r} is not installed; try {SERIF!r} (serif) or {SANS!r} (sans)"
        ) from None
    return family


def _switch(key: str, text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _ON:
        return True
    if lowered in _OFF:
        return False
    raise UsageError(f"setting {key} takes on or off; got {text!r}")


AUTO_COLUMNS = 0  # Style.columns when the count follows the measure (print_layout.auto_columns)


def _columns(key: str, text: str) -> int:
    if text.strip().lower() == "auto":
        return AUTO_COLUMNS
    if text.strip() not in ("1", "2", "3"):
        raise UsageError(f"setting {key} takes 1, 2, 3 or auto; got {text!r}")
    return int(text)


def _page(key: str, text: str) -> str:
    page_spec(text)  # raises with the list of presets
    return text


def _margins(key: str, text: str) -> str:
    if not re.fullmatch(r"\s*[\d.]+(\s*,\s*[\d.]+){0,3}\s*", text):
        raise UsageError(
            f"setting {key} takes millimetres TOP,BOTTOM,INNER,OUTER (1, 2 or 4 numbers); got {text!r}"
        )
    return text


# key: (parser, what it means) — the table of --set knobs
KNOBS: dict[str, tuple[Callable[[str, str], object], str]] = {
    "font-size": (lambda k, v: _number(k, v, 6, 16, "pt"), "body size in points (6–16)"),
    "line-height": (
        lambda k, v: _number(k, v, 1.0, 2.5),
        "body line height, a multiple of the size (1.0–2.5)",
    ),
    "body-font": (_font, "body face, an installed family; serif/명조 or sans/고딕 for Noto CJK KR"),
    "heading-font": (_font, "face of titles, headings, captions and running heads"),
    "title-size": (lambda k, v: _number(k, v, 8, 48, "pt"), "printed headline size in points (8–48)"),
    "page-size": (_page, "print page preset: " + ", ".join(page_names())),
    "margins": (_margins, "print margins in mm: TOP,BOTTOM,INNER,OUTER"),
    "columns": (
        _columns,
        "print text columns (1–3, or auto: as many as keep each column ≥ 24 em, at most 3); "
        "the EPUB stays single-column",
    ),
    "indent": (lambda k, v: _number(k, v, 0, 4, "em"), "first-line indent of paragraphs in em (0–4)"),
    "justify": (_switch, "justified body text: on or off"),
}


EPUB_IGNORES = ("font-size", "title-size", "columns")  # print-only knobs a reader might expect in the EPUB


def knob_key(key: str) -> str:
    """``font_size`` / ``Font-Size`` → ``font-size``; unknown keys are a usage error."""
    normal = key.strip().lower().replace("_", "-")
    if normal not in KNOBS:
        raise UsageError(f"unknown setting {key!r}; known keys: {', '.join(KNOBS)}")
    return normal


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["font-size=9.5", "justify=off"]`` → a settings layer (keys checked, values later)."""
    layer: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not value.strip():
            raise UsageError(f"--set takes KEY=VALUE; got {item!r} (keys: {', '.join(KNOBS)})")
        layer[knob_key(key)] = value.strip()
    return layer


@dataclass(frozen=True, slots=True)
class Style:
    """Everything layout needs beyond the IR: templates to search and resolved typography."""

    theme: Theme
    templates: Path | None = None
    page: PageSpec = field(default_factory=lambda: page_spec("a5"))
    body_pt: float = 10.0
    title_pt: float = 17.0
    line_height: float = 1.7
    body_font: str = SERIF
    heading_font: str = SANS
    columns: int = 1  # AUTO_COLUMNS: chosen from the measure
    column_gap_mm: float = 5.0
    indent_em: float = 1.0
    justify: bool = True
    explicit: frozenset[str] = frozenset()
    """Keys set above the theme's own defaults (the EPUB stylesheet restates only these)."""

    @property
    def name(self) -> str:
        """The theme's name."""
        return self.theme.name

    def folders(self) -> list[Path]:
        """Template folders searched, nearest first: the user's, then the theme's lineage."""
        return [*([self.templates] if self.templates else []), *self.theme.folders()]

    def epub_ignored(self) -> list[str]:
        """The settings given for this build that the EPUB does not apply, with why: a reading
        system sets its own text size (the reader's choice) and a single column."""
        ignored = [key for key in EPUB_IGNORES if key in self.explicit]
        if not ignored:
            return []
        return [
            f"the EPUB ignores --set {' and '.join(ignored)} (reading systems size the text and lay out"
            " one column as the reader chooses); they apply to the PDF"
        ]

    @property
    def sans_body(self) -> bool:
        """Whether the body is set in the Gothic (sans) face."""
        return self.body_font == SANS


def _user_manifest(templates: Path | None) -> tuple[str | None, dict[str, str]]:
    if templates is None:
        return None, {}
    if not templates.is_dir():
        raise UsageError(f"--templates {templates}: no such folder")
    path = templates / MANIFEST
    if not os.path.lexists(path):
        return None, {}
    if templates.resolve() not in path.resolve().parents:
        raise UsageError(f"{path}: leads out of the templates folder; refused")
    manifest = read_manifest(path)
    return manifest.extends, dict(manifest.defaults)


def resolve_style(
    theme: str | None = None,
    templates: Path | None = None,
    *layers: Mapping[str, object] | None,
) -> Style:
    """The effective style: ``theme`` (default: the templates folder's ``extends``, else ``book``)
    with its defaults, then the ``templates`` folder's defaults, then ``layers`` in order.

    Layer keys are ``--set`` keys (``_`` or ``-``); values are text, numbers or booleans. Unknown
    keys and bad values raise :class:`UsageError` naming the key and what it takes.
    """
    base, user_defaults = _user_manifest(templates)
    chosen = get_theme(theme or base or DEFAULT_THEME)
    values: dict[str, str] = {}
    for key, value in chosen.merged_defaults().items():
        values[knob_key(key)] = value
    explicit: set[str] = set()
    for layer in (user_defaults, *(layer or {} for layer in layers)):
        for key, setting in layer.items():
            normal = knob_key(str(key))
            values[normal] = setting_text(setting)
            explicit.add(normal)
    parsed = {key: KNOBS[key][0](key, text) for key, text in values.items()}
    page = page_spec(str(parsed.get("page-size", "a5")), parsed.get("margins"))  # type: ignore[arg-type]
    defaults = Style(theme=chosen)
    return Style(
        theme=chosen,
        templates=templates.resolve() if templates else None,
        page=page,
        body_pt=float(parsed.get("font-size", defaults.body_pt)),  # type: ignore[arg-type]
        title_pt=float(parsed.get("title-size", defaults.title_pt)),  # type: ignore[arg-type]
        line_height=float(parsed.get("line-height", defaults.line_height)),  # type: ignore[arg-type]
        body_font=str(parsed.get("body-font", defaults.body_font)),
        heading_font=str(parsed.get("heading-font", defaults.heading_font)),
        columns=int(parsed.get("columns", defaults.columns)),  # type: ignore[call-overload]
        indent_em=float(parsed.get("indent", defaults.indent_em)),  # type: ignore[arg-type]
        justify=bool(parsed.get("justify", defaults.justify)),
        explicit=frozenset(explicit),
    )


@cache
def default_style(theme: str = DEFAULT_THEME) -> Style:
    """A theme with its own defaults only."""
    return resolve_style(theme)
