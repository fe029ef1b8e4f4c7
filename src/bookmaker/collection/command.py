"""The ``build`` command's collection branch: several articles or one book file."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bookmaker import limits
from bookmaker.collection.book_file import is_book_file
from bookmaker.messages import printable
from bookmaker.pipeline import BuildOptions

if TYPE_CHECKING:
    from bookmaker.chunked.render import Report


def is_collection(inputs: Sequence[Path | str]) -> bool:
    """Several inputs, or one book file, make a collection; one article (file or URL) keeps the
    single build."""
    return len(inputs) > 1 or (isinstance(inputs[0], Path) and is_book_file(inputs[0]))


def run_collection_build(
    args: argparse.Namespace, options: BuildOptions, progress: Report | None = None
) -> int:
    """Prepare and build the collection, print warnings and output paths; returns the exit code."""
    from bookmaker.pipeline import style_for

    style_for(None, options)  # reject bad design options before reading anything
    with tempfile.TemporaryDirectory(prefix="bookmaker-fetch-") as scratch:  # pages fetched from URLs
        return _build(args, options, Path(scratch), progress)


def _build(args: argparse.Namespace, options: BuildOptions, scratch: Path, progress: Report | None) -> int:
    from bookmaker.chunked import in_one_piece
    from bookmaker.collection.build import build_collection
    from bookmaker.collection.prepare import prepare_collection
    from bookmaker.pipeline import archival_collection, style_for

    prepared = prepare_collection(
        args.file,
        title=args.title,
        editor=args.editor,
        order=args.order,
        encoding=args.encoding,
        rules=args.rules,
        resource_paths=options.resource_paths,
        limits=limits.from_arguments(args),
        scratch=scratch,
        whole_book_limit="pdf" in options.formats and in_one_piece(options),
    )
    book = prepared.book
    if book is not None:
        options = dataclasses.replace(
            options,
            page_size=options.page_size or book.page_size,
            theme=options.theme or book.theme,
            cover=options.cover or book.cover,
        )
        style_for(None, options)
    for message in prepared.warnings:
        print(f"bookmaker: warning: {printable(message)}", file=sys.stderr)
    options = archival_collection(
        options, prepared.sources, prepared.collection, prepared.slug, limits.from_arguments(args)
    )
    result = build_collection(
        prepared.collection,
        args.output,
        prepared.slug,
        options,
        source_dirs=prepared.source_dirs,
        progress=progress,
    )
    for message in result.warnings:
        print(f"bookmaker: warning: {printable(message)}", file=sys.stderr)
    for path in result.outputs:
        print(path)
    return 0
