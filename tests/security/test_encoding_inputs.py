"""Text that is valid UTF-8 is read as UTF-8 (second hostile round): a run of combining accents
(U+0301 is CC 81 in UTF-8) also decodes as BOM-less UTF-16-BE full of Hangul (U+CC81 첁), and the
UTF-16 guess was tried first, so 150,000 accents became 150,000 syllables and the title vanished."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Document
from bookmaker.pipeline import load

SENTENCE = "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다."


def test_utf8_combining_accents_are_not_read_as_utf16_hangul(tmp_path: Path) -> None:
    path = tmp_path / "zalgo.md"
    path.write_text(f"# 제목\n\n{SENTENCE}\n\n가{chr(0x301) * 2000}\n", encoding="utf-8")
    doc = load(path)
    assert doc.meta.source is not None and doc.meta.source.encoding == "utf-8"
    assert doc.meta.title == "제목"
    assert "\u0301" * 2000 in "".join(block.text for block in doc.blocks)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bom_less_utf16_hangul_is_still_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(
        f"교통카드 무료 발급\n\n{SENTENCE}\n\n시는 이번 조치로 혜택을 볼 것으로 내다봤다.\n".encode(encoding)
    )
    doc = load(path)
    assert isinstance(doc, Document) and doc.meta.source is not None
    assert doc.meta.source.encoding == encoding
    assert SENTENCE in "".join(block.text for block in doc.blocks)
