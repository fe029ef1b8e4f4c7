"""``run_batch``: discover, skip what is unchanged, build the rest in parallel, write, summarize."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bookmaker.batch.cache import BuildCache, build_key, folder_digest, settings_fingerprint
from bookmaker.batch.inputs import discover, read_url_list, refusal, unique_slugs
from bookmaker.batch.report import BatchReport, Progress
from bookmaker.batch.task import Outcome, Task
from bookmaker.errors import BookmakerError, InputError, UsageError
from bookmaker.failures import write_error
from bookmaker.files import read_regular, too_big
from bookmaker.limits import DEFAULT, Limits
from bookmaker.pipeline import BuildOptions
from bookmaker.readers import read_input_bytes
from bookmaker.resources import templates_root
from bookmaker.writers.atomic import check_output_folder, remove_stale_parts, write_together

EXECUTORS = ("local", "dask")


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """How to run a batch (besides the per-article build options)."""

    jobs: int = 1
    executor: str = "local"
    scheduler: str | None = None
    archive: bool = False
    as_zip: bool = False
    encoding: str | None = None
    rules: Path | None = None
    limits: Limits = DEFAULT


def _fingerprint(options: BuildOptions, settings: BatchSettings, epoch: int | None) -> str:
    record = dataclasses.asdict(options)
    record.pop("pdf_attachments", None)
    record |= {
        "archive": settings.archive,
        "zip": settings.as_zip,
        "encoding": settings.encoding,
        "rules": file_digest_of(settings.rules),
        "epoch": epoch,
        "cover": file_digest_of(options.cover),
        "user_templates": folder_digest(options.templates) if options.templates else None,
    }
    return settings_fingerprint(record, templates_root())


def _outcomes(tasks: list[Task], settings: BatchSettings, options: BuildOptions) -> Iterator[Outcome]:
    from bookmaker.batch import executors

    if settings.executor == "dask":
        if not settings.scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
        return executors.dask_outcomes(tasks, settings.scheduler, options)
    return executors.local_outcomes(tasks, settings.jobs, options)


def file_digest_of(path: Path | None) -> str | None:
    """SHA-256 of a batch-wide input file (``--rules``, ``--cover``): regular and at most 20 MB."""
    if path is None:
        return None
    data = read_regular(path, 20 << 20, on_size=too_big(str(path), 20 << 20))
    return hashlib.sha256(data).hexdigest()


def _store(outcome: Outcome, out_dir: Path) -> dict[str, bytes]:
    """Write an outcome's files atomically (together); returns them by path relative to OUT_DIR."""
    from bookmaker.archive.bundle import write_folder

    if outcome.folder is not None:
        write_folder(outcome.files, out_dir / outcome.folder)
        return {f"{outcome.folder}/{name}": data for name, data in outcome.files.items()}
    write_together({out_dir / name: data for name, data in outcome.files.items()})
    return dict(outcome.files)


def _unclashed(outcome: Outcome, written: set[str]) -> Outcome:
    """``outcome`` with a short hash of its URL added to its file names when another article of
    this batch already took them."""
    if not written.intersection(outcome.files):
        return outcome
    tag = hashlib.sha256(outcome.name.encode("utf-8")).hexdigest()[:8]
    slug = f"{outcome.slug}-{tag}"
    outcome.files = {name.replace(outcome.slug, slug, 1): data for name, data in outcome.files.items()}
    outcome.slug = slug
    return outcome


def _key(path: Path, input_dir: Path, fingerprint: str, limits: Limits) -> str:
    """The cache key of the input ``path``: its bytes (a regular file within the limits, not a
    link out of INPUT_DIR) and the settings; an input that may not be read raises InputError."""
    why = refusal(path, input_dir)
    if why is not None:
        raise InputError(why)
    return build_key(read_input_bytes(path, limits), fingerprint)


def run_batch(
    input_dir: Path,
    out_dir: Path,
    options: BuildOptions,
    settings: BatchSettings,
    *,
    epoch: int,
    pinned_epoch: bool,
    progress: Progress | None = None,
) -> BatchReport:
    """Build every article under ``input_dir`` into ``out_dir``; failures are reported, not raised.

    ``epoch`` is the build clock for every article; ``pinned_epoch`` says it came from
    ``SOURCE_DATE_EPOCH`` (then it is part of the cache key, else outputs dated earlier still count).
    """
    if settings.executor not in EXECUTORS:
        raise UsageError(f"--executor takes one of {', '.join(EXECUTORS)}; got {settings.executor!r}")
    if settings.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {settings.jobs}")
    started = time.perf_counter()
    urls = read_url_list(input_dir) if input_dir.is_file() else []  # INPUT_DIR may be a list of URLs
    if urls and settings.archive:
        raise UsageError("--archive builds a folder of article files, not a list of URLs")
    inputs = [] if urls else discover(input_dir)
    slugs = unique_slugs(inputs, input_dir)
    check_output_folder(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(out_dir, exc) from None
    remove_stale_parts(out_dir)  # what a killed batch left
    cache = BuildCache.open(out_dir)
    fingerprint = _fingerprint(options, settings, epoch if pinned_epoch else None)
    report = BatchReport(total=len(inputs) + len(urls))
    progress = progress or Progress(report.total)

    def task(source: str, name: str, slug: str) -> Task:
        return Task(
            source=source,
            name=name,
            slug=slug,
            options=options,
            epoch=epoch,
            archive=settings.archive,
            as_zip=settings.as_zip,
            encoding=settings.encoding,
            rules=str(settings.rules) if settings.rules else None,
            limits=settings.limits,
        )

    tasks: list[Task] = [task(url, url, "") for url in urls]  # fetched anew each run: no cache
    keys: dict[str, str] = {}
    written: set[str] = set()
    with progress:
        for path in inputs:
            name = path.relative_to(input_dir).as_posix()
            try:
                keys[name] = _key(path, input_dir, fingerprint, settings.limits)
            except InputError as exc:
                message = str(exc).removeprefix(f"{path}: ").removeprefix(f"{path.name}: ")
                report.failed.append((name, message))
                progress.step(name, "FAILED", message)
                continue
            if cache.is_fresh(name, keys[name], out_dir):
                report.skipped.append(name)
                progress.step(name, "unchanged")
                continue
            tasks.append(task(str(path), name, slugs[path]))
        for outcome in _outcomes(tasks, settings, options) if tasks else ():
            if outcome.ok:
                try:
                    if outcome.name in keys:
                        stored = _store(outcome, out_dir)
                        cache.record(outcome.name, keys[outcome.name], stored, outcome.references)
                    else:  # a URL's article, named after its title: never over another output
                        stored = _store(_unclashed(outcome, written), out_dir)
                    written.update(stored)
                except (OSError, BookmakerError) as exc:
                    outcome.error = f"cannot write outputs: {exc}"
            if not outcome.ok:
                cache.forget(outcome.name)
            cache.save()  # after every article: a killed batch keeps what it finished
            report.add(outcome)
            state = "built" if outcome.ok else "FAILED"
            noted = f"{len(outcome.warnings)} warning(s)" if outcome.warnings else ""
            progress.step(outcome.name, state, outcome.error or noted)
    report.seconds = time.perf_counter() - started
    return report
