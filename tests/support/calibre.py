"""calibre's command-line tools (Debian package ``calibre``): ``ebook-convert`` and ``ebook-meta``.

calibre renders PDF with Qt WebEngine (Chromium), whose sandbox refuses to run as root: the tests
turn it off. Each run gets its own configuration folder, so nothing a user set changes the result.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.epub_tools import ToolMissing

CALIBRE_HINT = "apt-get install calibre"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ToolMissing(f"calibre's {name} is not installed: {CALIBRE_HINT}")
    return found


def _env(config: str) -> dict[str, str]:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    return {
        **os.environ,
        "CALIBRE_CONFIG_DIRECTORY": config,
        "QTWEBENGINE_CHROMIUM_FLAGS": f"{flags} --no-sandbox".strip(),
        "QT_QPA_PLATFORM": "offscreen",
    }


def ebook_convert(source: Path, target: Path, *options: str, timeout: float = 300) -> None:
    """``ebook-convert SOURCE TARGET OPTIONS`` (the target's suffix names the format)."""
    with tempfile.TemporaryDirectory(prefix="bookmaker-calibre-") as config:
        done = subprocess.run(
            [_tool("ebook-convert"), str(source), str(target), *options],
            capture_output=True,
            text=True,
            env=_env(config),
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    if done.returncode != 0 or not target.is_file():
        raise RuntimeError(f"ebook-convert {source.name} → {target.name} failed: {done.stdout[-1500:]}")


def ebook_meta(book: Path) -> dict[str, str]:
    """The metadata calibre reads from ``book``: ``Title``, ``Author(s)``, ``Publisher``,
    ``Languages``, ``Published``…"""
    with tempfile.TemporaryDirectory(prefix="bookmaker-calibre-") as config:
        done = subprocess.run(
            [_tool("ebook-meta"), str(book)],
            capture_output=True,
            text=True,
            env=_env(config),
            timeout=120,
            check=True,
        )
    return dict(re.findall(r"^(\S[^:]*?)\s*: (.*)$", done.stdout, flags=re.M))
