"""Where bookmaker finds its own files, how it reads its TOML, and the build clock
(``SOURCE_DATE_EPOCH``)."""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from bookmaker.cache_folder import read_table, save_table, table_file
from bookmaker.errors import UsageError

_MAX_TABLES = 32  # past this, a save keeps only the tables this process read

_tables: dict[str, bytes] | None = None  # the TOML cache: file text → marshal of its table
_read_here: dict[str, bytes] = {}


@cache
def templates_root() -> Path:
    """The folder holding the themes: packaged copy first, then the source checkout's."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "templates"
    if checkout.is_dir():
        return checkout
    raise UsageError("bookmaker's templates are missing from this installation")


def build_time() -> datetime:
    """The build timestamp in UTC: ``SOURCE_DATE_EPOCH`` when set, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds, not {epoch!r}") from None
    return datetime.now(tz=UTC).replace(microsecond=0)


def utc_stamp(moment: datetime) -> str:
    """``moment`` (in UTC, as :func:`build_time` gives it) as ``2025-11-23T12:13:20Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_toml(path: Path, *, cached: bool = False) -> dict[str, Any]:
    """``tomllib.loads`` of the UTF-8 file ``path``; its errors (``OSError``,
    ``UnicodeDecodeError``, ``tomllib.TOMLDecodeError``) propagate unchanged.

    ``cached`` is for bookmaker's own files, read by every build (the rules table, the theme
    manifests): importing ``tomllib`` and parsing them costs ~4 ms a process, unmarshalling
    their tables ~0.1 ms. The tables live in ``toml-<tag>.marshal`` in the cache folder, keyed
    by the file's whole text (an edited file is parsed again) and checked like
    :mod:`bookmaker.recache`'s patterns: same interpreter, CRC-32, a private folder, written
    to a temporary file then renamed. Any trouble with it falls back to parsing; a table
    ``marshal`` cannot hold (TOML dates) is not kept. ``BOOKMAKER_NO_CACHE=1`` turns it off.
    Each call returns a new table, which the caller may change.
    """
    text = path.read_text(encoding="utf-8")
    tables = _toml_tables() if cached else None
    if tables is not None and text in tables:
        with contextlib.suppress(Exception):
            table = marshal.loads(tables[text])
            if isinstance(table, dict):
                _read_here[text] = tables[text]
                return table
    import tomllib  # here: a build whose TOML is all in the cache never imports it

    table = tomllib.loads(text)
    if tables is not None:
        with contextlib.suppress(Exception):
            tables[text] = _read_here[text] = marshal.dumps(table)
            _save_tables()
    return table


def _toml_key() -> str:
    """The interpreter the tables are for (``tomllib`` and ``marshal`` come with it)."""
    return f"{sys.version}|{sys.implementation.cache_tag}"


def _toml_tables() -> dict[str, bytes] | None:
    """The cached tables (read once a process); None when the cache is off."""
    global _tables
    path = table_file("toml", _toml_key())
    if path is None:
        return None
    if _tables is None:
        _tables = read_table(path, _toml_key())
    return _tables


def _save_tables() -> None:
    """Write the tables read here that the file lacks (merged with its current ones)."""
    path = table_file("toml", _toml_key())
    if path is None:
        return
    save_table(path, _toml_key(), _read_here, _MAX_TABLES, generations="toml-*.marshal")
