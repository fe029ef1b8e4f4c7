"""``python -m bookmaker``."""

from bookmaker.entry import run

run()
