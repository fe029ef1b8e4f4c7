"""Failure kinds seen on real pages (issue #22), each on a small input shaped like the real ones.

The inputs are written here (names, e-mails and sentences are made up); their shapes — the order
of chrome, headline, date and byline lines, the glue, the brackets — follow pages of the shared
corpus and the conventions reference.
"""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Heading, Source
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument, SourceLine
from tests.helpers import read_written, unaccounted_lines

LEAD = "시는 이날 시청 대회의실에서 주민 설명회를 열고 새 버스 노선 개편안을 공개했다고 밝혔다."
BODY = [
    LEAD,
    "개편안은 도심을 지나는 간선 노선 12개를 8개로 줄이고 외곽 마을버스를 늘리는 것이 핵심이다.",
    "시 관계자는 “출퇴근 시간 배차 간격이 평균 4분 줄어들 것”이라고 설명했다.",
]


def norm(*lines: str) -> tuple[RawDocument, Document]:
    raw = RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="text"))
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    return raw, doc


def read_page(tmp_path: Path, body_html: str, head: str = "") -> tuple[RawDocument, Document]:
    """``body_html`` in a whole HTML page, read and normalized; nothing left unaccounted for."""
    page = f"<!DOCTYPE html><html lang='ko'><head>{head}</head><body>{body_html}</body></html>"
    return read_written(tmp_path / "page.html", page)


def read_text_file(tmp_path: Path, *lines: str) -> tuple[RawDocument, Document]:
    """``lines`` as a text file read by the text reader (its verse and table readings included) and
    normalized; nothing left unaccounted for."""
    return read_written(tmp_path / "doc.txt", "\n".join(lines) + "\n")


def body(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def removed(doc: Document) -> dict[str, str | None]:
    return {r.text: r.rule for r in doc.removed}


# --- title, deck and date among a site's chrome ----------------------------------------------------


def test_own_site_header_chrome_title_deck_and_published_date() -> None:
    _, doc = norm(
        "본문으로 바로가기",
        "정치",
        "경제",
        "전체메뉴 펼치기",
        "사회",
        "시, 버스 노선 12개→8개로 줄인다…외곽 마을버스 늘려",
        "동아닷컴",
        "업데이트",
        "2021-03-26 11:37",
        "2021년 3월 26일 11시 37분",
        "입력",
        "2021-03-26 11:23",
        "홍길동 기자",
        "구독",
        "코멘트",
        "개",
        "공유하기",
        "카카오톡으로 공유하기",
        "URL 복사",
        "창 닫기",
        "읽기모드",
        "글자크기 설정",
        "가",
        "가",
        "프린트",
        "간선 노선 통폐합, 배차 간격 평균 4분 단축",
        *BODY,
        "홍길동 동아닷컴 기자 gildong@donga.com",
    )
    assert doc.meta.title == "시, 버스 노선 12개→8개로 줄인다…외곽 마을버스 늘려"
    assert doc.meta.subtitles == ["간선 노선 통폐합, 배차 간격 평균 4분 단축"]
    assert doc.meta.date == "2021-03-26T11:23:00+09:00"  # 입력, not 업데이트
    assert doc.meta.publisher == "동아일보"
    assert [(a.name, a.email) for a in doc.meta.authors] == [("홍길동", "gildong@donga.com")]
    assert body(doc).splitlines() == BODY
    assert removed(doc)["카카오톡으로 공유하기"] == "boilerplate.chrome"
    assert removed(doc)["동아닷컴"] == "boilerplate.outlet"


def test_a_headline_shaped_site_line_sharing_nothing_with_the_story_is_not_the_title() -> None:
    _, doc = norm(
        "EZ EZViwe",
        "시 버스 노선 개편안 공개",
        "외곽 마을버스 늘린다",
        "홍길동 기자  2004.09.01 16:52:02",
        "기사프린트",
        *BODY,
    )
    assert doc.meta.title == "시 버스 노선 개편안 공개"
    assert doc.meta.subtitles == ["외곽 마을버스 늘린다"]
    assert doc.meta.date == "2004-09-01T16:52:02+09:00"
    assert "EZ EZViwe" in removed(doc) and "기사프린트" in removed(doc)


def test_day_stamp_share_line_and_breadcrumb_are_not_titles() -> None:
    for chrome in (
        "04.30 (화)",
        "기사 공유 및 설정",
        "정치 > 국방·안보",
        "한국 > 한국정치",
        "전체기사 최신뉴스 GAM 라씨로",
        "카테고리 없음",  # a blog's category line above a copied article
        "일상/뉴스",
    ):
        _, doc = norm(chrome, "시 버스 노선 개편안 공개", *BODY)
        assert doc.meta.title == "시 버스 노선 개편안 공개", chrome
        assert chrome not in body(doc)


def test_date_label_on_its_own_line_and_bracketed_dates() -> None:
    _, doc = norm("시 버스 노선 개편안 공개", "입력", "2014.06.12 09:00", *BODY)
    assert doc.meta.date == "2014-06-12T09:00:00+09:00"
    assert "입력" not in body(doc)
    _, doc = norm("시 버스 노선 개편안 공개", "기사입력 :[ 2018-08-25 15:24 ]", *BODY)
    assert doc.meta.date == "2018-08-25T15:24:00+09:00"
    _, doc = norm("시 버스 노선 개편안 공개", "2019.03.02 14:10 (2보)", *BODY)
    assert doc.meta.date == "2019-03-02T14:10:00+09:00"
    assert "2보" not in body(doc)
    _, doc = norm(
        "실시간 뉴스",
        "UPDATED. 2018-11-13 11:45 (화)",
        "시 버스 노선 개편안 공개",
        "승인 2016.12.28 18:35",
        *BODY,
    )
    assert doc.meta.date == "2016-12-28T18:35:00+09:00"
    assert doc.meta.title == "시 버스 노선 개편안 공개"
    _, doc = norm("시 버스 노선 개편안 공개", "뉴욕일보 홍길동 기자 기사입력  2018/07/30 [14:58]", *BODY)
    assert doc.meta.date == "2018-07-30T14:58:00+09:00"
    assert [a.name for a in doc.meta.authors] == ["홍길동"]


def test_a_date_label_without_a_date_is_chrome() -> None:
    _, doc = norm("시 버스 노선 개편안 공개", "중앙일보", "입력", "업데이트", "지면보기", "종합 05면", *BODY)
    assert body(doc).splitlines() == BODY
    assert doc.meta.subtitles == []
    assert doc.meta.publisher == "중앙일보"


# --- publisher ------------------------------------------------------------------------------------


def test_publisher_from_a_copyright_line_of_an_unknown_outlet_or_in_lower_case() -> None:
    _, doc = norm("시 버스 노선 개편안 공개", *BODY, "저작권자 © 일요시사 무단전재 및 재배포 금지")
    assert doc.meta.publisher == "일요시사"
    _, doc = norm("시 버스 노선 개편안 공개", *BODY, "< Copyright ⓒ mbn. 무단전재 및 재배포 금지 >")
    assert doc.meta.publisher == "MBN"
    _, doc = norm("시 버스 노선 개편안 공개", *BODY, "Copyright © Kakao Corp. All rights reserved.")
    assert doc.meta.publisher is None


def test_a_boxed_house_ad_names_the_publisher_and_goes() -> None:
    house = (
        "【오마이뉴스의 모토는 '모든 시민은 기자다'입니다. 시민 개인의 일상을 소재로 한 '사는 이야기'도 "
        "뉴스로 싣고 있습니다. 당신의 이야기를 들려주세요.】"
    )
    _, doc = norm("메뉴 건너뛰기", house, "시 버스 노선 개편안 공개", *BODY)
    assert doc.meta.publisher == "오마이뉴스"
    assert body(doc).splitlines() == BODY
    assert removed(doc)[house] == "boilerplate.promo"
    # a boxed note that is not the outlet speaking of itself is the article's own text
    note = "【이 연재는 오마이뉴스가 독자 여러분과 함께 시내버스 노선 개편의 현장을 찾아가는 기획입니다.】"
    _, doc = norm("시 버스 노선 개편안 공개", *BODY[:2], note, BODY[2])
    assert note in body(doc) and doc.meta.publisher is None


def test_a_statement_signed_by_an_outlet_keeps_its_signature() -> None:
    _, doc = norm("시 버스 노선 개편안에 대한 입장", *BODY, "2020년 7월 13일", "한국기자협회")
    assert body(doc).splitlines()[-1] == "한국기자협회"


# --- headings never made of chrome ------------------------------------------------------------------


def test_interface_lines_between_paragraphs_are_not_headings() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        BODY[0],
        "본문 요약봇",
        "텍스트 음성 변환 서비스 사용하기",
        BODY[1],
        BODY[2],
    )
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert body(doc).splitlines() == BODY


def test_no_figure_from_plain_lines() -> None:
    _, doc = norm("시 버스 노선 개편안 공개", *BODY)
    assert not any(isinstance(b, Figure) for b in doc.blocks)


# --- repeats: never lose a fact ---------------------------------------------------------------------


def test_a_forecast_for_another_city_is_not_a_duplicate() -> None:
    seoul = "서울은 낮 최고기온이 25도까지 오르겠고 오후부터 구름이 많아지겠습니다."
    busan = "부산은 낮 최고기온이 27도까지 오르겠고 오후부터 구름이 많아지겠습니다."
    _, doc = norm("내일 낮 최고기온 25~27도", seoul, busan, BODY[0])
    assert body(doc).splitlines() == [seoul, busan, BODY[0]]


def test_the_more_complete_copy_stays_wherever_it_is() -> None:
    short = "시는 이날 새 버스 노선 개편안을 공개하고 다음 달부터 시범 운행에 들어간다고 밝혔다."
    longer = short + " 시범 운행 구간은 도심 3개 노선이다."
    _, doc = norm("시 버스 노선 개편안 공개", short, BODY[1], longer)
    assert body(doc).splitlines() == [BODY[1], longer]
    [removal] = doc.removed
    assert (removal.line, removal.rule, removal.duplicate_of) == (2, "dedupe.near", 4)
    assert removal.reason == "less complete copy of line 4"
    _, doc = norm("시 버스 노선 개편안 공개", longer, BODY[1], short)
    assert body(doc).splitlines() == [longer, BODY[1]]


def test_a_teaser_cut_short_goes_and_the_full_paragraph_stays() -> None:
    teaser = "시는 이날 시청 대회의실에서 주민 설명회를 열고 새 버스…"
    _, doc = norm("시 버스 노선 개편안 공개", teaser, *BODY)
    assert body(doc).splitlines() == BODY
    assert doc.removed[0].text == teaser and doc.removed[0].rule == "dedupe.near"


def test_a_portal_summary_in_straight_quotes_gives_way_to_the_lead() -> None:
    summary = "협회가 제62회 보도사진전 우수상에 본보 홍길동 기자의 '노인 44% 마을에 의사 1명'을 선정했다."
    lead = (
        summary.replace("'노인 44% 마을에 의사 1명'", "‘노인 44% 마을에 의사 1명’")
        + " 대상은 지난해 폭설 현장 사진이다."
    )
    _, doc = norm("본보 홍길동 기자 보도사진전 수상", summary, "관련 사진 설명입니다", lead)
    assert lead in body(doc) and summary not in body(doc)


def test_repeated_answers_in_an_interview_stay() -> None:
    lines = [
        "김 교수 인터뷰",
        "◇ 진행자> 이번 결정이 늦었다는 지적도 있는데요?",
        "◆ 김 교수> 충분히 이해합니다. 그런 걱정이 있다는 것도 잘 알고 있습니다.",
        "◇ 진행자> 현장 의견은 충분히 들으셨습니까?",
        "◆ 김 교수> 네.",
        "◇ 진행자> 주민들이 불안해하는 것도 알고 계시죠?",
        "◆ 김 교수> 충분히 이해합니다. 그런 걱정이 있다는 것도 잘 알고 있습니다.",
        "◇ 진행자> 다음 달부터 시행하는 거죠?",
        "◆ 김 교수> 네.",
    ]
    _, doc = norm(*lines)
    assert body(doc).splitlines() == lines[1:]
    assert doc.removed == []


def test_a_repeated_passage_of_dialogue_goes() -> None:
    turns = [
        "◇ 진행자> 현장 의견은 충분히 들으셨습니까?",
        "◆ 김 교수> 네. 주민 설명회를 세 차례 열었습니다.",
        "◇ 진행자> 다음 달부터 시행하는 거죠?",
        "◆ 김 교수> 네.",
    ]
    _, doc = norm("김 교수 인터뷰", *turns, *turns)
    assert body(doc).splitlines() == turns


# --- bylines and datelines ------------------------------------------------------------------------


def authors(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.email) for a in doc.meta.authors]


def test_byline_shapes() -> None:
    title = "시 버스 노선 개편안 공개"
    _, doc = norm(title, *BODY, "칼럼니스트 박생강", "saenggang@example.co.kr")
    assert authors(doc) == [("박생강", "saenggang@example.co.kr")]
    assert doc.meta.authors[0].role == "칼럼니스트"
    _, doc = norm(title, "(청양=동양일보 박호현 기자) " + LEAD, *BODY[1:])
    assert authors(doc) == [("박호현", None)] and doc.meta.publisher == "동양일보"
    assert body(doc).splitlines()[0] == LEAD
    _, doc = norm(title, "이세원 이대희 민경락 기자 = " + LEAD, *BODY[1:])
    assert [a.name for a in doc.meta.authors] == ["이세원", "이대희", "민경락"]
    assert body(doc).splitlines()[0] == LEAD
    _, doc = norm(title, *BODY[:2], BODY[2] + "hong@yna.co.kr")
    assert authors(doc) == [(None, "hong@yna.co.kr")] and body(doc).splitlines() == BODY
    assert doc.meta.publisher == "연합뉴스"
    _, doc = norm(title, *BODY[:2], BODY[2] + " (서울=연합뉴스) 김재홍 기자 jaehong@yna.co.kr")
    assert authors(doc) == [("김재홍", "jaehong@yna.co.kr")] and body(doc).splitlines() == BODY
    _, doc = norm(
        title, "  • 지영수 기자", "  • 승인 2016.12.28 18:35", "  • 댓글 0", "이 기사를 공유합니다", *BODY
    )
    assert authors(doc) == [("지영수", None)] and body(doc).splitlines() == BODY
    assert doc.meta.date == "2016-12-28T18:35:00+09:00"


def test_team_bylines() -> None:
    for line, name in [
        ("디지털뉴스팀 기자 digital@example.com", "디지털뉴스팀"),
        ("사회부 종합", "사회부"),
        ("[이데일리 이슈팀]", "이슈팀"),
        ("특별취재팀 = 홍길동·김철수 기자", "홍길동"),
    ]:
        _, doc = norm("시 버스 노선 개편안 공개", *BODY, line)
        assert doc.meta.authors and doc.meta.authors[0].name == name, line
        assert body(doc).splitlines() == BODY


def test_a_bracketed_dateline_glued_to_the_deck_or_a_caption_is_split() -> None:
    _, doc = norm(
        "이준석 가처분 날선 공방",
        "남부지법, 가처분 관련 사건 3개 심문",
        "28일 4차 가처분 심문기일에 함께 변론[이데일리 홍길동 기자] " + LEAD,
        *BODY[1:],
    )
    assert doc.meta.subtitles == [
        "남부지법, 가처분 관련 사건 3개 심문",
        "28일 4차 가처분 심문기일에 함께 변론",
    ]
    assert doc.meta.dateline == "[이데일리 홍길동 기자]" and authors(doc) == [("홍길동", None)]
    assert body(doc).splitlines() == BODY
    _, doc = norm(
        "시 버스 노선 개편안 공개", "▲ 새로 도입되는 저상버스[스포티비뉴스=홍길동 기자] " + LEAD, *BODY[1:]
    )
    assert isinstance(doc.blocks[0], Figure) and doc.blocks[0].text == "새로 도입되는 저상버스"
    assert body(doc).splitlines()[1:] == BODY


# --- captions ---------------------------------------------------------------------------------------


def figures(doc: Document) -> list[tuple[str, str | None]]:
    return [(b.text, b.credit) for b in doc.blocks if isinstance(b, Figure)]


def test_caption_shapes() -> None:
    title = "시 버스 노선 개편안 공개"
    _, doc = norm(title, BODY[0], "▲ 시청 앞을 지나는 새 저상버스", *BODY[1:])
    assert figures(doc) == [("시청 앞을 지나는 새 저상버스", None)]
    _, doc = norm(
        title, BODY[0], "한 시민이 버스 정류장에 붙은 안내문을 읽고 있다. 온라인 커뮤니티 캡처", *BODY[1:]
    )
    assert figures(doc) == [("한 시민이 버스 정류장에 붙은 안내문을 읽고 있다.", "온라인 커뮤니티 캡처")]
    _, doc = norm(
        title, BODY[0], "홍길동 시민기자", " 홍길동 시민기자", "ⓒ 홍길동", "관련사진보기", *BODY[1:]
    )
    assert figures(doc) == [("홍길동 시민기자", "홍길동")]
    assert body(doc).count("홍길동 시민기자") == 1
    _, doc = norm(
        title,
        "【서울=뉴시스】홍효식 기자 = 시장이 16일 오후 시청에서 개편안을 설명하고 있다. "
        "2018.05.16. photo@newsis.com",
        "【서울=뉴시스】이근홍 기자 = " + LEAD,
        *BODY[1:],
    )
    assert figures(doc) == [("시장이 16일 오후 시청에서 개편안을 설명하고 있다.", "뉴시스 홍효식 기자")]
    assert authors(doc) == [("이근홍", None)] and doc.meta.dateline == "【서울=뉴시스】이근홍 기자 ="
    _, doc = norm(
        title,
        BODY[0],
        "제62회 보도사진전 우수상 ‘마을에 의사 1명뿐’. 홍진환 기자 jean@donga.com",
        *BODY[1:],
        "최혁중 기자 choi@donga.com",
    )
    assert figures(doc) == [("제62회 보도사진전 우수상 ‘마을에 의사 1명뿐’.", "홍진환 기자 jean@donga.com")]
    assert authors(doc) == [("최혁중", "choi@donga.com")]


def test_a_photo_credit_without_its_photo_is_recorded_not_kept() -> None:
    for credit in ("[사진=연합뉴스]", "▲     © 뉴욕일보"):
        _, doc = norm("시 버스 노선 개편안 공개", BODY[0], credit, *BODY[1:])
        assert body(doc).splitlines() == BODY, credit
        assert removed(doc)[credit] == "captions.orphan-credit"
        assert doc.meta.dateline is None


def test_a_series_tag_closing_the_title() -> None:
    _, doc = norm("본보 홍진환 기자 보도사진전 수상[청계천 옆 사진관]", *BODY)
    assert (doc.meta.title, doc.meta.series) == ("본보 홍진환 기자 보도사진전 수상", ["청계천 옆 사진관"])
    assert not figures(doc)


# --- site chrome in and after the body ------------------------------------------------------------


def test_chrome_after_the_closing_byline() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        *BODY,
        "홍길동 기자 gildong@example.co.kr",
        "기자의 다른기사",
        "발로 뛰는 기자가 되겠습니다.",
        "“살림 차렸네” 아파트 공용복도 적치 논란",
        "시내버스 요금 다음 달부터 200원 오른다",
        "설문조사",
        "진행중인 설문 항목이 없습니다.",
        "동양일보TV",
    )
    assert body(doc).splitlines() == BODY
    _, doc = norm("시 버스 노선 개편안 공개", "홍길동 기자", "기자 페이지", *BODY)
    assert body(doc).splitlines() == BODY and doc.meta.subtitles == []


def test_related_lists_promos_tips_and_widgets() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        "삼성전자(8,530원 ▲40 -0.5%)는 이날 시와 전기버스 공급 협약을 맺었다고 밝혔다.",
        *BODY,
        "#버스 #노선개편 #마을버스",
        "*/",
        "카카오톡 @시사뉴스 제보",
        "네이버 메인에서 시사뉴스를 받아보세요",
        "[아시아경제 핫 클릭]",
        "'충격' 유명 배우, 결혼 3년 만에 파경",
        "오늘의 주요뉴스",
        "버스 파업 예고…출근길 비상",
    )
    assert body(doc).splitlines() == ["삼성전자는 이날 시와 전기버스 공급 협약을 맺었다고 밝혔다.", *BODY]
    assert removed(doc)["(8,530원 ▲40 -0.5%)"] == "clean.widget"


def test_naver_copy_paste_interface_text() -> None:
    lines = [
        "구독중",
        "이전",
        "다음",
        "본문 요약봇",
        "텍스트 음성 변환 서비스 사용하기",
        "SNS 보내기",
        "기사의 섹션 정보는 해당 언론사의 분류를 따르고 있습니다. "
        "언론사는 개별 기사를 2개 이상 섹션으로 중복 분류할 수 있습니다.",
        "시사뉴스 헤드라인",
    ]
    _, doc = norm("시 버스 노선 개편안 공개", *lines[:6], *BODY, *lines[6:])
    assert body(doc).splitlines() == BODY
    assert doc.meta.title == "시 버스 노선 개편안 공개"


def test_deck_lines_are_subtitles_not_headings() -> None:
    decks = ["간선 12개→8개로 통폐합", "외곽 마을버스 늘리고 배차 간격 4분 단축", "“출퇴근 시간 혼잡 줄 것”"]
    _, doc = norm("시 버스 노선 개편안 공개", *decks, *BODY)
    assert doc.meta.subtitles == decks
    assert not any(isinstance(b, Heading) for b in doc.blocks)


# --- publisher: the outlet that published the page ----------------------------------------------------


def hinted(hints: dict[str, object], *lines: str) -> Document:
    raw = RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="html"), hints=hints)
    return normalize(raw)


def test_the_page_s_outlet_over_the_agency_it_runs() -> None:
    wire = (
        "시 버스 노선 개편안 공개",
        "(서울=연합뉴스) 김재홍 기자 = " + LEAD,
        *BODY[1:],
        "jaehong@yna.co.kr",
    )
    assert hinted({}, *wire).meta.publisher == "연합뉴스"
    assert hinted({"site_name": "한국경제"}, *wire).meta.publisher == "한국경제"
    assert (
        hinted({"url": "https://www.hankyung.com/article/2005011947108"}, *wire).meta.publisher == "한국경제"
    )
    slogan = {"site_name": "종합일간지 : 신문/웹/모바일 뉴스"}
    assert hinted(slogan, *wire).meta.publisher == "연합뉴스"
    portal = {"site_name": "네이버 스포츠", "url": "https://sports.news.naver.com/news?oid=477"}
    assert hinted(portal, *wire).meta.publisher == "연합뉴스"


def test_a_photo_s_wire_dateline_does_not_name_the_publisher() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        "【서울=뉴시스】홍길동 기자 = 시장이 개편안을 설명하고 있다. 2024.03.04. photo@newsis.com",
        *BODY,
        "김철수 기자 chulsoo@mt.co.kr",
    )
    assert doc.meta.publisher == "머니투데이"
    assert doc.meta.dateline is None


def test_provider_line_and_a_columnist_s_own_tag() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        *BODY,
        "기사제공 스포티비뉴스",
        "<저작권자 ⓒ SPOTV NEWS 무단전재 및 재배포 금지>",
    )
    assert doc.meta.publisher == "스포티비뉴스"
    assert "기사제공" not in body(doc)
    _, doc = norm("시 버스 노선 개편안 공개", "[칼럼니스트=홍길동] " + LEAD, *BODY[1:])
    assert doc.meta.publisher is None


# --- lines the markup marks: links, dialogue -----------------------------------------------------------


def test_a_line_that_is_one_link_below_the_article_is_a_related_headline() -> None:
    from bookmaker.ir import Link, Strong, Text

    related = "[EPL] 36R 프리뷰(금) - 첼시, 우승까지 ‘-1’"
    lines = [SourceLine(t, i) for i, t in enumerate(["시 버스 노선 개편안 공개", *BODY, related], 1)]
    lines[-1].content = [Link(href="http://example.com/1", content=[Strong(content=[Text(value=related)])])]
    doc = normalize(RawDocument(lines, Source(format="html")))
    assert body(doc).splitlines() == BODY
    assert removed(doc)[related] == "boilerplate.link"


def test_links_under_a_heading_of_outside_links_are_the_documents_references(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    page = (
        "<article><h1>시 버스 노선 개편안 공개</h1>"
        f"{paragraphs}<h2>참고 문헌</h2>"
        '<ul><li><a href="https://example.org/plan">서울시 버스 노선 개편 기본계획</a></li></ul>'
        '<h2>외부 링크</h2><ul><li><a href="https://example.org/bus">서울시 버스정책과 안내</a></li></ul>'
        '<h2>함께 읽기</h2><p><a href="https://example.com/2">지하철 9호선 연장 확정</a></p></article>'
    )
    _, doc = read_page(tmp_path, page)
    text = body(doc)
    assert "서울시 버스 노선 개편 기본계획" in text and "서울시 버스정책과 안내" in text
    assert removed(doc)["지하철 9호선 연장 확정"] == "boilerplate.link"  # a link to another page


def test_a_site_notice_naming_the_site_votes_for_the_publisher() -> None:
    notice = "동네백과는 백과사전이 아니며 검증되지 않았거나 잘못된 서술이 있을 수 있습니다."
    _, doc = norm("시 버스 노선 개편안 공개", *BODY, notice)
    assert doc.meta.publisher == "동네백과"
    assert removed(doc)[notice] == "boilerplate.policy"
    ethics = "이 매체는 인터넷신문위원회 윤리강령을 준수합니다."  # no name: no vote
    _, doc = norm("시 버스 노선 개편안 공개", *BODY, ethics)
    assert doc.meta.publisher is None and removed(doc)[ethics] == "boilerplate.policy"


def test_numbered_bold_field_labels_are_paragraphs_not_a_list(tmp_path: Path) -> None:
    page = (
        "<article><h1>유학생 건강보험 안내</h1>"
        "<p>외국인 유학생 여러분, 건강보험 가입에 대해 아래와 같이 안내합니다.</p>"
        "<p><strong>1. 대상</strong>: 6개월 이상 체류하는 학생 전원</p>"
        "<p><strong>2. 보험료</strong>: 월 76,380원</p><p><strong>3. 일정</strong></p>"
        "<table><tr><th>구분</th><th>기간</th></tr><tr><td>경감 신청</td><td>3월 13일까지</td></tr></table>"
        '<p lang="en"><strong>1. Who</strong>: All students staying six months or longer</p>'
        '<p lang="en"><strong>2. Premium</strong>: KRW 76,380 per month</p>'
        "<p>준비물</p><ol><li>여권 사본</li><li>재학증명서</li></ol>"
        "<p>1. 신청서를 작성합니다.</p><p>2. 학생증과 함께 제출합니다.</p></article>"
    )
    _, doc = read_page(tmp_path, page)
    kinds = [(type(b).__name__, b.text.split(":")[0]) for b in doc.blocks]
    assert kinds[1:6] == [
        ("Paragraph", "1. 대상"),
        ("Paragraph", "2. 보험료"),
        ("Paragraph", "3. 일정"),  # the third field's label, its value the table
        ("Table", kinds[4][1]),
        ("Paragraph", "1. Who"),
    ]
    assert [type(b).__name__ for b in doc.blocks[-3:]] == ["Paragraph", "ListBlock", "ListBlock"]


def test_a_turn_of_a_dialogue_is_never_a_heading() -> None:
    turns = [
        "◇ 진행자> 시원섭섭하십니까?",
        "◆ 김 교수> 둘 다 아닌데요. (웃음)",
        "◇ 진행자> 그럼 어느 쪽이세요? " + BODY[0],
    ]
    _, doc = norm("김 교수 인터뷰", *turns)
    assert not any(isinstance(b, Heading) for b in doc.blocks)


def test_a_photographer_glued_to_a_caption_and_a_promo_link() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        BODY[0],
        "시장이 지난 4월 24일 오후 시청에서 격려사를 하고 있다. 윤창원기자",
        *BODY[1:],
        "최신 유행 트렌드 총집결 #흥(클릭!)",
    )
    assert figures(doc) == [("시장이 지난 4월 24일 오후 시청에서 격려사를 하고 있다.", "윤창원기자")]
    assert body(doc).splitlines()[-1] == BODY[-1]


# --- mojibake ---------------------------------------------------------------------------------------


def _mojibake(text: str) -> str:
    """``text`` as CP949 bytes read as Windows-1252 (bytes it does not define as Latin-1)."""
    out = []
    for byte in text.encode("cp949"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def test_mojibake_with_cp949_extension_syllables_is_repaired(tmp_path: Path) -> None:
    from bookmaker.pipeline import load

    # 똠 takes an ASCII trail byte (0x8C 0x63), 갂 a lead byte Windows-1252 lacks (0x81, a C1 control)
    article = ["똠방각하 햏햏 뷁어 갂 시 버스 노선 개편안 공개", *BODY, "홍길동 기자 gildong@example.co.kr"]
    path = tmp_path / "mojibake.txt"
    path.write_text("\n".join(_mojibake(line) for line in article), encoding="utf-8")
    warnings: list[str] = []
    doc = load(path, warnings=warnings)
    assert doc.meta.title == article[0]
    assert body(doc).splitlines() == BODY
    assert not [w for w in warnings if "decoded" in w]


def test_mojibake_that_cannot_be_repaired_is_said(tmp_path: Path) -> None:
    from bookmaker.pipeline import load

    # 갂 is 0x81 0x41 in CP949; Windows-1252 defines no 0x81, and a converter wrote U+FFFD for it
    broken = _mojibake("갂자기 햏햏 시 버스 노선 개편안 공개").replace("\x81", "\ufffd")
    path = tmp_path / "lost.txt"
    path.write_text("\n".join([broken, *BODY]), encoding="utf-8")
    warnings: list[str] = []
    load(path, warnings=warnings)
    assert any(w.startswith("lost.txt: line 1: 1 character could not be decoded") for w in warnings), warnings


# --- line numbers -----------------------------------------------------------------------------------


def test_line_separators_inside_a_line_keep_the_file_s_line_numbers(tmp_path: Path) -> None:
    from bookmaker.pipeline import load

    path = tmp_path / "separators.txt"
    first = BODY[0].replace(" 주민 ", " 주민\u2028")
    lines = ["시 버스 노선 개편안 공개", first, BODY[1] + "\u2029", BODY[2]]
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = load(path)
    assert [b.lines for b in doc.blocks] == [[2, 2], [3, 3], [4, 4]]
    assert body(doc).splitlines() == BODY


def test_sentences_glued_without_a_space_are_spaced() -> None:
    _, doc = norm(
        "시 버스 노선 개편",
        "시는 노선 개편안을 공개했습니다.개편안은 간선 노선을 줄입니다.시민 의견도 듣는다죠?그렇죠.",
        "본부장 승진.임명 명단과 6.1 지방선거 일정도 나왔다.",
    )
    assert body(doc).splitlines() == [
        "시는 노선 개편안을 공개했습니다. 개편안은 간선 노선을 줄입니다. 시민 의견도 듣는다죠? 그렇죠.",
        "본부장 승진·임명 명단과 6.1 지방선거 일정도 나왔다.",
    ]


def test_a_period_between_two_words_is_the_middle_dot_it_stands_for() -> None:
    _, doc = norm(
        "한.미.일 정상, 시 버스 노선 개편안 논의",
        "박은주(48.주부)씨와 김철수(52.회사원)씨는 차장에 승진.임명된 뒤 결과를 정리했음.다음 주 발표한다.",
        "3.1절과 6.25전쟁 기념식, 버전 2.0과 www.example.kr 주소는 그대로다.",
    )
    assert doc.meta.title == "한·미·일 정상, 시 버스 노선 개편안 논의"
    assert body(doc).splitlines() == [
        "박은주(48·주부)씨와 김철수(52·회사원)씨는 차장에 승진·임명된 뒤 결과를 정리했음.다음 주 발표한다.",
        "3.1절과 6.25전쟁 기념식, 버전 2.0과 www.example.kr 주소는 그대로다.",
    ]


def test_an_inline_list_marker_glued_to_the_item_before_gets_a_space() -> None:
    _, doc = norm(
        "부처 1급 인사",
        "이와 함께 ▶산자부 실장에 배성기 국장▶자원실장에 이원걸 위원△무역위원에 허범도 차장이 임명됐다.",
        "삼성전자(8,530원▲40)는 △ABC 삼각형을 그렸다.",
    )
    assert body(doc).splitlines() == [
        "이와 함께 ▶산자부 실장에 배성기 국장 ▶자원실장에 이원걸 위원 △무역위원에 허범도 차장이 임명됐다.",
        "삼성전자(8,530원▲40)는 △ABC 삼각형을 그렸다.",
    ]


def test_a_portal_s_automatic_summary_above_the_body_is_removed() -> None:
    """Daum's 자동요약 panel copies sentences of the body; in a scrape cut short they are not found
    again below, and would open the article out of order."""
    later = "시는 다음 달 시민 공청회를 거쳐 개편안을 확정할 계획이다."
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        "홍길동 기자 2026. 2. 2. 14:52",
        "자동요약 기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.",
        "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.",
        LEAD,
        later,
        "음성재생 설정 이동 통신망에서 음성 재생 시 데이터 요금이 발생할 수 있습니다.",
        "번역beta Translated by kaka i",
        *BODY,
    )
    assert body(doc).splitlines() == BODY
    assert removed(doc)[later] == "boilerplate.summary"


def test_lines_after_a_summary_button_with_nothing_below_are_the_body() -> None:
    _, doc = norm(
        "시 버스 노선 개편안 공개",
        "자동요약 기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.",
        *BODY,
        "음성재생 설정 이동 통신망에서 음성 재생 시 데이터 요금이 발생할 수 있습니다.",
    )
    assert body(doc).splitlines() == BODY
