"""A bill as the National Assembly's bill system shows it (``passes/bill.py``, read in pass
``title``) and its 신·구조문대비표, a tabbed table whose cells hold whole provisions (the text
reader)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph, Table, inlines_of, runs, walk
from bookmaker.normalize import normalize_source
from bookmaker.raw import RawDocument
from bookmaker.readers import read

NAME = "주차장법 일부개정법률안"
ARTICLE = (
    "제12조의3(공영주차장 야간 개방) ① 지방자치단체의 장은 주민의 주차 불편을 덜기 위하여 공영주차장을 "
    "야간에 개방할 수 있다."
)
PARAGRAPH = "② 제1항에 따른 개방의 시간과 방법 등에 필요한 사항은 조례로 정한다."
BILL = [
    "의안정보시스템",
    "HOME > 의안검색 > 의안상세정보",
    "",
    NAME,
    "(박서연의원 대표발의)",
    "",
    "의 안 번 호 : 2213001",
    "발의연월일 : 2026. 10. 2.",
    "발 의 자 : 박서연ㆍ이정우ㆍ한도윤ㆍ김세아ㆍ오민재",
    "           정하은ㆍ윤태오ㆍ서지호ㆍ최유나ㆍ강민호 의원(10인)",
    "",
    "제안이유 및 주요내용",
    "",
    "현행법은 공영주차장의 운영 시간을 지방자치단체가 정하도록 하고 있으나, 야간에 문을 닫는 곳이 많아 "
    "주택가의 주차난이 심각하다는 지적이 있음.",
    "",
    "법률 제      호",
    "",
    NAME,
    "",
    "주차장법 일부를 다음과 같이 개정한다.",
    "",
    ARTICLE,
    PARAGRAPH,
    "",
    "부      칙",
    "이 법은 공포 후 3개월이 경과한 날부터 시행한다.",
    "",
    "신ㆍ구조문대비표",
    "현      행\t개   정   안",
    f"<신  설>\t{ARTICLE}",
    f"\t{PARAGRAPH}",
]


def _path(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "bill.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _texts(doc: Document, kind: type[Heading] | type[Paragraph]) -> list[str]:
    return [
        "".join(getattr(r, "value", "") for seq in inlines_of(b) for r in runs(seq))
        for b in walk(doc.blocks)
        if isinstance(b, kind)
    ]


def test_the_name_over_the_proposer_line_is_the_title_and_the_proposer_its_author(tmp_path: Path) -> None:
    doc = normalize_source(_path(tmp_path, BILL))
    assert doc.meta.title == NAME
    assert [(a.name, a.role) for a in doc.meta.authors] == [("박서연", "의원")]
    assert doc.meta.publisher == "국회"
    assert doc.meta.date == "2026-10-02"


def test_the_bill_s_parts_are_headings_and_its_fields_stay(tmp_path: Path) -> None:
    doc = normalize_source(_path(tmp_path, BILL))
    headings = _texts(doc, Heading)
    assert headings[:2] == ["제안이유 및 주요내용", NAME]  # the name over the text: no repeat
    assert any(h.replace(" ", "") == "부칙" for h in headings)
    assert "신·구조문대비표" in headings
    paragraphs = _texts(doc, Paragraph)
    assert "법률 제 호" in [" ".join(p.split()) for p in paragraphs]
    assert any(p.startswith("의 안 번 호") for p in paragraphs)
    assert any(p.startswith("발 의 자") and p.endswith("의원(10인)") for p in paragraphs)  # one field
    assert any(p.startswith("제12조의3(공영주차장 야간 개방)") for p in paragraphs)  # no repeat of the table


def test_a_tabbed_table_under_a_short_header_may_hold_long_cells(tmp_path: Path) -> None:
    raw = read(_path(tmp_path, BILL[-4:]))
    assert isinstance(raw, RawDocument)
    tables = [sl.block for sl in raw.lines if isinstance(sl.block, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert [c.content[0].value for c in table.head[0].cells] == ["현행", "개정안"]  # type: ignore[union-attr]
    assert len(table.body) == 2 and len(table.body[0].cells) == 2


def test_tabbed_lines_of_long_text_without_a_short_header_stay_lines(tmp_path: Path) -> None:
    raw = read(_path(tmp_path, [f"<신  설>\t{ARTICLE}", f"\t{PARAGRAPH}", f"\t{PARAGRAPH}"]))
    assert isinstance(raw, RawDocument)
    assert not any(isinstance(sl.block, Table) for sl in raw.lines)


def test_a_name_without_a_proposer_line_is_no_bill(tmp_path: Path) -> None:
    lines = [NAME, "", "주차장법 일부를 다음과 같이 개정한다.", "", ARTICLE, PARAGRAPH]
    doc = normalize_source(_path(tmp_path, lines))
    assert doc.meta.publisher != "국회"
    assert doc.meta.authors == []
