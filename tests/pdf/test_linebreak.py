"""Unit tests of the total-fit breaker and kinsoku."""

from __future__ import annotations

import pytest

from bookmaker.ir import from_json
from bookmaker.korean.kinsoku import can_break
from bookmaker.korean.linebreak import Tuning, set_paragraph, share
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout
from tests.pdf.conftest import DOCS, FIXTURES, PRESETS


def _measure(text: str) -> float:
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def test_kinsoku_pairs():
    assert not can_break("70", "%가량")
    assert not can_break("말했다", "…")
    assert not can_break("“", "서로")
    assert can_break("말했다.", "그러나")


def test_lines_keep_words_whole_and_fit():
    text = " ".join(["가나다라", "마바사", "아자차카타", "파하"] * 12)
    lines = set_paragraph(text, _measure, 0.3, 20.0, 1.0)
    assert " ".join(line.text for line in lines).split() == text.split()
    for line in lines:
        spacing = line.letter_spacing * len(line.text) + line.word_spacing * line.text.count(" ")
        assert _measure(line.text) + spacing <= 20.0 + 1e-6
        assert abs(line.letter_spacing) <= Tuning().max_track + 1e-9


def _long_enough(line: str) -> bool:
    return len(line.split()) >= 2 or sum(c.isalnum() for c in line) >= 4


def _widest_gap(layout: PrintLayout, lines) -> float:
    space = layout._shaper().space()
    return max((space + ln.word_spacing + 2 * ln.letter_spacing for ln in lines if not ln.last), default=0)


@pytest.mark.parametrize("preset", PRESETS)
def test_last_lines_not_lone_fragments(preset):
    """Every fixture paragraph ends on ≥ 2 words or ≥ 4 syllables, unless that forces a loose line."""
    layout = PrintLayout(page_spec(preset))
    strict = PrintLayout(page_spec(preset), tune=Tuning(short_last_penalty=1e12))
    allowed = 0
    for name in DOCS:
        doc = from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        for block in doc.blocks:
            if type(block).__name__ != "Paragraph":
                continue
            lines = layout.lines(block.text, indent=True)
            if _long_enough(lines[-1].text):
                continue
            forced = strict.lines(block.text, indent=True)
            assert _long_enough(forced[-1].text)
            assert _widest_gap(strict, forced) > 0.5, (lines[-1].text, _widest_gap(strict, forced))
            allowed += 1
    assert allowed <= 1


def test_share_balances_gap_and_tracking():
    gap_spacing, track, cost = share(1.0, 6, 30, Tuning())
    assert 0 < track <= 0.05 and cost < 100
    assert gap_spacing * 6 + track * 30 == pytest.approx(1.0)
