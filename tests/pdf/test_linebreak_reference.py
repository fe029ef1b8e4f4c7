"""The fast total-fit breaker gives exactly the breaks of the plain reference loop kept here."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import pytest

from bookmaker.ir import from_json
from bookmaker.korean import linebreak
from bookmaker.korean.linebreak import Piece, Tuning, _greedy, _syllables, share
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout
from tests.pdf.conftest import DOCS, FIXTURES, PRESETS


def reference_break_lines(
    items: Sequence[Piece], widths: Callable[[int], float], space: float, tune: Tuning
) -> list[tuple[int, int]]:
    """The breaker as first written (dictionaries, ``share`` per candidate, a separate prune), with
    hanging punctuation and the cost of a change of tracking from the best line above."""
    n = len(items)
    if n == 0:
        return []
    prefix = [0.0]
    chars = [0]
    spaces_before = [0]
    for item in items:
        prefix.append(prefix[-1] + item.width)
        chars.append(chars[-1] + item.tracked + (1 if item.space_before else 0))
        spaces_before.append(spaces_before[-1] + (1 if item.space_before else 0))
    best: dict[int, tuple[float, int, int]] = {0: (0.0, 0, -1)}
    tracks: dict[int, float | None] = {0: None}
    active = [0]
    for end in range(1, n + 1):
        if end < n and not items[end].breakable_before:
            continue
        candidates: list[tuple[float, int, int, float]] = []
        for start in active:
            dem, count, _ = best[start]
            spaces = spaces_before[end] - spaces_before[start + 1]
            natural = prefix[end] - prefix[start] + spaces * space
            nchars = chars[end] - chars[start] - (1 if items[start].space_before else 0)
            slack = widths(count) + items[end - 1].hang - natural - tune.safety
            track = 0.0
            if end == n and slack >= 0:
                cost = 0.0
                tail = items[start:end]
                if len(tail) == 1 and _syllables(tail[0].text) < 4 and start > 0:
                    cost += tune.short_last_penalty
            else:
                _, track, cost = share(slack + tune.safety, spaces, nchars, tune)
                above = tracks[start]
                if above is not None and end < n and cost != float("inf"):
                    cost += tune.track_change_weight * (track - above) ** 2 / tune.track_sd**2
            if cost == float("inf"):
                continue
            penalty = items[end].penalty if end < n else 0.0
            candidates.append((dem + (1.0 + cost) ** 2 + penalty, count + 1, start, track))
        active = [
            start
            for start in active
            if prefix[end] - prefix[start] + (spaces_before[end] - spaces_before[start + 1]) * space
            <= (widths(best[start][1]) + items[end - 1].hang) * 1.1 + 1
        ]
        if candidates:
            chosen = min(candidates, key=lambda c: c[:3])
            best[end], tracks[end] = chosen[:3], chosen[3]
            active.append(end)
    if n not in best:
        return _greedy(items, widths, space)
    ranges: list[tuple[int, int]] = []
    end = n
    while end > 0:
        start = best[end][2]
        ranges.append((start, end))
        end = start
    return ranges[::-1]


def _paragraphs() -> list[str]:
    texts = []
    for name in DOCS:
        doc = from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        texts += [block.text for block in doc.blocks if type(block).__name__ == "Paragraph"]
    return texts


@pytest.mark.parametrize("style", ["ranked", "word", "syllable"])
@pytest.mark.parametrize("preset", PRESETS)
def test_fixture_paragraphs_break_as_the_reference(monkeypatch, preset, style):
    layout = PrintLayout(page_spec(preset), break_style=style)
    texts = _paragraphs()
    fast = [layout.lines(text, indent=True) for text in texts]
    monkeypatch.setattr(linebreak, "break_lines", reference_break_lines)  # set_paragraph passes a tune
    slow = [layout.lines(text, indent=True) for text in texts]
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
        Tuning(track_change_weight=0.0),
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

        def widths(index: int, first: float = first, rest: float = rest) -> float:
            return first if index == 0 else rest

        tune = tunes[trial % len(tunes)]
        space = chooser.uniform(0.2, 0.4)
        assert linebreak.break_lines(items, widths, space, tune) == reference_break_lines(
            items, widths, space, tune
        ), trial
