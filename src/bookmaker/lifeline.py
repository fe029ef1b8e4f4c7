"""Child processes that end when the process that started them is gone.

A process killed with SIGKILL (or SIGTERM, whose default action ends it without cleanup) cannot
stop its children; they would go on rendering, holding memory and files. Each child of ours —
the ``build`` command's PDF worker, a batch's pool workers — calls :func:`end_with_parent`
first: a daemon thread notices when the parent has died (the child is handed to another
parent) and ends the child at once.
"""

from __future__ import annotations

import os
import threading
import time

CHECK_EVERY = 0.2  # seconds
THREAD_NAME = "bookmaker-lifeline"
"""The watching thread's name (it only reads the parent's id, sleeps and ends the process)."""


def end_with_parent(parent_pid: int) -> None:
    """End this process as soon as ``parent_pid`` is no longer its parent (now, if already so)."""
    if os.getppid() != parent_pid:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(CHECK_EVERY)
        os._exit(1)

    threading.Thread(target=watch, name=THREAD_NAME, daemon=True).start()
