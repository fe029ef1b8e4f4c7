"""The preview's web server on 127.0.0.1: the page, the EPUB's files, the PDF's thumbnails, and
Server-Sent Events telling the open page that a new rendition is there.

Routes: ``/`` the page · ``/state.json`` what is shown now · ``/events`` the event stream
(``update`` with the generation) · ``/epub/<package path>`` · ``/pdf/<n>.jpg``.
"""

from __future__ import annotations

import json
import mimetypes
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bookmaker.preview.rendition import EpubRendition, PdfRendition

PAGE = Path(__file__).with_name("page.html")
KEEPALIVE = 10.0  # s: an idle event stream sends a comment this often (a closed page is noticed)
_TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".otf": "font/otf", ".ttf": "font/ttf"}


@dataclass(slots=True)
class State:
    """The renditions shown now; each change raises ``generation`` and wakes the event streams."""

    epub: EpubRendition | None = None
    pdf: PdfRendition | None = None
    error: str | None = None
    generation: int = 0
    closed: bool = False
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(
        self, *, epub: EpubRendition | None = None, pdf: PdfRendition | None = None, error: str | None = None
    ) -> None:
        """Show a new EPUB and/or PDF rendition (or an error over the last good ones)."""
        with self._changed:
            self.epub = epub or self.epub
            self.pdf = pdf or self.pdf
            self.error = error
            self.generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        """End every event stream."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The generation once it is past ``seen`` (or after ``timeout`` seconds, or on close)."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != seen or self.closed, timeout)
            return self.generation

    def summary(self) -> dict[str, object]:
        """What ``/state.json`` says."""
        with self._changed:
            epub, pdf = self.epub, self.pdf
            return {
                "generation": self.generation,
                "error": self.error,
                "documents": epub.documents if epub else [],
                "pages": len(pdf.pages) if pdf else 0,
                "epub_ms": round(epub.millis, 1) if epub else None,
                "pdf_ms": round(pdf.millis, 1) if pdf else None,
            }


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1 that serves one :class:`State`."""

    daemon_threads = True

    def __init__(self, state: State, port: int = 0) -> None:
        self.state = state
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        """The page's address."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def stop(self) -> None:
        """End the event streams and the server (from another thread than ``serve_forever``'s)."""
        self.state.close()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def log_message(self, format: str, *args: object) -> None:  # quiet: the console shows rebuilds
        pass

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        state = self.server.state
        if path == "/":
            self._send(PAGE.read_bytes(), "text/html; charset=utf-8")
        elif path == "/state.json":
            self._send(json.dumps(state.summary()).encode(), "application/json")
        elif path == "/events":
            self._events(state)
        elif path.startswith("/epub/") and state.epub and path[6:] in state.epub.files:
            name = path[6:]
            kind = _TYPES.get(name[name.rfind(".") :]) or mimetypes.guess_type(name)[0]
            self._send(state.epub.files[name], kind or "application/octet-stream")
        elif path.startswith("/pdf/") and path.endswith(".jpg") and state.pdf:
            number = path[5:-4]
            if number.isdigit() and 1 <= int(number) <= len(state.pdf.pages):
                self._send(state.pdf.pages[int(number) - 1], "image/jpeg")
            else:
                self.send_error(404)
        else:
            self.send_error(404)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, state: State) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while not state.closed:
                generation = state.wait(seen, KEEPALIVE)
                message = f"event: update\ndata: {generation}\n\n" if generation != seen else ": idle\n\n"
                seen = generation
                self.wfile.write(message.encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the page was closed or reloaded
            pass
