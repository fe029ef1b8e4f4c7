"""The on-disk cache of bookmaker's own TOML tables: the same tables cold, warm, edited, damaged or off."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bookmaker import resources
from bookmaker.normalize.rules import DATA

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder, and a process that has read no table yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BOOKMAKER_NO_CACHE", raising=False)
    monkeypatch.setattr(resources, "_tables", None)
    monkeypatch.setattr(resources, "_read_here", {})
    return tmp_path / "cache"


def _forget() -> None:
    """As a new process: the cache file is read again."""
    resources._tables = None
    resources._read_here.clear()


def test_tables_equal_tomllib_cold_and_warm(cache_home: Path) -> None:
    manifests = sorted(resources.templates_root().glob("*/manifest.toml"))
    for path in (DATA, *manifests):
        expected = tomllib.loads(path.read_text(encoding="utf-8"))
        assert resources.read_toml(path, cached=True) == expected
        _forget()
        table = resources.read_toml(path, cached=True)
        assert table == expected
        table.clear()  # each call hands out a new table
        assert resources.read_toml(path, cached=True) == expected
    assert len(list(cache_home.glob("bookmaker/toml-*.marshal"))) == 1
    assert not list(cache_home.glob("bookmaker/.*.tmp"))


def test_edited_dated_and_bad_files(cache_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('name = "one"\n', encoding="utf-8")
    assert resources.read_toml(path, cached=True) == {"name": "one"}
    path.write_text('name = "two"\n', encoding="utf-8")
    _forget()
    assert resources.read_toml(path, cached=True) == {"name": "two"}
    path.write_text("day = 2025-11-23\n", encoding="utf-8")  # marshal cannot hold a date: parsed each time
    assert resources.read_toml(path, cached=True) == tomllib.loads("day = 2025-11-23\n")
    path.write_text("name = \n", encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        resources.read_toml(path, cached=True)
    with pytest.raises(tomllib.TOMLDecodeError) as plain:
        tomllib.loads("name = \n")
    assert str(raised.value) == str(plain.value)
    with pytest.raises(FileNotFoundError):
        resources.read_toml(tmp_path / "missing.toml", cached=True)


def test_damaged_or_foreign_cache_is_ignored(cache_home: Path) -> None:
    expected = tomllib.loads(DATA.read_text(encoding="utf-8"))
    resources.read_toml(DATA, cached=True)
    (cache_file,) = cache_home.glob("bookmaker/toml-*.marshal")
    data = cache_file.read_bytes()
    for damaged in (data[:-7], data[:4] + b"\0" + data[5:], b""):
        cache_file.write_bytes(damaged)
        _forget()
        assert resources.read_toml(DATA, cached=True) == expected
    os.chmod(cache_home / "bookmaker", 0o777)  # writable by others: not used
    try:
        cache_file.unlink()
        _forget()
        assert resources.read_toml(DATA, cached=True) == expected
        assert not cache_file.exists()
    finally:
        os.chmod(cache_home / "bookmaker", 0o700)


def test_warm_build_imports_no_tomllib(tmp_path: Path) -> None:
    """Same EPUB as with the cache off; the second build takes its tables from the cache."""
    probe = (
        "import sys\nfrom bookmaker.cli import main\n"
        "code = main(['build', sys.argv[1], '-o', sys.argv[2], '--to', 'epub'])\n"
        "print(code, 'tomllib' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("BOOKMAKER_NO_CACHE", "BOOKMAKER_FORK")}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1700000000", BOOKMAKER_SERIAL="1")

    def build(name: str, **extra: str) -> tuple[list[str], bytes]:
        command = [sys.executable, "-c", probe, str(SEED), str(tmp_path / name)]
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env | extra).stdout
        return out.split()[-2:], (tmp_path / name / f"{SEED.stem}.epub").read_bytes()

    off = build("off", BOOKMAKER_NO_CACHE="1")
    cold = build("cold")
    warm = build("warm")
    assert (off[0], cold[0], warm[0]) == (["0", "True"], ["0", "True"], ["0", "False"])
    assert off[1] == cold[1] == warm[1]
