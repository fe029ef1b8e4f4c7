"""The fast total-fit breaker gives exactly the lines of the plain reference loop kept here."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from bookmaker.ir import from_json
from bookmaker.korean import linebreak
from bookmaker.korean.linebreak import Break, Piece, Tuning, _greedy, _syllables, track_bands
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout, paragraph_lines
from tests.pdf.conftest import DOCS, FIXTURES, PRESETS


def line_cost(drawn: float, spaces: int, eff: int, track: float, tune: Tuning) -> float | None:
    """A justified line's cost at letter-spacing ``track`` (None: its gaps would shrink too far)."""
    sd = tune.space_stretch_sd if drawn >= 0 else tune.space_shrink_sd
    a = sd**2
    gap = (drawn - track * eff) / spaces if spaces else 0.0
    if gap < -tune.max_space_shrink - 1e-9:
        return None
    cost = (gap / sd) ** 2 + (track / tune.track_sd) ** 2
    if gap < -tune.soft_space_shrink:
        cost += 50.0 * (gap + tune.soft_space_shrink) ** 2 / a
    if gap > tune.loose_stretch:
        cost += tune.loose_weight * (gap - tune.loose_stretch) ** 2 / a
    if gap > tune.loose_limit:
        cost += tune.loose_line_cost
    if gap > tune.max_space_stretch:
        cost += 1000.0 * (gap - tune.max_space_stretch) ** 2 / a
    return cost


def reference_break_lines(
    items: Sequence[Piece], first: float, rest: float, space: float, tune: Tuning
) -> list[Break]:
    """The breaker written plainly: dictionaries of (break, class) states, every class of every start
    tried (no bound), the way into a class looked up per line; the same ties (the first start, then
    the first class)."""
    n = len(items)
    if n == 0:
        return []
    bands = track_bands(tune)
    classes = range(len(bands))
    inf = float("inf")
    # state (break, class) → (demerits, start of its line, class of the line above, letter-spacing)
    best: dict[int, list[tuple[float, int, int, float]]] = {}

    def way_in(start: int, k: int) -> tuple[float, int]:
        if start == 0:
            return 0.0, -1
        row = [state[0] for state in best[start]]
        low = min(row)
        value, at = low + tune.jump_cost, row.index(low)
        for p in classes:
            if abs(p - k) <= tune.track_window and row[p] < value:
                value, at = row[p], p
        return value, at

    prefix = [0.0]  # widths summed in the fast loop's order: the same floats
    for item in items:
        prefix.append(prefix[-1] + item.width)

    def natural(start: int, end: int) -> float:
        spaces = sum(1 for item in items[start + 1 : end] if item.space_before)
        return prefix[end] - prefix[start] + spaces * space

    active = [0]
    for end in range(1, n + 1):
        if end < n and not items[end].breakable_before:
            continue
        row = [(inf, -1, -1, 0.0) for _ in classes]
        for start in active:
            spaces = sum(1 for item in items[start + 1 : end] if item.space_before)
            measure = (first if start == 0 else rest) + items[end - 1].hang
            slack = measure - natural(start, end) - tune.safety
            penalty = items[end].penalty if end < n else 0.0
            if end == n and slack >= 0:
                cost = 0.0
                if end - start == 1 and start > 0 and _syllables(items[start].text) < 4:
                    cost += tune.short_last_penalty
                ways = [way_in(start, k) for k in classes]
                low = min(value for value, _ in ways)
                at = ways[[value for value, _ in ways].index(low)][1]
                zero = len(bands) // 2
                if low + (1.0 + cost) ** 2 < row[zero][0]:
                    row[zero] = (low + (1.0 + cost) ** 2, start, at, 0.0)
                continue
            drawn = slack + tune.safety
            tracked = sum(item.tracked for item in items[start:end]) + spaces
            eff = max(tracked - 2 * spaces, 1)
            sd = tune.space_stretch_sd if drawn >= 0 else tune.space_shrink_sd
            if spaces:
                free = (
                    drawn * eff * tune.track_sd**2 / (spaces * spaces * sd**2 + eff * eff * tune.track_sd**2)
                )
            else:
                free = drawn / eff
                if abs(free) > tune.max_track + 1e-9:
                    continue
            for k in classes:
                low, high = bands[k]
                track = min(max(free, low), high)
                if not spaces and track != free:
                    continue
                cost = line_cost(drawn, spaces, eff, track, tune)
                if cost is None:
                    continue
                above, at = way_in(start, k)
                total = above + (1.0 + cost) ** 2 + penalty
                if total < row[k][0]:
                    row[k] = (total, start, at, track)
        active = [
            start
            for start in active
            if natural(start, end) <= ((first if start == 0 else rest) + items[end - 1].hang) * 1.1 + 1
        ]
        if min(state[0] for state in row) < inf:
            best[end] = row
            active.append(end)
    if n not in best:
        return [(start, end, inf) for start, end in _greedy(items, first, rest, space)]
    lines: list[Break] = []
    end = n
    k = [state[0] for state in best[n]].index(min(state[0] for state in best[n]))
    while end > 0:
        _, start, above, track = best[end][k]
        lines.append((start, end, track))
        end, k = start, above
    return lines[::-1]


def _paragraphs() -> list[str]:
    texts = []
    for name in DOCS:
        doc = from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        texts += [block.text for block in doc.blocks if type(block).__name__ == "Paragraph"]
    return texts


@pytest.mark.parametrize("style", ["ranked", "word"])
@pytest.mark.parametrize("preset", PRESETS)
def test_fixture_paragraphs_break_as_the_reference(monkeypatch, preset, style):
    layout = PrintLayout(page_spec(preset), break_style=style)
    texts = _paragraphs()
    fast = [layout.lines(text, indent=True) for text in texts]
    monkeypatch.setattr(linebreak, "break_lines", reference_break_lines)
    paragraph_lines.cache_clear()  # set again, not taken from the fast run
    slow = [layout.lines(text, indent=True) for text in texts]
    paragraph_lines.cache_clear()
    assert fast == slow
    assert sum(len(lines) for lines in fast) > 100


def test_odd_paragraphs_break_as_the_reference():
    """Random widths, spaces, penalties and unbreakable joins, including lines that cannot fit."""
    chooser = random.Random(8)
    tunes = [
        Tuning(),
        Tuning(loose_line_cost=0.0),
        Tuning(max_track=0.0),
        Tuning(safety=0.0),
        Tuning(jump_cost=0.0),
        Tuning(track_window=0, jump_cost=1e3),
    ]
    for trial in range(300):
        items = []
        for number in range(chooser.randint(0, 60)):
            text = "가" * chooser.randint(1, 6)
            items.append(
                Piece(
                    text,
                    chooser.uniform(0.3, 9.0 if trial % 10 == 0 else 4.0),
                    number > 0 and chooser.random() > 0.1,
                    number == 0 or chooser.random() > 0.15,
                    chooser.choice([0.0, 0.0, 400.0, 3e6]),
                    len(text) - chooser.choice([0, 0, 1]),
                    chooser.choice([0.0, 0.0, 0.33]),
                )
            )
        first, rest = chooser.uniform(6, 20), chooser.uniform(6, 20)
        tune = tunes[trial % len(tunes)]
        space = chooser.uniform(0.2, 0.4)
        fast = linebreak.break_lines(items, first, rest, space, tune)
        assert fast == reference_break_lines(items, first, rest, space, tune), trial
