"""Run the EPUB writer in a forked child while the parent renders the PDF (two cores, one wall clock).

Only when it is safe: ``os.fork`` exists, the process has one thread and has not loaded WeasyPrint
(Pango and fontconfig start threads), and ``BOOKMAKER_SERIAL`` is unset. Otherwise :func:`start`
returns None and the caller runs the job itself. The child gets everything by ``fork`` and sends
back, pickled through a pipe, the job's bytes or its exception, the warnings it appended and what
its sandbox blocked; the parent merges them in the order a serial build would have produced.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from bookmaker.errors import BuildError
from bookmaker.sandbox import Sandbox


def _safe() -> bool:
    return (
        hasattr(os, "fork")
        and not os.environ.get("BOOKMAKER_SERIAL")
        and threading.active_count() == 1
        and "weasyprint" not in sys.modules
    )


@dataclass(slots=True)
class Pending:
    """A job running in a child process."""

    pid: int
    fd: int
    warnings: list[str]
    mark: int  # len(warnings) when the child started
    sandbox: Sandbox

    def result(self) -> bytes:
        """Wait for the child; merge its warnings and blocked resources; return its bytes or raise."""
        with os.fdopen(self.fd, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not payload or os.waitstatus_to_exitcode(status) != 0:
            raise BuildError("EPUB writing failed: the writer process ended unexpectedly")
        ok, value, warnings, blocked, blocked_urls = pickle.loads(payload)
        self.warnings[self.mark : self.mark] = warnings
        later = [message for message in self.sandbox.blocked if message not in blocked]
        self.sandbox.blocked[:] = [*blocked, *later]
        self.sandbox.blocked_urls.update(blocked_urls)
        if not ok:
            raise value
        return value


def start(job: Callable[[], bytes], warnings: list[str], sandbox: Sandbox) -> Pending | None:
    """Start ``job`` (which may append to ``warnings`` and use ``sandbox``) in a child, if safe."""
    if not _safe():
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    mark = len(warnings)
    pid = os.fork()
    if pid == 0:  # child: run, report, and leave without running the parent's exit handlers
        status = 0
        try:
            os.close(read_fd)
            try:
                outcome: tuple[bool, object] = (True, job())
            except BaseException as exc:  # sent to the parent, which re-raises it
                outcome = (False, exc)
            report = (*outcome, warnings[mark:], sandbox.blocked, sandbox.blocked_urls)
            try:
                payload = pickle.dumps(report)
            except Exception:
                payload = pickle.dumps((False, BuildError(f"EPUB writing failed: {outcome[1]}"), *report[2:]))
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    return Pending(pid, read_fd, warnings, mark, sandbox)
