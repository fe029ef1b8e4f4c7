"""A collection's build (the same :func:`bookmaker.pipeline.build` as an article), and a book's: its
articles or book file prepared, then built."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bookmaker.ir import Collection
from bookmaker.limits import DEFAULT, Limits
from bookmaker.pipeline import BuildOptions, BuildResult

if TYPE_CHECKING:
    from bookmaker.chunked.render import Report
    from bookmaker.collection.prepare import PreparedCollection


def build_collection(
    collection: Collection,
    out_dir: Path,
    slug: str,
    options: BuildOptions,
    *,
    source_dirs: tuple[Path, ...] = (),
    progress: Report | None = None,
) -> BuildResult:
    """Write the requested formats of ``collection`` into ``out_dir`` as ``slug.<format>``
    (:func:`bookmaker.pipeline.build` with the articles' and the book file's folders)."""
    from bookmaker.pipeline import build

    return build(collection, out_dir, slug, options, source_dirs=source_dirs, progress=progress)


def build_book(
    inputs: Sequence[Path | str],
    out_dir: Path,
    options: BuildOptions,
    *,
    title: str | None = None,
    editor: str | None = None,
    order: str | None = None,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits = DEFAULT,
    slug: str | None = None,
    progress: Report | None = None,
) -> BuildResult:
    """One book of several articles (files or http(s) URLs) or of one book file, as ``bookmaker
    build`` and the API make it: the book file's page size, theme and cover unless ``options`` name
    their own, the articles as received attached to a PDF/A-3b, the whole book's text within
    ``limits`` when its PDF is rendered in one piece; what preparing it said comes first in the
    result's warnings."""
    from bookmaker.chunked import in_one_piece
    from bookmaker.collection.prepare import prepare_collection
    from bookmaker.pipeline import archival_collection, style_for

    style_for(None, options)  # reject bad design options before reading anything
    with tempfile.TemporaryDirectory(prefix="bookmaker-fetch-") as scratch:  # pages fetched from URLs
        prepared = prepare_collection(
            inputs,
            title=title,
            editor=editor,
            order=order,
            encoding=encoding,
            rules=rules,
            resource_paths=options.resource_paths,
            limits=limits,
            scratch=Path(scratch),
            whole_book_limit="pdf" in options.formats and in_one_piece(options),
        )
        if "pdf" in options.formats:
            _check_pdf(prepared, limits, whole=in_one_piece(options))
        book = prepared.book
        if book is not None:
            options = dataclasses.replace(
                options,
                page_size=options.page_size or book.page_size,
                theme=options.theme or book.theme,
                cover=options.cover or book.cover,
            )
            style_for(None, options)
        options = archival_collection(options, prepared.sources, prepared.collection, prepared.slug, limits)
        result = build_collection(
            prepared.collection,
            out_dir,
            slug or prepared.slug,
            options,
            source_dirs=prepared.source_dirs,
            progress=progress,
        )
    result.warnings[:0] = prepared.warnings
    return result


def _check_pdf(prepared: PreparedCollection, limits: Limits, *, whole: bool) -> None:
    """Refuse a book whose PDF cannot be laid out within ``limits``: each article's words and
    blocks (:meth:`~bookmaker.limits.Limits.check_layout`), and, ``whole`` (the PDF in one piece),
    the articles together."""
    articles = prepared.collection.articles
    sources = prepared.sources if len(prepared.sources) == len(articles) else ()
    for number, doc in enumerate(articles):
        name = sources[number].name if sources else f"article {number + 1}"
        limits.check_layout(doc.blocks, name, whole=False)
    if whole:
        book = str(prepared.book.path) if prepared.book else "the collection"
        limits.check_layout([block for doc in articles for block in doc.blocks], book, whole=True)
