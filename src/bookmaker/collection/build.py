"""A collection's output name, and its build (the same :func:`bookmaker.pipeline.build` as an article)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bookmaker.ir import Collection
from bookmaker.names import safe_stem
from bookmaker.pipeline import BuildOptions, BuildResult

if TYPE_CHECKING:
    from bookmaker.chunked.render import Report


def collection_slug(collection: Collection, book_file: Path | None = None) -> str:
    """A file stem: the book file's stem, else the title's (:func:`bookmaker.names.safe_stem`,
    Hangul kept), else a digest."""
    for text in (book_file.stem if book_file else "", collection.meta.title):
        stem = safe_stem(text)
        if stem:
            return stem
    from bookmaker.writers.identity import collection_digest

    return f"collection-{collection_digest(collection)[:10]}"


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
