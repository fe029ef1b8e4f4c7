"""One article's build as data in, data out: what a worker process (or Dask worker) runs.

``run_task`` never raises: a failure comes back as an :class:`Outcome` with a one-line error.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from bookmaker.collector import after_document, for_rendering
from bookmaker.fetch.policy import is_url
from bookmaker.limits import DEFAULT, Limits
from bookmaker.pipeline import BuildOptions

if TYPE_CHECKING:
    from bookmaker.ir import Document


@dataclass(frozen=True, slots=True)
class Task:
    """What to build: an input, its output slug, the options and the pinned build clock."""

    source: str  # the input path (workers must see the same file system as the client), or a URL
    name: str  # the input's path relative to INPUT_DIR (cache key, reports)
    slug: str
    options: BuildOptions
    epoch: int  # SOURCE_DATE_EPOCH for every article of the batch
    archive: bool = False
    as_zip: bool = False
    encoding: str | None = None
    rules: str | None = None
    limits: Limits = DEFAULT


@dataclass(slots=True)
class Outcome:
    """What came back: output bytes (paths relative to OUT_DIR) or an error, with timing and memory."""

    name: str
    slug: str
    files: dict[str, bytes] = field(default_factory=dict)
    folder: str | None = None  # archive folder bundles: ``files`` are paths inside this folder
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    references: dict[str, str | None] = field(default_factory=dict)
    """The local files the article's figures name, with their SHA-256 (None: missing)."""
    seconds: float = 0.0
    worker: str = ""
    peak_rss_kb: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


def start_worker(options: BuildOptions, parent: int) -> None:
    """A local pool worker's start: end with the batch (SIGKILL or SIGTERM of ``parent``),
    leave Ctrl-C to the batch, :func:`warm_up`, then set the garbage collector for rendering
    (:mod:`bookmaker.collector`)."""
    import signal

    import bookmaker.writers.weasyprint_engine  # noqa: F401  (a process of our own: see the module)
    from bookmaker.lifeline import end_with_parent

    end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the batch reports it; a worker just ends
    warm_up(options)
    for_rendering()


def warm_up(options: BuildOptions | None = None) -> None:
    """Load fonts, templates, WeasyPrint and ebooklib once per worker by building a tiny article.

    Any error is ignored here (a failing initializer would break the whole pool): the real
    articles meet it again and report it, one line each.
    """
    import contextlib

    from bookmaker.archive.versions import tool_versions
    from bookmaker.ir import Document, Meta, Paragraph, text_runs
    from bookmaker.pipeline import build

    doc = Document(
        meta=Meta(title="준비"), blocks=[Paragraph(content=text_runs("글꼴과 틀을 미리 읽어 둡니다."))]
    )
    chosen = options or BuildOptions()
    with contextlib.suppress(Exception), tempfile.TemporaryDirectory(prefix="bookmaker-") as scratch:
        build(doc, Path(scratch), "warm-up", chosen, source_dirs=(Path(scratch),))
        tool_versions()


def references(doc: Document, folder: Path) -> dict[str, str | None]:
    """The local files ``doc``'s figures name (relative ones against ``folder``), with their SHA-256."""
    from bookmaker.batch.cache import file_digest
    from bookmaker.ir import Figure

    base = folder.resolve().as_uri() + "/"
    found: dict[str, str | None] = {}
    for block in doc.blocks:
        if isinstance(block, Figure) and block.src:
            parts = urlsplit(urljoin(base, block.src))
            if parts.scheme == "file":
                found[unquote(parts.path)] = file_digest(Path(unquote(parts.path)))
    return found


def _renditions(task: Task, path: Path) -> Outcome:
    from bookmaker.pipeline import archival, build, load

    rules = Path(task.rules) if task.rules else None
    doc = load(path, encoding=task.encoding, rules=rules, limits=task.limits)
    options = archival(task.options, path, doc, task.slug, task.limits)  # a PDF/A-3b carries its source
    with tempfile.TemporaryDirectory(prefix="bookmaker-batch-") as scratch:
        result = build(doc, Path(scratch), task.slug, options, source_dirs=(path.parent,))
        files = {out.name: out.read_bytes() for out in result.outputs}
    return Outcome(
        task.name, task.slug, files=files, warnings=result.warnings, references=references(doc, path.parent)
    )


def _fetched_renditions(task: Task) -> Outcome:
    """A URL's article: fetched and built (:func:`bookmaker.pipeline.build_url`), named after its title."""
    from bookmaker.pipeline import build_url

    rules = Path(task.rules) if task.rules else None
    with tempfile.TemporaryDirectory(prefix="bookmaker-batch-") as scratch:
        result = build_url(
            task.source, Path(scratch), task.options, encoding=task.encoding, rules=rules, limits=task.limits
        )
        files = {out.name: out.read_bytes() for out in result.outputs}
    slug = result.outputs[0].stem if result.outputs else task.slug
    return Outcome(task.name, slug, files=files, warnings=result.warnings)


def _bundle(task: Task, path: Path) -> Outcome:
    from bookmaker.archive.bundle import assemble, zip_bytes
    from bookmaker.ir import from_json

    rules = Path(task.rules) if task.rules else None
    bundle = assemble(path, task.slug, task.options, encoding=task.encoding, rules=rules, limits=task.limits)
    used = references(from_json(bundle.files[f"{task.slug}.ir.json"]), path.parent)
    if task.as_zip:
        files = {f"{task.slug}.zip": zip_bytes(bundle)}
        return Outcome(task.name, task.slug, files=files, warnings=bundle.warnings, references=used)
    return Outcome(
        task.name, task.slug, files=bundle.files, folder=task.slug, warnings=bundle.warnings, references=used
    )


def run_task(task: Task) -> Outcome:
    """Build one article; errors are returned, never raised."""
    from bookmaker.failures import explain

    started = time.perf_counter()
    os.environ["SOURCE_DATE_EPOCH"] = str(task.epoch)
    try:
        path = Path(task.source)
        if is_url(task.source):
            outcome = _fetched_renditions(task)
        else:
            outcome = _bundle(task, path) if task.archive else _renditions(task, path)
    except Exception as exc:  # a bad input, a full disk, a bug: one line, never the batch's end
        known = explain(exc)
        if known is None:
            message = f"internal error: {type(exc).__name__}: {exc}"
        else:
            message = str(known).removeprefix(f"{task.source}: ").removeprefix(f"{Path(task.source).name}: ")
        outcome = Outcome(task.name, task.slug, error=message)
    outcome.seconds = time.perf_counter() - started
    outcome.worker = f"{os.uname().nodename}:{os.getpid()}"
    outcome.peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    after_document()
    return outcome
