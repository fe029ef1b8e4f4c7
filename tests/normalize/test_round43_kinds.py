"""Failure kinds from held-out round 43 (an administrative body's official letter 공문 with its
routing footer; a district court's judgment as the court prints it; a conference's abstract book read
by pdftotext; a church bulletin with its order of service set in dotted leaders), each on a small
made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, ListBlock, Paragraph, Quote, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read


def _text_file(tmp_path: Path, text: str) -> Document:
    """``text`` as a text file read by the text reader and normalized."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _removed(doc: Document) -> dict[int, str]:
    return {r.line: r.rule or "" for r in doc.removed}


# --- an official letter (공문) -------------------------------------------------------------------

_LETTER = """\
          바다와 함께 여는 미래, 누리군

                    누  리  군

수신    수신자 참조
(경유)
제목    2027년 군립도서관 겨울 독서교실 참가자 모집 안내

1. 관련: 누리군 문화관광과-881(2026. 11. 2.)
2. 우리 군에서는 겨울방학을 맞아 초등학생을 대상으로 독서교실을 다음과 같이 운영하오니, 각 학교에서는
학생과 학부모에게 널리 안내하여 주시기 바랍니다.
  가. 기간: 2027. 1. 11.(월) ~ 1. 15.(금)
  나. 신청 방법
    1) 온라인: 군립도서관 누리집
    2) 방문: 군립도서관 1층 안내데스크
3. 참가비는 없으며 간식과 교재를 드립니다.

붙임   참가 신청서 1부.  끝.

                              누 리 군 수

수신자   누리군 관내 초등학교장
★주무관   박나래   문화팀장   정우성   문화관광과장   전결 12/02
시행    문화관광과-902        (2026. 12. 2.)          접수
우 59211  전라남도 누리군 군청길 5  / www.nuri.go.kr
전화번호 061-550-1234  팩스번호 061-550-1299  / nuri@korea.kr  / 대국민 공개
"""


def test_letter_head_gives_title_publisher_and_goes(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _LETTER)
    assert doc.meta.title == "2027년 군립도서관 겨울 독서교실 참가자 모집 안내"
    assert doc.meta.publisher == "누리군"
    gone = _removed(doc)
    assert gone[1] == "official_letter.slogan"
    assert gone[5] == gone[6] == "official_letter.head"


def test_letter_body_is_one_nested_list_with_wrapped_items(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _LETTER)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    top = lists[0]
    assert len(top.items) == 3
    assert "각 학교에서는 학생과 학부모에게 널리 안내하여 주시기 바랍니다." in top.text
    inner = [b for b in top.items[1].blocks if isinstance(b, ListBlock)]
    assert inner and inner[0].style == "hangul-syllable"


def test_letter_footer_goes_and_its_enforcement_day_dates_it(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _LETTER)
    assert doc.meta.date == "2026-12-02"
    gone = _removed(doc)
    assert {gone[n] for n in (22, 23, 25, 26)} == {"official_letter.footer"}
    assert gone[18] == "official_letter.attached"
    assert 24 not in gone  # the enforcement line: metadata (the date)
    signature = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "signature"]
    assert [b.text for b in signature] == ["누리군수"]
    assert "박나래" not in "\n".join(b.text for b in doc.blocks)


def test_a_notice_with_a_subject_line_but_no_routing_footer_is_no_letter(tmp_path: Path) -> None:
    text = (
        "수신 학부모님\n제목 현장체험학습 안내\n\n다음 주 화요일에 체험학습을 갑니다. 도시락을 챙겨 주세요.\n"
    )
    doc = _text_file(tmp_path, text)
    assert not any(r.rule.startswith("official_letter") for r in doc.removed if r.rule)


# --- a judgment as the court prints it (판결서) ---------------------------------------------------

_JUDGMENT = """\
                         수 원 지 방 법 원

                              판         결

사         건       2026가소71234 대여금
원         고       가
                    소송대리인 변호사 나
피         고       다
변 론 종 결         2026. 9. 3.
판 결 선 고         2026. 9. 24.

                              주         문

1. 피고는 원고에게 5,000,000원을 지급하라.
2. 소송비용은 피고가 부담한다.

                              이         유

원고가 피고에게 돈을 빌려준 사실은 다툼이 없으므로, 피고는 원고에게 빌린 돈을 갚을 의무가 있다.

※ 이 판결서는 판결서 인터넷열람 사이트에서 열람·출력되었습니다.

                                      판사       오지민
"""


def test_printed_judgment_head(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _JUDGMENT)
    assert doc.meta.title == "2026가소71234 대여금"
    assert doc.meta.series == ["판결"]
    assert doc.meta.publisher == "수원지방법원"
    assert doc.meta.date == "2026-09-24"  # the pronouncement, not the close of argument
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "원고 가 소송대리인 변호사 나" in paragraphs
    assert "변론종결 2026. 9. 3." in paragraphs


def test_printed_judgment_sections_notice_and_judge(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _JUDGMENT)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["주문", "이유"]
    assert _removed(doc)[21] == "judgment_print.notice"
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "signature" and last.text == "판사 오지민"


def test_a_text_naming_a_court_without_a_case_line_is_no_printed_judgment(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path, "서울고등법원\n\n판결\n\n법원은 오늘 항소를 기각했다. 자세한 내용은 다음과 같다.\n"
    )
    assert doc.meta.series == []


# --- an outline's lettered heading ---------------------------------------------------------------


def test_a_heading_lettered_da_is_no_sentence_end(tmp_path: Path) -> None:
    text = (
        "판단\n\n1. 손해배상책임의 범위\n가. 재산상 손해\n이를 1,000,000원으로 정한다. 다른 사정은 없다.\n"
        "나. 정신적 손해\n위자료는 2,000,000원으로 정한다. 다른 사정은 없다.\n다. 소결\n"
        "따라서 피고는 원고에게 3,000,000원을 지급할 의무가 있다.\n"
    )
    doc = _text_file(tmp_path, text)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert "다. 소결" in headings


# --- a church bulletin (주보) ----------------------------------------------------------------------

_ORDER = (
    "찬    송 …………………………………… 새찬송가 8장 ………………… 다 같 이\n"
    "기    도 …………………………………………………………… 한지호 장로\n"
    "*설    교 ……………………………… 「빛 가운데로」 ……………… 오민석 목사\n"
    "축    도 …………………………………………………………… 오민석 목사\n"
)


def test_dotted_leader_programme_is_a_table(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, "순서\n\n" + _ORDER)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert not table.head and len(table.body) == 4
    rows = [[c.text for c in row.cells] for row in table.body]
    assert rows[0] == ["찬송", "새찬송가 8장", "다같이"]
    assert rows[1] == ["기도", "", "한지호 장로"]  # no middle cell: the last stands at the right
    assert rows[2][0] == "*설교"


def test_a_dotted_table_of_contents_is_no_programme(tmp_path: Path) -> None:
    dots = "·" * 20
    toc = f"목차\n\n1장 서론 {dots} 1\n2장 방법 {dots} 5\n3장 결과 {dots} 9\n"
    doc = _text_file(tmp_path, toc)
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_tabbed_rows_of_words_are_a_table(tmp_path: Path) -> None:
    rota = "봉사 안내\n\n구분\t대표기도\t안내\n이번 주\t한지호 장로\t2교구\n다음 주\t서민아 권사\t3교구\n"
    doc = _text_file(tmp_path, rota)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].head) == 1 and len(tables[0].body) == 2


def test_issue_line_and_quoted_verse_are_no_decks(tmp_path: Path) -> None:
    text = (
        "은총교회 주보\n2026년 3월 1일 · 사순절 첫째 주일 · 제12권 9호\n\n"
        "“수고하고 무거운 짐 진 자들아 다 내게로 오라” (마태복음 11:28)\n\n주일 예배\n\n" + _ORDER
    )
    doc = _text_file(tmp_path, text)
    assert doc.meta.title == "은총교회 주보"
    assert doc.meta.subtitles == []
    assert doc.meta.date == "2026-03-01"
    assert isinstance(doc.blocks[0], Quote)
    assert isinstance(doc.blocks[1], Heading) and doc.blocks[1].text == "주일 예배"


def test_bulletin_footer_goes_and_names_the_publisher(tmp_path: Path) -> None:
    text = (
        "은총교회 주보\n\n교회 소식\n\n오늘은 사순절 첫째 주일입니다. 예배 후 점심을 함께 나눕니다.\n\n"
        "담임목사 오민석 | 부목사 유하늘\n"
        "은총교회 | 부산광역시 가람구 바다로 7 (우 48000) | ☎ 051-123-4567 | www.grace.example\n"
        "온라인 헌금: 농협 301-1234-5678-91 (예금주: 은총교회)\n"
    )
    doc = _text_file(tmp_path, text)
    assert {r.line: r.rule for r in doc.removed if r.line >= 7} == dict.fromkeys(
        (7, 8, 9), "boilerplate.masthead"
    )
    assert doc.meta.publisher == "은총교회"


def test_an_events_registration_account_stays(tmp_path: Path) -> None:
    text = (
        "2027 한빛학회 춘계학술대회 안내\n\n올해 학술대회는 4월에 한빛대학교에서 열립니다. 많이 오세요.\n\n"
        "등록 안내\n\n등록비는 3만 원입니다. 아래 계좌로 보내 주세요.\n"
        "사전 등록 계좌: 국민은행 000-00-0000-000 (예금주 한빛학회)\n"
    )
    doc = _text_file(tmp_path, text)
    assert "사전 등록 계좌" in "\n".join(b.text for b in doc.blocks)


# --- a conference's abstract book (pdftotext) ------------------------------------------------------


def _abstract(number: str, title: str, authors: str, text: str, page: int) -> str:
    return (
        f"\f2027 한빛학회 춘계학술대회\n\n{number}\n{title}\n{authors}\n한빛대학교 국어국문학과\n\n{text}\n\n"
        f"주제어: 국어, 문장\n\n                    - {page} -\n"
    )


_PROSE = "본 연구는 신문 기사 300편의 문장 길이를 조사하였다. 평균 문장 길이는 지난 20년 사이에 줄었다."
_BOOK = (
    "2027 한빛학회 춘계학술대회 발표 초록집\n\n글쓰기와 읽기의 변화\n\n"
    "일시: 2027년 4월 10일(토) 09:30~17:00\n장소: 한빛대학교 본관\n주최: 한빛학회\n\n"
    "\f목   차\n\n세션 1. 문장\n"
    "  1-1 신문 문장의 길이 변화 ········· 3\n  1-2 교과서 문장의 길이 ········· 4\n"
    "세션 2. 어휘\n  2-1 외래어 표기의 흔들림 ········· 5\n\n                    - ii -\n"
    + _abstract("1-1", "신문 문장의 길이 변화", "김가람1, 이나래2", _PROSE, 3)
    + _abstract("1-2", "교과서 문장의 길이", "박한솔", _PROSE, 4)
)


def test_cover_fields_give_the_day_and_the_host(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _BOOK)
    assert doc.meta.title == "2027 한빛학회 춘계학술대회 발표 초록집"
    assert doc.meta.subtitles == ["글쓰기와 읽기의 변화"]
    assert doc.meta.date == "2027-04-10"  # the hours a span: the day alone
    assert doc.meta.publisher == "한빛학회"
    texts = [b.text for b in doc.blocks]
    assert "장소: 한빛대학교 본관" in texts and "주최: 한빛학회" in texts
    assert "일시: 2027년 4월 10일(토) 09:30~17:00" in texts  # the hours stay in the text


def test_a_notices_event_time_stays_in_the_text_and_names_no_author(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path,
        "주민 설명회 안내\n일시: 2026년 3월 12일(목) 오후 7시\n"
        "장소: 주민센터 3층 강당\n대상: 재개발 구역 주민\n"
        "재개발 조합 설립과 관련해 주민 여러분의 의견을 듣는 자리를 마련했습니다. 많은 참석 바랍니다.\n",
    )
    assert doc.meta.title == "주민 설명회 안내"
    assert doc.meta.authors == [] and doc.meta.subtitles == []
    assert [b.text for b in doc.blocks][:3] == [
        "일시: 2026년 3월 12일(목) 오후 7시",
        "장소: 주민센터 3층 강당",
        "대상: 재개발 구역 주민",
    ]


def test_printed_contents_with_group_lines_go(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _BOOK)
    rules = {r.text: r.rule for r in doc.removed}
    assert rules["세션 1. 문장"] == rules["세션 2. 어휘"] == "pages.contents"
    assert rules["목   차"] == "pages.contents"


def test_a_running_headers_first_copy_at_a_page_top_goes_too(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _BOOK)
    headers = [r for r in doc.removed if r.text == "2027 한빛학회 춘계학술대회"]
    assert len(headers) == 2 and {r.rule for r in headers} == {"pages.header"}


def test_a_papers_number_over_its_title_heads_it(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _BOOK)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["1-1 신문 문장의 길이 변화", "1-2 교과서 문장의 길이"]
    assert "김가람1, 이나래2" in [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_session_over_its_first_paper_is_a_heading(tmp_path: Path) -> None:
    text = (
        "2027 한빛학회 춘계학술대회 발표 초록집\n\n올해 학술대회에서는 두 세션에서 논문 네 편이 발표된다.\n\n"
        "세션 1. 문장\n\n1-1\n신문 문장의 길이 변화\n김가람\n\n"
        + _PROSE
        + "\n\n1-2\n교과서 문장의 길이\n박한솔\n\n"
        + _PROSE
        + "\n"
    )
    doc = _text_file(tmp_path, text)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["세션 1. 문장", "1-1 신문 문장의 길이 변화", "1-2 교과서 문장의 길이"]


def test_one_score_over_a_line_is_no_papers_number(tmp_path: Path) -> None:
    text = (
        "가람FC, 홈에서 역전승\n\n가람FC가 14일 홈 경기에서 역전승을 거뒀다. 관중은 1만 명이었다.\n\n"
        "2-1\n후반 추가시간 결승골\n\n"
    )
    doc = _text_file(tmp_path, text + _PROSE + "\n")
    assert not [b for b in doc.blocks if isinstance(b, Heading) and b.text.startswith("2-1 ")]


def test_a_two_word_body_name_over_the_fields_is_the_publisher(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _LETTER.replace("누  리  군", "누리군 문화관광과"))
    assert doc.meta.publisher == "누리군 문화관광과"
    assert _removed(doc)[1] == "official_letter.slogan"


def test_an_appeal_judgments_joined_labels(tmp_path: Path) -> None:
    text = _JUDGMENT.replace("원         고       가", "원고, 항소인       가").replace(
        "피         고       다", "피고, 피항소인     다"
    )
    doc = _text_file(tmp_path, text)
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "원고,항소인 가 소송대리인 변호사 나" in paragraphs and "피고,피항소인 다" in paragraphs


def test_the_senders_seal_note_goes_and_the_sender_signs(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _LETTER.replace("누 리 군 수\n", "누 리 군 수   [직인생략]\n"))
    signature = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "signature"]
    assert [b.text for b in signature] == ["누리군수"]
    assert any(r.rule == "official_letter.stamp" and r.text == "[직인생략]" for r in doc.removed)


def test_a_panels_judges_on_one_line_sign(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path, _JUDGMENT.replace("판사       오지민", "재판장 판사 오지민   판사 김하늘   판사 이도윤")
    )
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "signature"
    assert last.text == "재판장 판사 오지민 판사 김하늘 판사 이도윤"
