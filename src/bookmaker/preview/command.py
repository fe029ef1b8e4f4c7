"""``bookmaker preview ARTICLE``: serve the renditions on 127.0.0.1 and rebuild them on each change
of the article, the ``--templates`` folder or the ``--rules`` file (watchfiles).

The process stays warm (WeasyPrint imported once, fonts and parsed stylesheets cached), so a
rebuild costs only the work an edit needs; the EPUB is shown first, the PDF follows.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from bookmaker import limits
from bookmaker.errors import BookmakerError, BuildError, UsageError
from bookmaker.messages import printable
from bookmaker.preview.rendition import Source
from bookmaker.preview.server import PreviewServer, State

STEP_MS = 30  # watchfiles: a burst of changes is over after this long without another


def add_parser(commands: Any) -> None:
    """Register ``preview`` and its options."""
    parser = commands.add_parser(
        "preview",
        help="serve the EPUB and PDF of an article on 127.0.0.1, rebuilt whenever it is edited",
        description="Example: bookmaker preview article.md --templates my/ --port 8000",
    )
    parser.add_argument(
        "file", type=Path, help="the article: text, HTML, saved page (.mhtml, .eml), Markdown or IR JSON"
    )
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--theme", help="book (default), newspaper, report")
    parser.add_argument("--templates", type=Path, metavar="DIR", help="your templates (watched too)")
    parser.add_argument("--page-size", help="PDF page preset (default: the theme's)")
    parser.add_argument(
        "--set", dest="settings", action="append", default=[], metavar="KEY=VALUE", help="a design knob"
    )
    parser.add_argument("--encoding", help="source encoding (default: detected)")
    parser.add_argument("--rules", type=Path, help="TOML file of extra normalization patterns (watched too)")
    limits.add_arguments(parser)


class Preview:
    """The renditions of one article, served and kept up to date."""

    def __init__(self, source: Source, *, port: int = 0, log: TextIO | None = None) -> None:
        self.source = source
        self.state = State()
        self.log = log or sys.stderr
        try:
            self.server = PreviewServer(self.state, port)
        except OSError as exc:
            raise UsageError(f"--port {port}: cannot serve on 127.0.0.1 ({exc.strerror or exc})") from None
        self._serving: threading.Thread | None = None
        self._fonts = contextlib.ExitStack()

    @property
    def url(self) -> str:
        """The page's address."""
        return self.server.url

    def start(self) -> None:
        """Build once, then serve (in a thread of its own)."""
        from bookmaker.fonts.weasyprint_adapter import fonts_kept

        self._fonts.enter_context(fonts_kept())  # the PDF's fonts are those of the last rebuild, mostly
        self.rebuild()
        self._serving = threading.Thread(target=self.server.serve_forever, name="preview-server", daemon=True)
        self._serving.start()

    def rebuild(self) -> None:
        """Make the EPUB rendition and show it, then the PDF's; a failure is shown over the last good ones."""
        try:
            doc, epub = self.source.epub()
            self.state.publish(epub=epub)
            pdf = self.source.pdf(doc)
            self.state.publish(pdf=pdf)
        except Exception as exc:  # the page and the console say what went wrong; the preview goes on
            message = _one_line(exc)
            self.state.publish(error=message)
            print(f"bookmaker: error: {printable(message)}", file=self.log, flush=True)
            return
        for warning in dict.fromkeys([*epub.warnings, *pdf.warnings]):
            print(f"bookmaker: warning: {printable(warning)}", file=self.log)
        print(f"rebuilt: EPUB {epub.millis:.0f} ms, PDF {pdf.millis:.0f} ms", file=self.log, flush=True)

    def watched(self) -> tuple[list[Path], list[Path]]:
        """(folders to watch, the files and folders in them whose changes count)."""
        options = self.source.options
        targets = [self.source.path, *(p for p in (options.templates, self.source.rules) if p is not None)]
        targets = [target.resolve() for target in targets]
        folders = [target if target.is_dir() else target.parent for target in targets]
        return list(dict.fromkeys(folders)), targets

    def watch(self, stop: threading.Event | None = None) -> None:
        """Rebuild on every change until ``stop`` is set (or Ctrl-C)."""
        import watchfiles

        folders, targets = self.watched()

        def counts(_: watchfiles.Change, name: str) -> bool:
            path = Path(name).resolve()
            return any(path == target or target in path.parents for target in targets)

        for _ in watchfiles.watch(*folders, watch_filter=counts, step=STEP_MS, stop_event=stop):
            self.rebuild()

    def close(self) -> None:
        """Stop serving and end the open event streams."""
        self.state.close()
        if self._serving is not None:
            self.server.shutdown()
        self.server.server_close()
        self._fonts.close()


def _one_line(exc: Exception) -> str:
    if isinstance(exc, BookmakerError):
        return str(exc)
    from bookmaker.failures import explain

    return str(explain(exc) or BuildError(f"internal error: {type(exc).__name__}: {exc}"))


def run(args: argparse.Namespace) -> int:
    """``bookmaker preview``: serve until Ctrl-C, then exit 0."""
    from bookmaker.layout.style import parse_assignments
    from bookmaker.pipeline import BuildOptions, check_input, style_for

    check_input(args.file)
    options = BuildOptions(
        page_size=args.page_size,
        theme=args.theme,
        templates=args.templates,
        settings=tuple(parse_assignments(args.settings).items()),
    )
    style_for(None, options)  # reject bad design options before serving
    source = Source(
        args.file, options, encoding=args.encoding, rules=args.rules, limits=limits.from_arguments(args)
    )
    preview = Preview(source, port=args.port)
    with _stop_on_interrupt() as stop:
        try:
            preview.start()
            if not stop.is_set():
                print(f"preview of {args.file} at {preview.url} (Ctrl-C ends it)", flush=True)
                preview.watch(stop)
        finally:
            preview.close()
    print("bookmaker: preview stopped", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _stop_on_interrupt() -> Iterator[threading.Event]:
    """Ctrl-C (or SIGTERM) sets the event the watch loop checks instead of raising.

    A ``KeyboardInterrupt`` raised while the main thread is inside an import is swallowed by
    importlib ("Exception ignored in … _get_module_lock"), which left the preview running.
    """
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
