"""The on-disk cache of compiled patterns: the same pattern objects cold, warm, damaged or off."""

from __future__ import annotations

import importlib
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bookmaker import recache

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"

PATTERNS: list[tuple[str, int]] = [
    (r"(?P<name>[가-힣]{2,4})\s*(기자|특파원)", 0),
    (r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", 0),
    (r"([\uf900-\ufaff\U0002f800-\U0002fa1f]+)", 0),
    (r"ⓒ|©|\([cC]\)|copyright|저작권자|all rights reserved", re.IGNORECASE),
    (r"(?i)뉴스|news", 0),
    (r"^\s*(?:(?P<num>\d{1,2})[.)]|[-•·*]|[①-⑳])\s+(?=\S)", re.MULTILINE),
    (r"(\*\*|__)(.+?)\1", 0),
    (r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", re.DOTALL),
    (
        r"""\d+ # digits
        \s*년""",
        re.VERBOSE,
    ),
    (r"[A-Za-z]+", re.ASCII),
]
INPUTS = [
    "홍길동 기자 hong@example.com",
    "ⓒ 한국일보 COPYRIGHT 2025",
    "1. 첫째 **굵게** *기울임*\n2. 둘째",
    "豈更車 \U0002f800 한글 ᄀ ㄱ",
    "2025 년 11월 News 뉴스",
]

ROUND_TRIP = """
import json, re, sys
from bookmaker import recache
stored = len(recache._table() or {})
out = []
for pattern, flags in json.loads(sys.argv[1]):
    p = recache.compile(pattern, flags)
    out.append([p == re.compile(pattern, flags), p.flags, p.groups, dict(p.groupindex)])
print(json.dumps([out, recache._path is not None and recache._path.name, stored]))
"""


def _run(home: Path, **extra: str) -> tuple[list[list[object]], str | bool, int]:
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(home), **extra)
    proc = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP, json.dumps(PATTERNS)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return tuple(json.loads(proc.stdout))  # type: ignore[return-value]


def _files(home: Path) -> list[Path]:
    return sorted(home.glob("bookmaker/re-*.marshal"))


def _same(compiled: re.Pattern[str], pattern: str, flags: int) -> None:
    fresh = re.compile(pattern, flags)
    assert compiled == fresh  # flags, pattern and code
    assert (compiled.flags, compiled.groups, compiled.groupindex) == (
        fresh.flags,
        fresh.groups,
        fresh.groupindex,
    )
    for text in INPUTS:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in fresh.finditer(text)]
        assert [m.groups() for m in compiled.finditer(text)] == [m.groups() for m in fresh.finditer(text)]
        assert compiled.sub("_", text) == fresh.sub("_", text)


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process's cache state, fresh and pointed at ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BOOKMAKER_NO_CACHE", raising=False)
    for name, value in [("_entries", None), ("_path", None), ("_added", False), ("_hooked", True)]:
        monkeypatch.setattr(recache, name, value)
    monkeypatch.setattr(recache, "_used", {})
    monkeypatch.setattr(recache, "_live", {})
    return tmp_path


def _forget() -> None:
    """Drop what this process holds, as a new process would start."""
    recache._entries, recache._path = None, None
    recache._live.clear()
    recache._used.clear()


def test_cached_patterns_behave_like_fresh_ones(isolated: Path) -> None:
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), pattern, flags)
    recache.save()
    assert len(_files(isolated)) == 1
    _forget()
    assert len(recache._table() or {}) == len(PATTERNS)  # read back from the file
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), pattern, flags)
    assert recache._added is False  # every one came from the file


def test_cold_warm_and_off_across_processes(tmp_path: Path) -> None:
    home = tmp_path / "cache"
    cold, name, _ = _run(home)
    files = _files(home)
    assert [f.name for f in files] == [name]
    warm, _, stored = _run(home)
    assert stored == len(PATTERNS)
    off, off_name, _ = _run(tmp_path / "unused", BOOKMAKER_NO_CACHE="1")
    assert cold == warm == off
    assert all(row[0] for row in cold)
    assert off_name is False and not (tmp_path / "unused").exists()
    assert not list(home.glob("bookmaker/.*.tmp"))


@pytest.mark.parametrize("damage", ["junk", "truncated", "flipped", "empty"])
def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path, damage: str) -> None:
    home = tmp_path / "cache"
    expected = _run(home)[0]
    (file,) = _files(home)
    data = file.read_bytes()
    file.write_bytes(
        {"junk": b"junk", "truncated": data[: len(data) // 2], "empty": b""}.get(
            damage, data[:100] + bytes([data[100] ^ 1]) + data[101:]
        )
    )
    again, _, stored = _run(home)
    assert again == expected and stored == 0  # nothing trusted from the damaged file
    assert _run(home)[2] == len(PATTERNS)  # rewritten whole by the previous run


def test_a_wrong_entry_falls_back_to_a_fresh_compile(isolated: Path) -> None:
    """An entry whose code ``_sre`` rejects is compiled again (and the right code stored)."""
    pattern, flags = PATTERNS[0]
    recache._table()
    assert recache._entries is not None
    recache._entries[(pattern, flags)] = (flags, [999, 0, 0], 0, {}, ())
    _same(recache.compile(pattern, flags), pattern, flags)
    assert recache._used[(pattern, flags)][1] != [999, 0, 0]


def test_other_interpreters_use_another_file(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recache.compile(*PATTERNS[0])
    recache.save()
    assert recache._sre is not None
    monkeypatch.setattr(recache._sre, "MAGIC", recache._sre.MAGIC + 1)
    _forget()
    assert recache._table() == {}  # the file of the real MAGIC is not read
    assert recache._path is not None and recache._path.name not in [f.name for f in _files(isolated)]


def test_errors_flags_and_types_are_re_compile_s(isolated: Path) -> None:
    with pytest.raises(re.error) as cached:
        recache.compile(r"[가-")
    with pytest.raises(re.error) as fresh:
        re.compile(r"[가-")
    assert str(cached.value) == str(fresh.value)
    assert recache.compile(r"[가-힣]", re.IGNORECASE) == re.compile(r"[가-힣]", re.I)
    assert recache.compile(b"[a-z]") == re.compile(b"[a-z]")  # type: ignore[arg-type]
    assert not recache._used.get((b"[a-z]", 0))  # type: ignore[call-overload]
    assert recache.compile(r"x", re.I) is recache.compile(r"x", re.IGNORECASE)  # kept in memory


def test_an_unsafe_folder_is_not_used(isolated: Path) -> None:
    folder = isolated / "bookmaker"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert recache.cache_file() is None
    recache.compile(*PATTERNS[1])
    recache.save()
    assert not _files(isolated)


def test_module_patterns_equal_fresh_ones() -> None:
    """Every pattern the normalize passes, readers and EPUB text markup keep equals ``re.compile``'s."""
    modules = [
        "bookmaker.normalize.text",
        "bookmaker.normalize.passes.boilerplate",
        "bookmaker.normalize.passes.bylines",
        "bookmaker.normalize.passes.captions",
        "bookmaker.normalize.passes.clean",
        "bookmaker.normalize.passes.dateline",
        "bookmaker.normalize.passes.dates",
        "bookmaker.normalize.passes.structure",
        "bookmaker.normalize.passes.title",
        "bookmaker.readers.encoding",
        "bookmaker.readers.markdown",
        "bookmaker.readers.sanitize",
        "bookmaker.writers.epub_text",
    ]
    seen = 0
    for name in modules:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                assert value == re.compile(value.pattern, value.flags), (name, value.pattern)
                seen += 1
    assert seen > 40


def test_forked_build_stores_the_child_s_patterns(tmp_path: Path) -> None:
    """The child of an EPUB build leaves without exit handlers; it saves before it reports."""
    env = {k: v for k, v in os.environ.items() if k not in ("BOOKMAKER_NO_CACHE", "BOOKMAKER_SERIAL")}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1700000000")
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(tmp_path), "--to", "epub"]
    subprocess.run(command, capture_output=True, env=env, check=True)
    (file,) = _files(tmp_path / "cache")
    key, table = marshal.loads(file.read_bytes()[4:])
    assert key == recache._key()
    assert any("기자" in pattern for pattern, _ in table)  # a byline pattern, compiled by the child
