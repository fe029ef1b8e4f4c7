"""Build a collection's EPUB and PDF: the collection counterpart of :func:`bookmaker.pipeline.build`."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bookmaker.ir import Collection
from bookmaker.pipeline import BuildOptions, BuildResult


def collection_slug(collection: Collection, book_file: Path | None = None) -> str:
    """An ASCII file stem: the book file's stem, else the title's ASCII letters, else a digest."""
    for text in (book_file.stem if book_file else "", collection.meta.title):
        stem = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
        ascii_stem = re.sub(r"[^a-z0-9_]+", "-", stem).strip("-")
        if len(ascii_stem) >= 3:
            return ascii_stem[:80]
    from bookmaker.writers.identity import collection_digest

    return f"collection-{collection_digest(collection)[:10]}"


def build_collection(
    collection: Collection,
    out_dir: Path,
    slug: str,
    options: BuildOptions,
    *,
    source_dirs: tuple[Path, ...] = (),
) -> BuildResult:
    """Write the requested formats of ``collection`` into ``out_dir`` as ``slug.<format>``.

    The sandbox lets the build read ``source_dirs`` (the articles' and the book file's folders),
    the theme and ``options.resource_paths``; ``options.cover`` replaces the generated EPUB cover.
    """
    from bookmaker.pipeline import finish, read_cover, style_for
    from bookmaker.resources import build_time
    from bookmaker.sandbox import Sandbox

    style = style_for(None, options)  # validate before any work
    folders = [d.resolve() for d in source_dirs] or [Path.cwd().resolve()]
    base_url = folders[0].as_uri() + "/"
    sandbox = Sandbox.for_paths(
        [*folders, *style.folders(), *options.resource_paths],
        allow_remote=options.allow_remote,
    )
    moment = build_time()
    result = BuildResult()
    payloads: dict[str, bytes] = {}
    if "epub" in options.formats:
        from bookmaker.writers.epub_collection import build_collection_epub

        cover = read_cover(options)
        payloads["epub"] = build_collection_epub(
            collection,
            modified=moment,
            theme=style.name,
            style=style,
            embed_fonts=options.embed_fonts,
            cover=cover,
            warnings=result.warnings,
            sandbox=sandbox,
            base_url=base_url,
        )
    if "pdf" in options.formats:
        from bookmaker.writers.pdf_collection import build_collection_pdf

        payloads["pdf"] = build_collection_pdf(
            collection,
            created=moment,
            page=style.page,
            theme=style.name,
            style=style,
            warnings=result.warnings,
            print_ready=options.print_ready,
            variant=options.pdf_variant,
            break_style=options.break_style,
            sandbox=sandbox,
            base_url=base_url,
        )
    return finish(result, payloads, out_dir, slug, sandbox)
