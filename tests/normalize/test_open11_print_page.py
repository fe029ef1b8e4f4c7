"""A newspaper page copied from its PDF viewer (pass ``print_page``): the viewer's header, the end
of the neighbouring article above the headline and the page's footer go; a headline's quoted
remark on a line of its own joins it; the narrow columns are joined into paragraphs. The section
word after the page on the date line is no byline (pass ``dates``)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Paragraph, inlines_of, runs, walk
from bookmaker.normalize import normalize_source

HEADER = ["부산일보 지면보기", "2026년 11월 3일 (화) 12면 경제"]
NEIGHBOUR = ["라고 설명했다. 공단은 다음 달부터", "현장 점검에 나선다. 박서준 기자"]
HEAD = [
    "전통시장 온누리상품권 환급",
    '"매출 늘었지만 현장 혼란"',
    "참여 점포 두 달 새 3천 곳 늘어",
    '상인회 "결제 단말기 지원 필요"',
]
COLUMNS = [
    "부산 지역 전통시장의 온",
    "누리상품권 환급 행사가",
    "두 달째 이어지고 있다.",
    "시장마다 매출이 늘었다",
    "는 반응이 나온다.",
    "부산시에 따르면 행사에",
    "참여한 점포는 모두 5천",
    "412곳으로 집계됐다. 이",
    "가운데 절반가량(2천71곳",
    ")은 처음 참여했다.",
    "다만 환급 절차가 복잡하",
    "다는 불만도 적지 않다.",
    '한 상인은 "환급까지 30',
    '분 넘게 걸렸다"고 했다.',
]
FOOTER = ["12 2026년 11월 3일 화요일 부산일보"]


def _doc(tmp_path: Path, lines: list[str]) -> Document:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return normalize_source(path)


def _paragraphs(doc: Document) -> list[str]:
    return [
        "".join(getattr(r, "value", "") for seq in inlines_of(b) for r in runs(seq))
        for b in walk(doc.blocks)
        if isinstance(b, Paragraph)
    ]


def test_the_page_s_furniture_and_the_neighbouring_article_go(tmp_path: Path) -> None:
    doc = _doc(tmp_path, [*HEADER, *NEIGHBOUR, *HEAD, *COLUMNS, *FOOTER])
    removed = {r.line: r.rule for r in doc.removed}
    assert removed == {1: "print.viewer", 3: "print.neighbour", 4: "print.neighbour", 23: "print.footer"}
    assert doc.meta.date == "2026-11-03"
    assert doc.meta.authors == []  # "경제", the page's section, is nobody
    assert not any("박서준" in p or "설명했다" in p for p in _paragraphs(doc))


def test_a_headline_s_quoted_line_joins_it_and_the_decks_follow(tmp_path: Path) -> None:
    doc = _doc(tmp_path, [*HEADER, *NEIGHBOUR, *HEAD, *COLUMNS, *FOOTER])
    assert doc.meta.title == "전통시장 온누리상품권 환급 “매출 늘었지만 현장 혼란”"
    assert doc.meta.subtitles == ["참여 점포 두 달 새 3천 곳 늘어", "상인회 “결제 단말기 지원 필요”"]


def test_the_columns_are_joined_into_paragraphs(tmp_path: Path) -> None:
    doc = _doc(tmp_path, [*HEADER, *HEAD, *COLUMNS])
    paragraphs = _paragraphs(doc)
    assert len(paragraphs) == 3  # each ends at a sentence's end short of the column
    assert paragraphs[0].startswith(
        "부산 지역 전통시장의 온누리상품권 환급 행사가 두 달째 이어지고 있다. 시장마다"
    )
    assert "5천412곳으로 집계됐다." in paragraphs[1]  # a number cut after its unit
    assert "(2천71곳)은 처음 참여했다." in paragraphs[1]  # a bracket's close
    assert "“환급까지 30분 넘게 걸렸다”" in paragraphs[2]  # a counter


def test_narrow_lines_without_a_print_page_are_left_alone(tmp_path: Path) -> None:
    doc = _doc(tmp_path, ["전통시장 온누리상품권 환급 행사 두 달째", *COLUMNS])
    assert len(_paragraphs(doc)) > 3


def test_the_section_after_the_print_page_on_a_date_line_is_no_byline(tmp_path: Path) -> None:
    body = "부산 지역 전통시장의 온누리상품권 환급 행사가 두 달째 이어지고 있다. 매출이 늘었다는 반응이다."
    lines = ["전통시장 온누리상품권 환급 두 달째", "", "2026년 11월 3일 (화) 12면 경제", "", body]
    doc = _doc(tmp_path, lines)
    assert doc.meta.date == "2026-11-03"
    assert doc.meta.authors == []
