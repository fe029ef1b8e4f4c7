"""Where bookmaker finds its own files, and the build clock (``SOURCE_DATE_EPOCH``)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

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
