"""The ``build`` command's collection branch: several articles or one book file."""

from __future__ import annotations

import argparse
import sys
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
    from bookmaker.collection.build import build_book

    result = build_book(
        args.file,
        args.output,
        options,
        title=args.title,
        editor=args.editor,
        order=args.order,
        encoding=args.encoding,
        rules=args.rules,
        limits=limits.from_arguments(args),
        progress=progress,
    )
    for message in result.warnings:
        print(f"bookmaker: warning: {printable(message)}", file=sys.stderr)
    for path in result.outputs:
        print(path)
    return 0
