"""Standard identifiers as pages and papers print them (``DOI : 10.…``, ``https://doi.org/10.…``,
``ISBN 978-89-…``, ``ISSN 1225-598X``) read into the IR's :class:`~bookmaker.ir.Identifier`."""

from __future__ import annotations

import re

from bookmaker.ir import IDENTIFIER_PATTERNS, Identifier, IdentifierScheme

_DOI = re.compile(r"\b10\.[0-9]{4,9}(?:\.[0-9]+)*/[^\s\"<>]+")
_DOI_TAIL = ".,;:)]}'’”"
_RESOLVER = r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*|info:doi/)"
DOI_LINE = re.compile(
    rf"^\s*(?:(?:DOI|doi|Doi)\s*(?:[:：]\s*)?(?:{_RESOLVER})?|{_RESOLVER}|https?://(?:dx\.)?doi\.org/)"
    r"(?P<doi>10\.[0-9]{4,9}(?:\.[0-9]+)*/\S+?)[.]?\s*$"
)
"""A line that gives the document's DOI and nothing else: ``DOI : 10.16981/…``,
``https://doi.org/10.…``, ``doi:10.…``."""
_ISBN_OR_ISSN = re.compile(r"[0-9][0-9\s-]{7,16}[0-9Xx]")


def doi(text: str) -> str | None:
    """The DOI in ``text`` (a bare one, ``doi:…``, a resolver's URL), without a sentence's closing
    punctuation; None when there is none."""
    m = _DOI.search(text)
    if m is None:
        return None
    value = m.group(0)
    while value and value[-1] in _DOI_TAIL:
        value = value[:-1]
    return value if re.match(IDENTIFIER_PATTERNS["doi"], value) else None


def _compact(text: str, scheme: IdentifierScheme) -> str | None:
    m = _ISBN_OR_ISSN.search(text)
    if m is None:
        return None
    digits = re.sub(r"[\s-]", "", m.group(0)).upper()
    return f"{digits[:4]}-{digits[4:]}" if scheme == "issn" and len(digits) == 8 else digits


def identifier(scheme: IdentifierScheme, text: str) -> Identifier | None:
    """``text`` as an identifier of ``scheme`` in the IR's form, or None when it is not a valid one
    (a wrong check digit, a DOI without its ``10.`` prefix)."""
    value = doi(text) if scheme == "doi" else _compact(text, scheme)
    if value is None:
        return None
    try:
        return Identifier(scheme=scheme, value=value)
    except ValueError:
        return None
