"""The report theme's cover page: its sizes (the theme's print CSS reads them from here), and the
space above its label, which gives way when a long title and summary need the page.

The credits stand at the cover's foot (absolutely placed); WeasyPrint does not shrink flex items,
so the space above is chosen here from the text's estimated height; a title too long even then is
set smaller, and a cover that cannot hold its text at all flows as an ordinary block (its credits
follow the summary)."""

from __future__ import annotations

from dataclasses import dataclass

from bookmaker.fonts.shaping import shaper
from bookmaker.ir import Meta
from bookmaker.layout.pages import PageSpec
from bookmaker.layout.print_headline import headline_lines
from bookmaker.layout.print_layout import PT_PER_MM, PrintLayout


@dataclass(frozen=True, slots=True)
class CoverSizes:
    """The cover's sizes, in the units their names say."""

    top_mm: float = 40.0  # the space above the label, at most
    least_top_mm: float = 4.0  # ... and at least
    label_pt: float = 11.0
    label_gap_mm: float = 6.0
    title_leading: float = 1.35
    title_gap_mm: float = 10.0  # below the title's rule
    title_rule_mm: float = 6.0  # between the title and its rule
    summary_pt: float = 12.0
    summary_leading: float = 1.6
    summary_gap_mm: float = 1.5
    credits_pt: float = 10.0
    credits_leading: float = 1.7
    credits_gap_mm: float = 4.0
    publisher_pt: float = 13.0
    publisher_gap_mm: float = 2.0
    slack_mm: float = 4.0  # between the summary and the credits, at least
    box_shortfall_mm: float = 2.0  # the cover is this much shorter than the text block

    def box_mm(self, page: PageSpec) -> float:
        """The cover's height on ``page``."""
        return page.height_mm - page.top_mm - page.bottom_mm - self.box_shortfall_mm


COVER = CoverSizes()


def wrapped_lines(text: str, size_pt: float, width_pt: float, family: str, weight: int = 400) -> int:
    """How many lines ``text`` takes wrapped at its spaces in a box ``width_pt`` wide (a word wider
    than the box takes the lines it fills)."""
    face = shaper(family, weight)
    space = face.width(" ") * size_pt
    lines, used = 1, 0.0
    for word in text.split():
        width = face.width(word) * size_pt
        if used and used + space + width > width_pt:
            lines, used = lines + 1, 0.0
        used += (space if used else 0.0) + width
        while used > width_pt:
            lines, used = lines + 1, used - width_pt
    return lines


@dataclass(frozen=True, slots=True)
class CoverFit:
    """How the cover holds its text: the space above its label (None: the cover flows, its credits
    after the summary) and its title's size."""

    top_mm: float | None
    title_pt: float


TITLE_SCALES = (1.0, 0.85, 0.72)  # a long title is set smaller before the cover gives up its foot


def cover_fit(meta: Meta, layout: PrintLayout, sizes: CoverSizes = COVER) -> CoverFit:
    """The space above the cover's label: :attr:`CoverSizes.top_mm`, less what the text needs, at
    the title's own size or, when even :attr:`CoverSizes.least_top_mm` leaves too little room, a
    smaller one (:data:`TITLE_SCALES`); a cover that holds its text at none of them flows."""
    room = sizes.box_mm(layout.page) * PT_PER_MM - _rest(meta, layout, sizes)
    for scale in TITLE_SCALES:
        title_pt = round(layout.scale.title_pt * scale, 1)
        top = min(sizes.top_mm, (room - _title(meta, layout, title_pt, sizes)) / PT_PER_MM)
        if top >= sizes.least_top_mm:
            return CoverFit(round(top, 1), title_pt)
    return CoverFit(None, title_pt)


def _title(meta: Meta, layout: PrintLayout, title_pt: float, sizes: CoverSizes) -> float:
    """The title's estimated height in pt with its rule, at ``title_pt``."""
    if not meta.title or meta.title_stand_in:
        return 0.0
    width, sans = layout.text_width_pt, layout.scale.heading_font
    face = shaper(sans, 700)
    lines = headline_lines(meta.title, lambda text: face.width(text) * title_pt, width)
    lines = lines or wrapped_lines(meta.title, title_pt, width, sans, 700)
    return lines * title_pt * sizes.title_leading + (sizes.title_gap_mm + sizes.title_rule_mm) * PT_PER_MM


def _rest(meta: Meta, layout: PrintLayout, sizes: CoverSizes) -> float:
    """The estimated height in pt of the cover's other text (label, summary, credits), the space
    above its label left out."""
    width, sans = layout.text_width_pt, layout.scale.heading_font
    need = sizes.label_pt * layout.scale.line_height + sizes.label_gap_mm * PT_PER_MM  # inherited leading
    indent = 1.2 * sizes.summary_pt
    for line in meta.subtitles:
        lines = wrapped_lines(line, sizes.summary_pt, width - indent, sans)
        need += lines * sizes.summary_pt * sizes.summary_leading + sizes.summary_gap_mm * PT_PER_MM
    credits = [meta.date or ""]
    for author in meta.authors:
        credits.append(" ".join(filter(None, (author.name, author.role, author.email, *author.affiliations))))
    if meta.identifiers:
        credits.append(" · ".join(f"{i.scheme} {i.value}" for i in meta.identifiers))
    for line in filter(None, credits):
        need += wrapped_lines(line, sizes.credits_pt, width, sans) * sizes.credits_pt * sizes.credits_leading
    if meta.publisher:
        need += sizes.publisher_pt * sizes.credits_leading + sizes.publisher_gap_mm * PT_PER_MM
    return need + (sizes.credits_gap_mm + sizes.slack_mm) * PT_PER_MM
