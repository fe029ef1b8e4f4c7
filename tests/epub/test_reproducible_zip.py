"""The reproducible zip writer: zipfile's own layout, ISA-L's deflate, ebooklib's files unchanged."""

from __future__ import annotations

import io
import os
import platform
import random
import zipfile
from datetime import UTC, datetime

import pytest
from ebooklib import epub

from bookmaker.writers.deflate import adler32, crc32, deflate_piece, fast_deflate, zlib_deflate
from bookmaker.writers.epub import package_files
from bookmaker.writers.reproducible_zip import pack

MOMENT = datetime(2025, 4, 7, 9, 31, 17, tzinfo=UTC)


def _entries() -> dict[str, bytes]:
    rng = random.Random(7)
    return {
        "EPUB/text.xhtml": ("<p>한국어 본문 " * 400).encode(),
        "mimetype": b"application/epub+zip",
        "EPUB/empty.css": b"",
        "EPUB/random.bin": rng.randbytes(40_000),  # incompressible: deflate makes it larger
        "EPUB/이미지/표지.png": b"\x89PNG" + bytes(3000),  # a name only UTF-8 can spell
        "META-INF/container.xml": b"<container/>",
    }


def _zipfile_oracle(entries: dict[str, bytes], moment: datetime, level: int) -> bytes:
    """What the writer replaced: zipfile itself, entries sorted, ``mimetype`` first and stored."""
    out = io.BytesIO()
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda name: (name != "mimetype", name)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            stored = name == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(info, entries[name], compresslevel=level)
    return out.getvalue()


@pytest.mark.parametrize("level", [6, 9])
def test_same_bytes_as_zipfile(level):
    entries = _entries()
    assert pack(entries, MOMENT, deflate=zlib_deflate(level)) == _zipfile_oracle(entries, MOMENT, level)


def test_fast_deflate_reads_back():
    entries = _entries()
    data = pack(entries, MOMENT)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every CRC checked
        infos = archive.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert {info.filename: archive.read(info) for info in infos} == entries
        assert {info.date_time for info in infos} == {(2025, 4, 7, 9, 31, 16)}  # two-second steps
        assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert pack(entries, MOMENT) == data


def test_checksums_are_zlibs():
    import zlib

    rng = random.Random(9)
    for size in (0, 1, 15, 4096, 300_001):
        data = rng.randbytes(size)
        for start in (None, 1, 0xDEADBEEF):
            args = (data,) if start is None else (data, start)
            assert crc32(*args) == zlib.crc32(*args)
            assert adler32(*args) == zlib.adler32(*args)
        assert crc32(memoryview(data)[1:]) == zlib.crc32(data[1:])


@pytest.mark.skipif(
    platform.machine() not in {"x86_64", "AMD64", "aarch64", "arm64"}, reason="python-isal has no wheel here"
)
def test_isa_l_deflates_here():
    """On x86-64 and ARM64 python-isal is a dependency: a silent fall-back to zlib would be slower."""
    from isal import isal_zlib

    sample = os.urandom(1000) + bytes(5000)
    assert fast_deflate(sample) == isal_zlib.compress(sample, 3, -15)
    assert fast_deflate(sample) != zlib_deflate(6)(sample)
    piece = isal_zlib.compressobj(2, isal_zlib.DEFLATED, -15)
    assert deflate_piece(sample) == piece.compress(sample) + piece.flush(isal_zlib.Z_FULL_FLUSH)
    assert crc32 is isal_zlib.crc32 and adler32 is isal_zlib.adler32


def test_dates_before_1980_are_1980():
    data = pack({"a.txt": b"a"}, datetime(1970, 1, 1, tzinfo=UTC))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_package_files_are_what_ebooklib_zips():
    """The files taken from ebooklib's writer are the ones its own ``write_epub`` puts in the zip."""
    book = epub.EpubBook()
    book.set_identifier("urn:uuid:00000000-0000-0000-0000-000000000000")
    book.set_title("시험")
    book.set_language("ko")
    chapter = epub.EpubHtml(title="본문", file_name="text.xhtml", lang="ko")
    chapter.content = "<html><body><h1>제목</h1><p>본문입니다.</p></body></html>"
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=b"p{}")
    chapter.add_item(style)
    book.add_item(chapter)
    book.add_item(style)
    book.toc = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    options = {"mtime": MOMENT, "raise_exceptions": True}

    files = package_files(book, options)
    zipped = io.BytesIO()
    epub.write_epub(zipped, book, options)
    with zipfile.ZipFile(zipped) as archive:
        assert files == {info.filename: archive.read(info) for info in archive.infolist()}
    assert {"mimetype", "META-INF/container.xml", "EPUB/content.opf", "EPUB/text.xhtml"} <= set(files)


def test_deflate_pieces_join_into_one_stream():
    """The cover PNG joins rows deflated apart: each piece ends byte-aligned, none is final."""
    import zlib

    rng = random.Random(3)
    rows = [bytes(rng.choice([0, 0, 0, 5, 17]) for _ in range(1201)) for _ in range(40)]
    pieces = [deflate_piece(b"".join(rows[i : i + 8])) for i in range(0, 40, 8)]
    stream = b"".join(pieces) + b"\x03\x00"  # an empty final block with fixed codes
    assert zlib.decompress(stream, -15) == b"".join(rows)


def test_dates_after_2107_are_the_last_the_format_has():
    data = pack({"a.txt": b"a"}, datetime(2200, 6, 1, tzinfo=UTC))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.infolist()[0].date_time == (2107, 12, 31, 23, 59, 58)


def test_too_many_entries_is_one_clear_error():
    from bookmaker.errors import BuildError

    with pytest.raises(BuildError, match="zip too large"):
        pack({f"{number}.txt": b"" for number in range(0x10000)}, MOMENT, deflate=lambda data: b"\x03\x00")
