"""Stable identifiers derived from the document's content."""

from __future__ import annotations

import hashlib
import uuid

import msgspec

from bookmaker.ir import Collection, Document, to_json

_NAMESPACE = uuid.UUID("6f1d3c1e-5b7a-4a8e-9c59-6b6f6f6b6d6b")  # bookmaker's own namespace


_ADDED_IN_2_1 = {"meta": ("identifiers", "container"), "author": ("affiliations",)}
"""The fields IR 2.1 added: left out of the digest while empty, so that a book whose content did not
change keeps its identifier (same content, same identifier, across IR versions)."""


def _canonical(doc: Document) -> bytes:
    """The document's JSON as the digest reads it: provenance left out, the IR 2.0 form where the
    content has nothing of 2.1's."""
    clean = msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, source=None))
    data = msgspec.to_builtins(clean)
    meta = data["meta"]
    added = [*(meta.get(k) for k in _ADDED_IN_2_1["meta"])]
    added += [a.get(k) for a in meta["authors"] for k in _ADDED_IN_2_1["author"]]
    if any(added):
        return to_json(clean, indent=0).encode("utf-8")
    for key in _ADDED_IN_2_1["meta"]:
        meta.pop(key, None)
    for author in meta["authors"]:
        for key in _ADDED_IN_2_1["author"]:
            author.pop(key, None)
    data["ir_version"] = "2.0"
    return msgspec.json.format(msgspec.json.encode(data), indent=0)


def content_digest(doc: Document) -> str:
    """SHA-256 (hex) of the document's canonical JSON (:func:`_canonical`)."""
    return hashlib.sha256(_canonical(doc)).hexdigest()


def pdf_identifier(digest: str) -> bytes:
    """The PDF's file identifier (``/ID``): the first 32 hex digits of a content digest."""
    return digest[:32].encode("ascii")


def collection_digest(collection: Collection) -> str:
    """SHA-256 (hex) of a collection: its metadata and its articles' digests, in order."""
    parts = [to_json(msgspec.structs.replace(collection, articles=[], duplicates=[]), indent=0)]
    parts += [content_digest(doc) for doc in collection.articles]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def uuid_urn(digest: str) -> str:
    """A UUIDv5 URN that names the content with this digest: same content, same identifier."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, digest)}"
