"""The same batch on a Dask LocalCluster gives the same bytes as local worker processes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bookmaker.batch.report import Progress
from bookmaker.batch.runner import BatchSettings, run_batch
from bookmaker.pipeline import BuildOptions
from tests.batch.conftest import EPOCH, SMALL

distributed = pytest.importorskip("distributed")


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def test_dask_run_equals_local_run_byte_for_byte(
    input_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    (input_dir / "broken.json").write_text('{"meta": 1}', encoding="utf-8")
    options = BuildOptions()  # EPUB and PDF
    local = run_batch(
        input_dir,
        tmp_path / "local",
        options,
        BatchSettings(jobs=2),
        epoch=EPOCH,
        pinned_epoch=True,
        progress=Progress(0, io.StringIO(), fancy=False),
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = run_batch(
            input_dir,
            tmp_path / "dask",
            options,
            BatchSettings(executor="dask", scheduler=cluster.scheduler_address),
            epoch=EPOCH,
            pinned_epoch=True,
            progress=Progress(0, io.StringIO(), fancy=False),
        )
    assert sorted(remote.built) == sorted(local.built) == sorted(f"{name}.json" for name in SMALL)
    assert dict(remote.failed).keys() == dict(local.failed).keys() == {"broken.json"}
    assert len(remote.peak_rss_kb) == 2  # both Dask workers took articles
    local_files, dask_files = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert sorted(local_files) == sorted(f"{n}.{ext}" for n in SMALL for ext in ("epub", "pdf"))
    assert dask_files == local_files


def test_dask_without_scheduler_is_a_usage_error(input_dir: Path, tmp_path: Path) -> None:
    from tests.conftest import run_cli

    proc = run_cli("batch", input_dir, "-o", tmp_path / "out", "--executor", "dask")
    assert proc.returncode == 2
    assert proc.stderr.startswith("bookmaker: error: --executor dask needs --scheduler")
