"""--print-ready for the print shop: crop marks ≥ 5 mm long, outside the 3 mm bleed, in a slug;
the BleedBox is the bleed alone; every PDF with bookmarks opens with its bookmarks panel."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pdfplumber
import pikepdf
import pytest

from bookmaker.ir import from_json
from bookmaker.layout.pages import BLEED_MM, SLUG_MM
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import FIXTURES

MM = 72 / 25.4
MOMENT = datetime(2025, 11, 23, tzinfo=UTC)


@pytest.fixture(scope="module")
def print_ready() -> bytes:
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    return write_pdf(doc, created=MOMENT, print_ready=True).data


def _crop_marks(page: pdfplumber.page.Page, width: float) -> tuple[list[float], list[float]]:
    """(length, gap to the trim) in mm of the horizontal and the vertical crop marks.

    Horizontal marks continue the trim's top and bottom edges beyond its left and right sides;
    vertical ones continue its left and right edges beyond the top and bottom (pdfplumber's y
    shifts with a media box that does not start at 0, so y is measured from the marks' own rows).
    """
    lines = [(line["x0"], line["x1"], line["top"], line["bottom"]) for line in page.lines]
    outside = [ln for ln in lines if ln[2] == ln[3] and (ln[1] <= 0.01 or ln[0] >= width - 0.01)]
    rows = [min(ln[2] for ln in outside), max(ln[2] for ln in outside)]  # the trim's top and bottom
    horizontal = [ln for ln in outside if ln[2] in rows]  # (the crosses' arms are between them)
    vertical = [ln for ln in lines if ln[0] == ln[1] and min(abs(ln[0]), abs(ln[0] - width)) < 0.01]
    assert rows[1] - rows[0] == pytest.approx(210 * MM, abs=0.1)
    marks = []
    for x0, x1, _, _ in horizontal:
        marks.append(((x1 - x0) / MM, min(abs(x1), abs(x0 - width)) / MM))
    for _, _, top, bottom in vertical:
        gap = rows[0] - bottom if bottom <= rows[0] else top - rows[1]  # above the trim, or below
        marks.append(((bottom - top) / MM, gap / MM))
    return [m[0] for m in marks], [m[1] for m in marks]


def test_crop_marks_are_long_and_outside_the_bleed(print_ready: bytes) -> None:
    with pdfplumber.open(io.BytesIO(print_ready)) as pdf:
        page = pdf.pages[0]
        lengths, gaps = _crop_marks(page, 148 * MM)
    assert len(lengths) == 8  # two at each corner
    assert all(length >= 5 for length in lengths), lengths
    assert all(gap > BLEED_MM for gap in gaps), gaps  # they start outside the bleed
    assert all(gap + length <= BLEED_MM + SLUG_MM + 0.01 for gap, length in zip(gaps, lengths, strict=True))


def test_bleed_box_is_the_bleed_and_the_media_box_holds_the_slug(print_ready: bytes) -> None:
    with pikepdf.open(io.BytesIO(print_ready)) as pdf:
        for page in pdf.pages:
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
            media = [float(v) for v in page.MediaBox]
            assert trim[2] - trim[0] == pytest.approx(148 * MM, abs=0.1)
            for side, sign in enumerate((-1, -1, 1, 1)):
                assert (bleed[side] - trim[side]) * sign == pytest.approx(BLEED_MM * MM, abs=0.01)
                assert (media[side] - trim[side]) * sign == pytest.approx((BLEED_MM + SLUG_MM) * MM, abs=0.01)


def test_registration_crosses_sit_in_the_slug(print_ready: bytes) -> None:
    with pdfplumber.open(io.BytesIO(print_ready)) as pdf:
        curves = pdf.pages[0].curves
    assert len(curves) == 4  # a circle in the middle of each side
    for curve in curves:
        inside_x = curve["x0"] > 0 and curve["x1"] < 148 * MM
        outside_x = curve["x1"] <= -BLEED_MM * MM or curve["x0"] >= (148 + BLEED_MM) * MM
        assert inside_x or outside_x


@pytest.mark.parametrize("print_ready_pdf", [False, True])
def test_the_pdf_opens_with_its_bookmarks(print_ready_pdf: bool) -> None:
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    data = write_pdf(doc, created=MOMENT, print_ready=print_ready_pdf).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
        assert len(pdf.open_outline().root) >= 1
