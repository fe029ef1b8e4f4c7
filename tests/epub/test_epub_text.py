"""EPUB text markup: the fast word filter changes nothing against wrapping every word."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bookmaker.writers import epub_text
from bookmaker.writers.epub_text import keep_words, wrap_word

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _every_word(fragment: str) -> str:
    """The reference: English runs marked, then every space-delimited word through wrap_word."""
    marked = epub_text._TEXT.sub(epub_text._mark_latin, fragment)

    def words(text: re.Match[str]) -> str:
        return ">" + re.sub(r"\S+", lambda word: wrap_word(word.group(0)), text.group(1)) + "<"

    return re.sub(r">([^<>]+)<", words, marked)


def _fragment(text: str) -> str:
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    escaped = (p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in paragraphs)
    return "".join(f"<p>{p}</p>" for p in escaped)


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_articles_same_as_every_word(path):
    fragment = _fragment(path.read_text(encoding="utf-8", errors="replace"))
    assert keep_words(fragment) == _every_word(fragment)


def test_random_words_same_as_every_word():
    pieces = [
        "가",
        "나다",
        "힣",
        "漢",
        "ㄱ",
        "A",
        "bc",
        "7",
        "70%",
        "-",
        "/",
        "·",
        "“",
        "”",
        "(",
        ")",
        ".",
        ",",
    ]
    pieces += ["&amp;", "…"]
    rng = random.Random(8)
    wrapped = 0
    for _ in range(400):
        words = ["".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(rng.randint(1, 8))]
        fragment = f"<p>{' '.join(words)}</p>"
        result = keep_words(fragment)
        assert result == _every_word(fragment)
        wrapped += result.count('class="eojeol"')
    assert wrapped > 100  # the cases include words that are wrapped


def test_mixed_and_long_words_wrapped():
    assert keep_words("<p>70%가량을 샀다</p>") == '<p><span class="eojeol">70%가량을</span> 샀다</p>'
    long_word = "생태계(Full-stack·풀스택)를구축하겠다는계획이다"
    assert keep_words(f"<p>{long_word}</p>").count('class="eojeol"') >= 2
