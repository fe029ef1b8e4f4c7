"""Where bookmaker finds its own files, how it reads its TOML, and the build clock
(``SOURCE_DATE_EPOCH``)."""

from __future__ import annotations

import os
import tomllib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from bookmaker.errors import UsageError


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


MAX_TOML_BYTES = 1024 * 1024


def read_toml(path: Path) -> dict[str, Any]:
    """``tomllib.loads`` of the UTF-8 file ``path`` (a regular file of at most 1 MB, else
    :class:`~bookmaker.files.FileRefused`); ``UnicodeDecodeError`` and
    ``tomllib.TOMLDecodeError`` propagate unchanged."""
    from bookmaker.files import read_regular, too_big

    data = read_regular(path, MAX_TOML_BYTES, on_size=too_big(str(path), MAX_TOML_BYTES))
    return tomllib.loads(data.decode("utf-8"))
