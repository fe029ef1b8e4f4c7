"""Layout: both renditions from one IR; word joiners only in print."""

from __future__ import annotations

import pytest

from bookmaker.ir import Document, Figure, Heading, Meta, Paragraph, text_runs
from bookmaker.korean.keep_all import WORD_JOINER, join_words, strip_joiners
from bookmaker.korean.runt import NO_BREAK_SPACE, bind_quoted, bind_runt, headline
from bookmaker.layout import render_article, render_print_html
from bookmaker.layout.pages import page_spec
from bookmaker.layout.style import resolve_style

INVISIBLE = ("\u2060", "\u200b", "\u00ad", "\ufeff")


def _doc() -> Document:
    return Document(
        meta=Meta(title="반도체 <수출> & 전망", subtitles=["부제"], publisher="한국일보", date="2025-11-22"),
        blocks=[
            Paragraph(content=text_runs("삼성전자와 SK하이닉스가 “동참”했다.")),
            Figure(caption=text_runs("사진 설명"), credit="연합뉴스"),
            Heading(content=text_runs("소제목"), level=2),
            Paragraph(content=text_runs("둘째 문단.")),
        ],
    )


def test_join_words_glues_letters_not_spaces() -> None:
    assert join_words("가나 다") == f"가{WORD_JOINER}나 다"
    assert join_words("(AI)는") == WORD_JOINER.join("(AI)는")
    assert strip_joiners(join_words("한국 반도체 70%")) == "한국 반도체 70%"
    assert join_words(join_words("가나")) == join_words("가나")


def test_bind_runt_joins_a_short_last_word_of_a_headline() -> None:
    assert bind_runt("박지원 “재판 끝나면 사면할 것”") == f"박지원 “재판 끝나면 사면할{NO_BREAK_SPACE}것”"
    assert bind_runt("첫 압수수색…“증거 서류 많아”") == f"첫 압수수색…“증거 서류{NO_BREAK_SPACE}많아”"
    assert bind_runt("해병대 1사단 첫 압수수색") == "해병대 1사단 첫 압수수색"  # a long last word
    assert bind_runt("제목 없음") == "제목 없음"  # two words: nothing to balance


def test_a_headline_keeps_a_short_quoted_phrase_whole() -> None:
    nbsp = NO_BREAK_SPACE
    assert bind_quoted("‘이준석 가처분’ 인용…비대위 제동") == f"‘이준석{nbsp}가처분’ 인용…비대위 제동"
    assert bind_quoted("법원 「국민의힘 비대위」 효력 정지") == f"법원 「국민의힘{nbsp}비대위」 효력 정지"
    clause = "“한국이 미국 주도의 공급망에서 하위 파트너로 전락해선 안 돼”"
    assert bind_quoted(f"연구원 {clause}") == f"연구원 {clause}"  # a clause: breaks as usual
    assert (
        bind_quoted("‘미국산 AI 수출 프로그램’ 동참 의사") == "‘미국산 AI 수출 프로그램’ 동참 의사"
    )  # 4 words
    assert bind_quoted("이해찬 “나쁜 자식”에…기자협회") == f"이해찬 “나쁜{nbsp}자식”에…기자협회"
    speech = "기준금리 동결…“인하 서두르지 않겠다”"
    assert bind_quoted(speech) == speech  # speech: a clause, breaks as usual
    assert headline("첫 압수수색…“증거 서류 많아”") == f"첫 압수수색…“증거 서류{nbsp}많아”"  # the runt only


@pytest.mark.parametrize("theme", ["book", "newspaper", "report"])
def test_every_theme_keeps_a_headline_s_runt_with_the_word_before(theme: str) -> None:
    doc = Document(meta=Meta(title="재판 끝나면 사면할 것"), blocks=[Paragraph(content=text_runs("본문."))])
    style = resolve_style(theme)
    assert f"사면할{NO_BREAK_SPACE}것</h1>" in render_article(doc, "epub", style=style)
    print_html = render_print_html(doc, style.page, style=style).replace(WORD_JOINER, "")
    assert f"사면할{NO_BREAK_SPACE}것</h1>" in print_html


def test_epub_rendition_has_no_invisible_characters() -> None:
    html = render_article(_doc(), "epub")
    assert not any(ch in html for ch in INVISIBLE)
    sentence = (
        '<p>삼성전자와 <span class="eojeol">SK하이닉스가</span> <span class="eojeol">“동참”했다.</span></p>'
    )
    assert sentence in html


def test_print_rendition_glues_words_and_escapes_markup() -> None:
    html = render_print_html(_doc(), page_spec("a5"))
    assert join_words("소제목") in html  # headings: keep-all by word joiners
    assert '<span class="ln' in html and "삼성전자와" in html.replace(WORD_JOINER, "")  # body: set lines
    assert "&lt;" in html and "<수출>" not in html.replace(WORD_JOINER, "")
    assert "&" + WORD_JOINER not in html  # entities are never split
    assert 'lang="ko"' in html and "size: 148mm 210mm" in html


def test_semantic_markup() -> None:
    html = render_article(_doc(), "epub")
    assert '<figure class="photo">' in html and "<figcaption>" in html
    assert '<span class="credit">연합뉴스</span>' in html
    assert '<h2 class="section" id="b3">소제목</h2>' in html
    day = " ".join(f'<span class="eojeol">{word}</span>' for word in ("2025년", "11월", "22일"))
    assert f'<time datetime="2025-11-22">{day}</time>' in html
    assert html.index("<header") < html.index("<h1") < html.index('<section class="body">')
