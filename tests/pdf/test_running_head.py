"""A long title's running head is one line — its first clause or its first words and ``…`` — not
two lines crowding the top margin; a title that fits is shown whole, and the PDF outline keeps the
whole title either way."""

from __future__ import annotations

import collections
from pathlib import Path

import pikepdf
import pytest

from bookmaker.check.lines import read_lines
from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.layout.running_head import running_head
from bookmaker.pipeline import BuildOptions, build

LONG = (
    "정부, 2026년 하반기 지역 공공도서관 운영 개선 종합계획 발표 사서 인력 확충과 자료구입비 하한제 도입, "
    "농어촌 순회 서비스까지 단계적 추진"
)
BODY = (
    "전국 1,236개 공공도서관을 조사한 결과, 인구 1만 명당 사서 수는 광역시 평균 1.9명, "
    "군 지역 평균 0.8명으로 두 배 넘게 벌어졌다. 자료구입비 역시 같은 방향으로 격차가 커지고 있다."
)


def test_a_long_title_is_cut_at_its_first_clause_or_after_a_word() -> None:
    width = len  # one unit a character
    assert running_head("짧은 제목", width, 30) == "짧은 제목"
    assert (
        running_head("국회 예산안 처리 지연…여야 책임 공방 이어져 연말 정국 급랭 우려", width, 30)
        == "국회 예산안 처리 지연"
    )
    cut = running_head(LONG, width, 30)
    assert cut == "정부, 2026년 하반기 지역 공공도서관 운영 개선…" and len(cut) <= 30


@pytest.mark.parametrize("theme", ["book", "report", "newspaper"])
def test_the_running_head_of_a_long_title_is_one_line(tmp_path: Path, theme: str) -> None:
    doc = Document(meta=Meta(title=LONG), blocks=[Paragraph(content=text_runs(BODY)) for _ in range(40)])
    (pdf,) = build(doc, tmp_path, "long", BuildOptions(formats=("pdf",), theme=theme)).outputs
    lines, _ = read_lines(str(pdf))
    heads: dict[int, list[str]] = collections.defaultdict(list)
    for line in lines:
        if line.size < 8.5 and line.text.startswith("정부,"):
            heads[line.page].append(line.text)
    assert heads  # the pages after the first carry it
    for (head,) in heads.values():  # one line
        assert head == LONG or LONG.startswith(head.removesuffix("…").rstrip(","))
    if theme == "book":  # A5: too long for one line, cut after a word
        assert all(head != LONG and head.endswith("…") for (head,) in heads.values())
    with pikepdf.open(pdf) as document, document.open_outline() as outline:
        assert [item.title for item in outline.root] == [LONG]
