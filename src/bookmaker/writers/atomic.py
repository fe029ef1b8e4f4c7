"""Atomic output: a file — or the set of files one build makes — appears complete or not at all.

Each file is first written to a hidden temporary file beside its target (``.<name>.<pid>.….part``)
and fsynced; only when every file of the set is written are they renamed into place. A failure
on the way (a full disk, a read-only folder) removes the temporary files, leaves the previous
outputs as they were and is one error line naming the file and the disk. A process killed
mid-write leaves its ``.part`` files behind; the next run in that folder removes the ones whose
process is gone (:func:`remove_stale_parts`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from bookmaker.errors import BuildError, UsageError
from bookmaker.failures import write_error

_PART = re.compile(r"^\..+\.(\d+)\.[^.]+\.part$")


def part_prefix(name: str) -> str:
    """The prefix of this process's temporary files for target ``name`` (it carries the pid)."""
    return f".{name}.{os.getpid()}."


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync and rename."""
    write_together({path: data})


def write_together(files: Mapping[Path, bytes]) -> None:
    """Write every file of ``files`` or none of them (see the module)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(path, data), path))
        for index, (temporary, path) in enumerate(staged):
            os.replace(temporary, path)
            staged[index] = (path, path)
    except BaseException:
        for temporary, path in staged:
            if temporary != path:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
        raise


def _stage(path: Path, data: bytes) -> Path:
    """``data`` in a fsynced temporary file beside ``path``; a failure names ``path`` and the disk."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=part_prefix(path.name), suffix=".part", dir=path.parent)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(f"{path.parent}: not a folder (a file has that name)") from None
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, 0o644)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(name)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        raise
    return Path(name)


def check_output_folder(folder: Path) -> None:
    """Refuse, before any work, an output folder that is a file or cannot be written."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: the output folder is a file")
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{folder}: cannot make the output folder ({existing} is a file)")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BuildError(f"{folder}: cannot write there ({existing} is read-only)")


def remove_stale_parts(folder: Path) -> None:
    """Remove the temporary ``.part`` files and folders left in ``folder`` by processes that died."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _PART.match(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True
