"""The checks behind ``bookmaker check`` and their report."""

from __future__ import annotations

import collections
import itertools
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bookmaker.check.glyphs import embedded_glyphs, uncovered
from bookmaker.check.lines import PageInfo, TextLine, read_lines
from bookmaker.fonts.discovery import cmap
from bookmaker.fonts.faces import Face, face_for
from bookmaker.korean.kinsoku import line_end_fault, line_start_fault

MM_PER_PT = 25.4 / 72
HANGUL = re.compile(r"[\uac00-\ud7a3]")
BODY_MIN_PT = 9.0
LIMITS = {"splits": 0, "p95_em": 0.45, "max_em": 0.8, "kinsoku": 0, "overflows": 0, "missing_glyphs": 0}


@dataclass(slots=True)
class Report:
    """Figures of one PDF; :attr:`failures` lists what exceeds :data:`LIMITS`."""

    pages: int = 0
    page_size_mm: tuple[float, float] = (0.0, 0.0)
    breaks: int | None = None
    splits: int | None = None
    split_examples: list[str] = field(default_factory=list)
    lines: int = 0
    p50_em: float = 0.0
    p95_em: float = 0.0
    max_em: float = 0.0
    kinsoku: int = 0
    kinsoku_examples: list[str] = field(default_factory=list)
    overflows: int = 0
    missing_glyphs: int = 0
    missing_examples: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    fonts_embedded: bool = True
    failures: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """The report as JSON."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """A short human-readable report."""
        width, height = self.page_size_mm
        rows = [
            f"pages           {self.pages} ({width:.1f} × {height:.1f} mm)",
            f"word splits     {self.splits if self.splits is not None else 'n/a (no --source)'}"
            f" of {self.breaks if self.breaks is not None else '-'} line breaks",
            f"looseness (em)  p50 {self.p50_em:.3f}  p95 {self.p95_em:.3f}  max {self.max_em:.3f}"
            f"  over {self.lines} justified lines",
            f"kinsoku faults  {self.kinsoku}",
            f"overflows       {self.overflows}",
            f"missing glyphs  {self.missing_glyphs}",
            f"fonts           {', '.join(self.fonts)}"
            f" ({'all embedded' if self.fonts_embedded else 'NOT embedded'})",
        ]
        examples = self.split_examples + self.kinsoku_examples[:3] + self.missing_examples[:3]
        rows += [f"  e.g. {example}" for example in examples]
        rows.append("result          " + ("ok" if not self.failures else "FAIL: " + "; ".join(self.failures)))
        return "\n".join(rows) + "\n"


def source_text(path: Path) -> str:
    """Plain text of a source: an IR JSON (title, deck, blocks) or a text file."""
    data = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        from bookmaker.ir import from_json

        doc = from_json(data)
        parts = [doc.meta.title, *doc.meta.subtitles, *(block.text for block in doc.blocks)]
        return "\n".join(parts)
    return data


def _norm(text: str) -> str:
    return text.replace("\u2060", "").replace("\u200b", "").replace("\u00ad", "")


def count_splits(lines: list[TextLine], source: str) -> tuple[int, int, list[str]]:
    """(breaks, splits, examples): a split joins the halves of one source word containing Hangul."""
    source = _norm(source)
    tokens = set(source.split())
    joined = " ".join(source.split())
    breaks = splits = 0
    examples: list[str] = []
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
            splits += 1
            if len(examples) < 5:
                examples.append(f"{left}|{right}")
    return breaks, splits, examples


def looseness(lines: list[TextLine]) -> list[float]:
    """Mean word space (em) of every justified line: ≥ 2 spaces and ≥ 85 % of the page's widest."""
    values: list[float] = []
    by_page: dict[int, list[TextLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page_lines in by_page.values():
        full = max(line.x1 - line.x0 for line in page_lines)
        for line in page_lines:
            if len(line.gaps) >= 2 and line.x1 - line.x0 >= 0.85 * full:
                values.append(sum(line.gaps) / len(line.gaps))
    return sorted(values)


def _edges(body: list[TextLine]) -> tuple[float, float] | None:
    """(left, right) of the text column from these lines, when enough of them share a right edge."""
    if not body:
        return None
    edges = collections.Counter(round(line.x1) for line in body)
    right, count = edges.most_common(1)[0]
    if count < 3:
        return None
    return min(line.x0 for line in body), float(right)


def _columns(lines: list[TextLine], pages: list[PageInfo]) -> dict[int, tuple[float, float]]:
    """Text column (left, right) per page: from all pages of the same parity (odd pages are right-hand
    pages), mirrored from the other parity when a parity has too few justified lines (a short last page).
    """
    width = pages[0].width if pages else 0.0
    body = [line for line in lines if line.size >= BODY_MIN_PT]
    found = {parity: _edges([line for line in body if line.page % 2 == parity]) for parity in (0, 1)}
    for parity in (0, 1):
        other = found[1 - parity]
        if found[parity] is None and other is not None:
            found[parity] = (width - other[1], width - other[0])
    return {page.number: col for page in pages if (col := found[page.number % 2]) is not None}


def _overflows(lines: list[TextLine], pages: list[PageInfo]) -> int:
    """Body lines reaching past the usual right edge of justified lines (or off the trim)."""
    count = 0
    columns = _columns(lines, pages)
    for page in pages:
        body = [line for line in lines if line.page == page.number and line.size >= BODY_MIN_PT]
        if not body or page.number not in columns:
            continue
        left, right = columns[page.number]
        x0, _, x1, _ = page.trim
        for line in body:
            slack = 0.25 * line.size  # glyph boxes vs. advances under negative tracking
            if line.x1 > right + slack or line.x1 > x1 or line.x0 < x0 or line.x0 < left - slack:
                count += 1
    return count


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
    """Measure the PDF at ``path``; with ``source`` (text or IR JSON) word splits are counted too."""
    lines, pages = read_lines(str(path))
    report = Report(pages=len(pages))
    if pages:
        x0, y0, x1, y1 = pages[0].trim
        report.page_size_mm = (round((x1 - x0) * MM_PER_PT, 1), round((y1 - y0) * MM_PER_PT, 1))
    body = [line for line in lines if line.size >= BODY_MIN_PT]
    if source is not None:
        report.breaks, report.splits, report.split_examples = count_splits(body, source_text(source))
    loose = looseness(lines)
    if loose:
        report.lines = len(loose)
        report.p50_em = round(loose[len(loose) // 2], 3)
        report.p95_em = round(loose[min(len(loose) - 1, int(0.95 * len(loose)))], 3)
        report.max_em = round(loose[-1], 3)
    for line in body:
        if line_start_fault(line.text) or line_end_fault(line.text):
            report.kinsoku += 1
            if len(report.kinsoku_examples) < 5:
                report.kinsoku_examples.append(line.text[:40])
    report.overflows = _overflows(lines, pages)
    report.missing_glyphs, report.missing_examples = _missing(lines)
    glyphs = embedded_glyphs(str(path))  # the fonts really embedded, not the installed faces
    report.missing_glyphs += glyphs.missing
    report.missing_examples = glyphs.examples + report.missing_examples
    if source is not None and not glyphs.fonts_without_map:
        absent = uncovered(source_text(source), glyphs.drawn)
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
    if not report.fonts_embedded:
        report.failures.append("fonts not embedded")
    return report
