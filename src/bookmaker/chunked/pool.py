"""Where a book's parts are rendered: local worker processes or a Dask cluster.

Both run the same picklable jobs (:mod:`bookmaker.chunked.work`) and hand the results back as they
finish; the joined PDF never depends on that order, so both give the same bytes.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from bookmaker.errors import BuildError

J = TypeVar("J")
R = TypeVar("R")


class Pool(Protocol):
    """Runs jobs somewhere; :meth:`submit` returns at once, iterating gives results as they finish."""

    def submit(self, function: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]: ...

    def close(self) -> None: ...


class LocalPool:
    """``workers`` processes started from a fork server (each imports WeasyPrint once; none holds
    the parent's memory), kept for the whole book."""

    def __init__(self, workers: int) -> None:
        from bookmaker.chunked.work import warm_up

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bookmaker.chunked.work"])
        self._executor = cf.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up)

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
        from bookmaker.batch.executors import dask_client

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
