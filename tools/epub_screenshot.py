"""Screenshot the first screen of an EPUB content document in headless chromium (360×740, 2×).

Usage: python tools/epub_screenshot.py BOOK.epub OUT.png [DOCUMENT=article.xhtml] [WIDTH=360]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout: tests/support
from tests.support.chromium import Chromium, probe_document, unpack


def main(argv: list[str]) -> int:
    epub, out = Path(argv[0]), Path(argv[1])
    document = argv[2] if len(argv) > 2 else "article.xhtml"
    width = int(argv[3]) if len(argv) > 3 else 360
    with tempfile.TemporaryDirectory() as tmp, Chromium() as browser:
        root = unpack(epub, Path(tmp))
        probe = probe_document(browser, root / "EPUB" / document, width=width, shot=out)
    print(
        f"{out}: {probe.lines} lines, {len(probe.word_breaks())} broken words, fonts "
        + ", ".join(f"{f['family']} {f['weight']} {f['status']}" for f in probe.fonts or [])
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
