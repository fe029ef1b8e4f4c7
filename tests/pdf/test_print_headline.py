"""Printed headlines break between phrases, in balanced lines, and only where bookmaker chose."""

from __future__ import annotations

from bookmaker.ir import Document, Meta, Paragraph, Text
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_headline import ZERO_WIDTH_SPACE, opens_line_after_ellipsis, set_headline
from bookmaker.layout.render import render_print_html
from bookmaker.layout.style import resolve_style

NBSP = "\u00a0"


def chars(text: str) -> float:
    """A measure of one unit per character: the tests reason in characters."""
    return float(len(text))


def lines(text: str) -> list[str]:
    return text.replace(ZERO_WIDTH_SPACE, " ").replace(NBSP, "·").split(" ")


def test_a_headline_breaks_after_the_ellipsis_joining_its_clauses() -> None:
    title = "카카오, 3분기 영업이익 1500억원…전년 대비 5% 증가"  # 30 characters
    set_ = set_headline(title, chars, 24)
    # greedy filling would end the first line at "…전년"; the clause ends at the ellipsis
    assert lines(set_) == ["카카오,·3분기·영업이익·1500억원…", "전년·대비·5%·증가"]
    assert ZERO_WIDTH_SPACE in set_  # the glued ellipsis: a break WeasyPrint may take, no space drawn
    assert set_.replace(ZERO_WIDTH_SPACE, "").replace(NBSP, " ") == title


def test_a_glued_ellipsis_before_a_bound_syllable_is_no_break() -> None:
    """``고시…|월``: a line starting with one syllable bound to the next word reads as torn."""
    title = "정부 전기요금 인상안 고시…월 4천원 더 내야"
    assert all(not part.startswith("월") for part in set_headline(title, chars, 14).split(ZERO_WIDTH_SPACE))
    assert opens_line_after_ellipsis("전년 대비") and opens_line_after_ellipsis("10만 원")
    assert not opens_line_after_ellipsis("“셔틀외교") and not opens_line_after_ellipsis("월 4천원")


def test_a_glued_ellipsis_before_a_pronoun_and_its_particle_is_no_break() -> None:
    """``급여’…|누가,``: the line would open with a one-syllable pronoun and its particle, which
    reads as one syllable torn off (round seventeen); a two-syllable noun still opens a line."""
    title = "내년부터 달라지는 ‘육아휴직 급여’…누가, 얼마나, 언제부터"
    parts = set_headline(title, chars, 17).split(ZERO_WIDTH_SPACE)
    assert all(not part.startswith("누가") for part in parts)
    assert not opens_line_after_ellipsis("누가, 얼마나") and not opens_line_after_ellipsis("제가 한 일")
    assert opens_line_after_ellipsis("제도 개편") and opens_line_after_ellipsis("누구나 받는")


def test_a_headline_breaks_after_an_ellipsis_and_a_space() -> None:
    title = "카카오, 3분기 영업이익 1500억원… 전년 대비 5% 증가"  # 31 characters
    # greedy filling would end the first line at "전년"; the clause ends at the ellipsis
    assert lines(set_headline(title, chars, 24)) == ["카카오,·3분기·영업이익·1500억원…", "전년·대비·5%·증가"]


def test_a_glued_ellipsis_is_no_break_while_the_headline_sets_at_its_spaces() -> None:
    """``출몰…|“방제보다``: the line would start with the quote (or a bound word) torn from the
    ellipsis, a bad split by the yardstick; the headline breaks at a space instead."""
    title = "서울 도심 ‘러브버그’ 대량 출몰…“방제보다 공존”"
    set_ = set_headline(title, chars, 20)
    assert lines(set_) == ["서울·도심·‘러브버그’", "대량·출몰…“방제보다·공존”"]
    assert ZERO_WIDTH_SPACE not in set_
    assert set_.replace(NBSP, " ") == title


def test_a_word_wider_than_a_line_breaks_after_its_glued_ellipsis_as_a_last_resort() -> None:
    """Its ranked seams first (블랙|아이스, a compound); after the ellipsis only when they leave a
    part wider than the line."""
    title = "위험하다…‘블랙아이스’"  # 12 characters
    assert set_headline(title, chars, 10).split(ZERO_WIDTH_SPACE) == ["위험하다…‘블랙", "아이스’"]
    assert set_headline(title, chars, 8).split(ZERO_WIDTH_SPACE) == ["위험하다…", "‘블랙아이스’"]


def test_lines_are_balanced_when_no_phrase_ends() -> None:
    title = "전세사기 피해자 지원 특별법 개정안 국회 통과"  # 25 characters
    assert lines(set_headline(title, chars, 20)) == ["전세사기·피해자·지원·특별법", "개정안·국회·통과"]


def test_a_comma_is_a_phrase_end_a_quotation_edge_a_lesser_one() -> None:
    assert lines(set_headline("스트레스 DSR 3단계, 대출 시장 어떻게 바뀌나", chars, 20)) == [
        "스트레스·DSR·3단계,",
        "대출·시장·어떻게·바뀌나",
    ]
    # a short quoted phrase stays whole (runt.headline binds it) and the break comes at its edge
    assert lines(set_headline("취약계층 노인 1만 명에 ‘AI 돌봄로봇’ 보급한다", chars, 20)) == [
        "취약계층·노인·1만·명에",
        "‘AI·돌봄로봇’·보급한다",
    ]


def test_a_headline_that_fits_or_cannot_fit_is_only_bound() -> None:
    """(Its last short word bound to the word before, as ever.)"""
    assert set_headline("배우 김지수, 연극 무대 복귀", chars, 40) == f"배우 김지수, 연극 무대{NBSP}복귀"
    long_word = "가" * 50 + " 나다라마"
    assert set_headline(long_word, chars, 20) == long_word  # WeasyPrint wraps it as it can


def test_a_word_wider_than_a_line_breaks_only_where_a_word_may() -> None:
    """A filing's one-word title wider than the report theme's A5 line: WeasyPrint wrapped it inside
    a morpheme (주요사항보고서(유상증|자결정)); it breaks before its parenthetical, then between the
    nouns of a compound."""
    title = "주요사항보고서(유상증자결정)"
    assert set_headline(title, chars, 12).split(ZERO_WIDTH_SPACE) == ["주요사항보고서", "(유상증자결정)"]
    narrow = set_headline(title, chars, 6).split(ZERO_WIDTH_SPACE)
    assert "".join(narrow) == title and all(len(line) <= 6 for line in narrow)
    assert "유상증" not in narrow and not any(line.startswith("자") for line in narrow)


def test_the_print_title_is_set_for_the_theme_s_title_size() -> None:
    text = "서울 도심 ‘러브버그’ 대량 출몰…“방제보다 공존”"
    doc = Document(meta=Meta(title=text), blocks=[Paragraph(content=[Text(value="본문입니다.")])])
    small = render_print_html(doc, page_spec("a5"), created="2025-01-01T00:00:00Z")
    style = resolve_style("book", None, {"title-size": "30"})
    large = render_print_html(doc, page_spec("a5"), created="2025-01-01T00:00:00Z", style=style)
    assert "font-size: 30.0pt" in large
    # at 17 pt the title takes two lines, broken at one space; at 30 pt it needs more breaks
    title_17 = small.split('<h1 class="title"')[1].split(">", 1)[1].split("</h1>")[0]
    title_30 = large.split('<h1 class="title"')[1].split(">", 1)[1].split("</h1>")[0]
    assert ZERO_WIDTH_SPACE not in title_17 + title_30  # never after the glued ellipsis
    assert title_17.count(" ") == 1 and title_30.count(" ") >= 2


def test_an_empty_title_stays_empty() -> None:
    assert set_headline("", chars, 20) == ""
    assert set_headline("  ", chars, 20) == ""


def test_a_spaced_dash_does_not_start_a_line() -> None:
    """A lecture note's title and its subtitle joined by a spaced dash: a line starting with "—" is
    a kinsoku fault (``bookmaker check`` counted it); the break comes after the dash."""
    title = "선형대수 7주차 강의 노트 — 고유값과 고유벡터"  # 26 characters
    # where the dash fits on the first line, the break comes after it (a phrase's end)
    assert lines(set_headline(title, chars, 18)) == ["선형대수·7주차·강의·노트·—", "고유값과·고유벡터"]
    # where it does not, the line breaks a word earlier rather than before the dash
    assert lines(set_headline(title, chars, 16)) == ["선형대수·7주차·강의", "노트·—·고유값과·고유벡터"]


def test_a_bound_phrase_wider_than_a_line_breaks_at_its_spaces_before_any_word_is_cut() -> None:
    """``막는다더니…‘주 5일 배송’``: the short quotation is bound whole (runt.headline) and glued to
    the ellipsis, one piece wider than the line. It breaks at a space inside the quotation, which
    splits no word, rather than after the glued ellipsis (``막는다더니…|‘주``, a bad split)."""
    title = "택배기사 과로 막는다더니…‘주 5일 배송’ 1년, 휴일 물량은 되레 늘었다"
    set_ = set_headline(title, chars, 14)
    assert ZERO_WIDTH_SPACE not in set_
    assert all(len(line) <= 14 for line in lines(set_))
    assert set_.replace(NBSP, " ") == title
    # a bound phrase that fits a line stays whole
    assert "‘주·5일·배송’" in lines(set_headline(title, chars, 20))[1]


def test_without_breaks_after_glued_ellipses_the_headline_sets_at_its_spaces() -> None:
    """A document past its split budget: a break after ``…`` glued to the next word counts as a
    word split, so the headline breaks at a space in as many lines (a word wider than a line still
    breaks after its ellipsis as a last resort)."""
    title = "카카오, 3분기 영업이익 1500억원…전년 대비 5% 증가"
    spaced = set_headline(title, chars, 24, after_ellipses=False)
    assert ZERO_WIDTH_SPACE not in spaced and len(lines(spaced)) == 2
    assert spaced.replace(NBSP, " ") == title
    assert set_headline("위험하다…‘블랙아이스’", chars, 8, after_ellipses=False).split(ZERO_WIDTH_SPACE) == [
        "위험하다…",
        "‘블랙아이스’",
    ]


def _printed_title(doc: Document) -> str:
    html = render_print_html(doc, page_spec("a5"), created="2025-01-01T00:00:00Z")
    return html.split('<h1 class="title"')[1].split(">", 1)[1].split("</h1>")[0]


def test_a_short_document_spends_no_split_on_its_headline_a_long_one_may() -> None:
    """One break after a glued ellipsis among a short article's 10–30 line breaks is over the 3 %
    budget (``breaks.py`` counts ``1500억원…|전년`` as a split): the headline is set again at its
    spaces in as many lines. An article of 40 line breaks or more can afford it, and keeps the
    editor's break at the clause's end."""
    title = "한결전자, 3분기 영업이익 1500억원…전년보다 5% 늘어 반도체 호조"
    sentence = "회사는 실적 발표에서 메모리 가격이 오르고 출하량이 늘어 수익이 크게 좋아졌다고 설명했다. "
    short = Document(meta=Meta(title=title), blocks=[Paragraph(content=[Text(value=sentence * 4)])])
    long = Document(meta=Meta(title=title), blocks=[Paragraph(content=[Text(value=sentence * 40)])])
    kept = _printed_title(long)
    assert ZERO_WIDTH_SPACE in kept  # the clause's end
    spaced = _printed_title(short)
    assert ZERO_WIDTH_SPACE not in spaced
    breaks = [text.count(" ") + text.count(ZERO_WIDTH_SPACE) for text in (spaced, kept)]
    assert breaks == [1, 1]  # as many lines


def test_a_tally_is_not_torn_at_the_break() -> None:
    """``3승`` / ``1패…``: two counts of one tally either side of a break read as torn, as a number
    from its counter; the headline breaks before the tally where that is about as even."""
    title = "LG, KT 꺾고 한국시리즈 3승 1패…우승까지 1승"
    assert lines(set_headline(title, chars, 14, after_ellipses=False)) == [
        "LG,·KT",
        "꺾고·한국시리즈",
        "3승·1패…우승까지·1승",
    ]
