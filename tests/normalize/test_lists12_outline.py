"""An official document's outline (Ⅰ. > 1. > 가. > (1)): each rank's short line over its items or over
the next rank's heading is a heading, as ``1. 입찰 일정`` over its list already was, and the lowest
rank's lines in sequence are a list; in a hard-wrapped text, lines numbered in sequence are not
joined as one wrapped paragraph; an HTML page's paragraphs so numbered make the same list."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph
from bookmaker.layout.list_markers import list_markers
from bookmaker.normalize import normalize
from bookmaker.readers import read
from tests.normalize.test_real_shapes import norm, read_page

TITLE = "2027년 지역 소멸 대응 추진 계획"
PROSE = "지역 주도의 맞춤형 정책을 추진하여 인구 감소에 대응하고 지역의 활력을 높이기로 하였다."


def _shape(blocks: list[object]) -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, ListBlock):
            out.append(f"list {' '.join(list_markers(b) or [])}")
        elif isinstance(b, Heading | Paragraph):
            out.append(f"{'h' if isinstance(b, Heading) else 'p'} {b.text}")
    return out


def test_each_rank_of_an_outline_heads_the_one_below_and_the_lowest_is_a_list() -> None:
    _, doc = norm(
        TITLE,
        "Ⅰ. 추진 배경",
        "1. 현황",
        "가. 인구 감소",
        "(1) 출생률 하락",
        "(2) 고령 인구 증가",
        "나. 지역 소멸 위험",
        "(1) 소멸 위험 지역 확대",
        "(2) 청년 유출",
        "2. 문제점",
        "가. 예산 부족",
        "나. 인력 부족",
        "Ⅱ. 추진 계획",
        PROSE,
    )
    assert _shape(doc.blocks) == [
        "h Ⅰ. 추진 배경",
        "h 1. 현황",
        "h 가. 인구 감소",
        "list (1) (2)",
        "h 나. 지역 소멸 위험",
        "list (1) (2)",
        "h 2. 문제점",
        "list 가. 나.",
        "h Ⅱ. 추진 계획",
        "p " + PROSE,
    ]


def test_a_numbered_sentence_over_a_list_stays_a_paragraph() -> None:
    _, doc = norm(TITLE, PROSE, "가. 조사는 다음과 같이 진행한다.", "(1) 설문", "(2) 면담", PROSE)
    assert _shape(doc.blocks)[1:3] == ["p 가. 조사는 다음과 같이 진행한다.", "list (1) (2)"]


def test_wrapped_text_keeps_lines_numbered_in_sequence_apart(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        f"{TITLE}\n\n행정안전부는 지방의 인구 감소가 빨라지면서 지역 소멸\n"
        "위험이 커지고 있어 종합적인 대응 계획을 마련했다고\n6일 밝혔다. 계획의 주요 내용은 다음과 같다.\n\n"
        "(1) 지역 주도의 맞춤형 정책 추진과 청년 정착 지원\n(2) 생활 인구 확대를 위한 관광 연계 사업 발굴\n\n"
        "ㄱ. 인구 감소 지역 지정 기준의 재검토와 조정\nㄴ. 지방소멸대응기금 배분 방식 개선과 성과 평가\n\n"
        "행정안전부는 이달 중 세부 계획을 확정해 각 지자체에\n통보할 예정이라고 덧붙였다.\n",
        "utf-8",
    )
    raw = read(path)
    doc = normalize(raw)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [list_markers(b) for b in lists] == [["(1)", "(2)"], ["ㄱ.", "ㄴ."]]
    assert lists[0].items[1].text == "생활 인구 확대를 위한 관광 연계 사업 발굴"


def test_html_paragraphs_numbered_in_parentheses_are_a_list(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<article><h1>{TITLE}</h1><p>{PROSE}</p><p>(가) 조사 대상 선정</p><p>(나) 설문지 배포</p>"
        f"<p>{PROSE}</p></article>",
    )
    (block,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert list_markers(block) == ["(가)", "(나)"]
    assert [item.text for item in block.items] == ["조사 대상 선정", "설문지 배포"]
