"""Failure kinds from held-out round 50 (near misses: an article quoting a special document's head —
a patent's cover, a dictionary entry, a broker's rating box, a manuscript's field block — is no such
document; a column's disclaimer pattern met in a story's sentence), each on a small made-up input."""

from __future__ import annotations

from bookmaker.ir import ListBlock
from tests.normalize.test_real_shapes import body, norm, removed

_LEAD = "중소기업이 자사 특허를 대기업이 침해했다며 손해배상 소송을 냈다고 7일 밝혔다."


def _story(title: str, *quoted: str) -> list[str]:
    return [
        title,
        "입력 2026.12.07 10:12",
        "한지민 기자",
        "",
        _LEAD,
        "",
        *quoted,
        "",
        "첫 변론기일은 내년 2월 열린다고 법원 관계자가 말했다.",
    ]


_COVER = (
    "(19) 대한민국특허청(KR)",
    "(11) 공개번호 10-2026-0154321",
    "(43) 공개일자 2026년11월20일",
    "(72) 발명자 윤서준, 한다은",
    "(54) 발명의 명칭 책장 정리 로봇",
)


def test_a_patent_cover_quoted_under_a_sentence_is_a_list_in_the_story() -> None:
    _, doc = norm(*_story("“특허 베꼈다” 소송", *_COVER))
    assert doc.meta.title == "“특허 베꼈다” 소송"
    assert [a.name for a in doc.meta.authors] == ["한지민"]
    assert doc.meta.publisher != "특허청"
    assert doc.meta.date == "2026-12-07T10:12:00+09:00"
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 5
    assert "(54) 발명의 명칭 책장 정리 로봇" in body(doc)


def test_a_patent_cover_under_a_sites_chrome_is_still_read() -> None:
    _, doc = norm("KIPRIS 특허정보검색서비스", "홈 > 특허·실용신안 > 상세정보", "", *_COVER)
    assert doc.meta.title == "책장 정리 로봇"
    assert [a.name for a in doc.meta.authors] == ["윤서준", "한다은"]


_ENTRY = ("마루01", "「명사」", "「1」 지붕이나 산 따위의 꼭대기.", "「2」 일이 한창인 고비.")


def test_a_dictionary_entry_quoted_in_a_column_keeps_the_columns_title() -> None:
    _, doc = norm(*_story("‘마루’를 넘는다는 것", *_ENTRY))
    assert doc.meta.title == "‘마루’를 넘는다는 것"
    assert "마루01" in body(doc) and "「명사」" in body(doc)
    assert "01" not in removed(doc)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 2


def test_a_dictionary_entry_under_a_sites_chrome_is_still_read() -> None:
    _, doc = norm("표준국어대사전", "로그인   회원가입", "", *_ENTRY)
    assert doc.meta.title == "마루"


_BOX = ("투자의견 BUY (유지)", "목표주가 95,000원 (상향)", "현재주가(12/4) 72,300원")


def test_a_rating_box_quoted_in_a_market_story_is_a_list_and_the_story_keeps_its_head() -> None:
    _, doc = norm(*_story("증권가 “목표가 올린다”", *_BOX))
    assert doc.meta.title == "증권가 “목표가 올린다”"
    assert not any(rule and rule.startswith("report.") for rule in removed(doc).values())
    assert _LEAD in body(doc)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_a_rating_box_under_a_reports_cover_is_still_read() -> None:
    _, doc = norm(
        "Company Report | 2026. 12. 7", "", "한빛전자 (123450)", "HBM 증설이 이끄는 실적 반등", "", *_BOX
    )
    assert doc.meta.title == "HBM 증설이 이끄는 실적 반등"


_FIELDS = ("■ 제목: 빈집을 청년 임대주택으로", "■ 필자: 이소영 국토연구원 연구위원", "■ 송고일: 2026. 12. 6.")


def test_a_manuscripts_field_block_quoted_in_a_story_is_a_list_of_its_fields() -> None:
    _, doc = norm(
        "원고 유출 사건", "한지민 기자", "", _LEAD, "", *_FIELDS, "", "신문사는 게재를 보류했다고 밝혔다."
    )
    assert doc.meta.title == "원고 유출 사건"
    assert [a.name for a in doc.meta.authors] == ["한지민"]
    assert _LEAD in body(doc)
    assert "필자: 이소영 국토연구원 연구위원" in body(doc)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_a_manuscripts_field_block_under_its_cover_line_is_still_read() -> None:
    _, doc = norm("[기고 원고] 오피니언팀 송부용", "", *_FIELDS, "", "빈집은 13만 채를 넘었다.")
    assert doc.meta.title == "빈집을 청년 임대주택으로"
    assert [a.name for a in doc.meta.authors] == ["이소영"]


def test_a_stories_sentence_on_an_outside_writers_piece_is_no_disclaimer() -> None:
    story = "한 일간지에 보낸 외부 필자의 기고 원고가 온라인 단체방에 퍼진 사실이 확인됐다."
    _, doc = norm("원고 유출", "", story, "", "※ 외부 필자의 원고는 본보의 편집 방향과 다를 수 있습니다.")
    assert story in body(doc)
    assert "편집 방향과" not in body(doc)


def test_a_shows_head_quoted_in_a_review_keeps_the_reviews_title() -> None:
    fields = (
        "연극 〈겨울 정거장〉",
        "장소 가람아트홀",
        "공연기간 2026.12.12 ~ 2027.02.28",
        "관람연령 14세 이상",
    )
    _, doc = norm(*_story("매진 연극 다시 무대에", *fields))
    assert doc.meta.title == "매진 연극 다시 무대에"
    assert "연극 〈겨울 정거장〉" in body(doc)
    assert "연극" not in removed(doc)


def test_an_annals_entry_quoted_in_a_column_keeps_the_columns_title() -> None:
    entry = (
        "세종실록 102권, 세종 25년 12월 30일 경술 2번째기사 1443년 명 정통(正統) 8년",
        "훈민정음을 창제하다",
        "이달에 임금이 친히 언문 28자를 지었다.",
    )
    _, doc = norm(*_story("실록은 한글 창제를 어떻게 적었나", *entry))
    assert doc.meta.title == "실록은 한글 창제를 어떻게 적었나"
    assert doc.meta.subtitles == []
    assert "훈민정음을 창제하다" in body(doc)


def test_alert_messages_quoted_in_a_story_keep_the_storys_title_and_date() -> None:
    alerts = (
        "2026-12-05 14:10:23   경기도 가람시   대설   안전안내문자",
        "[가람시청] 오늘 14:10 대설경보 발효. 외출을 자제하시기 바랍니다.",
        "2026-12-05 16:30:02   경기도 가람시   대설   안전안내문자",
        "[가람시청] 오늘 16:30 도로 결빙 주의.",
    )
    _, doc = norm(*_story("폭설 재난문자 늑장 발송 논란", "시민들이 받은 문자", *alerts))
    assert doc.meta.title == "폭설 재난문자 늑장 발송 논란"
    assert doc.meta.date == "2026-12-07T10:12:00+09:00"
    assert "시민들이 받은 문자" in body(doc)
