"""Reproducible zip files, written by the standard :mod:`zipfile`: ``mimetype`` first and stored,
the other entries in name order, deflated by ``zlib`` at one fixed level, every entry with the same
date, permissions and creator system, so the bytes depend only on the entries and the date."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import datetime

_FIRST_DATE = (1980, 1, 1, 0, 0, 0)  # the zip format's dates run from here …
_LAST_DATE = (2107, 12, 31, 23, 59, 58)  # … to here
_UNIX = 3  # creator system: the permissions below are Unix ones
_PERMISSIONS = 0o100644 << 16  # a regular file, rw-r--r--


def zip_date(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """``moment``'s fields as a zip entry's date, clamped to the format's 1980–2107."""
    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return min(max(fields, _FIRST_DATE), _LAST_DATE)


def stable_zip(
    entries: Mapping[str, bytes], moment: datetime, *, level: int = 6, compress: bool = True
) -> bytes:
    """A zip of ``entries`` (name → content), every entry dated ``moment`` (see the module); with
    ``compress`` false every entry is stored (a package unpacked at once, as the preview's)."""
    date = zip_date(moment)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries, key=lambda name: (name != "mimetype", name)):
            info = zipfile.ZipInfo(name, date_time=date)
            info.create_system = _UNIX
            info.external_attr = _PERMISSIONS
            deflate = compress and name != "mimetype"
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            archive.writestr(info, entries[name], compresslevel=level)
    return out.getvalue()


def zip_entries(data: bytes) -> dict[str, bytes]:
    """The entries of the zip ``data``, name → content, in their order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}
