"""Print-side paragraph setting: each body paragraph broken by the total-fit breaker.

WeasyPrint breaks greedily and stretches only spaces. Here every line of a paragraph is chosen in
advance (measured with HarfBuzz on the very face WeasyPrint embeds) and emitted as its own
block (``span.ln``, ``display: block``) with ``text-align-last: justify``, a per-line
``letter-spacing`` (±4 %) and ``word-spacing``; WeasyPrint only absorbs the last fraction of a point.
Lines never wrap inside (``white-space: nowrap``), so a word is never split. As the paragraph's lines
are blocks, its orphans and widows (2) are kept by the stylesheet: no page break after the first line
or before the last.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from bookmaker.errors import UsageError
from bookmaker.fonts.faces import SANS, SERIF
from bookmaker.fonts.shaping import Shaper, shaper
from bookmaker.korean.linebreak import BREAK_STYLES, BreakStyle, Line, Tuning, set_paragraph
from bookmaker.layout.pages import PageSpec

if TYPE_CHECKING:
    from bookmaker.layout.style import Style

PT_PER_MM = 72 / 25.4
BODY_FONT = SERIF.family
CAPTION_FONT = SANS.family


def break_style_of(name: str) -> BreakStyle:
    """Validate a ``--break-style`` value."""
    if name not in BREAK_STYLES:
        raise UsageError(f"--break-style takes one of {', '.join(BREAK_STYLES)}; got {name!r}")
    return "syllable" if name == "syllable" else "word"


@dataclass(frozen=True, slots=True)
class Typescale:
    """Body type settings shared by the stylesheet and the line breaker."""

    body_pt: float = 10.0
    line_height: float = 1.7
    indent_em: float = 1.0
    quote_pt: float = 9.5
    quote_indent_em: float = 1.5  # blockquote left margin, in quote em
    body_font: str = BODY_FONT
    heading_font: str = SANS.family
    list_indent_em: float = 1.5  # ul/ol left margin, in body em
    caption_pt: float = 8.0


@dataclass(slots=True)
class PrintLayout:
    """Sets paragraphs for one page preset."""

    page: PageSpec
    scale: Typescale = field(default_factory=Typescale)
    tune: Tuning = field(default_factory=Tuning)
    columns: int = 1
    column_gap_mm: float = 5.0
    justify: bool = True
    break_style: BreakStyle = "word"  # "syllable": very long words may break between syllables

    @classmethod
    def for_style(
        cls, style: Style, page: PageSpec | None = None, *, break_style: BreakStyle = "word"
    ) -> PrintLayout:
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
            break_style=break_style,
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

    def _shaper(self, family: str | None = None) -> Shaper:
        return shaper(family or self.scale.body_font)

    def lines(
        self,
        text: str,
        *,
        indent: bool,
        size_pt: float | None = None,
        inset_pt: float = 0.0,
        family: str | None = None,
    ) -> list[Line]:
        """The lines of one paragraph at ``size_pt`` in a column narrowed by ``inset_pt``."""
        size = size_pt or self.scale.body_pt
        face = self._shaper(family)
        width_em = (self.measure_pt - inset_pt) / size
        first = self.scale.indent_em if indent else 0.0
        return set_paragraph(text, face.width, face.space(), width_em, first, self.tune, self.break_style)

    def paragraph(self, text: str, *, indent: bool = True) -> Markup:
        """HTML for the inside of a body ``<p>``."""
        return _markup(self.lines(text, indent=indent and self.scale.indent_em > 0), indent, self.justify)

    def quote(self, text: str) -> Markup:
        """HTML for the inside of a block quotation's ``<p>``."""
        inset = self.scale.quote_indent_em * self.scale.quote_pt
        lines = self.lines(text, indent=False, size_pt=self.scale.quote_pt, inset_pt=inset)
        return _markup(lines, False, self.justify)

    def item(self, text: str) -> Markup:
        """HTML for the inside of a list item's ``<li>``."""
        inset = self.scale.list_indent_em * self.scale.body_pt
        return _markup(self.lines(text, indent=False, inset_pt=inset), False, self.justify)

    def caption(self, text: str, credit: str | None = None) -> Markup:
        """HTML for the inside of a ``<figcaption>``: caption then credit, set together in Gothic."""
        full = f"{text} {credit}" if credit else text
        lines = self.lines(full, indent=False, size_pt=self.scale.caption_pt, family=CAPTION_FONT)
        tail = len(" ".join(full.split())) - len(" ".join(credit.split())) if credit else None
        return _markup(lines, False, self.justify, tail)


def _markup(lines: list[Line], indent: bool, justify: bool = True, credit_at: int | None = None) -> Markup:
    """One ``span.ln`` per line; text from offset ``credit_at`` (of the single-spaced text) is the credit."""
    parts = []
    offset = 0
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
        text = _credit(line.text, offset, credit_at)
        parts.append(f'<span class="{" ".join(classes)}"{style}>{text}</span>')
        offset += len(line.text) + (1 if line.space_after else 0)
    return Markup("".join(parts))


def _credit(text: str, offset: int, credit_at: int | None) -> Markup:
    """``text`` escaped, the part at or after ``credit_at`` wrapped in ``span.credit``."""
    if credit_at is None or offset + len(text) <= credit_at:
        return escape(text)
    cut = max(credit_at - offset, 0)
    return escape(text[:cut]) + Markup('<span class="credit">') + escape(text[cut:]) + Markup("</span>")
