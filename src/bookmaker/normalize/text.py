"""Small text helpers shared by the passes."""

from __future__ import annotations

import re
import unicodedata

SENTENCE_END = re.compile(r"(?:[.!?。]|[다요죠음함임됨][.!?]?)[\"'”’)\]]*$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9._%+-]+@")


def key(text: str) -> str:
    """A comparison key: NFKC, no spaces, punctuation or quote style, lowercase."""
    folded = unicodedata.normalize("NFKC", text).replace("…", "")
    return re.sub(r"[\W_]+", "", folded).lower()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (``다.``, ``.``, ``?`` …)."""
    return bool(re.search(r"[.!?。][\"'”’)\]]*$", text.strip()))
