"""Failure kinds from held-out round 40 (a community gallery post saved as HTML, a list of disaster text
messages copied from a safety portal, a dictionary entry copied as text, a ticket shop's show page
copied as text), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph
from bookmaker.layout.list_markers import list_markers
from tests.normalize.test_real_shapes import body, norm, read_page, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


# --- a community board's post ------------------------------------------------------------------------

POST_HEAD = "<title>동네 빵집 가격 정리함 - 빵 갤러리</title>"


def _post(writer: str, *paragraphs: str) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<div class='view_head'><h3 class='title'><span class='title_subject'>동네 빵집 가격 정리함</span>"
        f"</h3><div class='gall_writer'>{writer} <span class='gall_date'>2026.12.05 14:22:31</span></div>"
        f"</div><div class='write_div'>{text}</div>"
    )


def test_a_nickname_beside_a_partial_ip_is_the_writer(tmp_path: Path) -> None:
    writer = "<span class='nickname'>ㅇㅇ</span><span class='ip'>(118.235)</span>"
    _, doc = read_page(tmp_path, _post(writer, LONG, LATER), POST_HEAD)
    assert [a.name for a in doc.meta.authors] == ["ㅇㅇ"]
    assert removed(doc)["(118.235)"] == "html.board-ip"
    assert "118.235" not in body(doc)


def test_a_nickname_without_an_ip_is_left_to_the_other_bylines(tmp_path: Path) -> None:
    writer = "<span class='nickname'>ㅇㅇ</span><span class='level'>(골드)</span>"
    _, doc = read_page(tmp_path, _post(writer, LONG, LATER), POST_HEAD)
    assert "html.board-ip" not in removed(doc).values()


def test_a_commenters_ip_is_no_byline(tmp_path: Path) -> None:
    comments = (
        "<div class='comment_wrap'><ul><li><span class='nickname'>ㅇㅇ</span>"
        "<span class='ip'>(223.38)</span> <p>정보 고마워요</p></li></ul></div>"
    )
    _, doc = read_page(tmp_path, _post("", LONG, LATER) + comments, POST_HEAD)
    assert not doc.meta.authors


def test_a_posts_clipped_first_lines_are_its_text_not_a_deck(tmp_path: Path) -> None:
    lines = ("다음 주부터 가격 오른다길래 가게마다 물어보고 정리함", "소금빵은 3500원으로 오른다고 함", LONG)
    _, doc = read_page(tmp_path, _post("", *lines), POST_HEAD)
    assert not doc.meta.subtitles
    assert "가게마다 물어보고 정리함" in body(doc)


def test_a_news_deck_without_a_sentence_end_stays_a_deck() -> None:
    _, doc = norm("버스 노선 12개→8개로 줄인다", "외곽 마을버스는 늘려 불편 줄이기로", LONG, LATER)
    assert doc.meta.subtitles == ["외곽 마을버스는 늘려 불편 줄이기로"]


def test_a_boards_app_signature_goes() -> None:
    for signature in ("- dc official App", "- garam official App", "모바일 앱에서 작성"):
        _, doc = norm("동네 빵집 가격 정리", LONG, LATER, signature)
        assert signature not in body(doc)
        assert removed(doc)[signature] == "boilerplate.chrome"


# --- a list of disaster text messages -----------------------------------------------------------------


def _alerts(*tail: str) -> tuple[str, ...]:
    return (
        "긴급재난문자",
        "기간 2026-12-04 ~ 2026-12-05   지역 경기도 가람시   재난유형 전체   조회",
        "총 2건 [1/1 페이지]",
        "",
        "2026-12-05 14:10:23   경기도 가람시   대설   안전안내문자",
        "[가람시청] 오늘 14:10 대설주의보 발효 중. 대중교통을 이용하시기 바랍니다.",
        "",
        "2026-12-04 06:02:11   경기도 전체   대설   긴급재난문자",
        "[행정안전부] 오늘 06:00 경기 남부 대설경보. 외출 자제 등 안전에 유의하세요",
        "[Ministry of the Interior and Safety] Heavy snow warning. Avoid going out.",
        "",
        *tail,
    )


def test_each_alert_is_one_paragraph_under_the_lists_title() -> None:
    _, doc = norm(*_alerts())
    assert doc.meta.title == "긴급재난문자"
    assert doc.meta.date == "2026-12-05"
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(paras) == 2
    assert paras[0].startswith("2026-12-05 14:10:23")
    assert "대중교통을 이용하시기 바랍니다." in paras[0]
    assert "Heavy snow warning." in paras[1]  # the English line is the same message's
    assert not any(isinstance(b, Heading) for b in doc.blocks)


def test_a_search_results_form_and_count_go() -> None:
    _, doc = norm(*_alerts())
    gone = removed(doc)
    assert gone["총 2건 [1/1 페이지]"] == "boilerplate.chrome"
    assert any(
        text.startswith("기간 2026-12-04") and rule == "boilerplate.chrome" for text, rule in gone.items()
    )


def test_one_dated_message_is_no_list() -> None:
    _, doc = norm(
        "대설 대비 안내",
        "2026-12-05 14:10:23   경기도 가람시   대설   안전안내문자",
        "[가람시청] 오늘 14:10 대설주의보 발효 중. 대중교통을 이용하시기 바랍니다.",
        LONG,
        LATER,
    )
    assert doc.meta.title == "대설 대비 안내"


def test_a_public_body_closing_an_address_footer_votes_the_publisher() -> None:
    footer = "(30128) 세종특별자치시 도움6로 42 정부세종청사 행정안전부   대표전화 1588-0000"
    _, doc = norm(*_alerts(footer))
    assert doc.meta.publisher == "행정안전부"


def test_an_english_holder_of_the_words_is_not_cut_to_its_first_word() -> None:
    _, doc = norm(*_alerts("Copyright ⓒ Ministry of the Interior and Safety. All rights reserved."))
    assert doc.meta.publisher != "Ministry"


# --- a dictionary entry --------------------------------------------------------------------------------


def _entry(*tail: str) -> tuple[str, ...]:
    return (
        "표준국어대사전",
        "",
        "가람02",
        "「명사」",
        "발음 [가람]",
        "",
        "「1」 강의 옛말.",
        "¶ 가람 건너 마을에 불이 켜졌다.",
        "「2」 넓고 큰 내.",
        "",
        *tail,
    )


def test_a_headword_is_the_title_without_its_homograph_number() -> None:
    _, doc = norm(*_entry())
    assert doc.meta.title == "가람"
    assert removed(doc)["02"] == "dictionary.homograph"


def test_the_senses_are_a_list_numbered_in_corner_brackets_each_with_its_examples() -> None:
    _, doc = norm(*_entry())
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "「명사」" in paras and "발음 [가람]" in paras
    senses = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(senses) == 1
    assert (senses[0].ordered, senses[0].start, senses[0].punctuation) == (True, 1, "corner")
    assert [i.text for i in senses[0].items] == ["강의 옛말.\n¶ 가람 건너 마을에 불이 켜졌다.", "넓고 큰 내."]
    assert list_markers(senses[0]) == ["「1」", "「2」"]


def test_an_entrys_sections_are_headings_and_an_idiom_is_text() -> None:
    _, doc = norm(
        *_entry("관용구·속담(1)", "관용구 가람을 건너다", "먼 길을 떠나다.", "", "역사 정보", "가ᄅᆞᆷ(15세기)")
    )
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["관용구·속담(1)", "역사 정보"]
    assert "관용구 가람을 건너다" in [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_word_over_no_part_of_speech_is_no_headword() -> None:
    _, doc = norm("가람02", "오늘 모임은 가람에서 열립니다.", LONG, LATER)
    assert "dictionary.homograph" not in removed(doc).values()


# --- a ticket shop's show page -------------------------------------------------------------------------


def _show(*fields: str) -> tuple[str, ...]:
    return (
        "가람티켓",
        "연극 〈겨울 정거장〉",
        *fields,
        "할인 조기예매 20% (12/11까지) | 재관람 30%",
        "",
        "캐스팅일정",
        "12월 12일(토) 15:00  이정민, 한서윤",
        "",
        "공연정보   캐스팅   판매정보   관람후기(12)   기대평(48)",
        "작품 소개",
        "폭설로 막차가 끊긴 시골 간이역에서 서로 모르는 세 사람이 하룻밤을 보낸다. 눈이 그친다.",
        "",
        "주최 (주)극단 가람   제작 가람컴퍼니",
        "",
        "판매정보",
        "주최/기획 (주)극단 가람 | 고객문의 02-000-1234 | 예매수수료 장당 2,000원",
        "취소 마감 관람일 전일 17:00까지",
    )


FIELDS = (
    "장소 가람아트홀 2관",
    "공연기간 2026.12.12 ~ 2027.02.28",
    "관람연령 만 13세 이상",
    "가격 전석 50,000원",
)


def test_a_show_pages_name_is_the_title_and_its_fields_are_text() -> None:
    _, doc = norm(*_show(*FIELDS))
    assert doc.meta.title == "겨울 정거장"
    assert removed(doc)["연극"] == "show.genre"
    assert not doc.meta.subtitles
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert all(field in paras for field in FIELDS)
    assert doc.meta.date == "2026-12-12"
    assert doc.meta.publisher == "극단 가람"
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["캐스팅일정", "작품 소개"]


def test_a_ticket_shops_rows_go() -> None:
    _, doc = norm(*_show(*FIELDS))
    text = body(doc)
    for chrome in ("조기예매", "기대평", "판매정보", "예매수수료", "취소 마감"):
        assert chrome not in text


def test_a_genre_and_a_bracketed_name_with_one_field_is_no_show_page() -> None:
    _, doc = norm("연극 〈겨울 정거장〉 리뷰", "장소 가람아트홀 2관", LONG, LATER)
    assert "show.genre" not in removed(doc).values()
