"""A contest entry in plain text: the entry line over the title (``제12회 가람문학상 시 부문 응모작``)
names the contest, as a series; a collection's title (``밤의 부엌 외 2편``) is no series' part; the
entrant's field (``응모자: 한여름``) names the author, and the contact field under it is removed."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document
from bookmaker.normalize import normalize_source

POEM = [
    "1. 밤의 부엌",
    "",
    "어머니는 불을 끄지 않고",
    "냄비 뚜껑을 조금 열어 두었다",
    "식은 국이 다시 식지 않도록",
]
CONTACT = "연락처: 010-2233-4455 / summer.han@example.com"


def _doc(tmp_path: Path, head: list[str]) -> Document:
    path = tmp_path / "entry.txt"
    path.write_text("\n".join([*head, "", *POEM]) + "\n", "utf-8")
    return normalize_source(path)


def test_the_entry_line_is_the_series_over_the_title(tmp_path: Path) -> None:
    for entry in ("제12회 가람문학상 시 부문 응모작", "제3회 청소년 수필 공모전 당선작"):
        doc = _doc(tmp_path, [entry, "", "밤의 부엌 외 2편"])
        assert doc.meta.title == "밤의 부엌 외 2편", entry
        assert doc.meta.series == [entry], entry


def test_a_collection_s_title_is_no_series_part(tmp_path: Path) -> None:
    doc = _doc(tmp_path, ["밤의 부엌 외 2편"])
    assert doc.meta.title == "밤의 부엌 외 2편"
    assert doc.meta.series == []


def test_the_entrant_is_the_author_and_the_contact_is_removed(tmp_path: Path) -> None:
    doc = _doc(tmp_path, ["밤의 부엌 외 2편", "", "응모자: 한여름", CONTACT])
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [("한여름", None, None)]
    assert [r.rule for r in doc.removed if r.text == CONTACT] == ["bylines.contact"]
    assert CONTACT not in doc.meta.subtitles


def test_a_contact_line_not_under_a_name_field_is_left_alone(tmp_path: Path) -> None:
    doc = _doc(tmp_path, ["밤의 부엌 외 2편", "", "문의 안내", CONTACT])
    assert not any(r.rule == "bylines.contact" for r in doc.removed)
