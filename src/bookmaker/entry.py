"""The console entry point, ``bookmaker`` and ``python -m bookmaker``: Ctrl-C is taken over
(:mod:`bookmaker.interrupts`) before the CLI's imports begin."""

from __future__ import annotations

from typing import NoReturn

from bookmaker.interrupts import take_over


def run() -> NoReturn:
    """Take Ctrl-C over, then import and run the CLI (:func:`bookmaker.cli.run`)."""
    take_over()
    from bookmaker.cli import run as run_cli

    run_cli()
