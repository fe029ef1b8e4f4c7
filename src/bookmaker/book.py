"""What the writers bind: a book of chapters. One article is a one-chapter book; a collection's
articles are its chapters, under the collection's own title page and contents."""

from __future__ import annotations

from dataclasses import dataclass

from bookmaker.ir import Collection, Document


@dataclass(frozen=True, slots=True)
class Book:
    """The chapters to bind, and the collection they come from (``None`` for a single article)."""

    chapters: tuple[Document, ...]
    collection: Collection | None = None

    @classmethod
    def of(cls, source: Document | Collection | Book) -> Book:
        """The book of an article, a collection, or ``source`` itself."""
        if isinstance(source, Book):
            return source
        if isinstance(source, Collection):
            return cls(tuple(source.articles), source)
        return cls((source,))

    @property
    def title(self) -> str:
        """The book's title: the collection's, else the article's."""
        return self.collection.meta.title if self.collection else self.chapters[0].meta.title

    @property
    def language(self) -> str:
        """The book's language: the collection's, else the article's."""
        return self.collection.meta.language if self.collection else self.chapters[0].meta.language

    def with_chapters(self, chapters: list[Document]) -> Book:
        """The same book with its chapters replaced (e.g. figures packaged)."""
        if self.collection is None:
            return Book(tuple(chapters))
        collection = Collection(
            meta=self.collection.meta, articles=chapters, duplicates=self.collection.duplicates
        )
        return Book(tuple(chapters), collection)

    def digest(self) -> str:
        """SHA-256 (hex) naming the book's content (see :mod:`bookmaker.writers.identity`)."""
        from bookmaker.writers.identity import collection_digest, content_digest

        if self.collection is not None:
            return collection_digest(self.collection)
        return content_digest(self.chapters[0])
