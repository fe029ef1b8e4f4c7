"""Reading a file an input names without being led astray: regular files only, size checked first.

A FIFO, a device (``/dev/zero``), a socket or a folder is refused with one line and never read;
the file is opened non-blocking, so even a FIFO swapped in after the check cannot stall a build.
The size is taken from ``stat`` before reading, and the read itself stops one byte past the
limit (a file that grows while it is read is refused too). ``follow=False`` also refuses a
symbolic link (an archive bundle's files must be the files themselves).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from bookmaker.errors import BookmakerError, InputError

_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)

SizeError = Callable[[int], BookmakerError]


class FileRefused(InputError):
    """A file that cannot or may not be read: ``path: reason``."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


def kind_of(mode: int) -> str | None:
    """What a non-regular file is (``"a FIFO (named pipe)"`` …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "an unknown kind of file")


def _regular_stat(path: Path, *, follow: bool = True) -> os.stat_result:
    """``path``'s stat when it is a regular file; otherwise one :class:`InputError` line."""
    try:
        info = os.stat(path, follow_symlinks=follow)
    except FileNotFoundError:
        raise FileRefused(path, "no such file") from None
    except OSError as exc:
        raise FileRefused(path, f"cannot read ({exc.strerror})") from None
    kind = kind_of(info.st_mode)
    if kind is not None:
        raise FileRefused(path, f"is {kind}, not a regular file")
    return info


def too_big(what: str, limit: int) -> SizeError:
    """The default size error: ``<what> is N MB, over the M MB limit``."""

    def error(size: int) -> BookmakerError:
        return InputError(f"{what} is {size / 1048576:.1f} MB, over the {limit / 1048576:g} MB limit")

    return error


def open_regular(path: Path, *, follow: bool = True) -> tuple[int, os.stat_result]:
    """A read-only descriptor of the regular file ``path`` and its stat (the caller closes it);
    anything else is a :class:`FileRefused` (see :func:`read_regular`)."""
    _regular_stat(path, follow=follow)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow:
            raise FileRefused(path, "is a symbolic link, not a regular file") from None
        raise FileRefused(path, f"cannot read ({exc.strerror})") from None
    opened = os.fstat(fd)
    kind = kind_of(opened.st_mode)
    if kind is not None:  # swapped after the check
        os.close(fd)
        raise FileRefused(path, f"is {kind}, not a regular file")
    return fd, opened


def chunks(read: Callable[[int], bytes], max_bytes: int) -> Iterator[bytes]:
    """Pieces from ``read(n)`` (``os.read`` of a descriptor, a stream's ``read``) until it gives
    nothing or more than ``max_bytes`` have come: never much more than the limit is read."""
    total = 0
    while total <= max_bytes:
        chunk = read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return
        total += len(chunk)
        yield chunk


def read_regular(
    path: Path, max_bytes: int, *, on_size: SizeError | None = None, follow: bool = True
) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    Anything else (missing, a folder, a FIFO, a device, a socket, a symbolic link when not
    ``follow``) is a :class:`FileRefused` naming ``path``; a larger file raises ``on_size(size)``
    (default: :func:`too_big`) before a byte is read.
    """
    size_error = on_size or too_big(str(path), max_bytes)
    fd, info = open_regular(path, follow=follow)
    try:
        if info.st_size > max_bytes:
            raise size_error(info.st_size)
        data = b"".join(chunks(lambda size: os.read(fd, size), max_bytes))
    except OSError as exc:
        raise FileRefused(path, f"cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew while being read
        raise size_error(len(data))
    return data
