"""Failure kinds from held-out round 48 (a voice recorder's meeting transcript copied from its app;
a diary app's export of dated entries), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph
from tests.normalize.test_real_shapes import body, read_text_file, removed

# --- a voice recorder's transcript ---------------------------------------------------------------------

_TURNS = (
    "이서준 00:02",
    "네 시작하겠습니다. 첫 번째 안건부터 보죠.",
    "",
    "참석자 2 00:20",
    "네.",
    "",
    "이서준 01:05",
    "예산은 지난달과 같이 가는 걸로 하겠습니다.",
    "",
    "참석자 2 01:30",
    "네.",
    "",
    "이서준 02:10",
    "그럼 오늘은 여기까지 하겠습니다.",
)


def _note(*turns: str) -> tuple[str, ...]:
    return (
        "다글로",
        "내 노트",
        "휴지통",
        "한빛동 주민자치회 11월 회의",
        "2026.11.20 금 오후 3:00 ・ 1시간 2분",
        "이서준  참석자 2",
        "",
        *turns,
        "",
        "텍스트 내보내기",
        "공유 링크 복사",
    )


def test_a_recorders_turn_is_one_paragraph_speaker_and_words(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_note(*_TURNS))
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "이서준 00:02 네 시작하겠습니다. 첫 번째 안건부터 보죠." in texts
    assert texts.count("참석자 2 00:20 네.") == 1 and "참석자 2 01:30 네." in texts  # no copy
    assert not any(isinstance(b, Heading) for b in doc.blocks)


def test_a_recorders_title_over_its_recording_line_and_the_apps_menu_above(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_note(*_TURNS))
    assert doc.meta.title == "한빛동 주민자치회 11월 회의"
    assert doc.meta.subtitles == []
    assert doc.meta.date == "2026-11-20T15:00:00+09:00"
    assert removed(doc)["다글로"] == "recorder.chrome"
    assert removed(doc)["휴지통"] == "recorder.chrome"
    assert "1시간 2분" in body(doc) and "이서준 참석자 2" in body(doc)


def test_what_follows_a_recorders_last_turn_goes(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_note(*_TURNS))
    assert removed(doc)["텍스트 내보내기"] == "recorder.footer"
    assert removed(doc)["공유 링크 복사"] == "recorder.footer"


def test_a_recorders_summary_panel_labels_head_their_lists(tmp_path: Path) -> None:
    panel = (
        "요약",
        "Beta",
        "핵심 내용",
        "1. 예산 동결",
        "2. 다음 회의 일정",
        "요약은 정확하지 않을 수 있습니다.",
        "",
    )
    _, doc = read_text_file(tmp_path, *_note(*panel, *_TURNS))
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["요약", "핵심 내용"]
    assert any(isinstance(b, ListBlock) for b in doc.blocks)
    assert removed(doc)["Beta"] == "recorder.chrome"
    assert removed(doc)["요약은 정확하지 않을 수 있습니다."] == "recorder.chrome"


def test_three_named_times_are_no_transcript(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, "회의 메모", "", *_TURNS[:9])
    assert "recorder.chrome" not in removed(doc).values()
    assert "recorder.footer" not in removed(doc).values()


# --- a diary's entries -------------------------------------------------------------------------------

_ENTRIES = (
    "2026. 3. 2. (월) · 맑음",
    "개학 첫날. 아이들 이름을 반도 못 외웠다.",
    "#학교",
    "",
    "-----",
    "",
    "2026. 3. 5. (목) · 비",
    "우산을 두고 나와서 흠뻑 젖었다.",
    "[사진]",
    "",
    "-----",
    "",
    "2026. 3. 9. (월) · 흐림",
    "오늘은 조금 덜 피곤했다.",
    "저녁에는 동생과 통화했다.",
)


def test_a_diarys_dated_heads_are_headings_not_its_date(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, "봄 일기", "", *_ENTRIES)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["2026. 3. 2. (월) · 맑음", "2026. 3. 5. (목) · 비", "2026. 3. 9. (월) · 흐림"]
    assert doc.meta.title == "봄 일기"
    assert doc.meta.date is None
    assert doc.meta.subtitles == []


def test_a_diarys_rules_photos_and_tags_go(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, "봄 일기", "", *_ENTRIES)
    gone = removed(doc)
    assert gone["-----"] == "diary.rule"
    assert gone["[사진]"] == "diary.photo"
    assert gone["#학교"] == "diary.tags"
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "오늘은 조금 덜 피곤했다." in texts and "저녁에는 동생과 통화했다." in texts


def test_a_diary_apps_export_line_and_footer_go(tmp_path: Path) -> None:
    lines = ("봄 일기", "하루노트에서 내보냄 · 3편", "", *_ENTRIES, "", "=====", "하루노트 · 기록하는 습관")
    _, doc = read_text_file(tmp_path, *lines)
    gone = removed(doc)
    assert gone["하루노트에서 내보냄 · 3편"] == "diary.chrome"
    assert gone["하루노트 · 기록하는 습관"] == "diary.footer"
    assert "저녁에는 동생과 통화했다." in body(doc)


def test_two_dated_heads_are_no_diary(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, "봄 일기", "", *_ENTRIES[:12])
    assert "diary.rule" not in removed(doc).values()


# --- minutes as a PDF's text ---------------------------------------------------------------------------

_HEADER = "한빛동 주민자치회                                          회의록"


def _minutes(*body: str) -> tuple[str, ...]:
    return (
        _HEADER,
        "",
        "        제5차 주민자치회 정기회의 회의록",
        "",
        *body,
        "",
        "                                      - 1 -",
        "\f" + _HEADER,
        "",
        "2. 기타 사항",
        "  ○ 다음 회의는 12월 17일에 연다.",
        "",
        "                                      - 2 -",
    )


def test_a_lettered_items_rest_on_a_hanging_indent_keeps_the_list(tmp_path: Path) -> None:
    body = (
        "1. 회의 개요",
        "  가. 일    시 : 2026년 11월 26일(목) 19:30",
        "  나. 참 석 자 : 위원 9명 중 8명 참석(불참 1명), 위원장 김○○, 부위원장 이○○, 간사 박○○,",
        "                 위원 최○○(1통), 정○○(2통), 한○○(3통), 윤○○(4통), 오○○(5통),",
        "                 위원 서○○(6통), 남○○(7통), 유○○(8통), 홍○○(9통)",
        "  다. 배 석 자 : 동 행정복지센터 주무관 강○○",
    )
    _, doc = read_text_file(tmp_path, *_minutes(*body))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert lists[0].items[1].blocks[0].text.endswith("홍○○(9통)")


def test_a_word_cut_before_a_hanging_indent_is_rejoined(tmp_path: Path) -> None:
    body = (
        "1. 질의 및 토론",
        "    - 최○○ 위원 : 주민 참여 예산 사업의 집행 실적은 어떻게 관리하는지 설명해 주기 바람.",
        "    - 간사 : 분기마다 집행 실적을 점검하여 다음 회의 때 위원들에게 서면으로 보고하",
        "      도록 하겠음.",
    )
    _, doc = read_text_file(tmp_path, *_minutes(*body))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert lists and lists[0].items[-1].blocks[0].text.endswith("보고하도록 하겠음.")


def test_a_two_part_running_header_names_the_body_that_publishes(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_minutes("1. 개회", "  ○ 위원장이 개회를 선언함."))
    assert doc.meta.publisher == "한빛동 주민자치회"
    assert doc.meta.series == ["한빛동 주민자치회 회의록"]


def test_an_agenda_items_head_is_a_heading_and_opens_its_page(tmp_path: Path) -> None:
    lines = (
        "3. 안건 심의",
        "",
        "제1호 안건 : 2027년 주민총회 개최의 건",
        "  ○ 의결 결과 : 재적 9명 중 찬성 8명으로 원안 가결",
        "",
        "                                      - 1 -",
        "\f" + _HEADER,
        "",
        "제2호 안건 : 마을 축제 예산 변경의 건",
        "  ○ 의결 결과 : 재적 9명 중 찬성 7명으로 원안 가결",
        "",
        "                                      - 2 -",
    )
    _, doc = read_text_file(tmp_path, _HEADER, "", "        제5차 주민자치회 정기회의 회의록", "", *lines)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [
        "3. 안건 심의",
        "제1호 안건 : 2027년 주민총회 개최의 건",
        "제2호 안건 : 마을 축제 예산 변경의 건",
    ]


def test_a_line_of_signers_ending_the_text_is_its_signature(tmp_path: Path) -> None:
    lines = (
        "위 회의 내용이 사실과 다름없음을 확인합니다.",
        "",
        "        위 원 장    김  ○  ○  (서명)          간    사    박  ○  ○  (인)",
    )
    _, doc = read_text_file(tmp_path, "회의록", "", "회의를 열었다. 안건을 모두 의결하였다.", "", *lines)
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "signature"
