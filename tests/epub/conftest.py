"""Session fixtures: every test article built once (with and without fonts), checked once."""

from __future__ import annotations

import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from epub_support import ARTICLES, MOMENT, READING_BOOKS, build_reading_book, load_article
from tests.support.chromium import Chromium, FontProbe, probe_fonts
from tests.support.epub_tools import CheckResult, run_ace, run_epubcheck_many
from tests.support.fontconfig import private_fontconfig

from bookmaker.writers.epub import write_epub


@pytest.fixture(scope="session")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``name`` → EPUB with embedded fonts; ``name:nofonts`` → the same without."""
    folder = tmp_path_factory.mktemp("epubs")
    out: dict[str, Path] = {}
    for name in ARTICLES:
        doc = load_article(name)
        for key, embed in ((name, True), (f"{name}:nofonts", False)):
            path = folder / f"{key.replace(':', '-')}.epub"
            path.write_bytes(write_epub(doc, modified=MOMENT, embed_fonts=embed).data)
            out[key] = path
    return out


@pytest.fixture(scope="session")
def epubcheck_results(books: dict[str, Path]) -> dict[str, CheckResult]:
    """EPUBCheck on every book, all in one JVM."""
    by_path = run_epubcheck_many(list(books.values()))
    return {key: by_path[path] for key, path in books.items()}


@pytest.fixture(scope="session")
def ace_results(books: dict[str, Path]) -> dict[str, CheckResult]:
    """Ace once per book with fonts (two at a time: each drives its own chromium)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(run_ace, path) for key, path in books.items() if ":" not in key}
        return {key: future.result() for key, future in futures.items()}


@pytest.fixture(scope="session")
def browser() -> Chromium:
    with Chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def unpacked(books: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("unpacked")
    out = {}
    for key, path in books.items():
        target = folder / key.replace(":", "-")
        with zipfile.ZipFile(path) as archive:
            archive.extractall(target)
        out[key] = target
    return out


@pytest.fixture(params=ARTICLES)
def article(request: pytest.FixtureRequest) -> str:
    """Each test article's name in turn."""
    return request.param


@pytest.fixture(scope="session")
def moment() -> datetime:
    return MOMENT


@pytest.fixture(scope="session")
def reading_books(books: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The books the reading-system tests open: the seed in every theme, a collection, the IR 2.0
    kitchen sink and the test articles (``books``), each built once."""
    folder = tmp_path_factory.mktemp("reading")
    out = {name: books[name] for name in ARTICLES}
    for name in READING_BOOKS:
        path = folder / f"{name}.epub"
        path.write_bytes(build_reading_book(name))
        out[name] = path
    return out


@pytest.fixture(scope="session")
def no_cjk_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose fontconfig knows only DejaVu (no CJK font at all)."""
    return private_fontconfig(tmp_path_factory.mktemp("fontconfig"))


@pytest.fixture(scope="session")
def font_probes(
    reading_books: dict[str, Path], no_cjk_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, list[FontProbe]]]:
    """Every content document of every reading book drawn once in chromium without system CJK
    fonts: book → (its unpacked folder, a font probe per document)."""
    folder = tmp_path_factory.mktemp("probed")
    out = {}
    with Chromium(env=no_cjk_env) as chromium:
        for name, path in reading_books.items():
            target = folder / name.replace(":", "-")
            with zipfile.ZipFile(path) as archive:
                archive.extractall(target)
            pages = sorted((target / "EPUB").glob("*.xhtml"))
            out[name] = (target, [probe_fonts(chromium, page) for page in pages])
    return out
