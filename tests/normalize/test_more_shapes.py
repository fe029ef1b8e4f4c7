"""More failure kinds from held-out pages (round 8: columns, markets reports, people pages,
notices, broadcast transcripts), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Figure
from bookmaker.normalize.passes.clean import clean_text
from tests.normalize.test_real_shapes import BODY, body, norm, removed


def test_counters_and_font_buttons_are_chrome() -> None:
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", "0 0", "가 가", "가가가", *BODY)
    assert body(doc).splitlines() == BODY
    assert {"0 0", "가 가", "가가가"} <= {
        t for t, rule in removed(doc).items() if rule == "boilerplate.chrome"
    }


def test_sentences_glued_after_a_final_ending_are_spaced() -> None:
    assert clean_text("701.24에 마감했다.서울 외환시장에서") == "701.24에 마감했다. 서울 외환시장에서"
    assert clean_text("인사를 단행했습니다.연구정책국장에는") == "인사를 단행했습니다. 연구정책국장에는"
    # numbers, abbreviations and Latin stay as they are
    assert clean_text("2612.05에 마감했다. 지수는 3.5% 올랐다.") == "2612.05에 마감했다. 지수는 3.5% 올랐다."
    assert clean_text("www.donga.com에서") == "www.donga.com에서"


def test_writer_disclaimers_and_submission_notices_are_site_notices() -> None:
    notices = [
        "※ 외부 필자의 원고는 본보의 편집 방향과 다를 수 있습니다.",
        "※이 칼럼은 본지의 편집 방향과 다를 수 있습니다.",
        "※부고·인사·동정은 이메일(people@example.co.kr)로 보내 주시면 게재하겠습니다.",
    ]
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY, *notices)
    assert body(doc).splitlines() == BODY
    assert all(removed(doc)[n] == "boilerplate.policy" for n in notices)


def test_production_credits_separated_by_commas() -> None:
    credits = "(영상취재 : 김태훈, 영상편집 : 이승희, 디자인 : 박지원)"
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY, credits)
    assert body(doc).splitlines() == BODY
    assert removed(doc)[credits] == "boilerplate.production"


def test_a_copyright_holder_in_latin_letters_is_the_outlet_of_that_site() -> None:
    _, doc = norm(
        "시, 버스 노선 12개→8개로 줄인다", *BODY, "Copyright ⓒ Hankookilbo 신문사 무단 전재 및 재배포 금지"
    )
    assert doc.meta.publisher == "한국일보"


def test_an_outside_writer_s_credit_closes_a_column() -> None:
    bio = "◇필자 소개: 서울대에서 도시계획학 박사 학위를 받았다. 지역균형발전 정책을 연구하고 있다."
    _, doc = norm("[기고] 버스 노선 개편, 외곽부터", *BODY, "박정민 한국지방행정연구원 선임연구위원", bio)
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [("박정민", "선임연구위원", None)]
    assert body(doc).splitlines() == [*BODY, bio]


def test_a_person_s_credit_in_a_reported_article_is_not_an_author() -> None:
    _, doc = norm(
        "시, 버스 노선 12개→8개로 줄인다",
        *BODY[:2],
        "홍길동 시민교통연대 대표",
        BODY[2],
        "김철수 기자 cs@example.co.kr",
    )
    assert [a.name for a in doc.meta.authors] == ["김철수"]
    assert "홍길동 시민교통연대 대표" in body(doc)


def test_long_entries_marked_with_triangles_form_one_list() -> None:
    entries = [
        "▲김영수(전 차관)씨 별세, 김지현(교수)·김지훈(은행 부장)씨 부친상, 이민호(변호사)씨 장인상"
        "=11일 서울아산병원 장례식장 20호실, 발인 13일 오전 6시. 02-3010-2000",
        "▲박순자씨 별세, 정태원(회사원)·정미경(교사)씨 모친상=12일 삼성서울병원 장례식장 3호실, "
        "발인 14일 오전 7시 30분. 02-3410-6917",
    ]
    _, doc = norm("[부고] 김영수(전 차관)씨 별세 외", "입력 2025-03-12 18:01", *entries)
    assert [type(b).__name__ for b in doc.blocks] == ["ListBlock"]
    assert body(doc).splitlines() == [e.removeprefix("▲") for e in entries]
    assert doc.meta.authors == []


def test_broadcast_speaker_labels_are_named_as_such_and_the_turns_kept() -> None:
    anchor = "서울시가 버스 노선을 대폭 손질합니다. 정다은 기자가 보도합니다."
    labels = ["[앵커]", "<기자>", "【 앵커멘트 】", "◀ 리포트 ▶"]
    title = "시, 버스 노선 12개→8개로 줄인다"
    _, doc = norm(title, labels[0], anchor, labels[1], *BODY, labels[2], labels[3])
    assert body(doc).splitlines() == [anchor, *BODY]
    assert all(removed(doc)[label] == "boilerplate.speaker" for label in labels)
    reasons = {r.text: r.reason for r in doc.removed}
    assert "speaker" in reasons["[앵커]"]
    # a desk's column name in brackets is no speaker label
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", "[기자수첩]", *BODY)
    assert removed(doc).get("[기자수첩]") != "boilerplate.speaker"


# --- round 9: entertainment and sports pages, old and English-language sites, press releases --------


def test_a_dateline_s_place_before_a_comma_is_not_a_reporter() -> None:
    lead = "(엑스포츠뉴스 상암, 김예나 기자) 배우 김서윤과 박도현이 10년 만에 다시 만났다."
    _, doc = norm("김서윤·박도현, 10년 만의 재회", lead, *BODY)
    assert [(a.name, a.role) for a in doc.meta.authors] == [("김예나", "기자")]
    assert doc.meta.dateline == "(엑스포츠뉴스 상암, 김예나 기자)"
    _, doc = norm("LG, KT 꺾고 3연승", "[OSEN=잠실, 이후광 기자] LG가 KT를 5-3으로 꺾었다.", *BODY)
    assert [(a.name, a.role) for a in doc.meta.authors] == [("이후광", "기자")]
    assert doc.meta.publisher == "OSEN"


def test_a_labelled_update_time_leaves_no_residue() -> None:
    date = "기사입력 2025.03.04 오후 3:12 / 기사수정 2025.03.04 오후 3:40"
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", date, *BODY)
    assert doc.meta.date == "2025-03-04T15:12:00+09:00"
    assert doc.meta.authors == []
    assert body(doc).splitlines() == BODY


def test_a_photographer_s_slash_credit_with_an_e_mail_ends_a_caption_not_the_article() -> None:
    caption = "시청 앞 광장에서 열린 기공식에서 참석자들이 시삽을 하고 있다. /임열수기자 pplys@example.com"
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", BODY[0], caption, *BODY[1:])
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.text, f.credit) for f in figures] == [
        ("시청 앞 광장에서 열린 기공식에서 참석자들이 시삽을 하고 있다.", "임열수기자 pplys@example.com")
    ]
    # the same credit glued to the last paragraph is the closing byline
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY[:-1], BODY[-1] + " /김영훈기자 yhkim@example.com")
    assert body(doc).splitlines() == BODY
    assert [(a.name, a.email) for a in doc.meta.authors] == [("김영훈", "yhkim@example.com")]


def test_a_press_release_s_attachments_contacts_and_reprint_notice_are_removed_as_such() -> None:
    tail = [
        "<붙임> 1. 시범사업 개요  2. 신청서 서식 각 1부.  끝.",
        "담당 부서 노인정책과   책임자 과  장 김○○ (044-202-3450)",
        "담당자 사무관 박○○ (044-202-3455)",
        "[자료제공 :(www.example.go.kr)]",
        "이 자료는 보건복지부의 보도자료를 전재하여 제공함을 알려드립니다.",
        "공공누리 출처표시-상업적이용금지-변경금지",
    ]
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY, *tail)
    assert body(doc).splitlines() == BODY
    assert {rule for text, rule in removed(doc).items() if text in {" ".join(t.split()) for t in tail}} == {
        "boilerplate.release"
    }


def test_an_item_that_provides_something_is_not_a_photo_credit() -> None:
    items = [
        "- 말벗 기능 : 노인의 말에 반응하여 대화하고 노래·퀴즈 등을 제공",
        "- 복약 알림 : 정해진 시간에 약 복용을 안내",
    ]
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", BODY[0], *items, *BODY[1:])
    assert not [b for b in doc.blocks if isinstance(b, Figure)]
    assert [type(b).__name__ for b in doc.blocks].count("ListBlock") == 1


def test_previous_and_next_article_links_after_the_article_are_a_list_of_other_articles() -> None:
    nav = ["이전다음기사", "다음 복지부, 장애인 활동지원 수가 인상", "이전 복지부, 비상진료 지원 연장"]
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY, *nav)
    assert body(doc).splitlines() == BODY


def test_a_wire_dateline_in_the_closing_byline_is_kept() -> None:
    tail = BODY[-1] + " (서울=연합뉴스) 김재홍 기자 jaehong@yna.co.kr"
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY[:-1], tail)
    assert doc.meta.dateline == "(서울=연합뉴스)" and doc.meta.publisher == "연합뉴스"
    assert [a.name for a in doc.meta.authors] == ["김재홍"]
    assert body(doc).splitlines() == BODY
    # the article's own dateline stands first: the repeat at the end is recorded as removed
    lead = "(서울=연합뉴스) 김재홍 기자 = " + BODY[0]
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", lead, *BODY[1:-1], tail)
    assert doc.meta.dateline is not None and doc.meta.dateline.startswith("(서울=연합뉴스)")
    assert removed(doc).get("(서울=연합뉴스)") == "dateline.sign-off"
