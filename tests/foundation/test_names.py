"""Output file names keep the title's script and stay safe on every file system."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from bookmaker.names import MAX_BYTES, MAX_CHARS, safe_stem
from bookmaker.pipeline import BuildOptions, build_file
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("'미국산 AI 수출 프로그램' 동참 의사", "미국산-ai-수출-프로그램-동참-의사"),
        ("주간 뉴스 11월 넷째 주", "주간-뉴스-11월-넷째-주"),
        ("000_782556e6ec3af548", "000_782556e6ec3af548"),
        ('a/b\\c:d*e?f"g<h>i|j\x00k\x1fl', "a-b-c-d-e-f-g-h-i-j-k-l"),
        ("../../etc/passwd", "etc-passwd"),
        (".hidden", "hidden"),
        ("CON", "con_"),
        ("「」…!?", ""),
        ("漢字 섞인 제목", "漢字-섞인-제목"),
    ],
)
def test_safe_stems(text: str, stem: str) -> None:
    assert safe_stem(text) == stem


def test_decomposed_hangul_is_composed() -> None:
    assert safe_stem(unicodedata.normalize("NFD", "한글 제목")) == "한글-제목"


def test_long_titles_are_cut_between_characters() -> None:
    hangul = safe_stem("가나다라마 " * 40)
    assert len(hangul.encode("utf-8")) <= MAX_BYTES and len(hangul) <= MAX_CHARS
    assert not hangul.endswith("-") and unicodedata.is_normalized("NFC", hangul)
    accented = safe_stem("x" + "e\u0301\u0323" * 100)  # NFC: ẹ + U+0301, two code points each
    assert accented == "x" + "\u1eb9\u0301" * 39  # never cut between a letter and its mark
    assert len(safe_stem("a" * 300)) == MAX_CHARS


def test_a_korean_file_name_gives_a_korean_output_name(tmp_path: Path) -> None:
    source = tmp_path / "미국산 AI 수출 프로그램 동참 의사.txt"
    source.write_bytes(SEED.read_bytes())
    [epub] = build_file(source, tmp_path / "out", BuildOptions(formats=("epub",))).outputs
    assert epub.name == "미국산-ai-수출-프로그램-동참-의사.epub"
