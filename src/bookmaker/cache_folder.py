"""Where bookmaker's on-disk caches live, whether a folder there is safe to use, how to write an
entry, the CRC-checked ``marshal`` tables of the pattern and TOML caches, and the removal of
generations that older versions left behind.

``$XDG_CACHE_HOME/bookmaker`` (default ``~/.cache/bookmaker``). A cache folder is used only when
it is a directory owned by this user and not writable by others. Standard library only: the
compiled-pattern cache (:mod:`bookmaker.recache`) asks before anything heavy is imported.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
from pathlib import Path
from typing import Any
from zlib import crc32

_CHECK = 4  # bytes of CRC-32 before a table file's payload
STALE_AFTER = 30 * 86400.0  # s: another generation not written for this long is removed


def cache_root() -> Path | None:
    """``$XDG_CACHE_HOME/bookmaker`` or ``~/.cache/bookmaker``; None when ``BOOKMAKER_NO_CACHE``
    turns every cache off, or there is no usable home."""
    if os.environ.get("BOOKMAKER_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "bookmaker"
    try:
        return Path.home() / ".cache" / "bookmaker"
    except RuntimeError:
        return None


def private_dir(path: Path, *, create: bool = True) -> bool:
    """True when ``path`` is a directory of this user's not writable by others; it is made (mode
    0700) when ``create``, else a missing ``path`` counts as usable (to be made when written)."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except FileNotFoundError:
        return not create
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def generation_folder(root: Path, name: str) -> Path | None:
    """The private folder ``root/name`` of one cache generation (``<kind>-<versions>``), made when
    missing; None when it or ``root`` is not safe to use. Making it means an upgrade: the same
    kind's stale generations are removed then (:func:`prune_generations`)."""
    folder = root / name
    fresh = not folder.is_dir()
    if not (private_dir(root) and private_dir(folder)):
        return None
    if fresh:
        prune_generations(folder, f"{name.split('-', 1)[0]}-*")
    return folder


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder renamed over it, so a
    reader sees the old file or the new one, never part of one. Errors propagate to the caller."""
    import _thread

    temporary = path.with_name(f".{path.name}.{os.getpid()}-{_thread.get_ident()}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def table_file(kind: str, key: str) -> Path | None:
    """Where the ``kind`` table (``re``, ``toml``) for ``key`` lives: ``<kind>-<tag>-<crc>.marshal``
    in the cache folder, named for this interpreter and ``key``'s CRC-32; None when the caches
    are off or the folder exists but is not safe to use."""
    folder = cache_root()
    if folder is None or not private_dir(folder, create=False):
        return None
    return folder / f"{kind}-{sys.implementation.cache_tag}-{crc32(key.encode()):08x}.marshal"


def read_table(path: Path, key: str) -> dict[Any, Any]:
    """The table :func:`save_table` stored in ``path`` for ``key``; empty when the file is missing,
    torn (its CRC-32 does not match) or written for another key."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    check, payload = data[:_CHECK], data[_CHECK:]
    if len(check) != _CHECK or crc32(payload).to_bytes(_CHECK, "big") != check:
        return {}
    try:
        stored_key, table = marshal.loads(payload)
    except Exception:
        return {}
    return table if stored_key == key and isinstance(table, dict) else {}


def save_table(path: Path, key: str, used: dict[Any, Any], limit: int, *, generations: str = "") -> None:
    """Store ``used`` over what ``path`` already holds for ``key`` (only ``used`` past ``limit``
    entries): a CRC-32, then the ``marshal`` of (``key``, table), written atomically. Errors
    propagate to the caller. A new file prunes the stale ``generations`` beside it
    (:func:`prune_generations`)."""
    merged = {**read_table(path, key), **used}
    if len(merged) > limit:
        merged = dict(used)
    payload = marshal.dumps((key, merged))
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fresh = not path.exists()
    write_atomic(path, crc32(payload).to_bytes(_CHECK, "big") + payload)
    if fresh and generations:
        prune_generations(path, generations)


def prune_generations(current: Path, pattern: str, *, stale_after: float = STALE_AFTER) -> int:
    """Remove the entries beside ``current`` that ``pattern`` (a glob) matches and that were not
    written for ``stale_after`` seconds: the folders and tables of other bookmaker, Python, Jinja2
    or HarfBuzz versions. Called when ``current`` is made, i.e. after an upgrade, so a build that
    finds its caches never scans. A generation still used by another installation that has not
    written it for a month is made again by that installation's next build. Symbolic links are
    left alone and errors ignored; returns how many entries were removed."""
    import shutil
    import time

    limit = time.time() - stale_after
    removed = 0
    for entry in current.parent.glob(pattern):
        if entry == current:
            continue
        try:
            info = entry.lstat()
            if info.st_mtime > limit:
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry)
            elif stat.S_ISREG(info.st_mode):
                entry.unlink()
            else:
                continue
        except OSError:
            continue
        removed += 1
    return removed
