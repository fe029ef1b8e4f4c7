"""``1.`` and ``1)`` (and ``가.`` / ``가)``) are two ranks of a Korean outline (행정업무규정: 1. > 가. >
1) > 가) > (1) > (가) > ① > ㉮), not one list's two spellings: a run of ``1)`` items under ``3. 사용상의
주의사항`` ends where ``4. 보관 방법`` goes on the section count, which is no item of it. A writer's slip
(``1. 사과`` / ``2) 배`` / ``3. 감``: one count going on, no rank opened at 1 under a line of the other
punctuation) stays one list."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph
from bookmaker.layout.list_markers import list_markers
from tests.normalize.test_real_shapes import norm, read_page

TITLE = "해열진통제 사용 설명서"
INTRO = "이 설명서를 잘 읽고 복용하시기 바라며, 궁금한 점은 의사나 약사와 상의하십시오."


def _shape(blocks: list[object]) -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, ListBlock):
            marks = list_markers(b) or [f"{b.start + i}." for i in range(len(b.items))]
            out.append(f"list {' '.join(marks)}")
        elif isinstance(b, Heading | Paragraph):
            out.append(f"{'h' if isinstance(b, Heading) else 'p'} {b.text}")
    return out


def test_a_section_line_after_paren_items_ends_their_list() -> None:
    _, doc = norm(
        TITLE,
        INTRO,
        "2. 용법 용량",
        "성인은 1회 1정씩 하루 3회까지 복용한다.",
        "3. 사용상의 주의사항",
        "1) 임부",
        "2) 수유부",
        "3) 고령자",
        "4. 보관 방법",
        "직사광선을 피하고 서늘한 곳에 보관한다.",
    )
    shape = _shape(doc.blocks)
    assert "list 1) 2) 3)" in shape
    assert not any(s.startswith("list") and "4." in s for s in shape)
    assert shape[-2:] == ["h 4. 보관 방법", "p 직사광선을 피하고 서늘한 곳에 보관한다."]


def test_a_section_line_after_lettered_paren_items_ends_their_list() -> None:
    _, doc = norm(
        TITLE,
        INTRO,
        "가. 효능",
        "해열 및 진통에 효과가 있다.",
        "나. 주의",
        "가) 임부",
        "나) 수유부",
        "다. 보관",
        "서늘한 곳에 보관한다.",
    )
    shape = _shape(doc.blocks)
    assert "list 가) 나)" in shape
    assert not any(s.startswith("list") and "다." in s for s in shape)


def test_parenthesised_figures_and_figures_with_a_paren_stay_apart() -> None:
    _, doc = norm(TITLE, INTRO, "(1) 임부", "(2) 수유부", "3) 고령자", "4) 소아", "서늘한 곳에 보관한다.")
    assert _shape(doc.blocks)[1:3] == ["list (1) (2)", "list 3) 4)"]


def test_a_run_of_paren_figures_alone_is_one_list() -> None:
    _, doc = norm(TITLE, INTRO, "1) 임부", "2) 수유부", "3) 고령자", "서늘한 곳에 보관한다.")
    assert _shape(doc.blocks)[1] == "list 1) 2) 3)"


def test_a_run_of_period_figures_is_one_list_as_before() -> None:
    _, doc = norm(TITLE, INTRO, "1. 임부", "2. 수유부", "3. 고령자", "서늘한 곳에 보관한다.")
    assert _shape(doc.blocks)[1] == "list 1. 2. 3."


def test_a_writers_slip_between_period_and_paren_in_one_count_stays_one_list() -> None:
    """``2)`` goes on the count ``1.`` began and no rank opens (nothing numbered 1 in the other
    punctuation under a line above): one list, in the style of its first item."""
    _, doc = norm(TITLE, INTRO, "1. 사과", "2) 배", "3. 감", "모두 제철 과일이다.")
    (first,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(first.items) == 3
    assert first.start == 1


def test_a_paren_run_going_on_a_period_count_above_it_is_cut_there() -> None:
    """``2) …`` then ``3. …`` where ``2.`` numbered a line above the run: ``3.`` goes on that count."""
    _, doc = norm(
        TITLE,
        INTRO,
        "1. 개요",
        "이 약은 해열진통제이다.",
        "2. 복용 대상",
        "1) 성인",
        "2) 청소년",
        "3. 복용 방법",
        "하루 3회 식후에 복용한다.",
    )
    shape = _shape(doc.blocks)
    assert "list 1) 2)" in shape
    assert not any(s.startswith("list") and "3." in s for s in shape)


def test_a_period_figure_heads_the_paren_figure_headings_below_it() -> None:
    """``2. 사용상의 주의사항`` over ``1) 임부`` (itself over its list ``가)``, ``나)``) heads it, as ``1.``
    over ``가.`` does: the two figures are two ranks."""
    _, doc = norm(
        TITLE,
        INTRO,
        "1. 개요",
        "이 약은 해열진통제이다.",
        "2. 사용상의 주의사항",
        "1) 임부",
        "가) 임신 초기",
        "나) 임신 말기",
        "2) 수유부",
        "가) 수유 중",
        "나) 수유 후",
        "3. 보관 방법",
        "서늘한 곳에 보관한다.",
    )
    assert _shape(doc.blocks)[3:8] == [
        "h 2. 사용상의 주의사항",
        "h 1) 임부",
        "list 가) 나)",
        "h 2) 수유부",
        "list 가) 나)",
    ]


def test_an_html_pages_numbered_paragraphs_end_their_list_at_the_next_section(tmp_path: Path) -> None:
    paragraphs = [INTRO, "3. 사용상의 주의사항", "1) 임부", "2) 수유부", "3) 고령자", "4. 보관 방법"]
    body = f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "<p>서늘한 곳에 보관한다.</p>"
    _, doc = read_page(tmp_path, body)
    assert _shape(doc.blocks)[1:5] == [
        "h 3. 사용상의 주의사항",
        "list 1) 2) 3)",
        "h 4. 보관 방법",
        "p 서늘한 곳에 보관한다.",
    ]
