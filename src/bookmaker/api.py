"""The Python API behind ``import bookmaker`` (see docs/api.md).

``build(source, out_dir)`` writes the EPUB and PDF of an article file, URL or IR;
``build_collection(sources, out_dir)`` makes one book of several articles (``bookmaker.normalize``
is :func:`bookmaker.normalize.normalize_source`). Options are :class:`~bookmaker.pipeline.BuildOptions` fields
given as keywords (``formats=("epub",)``, ``theme="report"``, ``page_size="sinkuk"`` …).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bookmaker.ir import Collection, Document
from bookmaker.limits import DEFAULT, Limits
from bookmaker.pipeline import BuildOptions, BuildResult

PathLike = str | Path


def _options(options: BuildOptions | None, overrides: dict[str, Any]) -> BuildOptions:
    options = options or BuildOptions()
    if "formats" in overrides:
        from bookmaker.pipeline import parse_formats

        overrides["formats"] = parse_formats(overrides["formats"])
    return dataclasses.replace(options, **overrides)


def build(
    source: PathLike | Document | Collection,
    out_dir: PathLike = "out",
    *,
    slug: str | None = None,
    options: BuildOptions | None = None,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits = DEFAULT,
    **option_fields: Any,
) -> BuildResult:
    """Build an article file, an http(s) URL, or a Document/Collection into ``out_dir``.

    The outputs are named ``slug`` (default: the file's stem, or the title) with ``.epub`` and
    ``.pdf``; ``option_fields`` replace fields of ``options``. A Document's relative figure
    paths resolve against the current folder.
    """
    from bookmaker.fetch.policy import is_url
    from bookmaker.pipeline import build as build_source
    from bookmaker.pipeline import build_file, build_url, load

    chosen = _options(options, option_fields)
    out = Path(out_dir)
    if isinstance(source, Document | Collection):
        return build_source(source, out, slug or _slug(source), chosen)
    if isinstance(source, str) and is_url(source):
        return build_url(source, out, chosen, encoding=encoding, rules=rules, limits=limits)
    path = Path(source)
    if slug is None:
        return build_file(path, out, chosen, encoding=encoding, rules=rules, limits=limits)
    doc = load(path, encoding=encoding, rules=rules, limits=limits)
    return build_source(doc, out, slug, chosen, source_dirs=(path.parent,))


def build_collection(
    sources: Sequence[PathLike] | Collection,
    out_dir: PathLike = "out",
    *,
    title: str | None = None,
    editor: str | None = None,
    order: str | None = None,
    slug: str | None = None,
    options: BuildOptions | None = None,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits = DEFAULT,
    **option_fields: Any,
) -> BuildResult:
    """One book of several articles (files or http(s) URLs, or one book file), or of a prepared
    :class:`~bookmaker.ir.Collection`, written into ``out_dir``."""
    from bookmaker.collection.build import build_book
    from bookmaker.fetch.policy import is_url
    from bookmaker.names import collection_slug
    from bookmaker.pipeline import build as build_source

    chosen = _options(options, option_fields)
    out = Path(out_dir)
    if isinstance(sources, Collection):
        return build_source(sources, out, slug or collection_slug(sources), chosen)
    inputs: list[Path | str] = [
        item if isinstance(item, str) and is_url(item) else Path(item) for item in sources
    ]
    return build_book(
        inputs,
        out,
        chosen,
        title=title,
        editor=editor,
        order=order,
        encoding=encoding,
        rules=rules,
        limits=limits,
        slug=slug,
    )


def _slug(source: Document | Collection) -> str:
    from bookmaker.names import collection_slug
    from bookmaker.pipeline import slug_for

    if isinstance(source, Collection):
        return collection_slug(source)
    return slug_for(Path(""), source)
