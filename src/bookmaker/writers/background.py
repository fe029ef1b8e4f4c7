"""Work in a forked child while the parent renders the PDF (two cores, one wall clock).

Only when it is safe: ``os.fork`` exists, the process has one thread and has not loaded WeasyPrint
(Pango and fontconfig start threads), and ``BOOKMAKER_SERIAL`` is unset. Otherwise the starters
return None and the caller does the work itself. A job that saves less than a fork costs (the
EPUB-only build) asks :func:`idle_core` first.

:func:`fork` is the primitive: the child runs a job that sends pickled messages through a pipe,
and the parent receives them in order from a :class:`Channel`. :func:`start` runs one job that
returns bytes (the EPUB writer) and merges what it warned and what its sandbox blocked back into
the parent's lists, in the order a serial build would have produced them.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import BinaryIO

import msgspec

from bookmaker.errors import BuildError
from bookmaker.sandbox import Sandbox

Send = Callable[[object], None]


def _safe() -> bool:
    return (
        hasattr(os, "fork")
        and not os.environ.get("BOOKMAKER_SERIAL")
        and threading.active_count() == 1
        and "weasyprint" not in sys.modules
    )


def _cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def idle_core() -> bool:
    """True when a second CPU is likely worth having right now: this process may run on two or
    more (on one, a job that only saves wall time beside its parent is pure overhead), and (where
    Linux tells, in ``/proc/loadavg``) no more tasks runnable at this moment, this one included, than
    CPUs. (Two CPUs and one other busy task: parent and child still get ~1.3 CPUs between them;
    two other busy tasks: the fork's extra CPU time makes the build slower than a serial one.)

    ``BOOKMAKER_FORK=1`` says yes whatever the machine (tests of the forked paths).
    """
    if os.environ.get("BOOKMAKER_FORK"):
        return True
    cpus = _cpus()
    if cpus < 2:
        return False
    try:
        with open("/proc/loadavg", "rb") as info:
            runnable = int(info.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return True
    return runnable <= cpus


def picklable(exc: BaseException, what: str) -> BaseException:
    """``exc`` itself when it survives pickling, else a :class:`BuildError` carrying its message."""
    try:
        pickle.dumps(exc)
    except Exception:
        return BuildError(f"{what} failed: {exc}")
    return exc


class Channel:
    """The parent's end of a forked job: its messages in the order sent."""

    def __init__(self, pid: int, fd: int, what: str) -> None:
        self.pid = pid
        self.what = what
        self._pipe: BinaryIO | None = os.fdopen(fd, "rb")

    def receive(self) -> object:
        """The next message; a :class:`BuildError` if the child ended without sending it."""
        if self._pipe is None:
            raise BuildError(f"{self.what} failed: the worker process is gone")
        try:
            return pickle.load(self._pipe)
        except Exception:  # EOF or a torn message: the child died
            self.close(kill=True)
            raise BuildError(f"{self.what} failed: the worker process ended unexpectedly") from None

    def close(self, *, kill: bool = False) -> int:
        """Wait for the child (killing it first when ``kill``); its exit code."""
        if self._pipe is None:
            return 0
        self._pipe.close()
        self._pipe = None
        if kill:
            import signal  # here, not at the top: a serial build never forks (~0.5 ms)

            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def _keep_caches() -> None:
    """Save the compiled patterns new to :mod:`bookmaker.recache` (its exit handler never runs
    in a child); before each message, as the parent may kill the child once it has the last."""
    recache = sys.modules.get("bookmaker.recache")
    if recache is not None:
        recache.save()


def fork(job: Callable[[Send], None], what: str) -> Channel | None:
    """Run ``job(send)`` in a child process, if safe; ``send`` pickles one message to the parent.

    The job reports its own failures as messages; the child leaves without running the parent's
    exit handlers (what :mod:`bookmaker.recache` learned is saved before each message instead).
    """
    if not _safe():
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            os.close(read_fd)
            with os.fdopen(write_fd, "wb") as pipe:

                def send(message: object) -> None:
                    _keep_caches()
                    pipe.write(pickle.dumps(message))  # whole, or not at all
                    pipe.flush()

                job(send)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    return Channel(pid, read_fd, what)


def merge_blocked(sandbox: Sandbox, blocked: list[str], blocked_urls: set[str]) -> None:
    """Put a child's blocked resources before those ``sandbox`` met itself since the fork."""
    later = [message for message in sandbox.blocked if message not in blocked]
    sandbox.blocked[:] = [*blocked, *later]
    sandbox.blocked_urls.update(blocked_urls)


# msgspec.Struct rather than a dataclass: defined at import in ~20 µs instead of ~0.4 ms
class Pending(msgspec.Struct):
    """A job started by :func:`start`."""

    channel: Channel
    warnings: list[str]
    mark: int  # len(warnings) when the child started
    sandbox: Sandbox

    def result(self) -> bytes:
        """Wait for the child; merge its warnings and blocked resources; return its bytes or raise."""
        report = self.channel.receive()
        if self.channel.close() != 0:
            raise BuildError(f"{self.channel.what} failed: the worker process ended unexpectedly")
        ok, value, warnings, blocked, blocked_urls = report  # type: ignore[misc]
        self.warnings[self.mark : self.mark] = warnings
        merge_blocked(self.sandbox, blocked, blocked_urls)
        if not ok:
            raise value
        return value


def start(job: Callable[[], bytes], warnings: list[str], sandbox: Sandbox) -> Pending | None:
    """Start ``job`` (which may append to ``warnings`` and use ``sandbox``) in a child, if safe."""
    mark = len(warnings)

    def run(send: Send) -> None:
        try:
            outcome: tuple[bool, object] = (True, job())
        except BaseException as exc:  # sent to the parent, which re-raises it
            outcome = (False, picklable(exc, "EPUB writing"))
        send((*outcome, warnings[mark:], sandbox.blocked, sandbox.blocked_urls))

    channel = fork(run, "EPUB writing")
    return None if channel is None else Pending(channel, warnings, mark, sandbox)
