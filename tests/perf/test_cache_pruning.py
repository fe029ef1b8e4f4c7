"""Caches of older versions: a new generation removes the stale ones of its kind, nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bookmaker.cache_folder import STALE_AFTER, prune_generations

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"
OLD = time.time() - STALE_AFTER - 86400  # written a day past the limit
YOUNG = time.time() - STALE_AFTER + 86400


def _make(path: Path, *, folder: bool, written: float) -> Path:
    if folder:
        path.mkdir(parents=True)
        (path / "entry").write_bytes(b"x")
        os.utime(path / "entry", (written, written))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    os.utime(path, (written, written))
    return path


def test_prune_removes_only_stale_siblings_of_the_pattern(tmp_path: Path) -> None:
    current = _make(tmp_path / "faces-00000003", folder=True, written=OLD)  # itself: kept however old
    stale = _make(tmp_path / "faces-00000001", folder=True, written=OLD)
    young = _make(tmp_path / "faces-00000002", folder=True, written=YOUNG)
    other_kind = _make(tmp_path / "templates-0000000000000001", folder=True, written=OLD)
    stale_file = _make(tmp_path / "faces-00000004", folder=False, written=OLD)
    target = _make(tmp_path / "elsewhere" / "keep", folder=False, written=OLD)
    link = tmp_path / "faces-00000005"
    link.symlink_to(target.parent)
    os.utime(link, (OLD, OLD), follow_symlinks=False)

    assert prune_generations(current, "faces-*") == 2
    assert not stale.exists() and not stale_file.exists()
    assert current.is_dir() and young.is_dir() and other_kind.is_dir()
    assert link.is_symlink() and target.exists()  # a link is never followed or removed


def test_first_build_after_an_upgrade_removes_stale_generations(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "bookmaker"
    cache.mkdir(parents=True, mode=0o700)
    stale = [
        _make(cache / "templates-0000000000000000", folder=True, written=OLD),
        _make(cache / "faces-00000000", folder=True, written=OLD),
    ]
    young = _make(cache / "faces-00000001", folder=True, written=YOUNG)
    unrelated = _make(cache / "notes.txt", folder=False, written=OLD)
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1700000000")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(out), "--to", "epub"]
    subprocess.run(command, capture_output=True, env=env, check=True)

    assert [path.name for path in stale if path.exists()] == []
    assert young.is_dir() and unrelated.exists()
    for kind in ("templates-*", "faces-*"):
        assert len(list(cache.glob(kind))) == (2 if kind == "faces-*" else 1), kind  # this version's
