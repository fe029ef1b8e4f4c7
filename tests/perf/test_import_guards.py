"""Issue #8 guards: a serial EPUB build leaves out the modules only other paths need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"
LATER = ("socket", "signal", "tomllib")  # --allow-remote hosts; killing a forked child; TOML not cached
PROBE = """
import sys
from bookmaker.cli import main
code = main(["build", sys.argv[1], "-o", sys.argv[2], "--to", "epub"])
print(code, *(name in sys.modules for name in sys.argv[3:]))
"""


def test_serial_epub_build_skips_socket_signal_and_tomllib(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("BOOKMAKER_NO_CACHE", "BOOKMAKER_FORK")}
    env.update(BOOKMAKER_SERIAL="1", XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-c", PROBE, str(SEED), str(tmp_path / "out"), *LATER]
    cold = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.split()
    warm = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.split()
    assert cold[-4:] == ["0", "False", "False", "True"]  # the first build parses the TOML
    assert warm[-4:] == ["0", "False", "False", "False"]
