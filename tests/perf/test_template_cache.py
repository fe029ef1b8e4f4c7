"""The on-disk cache of compiled templates: same bytes cold, warm, corrupt or off; safe folders only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from bookmaker.layout.template_cache import TemplateCache, template_cache

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"


def _build(out: Path, cache_home: Path, **extra: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(cache_home), SOURCE_DATE_EPOCH="1700000000", **extra)
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(out), "--to", "epub"]
    subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return (out / f"{SEED.stem}.epub").read_bytes()


def _entries(cache_home: Path) -> list[Path]:
    return sorted(cache_home.glob("bookmaker/templates-*/*.j2c"))


def test_cold_warm_corrupt_and_off_give_the_same_epub(tmp_path: Path) -> None:
    home = tmp_path / "cache"
    cold = _build(tmp_path / "cold", home)
    entries = _entries(home)
    assert entries, "the cold build stored its compiled templates"
    assert not list(home.glob("bookmaker/templates-*/*.tmp"))
    warm = _build(tmp_path / "warm", home)
    for number, entry in enumerate(entries):  # garbage, truncated, one byte changed
        data = entry.read_bytes()
        damaged = [b"junk", data[: len(data) // 2], data[:40] + bytes([data[40] ^ 1]) + data[41:]]
        entry.write_bytes(damaged[number % 3])
    corrupt = _build(tmp_path / "corrupt", home)
    off = _build(tmp_path / "off", tmp_path / "unused", BOOKMAKER_NO_CACHE="1")
    assert cold == warm == corrupt == off
    assert not (tmp_path / "unused").exists()
    assert all(entry.read_bytes()[:4] != b"junk" for entry in entries)  # rewritten whole


def test_edited_template_is_recompiled(tmp_path: Path) -> None:
    def render(source: str) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"t.html": source}), bytecode_cache=TemplateCache(tmp_path)
        )
        return env.get_template("t.html").render(x=1)

    assert render("a{{ x }}") == "a1"
    assert render("a{{ x }}") == "a1"
    assert render("b{{ x + 1 }}") == "b2"
    assert len(list(tmp_path.glob("*.j2c"))) == 1


def test_unsafe_or_unwritable_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOOKMAKER_NO_CACHE", raising=False)
    shared = tmp_path / "shared"
    (shared / "bookmaker").mkdir(parents=True)
    (shared / "bookmaker").chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    assert template_cache(("x",)) is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert template_cache(("x",)) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fine"))
    first, second = template_cache(("x",)), template_cache(("y",))
    assert first is not None and second is not None and first.folder != second.folder
    monkeypatch.setenv("BOOKMAKER_NO_CACHE", "1")
    assert template_cache(("x",)) is None


def test_failed_writes_are_ignored(tmp_path: Path) -> None:
    cache = TemplateCache(tmp_path / "missing")  # the folder does not exist: every write fails
    env = jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 2 * 3 }}"}), bytecode_cache=cache)
    assert env.get_template("t").render() == "6"
