"""An author's name cut by a line's end inside an author–year citation (pass ``reflow``): the
surname and the given name are one word (``(김`` / ``민지, 2021``), though each reads as a word of
its own; a cut between two words of a citation keeps its space."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Paragraph, inlines_of, runs, walk
from bookmaker.normalize import normalize_source


def _doc(tmp_path: Path, *lines: str) -> Document:
    path = tmp_path / "paper.txt"
    path.write_text("청소년 정보 행태 연구\n\n" + "\n".join(lines) + "\n", "utf-8")
    return normalize_source(path)


def _body(doc: Document) -> str:
    return " ".join(
        "".join(getattr(r, "value", "") for seq in inlines_of(b) for r in runs(seq))
        for b in walk(doc.blocks)
        if isinstance(b, Paragraph)
    )


def test_a_name_cut_after_its_surname_in_a_citation_is_joined(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "청소년이 공공도서관에서 정보를 찾는 방식에 관한 국내 연구는 많지 않다(박",
        "서연, 2019; 정우, 2022). 특히 정보 리터러시 교육이 학교도서관에 집중되면서 공공",
        "도서관의 역할은 상대적으로 주목받지 못하였다.",
    )
    assert "(박서연, 2019; 정우, 2022)" in _body(doc)


def test_a_name_cut_after_a_semicolon_is_joined(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "이용자 교육의 효과를 다룬 연구도 꾸준히 이어져 왔다(박서연, 2019; 윤",
        "성호 외, 2023). 그러나 청소년을 대상으로 한 연구는 여전히 드물어 실태를 알기 어렵",
        "다는 지적이 나온다.",
    )
    assert "(박서연, 2019; 윤성호 외, 2023)" in _body(doc)


def test_a_word_before_a_year_without_a_parenthesis_keeps_its_space(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "이 조사는 전국 공공도서관 이용자를 대상으로 한 설문으로 진행된 것이며 조사 시점은",
        "지난, 2021년과 그 이듬해로 나뉘어 두 차례에 걸쳐 진행되었다고 연구진은 밝혔다.",
    )
    assert "시점은 지난" in _body(doc)
