"""The reproducible zip: entries read back, one order, dates clamped to what the format holds."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from bookmaker.writers.stable_zip import stable_zip, zip_entries

MOMENT = datetime(2025, 4, 7, 9, 31, 17, tzinfo=UTC)
ENTRIES = {
    "b.xhtml": ("<p>한국어 본문 " * 400).encode(),
    "mimetype": b"application/epub+zip",
    "a/표지.png": b"\x89PNG" + bytes(3000),  # a name only UTF-8 can spell
    "empty.css": b"",
}


def test_entries_read_back_in_one_order() -> None:
    data = stable_zip(ENTRIES, MOMENT)
    assert zip_entries(data) == ENTRIES
    assert list(zip_entries(data)) == ["mimetype", "a/표지.png", "b.xhtml", "empty.css"]
    assert stable_zip(dict(reversed(ENTRIES.items())), MOMENT) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert {info.date_time for info in archive.infolist()} == {(2025, 4, 7, 9, 31, 16)}  # 2 s steps


def test_dates_outside_1980_to_2107_are_clamped() -> None:
    for moment, expected in [
        (datetime(1970, 1, 1, tzinfo=UTC), (1980, 1, 1, 0, 0, 0)),
        (datetime(2200, 6, 1, tzinfo=UTC), (2107, 12, 31, 23, 59, 58)),
    ]:
        with zipfile.ZipFile(io.BytesIO(stable_zip({"a.txt": b"a"}, moment))) as archive:
            assert archive.infolist()[0].date_time == expected


def test_uncompressed_zip_stores_every_entry_with_the_same_contents() -> None:
    stored = stable_zip(ENTRIES, MOMENT, compress=False)
    assert zip_entries(stored) == zip_entries(stable_zip(ENTRIES, MOMENT))
    with zipfile.ZipFile(io.BytesIO(stored)) as archive:
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
    with zipfile.ZipFile(io.BytesIO(stable_zip(ENTRIES, MOMENT))) as archive:
        kinds = {info.filename: info.compress_type for info in archive.infolist()}
    assert kinds.pop("mimetype") == zipfile.ZIP_STORED
    assert set(kinds.values()) == {zipfile.ZIP_DEFLATED}
