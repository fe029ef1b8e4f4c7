"""How a batch talks: a rich progress bar on a terminal, plain log lines otherwise, and a summary."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import IO, Any

from bookmaker.batch.task import Outcome
from bookmaker.messages import printable


@dataclass(slots=True)
class BatchReport:
    """The batch's result: counts, failures, time and each worker's peak memory."""

    total: int = 0
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, one-line error)
    warnings: int = 0
    seconds: float = 0.0
    peak_rss_kb: dict[str, int] = field(default_factory=dict)  # worker → its peak RSS

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def rate(self) -> float:
        """Articles built per second of wall time (skipped ones left out)."""
        return len(self.built) / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.built.append(outcome.name)
        else:
            self.failed.append((outcome.name, outcome.error or "failed"))
        self.warnings += len(outcome.warnings)
        if outcome.worker:
            known = self.peak_rss_kb.get(outcome.worker, 0)
            self.peak_rss_kb[outcome.worker] = max(known, outcome.peak_rss_kb)

    def headline(self) -> str:
        peak = max(self.peak_rss_kb.values(), default=0) / 1024
        return (
            f"{self.total} article(s): {len(self.built)} built, {len(self.skipped)} unchanged, "
            f"{len(self.failed)} failed in {self.seconds:.1f} s ({self.rate:.2f} articles/s); "
            f"{self.warnings} warning(s); peak RSS per worker {peak:.0f} MB "
            f"over {len(self.peak_rss_kb)} worker(s)"
        )


class Progress:
    """Per-article feedback: ``rich`` progress (articles done, rate, ETA) on a TTY, else one line each."""

    def __init__(self, total: int, stream: IO[str] | None = None, *, fancy: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.fancy = self.stream.isatty() if fancy is None else fancy
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.fancy:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self._bar = RichProgress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]:.2f} articles/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("batch", total=self.total, rate=0.0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

    def step(self, name: str, state: str, detail: str = "") -> None:
        """One article finished: ``state`` is built, unchanged or FAILED (names and details are
        shown with their control characters escaped, see :mod:`bookmaker.messages`)."""
        self.done += 1
        name, detail = printable(name), printable(detail)
        if self._bar is not None:
            elapsed = self._bar.tasks[0].elapsed or 0.0
            self._bar.update(self._task, advance=1, rate=self.done / elapsed if elapsed else 0.0)
            if state == "FAILED":
                from rich.markup import escape

                shown = f"[red]FAILED[/red] {escape(name)}: {escape(detail)}"
                self._bar.console.print(shown, markup=True, highlight=False)
            return
        width = len(str(self.total))
        suffix = f": {detail}" if detail else ""
        line = f"bookmaker: [{self.done:>{width}}/{self.total}] {state} {name}{suffix}"
        print(line, file=self.stream, flush=True)


def print_summary(report: BatchReport, stream: IO[str] | None = None, *, fancy: bool | None = None) -> None:
    """The headline and, when anything failed, a table of failures with their one-line errors."""
    out = stream or sys.stdout
    if fancy is None:
        fancy = out.isatty()
    if fancy:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        console = Console(file=out)
        console.print(report.headline(), highlight=False)
        if report.failed:
            table = Table(title="Failed articles", title_justify="left")
            table.add_column("input", style="bold")
            table.add_column("error", style="red")
            for name, error in report.failed:
                table.add_row(escape(printable(name)), escape(printable(error)))
            console.print(table)
        return
    print(report.headline(), file=out)
    if report.failed:
        rows = [(printable(name), printable(error)) for name, error in report.failed]
        width = max(len(name) for name, _ in rows)
        print(f"{'failed input':<{width}}  error", file=out)
        for name, error in rows:
            print(f"{name:<{width}}  {error}", file=out)
