"""A book's chunks rendered on a Dask cluster give the local run's bytes; progress is shown as asked."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from bookmaker.chunked import progress
from bookmaker.chunked.progress import BuildProgress
from bookmaker.collection.assemble import Article, make_collection
from bookmaker.ir import from_json
from bookmaker.pipeline import BuildOptions, build
from tests.bigbooks.conftest import SMALL_CHUNKS
from tests.collections.collection_support import ARTICLES, FIXTURES

distributed = pytest.importorskip("distributed")


def test_dask_cluster_gives_the_same_pdf_bytes_as_two_local_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")
    for key, value in SMALL_CHUNKS.items():
        monkeypatch.setenv(key, value)
    paths = [FIXTURES / f"{name}.json" for name in ARTICLES]
    collection, _ = make_collection([Article(p, from_json(p.read_bytes())) for p in paths], title="묶음")
    pdf_only = BuildOptions(formats=("pdf",))
    local = build(collection, tmp_path / "local", "book", BuildOptions(formats=("pdf",), jobs=2))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        options = BuildOptions(formats=pdf_only.formats, executor="dask", scheduler=cluster.scheduler_address)
        remote = build(collection, tmp_path / "dask", "book", options)
    assert local.warnings == remote.warnings
    assert (tmp_path / "dask" / "book.pdf").read_bytes() == (tmp_path / "local" / "book.pdf").read_bytes()


def test_progress_is_plain_lines_off_a_terminal_and_nothing_when_quiet(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(progress, "AFTER", 0.0)
    stream = io.StringIO()
    with BuildProgress(stream, fancy=False) as report:
        report("laid out", 3, 5, 0)
        report("rendered", 2, 5, 40)
    assert stream.getvalue().splitlines() == [
        "bookmaker: PDF: laid out 3/5",
        "bookmaker: PDF: rendered 2/5, 40 pages",
    ]
    quiet = io.StringIO()
    with BuildProgress(quiet, fancy=False, quiet=True) as report:
        report("rendered", 2, 5, 40)
    assert quiet.getvalue() == ""


def test_a_quick_build_shows_nothing():
    stream = io.StringIO()
    with BuildProgress(stream, fancy=False) as report:  # less than a second old
        report("laid out", 1, 5, 0)
    assert stream.getvalue() == ""


def test_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(progress, "AFTER", 0.0)
    stream = io.StringIO()
    with BuildProgress(stream, fancy=True) as report:
        report("rendered", 2, 5, 40)
    assert "rendered (40 pages)" in stream.getvalue()


def test_a_character_missing_from_the_book_set_is_added_and_the_parts_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The print rendition adds the dates' 년월일: left out of the set, the parts come back naming
    them, and the second round gives the same PDF."""
    from bookmaker.chunked import work

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")
    paths = [FIXTURES / f"{name}.json" for name in ARTICLES[:2]]
    collection, _ = make_collection([Article(p, from_json(p.read_bytes())) for p in paths], title="묶음")
    options = BuildOptions(formats=("pdf",), jobs=1)
    build(collection, tmp_path / "first", "book", options)
    monkeypatch.setattr(work, "PRINTED", "")
    monkeypatch.setattr(work, "book_codepoints", _without_dates(work.book_codepoints))
    from bookmaker.chunked import render

    monkeypatch.setattr(render, "book_codepoints", work.book_codepoints)
    rounds: list[int] = []
    monkeypatch.setattr(render.ChunkedRender, "start", _counted(render.ChunkedRender.start, rounds))
    build(collection, tmp_path / "again", "book", options)
    assert len(rounds) == 2
    assert (tmp_path / "again" / "book.pdf").read_bytes() == (tmp_path / "first" / "book.pdf").read_bytes()


def test_a_character_only_the_folios_draw_is_added_and_the_parts_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folio overlay that draws a character the book's set lacks (a template's, say) is no empty
    part joined in: the set grows and every part is made again, as for a chunk."""
    from bookmaker.chunked import folios, render

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")
    paths = [FIXTURES / f"{name}.json" for name in ARTICLES[:2]]
    collection, _ = make_collection([Article(p, from_json(p.read_bytes())) for p in paths], title="묶음")
    options = BuildOptions(formats=("pdf",), jobs=1)
    build(collection, tmp_path / "first", "book", options)
    overlay_html = folios.overlay_html
    calls: list[int] = []

    def marked(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        html = overlay_html(*args)
        return html.replace("</body>", "<p>☂</p></body>") if len(calls) == 1 else html

    monkeypatch.setattr(folios, "overlay_html", marked)
    rounds: list[int] = []
    monkeypatch.setattr(render.ChunkedRender, "start", _counted(render.ChunkedRender.start, rounds))
    build(collection, tmp_path / "again", "book", options)
    assert len(rounds) == 2
    text = [_text(tmp_path / folder / "book.pdf") for folder in ("first", "again")]
    assert text[0] == text[1] and "☂" not in text[1]


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _counted(start, rounds):  # type: ignore[no-untyped-def]
    def counted(self):  # type: ignore[no-untyped-def]
        rounds.append(1)
        return start(self)

    return counted


def _without_dates(find):  # type: ignore[no-untyped-def]
    def found(book, style):  # type: ignore[no-untyped-def]
        return find(book, style) - set(map(ord, "년월일"))

    return found
