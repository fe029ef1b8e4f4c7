"""The cover's line breaking: fewer measures, the same lines as plain greedy word-by-word breaking."""

from __future__ import annotations

import random

import pytest

from bookmaker.fonts.faces import SANS_BOLD, SERIF
from bookmaker.writers.cover import _break, _Fonts, _wrap

_FONTS = _Fonts(["가나다라마바사아자차카타파하국산수출프로그램동참의사업계선 AI “”…‘’· AVATAR Wave"])


def _font(face, size):
    return _FONTS(face, size)


def _greedy(text: str, font, width: int) -> list[str]:
    """Reference: each candidate line measured, a word that overflows re-measured by character."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if current and font.getlength(current + char) > width:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines


@pytest.mark.parametrize("face,size", [(SANS_BOLD, 112), (SANS_BOLD, 68), (SERIF, 50)])
def test_breaking_matches_greedy_reference(face, size):
    font = _font(face, size)
    if font is None:
        pytest.skip("Noto CJK KR not installed")
    rng = random.Random(size)
    syllables = "가나다라마바사아자차카타파하국산수출프로그램동참의사업계선"
    pieces = [*syllables, "AI", "“", "”", "…", "‘", "’", "·", "AVATAR", "Wave"]
    for _ in range(30):
        words = [
            "".join(rng.choices(pieces, k=rng.choice((1, 2, 3, 5, 24)))) for _ in range(rng.randrange(8))
        ]
        text = "  ".join(words) if rng.random() < 0.2 else " ".join(words)
        for width in (960, 300):
            expected = _greedy(text, font, width)
            assert _wrap(text, font, width) == expected
            assert _break(text.split(), font, width) == expected


def test_title_fit_matches_trying_every_size():
    from bookmaker.writers.cover import _fit_title

    if _font(SANS_BOLD, 112) is None:
        pytest.skip("Noto CJK KR not installed")
    rng = random.Random(11)
    words = ["‘미국산", "AI", "수출", "프로그램’", "동참", "의사", "“서로", "필요해…", "수순”"]
    words.append("가나다라마바사아자차카타")  # longer than a line at some sizes
    for count in (1, 4, 8, 10, 11, 12, 13, 14, 15, 16, 18, 20, 24, 30, 60):  # around each size's limit
        text = " ".join(rng.choices(words, k=count))
        for size in (112, 100, 88, 78, 68, 60):
            expected = _greedy(text, _font(SANS_BOLD, size), 960)
            if len(expected) <= 4:
                break
        font, lines = _fit_title(text, 960, _FONTS)
        assert (font.size, lines) == (size, expected[:5])
