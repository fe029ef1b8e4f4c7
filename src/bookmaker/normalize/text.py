"""Small text helpers shared by the passes."""

from __future__ import annotations

import unicodedata

from bookmaker import recache

SENTENCE_END = recache.compile(r"(?:[.!?。]|[다요죠음함임됨][.!?]?)[\"'”’)\]]*$")
HANGUL = recache.compile(r"[\uac00-\ud7a3]")
EMAIL = recache.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9._%+-]+@")


def key(text: str) -> str:
    """A comparison key: NFKC, no spaces, punctuation or quote style, lowercase."""
    folded = unicodedata.normalize("NFKC", text).replace("…", "")
    return recache.compile(r"[\W_]+").sub("", folded).lower()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (``다.``, ``.``, ``?`` …)."""
    return bool(recache.compile(r"[.!?。][\"'”’)\]]*$").search(text.strip()))
