"""Failures that are not bookmaker's bugs, said in one line: the disk, memory, a broken template.

:func:`explain` turns such an exception into a :class:`~bookmaker.errors.BookmakerError` with the
exit code it deserves (the CLI and the batch workers call it before calling anything an
"internal error"); :func:`write_error` words a failed write, naming the file and the disk.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from bookmaker.errors import BookmakerError, BuildError

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def mount_point(path: Path) -> Path:
    """The mount point of the file system holding ``path`` (or where it would be made)."""
    current = Path(os.path.abspath(path))
    while not current.exists() and current != current.parent:
        current = current.parent
    while not os.path.ismount(current) and current != current.parent:
        current = current.parent
    return current


def write_error(path: Path, exc: OSError) -> BuildError:
    """One line for a write of ``path`` that failed with ``exc``: the file, the reason, the disk."""
    if exc.errno in _DISK_FULL:
        where = mount_point(path)
        try:
            stats = os.statvfs(where)
            free = f", {stats.f_bavail * stats.f_frsize / 1048576:.1f} MB free"
        except OSError:
            free = ""
        return BuildError(f"{path}: cannot write: no space left on the disk mounted at {where}{free}")
    return BuildError(f"{path}: cannot write ({exc.strerror or exc})")


def explain(exc: BaseException) -> BookmakerError | None:
    """A one-line error for ``exc`` when it is the machine's or the input's doing, else None."""
    if isinstance(exc, BookmakerError):
        return exc
    if isinstance(exc, MemoryError):
        return BuildError(
            "out of memory: the input needs more than this process may use"
            " (lower the input limits, or allow more memory)"
        )
    if isinstance(exc, OSError) and exc.errno is not None:
        name = exc.filename if isinstance(exc.filename, str) else None
        if exc.errno in (*_DISK_FULL, errno.EACCES, errno.EPERM, errno.EROFS) and name:
            return write_error(Path(name), exc)
        if exc.errno in _DISK_FULL:
            return BuildError(f"no space left on a disk ({exc.strerror})")
    from bookmaker.layout.template_errors import template_error

    return template_error(exc)
