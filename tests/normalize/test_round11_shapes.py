"""Failure kinds from held-out round 11 (an interview's profile box, a portal's video player text,
a notice signed by a department), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Document, Figure, Footnote, ListBlock, NoteRef, Paragraph
from bookmaker.normalize.text import inline_entries
from tests.normalize.test_real_shapes import BODY, body, norm

TITLE = "시, 버스 노선 12개→8개로 줄인다"
DATE = "입력 2025.02.14 09:00"
PROFILE = "▲1968년 부산 출생 ▲서울대 약학과 졸업 ▲한미약품 연구소장 ▲한국바이오협회장(현)"


def test_a_line_of_several_entries_is_a_list_not_a_photo_caption() -> None:
    _, doc = norm(TITLE, *BODY, "◇이정훈 회장은", PROFILE, "김민지 기자 minji@sedaily.com")
    assert not [b for b in doc.blocks if isinstance(b, Figure)]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].lines == [6, 6]
    assert [item.blocks[0].text for item in lists[0].items] == [
        "1968년 부산 출생",
        "서울대 약학과 졸업",
        "한미약품 연구소장",
        "한국바이오협회장(현)",
    ]


def test_one_marked_caption_and_running_text_are_no_inline_entries() -> None:
    assert inline_entries("▲ 서울 시내의 한 버스 정류장에서 시민들이 버스를 기다리고 있다.") == []
    assert inline_entries("주가는 ▲3% ▲5% 올랐다.") == []  # not opening with the marker
    assert inline_entries("▲첫째 항목 △둘째 항목") == []  # two kinds of marker
    assert inline_entries("▲" + "가" * 81 + " ▲짧은 항목") == []  # an entry as long as a sentence
    assert inline_entries("△시장 김OO △부시장 이OO") == ["시장 김OO", "부시장 이OO"]
    # a sentence enumerating with ▲: its last entry alone ends it
    assert inline_entries("▲창업 3년 이내 기업 ▲연 매출 10억원 이하 ▲서울 소재 기업이 대상이다.") == []
    # entries that each end a sentence are a list of statements
    assert inline_entries("▲정부가 예산을 늘렸다 ▲시가 인력을 보강했다") == [
        "정부가 예산을 늘렸다",
        "시가 인력을 보강했다",
    ]


def test_a_caption_marked_once_is_still_a_figure() -> None:
    _, doc = norm(TITLE, BODY[0], "▲ 시내버스가 정류장에 서 있다. 연합뉴스", *BODY[1:])
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].credit == "연합뉴스"
    assert "1968년" not in body(doc)


def test_a_video_players_text_above_the_body_is_chrome_not_decks() -> None:
    _, doc = norm(TITLE, "동영상 고정 취소", "재생", "00:00 / 02:14", "음소거 전체화면", *BODY)
    assert doc.meta.title == TITLE and doc.meta.subtitles == []
    assert body(doc).splitlines() == BODY
    assert {r.text: r.rule for r in doc.removed} == {
        "동영상 고정 취소": "boilerplate.chrome",
        "재생": "boilerplate.chrome",
        "00:00 / 02:14": "boilerplate.chrome",
        "음소거 전체화면": "boilerplate.chrome",
    }


def test_a_time_or_the_word_replay_inside_a_sentence_stays() -> None:
    lines = ["경기는 오후 7:30 / 8:00 두 차례 재생 화면으로 다시 중계됐다고 방송사는 밝혔다.", *BODY[1:]]
    _, doc = norm(TITLE, BODY[0], *lines)
    assert body(doc).splitlines() == [BODY[0], *lines]


def _paragraph_roles(doc: Document) -> list[str | None]:
    return [getattr(b, "role", None) for b in doc.blocks]


def test_a_notice_tagged_in_its_series_is_signed_by_the_department_below_it() -> None:
    _, doc = norm("[알림] 시 버스 노선 개편안 설명회 안내", DATE, *BODY, "연합뉴스 콘텐츠융합국")
    assert doc.meta.series == ["알림"]
    assert _paragraph_roles(doc) == [None, None, None, "signature"]


def test_an_accident_in_a_titles_last_word_is_no_notice() -> None:
    _, doc = norm("버스 노선 개편안 설명회 날 추돌 사고", DATE, *BODY, "경기도 교통정보센터")
    assert _paragraph_roles(doc) == [None, None, None, None]


NOTED = [
    "7월부터 스트레스 DSR1) 3단계가 적용돼 한도는 수천만원 줄어든다*. 주기형2) 상품은 덜 줄어든다.",
    "전문가들은 2금융권으로 대출 수요가 옮겨 가는 풍선효과를 우려한다고 말했다.",
]


def test_notes_ending_a_scrape_become_footnotes_referred_to_from_the_body() -> None:
    _, doc = norm(
        "스트레스 DSR 3단계 시행…대출 한도 줄어든다",
        DATE,
        *NOTED,
        "1) 스트레스 DSR: 미래 금리 상승 가능성을 반영해 가산금리를 더하는 제도.",
        "2) 주기형: 일정 주기마다 금리가 바뀌는 대출.",
        "* 금융위원회 시뮬레이션 결과.",
    )
    notes = [b for b in doc.blocks if isinstance(b, Footnote)]
    assert [(n.id, n.text, n.lines) for n in notes] == [
        ("1", "스트레스 DSR: 미래 금리 상승 가능성을 반영해 가산금리를 더하는 제도.", [5, 5]),
        ("2", "주기형: 일정 주기마다 금리가 바뀌는 대출.", [6, 6]),
        ("*", "금융위원회 시뮬레이션 결과.", [7, 7]),
    ]
    first = doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert [r.note for r in first.content if isinstance(r, NoteRef)] == ["1", "*", "2"]
    assert first.text == (
        "7월부터 스트레스 DSR 3단계가 적용돼 한도는 수천만원 줄어든다. 주기형 상품은 덜 줄어든다."
    )


def test_a_numbered_list_ending_the_text_without_markers_in_it_stays_a_list() -> None:
    _, doc = norm(TITLE, DATE, *BODY, "1) 노선 번호 변경", "2) 배차 간격 조정")
    assert not [b for b in doc.blocks if isinstance(b, Footnote)]
    assert isinstance(doc.blocks[-1], ListBlock)


def test_a_parenthesised_number_is_no_note_marker() -> None:
    lines = ["노선은 (1) 간선과 (2) 지선으로 나뉜다고 시 관계자는 설명했다.", *BODY[1:]]
    _, doc = norm(TITLE, DATE, BODY[0], *lines, "1) 간선: 도심을 지나는 노선.", "2) 지선: 외곽 노선.")
    assert not [b for b in doc.blocks if isinstance(b, Footnote)]
    assert "(1) 간선과 (2) 지선" in body(doc)
