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
    "a4": (210, 297, 25, 30, 28, 22),
    "letter": (215.9, 279.4, 24, 29, 27, 21),
}
ALIASES = {"국판": "a5", "신국판": "sinkuk", "46판": "46", "사륙판": "46", "크라운판": "crown"}


def page_names() -> list[str]:
    """The preset names accepted by ``--page-size``."""
    return [*_PRESETS, *ALIASES]


def page_spec(name: str = "a5") -> PageSpec:
    """Look up a preset by name (case-insensitive, Korean names accepted)."""
    key = ALIASES.get(name, name.lower())
    if key not in _PRESETS:
        raise UsageError(f"unknown page size {name!r}; choose one of: {', '.join(page_names())}")
    return PageSpec(key, *_PRESETS[key])
