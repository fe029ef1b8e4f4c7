"""``python -m bookmaker``."""

from bookmaker.cli import run

run()
