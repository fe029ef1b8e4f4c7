"""A note on how a transcript was made, set apart as a quotation (pass ``roles``): opening the
text or a section, it is an editor's note without a label; elsewhere, or saying something else,
a quotation stays a quotation."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Paragraph, Quote
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

TALK = [
    "**진행자:** 오늘은 동네 도서관을 20년째 지켜 온 사서 한 분을 모셨습니다. 반갑습니다.",
    "**사서:** 반갑습니다. 불러 주셔서 고맙습니다. 도서관 이야기라면 밤새 할 수 있어요.",
]
NOTE = "이 녹취록은 음성 인식으로 받아 적은 뒤 편집부가 다듬었습니다. 방송과 다를 수 있습니다."


def _doc(tmp_path: Path, *lines: str) -> Document:
    path = tmp_path / "episode.md"
    path.write_text("\n\n".join(["# 동네 도서관 이야기", *lines]) + "\n", "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _notes(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role == "editor-note"]


def test_a_making_note_quoted_under_the_transcript_s_heading_is_an_editor_s_note(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "도서관 사서와 나눈 이야기입니다. 책을 고르는 법과 도서관의 하루를 들었습니다.",
        "## 녹취",
        f"> {NOTE}",
        *TALK,
    )
    assert _notes(doc) == [NOTE]
    assert not any(isinstance(b, Quote) for b in doc.blocks)


def test_a_making_note_opening_the_text_is_an_editor_s_note(tmp_path: Path) -> None:
    doc = _doc(tmp_path, f"> {NOTE}", *TALK)
    assert _notes(doc) == [NOTE]


def test_the_same_note_amid_the_talk_stays_a_quotation(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "## 녹취", TALK[0], f"> {NOTE}", TALK[1])
    assert _notes(doc) == []
    assert any(isinstance(b, Quote) for b in doc.blocks)


def test_another_quotation_under_a_heading_stays_a_quotation(tmp_path: Path) -> None:
    quote = "> 이 도서관은 1998년에 문을 열었고, 지금은 하루에 300명이 찾습니다."
    doc = _doc(tmp_path, "## 녹취", quote, *TALK)
    assert _notes(doc) == []
    assert any(isinstance(b, Quote) for b in doc.blocks)
