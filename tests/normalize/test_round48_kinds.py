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
