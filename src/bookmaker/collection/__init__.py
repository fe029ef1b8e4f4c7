"""Collections: several articles (or one book file listing them) bound as one EPUB and one PDF.

Public API for other front ends (archive, batch)::

    result = build_book([Path("a.txt"), Path("b.html")], out_dir, options, title="주간 묶음")
    # or in two steps:
    prepared = prepare_collection([Path("a.txt"), Path("b.html")], title="주간 묶음")
    result = build_collection(prepared.collection, out_dir, prepared.slug, options,
                              source_dirs=prepared.source_dirs)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bookmaker.collection.assemble import make_collection
    from bookmaker.collection.book_file import BookFile, is_book_file, read_book_file
    from bookmaker.collection.build import build_book, build_collection
    from bookmaker.collection.prepare import PreparedCollection, prepare_collection
    from bookmaker.names import collection_slug

# name → module under bookmaker; loaded on first use, so ``bookmaker build ARTICLE`` imports none of them
_HOMES = {
    "make_collection": "collection.assemble",
    "BookFile": "collection.book_file",
    "is_book_file": "collection.book_file",
    "read_book_file": "collection.book_file",
    "build_book": "collection.build",
    "build_collection": "collection.build",
    "collection_slug": "names",
    "PreparedCollection": "collection.prepare",
    "prepare_collection": "collection.prepare",
}
__all__ = [
    "BookFile",
    "PreparedCollection",
    "build_book",
    "build_collection",
    "collection_slug",
    "is_book_file",
    "make_collection",
    "prepare_collection",
    "read_book_file",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"bookmaker.{home}"), name)
