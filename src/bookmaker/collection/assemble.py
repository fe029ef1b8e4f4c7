"""Assemble a :class:`~bookmaker.ir.Collection`: load each article, drop duplicates, order them.

Duplicates are articles with the same content digest (:func:`~bookmaker.writers.identity.content_digest`)
or the same normalised title and body as one already taken; the first one given is kept and every
one left out is recorded with its reason. ``order="date"`` sorts by published date, newest last,
undated articles at the end, ties kept in the given order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import msgspec

from bookmaker.errors import InputError
from bookmaker.ir import Collection, CollectionMeta, Document, Duplicate, Figure
from bookmaker.layout.labels import common_language, label
from bookmaker.writers.identity import content_digest

ORDERS = ("as-given", "date")
Loader = Callable[[Path], Document]


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded input: where it came from and its document."""

    path: Path
    doc: Document


def with_absolute_figures(doc: Document, folder: Path) -> Document:
    """``doc`` with relative figure sources made absolute ``file:`` URLs (articles share one build)."""
    base = folder.resolve().as_uri() + "/"
    blocks = [
        msgspec.structs.replace(block, src=urljoin(base, block.src))
        if isinstance(block, Figure) and block.src and not urlsplit(block.src).scheme
        else block
        for block in doc.blocks
    ]
    return msgspec.structs.replace(doc, blocks=blocks)


def load_articles(paths: Sequence[Path], load: Loader, *, book: Path | None = None) -> list[Article]:
    """Load every path in turn; an unreadable one is an input error naming it (and the book file)."""
    articles = []
    for path in paths:
        try:
            doc = load(path)
        except InputError as exc:
            if book is None:
                raise
            raise InputError(f"{book}: article {path.name!r}: {exc}") from None
        articles.append(Article(path, with_absolute_figures(doc, path.parent)))
    return articles


def _body_key(doc: Document) -> str:
    text = "\n".join([doc.meta.title, *(block.text for block in doc.blocks)])
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\u200b\u2060]+", "", text)


def drop_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[Duplicate]]:
    """The articles with repeats left out, and a record of each repeat."""
    by_digest: dict[str, Article] = {}
    by_body: dict[str, Article] = {}
    kept: list[Article] = []
    duplicates: list[Duplicate] = []
    for article in articles:
        digest, body = content_digest(article.doc), _body_key(article.doc)
        first, reason = by_digest.get(digest), "same content"
        if first is None:
            first, reason = by_body.get(body), "same title and text"
        if first is not None:
            if first.path.resolve() == article.path.resolve():
                reason = "the same file given twice"
            duplicates.append(
                Duplicate(
                    path=str(article.path),
                    title=article.doc.meta.title,
                    duplicate_of=str(first.path),
                    reason=reason,
                )
            )
            continue
        by_digest[digest], by_body[body] = article, article
        kept.append(article)
    return kept, duplicates


def published(doc: Document) -> datetime | None:
    """The article's published moment (UTC, naive) or ``None`` when undated or unreadable."""
    value = (doc.meta.date or "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(value[:10]), datetime.min.time())
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def in_order(articles: Sequence[Article], order: str) -> list[Article]:
    """``as-given`` keeps the order; ``date`` sorts oldest first, undated last (stable)."""
    if order not in ORDERS:
        raise InputError(f"--order takes {' or '.join(ORDERS)}, not {order!r}")
    if order == "as-given":
        return list(articles)

    def key(item: tuple[int, Article]) -> tuple[bool, datetime, int]:
        moment = published(item[1].doc)
        return (moment is None, moment or datetime.min, item[0])

    return [article for _, article in sorted(enumerate(articles), key=key)]


def default_title(docs: Sequence[Document], language: str = "ko") -> str:
    """A title for an untitled collection: ``첫 기사 제목 외 N편`` (``… and N more``)."""
    first = docs[0].meta.title
    if len(docs) == 1:
        return first
    return label("titled_after_first", language, first=first, count=len(docs) - 1)


def newest_date(docs: Sequence[Document]) -> str | None:
    """The date (``YYYY-MM-DD``) of the most recent dated article."""
    moments = [m for m in (published(d) for d in docs) if m is not None]
    return max(moments).date().isoformat() if moments else None


def make_collection(
    articles: Sequence[Article],
    *,
    title: str | None,
    editor: str | None = None,
    date_text: str | None = None,
    language: str | None = None,
    cover: str | None = None,
    order: str = "as-given",
    notes: list[str] | None = None,
) -> tuple[Collection, list[Path]]:
    """The collection of ``articles`` and the source path of each article kept, in book order.

    Warnings (duplicates left out, a derived title) are appended to ``notes``.
    """
    if not articles:
        raise InputError("a collection needs at least one article")
    kept, duplicates = drop_duplicates(articles)
    kept = in_order(kept, order)
    docs = [a.doc for a in kept]
    warnings = notes if notes is not None else []
    for dup in duplicates:
        warnings.append(f"{dup.path}: duplicate of {dup.duplicate_of} ({dup.reason}), left out")
    language = language or common_language([doc.meta.language for doc in docs])
    if not title:
        title = default_title(docs, language)
        warnings.append(f"no --title given: the collection is titled {title!r}")
    meta = CollectionMeta(
        title=title,
        editor=editor,
        date=date_text or newest_date(docs),
        language=language,
        cover=cover,
    )
    return Collection(meta=meta, articles=docs, duplicates=duplicates), [a.path for a in kept]
