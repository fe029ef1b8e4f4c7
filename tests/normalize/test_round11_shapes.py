"""Failure kinds from held-out round 11 (an interview's profile box, a portal's video player text,
a notice signed by a department), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Figure, ListBlock
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


def _paragraph_roles(doc: object) -> list[str | None]:
    return [getattr(b, "role", None) for b in getattr(doc, "blocks")]


def test_a_notice_tagged_in_its_series_is_signed_by_the_department_below_it() -> None:
    _, doc = norm("[알림] 시 버스 노선 개편안 설명회 안내", DATE, *BODY, "연합뉴스 콘텐츠융합국")
    assert doc.meta.series == ["알림"]
    assert _paragraph_roles(doc) == [None, None, None, "signature"]


def test_an_accident_in_a_titles_last_word_is_no_notice() -> None:
    _, doc = norm("버스 노선 개편안 설명회 날 추돌 사고", DATE, *BODY, "경기도 교통정보센터")
    assert _paragraph_roles(doc) == [None, None, None, None]
