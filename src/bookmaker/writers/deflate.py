"""Raw deflate for the EPUB's zip entries and the cover PNG's rows, and the CRC-32 and Adler-32
checksums: ISA-L where it is installed.

python-isal (Intel's ISA-L) deflates the seed EPUB's entries in ~1 ms instead of ~4 ms at zlib
level 6, for a ~5 % larger book; the cover's rows in ~0.3 ms instead of ~1.1 ms with zlib's
run-length strategy. ISA-L picks its code by CPU features, so the same input gives the same bytes
on one machine, not necessarily on every machine. Without a python-isal wheel for the platform,
the standard ``zlib`` does the work (and the bytes differ from an ISA-L build). The checksums are
the same numbers either way, ISA-L's ~15× (CRC-32) and ~6× (Adler-32) faster on this machine.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

Deflate = Callable[[bytes], bytes]

try:
    from isal import isal_zlib
except ImportError:  # no ISA-L wheel for this platform
    isal_zlib = None


def zlib_deflate(level: int) -> Deflate:
    """Raw deflate (no header, final block) with the standard ``zlib`` at ``level``."""

    def deflate(data: bytes) -> bytes:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush()

    return deflate


def _isal_deflate(data: bytes) -> bytes:
    return isal_zlib.compress(data, isal_zlib.ISAL_BEST_COMPRESSION, -15)


def _isal_piece(data: bytes) -> bytes:
    # level 2: on the cover's rows level 3 is both slower and larger
    packer = isal_zlib.compressobj(2, isal_zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(isal_zlib.Z_FULL_FLUSH)


def _zlib_piece(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 8, zlib.Z_RLE)  # run-length: flat colour
    return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)


fast_deflate: Deflate = zlib_deflate(6) if isal_zlib is None else _isal_deflate
"""``data`` as a whole raw deflate stream, for a zip entry."""

deflate_piece: Deflate = _zlib_piece if isal_zlib is None else _isal_piece
"""``data`` as raw deflate blocks that end byte-aligned, are not final and refer to nothing before
them: pieces made apart can be joined into one stream (the cover PNG's rows)."""

Checksum = Callable[..., int]

crc32: Checksum = zlib.crc32 if isal_zlib is None else isal_zlib.crc32
"""``zlib.crc32(data[, value])``: the zip entries' and the working sets' check."""

adler32: Checksum = zlib.adler32 if isal_zlib is None else isal_zlib.adler32
"""``zlib.adler32(data[, value])``: the cover PNG's zlib check."""
