"""The PDF rendered in a forked child, so that WeasyPrint's import (~0.4 s, the longest step of a
whole build) runs while this process reads the article, writes the EPUB and sets the print lines.

:func:`start` forks when that is safe: ``os.fork`` exists, this process runs one thread and has not
imported WeasyPrint (Pango and fontconfig start threads of their own). The ``build`` command starts
the child before it reads the article and :func:`bookmaker.pipeline.build` claims it; other callers
(the API, batch workers, archives of many articles) render in their own process, where WeasyPrint
is loaded once for all their builds.
The child imports WeasyPrint, waits for a :class:`Request` (the print HTML and how to render it),
renders it and sends back a :class:`Reply`: the PDF, the warnings and what the sandbox refused.
Messages are msgspec structs on pipes. The result is the one rendering in this process gives, which
is what happens when forking is not possible, and when the child is lost.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import sys
import threading
from datetime import datetime
from pathlib import Path

import msgspec

from bookmaker.errors import BuildError
from bookmaker.fonts.subsetting import FontSubset, pdf_subsets
from bookmaker.lifeline import end_with_parent
from bookmaker.sandbox import Sandbox
from bookmaker.writers import Written
from bookmaker.writers.pdf_attachments import PdfAttachment

_LENGTH = struct.Struct(">Q")


class Request(msgspec.Struct, kw_only=True):
    """One render: :func:`bookmaker.writers.pdf.render_html`'s arguments, the sandbox as its rules."""

    html: str
    identifier: bytes
    created: datetime
    theme: str
    variant: str | None
    roots: list[str]
    allow_remote: bool
    refusals: dict[str, str]
    """What the sandbox refused so far (the EPUB's figures): a refused URL is reported once."""
    base_url: str | None
    attachments: list[PdfAttachment]
    fonts: list[FontSubset]
    """The document's font subsets, cut by the parent while the child imports WeasyPrint."""
    extra_css: list[str] = msgspec.field(default_factory=list)
    keep_fonts_in: str | None = None
    """A part of a book rendered in chunks: stylesheets after the document's; the worker keeps
    the font configuration for the next part, its files in a folder made in this one."""
    compress: bool = True
    """False for a laid-out part of a book rendered in chunks: its streams are compressed once, when
    its fonts are stripped."""

    @classmethod
    def of(
        cls,
        html: str,
        *,
        identifier: bytes,
        created: datetime,
        theme: str,
        variant: str | None,
        sandbox: Sandbox,
        base_url: str | None,
        attachments: list[PdfAttachment],
    ) -> Request:
        """The request for ``html`` rendered under ``sandbox``'s rules."""
        return cls(
            html=html,
            identifier=identifier,
            created=created,
            theme=theme,
            variant=variant,
            roots=[str(root) for root in sandbox.roots],
            allow_remote=sandbox.allow_remote,
            refusals=dict(sandbox.refusals),
            base_url=base_url,
            attachments=attachments,
            fonts=pdf_subsets(html),
        )

    def sandbox(self) -> Sandbox:
        """A sandbox with the request's rules and refusals."""
        return Sandbox(tuple(Path(root) for root in self.roots), self.allow_remote, dict(self.refusals))

    def run(self, sandbox: Sandbox | None = None) -> Written:
        """Render here (``sandbox``: the one to record refusals in; default: a new one)."""
        from bookmaker.writers.pdf import render_html

        fence = sandbox or self.sandbox()
        return render_html(
            self.html,
            identifier=self.identifier,
            created=self.created,
            theme=self.theme,
            variant=self.variant,
            sandbox=fence,
            base_url=self.base_url,
            attachments=self.attachments,
            fonts=self.fonts,
            extra_css=self.extra_css,
            keep_fonts_in=self.keep_fonts_in,
            compress=self.compress,
        )


class Reply(msgspec.Struct, kw_only=True):
    """What the child sends back: the PDF and warnings, or the error that stopped it."""

    pdf: bytes = b""
    warnings: list[str] = msgspec.field(default_factory=list)
    refusals: list[tuple[str, str]] = msgspec.field(default_factory=list)
    """The sandbox's refusals, in order: (URL, message)."""
    error: str | None = None
    """A build error's message."""
    internal: str | None = None
    """Any other exception, as ``Name: message``."""


class PdfWorker:
    """A forked child that renders one :class:`Request` (see the module)."""

    def __init__(self, pid: int, requests: int, replies: int) -> None:
        self._pid, self._requests, self._replies = pid, requests, replies

    def render(self, request: Request, sandbox: Sandbox) -> Written:
        """The PDF of ``request`` from the child (rendered here if the child is lost); the child's
        refusals are recorded in ``sandbox`` as a build in this process would have recorded them."""
        try:
            _send(self._requests, msgspec.msgpack.encode(request))
            payload = _receive(self._replies)
        except OSError:
            payload = None
        finally:
            self.close()
        if payload is None:
            return request.run(sandbox)
        reply = msgspec.msgpack.decode(payload, type=Reply)
        for url, message in reply.refusals:
            sandbox.refusals.setdefault(url, message)
        if reply.error is not None:
            raise BuildError(reply.error)
        if reply.internal is not None:
            raise BuildError(f"internal error while rendering the PDF: {reply.internal}")
        return Written(reply.pdf, reply.warnings)

    def close(self) -> None:
        """Stop the child (when it still runs) and reap it; safe to call twice."""
        if self._pid == 0:
            return
        for fd in (self._requests, self._replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)
        self._pid = 0


_started: PdfWorker | None = None


def start() -> None:
    """Fork the child now, for the next :func:`claim` (nothing when forking is not safe)."""
    global _started
    if _started is not None:
        return
    if not hasattr(os, "fork") or threading.active_count() > 1 or "weasyprint" in sys.modules:
        return
    request_read, request_write = os.pipe()
    reply_read, reply_write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(request_write)
        os.close(reply_read)
        _child(request_read, reply_write, parent)
    os.close(request_read)
    os.close(reply_write)
    _started = PdfWorker(pid, request_write, reply_read)


def claim() -> PdfWorker | None:
    """The child :func:`start` made (None when there is none); the caller renders with it or closes it."""
    global _started
    worker, _started = _started, None
    return worker


def discard() -> None:
    """Stop a child no build claimed (the build stopped before its PDF)."""
    worker = claim()
    if worker is not None:
        worker.close()


def _child(requests: int, replies: int, parent: int) -> None:
    """Import WeasyPrint, render one request, reply, exit (never into the parent's code); end at
    once when the parent dies (SIGKILL, SIGTERM), whatever this child is doing."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        end_with_parent(parent)
        with contextlib.suppress(Exception):  # the point of the child: loaded while the parent works
            import bookmaker.writers.weasyprint_engine  # noqa: F401
        payload = _receive(requests)
        if payload is not None:  # None: the parent went away
            request = msgspec.msgpack.decode(payload, type=Request)
            sandbox = request.sandbox()
            reply = Reply()
            try:
                written = request.run(sandbox)
                reply.pdf, reply.warnings = written.data, written.warnings
            except BuildError as exc:
                reply.error = str(exc)
            except Exception as exc:
                reply.internal = f"{type(exc).__name__}: {exc}"
            reply.refusals = list(sandbox.refusals.items())[len(request.refusals) :]
            _send(replies, msgspec.msgpack.encode(reply))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _send(fd: int, payload: bytes) -> None:
    with os.fdopen(os.dup(fd), "wb") as pipe:
        pipe.write(_LENGTH.pack(len(payload)) + payload)


def _receive(fd: int) -> bytes | None:
    """One message, or None when the other end closed first."""
    with os.fdopen(os.dup(fd), "rb") as pipe:
        head = pipe.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return None
        size = _LENGTH.unpack(head)[0]
        payload = pipe.read(size)
        return payload if len(payload) == size else None
