"""``bookmaker check``: missing glyphs read from the embedded fonts, text column and overflow."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from bookmaker.check import check_pdf
from bookmaker.check.glyphs import embedded_glyphs
from bookmaker.check.lines import PageInfo, TextLine
from bookmaker.check.report import _overflows
from bookmaker.ir import from_json
from bookmaker.layout.pages import page_spec
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import FIXTURES

MOMENT = datetime(2025, 11, 23, tzinfo=UTC)
UNCOVERED = "\ue000\U0010fffd"  # private-use characters: no installed font has a glyph for them


@pytest.fixture(scope="module")
def uncovered_pdf(tmp_path_factory):
    """(PDF, IR JSON) of the seed excerpt with two characters no font covers in its first paragraph."""
    folder = tmp_path_factory.mktemp("glyphs")
    data = json.loads((FIXTURES / "seed-excerpt.json").read_text(encoding="utf-8"))
    data["blocks"][0]["text"] = (
        f"표시할 수 없는 문자 {UNCOVERED[0]} 와 {UNCOVERED[1]} 가 섞인 문장. " + data["blocks"][0]["text"]
    )
    source = folder / "source.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pdf = folder / "out.pdf"
    pdf.write_bytes(
        write_pdf(from_json(source.read_text(encoding="utf-8")), created=MOMENT, page=page_spec("a5")).data
    )
    return pdf, source


def test_notdef_glyphs_found_in_embedded_fonts(uncovered_pdf):
    pdf, _ = uncovered_pdf
    glyphs = embedded_glyphs(str(pdf))
    assert glyphs.missing == 2
    assert "가" in glyphs.drawn and "\ue000" not in glyphs.drawn


def test_report_counts_missing_glyphs_and_source_characters(uncovered_pdf):
    pdf, source = uncovered_pdf
    assert check_pdf(pdf).missing_glyphs >= 2
    report = check_pdf(pdf, source)
    assert report.missing_glyphs >= 3  # two .notdef glyphs, and U+10FFFD is drawn by no glyph at all
    assert any("U+10FFFD" in example for example in report.missing_examples)
    assert any(failure.startswith("missing_glyphs") for failure in report.failures)


def test_check_command_exits_non_zero_on_missing_glyphs(uncovered_pdf):
    pdf, source = uncovered_pdf
    cmd = [sys.executable, "-m", "bookmaker", "check", str(pdf), "--source", str(source)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "missing glyphs" in done.stdout and "FAIL" in done.stdout


def test_clean_pdf_has_no_missing_glyphs(built):
    report = check_pdf(built["seed", "a5"], FIXTURES / "seed.json")
    assert report.missing_glyphs == 0, report.missing_examples


def _line(page: int, x0: float, x1: float) -> TextLine:
    return TextLine(page, "가나 다라", x0, x1, 10.0, (0.3,), (), ())


def test_overflow_uses_mirrored_column_on_a_short_page():
    pages = [PageInfo(n, 360.0, 530.0, (0.0, 0.0, 360.0, 530.0)) for n in (1, 2)]
    right_hand = [_line(1, 51.0, 326.0) for _ in range(6)]
    # page 2 (left-hand): a few short lines and one running past the mirrored right edge (360 - 51)
    left_hand = [_line(2, 37.0, 200.0), _line(2, 37.0, 250.0), _line(2, 47.0, 309.0)]
    assert _overflows(right_hand + left_hand, pages) == 0
    assert _overflows([*right_hand, *left_hand, _line(2, 37.0, 330.0)], pages) == 1
