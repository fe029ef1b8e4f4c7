"""Where a book's parts are rendered: local worker processes or a Dask cluster.

Both run the same picklable jobs (:mod:`bookmaker.chunked.work`) and hand the results back as they
finish; the joined PDF never depends on that order, so both give the same bytes.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
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
"""Parts a local worker renders before a fresh one takes its place: WeasyPrint and its libraries
do not give all their memory back, and a worker's memory should not grow with the book."""


class LocalPool:
    """``workers`` processes started from a fork server (each imports WeasyPrint; none holds the
    parent's memory), each replaced after :data:`TASKS_PER_WORKER` parts."""

    def __init__(self, workers: int) -> None:
        from bookmaker.chunked.work import warm_up

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bookmaker.chunked.work"])
        self._executor = cf.ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=warm_up, max_tasks_per_child=TASKS_PER_WORKER
        )

    def submit(self, function: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]:
        return self._results([self._executor.submit(function, job) for job in jobs])

    @staticmethod
    def _results(futures: list[cf.Future[R]]) -> Iterator[R]:
        try:
            for future in cf.as_completed(futures):
                try:
                    yield future.result()
                except cf.process.BrokenProcessPool:
                    raise BuildError("a PDF worker process died (out of memory?)") from None
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


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
