"""Failure kinds from held-out round 53 (news as readers paste it: a by-election's vote table and
tally, a forecast's regional table and fine-dust grade box, a ball game's line score, records and
lineup, a regional paper's 부음 entries with their fields), each on a small made-up input."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, ListBlock, Paragraph, Table
from tests.normalize.test_real_shapes import body, removed
from tests.normalize.test_round15_shapes import read_text

_LEAD = "올겨울 첫 한파가 찾아오면서 전국 대부분 지역의 아침 기온이 영하로 떨어졌다. 낮에도 춥겠다."
_MORE = "기상청은 이번 추위가 주말까지 이어진 뒤 다음 주 초부터 차차 풀리겠다고 내다봤다."


def _page(
    *middle: str,
    head: tuple[str, ...] = ("전국 첫 한파…내일 더 춥다", "입력 2026.12.07 21:10", "한지민 기자"),
) -> str:
    return "\n".join([*head, "", _LEAD, "", *middle, "", _MORE, ""])


def _lists(doc: Document) -> list[ListBlock]:
    return [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_temperatures_with_their_unit_are_a_tables_numbers(tmp_path: Path) -> None:
    _, doc = read_text(
        tmp_path,
        _page("도시  최저  최고", "인천  -2℃  6℃", "강릉  1℃  9℃", "제주  5℃  12℃", "청주  -4℃  5℃"),
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].head) == 1 and len(tables[0].body) == 4


def test_a_first_row_numbering_its_columns_is_the_tables_head(tmp_path: Path) -> None:
    _, doc = read_text(
        tmp_path,
        _page("구단\t1\t2\t3\t4\t5\t계", "두산\t0\t1\t0\t0\t2\t3", "NC\t1\t0\t0\t0\t0\t1"),
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].head) == 1 and len(tables[0].body) == 2
    # a first row of data (numbers not counting 1, 2, 3 …) is no head
    _, doc = read_text(
        tmp_path,
        _page("두산\t0\t1\t0\t0\t2\t3", "NC\t1\t0\t0\t0\t0\t1", "KT\t0\t0\t2\t0\t0\t2"),
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].head == [] and len(tables[0].body) == 3


def test_a_field_listing_names_between_dots_is_no_menu(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _page("보통: 대전·세종·충남·전북"))
    assert "보통: 대전·세종·충남·전북" in body(doc)
    _, doc = read_text(tmp_path, _page("정치·경제·사회·문화·국제"))
    assert "정치·경제·사회·문화·국제" in removed(doc)


def test_close_fields_under_their_entry_are_one_list(tmp_path: Path) -> None:
    entry = ("◆ 정말순씨 별세", "향년 88세. 오민재(회사원)씨 모친상", "빈소: 누리병원 장례식장 1호실")
    _, doc = read_text(tmp_path, _page(*entry, "발인: 10일 오전 6시", "장지: 누리공원묘원"))
    lists = _lists(doc)
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert "향년 88세. 오민재(회사원)씨 모친상" in [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_close_fields_standing_alone_or_turns_of_talk_stay_lines(tmp_path: Path) -> None:
    # a block of fields after a blank (an event's box under its title) stays as it was
    _, doc = read_text(tmp_path, _page("일시: 12월 20일 오후 2시", "장소: 누리문화회관", "주최: 누리시"))
    assert not _lists(doc)
    # speakers' turns repeat their labels and end as sentences
    turns = ("사회자: 오늘 주제를 소개해 주시죠", "김교수: 한파 대비입니다.", "사회자: 무엇부터 할까요")
    _, doc = read_text(tmp_path, _page("대담 내용", *turns))
    assert not _lists(doc)


def test_a_mark_heading_two_entries_heads_the_first_one_too(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "[부음] 누리 지역 부음",
            "입력 2026.12.07 17:20",
            "",
            "◆ 정말순씨 별세",
            "향년 88세. 오민재(회사원)·오민지(교사)씨 모친상, 빈소는 누리병원 장례식장 1호실이다.",
            "",
            "◆ 한기철씨 별세",
            "향년 79세. 한수빈(공무원)씨 부친상, 빈소는 누리의료원 장례식장 특실이다.",
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["정말순씨 별세", "한기철씨 별세"]


def test_a_source_line_and_a_tally_are_no_headings(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _page("※ 자료: 한국환경공단 에어코리아"))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    _, doc = read_text(tmp_path, _page("유권자 12,304명 / 투표자 7,215명 / 투표율 58.6%"))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert "투표율 58.6%" in body(doc)


def test_a_lone_entry_under_a_split_line_of_entries_joins_its_list(tmp_path: Path) -> None:
    story = (
        "두산은 7일 잠실구장에서 열린 NC와의 경기에서 양의지의 선제 홈런과 곽빈의 호투를 앞세워 4-1로 "
        "이겼다. 두산은 3연승을 달렸다."
    )
    records = ("△ 승리투수 = 곽빈(2승) △ 패전투수 = 신민혁(1패)", "△ 홈런 = 양의지 3호(2회1점·두산)")
    _, doc = read_text(
        tmp_path, "\n".join(["두산, NC 꺾고 3연승", "입력 2026.12.07 21:10", "", story, "", *records, ""])
    )
    lists = _lists(doc)
    assert len(lists) == 1 and [i.blocks[0].text for i in lists[0].items] == [
        "승리투수 = 곽빈(2승)",
        "패전투수 = 신민혁(1패)",
        "홈런 = 양의지 3호(2회1점·두산)",
    ]


def test_lines_numbered_by_bare_figures_are_a_numbered_list(tmp_path: Path) -> None:
    order = ("1 정수빈(중견수)", "2 허경민(3루수)", "3 양의지(포수)", "4 김재환(좌익수)")
    _, doc = read_text(tmp_path, _page("◇ 두산 선발 라인업", *order, "선발투수 곽빈"))
    lists = _lists(doc)
    assert len(lists) == 1 and lists[0].ordered and lists[0].punctuation == "none"
    assert [i.blocks[0].text for i in lists[0].items] == [
        "정수빈(중견수)",
        "허경민(3루수)",
        "양의지(포수)",
        "김재환(좌익수)",
    ]
    # the short line right under the list's last item heads nothing
    assert "선발투수 곽빈" not in [b.text for b in doc.blocks if isinstance(b, Heading)]
    # two lines, or lines not counted from 1, stay as they were
    _, doc = read_text(tmp_path, _page("1 정수빈(중견수)", "2 허경민(3루수)"))
    assert not _lists(doc)
    _, doc = read_text(tmp_path, _page("3 양의지(포수)", "4 김재환(좌익수)", "5 강승호(2루수)"))
    assert not _lists(doc)


def test_the_site_named_again_beside_its_date_is_no_title_or_byline(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "누리일보",
            "",
            "누리군 김장 나눔 행사 성황",
            "누리일보 | 승인 2026.12.07 17:20 | 댓글 0",
            "",
            _LEAD,
            "",
        ]
    )
    _, doc = read_text(tmp_path, text)
    assert doc.meta.title == "누리군 김장 나눔 행사 성황"
    assert doc.meta.authors == [] and doc.meta.publisher == "누리일보"
    assert doc.meta.date == "2026-12-07T17:20:00+09:00"


def test_a_reaction_a_comment_login_note_and_a_call_for_notices_go(tmp_path: Path) -> None:
    tail = (
        "응원해요 42",
        "이 기사에 대한 댓글은 로그인 후 작성할 수 있습니다.",
        "※ 부음·개업 소식은 편집국(desk@nuri.kr)으로 보내주시면 무료로 실어드립니다.",
    )
    _, doc = read_text(tmp_path, _page(*tail))
    gone = removed(doc)
    assert all(line in gone for line in tail), gone
