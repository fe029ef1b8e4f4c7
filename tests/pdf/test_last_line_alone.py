"""An article's last paragraph of one line (a closing remark, a signature) never stands alone at the
top of a page: the lines before it come along. Articles of every length from one page to two are
set, so that for some the page would otherwise end right before that line. A statement's signature
lines (its date, its issuer) stay on one page, and with the text they close."""

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


SIGNATURE = ["2026년 12월 1일", "서울꿈빛초등학교장 [직인생략]"]


def _signed(lines: int) -> Document:
    """An article of about ``lines`` body lines closed by a two-line signature (its date, its issuer)."""
    texts = [TWO_LINES] * (lines // 2) + [ONE_LINE] * (lines % 2)
    blocks = [Paragraph(content=text_runs(t)) for t in texts]
    blocks += [Paragraph(content=text_runs(t), role="signature") for t in SIGNATURE]
    return Document(meta=Meta(title=f"공문 {lines}"), blocks=blocks)


def test_a_signature_stays_whole_and_with_the_text_it_signs(tmp_path: Path) -> None:
    book = Collection(meta=CollectionMeta(title="묶음"), articles=[_signed(n) for n in range(14, 32)])
    result = build(book, tmp_path, "book", BuildOptions(formats=("pdf",)))
    lines, _ = read_lines(str(result.outputs[0]))
    pages: dict[int, list[str]] = collections.defaultdict(list)
    for line in lines:
        pages[line.page].append(line.text)
    signed = [texts for texts in pages.values() if set(SIGNATURE) & set(texts)]
    assert len(signed) == 18
    for texts in signed:
        assert texts.count(SIGNATURE[0]) == texts.count(SIGNATURE[1]) == 1  # date and issuer on one page
        before = texts[texts.index(SIGNATURE[0]) - 1]  # ... below a line of the text they close
        assert before == ONE_LINE or before in TWO_LINES
