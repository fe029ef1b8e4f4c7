"""How a chunked build shows its progress: a ``rich`` bar on a terminal (parts laid out, parts and
pages rendered, ETA), plain lines otherwise, nothing with ``-q``; only once the build has taken
:data:`AFTER` seconds, so a quick build stays silent."""

from __future__ import annotations

import sys
import time
from typing import IO, Any

AFTER = 1.0
"""Seconds before anything is shown."""


class BuildProgress:
    """A :data:`bookmaker.chunked.render.Report` that draws or prints (use as a context manager)."""

    def __init__(
        self, stream: IO[str] | None = None, *, fancy: bool | None = None, quiet: bool = False
    ) -> None:
        self.stream = stream or sys.stderr
        self.fancy = self.stream.isatty() if fancy is None else fancy
        self.quiet = quiet
        self.started = time.monotonic()
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, stage: str, done: int, total: int, pages: int = 0) -> None:
        if self.quiet or time.monotonic() - self.started < AFTER:
            return
        if not self.fancy:
            extra = f", {pages} pages" if pages else ""
            print(f"bookmaker: PDF: {stage} {done}/{total}{extra}", file=self.stream, flush=True)
            return
        bar = self._start()
        if stage not in self._tasks:
            self._tasks[stage] = bar.add_task(stage, total=total)
        label = f"{stage} ({pages} pages)" if pages else stage
        bar.update(self._tasks[stage], completed=done, total=total, description=label)

    def _start(self) -> Any:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("[bold]PDF[/bold] {task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream, force_terminal=True),
                transient=True,
            )
            self._bar.start()
        return self._bar
