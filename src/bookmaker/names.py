"""Output file names: readable in the title's own script, safe on every file system.

``미국산 AI 수출 프로그램' 동참 의사`` → ``미국산-ai-수출-프로그램-동참-의사``: NFC, lower case,
letters, marks, digits and ``_`` kept, every other run of characters (spaces, punctuation, the
characters Windows forbids ``/ \\ : * ? " < > |``, controls) one ``-``; no leading dot or dash;
at most :data:`MAX_CHARS` characters and :data:`MAX_BYTES` UTF-8 bytes, cut between characters
(never inside a syllable or before a combining mark); a Windows device name (``con``, ``nul`` …)
gets a ``_`` added.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bookmaker.ir import Collection

MAX_CHARS = 80
MAX_BYTES = 200  # of UTF-8: with a suffix, a ".part" and an extension still under 255 bytes
_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)


def _kept(char: str) -> bool:
    return char == "_" or unicodedata.category(char)[0] in "LMN"


def safe_stem(text: str) -> str:
    """``text`` as a file stem (see the module); ``""`` when nothing of it can be kept."""
    text = unicodedata.normalize("NFC", text).lower()
    pieces: list[str] = []
    for char in text:
        if _kept(char):
            pieces.append(char)
        elif pieces and pieces[-1] != "-":
            pieces.append("-")
    stem = "".join(pieces).strip("-")
    while stem and unicodedata.category(stem[0])[0] == "M":  # a mark with nothing to combine with
        stem = stem[1:].lstrip("-")
    stem = _cut(stem[: MAX_CHARS + 1])
    return stem + "_" if stem in _DEVICES else stem


def _cut(stem: str) -> str:
    end = len(stem)
    while end > 0 and (end > MAX_CHARS or len(stem[:end].encode("utf-8")) > MAX_BYTES):
        end -= 1
    while 0 < end < len(stem) and unicodedata.category(stem[end])[0] == "M":
        end -= 1  # keep a base character with its combining marks
    return stem[:end].rstrip("-") if end < len(stem) else stem


def collection_slug(collection: Collection, book_file: Path | None = None) -> str:
    """A file stem: the book file's stem, else the title's (:func:`bookmaker.names.safe_stem`,
    Hangul kept), else a digest."""
    for text in (book_file.stem if book_file else "", collection.meta.title):
        stem = safe_stem(text)
        if stem:
            return stem
    from bookmaker.writers.identity import collection_digest

    return f"collection-{collection_digest(collection)[:10]}"
