"""Where the tasks run: local worker processes (concurrent.futures) or a Dask distributed cluster.

Both yield :class:`Outcome` objects as they finish; a task whose worker died comes back as a failed
outcome, so one article can never stop the batch.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool

from bookmaker.batch.task import Outcome, Task, run_task, start_worker, warm_up
from bookmaker.errors import UsageError
from bookmaker.pipeline import BuildOptions

MAX_ATTEMPTS = 2  # a task in flight when a worker process died is tried once more in a fresh pool


def local_outcomes(tasks: Sequence[Task], jobs: int, options: BuildOptions) -> Iterator[Outcome]:
    """Run ``tasks`` in ``jobs`` worker processes, each warmed up once by :func:`warm_up` and ending
    with this process (:func:`start_worker`)."""
    attempts = dict.fromkeys(range(len(tasks)), 0)
    pending = list(range(len(tasks)))
    while pending:
        retry: list[int] = []
        with cf.ProcessPoolExecutor(
            max_workers=jobs, initializer=start_worker, initargs=(options, os.getpid())
        ) as pool:
            futures = {pool.submit(run_task, tasks[index]): index for index in pending}
            for future in cf.as_completed(futures):
                index = futures[future]
                try:
                    yield future.result()
                except BrokenProcessPool:
                    attempts[index] += 1
                    if attempts[index] < MAX_ATTEMPTS:
                        retry.append(index)
                    else:
                        yield Outcome(tasks[index].name, tasks[index].slug, error="the worker process died")
        pending = sorted(retry)


def dask_outcomes(tasks: Sequence[Task], scheduler: str, options: BuildOptions) -> Iterator[Outcome]:
    """Run ``tasks`` on the Dask cluster at ``scheduler`` (workers must see the input and fonts)."""
    try:
        from distributed import Client, WorkerPlugin, as_completed
    except ImportError:
        raise UsageError("--executor dask needs dask.distributed: pip install 'bookmaker[dask]'") from None

    class WarmUp(WorkerPlugin):
        """Warm each worker's fonts and templates once, when it joins."""

        name = "bookmaker-warm-up"

        def setup(self, worker: object) -> None:
            warm_up(options)

    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        client.register_plugin(WarmUp())
        futures = {client.submit(run_task, task, pure=False): task for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # KilledWorker, lost connection, …: the task failed, not the batch
                yield Outcome(task.name, task.slug, error=f"Dask: {type(exc).__name__}: {exc}")
            finally:
                future.release()
