"""WeasyPrint, imported in a process of bookmaker's own without ctypes' compiler probes.

WeasyPrint 70 loads GObject, Pango, HarfBuzz and fontconfig with cffi, trying for each a list of
names, Windows' and macOS' first. cffi asks ``ctypes.util.find_library`` about every name the
dynamic loader does not open directly, and on Linux that runs ``ldconfig -p``, then links a test
program with gcc and with ld (WeasyPrint issue #1125): 22 ``ldconfig`` and 16 gcc runs on Debian
with gcc installed, ~0.1 s before the import ends (docs/performance.md). Every list also holds the
library's Linux soname (``libpango-1.0.so.0``), which the loader opens directly, so while WeasyPrint
loads here every such look-up answers "not found" and the next name is tried. Where that leaves a
library unloaded (a system whose loader does not know the sonames), WeasyPrint is imported again with
the look-ups as they are.

Importing this module imports WeasyPrint (the PDF child, chunk and batch workers, and every PDF
render take ``weasyprint`` from here). The look-up is swapped only in a process running no other
thread than bookmaker's lifeline (which never looks a library up), where nothing else can call it
meanwhile; with other threads (an application's, the preview server's) WeasyPrint is imported
plainly.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys
import threading

from bookmaker.lifeline import THREAD_NAME


def _not_found(name: str) -> str | None:
    return None


def _other_threads() -> bool:
    """True when a thread other than this one and the lifeline's (:mod:`bookmaker.lifeline`) runs."""
    this = threading.current_thread()
    return any(t is not this and t.name != THREAD_NAME for t in threading.enumerate())


def _load_without_probes() -> None:
    """Import WeasyPrint with every library look-up answering "not found"; after a failure nothing
    of it is left in ``sys.modules``. Nothing to do when it is loaded or other threads run."""
    if "weasyprint" in sys.modules or _other_threads():
        return
    lookup = ctypes.util.find_library
    ctypes.util.find_library = _not_found
    try:
        # WeasyPrint prints installation advice to stdout when a library does not load
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # noqa: F401
    except OSError:
        for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = lookup


_load_without_probes()

import weasyprint  # noqa: E402  (the one loaded above, or loaded now with the look-ups as they are)

__all__ = ["weasyprint"]
