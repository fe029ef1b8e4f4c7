"""Re-pack an EPUB zip reproducibly: ``mimetype`` first and stored, sorted, fixed times."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime

_DOS_EPOCH = (1980, 1, 1, 0, 0, 0)


def _dos_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    if moment.year < 1980:
        return _DOS_EPOCH
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def repack(
    data: bytes,
    moment: datetime,
    *,
    rewrite: Callable[[str, bytes], bytes] | None = None,
    compresslevel: int = 9,
) -> bytes:
    """Return the zip ``data`` re-written with deterministic entries dated ``moment``.

    ``rewrite(name, content)`` may change an entry's content on the way; every entry but
    ``mimetype`` is deflated at ``compresslevel``.
    """
    stamp = _dos_time(moment)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    if rewrite is not None:
        entries = {name: rewrite(name, content) for name, content in entries.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = sorted(entries, key=lambda name: (name != "mimetype", name))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, entries[name], compresslevel=compresslevel)
    return out.getvalue()
