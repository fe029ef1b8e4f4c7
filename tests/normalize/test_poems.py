"""Poems as text files and as a blog's paragraphs: stanzas whose lines end with a full stop, a poem's
title and poet, a poem with no title line, a one-line stanza; and the short lines that are no verse
(a narrow newspaper column, a mail's header, a notice's short paragraphs)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Paragraph
from tests.normalize.test_real_shapes import read_page, read_text_file

JINDALLAE = [
    "나 보기가 역겨워",
    "가실 때에는",
    "말없이 고이 보내 드리우리다.",
    "",
    "영변에 약산",
    "진달래꽃",
    "아름 따다 가실 길에 뿌리우리다.",
    "",
    "가시는 걸음걸음",
    "놓인 그 꽃을",
    "사뿐히 즈려밟고 가시옵소서.",
    "",
    "나 보기가 역겨워",
    "가실 때에는",
    "죽어도 아니 눈물 흘리우리다.",
]
FIRST_STANZA = "나 보기가 역겨워\n가실 때에는\n말없이 고이 보내 드리우리다."
LAST_STANZA = "나 보기가 역겨워\n가실 때에는\n죽어도 아니 눈물 흘리우리다."


def _text_file(tmp_path: Path, *lines: str) -> Document:
    return read_text_file(tmp_path, *lines)[1]


def _stanzas(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role == "verse"]


def test_stanzas_whose_lines_end_with_a_full_stop_are_verse(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, "진달래꽃", "", *JINDALLAE)
    assert doc.meta.title == "진달래꽃"
    assert _stanzas(doc) == [
        FIRST_STANZA,
        "영변에 약산\n진달래꽃\n아름 따다 가실 길에 뿌리우리다.",
        "가시는 걸음걸음\n놓인 그 꽃을\n사뿐히 즈려밟고 가시옵소서.",
        LAST_STANZA,
    ]
    assert len(doc.blocks) == 4
    assert doc.removed == []  # the refrain opening the first and the last stanza is no site's name


def test_a_poems_title_over_the_poets_name_blank_parted_or_not(tmp_path: Path) -> None:
    for head in (
        ["진달래꽃", "", "김소월", ""],
        ["진달래꽃", "김소월", ""],
        ["진달래꽃", "", "        — 김소월", ""],
    ):
        doc = _text_file(tmp_path, *head, *JINDALLAE)
        assert doc.meta.title == "진달래꽃", head
        assert [a.name for a in doc.meta.authors] == ["김소월"], head
        assert _stanzas(doc)[0] == FIRST_STANZA, head
        assert len(_stanzas(doc)) == 4, head


def test_two_stanzas_and_a_one_line_stanza_under_a_title_and_poet_are_verse(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path,
        "서시",
        "윤동주",
        "",
        *[
            "죽는 날까지 하늘을 우러러",
            "한 점 부끄럼이 없기를,",
            "잎새에 이는 바람에도",
            "나는 괴로워했다.",
            "",
        ],
        *[
            "별을 노래하는 마음으로",
            "모든 죽어 가는 것을 사랑해야지",
            "그리고 나한테 주어진 길을",
            "걸어가야겠다.",
            "",
        ],
        "오늘 밤에도 별이 바람에 스치운다.",
    )
    assert (doc.meta.title, [a.name for a in doc.meta.authors]) == ("서시", ["윤동주"])
    assert len(_stanzas(doc)) == 3
    assert _stanzas(doc)[-1] == "오늘 밤에도 별이 바람에 스치운다."
    assert doc.removed == []


def test_a_poem_with_no_title_line_is_known_by_its_first_line(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, *JINDALLAE)
    assert doc.meta.title == "나 보기가 역겨워"
    assert doc.meta.subtitles == []
    assert _stanzas(doc)[0] == FIRST_STANZA  # the line stays in its stanza
    assert len(_stanzas(doc)) == 4


def test_a_stanzas_short_line_is_no_heading(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, "진달래꽃", "", *JINDALLAE)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph"] * 4


def test_a_narrow_columns_wrapped_paragraphs_are_no_verse(tmp_path: Path) -> None:
    """Runs of short lines, each ending a paragraph with a full stop, cut inside words: prose."""
    doc = _text_file(
        tmp_path,
        "시내버스 요금 30원으로",
        "",
        *[
            "서울시는 4일 시내버스 요금을",
            "오는 4월 1일부터 현행 25원에",
            "서 30원으로 올리기로 했다",
            "고 발표했다.",
            "",
        ],
        *[
            "시는 이번 인상이 유류값과 인",
            "건비 상승으로 버스업계의 적자",
            "가 누적된 데 따른 것이라고 밝",
            "혔다.",
            "",
        ],
        *["그러나 시민들은 지난해 9월에", "도 요금이 올랐다며 불만을 나", "타냈다.", ""],
        *["시는 인상분의 일부를 운전기사", "처우 개선에 쓰도록 요구할 방", "침이다."],
    )
    assert _stanzas(doc) == []
    assert all("\n" not in b.text for b in doc.blocks if isinstance(b, Paragraph))


def test_a_mails_header_lines_are_no_stanza(tmp_path: Path) -> None:
    doc = _text_file(
        tmp_path,
        "디지털타임스 <noreply@dt.co.kr>",
        "오전 8:12 (2시간 전)",
        "나에게",
        "",
        "디지털타임스",
        "데이터센터 전력 수요 5년 새 2배",
        "입력: 2026-12-06 14:20",
        "",
        "답장",
        "전달",
        "",
        "국내 데이터센터의 전력 수요가 최근 5년 새 두 배로 늘었지만, 송전망 확충이 따라가지 못하고 있다.",
    )
    assert _stanzas(doc) == []


def _blog_page(lines: list[str]) -> str:
    """A blog editor's body: one ``<p>`` per line, an empty ``<p>`` for each blank line."""
    return (
        "<div class='se-main-container'>\n"
        + "".join(
            f"<p class='se-text-paragraph'><span>{line}</span></p>\n"
            if line
            else "<p><span>&nbsp;</span></p>\n"
            for line in lines
        )
        + "</div>"
    )


def test_a_blogs_poem_one_paragraph_per_line_is_stanzas(tmp_path: Path) -> None:
    head = "<title>진달래꽃 - 김소월 : 네이버 블로그</title>"
    _, doc = read_page(tmp_path, _blog_page(["진달래꽃", "", "김소월", "", *JINDALLAE]), head)
    assert (doc.meta.title, [a.name for a in doc.meta.authors]) == ("진달래꽃", ["김소월"])
    assert _stanzas(doc) == [
        FIRST_STANZA,
        "영변에 약산\n진달래꽃\n아름 따다 가실 길에 뿌리우리다.",
        "가시는 걸음걸음\n놓인 그 꽃을\n사뿐히 즈려밟고 가시옵소서.",
        LAST_STANZA,
    ]
    assert not any((r.rule or "").startswith("dedupe") for r in doc.removed)  # the refrain stays


def test_short_paragraphs_parted_by_empty_ones_that_are_no_poem_stay_paragraphs(tmp_path: Path) -> None:
    notice = [
        "2026 겨울 독서 모임 안내",
        "",
        "일시: 12월 19일 오후 3시",
        "장소: 합정역 카페 온기",
        "",
        "참가비 1만 원",
        "신청 마감 12월 15일",
        "",
        "문의 010-1234-5678",
        "담당 한지원",
        "",
        "많은 참여 바랍니다. 모임에서는 올해 읽은 책 가운데 한 권을 골라 이야기를 나눕니다.",
    ]
    _, doc = read_page(tmp_path, _blog_page(notice))
    assert _stanzas(doc) == []
