"""The checks behind ``bookmaker check`` and their report."""

from __future__ import annotations

import bisect
import collections
import itertools
import json
import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bookmaker.check.glyphs import embedded_glyphs, uncovered
from bookmaker.check.lines import PageInfo, TextLine, read_lines
from bookmaker.check.source import source_text
from bookmaker.check.splits import judge_splits
from bookmaker.errors import InputError
from bookmaker.fonts.discovery import cmap
from bookmaker.fonts.faces import Face, face_for
from bookmaker.korean.kinsoku import line_end_fault, line_start_fault
from bookmaker.korean.linebreak import HANGING

MM_PER_PT = 25.4 / 72
HANGUL = re.compile(r"[\uac00-\ud7a3]")
BODY_MIN_PT = 9.0
HEADING_MIN_PT = 12.5  # larger lines are headings and headlines, set ragged
LIMITS = {"bad_splits": 0, "kinsoku": 0, "overflows": 0, "overlaps": 0, "missing_glyphs": 0}  # faults: exit 1
TARGETS = {"p95_em": 0.45, "max_em": 0.8}  # looseness: said when missed (a text may allow no better)
HANG_EM = 0.45  # a line ending in hanging punctuation may reach this far past the column
EDGE_TOLERANCE_EM = 0.25  # justified lines end this close together (tracking, a trailing space)
MIN_EDGE_SHARE = 0.25  # ... and a column's edge is where at least this share of its lines end
SHORT_EDGE_EM = 3.0  # ... and on pages of one column, no further than this short of the text block


@dataclass(slots=True)
class Report:
    """Figures of one PDF; :attr:`failures` lists what exceeds :data:`LIMITS`, :attr:`notes` the
    :data:`TARGETS` missed."""

    pages: int = 0
    page_size_mm: tuple[float, float] = (0.0, 0.0)
    breaks: int | None = None
    splits: int | None = None
    split_examples: list[str] = field(default_factory=list)
    bad_splits: int | None = None
    principled_splits: int | None = None
    bad_split_examples: list[str] = field(default_factory=list)
    lines: int = 0
    p50_em: float = 0.0
    p95_em: float = 0.0
    max_em: float = 0.0
    kinsoku: int = 0
    kinsoku_examples: list[str] = field(default_factory=list)
    overflows: int = 0
    overlaps: int = 0  # rows of text drawn over one another
    overlap_examples: list[str] = field(default_factory=list)
    missing_glyphs: int = 0
    missing_examples: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    fonts_embedded: bool = True
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """The report as JSON."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """A short human-readable report."""
        width, height = self.page_size_mm
        rows = [
            f"pages           {self.pages} ({width:.1f} × {height:.1f} mm)",
            f"word splits     {self.splits if self.splits is not None else 'n/a (no --source)'}"
            f" of {self.breaks if self.breaks is not None else '-'} line breaks"
            + (
                f": {self.bad_splits} bad, {self.principled_splits} principled"
                if self.bad_splits is not None
                else ""
            ),
            f"looseness (em)  p50 {self.p50_em:.3f}  p95 {self.p95_em:.3f}  max {self.max_em:.3f}"
            f"  over {self.lines} justified lines",
            f"kinsoku faults  {self.kinsoku}",
            f"overflows       {self.overflows}",
            f"overlaps        {self.overlaps}",
            f"missing glyphs  {self.missing_glyphs}",
            f"fonts           {', '.join(self.fonts)}"
            f" ({'all embedded' if self.fonts_embedded else 'NOT embedded'})",
        ]
        examples = [f"bad split {e}" for e in self.bad_split_examples] + self.kinsoku_examples[:3]
        examples += [f"overlap p. {e}" for e in self.overlap_examples[:3]]
        examples += self.missing_examples[:3]
        rows += [f"  e.g. {example}" for example in examples]
        rows += [f"  over target: {note}" for note in self.notes]
        rows.append("result          " + ("ok" if not self.failures else "FAIL: " + "; ".join(self.failures)))
        return "\n".join(rows) + "\n"


def _norm(text: str) -> str:
    return text.replace("\u2060", "").replace("\u200b", "").replace("\u00ad", "")


def count_splits(lines: list[TextLine], source: str) -> tuple[int, list[tuple[str, str]]]:
    """(breaks, splits): a split joins the halves of one source word containing Hangul.
    ``lines`` in reading order (column by column)."""
    source = _norm(source)
    tokens = set(source.split())
    joined = " ".join(source.split())
    breaks = 0
    splits: list[tuple[str, str]] = []
    for a, b in itertools.pairwise(lines):
        if not a.text.strip() or not b.text.strip():
            continue
        left, right = a.text.split()[-1], b.text.split()[0]
        spaced, glued = f"{left} {right}", left + right
        if spaced not in joined and glued not in joined:
            continue
        breaks += 1
        if spaced in joined:
            continue
        if HANGUL.search(glued) and any(glued in token for token in tokens):
            splits.append((left, right))
    return breaks, splits


def _by_column(lines: list[TextLine]) -> dict[tuple[int, int], list[TextLine]]:
    groups: dict[tuple[int, int], list[TextLine]] = {}
    for line in lines:
        groups.setdefault((line.page, line.column), []).append(line)
    return groups


def looseness(lines: list[TextLine]) -> list[float]:
    """Mean word space (em) of every justified line: ≥ 2 spaces and ≥ 85 % of its column's widest
    line on the page (each text column measured by itself)."""
    values: list[float] = []
    for column in _by_column(lines).values():
        full = max(line.x1 - line.x0 for line in column)
        for line in column:
            if len(line.gaps) >= 2 and line.x1 - line.x0 >= 0.85 * full:
                values.append(sum(line.gaps) / len(line.gaps))
    return sorted(values)


def _body_size(lines: list[TextLine]) -> float | None:
    """The running text's size (pt, one decimal): the commonest among lines of body size or more."""
    sizes = collections.Counter(round(line.size, 1) for line in lines if line.size >= BODY_MIN_PT)
    return sizes.most_common(1)[0][0] if sizes else None


def _running(lines: list[TextLine], size: float | None) -> list[TextLine]:
    """The running text's lines among ``lines``: those of its ``size`` (all, when it is not known)."""
    return [line for line in lines if size is None or round(line.size, 1) == size]


def _edges(body: list[TextLine], size: float | None = None) -> tuple[float, float] | None:
    """(left, right) of a text column from these lines, when enough of them share a right edge;
    with ``size``, the right edge is the one lines of that size (the running text's) share: a box set
    narrower at another size (an editor's note) has lines of one right edge too, and on a short page
    they may outnumber the body's."""
    sized = _running(body, size)
    if not sized:
        return None
    ends = sorted(line.x1 for line in sized)
    em = max(line.size for line in sized)
    tolerance = EDGE_TOLERANCE_EM * em
    # how far each line reaches, its hanging punctuation not counted (as _overflows judges it)
    reach = sorted(
        line.x1 - (HANG_EM * line.size if line.text.rstrip()[-1:] in HANGING else 0.0) for line in sized
    )
    windows = sorted(
        ((bisect.bisect_left(ends, x - tolerance), bisect.bisect_right(ends, x + tolerance)) for x in ends),
        key=lambda window: window[0] - window[1],  # the most ends close together first
    )
    # ... where no more than one line in ten reaches further right, as an overflow would (ragged
    # lines that happen to end together are no edge: the column's justified lines end right of them)
    low, high = next(
        (
            w
            for w in windows
            if len(reach) - bisect.bisect_right(reach, ends[w[1] - 1] + tolerance) <= len(ends) // 10
        ),
        (0, 0),
    )
    shared = ends[low:high]
    if len(shared) < 3 or len(shared) < MIN_EDGE_SHARE * len(ends):
        return None  # a few ragged lines that happen to end together in a page of others: no edge
    return min(line.x0 for line in body), float(round(statistics.median_low(shared)))


def _columns(lines: list[TextLine], pages: list[PageInfo]) -> dict[tuple[int, int], tuple[float, float]]:
    """Each text column's (left, right) per (page, column): from all pages of the same parity (odd
    pages are right-hand pages), mirrored from the other parity when a parity has too few justified
    lines (a short last page) and no date, folio or heading there ends past the mirror, else from
    the mirror column of the same pages (a short last column of a page with even margins). The right
    edge is the running text's (lines of the body's size)."""
    width = pages[0].width if pages else 0.0
    upright = {page.number for page in pages if page.width == width}  # not a landscape table's page
    body = [line for line in lines if line.size >= BODY_MIN_PT]
    columns = sorted({line.column for line in body})
    body_size = _body_size(lines)
    found: dict[tuple[int, int], tuple[float, float] | None] = {}
    for column in columns:
        for parity in (0, 1):
            here = [ln for ln in body if ln.page % 2 == parity and ln.column == column]
            found[parity, column] = _edges(here, body_size)
            if columns == [0] and _ragged_coincidence(found[parity, column], here, width, body_size):
                found[parity, column] = None
    last = max(columns, default=0)
    for (parity, column), edge in list(found.items()):
        # a missing edge: the facing page's mirror column, else this page's (a short right column),
        # when that holds these pages' lines (ragged lines on one side mirror to nothing on the other)
        other = found.get((1 - parity, last - column)) or found.get((parity, last - column))
        if edge is None and other is not None:
            mirrored = (width - other[1], width - other[0])
            lines_here = [ln for ln in body if ln.page % 2 == parity and ln.column == column]
            marks = [
                ln
                for ln in lines
                if ln.page % 2 == parity
                and ln.page in upright
                and ln.column == ln.last_column == column
                and round(ln.size, 1) != body_size
            ]
            if _holds(mirrored, lines_here, body_size) and not _past(mirrored, marks):
                found[parity, column] = mirrored
    return {
        (page.number, column): edge
        for page in pages
        for column in columns
        if (edge := found[page.number % 2, column]) is not None
    }


def _ragged_coincidence(
    edge: tuple[float, float] | None, lines: list[TextLine], width: float, size: float | None
) -> bool:
    """Whether ``edge``, found on pages of one column, is only where a few ragged lines happen to
    end (a dictionary entry's short sense lines): it stands more than :data:`SHORT_EDGE_EM` short of
    the text block (the left margin mirrored), and a running-text line ends right of it, inside that
    block. A justified column of one per page reaches the block's side (within the difference of
    inner and outer margins), so a line past a real edge there is an overflow; one short of it is not."""
    if edge is None or size is None:
        return False
    block = width - edge[0]
    if block - edge[1] <= SHORT_EDGE_EM * size:
        return False
    tolerance = EDGE_TOLERANCE_EM * size
    reach = [
        line.x1 - (HANG_EM * line.size if line.text.rstrip()[-1:] in HANGING else 0.0)
        for line in _running(lines, size)
    ]
    return any(edge[1] + tolerance < x <= block for x in reach)


def _with_widest(
    columns: dict[tuple[int, int], tuple[float, float]],
    body: list[TextLine],
    pages: list[PageInfo],
    size: float | None,
) -> dict[tuple[int, int], tuple[float, float]]:
    """``columns`` and, for a column with no edge of its own (too few lines end together: a short
    document), the furthest a running-text line of it reaches on pages of the same parity: a line
    that ends well short of that ends its paragraph, whatever the true edge is (a formula set on a
    line of its own is not continued by the next page's paragraph)."""
    widest: dict[tuple[int, int], tuple[float, float]] = {}
    for line in _running(body, size):
        key = (line.page % 2, line.column)
        left, right = widest.get(key, (line.x0, line.x1))
        widest[key] = (min(left, line.x0), max(right, line.x1))
    filled = dict(columns)
    for page in pages:
        for (parity, column), edge in widest.items():
            if parity == page.number % 2:
                filled.setdefault((page.number, column), edge)
    return filled


def _holds(edge: tuple[float, float], lines: list[TextLine], size: float | None) -> bool:
    """Whether the running-text ``lines`` start within the column ``edge``, all but one in ten (a
    line may end past it: that is an overflow to report, not a sign of the wrong column)."""
    sized = _running(lines, size)
    outside = sum(1 for line in sized if line.x0 < edge[0] - EDGE_TOLERANCE_EM * line.size)
    return outside <= len(sized) // 10


def _past(edge: tuple[float, float], marks: list[TextLine]) -> bool:
    """Whether a line set in another size than the running text (a date, a folio, a heading) ends
    past ``edge``'s right side: such lines keep to the text block, so a mirror they pass is not the
    page's (a layout whose margins do not mirror)."""
    return any(line.x1 > edge[1] + EDGE_TOLERANCE_EM * line.size for line in marks)


_SENTENCE_END = re.compile(r"[.?!。][\"'”’)\]」』]*\s*$")
_DASH_OPENING = re.compile(r"^\s*[-–—]\s")
"""A paragraph opened by a dash and a space (an interview's ``- 본인 소개를 해주세요.``): never the
continuation of a line, as no break may leave a dash at a line's start."""


def _dash_paragraph(line: TextLine, previous: TextLine) -> bool:
    """``line`` opens a dash paragraph under a line that ends a sentence: a new paragraph, though the
    line above (a paragraph's last) happens to reach near the column's edge."""
    return bool(_DASH_OPENING.match(line.text) and _SENTENCE_END.search(previous.text))


def _kinsoku_faults(
    body: list[TextLine], columns: dict[tuple[int, int], tuple[float, float]]
) -> list[TextLine]:
    """Lines (``body`` in reading order) that a line break left starting with a character that may
    not start a line, or ending with one that may not end it. Only breaks inside a paragraph or
    heading count (``- 질문`` opening an interview's paragraph is no fault): see :func:`_goes_on`."""
    faults: list[TextLine] = []
    for index, line in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        after_break = (
            index > 0
            and _goes_on(body[index - 1], line, columns)
            and not _dash_paragraph(line, body[index - 1])
        )
        if (after_break and line_start_fault(line.text)) or (
            following is not None and _goes_on(line, following, columns) and line_end_fault(line.text)
        ):
            faults.append(line)
    return faults


def _goes_on(
    line: TextLine, following: TextLine, columns: dict[tuple[int, int], tuple[float, float]]
) -> bool:
    """Whether ``following`` continues ``line``'s paragraph: in the body's size, ``line`` reaches its
    column's right edge (or the edge is unknown); in another size (a heading, set ragged), the next
    line is of that size, starts where it starts and stands right below it."""
    if round(following.size, 1) != round(line.size, 1):
        return False
    edge = columns.get((line.page, line.column))
    if line.size < HEADING_MIN_PT:
        return edge is None or line.x1 >= edge[1] - line.size
    return (
        following.page == line.page
        and following.column == line.column
        and abs(following.x0 - line.x0) < line.size
        and 0 <= following.top - line.bottom < 0.8 * line.size
    )


def _overflows(
    lines: list[TextLine],
    pages: list[PageInfo],
    columns: dict[tuple[int, int], tuple[float, float]] | None = None,
) -> int:
    """Lines off the trim, and lines reaching past the usual right edge of their column's justified
    lines (a line ending in hanging punctuation by up to :data:`HANG_EM` more). A line in another
    size than the body's (a headline, a deck over the columns) counts only when it runs into the
    text of a column on its right or past the last column."""
    count = 0
    columns = _columns(lines, pages) if columns is None else columns
    body_size = _body_size(lines) or 0.0
    # the text block's right side as the pages' left margins mirror it (the widest a headline may be
    # where the running text's own edge is short: a page of short ragged lines)
    lefts = [line.x0 for line in lines if round(line.size, 1) == body_size]
    for page in pages:
        body = [line for line in lines if line.page == page.number and line.size >= BODY_MIN_PT]
        x0, _, x1, _ = page.trim
        block = max(_text_block_right(page, body, columns), page.width - min(lefts, default=page.width))
        for line in body:
            if line.x1 > x1 or line.x0 < x0:
                count += 1
                continue
            edge = columns.get((page.number, line.column))
            if edge is None:
                continue
            left, right = edge
            if round(line.size, 1) != body_size and not _runs_into(line, body):
                right = max(right, block)
            slack = 0.25 * line.size  # glyph boxes vs. advances under negative tracking
            hang = HANG_EM * line.size if line.text.rstrip()[-1:] in HANGING else 0.0
            if line.x1 > right + slack + hang or line.x0 < left - slack:
                count += 1
    return count


def _text_block_right(
    page: PageInfo, body: list[TextLine], columns: dict[tuple[int, int], tuple[float, float]]
) -> float:
    """The right edge of the page's columns together: the last one's, or, when that column has no
    edge of its own (a few ragged lines), the first column's left margin mirrored."""
    known = [edge for (number, _), edge in columns.items() if number == page.number]
    right = max((edge[1] for edge in known), default=0.0)
    if any(line.last_column > 0 for line in body) and known:
        right = max(right, page.width - min(edge[0] for edge in known))
    return right


def _runs_into(line: TextLine, body: list[TextLine]) -> bool:
    """Whether ``line`` reaches text of a column on its right at the same height."""
    return any(
        other.column > line.column
        and other.x0 < line.x1
        and other.top < line.bottom
        and line.top < other.bottom
        for other in body
    )


def _font_faces(pdf_path: str) -> tuple[list[str], bool]:
    import pikepdf

    names: set[str] = set()
    embedded = True
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            resources = page.obj.get("/Resources")
            fonts = resources.get("/Font") if resources is not None else None
            for font in fonts.values() if fonts is not None else []:
                base = str(font.get("/BaseFont", "?"))
                names.add(base.split("+", 1)[-1].lstrip("/"))
                descendants = font.get("/DescendantFonts")
                target = descendants[0] if descendants is not None else font
                descriptor = target.get("/FontDescriptor")
                if descriptor is None or not any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    embedded = False
    return sorted(names), embedded


def _known_face(pdf_name: str) -> Face | None:
    """The known face a PDF font name stands for (WeasyPrint's: Pango's description, dashed)."""
    family = pdf_name.removesuffix("-Bold")
    return face_for(family.replace("-", " "), 400 if family == pdf_name else 700)


def _missing(lines: list[TextLine]) -> tuple[int, list[str]]:
    """Characters whose font has no glyph for them (cmap of the installed face), or unmapped CIDs."""
    missing = 0
    examples: list[str] = []
    for line in lines:
        for char, font in zip(line.chars, line.fonts, strict=True):
            name = font.split("+", 1)[-1]
            bad = "(cid:" in char or "\ufffd" in char
            face = _known_face(name)
            if not bad and face is not None and len(char) == 1:
                bad = ord(char) not in cmap(face)
            if bad:
                missing += 1
                if len(examples) < 5:
                    examples.append(f"{char!r} in {name}")
    return missing, examples


def check_pdf(path: Path, source: Path | None = None) -> Report:
    """Measure the PDF at ``path``; with ``source`` (any input bookmaker reads, normalized as a build
    does) word splits are counted and judged, and the printed characters checked against the glyphs.
    A file pdfplumber or pikepdf cannot read (truncated, damaged) is an :class:`InputError`."""
    import pikepdf
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return _measured(path, source)
    except (PdfminerException, PDFException, PSException, pikepdf.PdfError) as exc:
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None


def _measured(path: Path, source: Path | None) -> Report:
    """:func:`check_pdf`'s report."""
    lines, pages = read_lines(str(path))
    report = Report(pages=len(pages))
    if pages:
        x0, y0, x1, y1 = pages[0].trim
        report.page_size_mm = (round((x1 - x0) * MM_PER_PT, 1), round((y1 - y0) * MM_PER_PT, 1))
    body = [line for line in sorted(lines, key=lambda ln: (ln.page, ln.column)) if line.size >= BODY_MIN_PT]
    printed = source_text(source) if source is not None else None
    if printed is not None:
        report.breaks, pairs = count_splits(body, printed)
        report.splits = len(pairs)
        report.split_examples = [f"{a}|{b}" for a, b in pairs[:5]]
        judged = judge_splits(pairs, " ".join(_norm(printed).split()))
        report.bad_splits, report.principled_splits = judged.bad, judged.principled
        report.bad_split_examples = judged.bad_examples
    loose = looseness(lines)
    if loose:
        report.lines = len(loose)
        report.p50_em = round(loose[len(loose) // 2], 3)
        report.p95_em = round(loose[min(len(loose) - 1, int(0.95 * len(loose)))], 3)
        report.max_em = round(loose[-1], 3)
    columns = _columns(lines, pages)
    for line in _kinsoku_faults(body, _with_widest(columns, body, pages, _body_size(lines))):
        report.kinsoku += 1
        if len(report.kinsoku_examples) < 5:
            report.kinsoku_examples.append(line.text[:40])
    report.overflows = _overflows(lines, pages, columns)
    drawn_over = [f"{page.number}: {pair}" for page in pages for pair in page.overlaps]
    report.overlaps, report.overlap_examples = len(drawn_over), drawn_over[:5]
    report.missing_glyphs, report.missing_examples = _missing(lines)
    glyphs = embedded_glyphs(str(path))  # the fonts really embedded, not the installed faces
    report.missing_glyphs += glyphs.missing
    report.missing_examples = glyphs.examples + report.missing_examples
    if printed is not None and not glyphs.fonts_without_map:
        absent = uncovered(printed, glyphs.drawn)
        report.missing_glyphs += len(absent)
        report.missing_examples += [
            f"U+{ord(char):04X} {char!r} of the source drawn by no glyph" for char in absent
        ]
    report.missing_examples = report.missing_examples[:8]
    report.fonts, report.fonts_embedded = _font_faces(str(path))
    for key, limit in LIMITS.items():
        value = getattr(report, key)
        if value is not None and value > limit:
            report.failures.append(f"{key} {value} > {limit}")
    report.notes = [
        f"{key} {getattr(report, key)} > {limit}"
        for key, limit in TARGETS.items()
        if getattr(report, key) > limit
    ]
    if not report.fonts_embedded:
        report.failures.append("fonts not embedded")
    return report
