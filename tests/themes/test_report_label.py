"""The report cover's document-kind label: a short word of Hangul (보고서, 보도자료) is letter-spaced
as Korean covers set it; a label with digits, Latin letters or several words (an office's notice
number, a series name) is set as written — tracked out, ``제 2 0 2 6 - 1 1 8 7 호`` falls apart."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from bookmaker.ir import Document, Meta, Paragraph, text_runs
from bookmaker.pipeline import BuildOptions, build

BODY = "마포구 청년 창업공간에 입주하여 사업을 함께 키워 갈 청년 창업기업을 다음과 같이 모집합니다."


def _build(tmp_path: Path, series: list[str]) -> tuple[Path, Path]:
    meta = Meta(title="입주기업 모집 공고", series=series)
    doc = Document(meta=meta, blocks=[Paragraph(content=text_runs(BODY))])
    result = build(doc, tmp_path, "notice", BuildOptions(formats=("epub", "pdf"), theme="report"))
    epub, pdf = sorted(result.outputs, key=lambda p: p.suffix)
    return epub, pdf


def _label_gaps(pdf: Path, label: str) -> list[float]:
    """The gaps between the cover label's successive characters (pt), spaces left out."""
    with pdfplumber.open(pdf) as document:
        chars = [c for c in document.pages[0].chars if round(c["size"]) == 11]
    drawn = [c for c in chars if not c["text"].isspace()]
    assert "".join(c["text"] for c in drawn) == label.replace(" ", "")
    return [b["x0"] - a["x1"] for a, b in itertools.pairwise(drawn) if a["text"] + b["text"] in label]


@pytest.mark.parametrize(
    ("label", "spaced"),
    [("보도자료", True), ("서울특별시 마포구 공고 제2026-1187호", False), ("국토정책 Brief No.1024", False)],
)
def test_only_a_short_hangul_label_is_letter_spaced(tmp_path: Path, label: str, spaced: bool) -> None:
    epub, pdf = _build(tmp_path, [label])
    gaps = _label_gaps(pdf, label)
    assert gaps
    if spaced:
        assert min(gaps) > 2.5  # 0.3 em of 11 pt
    else:
        assert max(gaps) < 1.0
    with zipfile.ZipFile(epub) as book:
        page = next(book.read(n).decode() for n in book.namelist() if n.endswith("article.xhtml"))
    assert ('class="tag spaced"' in page) is spaced
