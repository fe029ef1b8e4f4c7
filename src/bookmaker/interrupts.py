"""Ctrl-C at any moment ends with one line (``bookmaker: interrupted``) and exit code 130.

Python turns Ctrl-C into ``KeyboardInterrupt`` wherever the program happens to be, even inside
the imports that run before :func:`bookmaker.cli.main` can catch it. The console entry point
(:mod:`bookmaker.entry`) calls :func:`take_over` first: until ``main`` runs, Ctrl-C ends the
process at once (nothing has been written yet, so there is nothing to clean up); ``main`` then
calls :func:`interrupts_raise`, so an interrupted build unwinds and removes its temporary files.
"""

from __future__ import annotations

import os
import signal
from typing import Any


def _early_interrupt(signum: int, frame: Any) -> None:
    os.write(2, b"bookmaker: interrupted\n")
    os._exit(130)


def take_over() -> None:
    """Until :func:`interrupts_raise`, Ctrl-C exits 130 with one line (unless it is ignored)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _early_interrupt)


def interrupts_raise() -> None:
    """Ctrl-C raises ``KeyboardInterrupt`` again (when :func:`take_over` had taken it)."""
    if signal.getsignal(signal.SIGINT) is _early_interrupt:
        signal.signal(signal.SIGINT, signal.default_int_handler)
