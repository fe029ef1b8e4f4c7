"""Reproducible zip files: ``mimetype`` first and stored, the rest sorted, deflated, one fixed date.

Written here rather than with :mod:`zipfile`, which compresses with the standard ``zlib`` only and
has no way to take data already deflated. The layout is exactly what ``zipfile`` writes for the
same entries (``tests/epub/test_reproducible_zip.py`` checks byte for byte against it), so any
zip reader opens it; only the deflate stream comes from the ``deflate`` function given (default:
:data:`bookmaker.writers.deflate.fast_deflate`).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from datetime import datetime

from bookmaker.errors import BuildError
from bookmaker.writers.deflate import Deflate, crc32, fast_deflate

_DOS_EPOCH = (1980, 1, 1, 0, 0, 0)
_DOS_LAST = (2107, 12, 31, 23, 59, 58)  # the format's dates end here
_LIMIT = 0xFFFFFFFF  # sizes and offsets without Zip64
_STORED, _DEFLATED = 0, 8
_VERSION = 20  # 2.0: deflate; what zipfile writes for every entry
_MADE_BY = 3  # Unix, so that the permissions below apply
_PERMISSIONS = 0o100644 << 16  # a regular file, rw-r--r--
_UTF8_NAME = 0x800


def _dos_stamp(moment: datetime) -> tuple[int, int]:
    """``moment`` as the zip's (time, date) fields, within the format's 1980–2107."""
    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    year, month, day, hour, minute, second = min(max(fields, _DOS_EPOCH), _DOS_LAST)
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def pack(entries: Mapping[str, bytes], moment: datetime, *, deflate: Deflate = fast_deflate) -> bytes:
    """A zip of ``entries`` (name → content): ``mimetype`` first and stored, the others in name
    order and deflated by ``deflate`` (raw deflate, no zlib header), every entry dated ``moment``.

    Raises :class:`BuildError` for a zip that would need Zip64 (an entry or the whole over 4 GiB,
    more than 65 535 entries): input limits keep books and bundles far below that."""
    time, date = _dos_stamp(moment)
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in sorted(entries, key=lambda name: (name != "mimetype", name)):
        content = entries[name]
        method = _STORED if name == "mimetype" else _DEFLATED
        data = content if method == _STORED else deflate(content)
        if max(len(content), len(data), offset) >= _LIMIT:
            raise BuildError("zip too large: more than 4 GiB")
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        fields = (flags, method, time, date, crc32(content), len(data), len(content), len(encoded))
        local += [struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, *fields, 0), encoded, data]
        central += [
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                _VERSION,
                _MADE_BY,
                _VERSION,
                0,
                *fields,
                0,  # extra field
                0,  # comment
                0,  # disk number
                0,  # internal attributes
                _PERMISSIONS,
                offset,
            ),
            encoded,
        ]
        offset += 30 + len(encoded) + len(data)
    directory = b"".join(central)
    count = len(entries)
    if count > 0xFFFF or offset + len(directory) >= _LIMIT:
        raise BuildError("zip too large: more than 65 535 entries or 4 GiB")
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join([*local, directory, end])
