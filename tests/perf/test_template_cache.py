"""The compiled-template cache (Jinja2's FileSystemBytecodeCache): same EPUB cold, warm, damaged or
off; used only in a private folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from bookmaker.layout.render import _template_cache

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"


def _build(out: Path, cache_home: Path, **extra: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(cache_home), SOURCE_DATE_EPOCH="1700000000", **extra)
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(out), "--to", "epub"]
    subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return (out / f"{SEED.stem}.epub").read_bytes()


def test_cold_warm_damaged_and_off_give_the_same_epub(tmp_path: Path) -> None:
    home = tmp_path / "cache"
    cold = _build(tmp_path / "cold", home)
    entries = sorted(home.glob("bookmaker/templates-*/*.cache"))
    assert entries, "the cold build stored its compiled templates"
    assert not list(home.glob("bookmaker/templates-*/*.tmp"))
    warm = _build(tmp_path / "warm", home)
    for number, entry in enumerate(entries):  # garbage, truncated
        data = entry.read_bytes()
        entry.write_bytes([b"junk", data[: len(data) // 2]][number % 2])
    damaged = _build(tmp_path / "damaged", home)
    off = _build(tmp_path / "off", tmp_path / "unused", BOOKMAKER_NO_CACHE="1")
    assert cold == warm == damaged == off
    assert not (tmp_path / "unused").exists()


def test_unsafe_folder_or_no_cache_means_no_template_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOOKMAKER_NO_CACHE", raising=False)
    shared = tmp_path / "shared"
    (shared / "bookmaker").mkdir(parents=True)
    (shared / "bookmaker").chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    assert _template_cache(jinja2.Environment()) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fine"))
    assert _template_cache(jinja2.Environment()) is not None
    monkeypatch.setenv("BOOKMAKER_NO_CACHE", "1")
    assert _template_cache(jinja2.Environment()) is None
