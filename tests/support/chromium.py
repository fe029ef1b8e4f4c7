"""Render an EPUB's content documents in headless chromium: screenshots and a line-break probe.

The EPUB is unpacked to a temporary folder; each XHTML document is loaded at a phone-like
viewport (360×740 CSS px by default), ``line_probe.js`` is evaluated in it, and the probe reports every
line wrap that is not at white space (a Korean word cut in two), the fonts the page loaded and
any horizontal overflow, and letters pulled apart inside a word (justification that stretches
between characters instead of at spaces). Chromium is driven over the DevTools protocol on a pipe (no extra
Python package); the command-line ``--window-size`` cannot go below 500 px wide in new headless.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.epub_tools import chromium_path

PROBE_JS = Path(__file__).with_name("line_probe.js")
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--allow-file-access-from-files",
)
ALLOWED_AFTER = frozenset("-‐–—/·")
NO_LINE_START = frozenset(")]}）］｝〕》」』〉’”.,。、?!？！·:;：；…‥%℃")  # klreq line-head rules
NO_LINE_END = frozenset("([{（［｛〔《「『〈‘“$₩¥£")  # klreq line-end rules


@dataclass(slots=True)
class PageProbe:
    """What the probe saw in one content document."""

    document: str
    lines: int = 0
    blocks: int = 0
    breaks: list[dict[str, str]] = field(default_factory=list)
    stretched: list[dict[str, object]] = field(default_factory=list)
    edges: list[str] = field(default_factory=list)
    fonts: list[dict[str, str]] = field(default_factory=list)
    overflow: int = 0
    viewport: int = 0
    error: str | None = None

    def kinsoku_violations(self) -> list[str]:
        """Line edges (last char + first char) breaking klreq's line-start/line-end rules."""
        return [e for e in self.edges if e[-1] in NO_LINE_START or e[0] in NO_LINE_END]

    def word_breaks(self) -> list[dict[str, str]]:
        """Wraps inside a word: not at white space, nor after a hyphen, dash, slash or middle dot."""
        return [b for b in self.breaks if b["before"] not in ALLOWED_AFTER]


def unpack(epub: Path, target: Path) -> Path:
    """Unpack ``epub`` into ``target`` and return it."""
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(target)
    return target


def _pipe_fds(read_end: int, write_end: int) -> None:
    """In the child: the DevTools pipe must be fd 3 (commands in) and fd 4 (replies out)."""
    high_read = fcntl.fcntl(read_end, fcntl.F_DUPFD, 10)
    high_write = fcntl.fcntl(write_end, fcntl.F_DUPFD, 10)
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)


class Chromium:
    """Headless chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``).

    One browser per instance; use it as a context manager. Each :meth:`open` loads a page in a new
    tab at an emulated viewport of ``width``×``height`` CSS px.
    """

    def __init__(self, *, timeout: float = 60, env: dict[str, str] | None = None) -> None:
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="bookmaker-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        self._process = subprocess.Popen(
            [
                chromium_path(),
                *_FLAGS,
                f"--user-data-dir={self._profile.name}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            pass_fds=(3, 4),
            preexec_fn=lambda: _pipe_fds(to_browser_r, from_browser_w),
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the browser and clean up."""
        if self._process.poll() is None:
            with contextlib.suppress(Exception):
                self.send("Browser.close")
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        """Send a DevTools command and return its result (events met meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_event(self, name: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == name and event.get("sessionId") == session:
                    del self._events[index]
                    return
            self._events.append(self._read_message(deadline))

    def open(self, url: str, *, width: int = 360, height: int = 740, scale: int = 2) -> str:
        """Load ``url`` in a new tab at the given viewport; returns the session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False},
            session,
        )
        self.send("Page.enable", {}, session)
        self.send("Page.navigate", {"url": url}, session)
        self._wait_event("Page.loadEventFired", session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        """Evaluate ``expression`` in the page (awaiting a Promise) and return its JSON value."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            session,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, session: str) -> bytes:
        """PNG of the current viewport."""
        data = self.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
        return base64.b64decode(data)


def probe_document(
    browser: Chromium,
    document: Path,
    *,
    width: int = 360,
    height: int = 740,
    control: bool = False,
    shot: Path | None = None,
) -> PageProbe:
    """Load ``document`` at ``width``×``height``, run the line probe, optionally save a screenshot."""
    session = browser.open(document.as_uri(), width=width, height=height)
    script = PROBE_JS.read_text(encoding="utf-8").replace("CONTROL", "true" if control else "false")
    data = browser.evaluate(session, script)
    if shot is not None:
        shot.parent.mkdir(parents=True, exist_ok=True)
        shot.write_bytes(browser.screenshot(session))
    browser.send(
        "Target.closeTarget",
        {"targetId": browser.send("Target.getTargetInfo", {}, session)["targetInfo"]["targetId"]},
    )
    return PageProbe(
        document.name,
        data["lines"],
        data["blocks"],
        data["breaks"],
        data["stretched"],
        data["edges"],
        data["fonts"],
        data["overflow"],
        data["viewport"],
        data.get("error"),
    )


@dataclass(slots=True)
class FontProbe:
    """What fonts chromium drew one content document with (``CSS.getPlatformFontsForNode``).

    ``nodes``: every text node and pseudo-element that drew something, as (its text, the fonts it
    was drawn with: PostScript name and whether it is the book's own ``@font-face`` font).
    """

    document: str
    nodes: list[tuple[str, list[tuple[str, bool]]]] = field(default_factory=list)

    def foreign(self) -> list[tuple[str, list[tuple[str, bool]]]]:
        """The nodes drawn (even partly) with a font the book does not embed."""
        return [(text, fonts) for text, fonts in self.nodes if not all(own for _, own in fonts)]

    def characters(self) -> dict[str, set[str]]:
        """PostScript name → every character drawn with that embedded font alone (a node drawn
        with several fonts is left out: :meth:`foreign` reports it)."""
        drawn: dict[str, set[str]] = {}
        for text, fonts in self.nodes:
            if len(fonts) == 1 and fonts[0][1]:
                drawn.setdefault(fonts[0][0], set()).update(text)
        return drawn


def _layout_texts(snapshot: dict[str, Any]) -> dict[int, str]:
    """Backend node id → the text its layout objects draw (a pseudo-element's generated content
    with its counters resolved), from a ``DOMSnapshot.captureSnapshot``."""
    strings = snapshot["strings"]
    document = snapshot["documents"][0]
    backend = document["nodes"]["backendNodeId"]
    layout = document["layout"]
    texts: dict[int, str] = {}
    for node, text in zip(layout["nodeIndex"], layout["text"], strict=True):
        if text >= 0:
            texts[backend[node]] = texts.get(backend[node], "") + strings[text]
    return texts


def _node_ids(node: dict[str, Any]) -> Iterator[tuple[int, int]]:
    """(backend node id, node id) of ``node`` and everything under it, pseudo-elements included."""
    yield node["backendNodeId"], node["nodeId"]
    for child in [*node.get("children", ()), *node.get("pseudoElements", ())]:
        yield from _node_ids(child)


def probe_fonts(browser: Chromium, document: Path, *, width: int = 360, height: int = 740) -> FontProbe:
    """Load ``document`` and ask chromium which fonts drew each text node and pseudo-element."""
    session = browser.open(document.as_uri(), width=width, height=height)
    browser.evaluate(session, "document.fonts.ready.then(() => true)")
    browser.send("DOM.enable", {}, session)
    browser.send("CSS.enable", {}, session)
    root = browser.send("DOM.getDocument", {"depth": -1, "pierce": True}, session)["root"]
    node_ids = dict(_node_ids(root))
    texts = _layout_texts(browser.send("DOMSnapshot.captureSnapshot", {"computedStyles": []}, session))
    probe = FontProbe(document.name)
    for backend, text in texts.items():
        if backend not in node_ids:  # the inspector's DOM leaves out white-space-only text nodes
            if text.isspace():
                continue
            raise RuntimeError(f"{document.name}: no DOM node for the drawn text {text!r}")
        fonts = browser.send("CSS.getPlatformFontsForNode", {"nodeId": node_ids[backend]}, session)["fonts"]
        if fonts:
            probe.nodes.append((text, [(f["postScriptName"], f["isCustomFont"]) for f in fonts]))
    browser.send(
        "Target.closeTarget",
        {"targetId": browser.send("Target.getTargetInfo", {}, session)["targetInfo"]["targetId"]},
    )
    return probe
