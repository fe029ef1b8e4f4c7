"""The project seed normalizes exactly as specified (milestone 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Figure, Heading, Paragraph
from bookmaker.normalize import normalize, outline
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.helpers import unaccounted_lines

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_782556e6ec3af548.txt"


@pytest.fixture(scope="module")
def raw() -> RawDocument:
    doc = read(SEED)
    assert isinstance(doc, RawDocument)
    return doc


@pytest.fixture(scope="module")
def doc(raw: RawDocument):
    return normalize(raw)


def test_title(doc) -> None:
    assert doc.meta.title == "‘미국산 AI 수출 프로그램’ 동참 의사"
    assert doc.meta.series == []
    assert doc.meta.lines["title"] == [1]


def test_subtitles(doc) -> None:
    assert doc.meta.subtitles == [
        "업계선 “서로 필요해… 당연한 수순”",
        "경쟁력 잃고 부품 공급 역할 그칠 우려",
        "독자 AI 경쟁력 키우는 노력 계속해야",
    ]
    assert doc.meta.lines["subtitles"] == [2, 3, 4]


def test_block_order_and_lines(doc) -> None:
    got = [(type(b).__name__, b.lines) for b in doc.blocks]
    assert got == [
        ("Paragraph", [5, 5]),
        ("Paragraph", [6, 6]),
        ("Paragraph", [7, 7]),
        ("Figure", [11, 11]),
        ("Heading", [13, 13]),
        ("Paragraph", [16, 16]),
        ("Heading", [17, 17]),
        ("Paragraph", [18, 18]),
        ("Paragraph", [19, 19]),
    ]


def test_figure(doc) -> None:
    fig = doc.blocks[3]
    assert isinstance(fig, Figure)
    assert fig.text.startswith("도널드 트럼프(왼쪽) 미국 대통령과")
    assert fig.text.endswith("인사하고 있다.")
    assert fig.credit == "연합뉴스"
    assert "|" not in fig.text


def test_headings(doc) -> None:
    h1, h2 = doc.blocks[4], doc.blocks[6]
    assert isinstance(h1, Heading) and h1.text == "안정적 수요 유지, 기술 협력 기회"
    assert isinstance(h2, Heading) and h2.text == "국내 AI 발전 지연 우려… 미국에 갇히지 말아야"
    assert h1.level == h2.level == 2


def test_paragraph_punctuation(doc) -> None:
    first = doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert "‘미국산 인공지능(AI)’" in first.text
    assert "'" not in first.text and '"' not in doc.blocks[2].text
    assert "“한국과 같은" in doc.blocks[2].text


def test_removed(doc) -> None:
    got = [(r.line, r.duplicate_of, r.reason) for r in doc.removed]
    assert got == [
        (8, 2, "duplicate of line 2"),
        (9, 3, "duplicate of line 3"),
        (10, 4, "duplicate of line 4"),
        (12, 5, "duplicate of line 5"),
        (14, 6, "duplicate of line 6"),
        (15, 7, "duplicate of line 7"),
    ]
    assert all(r.rule == "dedupe.exact" and r.text for r in doc.removed)
    assert doc.removed[0].text == '업계선 "서로 필요해... 당연한 수순"'


def test_authors_and_publisher(doc) -> None:
    got = [(a.name, a.role, a.email) for a in doc.meta.authors]
    assert got == [
        ("홍인택", "기자", "heute128@hankookilbo.com"),
        ("이정혁", "기자", "dinner@hankookilbo.com"),
    ]
    assert doc.meta.lines["authors"] == [20, 21]
    assert doc.meta.publisher == "한국일보"
    assert doc.meta.language == "ko"
    assert not any("기자" in b.text and "@" in b.text for b in doc.blocks)


def test_conservation(raw, doc) -> None:
    assert unaccounted_lines(raw, doc) == []


def test_outline(doc) -> None:
    text = outline(doc)
    assert "title      ‘미국산 AI 수출 프로그램’ 동참 의사" in text
    assert "duplicate of line 2 [dedupe.exact]" in text
