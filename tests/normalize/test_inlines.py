"""Inline runs through normalization: edits of the plain text follow into the runs; English runs get
their language; mixed Korean words stay whole in the EPUB."""

from __future__ import annotations

import random

from bookmaker.ir import Code, Emphasis, Link, NoteRef, Span, Strong, Text, plain
from bookmaker.korean.eojeol import keep_words
from bookmaker.normalize.inlines import follow_edit, mark_languages


def _runs() -> list:
    return [
        Text(value="삼성전자는 “"),
        Strong(content=[Text(value="반도체")]),
        Text(value="” 수출이 "),
        Link(href="https://example.com/a", content=[Text(value="크게 늘었다")]),
        NoteRef(note="1"),
        Text(value=". 홍길동 기자 hong@example.com"),
    ]


def test_unchanged_text_keeps_the_runs() -> None:
    runs = _runs()
    assert follow_edit(runs, plain(runs)) is runs


def test_edits_follow_into_the_runs() -> None:
    runs = _runs()
    edited = plain(runs).replace("“", "‘").replace("”", "’").replace(" 홍길동 기자 hong@example.com", "")
    result = follow_edit(runs, edited)
    assert plain(result) == edited
    assert Strong(content=[Text(value="반도체")]) in result  # the bold word keeps its markup
    link = next(run for run in result if isinstance(run, Link))
    assert link.href == "https://example.com/a" and plain(link.content) == "크게 늘었다"
    assert NoteRef(note="1") in result  # a reference has no text and stays where it was


def test_a_run_whose_text_is_all_removed_goes() -> None:
    runs = [Text(value="본문 "), Emphasis(content=[Text(value="[사진]")]), Text(value=" 끝")]
    result = follow_edit(runs, "본문  끝")
    assert not any(isinstance(run, Emphasis) for run in result) and plain(result) == "본문  끝"


def test_random_edits_always_give_the_edited_text() -> None:
    rng = random.Random(20)
    alphabet = "가나다라 ABC.,“”"
    for _ in range(300):
        runs = [
            Text(value="".join(rng.choices(alphabet, k=rng.randint(0, 8)))),
            Strong(content=[Text(value="".join(rng.choices(alphabet, k=rng.randint(1, 6))))]),
            Emphasis(content=[Text(value="".join(rng.choices(alphabet, k=rng.randint(1, 4))))]),
            Text(value="".join(rng.choices(alphabet, k=rng.randint(0, 8)))),
        ]
        old = plain(runs)
        chars = list(old)
        for _ in range(rng.randint(0, 4)):
            where = rng.randint(0, len(chars))
            if chars and rng.random() < 0.5:
                del chars[min(where, len(chars) - 1)]
            else:
                chars.insert(where, rng.choice(alphabet))
        new = "".join(chars)
        assert plain(follow_edit(runs, new)) == new


def test_english_runs_get_their_language() -> None:
    runs = mark_languages([Text(value="그는 “We will make it happen soon”이라고 말했다. AI 반도체")])
    spans = [run for run in runs if isinstance(run, Span)]
    assert [plain(span.content) for span in spans] == ["We will make it happen soon"]
    assert spans[0].lang == "en"
    assert plain(runs) == "그는 “We will make it happen soon”이라고 말했다. AI 반도체"
    assert mark_languages([Text(value="We will make it happen")], "en") == [
        Text(value="We will make it happen")
    ]


def test_mixed_korean_words_are_kept_whole() -> None:
    assert keep_words("70%가량을 샀다") == '<span class="eojeol">70%가량을</span> 샀다'
    assert keep_words("R&D에 “투자”") == '<span class="eojeol">R&amp;D에</span> “투자”'
    long_word = "생태계(Full-stack·풀스택)를구축하겠다는계획이다"
    assert keep_words(long_word).count('class="eojeol"') >= 2
    assert keep_words("순한글 문장은 그대로") == "순한글 문장은 그대로"


def test_code_keeps_its_text_when_the_sentence_is_edited() -> None:
    runs = [Text(value='명령 "'), Code(value='print("x")'), Text(value='"를 쓴다.')]
    edited = plain(runs).replace('"', "“", 1)
    result = follow_edit(runs, edited)
    assert Code(value='print("x")') in result and plain(result[:1]) == "명령 “"


def test_a_long_paragraph_edited_at_both_ends_keeps_its_marks() -> None:
    """A 20,000-character paragraph (a fuzz case took minutes in an exact quadratic diff): edits at
    both ends and in the middle follow into the runs, the bold word stays bold."""
    filler = "가나다라마바사 아자차카 " * 800
    runs = [Text(value="  " + filler), Strong(content=[Text(value="굵은말")]), Text(value=filler + " 끝.. ")]
    old = plain(runs)
    new = old.strip().replace("끝..", "끝.").replace("아자차카", "아자차타", 1)
    edited = follow_edit(runs, new)
    assert plain(edited) == new
    bold = [run for run in edited if isinstance(run, Strong)]
    assert len(bold) == 1 and plain(bold[0].content) == "굵은말"
