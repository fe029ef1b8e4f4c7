"""An article's last paragraph of one line (a closing remark, a signature) never stands alone at the
top of a page: the lines before it come along. Articles of every length from one page to two are
set, so that for some the page would otherwise end right before that line."""

from __future__ import annotations

import collections
from pathlib import Path

from bookmaker.check.lines import read_lines
from bookmaker.ir import Collection, CollectionMeta, Document, Meta, Paragraph, text_runs
from bookmaker.pipeline import BuildOptions, build

TWO_LINES = (
    "국회가 추진하는 언론중재법 개정안은 언론의 자유를 심각하게 위협한다. 우리는 이 법안이 권력 감시라는 "
    "언론 본연의 기능을 무력화할 것이라고 우려한다."
)
ONE_LINE = "법안의 문구는 모호하고 적용 범위는 지나치게 넓다."
LAST = "이상으로 기사를 마친다."


def _article(lines: int) -> Document:
    """An article of about ``lines`` body lines ending in a one-line paragraph."""
    texts = [TWO_LINES] * ((lines - 1) // 2) + [ONE_LINE] * ((lines - 1) % 2) + [LAST]
    return Document(meta=Meta(title=f"기사 {lines}"), blocks=[Paragraph(content=text_runs(t)) for t in texts])


def test_a_one_line_last_paragraph_is_not_alone_on_its_page(tmp_path: Path) -> None:
    book = Collection(meta=CollectionMeta(title="묶음"), articles=[_article(n) for n in range(14, 32)])
    result = build(book, tmp_path, "book", BuildOptions(formats=("pdf",)))
    lines, _ = read_lines(str(result.outputs[0]))
    body_pt = collections.Counter(round(line.size, 1) for line in lines).most_common(1)[0][0]
    pages: dict[int, list[str]] = collections.defaultdict(list)
    for line in lines:
        if round(line.size, 1) == body_pt:
            pages[line.page].append(line.text)
    assert sum(texts.count(LAST) for texts in pages.values()) == 18
    alone = [page for page, texts in pages.items() if texts == [LAST]]
    assert alone == []
