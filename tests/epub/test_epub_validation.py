"""EPUBCheck 5 and DAISY Ace on every test article (each book checked once per session)."""

from __future__ import annotations

# CSS-028 ("Use of Font-face declaration") is informational: we embed fonts on purpose.
ACCEPTED_USAGE = {"CSS-028"}


def test_epubcheck_clean_with_fonts(article, epubcheck_results):
    result = epubcheck_results[article]
    assert result.counts["fatal"] == result.counts["error"] == result.counts["warning"] == 0, result.messages
    assert {m.id for m in result.messages} <= ACCEPTED_USAGE, result.messages


def test_epubcheck_clean_without_fonts(article, epubcheck_results):
    result = epubcheck_results[f"{article}:nofonts"]
    assert result.messages == [], result.messages
    assert result.version.startswith("5."), result.version


def test_ace_no_violations(article, ace_results):
    result = ace_results[article]
    assert result.messages == [], [f"{m.id} ({m.severity}) {m.text} @ {m.locations}" for m in result.messages]
    assert result.counts["outcome"] == 0
