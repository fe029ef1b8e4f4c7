"""Pass ``language``: the document's language → ``meta["language"]``, read before the other
passes so that they can apply a language's own rules (English bylines, chrome, dates).

The page's declared language (``<html lang>``, front matter ``language``) is kept; without one,
the text decides: a text written in Latin letters with (almost) no Hangul is English — the English
pages of Korean outlets — and anything else Korean. A page declared Korean whose text has no
Korean in it is English too, and the user is told."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
MIN_LATIN = 40
"""Fewer Latin letters than this decide nothing (a photo page, a title alone): the default holds."""
HANGUL_WEIGHT = 3
"""A Hangul syllable carries about as much text as three Latin letters."""
MAX_HANGUL_SHARE = 0.05
"""An English text may quote a Korean name or term; above this share of its letters it is Korean."""


def detect(texts: list[str]) -> str | None:
    """``"en"`` when ``texts`` are English by their letters, ``"ko"`` when Korean, None when they
    hold too few letters to tell."""
    latin = sum(len(_LATIN.findall(t)) for t in texts)
    hangul = HANGUL_WEIGHT * sum(len(_HANGUL.findall(t)) for t in texts)
    if latin + hangul < MIN_LATIN:
        return None
    return "en" if latin >= MIN_LATIN and hangul <= MAX_HANGUL_SHARE * (latin + hangul) else "ko"


def run(ctx: Context) -> None:
    """Set ``meta["language"]`` from the declared language or the text."""
    declared = ctx.hints.get("language")
    detected = detect([item.text for item in ctx.items if not structured(item)])
    if isinstance(declared, str) and declared:
        language = declared
        if declared == "ko" and detected == "en":
            language = "en"
            ctx.warnings.append("the page says it is in Korean but its text is English: language set to 'en'")
    else:
        language = detected or "ko"
    ctx.meta["language"] = language


def is_english(ctx: Context) -> bool:
    """The document is in English (the ``language`` pass has run)."""
    return ctx.meta.get("language") == "en"
