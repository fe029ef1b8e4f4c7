"""Shared punctuation rules (korean.punctuation)."""

from __future__ import annotations

import pytest

from bookmaker.korean.punctuation import curl_quotes, ellipsis, fix_punctuation, unify_middle_dots


@pytest.mark.parametrize(
    ("src", "want"),
    [
        ("'미국산 AI' 동참", "‘미국산 AI’ 동참"),
        ('업계선 "서로 필요해"', "업계선 “서로 필요해”"),
        ("그는 \"나는 '괜찮다'고 했다\"고 말했다.", "그는 “나는 ‘괜찮다’고 했다”고 말했다."),
        ('("인용")', "(“인용”)"),
        ('이해찬 "나쁜 자식"에…기자협회 "사과해야"', "이해찬 “나쁜 자식”에…기자협회 “사과해야”"),
        ('동결…"물가 둔화"', "동결…“물가 둔화”"),
        ("don't stop", "don’t stop"),
        ("'90년대", "‘90년대"),
        ('"끝."', "“끝.”"),
        ('"희귀컬러 차라···" 주차장', "“희귀컬러 차라···” 주차장"),  # a middle-dot ellipsis
        ('"그래서···"라며', "“그래서···”라며"),
        ("'가'·'나'", "‘가’·‘나’"),  # a middle dot between quoted items
        ('"A·"', "“A·”"),
    ],
)
def test_curl_quotes(src: str, want: str) -> None:
    assert curl_quotes(src) == want
    assert len(curl_quotes(src)) == len(src)


def test_ellipsis_and_dots() -> None:
    assert ellipsis("우려... 미국") == "우려… 미국"
    assert unify_middle_dots("시ㆍ군 A‧B C・D") == "시·군 A·B C·D"
    assert fix_punctuation('"서로 필요해... 당연한 수순"') == "“서로 필요해… 당연한 수순”"


def test_no_spaces_added_or_lost() -> None:
    src = "a ' b \" c ... d ㆍ e"
    assert fix_punctuation(src).count(" ") == src.count(" ")


@pytest.mark.parametrize(
    ("scraped", "cleaned"),
    [
        # the next sentence's quotation glued to an English sentence's end: a space before the mark
        (
            '"It is key," an official said."We cannot wait."',
            '"It is key," an official said. "We cannot wait."',
        ),
        ("an official said.“We cannot wait.”", "an official said. “We cannot wait.”"),
        # the sentence's own quotation closed and the next sentence glued: a space after the mark
        ('He said "no."Then he left.', 'He said "no." Then he left.'),
        ("He said “no.”Then he left.", "He said “no.” Then he left."),
        # nothing glued: unchanged
        ('He said, "No." Then he left.', 'He said, "No." Then he left.'),
    ],
)
def test_a_quotation_mark_glued_between_english_sentences_gets_its_space(scraped: str, cleaned: str) -> None:
    from bookmaker.normalize.passes.clean import clean_text

    assert clean_text(scraped) == cleaned
