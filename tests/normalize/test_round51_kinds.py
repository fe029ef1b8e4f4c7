"""Failure kinds from held-out round 51 (near misses, second round): ordinary stories that quote a
script's scene headings, a mail's header fields, a ranking's rows or a subtitle file's cues keep their
title and byline, and every quoted line as printed."""

from __future__ import annotations

from tests.normalize.test_real_shapes import body, norm, removed

_HEAD = ["가람일보", "“첫 장면만 30번 고쳤다” 신인 감독의 데뷔작", "2026-11-12 08:40", "한도윤 기자", ""]


def _kinds(doc: object) -> list[str]:
    return [type(b).__name__ for b in doc.blocks]  # type: ignore[attr-defined]


def test_scene_headings_quoted_in_a_story_stay_paragraphs_and_the_headline_the_title() -> None:
    _, doc = norm(
        *_HEAD,
        "감독이 영화제에 낸 시나리오의 도입부는 다음과 같이 시작한다.",
        "S#1. 옥상 ― 밤",
        "준호가 난간에 기대 담배를 문다.",
        "S#2. 계단 ― 밤",
        "발소리가 가까워진다.",
        "",
        "영화는 다음 달 극장에서 개봉한다.",
    )
    assert doc.meta.title == "“첫 장면만 30번 고쳤다” 신인 감독의 데뷔작"
    assert doc.meta.subtitles == [] and [a.name for a in doc.meta.authors] == ["한도윤"]
    assert "Heading" not in _kinds(doc)
    assert "S#1. 옥상 ― 밤" in body(doc) and "S#2. 계단 ― 밤" in body(doc)


def test_a_script_with_its_synopsis_above_the_first_scene_is_still_a_script() -> None:
    _, doc = norm(
        "옥상의 밤",
        "― 단편영화 시나리오 ―",
        "각본 이하은",
        "시놉시스",
        "회사를 그만둔 준호는 매일 밤 옥상에 올라 도시의 불빛을 센다.",
        "S#1. 옥상 ― 밤",
        "준호가 난간에 기대 선다.",
        "S#2. 계단 ― 밤",
        "발소리가 가까워진다.",
    )
    assert doc.meta.title == "옥상의 밤" and [a.name for a in doc.meta.authors] == ["이하은"]
    assert _kinds(doc).count("Heading") >= 2


def test_mail_header_fields_quoted_in_a_story_are_one_list_and_no_author_or_heading() -> None:
    fields = [
        "보낸사람: 고객센터 <help@bank-notice.co>",
        "받는사람: 회원님",
        "날짜: 2026년 10월 2일 오후 3:15",
        "제목: 계좌 정지 예정 안내",
    ]
    _, doc = norm(
        *_HEAD,
        "피해자들이 받은 메일은 실제 은행의 안내문과 거의 같았다.",
        *fields,
        "",
        "경찰은 수사에 나섰다.",
    )
    assert [a.name for a in doc.meta.authors] == ["한도윤"]
    assert doc.meta.date is not None and doc.meta.date.startswith("2026-11-12")
    assert _kinds(doc) == ["Paragraph", "ListBlock", "Paragraph"]
    assert "제목: 계좌 정지 예정 안내" in body(doc) and "날짜: 2026년 10월 2일 오후 3:15" in body(doc)


def test_header_fields_under_a_forwarding_marker_are_no_quoted_list() -> None:
    """A forwarded message's own header below another text: not a story's quotation."""
    _, doc = norm(
        "아래 메일을 전달합니다. 확인 부탁드리며 회신은 오늘 중으로 주시기 바랍니다.",
        "---------- Forwarded message ---------",
        "보낸사람: 홍보팀 <press@example.org>",
        "받는사람: 기자단",
        "내용은 첨부와 같습니다.",
    )
    assert "ListBlock" not in _kinds(doc)


def test_subtitle_cues_quoted_in_a_story_keep_their_numbers_and_times() -> None:
    _, doc = norm(
        *_HEAD,
        "논란이 된 장면의 자막 파일에는 이렇게 적혀 있었다.",
        "41",
        "00:32:10,500 --> 00:32:12,000",
        "널 용서할 수 없어.",
        "",
        "제작사는 자막을 고치겠다고 밝혔다.",
    )
    assert [b.text for b in doc.blocks][1:4] == ["41", "00:32:10,500 --> 00:32:12,000", "널 용서할 수 없어."]
    assert "Heading" not in _kinds(doc)
    assert not any(rule and rule.startswith("subtitles.") for rule in removed(doc).values())


def test_a_ranking_s_rows_stay_however_short_their_cells() -> None:
    rows = ["1 | 한빛초 | 412명", "2 | 가람중 | 388명", "3 | 누리고 | 97명"]
    _, doc = norm(
        *_HEAD, "교육청이 공개한 학교별 참가 인원 순위는 다음과 같다.", *rows, "", "대회는 매년 열린다."
    )
    assert [b.text for b in doc.blocks][1:4] == rows


def test_a_ranking_of_ranks_over_entries_keeps_its_numbers() -> None:
    _, doc = norm(
        *_HEAD,
        "올해 가장 많이 팔린 책은 다음과 같다.",
        "1",
        "바다의 기억",
        "2",
        "작은 정원",
        "3",
        "밤의 도서관",
        "",
        "출판계는 소설 강세가 이어졌다고 분석했다.",
    )
    assert [b.text for b in doc.blocks][1:7] == ["1", "바다의 기억", "2", "작은 정원", "3", "밤의 도서관"]
    assert "Heading" not in _kinds(doc)


def test_a_like_counter_over_a_most_read_box_is_still_chrome() -> None:
    """A ranking counts from 1: the counter ``0`` over the box's header goes as before."""
    _, doc = norm(
        *_HEAD,
        "기사 본문은 이렇게 한 문장으로 끝나며 충분히 길게 이어진다.",
        "좋아요",
        "0",
        "많이 본 뉴스",
        "1",
        "첫 번째 기사 제목",
        "2",
        "두 번째 기사 제목",
        "3",
        "세 번째 기사 제목",
    )
    assert removed(doc).get("0") == "boilerplate.chrome"


def test_form_questions_quoted_one_under_another_are_no_headings() -> None:
    questions = [
        "Q1. 팀 프로젝트에서 갈등을 해결한 경험을 기술하시오. (최대 600자)",
        "Q2. 10년 뒤 본인의 모습을 구체적으로 작성해 주십시오. (최대 400자)",
    ]
    _, doc = norm(
        *_HEAD,
        "올해 한 공기업의 자기소개서 문항은 다음과 같다.",
        *questions,
        "",
        "지원은 다음 달까지 받는다.",
    )
    assert "Heading" not in _kinds(doc)
    assert [b.text for b in doc.blocks][1:3] == questions


def test_form_questions_with_answers_under_them_are_still_headings() -> None:
    _, doc = norm(
        "2027 상반기 한빛도서관 신입 직원 자기소개서",
        "1. 지원 동기를 기술해 주십시오. (500자 이내)",
        "어릴 때부터 도서관에서 시간을 보내며 책을 정리하는 일에 관심을 가졌습니다.",
        "2. 입사 후 포부를 작성해 주십시오. (500자 이내)",
        "지역 도서관의 디지털 자료를 누구나 쉽게 찾을 수 있게 만들고 싶습니다.",
    )
    assert _kinds(doc).count("Heading") == 2
