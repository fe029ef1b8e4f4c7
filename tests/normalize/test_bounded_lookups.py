"""The bounded lookups ``reflow`` makes on a growing paragraph and on the whole text give the same
answers as the searches they replace (round 15: those searches made long inputs quadratic)."""

from __future__ import annotations

import random
import re

from bookmaker.normalize.lexicon import _EDGE_MARKS
from bookmaker.normalize.passes.chrome_lines import bare_text
from bookmaker.normalize.passes.dedupe import _cut
from bookmaker.normalize.passes.reflow import _Words
from bookmaker.normalize.text import _CHAT_END, _TEST_TAG, TAIL_WINDOW, ends_sentence, trimmed

PIECES = [
    *"다요죠네.!?。\"'”’)]~^-점[ \n\t가나말1",
    "ㅋㅋ", "ㅠㅠ", "^^", "[3점]", "[서술형 5점]", "[1~3]", "[ 2 점]", "했다.", "해요 ㅎㅎ",
    " " * 40, "ㅋ" * 30, ")" * 20, "." * 5, "어느 문장이 이어지고",
]  # fmt: skip


def _soup(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(size))


def ends_sentence_whole(text: str) -> bool:
    """:func:`ends_sentence` read from the whole text, as before the window."""
    text = _TEST_TAG.sub("", text.strip()).rstrip()
    return bool(re.search(r"[.!?。][\"'”’)\]]*$", text) or _CHAT_END.search(text))


def test_a_sentence_end_read_in_a_window_is_the_whole_texts() -> None:
    rng = random.Random(15)
    for _ in range(4000):
        text = _soup(rng, rng.randrange(1, 160))
        assert ends_sentence(text) == ends_sentence_whole(text), repr(text)


def test_a_window_too_plain_to_tell_falls_back_to_the_whole_text() -> None:
    end = "끝났다." + " " * 300 + "[서술형 5점]"  # the tag's spaces reach past the window
    assert len(end) > TAIL_WINDOW and ends_sentence(end) and ends_sentence_whole(end)
    laughter = "좋네요" + " ㅋㅋㅋ" * 100  # a chat ending longer than the window
    assert ends_sentence(laughter) and ends_sentence_whole(laughter)
    assert not ends_sentence("정말" + " ㅋㅋㅋ" * 100)


def test_a_long_run_of_spaces_near_the_end_is_read_collapsed_and_as_the_whole_text() -> None:
    """Under 15 letters in the window (a run of spaces before the last word): the text is read with
    each run one space, the same answer, not searched from every space of the run (a line of
    150,000 spaces took two minutes to normalize)."""
    rng = random.Random(19)
    for _ in range(300):
        text = (
            _soup(rng, rng.randrange(1, 40))
            + " " * rng.randrange(200, 3000)
            + _soup(rng, rng.randrange(1, 8))
        )
        assert ends_sentence(text) == ends_sentence_whole(text), repr(text[-60:])


def test_the_word_index_answers_as_the_text_searches() -> None:
    rng = random.Random(15)
    syllables = ["가", "나", "다", " ", "\n", ".", "가나", "나다"]
    for _ in range(500):
        text = "".join(rng.choice(syllables) for _ in range(rng.randrange(1, 60)))
        words = _Words.of(text)
        for word in ("가", "나", "다", "가나", "나다", "가나다", "다가"):
            alone = re.search(rf"(?<![가-힣\n]){word}(?![가-힣\n])", text) is not None
            starts = re.search(rf"(?<![가-힣\n]){word}", text) is not None
            assert (word in words.alone, words.starts_one(word)) == (alone, starts), (repr(text), word)
            assert words.in_text(word, text) == (word in text)


def test_a_long_laugh_before_a_stray_mark_fails_at_once_and_as_before() -> None:
    backtracking = re.compile(r"[다요죠네][.!?~]*(?:\s*(?:[ㅎㅋ]{2,}|[ㅠㅜ]{2,}|\^\^|~+))+$")  # before
    rng = random.Random(15)
    for _ in range(20_000):
        text = "".join(rng.choice("다요가.!?~ ㅎㅋㅠㅜ^)\n") for _ in range(rng.randrange(1, 14)))
        assert (
            ends_sentence(text)
            == bool(re.search(r"[.!?。][\"'”’)\]]*$", text.strip()) or backtracking.search(text.strip()))
            or "[" in text
        ), repr(text)
    assert not ends_sentence("다" + "ㅋ" * 5000 + ")")  # 40 ㅋ took 54 s
    assert ends_sentence("다" + "ㅋ" * 5000)


def test_trimmed_edges_and_teaser_cuts_answer_as_the_patterns_they_replace() -> None:
    """Read from the ends in one pass, as the patterns read them (which tried every mark of a long
    run of ``|``, ``(``, ``[`` or ``.``: a line of 120,000 such marks did not end)."""
    edge = re.compile(r"^[\s|<>\[\]〈〉()*•▪◦※]+|[\s|<>\[\]〈〉()*•▪◦]+$")  # chrome_lines before
    outlet = re.compile(
        r"^[\s\[\](){}<>〈〉【】「」*•▪◦ㆍ·|]+|[\s\[\](){}<>〈〉【】「」*•▪◦ㆍ·|.!]+$"
    )  # lexicon
    teaser = re.compile(r"(?:…|\.{2,})\W*$")  # dedupe before
    rng = random.Random(21)
    pool = [*"|<>[]〈〉()*•▪◦※ \t가a.!…·ㆍ【】_1", "..", "뉴스"]
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 16)))
        assert bare_text(text) == edge.sub("", text), repr(text)
        assert trimmed(text, _EDGE_MARKS, _EDGE_MARKS + ".!") == outlet.sub("", text), repr(text)
        assert _cut(text) == bool(teaser.search(text.strip())), repr(text)


def test_a_jump_mark_is_found_as_before_and_a_run_of_arrows_is_no_jump() -> None:
    """``… <2면에 계속>`` closing a line is still found from the spaces before it; a line of 60,000 ``>``
    or ``▶`` (a search from every one of them was quadratic: over 20 s) reads at once."""
    from bookmaker.normalize.context import Item
    from bookmaker.normalize.passes.jumps import _jump_out

    line = "정부는 내년 예산을 늘리기로 했다.   <2면에 계속>"
    found = _jump_out(Item(line, 1, line))
    assert found is not None and line[: found.start()] == "정부는 내년 예산을 늘리기로 했다."
    for mark in (">", "▶"):
        text = "본문 " + mark * 60_000 + " 끝입니다."
        assert _jump_out(Item(text, 1, text)) is None
