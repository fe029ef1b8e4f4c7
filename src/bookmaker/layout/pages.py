"""Page presets for the print rendition (trim sizes in millimetres, Korean names included)."""

from __future__ import annotations

from dataclasses import dataclass

from bookmaker.errors import UsageError


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A trim size and its margins; ``inner`` is the spine side (wider than ``outer``)."""

    name: str
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    inner_mm: float
    outer_mm: float


# name: (width, height, top, bottom, inner, outer)
_PRESETS: dict[str, tuple[float, float, float, float, float, float]] = {
    "a5": (148, 210, 18, 22, 20, 15),  # 국판
    "sinkuk": (152, 225, 20, 24, 21, 16),  # 신국판
    "46": (128, 188, 16, 20, 18, 13),  # 46판 (사륙판)
    "crown": (176, 248, 22, 26, 23, 18),  # 크라운판
    "b5": (182, 257, 22, 26, 23, 18),  # B5 (JIS B5 is the Korean B5): reports
    "46bae": (188, 257, 22, 26, 23, 18),  # 4×6배판 (사륙배판): magazines, reports
    "a4": (210, 297, 25, 30, 28, 22),
    "b4": (257, 364, 20, 22, 18, 18),  # 신문·B4 (JIS B4)
    "letter": (215.9, 279.4, 24, 29, 27, 21),
}
ALIASES = {
    "국판": "a5",
    "신국판": "sinkuk",
    "46판": "46",
    "사륙판": "46",
    "크라운판": "crown",
    "4×6배판": "46bae",
    "46배판": "46bae",
    "사륙배판": "46bae",
}
# --print-ready: the bleed round the trim, and the slug beyond it where the crop marks and the
# registration crosses are drawn (WeasyPrint draws them in the outer half of its CSS ``bleed``)
BLEED_MM = 3.0
SLUG_MM = 10.0


def page_names() -> list[str]:
    """The preset names accepted by ``--page-size``."""
    return [*_PRESETS, *ALIASES]


def page_spec(name: str = "a5", margins: str | None = None) -> PageSpec:
    """Look up a preset by name (case-insensitive, Korean names accepted), optionally with margins."""
    key = ALIASES.get(name, name.lower())
    if key not in _PRESETS:
        raise UsageError(f"unknown page size {name!r}; choose one of: {', '.join(page_names())}")
    spec = PageSpec(key, *_PRESETS[key])
    return with_margins(spec, margins) if margins else spec


def with_margins(spec: PageSpec, margins: str) -> PageSpec:
    """``--margins TOP,BOTTOM,INNER,OUTER`` in mm (one value: all four; two: vertical,horizontal)."""
    try:
        values = [float(part) for part in margins.replace(" ", "").split(",")]
    except ValueError:
        raise UsageError(f"--margins takes millimetres TOP,BOTTOM,INNER,OUTER; got {margins!r}") from None
    if len(values) == 1:
        values *= 4
    elif len(values) == 2:
        values = [values[0], values[0], values[1], values[1]]
    if len(values) != 4 or any(v < 0 for v in values):
        raise UsageError(f"--margins takes 1, 2 or 4 non-negative numbers (mm); got {margins!r}")
    top, bottom, inner, outer = values
    if inner + outer >= spec.width_mm - 40 or top + bottom >= spec.height_mm - 40:
        raise UsageError(f"--margins {margins!r} leave too little room on a {spec.name} page")
    return PageSpec(spec.name, spec.width_mm, spec.height_mm, top, bottom, inner, outer)
