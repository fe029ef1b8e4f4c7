"""Collections: several articles (or one book file listing them) bound as one EPUB and one PDF.

Public API for other front ends (archive, batch)::

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
    from bookmaker.collection.build import build_collection, collection_slug
    from bookmaker.collection.prepare import PreparedCollection, prepare_collection

# name → submodule; loaded on first use, so ``bookmaker build ARTICLE`` imports none of them
_HOMES = {
    "make_collection": "assemble",
    "BookFile": "book_file",
    "is_book_file": "book_file",
    "read_book_file": "book_file",
    "build_collection": "build",
    "collection_slug": "build",
    "PreparedCollection": "prepare",
    "prepare_collection": "prepare",
}
__all__ = [
    "BookFile",
    "PreparedCollection",
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
    return getattr(import_module(f"bookmaker.collection.{home}"), name)
