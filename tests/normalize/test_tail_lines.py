"""What follows a story's last paragraph: an end mark and the rights line's parts go, a note on how
the story was funded or sponsored stays the story's."""

from __future__ import annotations

import pytest

from tests.normalize.test_real_shapes import body, norm

STORY = [
    "청년 창업 지원금 두 배로 늘린다",
    "2026.12.07 10:00",
    "최유나 기자",
    "",
    "서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다.",
    "",
    "시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 자금난을 덜겠다고 말했다.",
    "",
]


@pytest.mark.parametrize("mark", ["(끝)", "/끝/", "<끝>", "-끝-", "[끝]"])
def test_an_end_mark_is_removed(mark: str) -> None:
    _, doc = norm(*STORY, mark)
    assert mark not in body(doc)
    assert [r.text for r in doc.removed] == [mark]


@pytest.mark.parametrize("clause", ["AI학습 이용 금지", "AI 학습 및 활용 금지", "무단전재 및 AI학습 금지"])
def test_the_rights_lines_ai_clause_alone_is_the_rights(clause: str) -> None:
    _, doc = norm(*STORY, clause)
    assert clause not in body(doc)
    assert doc.meta.rights == clause


def test_a_copyright_by_line_names_its_holder() -> None:
    _, doc = norm(*STORY, "Copyright by 가람일보 Corp. All rights reserved.")
    assert doc.meta.publisher == "가람일보"


@pytest.mark.parametrize(
    "note",
    [
        "※ 이 기사는 지역신문발전위원회 기금을 지원받았습니다.",
        "※ 이 기사는 한국언론진흥재단의 지원을 받아 작성되었습니다.",
        "※ 이 기사는 가람전자의 협찬으로 제작됐습니다.",
    ],
)
def test_a_note_on_how_the_story_was_funded_stays(note: str) -> None:
    _, doc = norm(*STORY, note)
    assert note.removeprefix("※ ") in body(doc)


def test_a_note_that_the_story_was_updated_goes() -> None:
    note = "※ 이 기사는 2026년 12월 7일 오전 10시에 업데이트됐습니다."
    _, doc = norm(*STORY, note)
    assert note not in body(doc)


def test_a_footer_row_of_links_with_one_long_compound_name_is_a_menu() -> None:
    rows = [
        "회사소개 | 광고문의 | 이용약관",
        "개인정보처리방침 | 청소년보호정책 | 고충처리인",
        "저작권정책 | 이메일무단수집거부 | RSS",
    ]
    _, doc = norm(*STORY, *rows)
    assert [r.text for r in doc.removed] == rows
    assert doc.blocks[-1].text.endswith("말했다.")


@pytest.mark.parametrize(
    "line",
    ["[가람일보 앱 다운로드]", "기사 추천 0", "로그인 후 댓글을 작성할 수 있습니다.", "최신순 공감순 답글순"],
)
def test_a_pages_app_promotion_and_comment_box_lines_go(line: str) -> None:
    _, doc = norm(*STORY, line)
    assert [r.text for r in doc.removed] == [line]


def test_a_tag_box_below_the_text_goes_with_its_tags() -> None:
    _, doc = norm(*STORY, "태그", "청년창업", "#서울시", "AI 반도체")
    assert [r.text for r in doc.removed] == ["태그", "청년창업", "#서울시", "AI 반도체"]
    assert doc.blocks[-1].text.endswith("말했다.")
