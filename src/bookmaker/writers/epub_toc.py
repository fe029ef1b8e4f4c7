"""The EPUB's contents as a tree: each chapter with its headings nested by level, written out as the
navigation document's list (``nav.xhtml``) and as the EPUB 2 NCX (``toc.ncx``), which EPUB 2
reading systems, calibre and many apps read instead.

A heading goes under the nearest heading before it of a higher rank (a smaller level number); a
skipped level (``h2`` then ``h4``) nests one step, not two through an empty list, and a heading
before any of a higher rank (a document that opens with an ``h3``) stays at the chapter's top.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count

from lxml import etree
from markupsafe import escape

NCX_NAMESPACE = "http://www.daisy.org/z3986/2005/ncx/"
NCX_MEDIA_TYPE = "application/x-dtbncx+xml"


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents: its label, the page (and fragment) it opens, its NCX id and the
    entries nested under it."""

    title: str
    href: str
    uid: str
    children: tuple[TocEntry, ...] = ()


@dataclass
class _Open:
    level: int
    entry: TocEntry
    children: list[_Open] = field(default_factory=list)

    def freeze(self) -> TocEntry:
        kids = tuple(child.freeze() for child in self.children)
        return TocEntry(self.entry.title, self.entry.href, self.entry.uid, kids)


def nest(headings: Iterable[tuple[int, TocEntry]]) -> list[TocEntry]:
    """``(level, entry)`` pairs in reading order as a forest: each entry under the last one before
    it with a smaller level."""
    roots: list[_Open] = []
    path: list[_Open] = []  # from a root down to the last entry placed
    for level, entry in headings:
        while path and path[-1].level >= level:
            path.pop()
        node = _Open(level, entry)
        (path[-1].children if path else roots).append(node)
        path.append(node)
    return [node.freeze() for node in roots]


def walk(entries: Sequence[TocEntry]) -> Iterator[tuple[int, TocEntry]]:
    """Every entry in reading order with its depth (1 at the top)."""
    for entry in entries:
        yield 1, entry
        for depth, child in walk(entry.children):
            yield depth + 1, child


def depth(entries: Sequence[TocEntry]) -> int:
    """How deep the entries nest (1 for a flat list; 1 for none, as an NCX counts)."""
    return max((level for level, _ in walk(entries)), default=1)


def nav_list(entries: Sequence[TocEntry], *, top: bool = True) -> str:
    """The navigation document's ``<ol>``: an ``<li>`` with one ``<a>`` per entry, and an ``<ol>``
    inside it only when it has entries under it. Chapters are ``toc-chapter``, the rest ``toc-section``."""
    kind = "toc-chapter" if top else "toc-section"
    items = "".join(
        f'<li class="{kind}"><a href="{escape(entry.href)}">{escape(entry.title)}</a>'
        f"{nav_list(entry.children, top=False) if entry.children else ''}</li>"
        for entry in entries
    )
    return f"<ol>{items}</ol>"


def ncx_document(entries: Sequence[TocEntry], *, uid: str, title: str) -> bytes:
    """The NCX: its navPoints nested as the entries are, ``playOrder`` 1, 2, 3… in reading order
    and ``dtb:depth`` as deep as they nest."""
    root = etree.fromstring(f'<ncx xmlns="{NCX_NAMESPACE}" version="2005-1"/>')
    head = etree.SubElement(root, f"{{{NCX_NAMESPACE}}}head")
    metas = {
        "dtb:uid": uid,
        "dtb:depth": str(depth(entries)),
        "dtb:totalPageCount": "0",
        "dtb:maxPageNumber": "0",
    }
    for name, content in metas.items():
        etree.SubElement(head, f"{{{NCX_NAMESPACE}}}meta", content=content, name=name)
    doc_title = etree.SubElement(root, f"{{{NCX_NAMESPACE}}}docTitle")
    etree.SubElement(doc_title, f"{{{NCX_NAMESPACE}}}text").text = title
    nav_map = etree.SubElement(root, f"{{{NCX_NAMESPACE}}}navMap")
    order = count(1)

    def add(parent: etree._Element, entry: TocEntry) -> None:
        point = etree.SubElement(
            parent, f"{{{NCX_NAMESPACE}}}navPoint", id=entry.uid, playOrder=str(next(order))
        )
        label = etree.SubElement(point, f"{{{NCX_NAMESPACE}}}navLabel")
        etree.SubElement(label, f"{{{NCX_NAMESPACE}}}text").text = entry.title
        etree.SubElement(point, f"{{{NCX_NAMESPACE}}}content", src=entry.href)
        for child in entry.children:
            add(point, child)

    for entry in entries:
        add(nav_map, entry)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
