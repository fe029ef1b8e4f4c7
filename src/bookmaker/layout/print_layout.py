"""Print-side paragraph setting: each body paragraph broken by the total-fit breaker.

WeasyPrint breaks greedily and stretches only spaces. Here every line of a paragraph is chosen in
advance (measured with HarfBuzz on the very face WeasyPrint embeds) and emitted as its own
full-width inline-block with ``text-align-last: justify``, a per-line ``letter-spacing`` (±4 %) and
``word-spacing``; WeasyPrint only absorbs the last fraction of a point. Lines never wrap inside
(``white-space: nowrap``), so a word is never split; the paragraph's line boxes stay real line boxes,
so ``orphans``/``widows`` still work.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from bookmaker.korean.fonts import Shaper, shaper
from bookmaker.korean.linebreak import Line, Tuning, set_paragraph
from bookmaker.layout.pages import PageSpec

if TYPE_CHECKING:
    from bookmaker.layout.style import Style

PT_PER_MM = 72 / 25.4
BODY_FONT = "Noto Serif CJK KR"


@dataclass(frozen=True, slots=True)
class Typescale:
    """Body type settings shared by the stylesheet and the line breaker."""

    body_pt: float = 10.0
    line_height: float = 1.7
    indent_em: float = 1.0
    quote_pt: float = 9.5
    quote_indent_em: float = 1.5  # blockquote left margin, in quote em
    body_font: str = BODY_FONT
    heading_font: str = "Noto Sans CJK KR"


@dataclass(slots=True)
class PrintLayout:
    """Sets paragraphs for one page preset."""

    page: PageSpec
    scale: Typescale = field(default_factory=Typescale)
    tune: Tuning = field(default_factory=Tuning)
    columns: int = 1
    column_gap_mm: float = 5.0
    justify: bool = True

    @classmethod
    def for_style(cls, style: Style, page: PageSpec | None = None) -> PrintLayout:
        """The layout a theme's settings ask for (``page`` overrides the style's page)."""
        scale = Typescale(
            body_pt=style.body_pt,
            line_height=style.line_height,
            indent_em=style.indent_em,
            quote_pt=round(style.body_pt * 0.95, 2),
            body_font=style.body_font,
            heading_font=style.heading_font,
        )
        return cls(
            page or style.page,
            scale,
            columns=style.columns,
            column_gap_mm=style.column_gap_mm,
            justify=style.justify,
        )

    @property
    def text_width_pt(self) -> float:
        """Width of the text block in points (trim width minus inner and outer margins)."""
        return (self.page.width_mm - self.page.inner_mm - self.page.outer_mm) * PT_PER_MM

    @property
    def measure_pt(self) -> float:
        """Width of one text column in points (the whole text block when single-column)."""
        gaps = (self.columns - 1) * self.column_gap_mm * PT_PER_MM
        return (self.text_width_pt - gaps) / self.columns

    def _shaper(self) -> Shaper:
        return shaper(self.scale.body_font)

    def lines(
        self, text: str, *, indent: bool, size_pt: float | None = None, inset_pt: float = 0.0
    ) -> list[Line]:
        """The lines of one paragraph at ``size_pt`` in a column narrowed by ``inset_pt``."""
        size = size_pt or self.scale.body_pt
        face = self._shaper()
        width_em = (self.measure_pt - inset_pt) / size
        first = self.scale.indent_em if indent else 0.0
        return set_paragraph(text, face.width, face.space(), width_em, first, self.tune)

    def paragraph(self, text: str, *, indent: bool = True) -> Markup:
        """HTML for the inside of a body ``<p>``."""
        return _markup(self.lines(text, indent=indent and self.scale.indent_em > 0), indent, self.justify)

    def quote(self, text: str) -> Markup:
        """HTML for the inside of a block quotation's ``<p>``."""
        inset = self.scale.quote_indent_em * self.scale.quote_pt
        lines = self.lines(text, indent=False, size_pt=self.scale.quote_pt, inset_pt=inset)
        return _markup(lines, False, self.justify)


def _markup(lines: list[Line], indent: bool, justify: bool = True) -> Markup:
    parts = []
    for number, line in enumerate(lines):
        classes = ["ln"]
        if number == 0 and indent:
            classes.append("ind")
        if not justify:  # ragged right: keep only the shrinking that makes a line fit
            line = replace(
                line, letter_spacing=min(line.letter_spacing, 0.0), word_spacing=min(line.word_spacing, 0.0)
            )
        if line.last or not justify:
            classes.append("end")
        style = ""
        if line.letter_spacing or line.word_spacing:
            spacing = f"letter-spacing:{line.letter_spacing:.4f}em;word-spacing:{line.word_spacing:.4f}em"
            style = f' style="{spacing}"'
        parts.append(f'<span class="{" ".join(classes)}"{style}>{escape(line.text)}</span>')
    return Markup("".join(parts))
