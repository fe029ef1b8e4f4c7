"""WeasyPrint loaded without ctypes' library probes in a process running one thread, loaded all
the same when the quick way fails, and loaded plainly beside other threads. Each case runs in a
fresh interpreter (WeasyPrint loads once)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

RECORD = """
import ctypes.util, sys
asked = []
def recording(name):
    asked.append(name)
    return None
ctypes.util.find_library = recording
"""


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_weasyprint_loads_without_library_probes() -> None:
    out = _run(
        RECORD
        + """
import bookmaker.writers.weasyprint_engine
import weasyprint
print(len(asked), ctypes.util.find_library is recording, weasyprint.__version__ != "")
"""
    )
    assert out == "0 True True"


def test_a_failed_quick_load_is_retried_with_the_usual_lookups() -> None:
    # a loader that cannot open the libraries by their sonames: the first import fails as
    # WeasyPrint's would on such a system, the second, with find_library as it was, succeeds
    out = _run(
        RECORD
        + """
import importlib.abc
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint.text.ffi" and ctypes.util.find_library is not recording:
            raise OSError("cannot load library 'libpango-1.0.so.0'")
        return None
sys.meta_path.insert(0, Refuse())
import bookmaker.writers.weasyprint_engine
import weasyprint.text.ffi
print(ctypes.util.find_library is recording, "weasyprint" in sys.modules, len(asked) > 0)
"""
    )
    assert out == "True True True"


def test_beside_other_threads_the_lookups_stay_as_they_are() -> None:
    out = _run(
        RECORD
        + """
import threading, time
threading.Thread(target=time.sleep, args=(2,), daemon=True).start()
import bookmaker.writers.weasyprint_engine
print(len(asked) > 0, ctypes.util.find_library is recording)
"""
    )
    assert out == "True True"


def test_the_lifeline_thread_of_a_worker_does_not_count() -> None:
    out = _run(
        RECORD
        + """
import os
from bookmaker.lifeline import end_with_parent
end_with_parent(os.getppid())
import bookmaker.writers.weasyprint_engine
print(len(asked))
"""
    )
    assert out == "0"
