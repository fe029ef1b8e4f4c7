"""bookmaker: Korean-first EPUB 3 and PDF builder (readers → normalize → IR → layout → writers).

``import bookmaker`` costs next to nothing; the API loads on first use (docs/api.md)::

    doc = bookmaker.normalize("article.txt")        # the IR (a bookmaker.Document)
    bookmaker.build(doc, "out", formats=("epub",))  # out/<slug>.epub
    bookmaker.build_collection(["a.txt", "b.md"], "out", title="주간 뉴스")
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Author",
    "Block",
    "BuildOptions",
    "BuildResult",
    "Cell",
    "Code",
    "CodeBlock",
    "Collection",
    "CollectionMeta",
    "Container",
    "Document",
    "Duplicate",
    "Emphasis",
    "Figure",
    "Footnote",
    "Heading",
    "Identifier",
    "Inline",
    "LineBreak",
    "Link",
    "ListBlock",
    "ListItem",
    "Meta",
    "NoteRef",
    "Paragraph",
    "Quote",
    "Removal",
    "Row",
    "Ruby",
    "Source",
    "Span",
    "Strong",
    "Subscript",
    "Superscript",
    "Table",
    "Text",
    "ThematicBreak",
    "__version__",
    "build",
    "build_collection",
    "from_json",
    "normalize",
    "to_json",
]  # fmt: skip
_HOMES = {"build": "bookmaker.api", "build_collection": "bookmaker.api"}
_HOMES |= {"BuildOptions": "bookmaker.pipeline", "BuildResult": "bookmaker.pipeline"}


def __getattr__(name: str) -> Any:
    """Load the public API on first use (``bookmaker.normalize`` is the package, callable)."""
    if name == "normalize":
        return importlib.import_module("bookmaker.normalize")
    if name in __all__:
        return getattr(importlib.import_module(_HOMES.get(name, "bookmaker.ir")), name)
    raise AttributeError(f"module 'bookmaker' has no attribute {name!r}")
