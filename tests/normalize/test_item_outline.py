"""An outline of items (a leaflet's precautions: numbered lines that say something, with ranks under
them) is one nested list; a section outline (short titles over their items) stays headings over
lists (tests/normalize/test_lists12_outline.py). A two-row tabbed field table is a table in a text
that lays out a longer one, never a board's 이전글/다음글 pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Document, Heading, ListBlock, Table
from bookmaker.layout.list_markers import list_markers, marker
from bookmaker.normalize import normalize
from bookmaker.normalize.passes.item_outline import says_something
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import norm, removed

TITLE = "가람시럽(이부프로펜) 사용 설명서"
PROSE = "이 설명서는 제품을 사용하기 전에 반드시 읽어야 하며, 궁금한 점은 의사나 약사에게 물어보아야 한다."


def _file(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _tree(block: ListBlock, depth: int = 0) -> list[str]:
    """Each item's text indented by its depth, its list's first marker before the first item."""
    out: list[str] = []
    for n, item in enumerate(block.items):
        mark = marker(block.style or "decimal", block.punctuation, block.start + n)
        for at, b in enumerate(item.blocks):
            if isinstance(b, ListBlock):
                out += _tree(b, depth + 1)
            else:
                out.append("  " * depth + (f"{mark} " if at == 0 else "+ ") + b.text)
    return out


def test_an_outline_of_items_is_one_nested_list() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        "1. 다음과 같은 사람은 이 약을 사용하지 말 것",
        "1) 이 약에 과민증이 있는 사람",
        "2) 위장 출혈이 있는 사람",
        "2. 이 약을 사용하는 동안 다음의 약을 함께 쓰지 말 것",
        "다른 소염진통제, 해열제",
        "3. 다음과 같은 경우 사용을 멈추고 의사와 상의할 것",
        "1) 다음의 증상이 나타나는 경우",
        "① 발진",
        "② 구토",
        "2) 사흘이 지나도 낫지 않는 경우",
        "4. 보관 방법",
        "1) 어린이의 손이 닿지 않는 곳에 보관할 것",
        "2) 직사광선을 피해 보관할 것",
        PROSE,
    )
    (block,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert _tree(block) == [
        "1. 다음과 같은 사람은 이 약을 사용하지 말 것",
        "  1) 이 약에 과민증이 있는 사람",
        "  2) 위장 출혈이 있는 사람",
        "2. 이 약을 사용하는 동안 다음의 약을 함께 쓰지 말 것",
        "+ 다른 소염진통제, 해열제",
        "3. 다음과 같은 경우 사용을 멈추고 의사와 상의할 것",
        "  1) 다음의 증상이 나타나는 경우",
        "    ① 발진",
        "    ② 구토",
        "  2) 사흘이 지나도 낫지 않는 경우",
        "4. 보관 방법",
        "  1) 어린이의 손이 닿지 않는 곳에 보관할 것",
        "  2) 직사광선을 피해 보관할 것",
    ]
    assert block.lines == [3, 15]
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_a_section_outline_of_short_titles_stays_headings_over_lists() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        "1. 경고",
        "1) 술을 자주 마시는 사람은 이 약을 쓰기 전에 의사와 상의해야 한다.",
        "2) 드물게 심한 피부 반응이 나타날 수 있다.",
        "2. 보관 방법",
        "1) 서늘한 곳에 보관한다.",
        "2) 어린이의 손이 닿지 않는 곳에 둔다.",
        PROSE,
    )
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert heads == ["1. 경고", "2. 보관 방법"]
    assert [list_markers(b) for b in lists] == [["1)", "2)"], ["1)", "2)"]]


def test_mostly_titled_parents_make_a_section_outline() -> None:
    """One parent line that says something among titles does not make the outline one of items."""
    _, doc = norm(
        TITLE,
        PROSE,
        "1. 성분",
        "1) 이부프로펜",
        "2) 정제수",
        "2. 다음과 같은 사람은 사용하지 말 것",
        "1) 임부",
        "2) 수유부",
        "3. 보관 방법",
        "1) 냉장 보관",
        "2) 개봉 후 한 달 이내 사용",
        "문의는 약사에게 한다.",
    )
    assert [b.text for b in doc.blocks if isinstance(b, Heading)][:1] == ["1. 성분"]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert list_markers(lists[0]) == ["1)", "2)"]
    assert not [i for b in lists for i in b.items if len(i.blocks) > 1]  # nothing nested


def test_a_single_item_with_items_under_it_is_no_outline() -> None:
    """One numbered line over its items is a list's heading (``1. 입찰 일정``), not a list of one."""
    _, doc = norm(
        TITLE, PROSE, "1. 다음의 경우 사용하지 말 것", "1) 임부", "2) 수유부", "문의는 약사에게 한다."
    )
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["1. 다음의 경우 사용하지 말 것"]
    (block,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert list_markers(block) == ["1)", "2)"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("다음과 같은 사람은 이 약을 복용하지 말 것", True),
        ("의사, 약사와 상의할 것. 상담 시 이 문서를 소지할 것", True),
        ("다음의 질환이 있는 환자", True),
        ("조사는 다음과 같이 진행한다.", True),
        ("신청 자격은 다음과 같다:", True),
        ("저장상의 주의사항", False),
        ("인구 감소", False),
        ("달라진 것", False),  # -ㄴ 것: a noun phrase, no directive
        ("다음 주 일정", False),
    ],
)
def test_a_line_says_something_or_names_a_part(text: str, says: bool) -> None:
    assert says_something(text) is says


def test_wrapped_text_keeps_an_outlines_first_sub_item_apart(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        f"{TITLE}\n\n{PROSE}\n\n"
        "1. 다음과 같은 경우 이 약의 사용을 즉각 멈추고 의사나 약사와 상의할 것\n"
        "1) 다음의 증상이 나타나는 경우\n① 발진\n② 구토\n"
        "2. 이 약을 쓰는 동안 다음의 약을 함께 쓰지 말 것\n1) 다른 소염진통제\n2) 해열제\n",
    )
    (block,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert _tree(block)[:2] == [
        "1. 다음과 같은 경우 이 약의 사용을 즉각 멈추고 의사나 약사와 상의할 것",
        "  1) 다음의 증상이 나타나는 경우",
    ]


STORAGE = "저장방법\t기밀용기, 실온 보관\n사용기간\t제조일로부터 24개월\n"
FIELDS = "성상\t흰색의 둥근 정제\n업체명\t가람제약(주)\n보험코드\t645302110\n\n"


def test_a_two_row_field_table_is_a_table_where_the_text_has_a_longer_one(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        f"{TITLE}\n\n{FIELDS}{PROSE}\n\n{STORAGE}\n{PROSE}\n",
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(0, 3), (0, 2)]


def test_a_two_row_pair_alone_is_no_table(tmp_path: Path) -> None:
    doc = _file(
        tmp_path, f"{TITLE}\n\n{PROSE}\n\n저장방법\t기밀용기, 실온 보관\n사용기간\t제조일로부터 24개월\n"
    )
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_a_boards_previous_and_next_posts_are_no_table(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        f"{TITLE}\n\n{FIELDS}{PROSE}\n\n이전글\t12월 급식 식단표 안내\n다음글\t겨울방학 방과후학교 안내\n",
    )
    assert len([b for b in doc.blocks if isinstance(b, Table)]) == 1
    assert removed(doc)["이전글\t12월 급식 식단표 안내"] == "boilerplate.board"
