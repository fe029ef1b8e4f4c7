"""The EPUB's stylesheets: the theme's CSS split in two for reading systems that drop a whole file.

Adobe RMSDK (Kobo's ``.epub`` engine, many older readers) is reported to ignore an entire
stylesheet when it meets an ``@media`` or ``@supports`` rule it dislikes. So the rules every reader
needs (keep-all, fonts, basic layout) go to ``style/book.css``, which has no conditional group
rule, and the conditional ones (``@media``, ``@supports``, ``@container``, ``@layer``…) to
``style/conditional.css``, linked after it. Such a rule thus comes after every plain rule in the
cascade, whatever its place in the theme's CSS: a theme should put them last.
"""

from __future__ import annotations

from functools import lru_cache

import tinycss2

BOOK_CSS = "style/book.css"
CONDITIONAL_CSS = "style/conditional.css"
_CONDITIONAL = frozenset({"media", "supports", "container", "layer", "scope", "starting-style", "document"})


@lru_cache(maxsize=16)
def split_conditional(css: str) -> tuple[str, str]:
    """``css`` as (its plain rules and comments, its conditional group rules)."""
    if "@" not in css:
        return css, ""
    plain: list[object] = []
    conditional: list[str] = []
    for node in tinycss2.parse_stylesheet(css):
        if node.type == "at-rule" and node.lower_at_keyword in _CONDITIONAL:
            conditional.append(node.serialize())
        else:
            plain.append(node)
    return tinycss2.serialize(plain).strip() + "\n", "\n".join(conditional)
