"""Language tags (BCP 47, RFC 5646): ``dc:language`` and every ``xml:lang`` of an EPUB must be
well-formed ones, or the book is invalid; a tag from an input is checked before it is used."""

from __future__ import annotations

import re

_TAG = re.compile(
    r"(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"  # language (with extended subtags)
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|\d{3}))?"  # region
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*"  # variants
    r"(?:-[\da-wyz](?:-[a-z\d]{2,8})+)*"  # extensions
    r"(?:-x(?:-[a-z\d]{1,8})+)?"  # private use
    r"|x(?:-[a-z\d]{1,8})+)",
    re.IGNORECASE | re.ASCII,
)


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a well-formed BCP 47 language tag (``ko``, ``en-US``, ``zh-Hant-TW``)."""
    return _TAG.fullmatch(value) is not None


def bad_language(value: str, where: str) -> str:
    """The message for a tag that is not one."""
    return f"{where} {value!r} is not a language tag (BCP 47, like ko or en-US)"
