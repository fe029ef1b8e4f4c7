"""The console entry point, ``bookmaker`` and ``python -m bookmaker``: Ctrl-C is taken over
(:mod:`bookmaker.interrupts`) and a build's PDF worker started (:mod:`bookmaker.pdf_worker`)
before the CLI's imports begin."""

from __future__ import annotations

import sys
from typing import NoReturn

from bookmaker import pdf_worker
from bookmaker.interrupts import take_over


def run() -> NoReturn:
    """Take Ctrl-C over, start the PDF worker of a build that makes a PDF, then import and run the
    CLI (:func:`bookmaker.cli.run`); a worker no build claimed is stopped on the way out."""
    take_over()
    pdf_worker.start_for(sys.argv[1:])
    try:
        from bookmaker.cli import run as run_cli

        run_cli()
    finally:
        pdf_worker.discard()
