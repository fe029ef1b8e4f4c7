"""Where a book's parts are rendered: local worker processes or a Dask cluster.

Both run the same picklable jobs (:mod:`bookmaker.chunked.work`) and hand the results back as they
finish; the joined PDF never depends on that order, so both give the same bytes.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from bookmaker.errors import BuildError, UsageError

J = TypeVar("J")
R = TypeVar("R")


def dask_client(scheduler: str) -> Any:
    """A client of the Dask cluster at ``scheduler`` (a book's parts here, a batch's articles in
    :mod:`bookmaker.batch.executors`); a missing package or an unreachable scheduler is a usage
    error."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--executor dask needs dask.distributed: pip install 'bookmaker[dask]'") from None
    try:
        return Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


class Pool(Protocol):
    """Runs jobs somewhere; :meth:`submit` returns at once, iterating gives results as they finish."""

    def submit(self, function: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]: ...

    def close(self) -> None: ...


TASKS_PER_WORKER = 12
"""Parts a generation of local workers renders per worker before a fresh generation takes over:
WeasyPrint and its libraries do not give all their memory back, and a worker's memory should not
grow with the book."""


class LocalPool:
    """``workers`` processes started from a fork server (which imports WeasyPrint once for all of
    them; none holds the parent's memory). At most ``workers`` parts are in flight at a time; after
    ``workers`` × :data:`TASKS_PER_WORKER` parts a new executor takes the next ones and the old one
    ends once its parts are done.

    Not ``ProcessPoolExecutor(max_tasks_per_child=...)``: on Python 3.11–3.13 an executor with a
    backlog stops replacing the workers that reach their limit and hangs (CPython gh-115634).
    """

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._slots = threading.Semaphore(workers)
        self._lock = threading.Lock()
        self._executors: list[cf.ProcessPoolExecutor] = []
        self._given = 0
        self._closed = False

    def _executor(self) -> cf.ProcessPoolExecutor:
        """The executor for the next part (a new generation every ``workers`` × TASKS_PER_WORKER)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the pool is closed")
            if not self._executors or self._given >= self._workers * TASKS_PER_WORKER:
                if self._executors:
                    self._executors[-1].shutdown(wait=False)  # its workers end after their parts
                from bookmaker.chunked.work import WORKER_MODULES, warm_up

                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(list(WORKER_MODULES))
                self._executors.append(
                    cf.ProcessPoolExecutor(max_workers=self._workers, mp_context=context, initializer=warm_up)
                )
                self._given = 0
            self._given += 1
            return self._executors[-1]

    def submit(self, function: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]:
        finished: queue.SimpleQueue[cf.Future[R]] = queue.SimpleQueue()

        def done(future: cf.Future[R]) -> None:
            self._slots.release()
            finished.put(future)

        def feed() -> None:
            for job in jobs:
                self._slots.acquire()
                if self._closed:
                    self._slots.release()
                    return
                try:
                    future = self._executor().submit(function, job)
                except Exception as exc:  # a broken or shut down executor: this part fails
                    future = cf.Future()
                    future.set_exception(exc)
                future.add_done_callback(done)

        threading.Thread(target=feed, name="bookmaker-parts", daemon=True).start()
        return self._results(finished, len(jobs))

    @staticmethod
    def _results(finished: queue.SimpleQueue[cf.Future[R]], count: int) -> Iterator[R]:
        for _ in range(count):
            try:
                yield finished.get().result()
            except cf.process.BrokenProcessPool:
                raise BuildError("a PDF worker process died (out of memory?)") from None

    def close(self) -> None:
        with self._lock:
            self._closed = True  # no executor is made after this
        self._slots.release(self._workers)  # a feeder waiting for a slot sees the pool closed
        for executor in self._executors:
            executor.shutdown(wait=True, cancel_futures=True)


class DaskPool:
    """The workers of the Dask cluster at ``scheduler`` (they must see the fonts and the inputs at
    the same paths); results come back as values."""

    def __init__(self, scheduler: str) -> None:
        self._client = dask_client(scheduler)

    def submit(self, function: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]:
        return self._results([self._client.submit(function, job, pure=False) for job in jobs])

    @staticmethod
    def _results(futures: list[Any]) -> Iterator[R]:
        from distributed import as_completed

        for future in as_completed(futures):
            try:
                yield future.result()
            except BuildError:
                raise
            except Exception as exc:  # KilledWorker, lost connection, …
                raise BuildError(f"Dask: {type(exc).__name__}: {exc}") from None
            finally:
                future.release()

    def close(self) -> None:
        self._client.close()
