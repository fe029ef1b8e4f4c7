"""From the command line's inputs (several articles, or one book file) to a ready collection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from bookmaker.collection.assemble import load_articles, make_collection
from bookmaker.collection.book_file import BookFile, is_book_file, read_book_file
from bookmaker.errors import InputError, UsageError
from bookmaker.ir import Collection, Document
from bookmaker.limits import DEFAULT, Limits
from bookmaker.names import collection_slug
from bookmaker.readers.sanitize import one_line
from bookmaker.sandbox import Sandbox

if TYPE_CHECKING:
    from bookmaker.fetch.client import Fetcher


@dataclass(slots=True)
class _Fetched:
    """The articles fetched from URLs, each under the path of its saved page."""

    docs: dict[Path, Document] = field(default_factory=dict)
    pages: dict[str, Path] = field(default_factory=dict)

    def named(self, collection: Collection, notes: list[str]) -> tuple[Collection, list[str]]:
        """``collection``'s duplicate records and ``notes`` with each fetched page's URL for its path."""
        names = {str(page): url for url, page in self.pages.items()}

        def name(text: str) -> str:
            for page, url in names.items():
                text = text.replace(page, url)
            return text

        duplicates = [
            msgspec.structs.replace(dup, path=name(dup.path), duplicate_of=name(dup.duplicate_of))
            for dup in collection.duplicates
        ]
        return msgspec.structs.replace(collection, duplicates=duplicates), [name(note) for note in notes]


def _fetch_all(
    inputs: Sequence[Path | str],
    scratch: Path | None,
    fetcher: Fetcher | None,
    *,
    encoding: str | None,
    rules: Path | None,
    limits: Limits,
) -> _Fetched:
    """Fetch every URL among ``inputs`` into a folder of its own under ``scratch``."""
    urls = [item for item in inputs if isinstance(item, str)]
    fetched = _Fetched()
    if not urls:
        return fetched
    if scratch is None:
        raise UsageError("building from URLs needs a scratch folder for the fetched pages")
    from bookmaker.fetch.client import Fetcher
    from bookmaker.pipeline import load_url

    client = fetcher or Fetcher()
    try:
        for number, url in enumerate(dict.fromkeys(urls), start=1):
            folder = scratch / f"url-{number}"
            folder.mkdir()
            doc = load_url(url, folder, client, encoding=encoding, rules=rules, limits=limits)
            fetched.pages[url] = folder / "page.html"
            fetched.docs[folder / "page.html"] = doc
    finally:
        if fetcher is None:
            client.close()
    return fetched


@dataclass(slots=True)
class PreparedCollection:
    """A collection with what its build needs: folders to read, output stem, book settings."""

    collection: Collection
    slug: str
    source_dirs: tuple[Path, ...]
    book: BookFile | None = None
    sources: tuple[Path, ...] = ()  # the kept articles' files as received (pages of URLs included)
    warnings: list[str] = field(default_factory=list)


def _inside(book: BookFile, path: Path, what: str, resource_paths: Sequence[Path]) -> Path:
    """``path`` when the sandbox allows it (book folder or ``--resource-path``), else an input error."""
    fence = Sandbox.for_paths([book.folder, *resource_paths])
    if not fence.contains(path):
        raise InputError(
            f"{book.path}: {what} {path.name!r} is outside the book file's folder (use --resource-path)"
        )
    return path


def prepare_collection(
    inputs: Sequence[Path | str],
    *,
    title: str | None = None,
    editor: str | None = None,
    order: str | None = None,
    encoding: str | None = None,
    rules: Path | None = None,
    resource_paths: Sequence[Path] = (),
    limits: Limits = DEFAULT,
    scratch: Path | None = None,
    fetcher: Fetcher | None = None,
    whole_book_limit: bool = True,
) -> PreparedCollection:
    """Load, deduplicate and order the articles named by ``inputs``.

    ``inputs`` is either article paths and URLs or exactly one book file; explicit arguments
    override the book file's ``title``, ``editor`` and ``order``; every article is read within
    ``limits``. A URL's page and images are fetched (:mod:`bookmaker.fetch`) into a folder of
    ``scratch``, which must outlive the build. ``whole_book_limit`` false: ``limits.max_chars``
    bounds each article but not the articles together (a PDF rendered in chunks, or none, does not
    hold the whole book in memory: :func:`bookmaker.chunked.in_one_piece`).
    """
    from bookmaker.pipeline import load

    book_files = [path for path in inputs if isinstance(path, Path) and is_book_file(path)]
    if book_files and len(inputs) > 1:
        raise UsageError("give either one book file or several articles, not both")
    book = read_book_file(book_files[0]) if book_files else None
    fetched = _fetch_all(inputs, scratch, fetcher, encoding=encoding, rules=rules, limits=limits)
    if book is not None:
        paths = [_inside(book, path, "article", resource_paths) for path in book.articles]
    else:
        paths = [item if isinstance(item, Path) else fetched.pages[item] for item in inputs]
    warnings: list[str] = []
    articles = load_articles(
        paths,
        lambda path: fetched.docs.get(path) or load(path, encoding=encoding, rules=rules, limits=limits),
        book=book.path if book else None,
    )
    if whole_book_limit:
        total = sum(len(block.text) for article in articles for block in article.doc.blocks)
        limits.check_chars(total, str(book.path) if book else "the collection")
    cover = None
    if book is not None and book.cover is not None:
        cover_path = _inside(book, book.cover, "cover", resource_paths)
        cover = cover_path.relative_to(book.folder).as_posix() if not cover_path.is_absolute() else None
        cover = cover or cover_path.name
    collection, kept = make_collection(
        articles,
        title=one_line(title) if title else (book.title if book else None),
        editor=one_line(editor) if editor else (book.editor if book else None),
        date_text=book.date if book else None,
        language=book.language if book else None,
        cover=cover,
        order=order or (book.order if book and book.order else "as-given"),
        notes=warnings,
    )
    folders = [book.folder] if book else []
    folders += [path.parent for path in kept]
    if fetched.pages:  # a repeated URL's article is named by its URL, not its scratch copy
        collection, warnings = fetched.named(collection, warnings)
    return PreparedCollection(
        collection=collection,
        slug=collection_slug(collection, book.path if book else None),
        source_dirs=tuple(dict.fromkeys(folder.resolve() for folder in folders)),
        book=book,
        warnings=warnings,
        sources=tuple(kept),
    )
