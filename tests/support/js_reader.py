"""epub.js, a JavaScript reading system, run from ``tools/reader`` (``npm ci`` there) by
puppeteer-core with Debian's chromium: it paginates a book into one wide frame of columns, as
epub.js-based apps do, and the line probe measures the content documents shown."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.support.epub_tools import ToolMissing, chromium_path

READER = Path(__file__).resolve().parents[2] / "tools" / "reader"
PROBE_JS = Path(__file__).with_name("line_probe.js")
HINT = "cd tools/reader && PUPPETEER_SKIP_DOWNLOAD=1 npm ci  (and apt-get install nodejs chromium)"


def read_with_epubjs(
    book: Path, *, width: int = 360, height: int = 640, pages: int = 6
) -> list[dict[str, Any]]:
    """Open ``book`` at ``width``×``height``, turn ``pages`` pages; per content document shown:
    ``href``, ``frameWidth`` (px) and the line probe's ``report``."""
    node = shutil.which("node")
    if node is None or not (READER / "node_modules" / "epubjs").is_dir():
        raise ToolMissing(f"epub.js is not installed: {HINT}")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium_path()}
    done = subprocess.run(
        [node, str(READER / "read.mjs"), str(book), str(PROBE_JS), str(width), str(height), str(pages)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"epub.js reader failed: {done.stderr[-2000:]}")
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result
