"""``bookmaker preview``: served on 127.0.0.1, rebuilt when the article or the templates change,
the open page told by Server-Sent Events; Ctrl-C ends it cleanly."""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from bookmaker.pipeline import BuildOptions
from bookmaker.preview.command import Preview
from bookmaker.preview.rendition import Source
from tests.conftest import run_cli

T = TypeVar("T")
ARTICLE = """---
title: 미리보기 시험 기사
author: 홍길동 기자
date: 2025-11-23
---

첫 문단은 처음 그대로의 문장입니다. 미리보기가 이 글을 보여 줍니다.

둘째 문단도 있습니다.
"""


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return reply.read()


def state(url: str) -> dict[str, object]:
    return json.loads(get(url + "state.json"))


def eventually(probe: Callable[[], T | None], timeout: float = 90) -> T:
    """``probe()`` once it gives something (polled; no timing asserted)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("the preview did not show the change")


def article_text(url: str) -> str:
    return get(url + "epub/EPUB/article.xhtml").decode()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def preview(article: Path) -> Iterator[Preview]:
    """The preview of ``article``, served on a free port and watching, stopped after the test."""
    templates = article.parent / "templates"
    templates.mkdir()
    served = Preview(Source(article, BuildOptions(templates=templates)), port=0)
    served.start()
    stop = threading.Event()
    watcher = threading.Thread(target=served.watch, args=(stop,))
    watcher.start()
    time.sleep(0.3)  # the watcher is set up (a change before that would be missed)
    try:
        yield served
    finally:
        stop.set()
        watcher.join(timeout=30)
        served.close()


def test_serves_on_loopback_only(preview: Preview) -> None:
    assert preview.server.server_address[0] == "127.0.0.1"
    assert preview.url.startswith("http://127.0.0.1:")


def test_an_edit_is_rebuilt_and_served(preview: Preview, article: Path) -> None:
    url = preview.url
    assert b"EventSource" in get(url)
    shown = state(url)
    assert shown["documents"] == ["EPUB/article.xhtml"] and shown["pages"]
    assert "처음 그대로의 문장" in article_text(url)
    assert get(url + "pdf/1.jpg").startswith(b"\xff\xd8\xff")  # a JPEG
    css = [name for name in preview.state.epub.files if name.endswith(".css")] if preview.state.epub else []
    assert css and get(url + "epub/" + css[0])

    article.write_text(ARTICLE.replace("처음 그대로의 문장", "고쳐 쓴 새 문장"), encoding="utf-8")
    eventually(lambda: "고쳐 쓴 새 문장" in article_text(url))
    assert "처음 그대로의 문장" not in article_text(url)
    eventually(lambda: (s := state(url))["pdf_ms"] is not None and s["generation"] >= 4)


def test_the_open_page_is_told_of_a_rebuild(preview: Preview, article: Path) -> None:
    with urllib.request.urlopen(preview.url + "events", timeout=30) as stream:
        assert stream.readline() == b"event: update\n"  # what is there now
        assert stream.readline().startswith(b"data: ")
        stream.readline()
        article.write_text(ARTICLE.replace("둘째", "셋째"), encoding="utf-8")
        assert stream.readline() == b"event: update\n"


def test_a_template_change_is_rebuilt(preview: Preview, article: Path) -> None:
    before = preview.state.generation
    (article.parent / "templates" / "extra.css").write_text("/* a new file */", encoding="utf-8")
    eventually(lambda: preview.state.generation >= before + 2)


def test_a_broken_edit_shows_the_error_over_the_last_good_build(preview: Preview, article: Path) -> None:
    url = preview.url
    article.write_bytes(b"")  # an empty article cannot be built
    error = eventually(lambda: state(url)["error"])
    assert "article.md" in str(error)
    assert "처음 그대로의 문장" in article_text(url)  # the last good rendition stays
    article.write_text(ARTICLE, encoding="utf-8")
    eventually(lambda: state(url)["error"] is None)


@contextlib.contextmanager
def preview_process(article: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``bookmaker preview`` as a process, with the page's address once it is served; killed if it
    outlives the test."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bookmaker", "preview", str(article), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "http://127.0.0.1:" in line
        yield process, line.split(" at ")[1].split()[0]
    finally:
        if process.poll() is None:
            process.kill()


def test_ctrl_c_ends_it_without_a_traceback(article: Path) -> None:
    with preview_process(article) as (process, url):
        assert "처음 그대로의 문장" in article_text(url)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "Traceback" not in err and "preview stopped" in err


def test_ctrl_c_during_a_rebuild_ends_it_after_that_rebuild(article: Path) -> None:
    with preview_process(article) as (process, _):
        article.write_text(ARTICLE.replace("처음 그대로의", "고쳐 쓴"), encoding="utf-8")
        time.sleep(0.2)  # the change is seen and the rebuild (imports included) under way
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "Traceback" not in err and "Exception ignored" not in err and "preview stopped" in err


def test_a_missing_article_is_one_error_line(tmp_path: Path) -> None:
    result = run_cli("preview", tmp_path / "none.md", "--port", "0")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("none.md: no such file") and "Traceback" not in result.stderr


@pytest.mark.skipif(
    not shutil.which("chromium") and not Path("/usr/bin/chromium").exists(), reason="no chromium"
)
def test_chromium_sees_the_edit_in_the_page(preview: Preview, article: Path, tmp_path: Path) -> None:
    """The page in headless chromium: an edit of the file reaches the DOM without a reload.

    With ``PREVIEW_SHOTS=DIR`` the page is saved before and after the edit (docs/img/preview-*.png).
    """
    import os

    from tests.support.chromium import Chromium

    shots = Path(os.environ.get("PREVIEW_SHOTS") or tmp_path)
    body = "document.querySelector('#epub iframe:last-child').contentDocument.body.textContent"
    probe = f"new Promise(r => setTimeout(() => {{ try {{ r({body}) }} catch (e) {{ r('') }} }}, 100))"
    with Chromium() as browser:
        session = browser.open(preview.url, width=960, height=640, scale=1)
        eventually(lambda: "처음 그대로의 문장" in (browser.evaluate(session, probe) or ""))
        browser.evaluate(session, "document.fonts.ready.then(() => true)")
        (shots / "preview-before.png").write_bytes(browser.screenshot(session))
        browser.evaluate(session, "window.marker = 'same page'")

        article.write_text(ARTICLE.replace("처음 그대로의 문장", "고쳐 쓴 새 문장"), encoding="utf-8")
        eventually(lambda: "고쳐 쓴 새 문장" in (browser.evaluate(session, probe) or ""))
        assert browser.evaluate(session, "window.marker") == "same page"  # updated in place, not reloaded
        eventually(lambda: browser.evaluate(session, "document.querySelectorAll('#pdf img').length"))
        time.sleep(0.5)  # let the thumbnails decode before the picture
        (shots / "preview-after.png").write_bytes(browser.screenshot(session))


def test_kept_fonts_render_the_same_bytes(tmp_path, monkeypatch):
    """The preview keeps WeasyPrint's font configuration between rebuilds with the same fonts
    (``fonts_kept``): the same PDF as a render with fonts of its own; their folder goes with it."""
    import tempfile
    from datetime import UTC, datetime

    from bookmaker.fonts.weasyprint_adapter import fonts_kept
    from bookmaker.pipeline import load
    from bookmaker.writers.pdf import write_pdf
    from tests.conftest import SEED

    doc, moment = load(SEED), datetime(2025, 1, 1, tzinfo=UTC)
    alone = write_pdf(doc, created=moment).data
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with fonts_kept():
        kept = [write_pdf(doc, created=moment).data for _ in range(2)]
        assert [path.name[:16] for path in tmp_path.iterdir()] == ["bookmaker-fonts-"]
    assert kept == [alone, alone]
    assert not list(tmp_path.iterdir())
