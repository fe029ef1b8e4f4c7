"""A sermon page in plain text: the service named beside the date (``주일 2부 예배``) is when on that
day, part of the date line, no deck; a label opening the body right over a scripture passage
(``[본문 말씀]`` over numbered verses) heads it."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph
from bookmaker.normalize import normalize_source

VERSES = [
    "11 예수께서 예루살렘으로 가실 때에 사마리아와 갈릴리 사이로 지나가시다가",
    "12 한 마을에 들어가시니 나병환자 열 명이 예수를 만나 멀리 서서",
    "13 소리를 높여 이르되 예수 선생님이여 우리를 불쌍히 여기소서 하거늘",
]
HEAD = ["감사의 자리로 돌아가라", "본문: 누가복음 17장 11~19절", "설교: 김은호 목사"]
PROSE = [
    "사랑하는 성도 여러분, 한 해의 끝자락에 서 있습니다. 올해 우리가 받은 것을 헤아려 보면",
    "감사할 일이 참 많은데, 정작 감사의 말은 얼마나 했는지 돌아보게 됩니다.",
]


def _doc(tmp_path: Path, date: str, label: str = "[본문 말씀]") -> Document:
    lines = [*HEAD, date, "", label, *VERSES, "", *PROSE]
    path = tmp_path / "sermon.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return normalize_source(path)


def test_the_service_beside_the_date_is_the_date_line_s(tmp_path: Path) -> None:
    for service in ("주일 2부 예배", "수요예배", "새벽기도회", "주일 저녁 예배"):
        doc = _doc(tmp_path, f"2026년 11월 29일 {service}")
        assert doc.meta.date == "2026-11-29", service
        assert doc.meta.subtitles == [HEAD[1]], service
        assert service not in " ".join(b.text for b in doc.blocks), service


def test_other_words_beside_the_date_stay(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "2026년 11월 29일 가람교회 청년부")
    assert doc.meta.date == "2026-11-29"
    assert "가람교회 청년부" in [*doc.meta.subtitles, *(b.text for b in doc.blocks)]


def test_a_label_over_the_verses_opening_the_body_heads_them(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "2026년 11월 29일")
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "[본문 말씀]"
    assert [b.text for b in doc.blocks[1:4]] == VERSES
    assert all(isinstance(b, Paragraph) for b in doc.blocks[1:4])


def test_a_line_opening_the_body_over_prose_stays_a_paragraph(tmp_path: Path) -> None:
    lines = [*HEAD, "2026년 11월 29일", "", "[본문 말씀]", *PROSE]
    path = tmp_path / "sermon.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    doc = normalize_source(path)
    assert not any(isinstance(b, Heading) for b in doc.blocks)
