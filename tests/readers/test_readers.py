"""Readers: format detection, encodings, bad input, JSON, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bookmaker.errors import InputError
from bookmaker.ir import Document, Meta, Paragraph, text_runs, to_json
from bookmaker.raw import RawDocument
from bookmaker.readers import detect_format, read
from bookmaker.readers.encoding import decode, repair_mojibake

TEXT = "제목 줄\n(서울=연합뉴스) 본문 첫 줄입니다.\n\n홍길동 기자 hong@yna.co.kr\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp949", "cp949"),
        ("euc-kr", "cp949"),
    ],
)
def test_text_encodings_detected(tmp_path: Path, codec: str, expected: str) -> None:
    raw = read(_write(tmp_path, "a.txt", TEXT.encode(codec)))
    assert isinstance(raw, RawDocument)
    assert [sl.text for sl in raw.lines] == TEXT.splitlines()
    assert [sl.line for sl in raw.lines] == [1, 2, 3, 4]
    assert raw.source.encoding == expected
    assert raw.source.sha256 and raw.source.format == "text"


def test_encoding_override(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", TEXT.encode("cp949"))
    raw = read(path, encoding="euc-kr")
    assert isinstance(raw, RawDocument) and raw.lines[0].text == "제목 줄"
    with pytest.raises(InputError, match="not valid utf-8"):
        read(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown text encoding"):
        read(path, encoding="no-such-codec")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        ("\ufeff  \n".encode(), "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_input_is_one_line_input_error(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        read(_write(tmp_path, "bad.txt", data))
    text = str(info.value)
    assert message in text and "\n" not in text


def test_undecodable_without_nul_is_input_error(tmp_path: Path) -> None:
    data = bytes([0x80, 0xFF, 0xFE, 0x81, 0x01, 0x02, 0x03]) * 50
    with pytest.raises(InputError):
        read(_write(tmp_path, "bad.txt", data))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read(tmp_path)


def test_mojibake_repair() -> None:
    broken = "(서울=연합뉴스) 김용윤 기자 =".encode("cp949").decode("latin-1")
    assert broken.startswith("(¼­¿ï=¿¬ÇÕ´º½º)")
    assert repair_mojibake(broken) == "(서울=연합뉴스) 김용윤 기자 ="
    assert repair_mojibake("Café au lait") == "Café au lait"
    assert repair_mojibake("정상적인 한국어 문장입니다.") == "정상적인 한국어 문장입니다."


def test_declared_euc_kr_that_is_utf8() -> None:
    html = '<meta charset="euc-kr"><p>유니코드 본문</p>'.encode()
    assert decode(html) == ('<meta charset="euc-kr"><p>유니코드 본문</p>', "utf-8")


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(Path("a.htm"), b"") == "html"
    assert detect_format(Path("a.markdown"), b"") == "markdown"
    assert detect_format(Path("a.json"), b"") == "json"
    assert detect_format(Path("a.weird"), b"<!DOCTYPE html><html>") == "html"
    assert detect_format(Path("a.weird"), b"---\ntitle: x\n---\n") == "markdown"
    with pytest.raises(InputError, match="unknown input format"):
        read(_write(tmp_path, "a.txt", b"x"), fmt="docx")


def test_json_reader_returns_document(tmp_path: Path) -> None:
    doc = Document(meta=Meta(title="제목"), blocks=[Paragraph(content=text_runs("본문"), lines=[1, 1])])
    got = read(_write(tmp_path, "doc.json", to_json(doc).encode()))
    assert isinstance(got, Document) and got.meta.title == "제목"
    with pytest.raises(InputError, match=r"doc2\.json"):
        read(_write(tmp_path, "doc2.json", b'{"meta": {}}'))
    with pytest.raises(InputError, match="malformed"):
        read(_write(tmp_path, "doc3.json", b"{not json"))


def test_html_without_text(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read(_write(tmp_path, "a.html", b"<html><body><script>x()</script></body></html>"))


def test_readers_import_is_light() -> None:
    code = (
        "import sys, bookmaker.readers, bookmaker.normalize; "
        "heavy = [m for m in ('bs4', 'yaml', 'charset_normalizer', 'lxml') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
