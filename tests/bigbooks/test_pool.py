"""The local pool renews its workers without losing a part (CPython's max_tasks_per_child hangs)."""

from __future__ import annotations

import operator
import threading

import pytest

from bookmaker.chunked import pool


def test_parts_past_several_generations_of_workers_all_come_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "TASKS_PER_WORKER", 2)
    local = pool.LocalPool(1)
    results: list[int] = []

    def run() -> None:
        results.extend(local.submit(operator.neg, list(range(9))))

    worker = threading.Thread(target=run, daemon=True)
    try:
        worker.start()
        worker.join(300)  # a guard against the hang this test is about, not a timing check
        assert not worker.is_alive(), "the pool stopped giving results"
    finally:
        local.close()
    assert sorted(results) == [-n for n in reversed(range(9))]
    assert len(local._executors) == 5  # 9 parts, 2 per generation of one worker
