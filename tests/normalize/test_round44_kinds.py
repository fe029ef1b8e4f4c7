"""Failure kinds from held-out round 44 (a portal's news search results page copied instead of an
article; a daily fortune page of marked one-word sections under a tagged headline naming a day; an
entertainment page's tag over its headline and its slash-credited photo captions; a press conference
transcript's □ section heads), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Document, Figure, Heading, Paragraph
from tests.normalize.test_real_shapes import body, norm, removed


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- a news search results page ---------------------------------------------------------------------


def _search_page(*results: tuple[str, ...]) -> list[str]:
    lines = ["Daum", "기후동행카드", "통합", "뉴스", "정렬", "정확도순", "최신순", "기간", "전체"]
    for result in results:
        lines += list(result)
    return [*lines, "1", "2", "다음", "ⓒ Kakao Corp."]


def test_a_search_results_page_keeps_its_results_and_names_no_outlet_or_date() -> None:
    raw, doc = norm(
        *_search_page(
            (
                "서울신문",
                "A12면 2단",
                "3시간 전",
                "다음뉴스",
                "기후동행카드 이용자 100만 돌파…한강버스도 탄다",
                "서울시는 기후동행카드 누적 이용자가 100만명을 넘었다고 밝혔다. 내년부터는 한강버스에서도...",
                "관련뉴스 4건",
            ),
            (
                "경향신문",
                "2026.12.05.",
                "경기도민도 기후동행카드 쓴다…고양·과천 참여",
                "경기 고양시와 과천시가 기후동행카드 사업에 참여한다. 두 시 주민은 다음 달부터...",
            ),
        )
    )
    assert doc.meta.title == "기후동행카드"
    assert doc.meta.publisher is None and doc.meta.date is None
    assert _headings(doc) == [
        "기후동행카드 이용자 100만 돌파…한강버스도 탄다",
        "경기도민도 기후동행카드 쓴다…고양·과천 참여",
    ]
    assert len(_paragraphs(doc)) == 2
    gone = removed(doc)
    assert gone["정확도순"] == "search.chrome"
    assert gone["서울신문"] == gone["3시간 전"] == gone["A12면 2단"] == "search.result-meta"
    assert gone["다음뉴스"] == gone["관련뉴스 4건"] == gone["2026.12.05."] == "search.result-meta"
    assert gone["ⓒ Kakao Corp."] == "search.footer"
    assert any("search results" in w for w in raw.warnings)


def test_one_result_under_sort_words_is_no_search_page() -> None:
    _, doc = norm(
        "버스 노선 개편…최신순으로 정리한 바뀌는 점",
        "정렬",
        "최신순",
        "가람일보",
        "1시간 전",
        "시는 내년 1월부터 간선버스 12개 노선을 바꾼다고 밝혔다. 출퇴근 시간 배차 간격은 5분으로 줄어든다.",
        "노선별 변경 내용은 시 누리집에서 확인할 수 있다.",
    )
    assert not any((r.rule or "").startswith("search.") for r in doc.removed)
    assert "간선버스 12개 노선" in body(doc)


# --- a fortune page: marked one-word sections, a tagged headline naming its day ---------------------


def test_marked_one_word_lines_over_text_are_the_sections_heads() -> None:
    _, doc = norm(
        "별자리로 보는 이번 주",
        "입력 2026.12.07 09:00",
        "■ 양자리",
        "서두르지 말고 한 걸음씩 나아가자. 오래 미룬 일을 마무리하기 좋다.",
        "■ 황소자리",
        "가까운 사람의 조언에 귀를 기울이면 길이 보인다.",
        "■ 쌍둥이자리",
        "뜻밖의 지출이 생기니 지갑을 단단히 닫아라.",
    )
    assert _headings(doc) == ["양자리", "황소자리", "쌍둥이자리"]


def test_one_marked_word_alone_is_no_section_head() -> None:
    _, doc = norm(
        "시내버스 요금 300원 오른다",
        "입력 2026.12.07 09:00",
        "시는 내년 2월부터 시내버스 기본요금을 300원 올린다고 밝혔다. 8년 만의 인상이다.",
        "■ 참고",
        "교통카드 이용자는 환승 할인이 그대로 적용된다.",
    )
    assert "참고" not in _headings(doc)


def test_a_tagged_headline_over_its_date_line_keeps_the_day_it_names() -> None:
    _, doc = norm(
        "가람일보",
        "[주말 나들이] 2026년 12월 12일 가볼 만한 곳",
        "입력 2026.12.07 17:30",
        "■ 서울",
        "덕수궁 돌담길에서 겨울 야간 개방 행사가 열린다. 오후 9시까지 궁 안을 둘러볼 수 있다.",
        "■ 부산",
        "해운대 빛 축제가 이날 개막한다. 백사장을 따라 조명 터널이 이어진다.",
        "■ 강릉",
        "경포호 둘레길 걷기 행사에 참여하면 지역 특산물 꾸러미를 받는다.",
    )
    assert doc.meta.title == "2026년 12월 12일 가볼 만한 곳"
    assert doc.meta.series == ["주말 나들이"]
    assert doc.meta.date == "2026-12-07T17:30:00+09:00"


# --- an entertainment page: the outlet's tag, slash-credited captions -------------------------------


def test_the_outlets_name_and_section_in_a_tag_are_no_series() -> None:
    _, doc = norm(
        "스타데일리",
        "[스타데일리 방송] 배우 한서윤, 새 드라마 주연 확정",
        "기사입력 2026.12.07 10:12",
        "배우 한서윤이 내년 상반기 방송하는 새 드라마의 주연을 맡는다. 소속사는 7일 이같이 밝혔다.",
        "한서윤은 극 중 신입 검사 역을 맡아 첫 법정극에 도전한다.",
        "저작권자 © 스타데일리 무단전재 및 재배포 금지",
    )
    assert doc.meta.title == "배우 한서윤, 새 드라마 주연 확정"
    assert doc.meta.series == []
    assert removed(doc)["스타데일리 방송"] == "title.outlet-tag"


def test_names_slash_credit_is_a_photo_caption() -> None:
    _, doc = norm(
        "그룹 루미나, 첫 단독 콘서트 연다",
        "입력 2026.12.07 10:12",
        "그룹 루미나가 데뷔 후 첫 단독 콘서트를 연다고 소속사가 7일 밝혔다. 공연은 이틀간 열린다.",
        "루미나 / 별빛엔터테인먼트 제공",
        "공연 티켓은 다음 주 화요일 오후 8시 예매처를 통해 판매된다.",
        "루미나 하린 / 가람일보 포토뱅크",
        "멤버들은 새 앨범 수록곡 무대도 처음 공개할 예정이다.",
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.text, f.credit) for f in figures] == [
        ("루미나", "별빛엔터테인먼트 제공"),
        ("루미나 하린", "가람일보 포토뱅크"),
    ]


def test_a_sentence_with_a_slash_is_no_caption() -> None:
    _, doc = norm(
        "생활 속 절약 요령",
        "입력 2026.12.07 10:12",
        "난방비를 아끼려면 실내 온도를 20도로 맞추는 것이 좋다. 전문가들의 공통된 조언이다.",
        "이용 요금은 1회 / 3천원으로 자료 제공 업체마다 다르다.",
    )
    assert not any(isinstance(b, Figure) for b in doc.blocks)


def test_a_tagged_headline_over_its_date_line_heads_text_it_shares_no_word_with() -> None:
    _, doc = norm(
        "가람일보",
        "[오늘의 운세] 띠별로 보는 하루",
        "입력 2026.12.07 17:30",
        "■ 쥐띠",
        "48년생 서두르지 말고 천천히 가는 것이 이롭다.",
        "60년생 가까운 사람의 말에 귀를 기울이면 길이 보인다.",
        "72년생 뜻밖의 지출이 생기니 지갑을 단단히 닫아라.",
        "■ 소띠",
        "49년생 오래 미뤄 둔 병원 검진을 받아 보자.",
        "61년생 자식 일로 기쁜 소식이 들려온다.",
        "73년생 문서와 계약은 두 번 세 번 살펴야 한다.",
    )
    assert doc.meta.title == "띠별로 보는 하루"
    assert "48년생 서두르지 말고 천천히 가는 것이 이롭다." in body(doc)
