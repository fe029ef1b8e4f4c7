"""Collections: several articles (or one book file listing them) bound as one EPUB and one PDF.

Public API for other front ends (archive, batch)::

    prepared = prepare_collection([Path("a.txt"), Path("b.html")], title="주간 묶음")
    result = build_collection(prepared.collection, out_dir, prepared.slug, options,
                              source_dirs=prepared.source_dirs)
"""

from bookmaker.collection.assemble import make_collection
from bookmaker.collection.book_file import BookFile, is_book_file, read_book_file
from bookmaker.collection.build import build_collection, collection_slug
from bookmaker.collection.prepare import PreparedCollection, prepare_collection

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
