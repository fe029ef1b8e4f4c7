"""Where bookmaker's on-disk caches live (the fonts' working sets, the compiled templates), whether
a folder there is safe to use, and the removal of generations that older versions left behind.

``$XDG_CACHE_HOME/bookmaker`` (default ``~/.cache/bookmaker``). A cache folder is used only when
it is a directory owned by this user and not writable by others.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

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


def private_dir(path: Path) -> bool:
    """True when ``path`` is a directory of this user's not writable by others (made, mode 0700,
    when missing)."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
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


def prune_generations(current: Path, pattern: str, *, stale_after: float = STALE_AFTER) -> int:
    """Remove the entries beside ``current`` that ``pattern`` (a glob) matches and that were not
    written for ``stale_after`` seconds: the folders and files of other bookmaker, Python, Jinja2
    or HarfBuzz versions. Called when ``current`` is made, i.e. after an upgrade, so a build that
    finds its caches never scans. A generation still used by another installation that has not
    written it for a month is made again by that installation's next build. Symbolic links are
    left alone and errors ignored; returns how many entries were removed."""
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
