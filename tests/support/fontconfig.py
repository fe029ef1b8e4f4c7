"""A private fontconfig for chromium: only DejaVu, no CJK font, so that any text a book's own
embedded fonts cannot draw shows up as drawn in another font (or as boxes), never hidden by the
machine's Noto CJK."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support.epub_tools import ToolMissing

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core


def private_fontconfig(folder: Path) -> dict[str, str]:
    """Write ``folder/fonts.conf`` naming only the DejaVu folder; the environment that selects it."""
    if not DEJAVU.is_dir():
        raise ToolMissing(f"{DEJAVU} not found: apt-get install fonts-dejavu-core")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{DEJAVU}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def korean_fonts(env: dict[str, str]) -> list[str]:
    """The fonts that fontconfig under ``env`` offers for Korean (``fc-list :lang=ko``)."""
    command = ["fc-list", ":lang=ko", "file"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return done.stdout.split()
