"""Print-side paragraph setting: each paragraph broken by the total-fit breaker.

WeasyPrint breaks greedily and stretches only spaces. Here every line of a paragraph is chosen in
advance (measured with HarfBuzz on the very faces WeasyPrint embeds) and emitted as its own
block (``span.ln``, ``display: block``) with ``text-align-last: justify``, a per-line
``letter-spacing`` (±2 %, kept off Latin letters and digits by ``span.nt``), ``word-spacing`` and,
when it ends with ``.`` ``,`` ``”`` ``’`` or ``)``, a negative right margin the mark hangs into;
WeasyPrint only absorbs the last fraction of a point. Lines never wrap inside
(``white-space: nowrap``). As the paragraph's lines are blocks, its orphans and widows (2) are kept
by the stylesheet: no page break after the first line or before the last.

A paragraph is a list of :class:`~bookmaker.korean.linebreak.Run` (text in one face and size, with
a CSS class); :meth:`PrintLayout.set_runs` returns its lines with each run's text in a span of its
class, or in the markup ``tags`` given for it (IR inline runs: :mod:`bookmaker.layout.print_runs`).
Plain text is one run (:meth:`PrintLayout.paragraph`).
Run faces: ``body`` (the block's own face), ``bold``, ``serif``, ``serif-bold`` (Myeongjo),
``sans``, ``sans-bold`` (the heading face), ``mono``; sizes are relative to the block's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup, escape

from bookmaker.errors import UsageError
from bookmaker.fonts.faces import MONO, SANS, SERIF
from bookmaker.fonts.shaping import Shaper, shaper
from bookmaker.korean.hyphenation import hyphenation_language
from bookmaker.korean.linebreak import (
    BREAK_STYLES,
    BreakStyle,
    Line,
    Run,
    Tuning,
    set_runs,
    tracking_jump,
    untracked_spans,
    widest_gap,
    word_splits,
)
from bookmaker.korean.ragged import set_ragged
from bookmaker.layout.pages import PageSpec
from bookmaker.layout.print_headline import ZERO_WIDTH_SPACE, headline_lines, set_headline

if TYPE_CHECKING:
    from bookmaker.layout.style import Style

PT_PER_MM = 72 / 25.4
MIN_COLUMN_EM = 24.0  # auto columns: none narrower than this many body em
MAX_COLUMNS = 3
SPLIT_BUDGET = 0.027  # a document breaks inside words at most at this share of its line breaks (#21: 3 %) ...
LEGAL_MARGIN = 0.01  # ... where set whole they keep within the breaker's loose limit + this
BODY_FONT = SERIF.family
CAPTION_FONT = SANS.family


def break_style_of(name: str) -> BreakStyle:
    """Validate a ``--break-style`` value."""
    for style in BREAK_STYLES:
        if name == style:
            return style
    raise UsageError(f"--break-style takes one of {', '.join(BREAK_STYLES)}; got {name!r}")


@dataclass(frozen=True, slots=True)
class Typescale:
    """Body type settings shared by the stylesheet and the line breaker."""

    body_pt: float = 10.0
    title_pt: float = 17.0
    line_height: float = 1.7
    indent_em: float = 1.0
    quote_pt: float = 9.5
    quote_indent_em: float = 1.5  # blockquote left margin, in quote em
    body_font: str = BODY_FONT
    heading_font: str = SANS.family
    list_indent_em: float = 1.5  # ul/ol left margin, in body em
    caption_pt: float = 8.0


Setting = tuple[tuple[Run, ...], tuple[str, str], float, float, Tuning, BreakStyle, str | None]
"""A paragraph's setting: :func:`paragraph_lines`' arguments."""


@dataclass(slots=True)
class PrintLayout:
    """Sets paragraphs for one page preset."""

    page: PageSpec
    scale: Typescale = field(default_factory=Typescale)
    tune: Tuning = field(default_factory=Tuning)
    columns: int = 1
    column_gap_mm: float = 5.0
    justify: bool = True
    break_style: BreakStyle = "ranked"  # "word": never inside a word; "syllable": anywhere as a last resort
    # the document's split budget (:meth:`over_budget`): line breaks (lines less paragraphs, as the
    # yardstick counts them) and splits set so far, and the paragraphs that split words (their key,
    # splits, widest gap, whether they jump in tracking)
    breaks_set: int = 0
    splits_set: int = 0
    widest: float = 0.0  # the widest gap set so far, past natural (em)
    spenders: list[tuple[Setting, int, float, bool]] = field(default_factory=list)
    whole_words: set[Setting] = field(default_factory=set)  # paragraphs set without splits
    # headlines broken after a glued ellipsis (their title and size, and how many splits setting
    # them at their spaces saves), and the headlines the budget sets at their spaces
    headline_spenders: list[tuple[tuple[str, float], int]] = field(default_factory=list)
    spaced_headlines: set[tuple[str, float]] = field(default_factory=set)

    @classmethod
    def for_style(
        cls, style: Style, page: PageSpec | None = None, *, break_style: BreakStyle = "ranked"
    ) -> PrintLayout:
        """The layout a theme's settings ask for (``page`` overrides the style's page)."""
        scale = Typescale(
            body_pt=style.body_pt,
            title_pt=style.title_pt,
            line_height=style.line_height,
            indent_em=style.indent_em,
            quote_pt=round(style.body_pt * 0.95, 2),
            body_font=style.body_font,
            heading_font=style.heading_font,
        )
        chosen = page or style.page
        columns = style.columns or auto_columns(chosen, style.body_pt, style.column_gap_mm)
        return cls(
            chosen,
            scale,
            columns=columns,
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

    def lines(
        self,
        text: str | Sequence[Run],
        *,
        indent: bool,
        size_pt: float | None = None,
        inset_pt: float = 0.0,
        family: str | None = None,
        language: str | None = None,
    ) -> list[Line]:
        """The lines of one paragraph (text or runs) at ``size_pt`` in a column narrowed by ``inset_pt``;
        a paragraph with no Hangul is set as Latin text (:func:`latin_tuning`); its English words, and
        those of a Korean paragraph's English passages, are hyphenated as a last resort (the
        dictionary from the document's ``language``,
        :func:`~bookmaker.korean.hyphenation.hyphenation_language`)."""
        runs = (Run(text),) if isinstance(text, str) else tuple(text)
        size = size_pt or self.scale.body_pt
        width_em = (self.measure_pt - inset_pt) / size
        first = self.scale.indent_em if indent else 0.0
        faces = (family or self.scale.body_font, self.scale.heading_font)
        korean = any(_HANGUL.search(run.text) for run in runs)
        tune = self.tune if korean else latin_tuning(self.tune)
        key: Setting = (runs, faces, width_em, first, tune, self.break_style, hyphenation_language(language))
        lines = _whole(key) if key in self.whole_words else paragraph_lines(*key)
        splits, widest = word_splits(lines), widest_gap(lines, tune)
        self.breaks_set += max(len(lines) - 1, 0)
        self.splits_set += splits
        self.widest = max(self.widest, widest)
        if splits:
            self.spenders.append((key, splits, widest, tracking_jump(lines, tune)))
        return list(lines)

    def headline(self, title: str, size_pt: float | None = None) -> str:
        """A headline's text with its breaks chosen (:func:`~.print_headline.set_headline`) for the
        text block at the title's size or ``size_pt``, counted in the document's split budget: a
        break after an ellipsis glued to the next word (``추워…|수도권``, a clause's end to an
        editor) is a word split to the reader of the text; a document past its budget sets the
        headline again without it where that takes no more lines (:meth:`over_budget`)."""
        face = shaper(self.scale.heading_font, 700)
        size = size_pt or self.scale.title_pt

        def measure(text: str) -> float:
            return face.width(text) * size

        key = (title, size)
        spaced = key in self.spaced_headlines
        text = set_headline(title, measure, self.text_width_pt, after_ellipses=not spaced)
        lines = headline_lines(title, measure, self.text_width_pt, after_ellipses=not spaced) or 1
        splits = text.count(ZERO_WIDTH_SPACE)
        self.breaks_set += lines - 1
        self.splits_set += splits
        if splits and not spaced:
            spaced_lines = headline_lines(title, measure, self.text_width_pt, after_ellipses=False)
            fewer = set_headline(title, measure, self.text_width_pt, after_ellipses=False)
            if spaced_lines == lines and fewer.count(ZERO_WIDTH_SPACE) < splits:
                self.headline_spenders.append((key, splits - fewer.count(ZERO_WIDTH_SPACE)))
        return text

    def over_budget(self) -> set[Setting]:
        """The paragraphs to set again without splits so that the document's splits stay within
        :data:`SPLIT_BUDGET` of its line breaks (lines less paragraphs, as the yardstick counts
        them) where that makes no tracking jump and no line looser than the document's widest gap
        or the loose limit (``loose_limit`` + :data:`LEGAL_MARGIN` wider than natural, about 0.45
        em drawn): a split is spent only where it lowers the worst line. Those whose splits buy
        least (how much looser the widest gap would be, per split) go first. Before them, headlines
        broken after a glued ellipsis are set at their spaces in as many lines (into
        :attr:`spaced_headlines`): such a split buys only the lines' balance. The record of this
        setting is forgotten."""
        ceiling = max(self.widest, self.tune.loose_limit + LEGAL_MARGIN)
        budget = int(SPLIT_BUDGET * self.breaks_set)
        spent, spenders, headlines = self.splits_set, self.spenders, self.headline_spenders
        self.breaks_set, self.splits_set, self.widest, self.spenders = 0, 0, 0.0, []
        self.headline_spenders = []
        dropped: set[Setting] = set()
        if spent <= budget:
            return dropped  # within budget: no paragraph is set whole to find out what that costs
        for title, fewer in headlines:
            if spent > budget and title not in self.spaced_headlines:
                self.spaced_headlines.add(title)
                spent -= fewer
        givers: list[tuple[Setting, int, float, float]] = []  # … and how wide its widest gap set whole
        for key, splits, widest, jumped in spenders:
            alone, tune = _whole(key), key[4]
            if word_splits(alone) < splits and (jumped or not tracking_jump(alone, tune)):
                givers.append((key, splits, widest, widest_gap(alone, tune)))
        for key, splits, _, looser in sorted(givers, key=lambda s: (s[3] - s[2]) / s[1]):
            if spent <= budget:
                break
            if key not in dropped and looser <= ceiling:
                dropped.add(key)
                spent -= splits
        return dropped

    def set_runs(
        self,
        runs: Sequence[Run],
        *,
        kind: BlockKind = "paragraph",
        indent: bool = False,
        inset_pt: float = 0.0,
        tags: Sequence[tuple[str, str]] | None = None,
        language: str | None = None,
    ) -> Markup:
        """HTML for the inside of a block of ``kind`` made of ``runs``: one ``span.ln`` per line,
        each run's text in a span of its ``css_class`` (runs without one stay bare), or between the
        opening and closing markup ``tags[i]`` of run ``i`` when given. ``inset_pt``: the block is
        that much narrower than a block of its kind (a nested list, a list in a quotation);
        ``language``: the document's (see :meth:`lines`)."""
        if kind == "quote":
            inset = self.scale.quote_indent_em * self.scale.quote_pt + inset_pt
            lines = self.lines(
                runs, indent=False, size_pt=self.scale.quote_pt, inset_pt=inset, language=language
            )
        elif kind == "item":
            inset = self.scale.list_indent_em * self.scale.body_pt + inset_pt
            lines = self.lines(runs, indent=False, inset_pt=inset, language=language)
        elif kind == "caption":
            lines = self.lines(
                runs,
                indent=False,
                size_pt=self.scale.caption_pt,
                family=CAPTION_FONT,
                inset_pt=inset_pt,
                language=language,
            )
        else:
            indent = indent and self.scale.indent_em > 0
            lines = self.lines(runs, indent=indent, inset_pt=inset_pt, language=language)
        return _markup(lines, runs, indent and kind == "paragraph", self.justify, tags)

    def cell(
        self,
        runs: Sequence[Run],
        *,
        width_pt: float,
        size_pt: float,
        family: str,
        tags: Sequence[tuple[str, str]] | None = None,
    ) -> Markup:
        """HTML for the inside of a table cell ``width_pt`` wide set in ``family`` at ``size_pt``:
        ragged-right lines (:func:`~bookmaker.korean.ragged.set_ragged`), words cut only where
        the ranked opportunities allow when one is wider than the cell."""

        shapers = {run.face: _face(run.face, family, self.scale.heading_font) for run in runs}

        def measure(part: str, run: Run) -> float:
            return shapers[run.face].width(part) * run.size

        space = shaper(family).space()
        lines = set_ragged(runs, measure, space, width_pt / size_pt, self.tune, self.break_style)
        return _markup(lines, runs, False, False, tags)

    def paragraph(self, text: str, *, indent: bool = True) -> Markup:
        """HTML for the inside of a body ``<p>``."""
        return self.set_runs([Run(text)], indent=indent)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN_SPACE_SHRINK = 0.10
"""A paragraph without Hangul (an English article's) lets a word gap shrink by at most this much
(a third of the serif's 0.31 em space, as in Latin typesetting): the Korean limit (0.15 em) leaves
English words nearly touching."""


def latin_tuning(tune: Tuning) -> Tuning:
    """``tune`` for a paragraph of Latin text: word gaps shrink less."""
    shrink = min(tune.max_space_shrink, LATIN_SPACE_SHRINK)
    return replace(
        tune, max_space_shrink=shrink, soft_space_shrink=min(tune.soft_space_shrink, shrink * 2 / 3)
    )


def auto_columns(page: PageSpec, body_pt: float, gap_mm: float) -> int:
    """As many columns (at most :data:`MAX_COLUMNS`) as keep each ≥ :data:`MIN_COLUMN_EM` body em wide."""
    width = (page.width_mm - page.inner_mm - page.outer_mm) * PT_PER_MM
    gap = gap_mm * PT_PER_MM
    fit = int((width + gap) // (MIN_COLUMN_EM * body_pt + gap))
    return max(1, min(MAX_COLUMNS, fit))


def _whole(key: Setting) -> tuple[Line, ...]:
    """The paragraph of ``key`` set with no word split (:meth:`PrintLayout.over_budget`)."""
    return paragraph_lines(*key[:4], replace(key[4], split_words=False), *key[5:])


@lru_cache(maxsize=2048)
def paragraph_lines(
    runs: tuple[Run, ...],
    faces: tuple[str, str],
    width_em: float,
    first: float,
    tune: Tuning,
    style: BreakStyle,
    hyphenate: str | None = None,
) -> tuple[Line, ...]:
    """The lines of a paragraph of ``runs`` in a block set in ``faces`` (its own family, the heading
    family) ``width_em`` wide, the first line ``first`` em narrower, its English words hyphenated
    with the pyphen dictionary ``hyphenate`` as a last resort. Kept for the paragraph's next
    setting in this process (a preview's rebuild sets again only the paragraphs an edit changed)."""
    base, heading = faces
    shapers = {run.face: _face(run.face, base, heading) for run in runs}

    def measure(part: str, run: Run) -> float:
        return shapers[run.face].width(part) * run.size

    space = shaper(base).space()
    return tuple(set_runs(runs, measure, space, width_em, first, tune, style, hyphenate=hyphenate))


def _face(key: str, family: str, heading: str) -> Shaper:
    """The shaper of a run's face key within a block set in ``family``."""
    weight = 700 if key.endswith("bold") else 400
    if key.startswith("sans"):
        return shaper(heading, weight)
    if key.startswith("serif"):
        return shaper(BODY_FONT, weight)
    if key == "mono":
        return shaper(MONO.family)
    return shaper(family, weight)


BlockKind = Literal["paragraph", "quote", "item", "caption"]
_SPACES = re.compile(r"\s+")


def _markup(
    lines: list[Line],
    runs: Sequence[Run],
    indent: bool,
    justify: bool = True,
    tags: Sequence[tuple[str, str]] | None = None,
) -> Markup:
    """One ``span.ln`` per line; inside, each run's part in a span of its class (or its ``tags``),
    and where the line is letter-spaced, Latin letters and digits in ``span.nt`` (no letter-spacing)."""
    parts = []
    text = "".join(run.text for run in runs)
    for number, line in enumerate(lines):
        classes = ["ln"]
        if number == 0 and indent:
            classes.append("ind")
        if not justify:  # ragged right: keep only the shrinking that makes a line fit, hang nothing
            line = replace(
                line,
                letter_spacing=min(line.letter_spacing, 0.0),
                word_spacing=min(line.word_spacing, 0.0),
                beside_margin=line.beside_margin if line.word_spacing < 0 else 0.0,  # none kept: no loss
                hang=0.0,
            )
        if line.last or line.ragged or not justify:
            classes.append("end")
        styles = []
        if line.letter_spacing or line.word_spacing:
            styles.append(
                f"letter-spacing:{line.letter_spacing:.4f}em;word-spacing:{line.word_spacing:.4f}em"
            )
        if line.hang and not line.last:
            styles.append(f"margin-right:-{line.hang:.4f}em")
        style = f' style="{";".join(styles)}"' if styles else ""
        inner = _line_content(
            text, runs, line.start, line.end, bool(line.letter_spacing), tags, line.hyphen, line.beside_margin
        )
        parts.append(f'<span class="{" ".join(classes)}"{style}>{inner}</span>')
    return Markup("".join(parts))


def _line_content(
    text: str,
    runs: Sequence[Run],
    start: int,
    end: int,
    tracked: bool,
    tags: Sequence[tuple[str, str]] | None = None,
    hyphen: str = "",
    margin: float = 0.0,
) -> Markup:
    """``text[start:end]`` (white space as single spaces) with each run's part in its class's span
    or between its ``tags``; the ``hyphen`` after the last part, inside its run's markup (never
    letter-spaced: the breaker counts it at its own width); a Latin letters' or digits' span
    takes ``margin`` on each side where it meets a space inside the line
    (:func:`~bookmaker.korean.linebreak.kept_open`)."""
    out = Markup("")
    offset = 0
    for index, run in enumerate(runs):
        lo, hi = max(start, offset), min(end, offset + len(run.text))
        offset += len(run.text)
        if lo >= hi:
            continue
        part = _SPACES.sub(" ", text[lo:hi])
        inner = _untracked(part, _margins(text, lo, hi, start, end, margin)) if tracked else escape(part)
        if hyphen and hi == end:
            inner += Markup(f'<span class="nt">{escape(hyphen)}</span>') if tracked else escape(hyphen)
        if tags is not None:
            out += Markup(tags[index][0]) + inner + Markup(tags[index][1])
        else:
            out += Markup(f'<span class="{escape(run.css_class)}">{inner}</span>') if run.css_class else inner
    return out


def _margins(text: str, lo: int, hi: int, start: int, end: int, margin: float) -> dict[int, str]:
    """The ``margin`` styles of the Latin letters' and digits' spans of ``text[lo:hi]`` in a line
    ``text[start:end]`` (:func:`_line_content`), keyed by each span's start in ``text[lo:hi]``
    with white space made single."""
    if not margin:
        return {}
    styles: dict[int, str] = {}
    part = _SPACES.sub(" ", text[lo:hi])
    offsets = [at for at in range(lo, hi) if at == lo or not (text[at].isspace() and text[at - 1].isspace())]
    for first, last in untracked_spans(part):
        left, right = offsets[first], offsets[last - 1] + 1
        style = []
        if left - 2 >= start and text[left - 1].isspace():
            style.append(f"margin-left:{margin:.4f}em")
        if right + 1 < end and text[right].isspace():
            style.append(f"margin-right:{margin:.4f}em")
        if style:
            styles[first] = ";".join(style)
    return styles


def _untracked(text: str, styles: dict[int, str] | None = None) -> Markup:
    """``text`` escaped, its Latin letters and digits in ``span.nt`` (with ``styles[start]`` as the
    style of the span starting at ``start``, where given)."""
    out = Markup("")
    last = 0
    for lo, hi in untracked_spans(text):
        style = (styles or {}).get(lo)
        tag = Markup('<span class="nt" style="{}">').format(style) if style else Markup('<span class="nt">')
        out += escape(text[last:lo]) + tag + escape(text[lo:hi]) + Markup("</span>")
        last = hi
    return out + escape(text[last:])
