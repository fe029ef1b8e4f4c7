"""Compiled regular expressions kept on disk, so a new process does not compile them again.

CPython compiles a pattern in Python code (``re._parser`` then ``re._compiler``); a character
class with a large Unicode range (``[가-힣]``: 11,172 code points) is expanded one code point at
a time, ~0.4 ms each, and bookmaker's normalize rules and EPUB text markup compile ~150 such
patterns (~25 ms a process). Here :func:`compile` does the same as :func:`re.compile` for a
``str`` pattern, but keeps what ``re._compiler`` hands to ``_sre.compile`` (the code list, the
flags and the group names) in one file; a process that finds its patterns there builds them
with ``_sre.compile`` directly (a few µs each). The result is the same pattern object: equal
to a freshly compiled one (``Pattern.__eq__`` compares flags, pattern and code), same groups.

The file, ``$XDG_CACHE_HOME/bookmaker/re-<tag>-<crc>.marshal`` (default ``~/.cache/bookmaker``),
is for one interpreter: it holds ``sys.version``, the bytecode tag and ``_sre``'s ``MAGIC``,
``CODESIZE``, ``MAXREPEAT`` and ``MAXGROUPS``, compared whole on load (its name carries their
CRC), so another Python never uses it. The payload is checked by a CRC-32, like a ``.pyc``
(``hashlib`` alone takes ~3 ms to import); the file is used only in a folder owned by this user
and not writable by others, and written to a temporary file then renamed (at exit, or by
:func:`save`, when a pattern was missing). A missing, damaged or foreign file, ``re`` internals
that differ, or any error on the fast path falls back to :func:`re.compile`; ``_sre`` itself
validates the code it is given. ``BOOKMAKER_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import atexit
import contextlib
import re
import sys
from pathlib import Path

from bookmaker.cache_folder import read_table, save_table, table_file

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another implementation: plain re.compile
    _sre = None

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_MAX_ENTRIES = 4096  # past this, a save keeps only the patterns this process used
_PLAIN = re.DEBUG | getattr(re, "TEMPLATE", 0)  # flags compiled the ordinary way, never cached

_entries: dict[tuple[str, int], Entry] | None = None  # None: not loaded yet
_path: Path | None = None  # the file the entries came from (None: the cache is off)
_used: dict[tuple[str, int], Entry] = {}
_live: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's patterns, as re's own cache
_MAX_LIVE = 512
_added = False
_hooked = False


def _key() -> str:
    """The interpreter and ``re`` engine the entries are for (stored in the file, compared whole)."""
    assert _sre is not None
    parts = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)
    return repr((*parts, _sre.MAXREPEAT, _sre.MAXGROUPS))


def cache_file() -> Path | None:
    """Where the cache lives (None: turned off, or no usable private folder)."""
    return None if _sre is None else table_file("re", _key())


def _table() -> dict[tuple[str, int], Entry] | None:
    """The loaded entries (read once a process); None when the cache is off."""
    global _entries, _path
    if _entries is None:
        _path = cache_file()
        _entries = read_table(_path, _key()) if _path is not None else {}
    return _entries if _path is not None else None


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    assert _sre is not None
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _fresh(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    codes = [int(word) for word in code]  # opcodes are int subclasses, which marshal refuses
    return int(flags | parsed.state.flags), codes, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the on-disk cache when it holds ``pattern``; kept in
    memory too, so a pattern written inline costs a dictionary look-up after its first use."""
    flags = int(flags)
    live = _live.get((pattern, flags))
    if live is not None:
        return live
    compiled = _compile(pattern, flags)
    if len(_live) >= _MAX_LIVE:
        _live.clear()
    _live[(pattern, flags)] = compiled
    return compiled


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    global _added
    table = _table()
    if table is None or not isinstance(pattern, str) or flags & _PLAIN:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = table.get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
        except Exception:  # a stale or damaged entry: compile it again below
            table.pop(key, None)
        else:
            _used[key] = entry
            return compiled
    try:
        entry = _fresh(pattern, flags)
        compiled = _build(pattern, entry)
    except Exception:  # a bad pattern (re.error, raised here as usual) or other re internals
        return re.compile(pattern, flags)
    table[key] = _used[key] = entry
    _added = True
    _hook()
    return compiled


def _hook() -> None:
    global _hooked
    if not _hooked:
        _hooked = True
        atexit.register(save)


def save() -> None:
    """Write the patterns compiled here that the file lacks (merged with its current entries)."""
    global _added
    if not _added:
        return
    _added = False
    path = _path
    if path is None:
        return
    with contextlib.suppress(Exception):
        save_table(path, _key(), _used, _MAX_ENTRIES, generations="re-*.marshal")
