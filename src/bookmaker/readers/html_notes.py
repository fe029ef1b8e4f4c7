"""Footnotes in HTML: definitions (``role="doc-footnote"``/``doc-endnote``, ``epub:type``
footnote/endnote, or the items, paragraphs or divisions of a container marked as footnotes or
references, as pandoc, MediaWiki's ``<ol class="references">`` and most CMSs write them) that a link
in the article points to (``<a href="#fn1">``). The link becomes a footnote reference, the
definition a footnote block; a definition nothing points to stays ordinary text. A heading (or an
anchor inside one, MediaWiki's ``<span id="각주">``) is a section, never a note. A definition's back
links — links to its references, or an element whose class says ``backlink`` with its arrows
(``↑ 가 나``) — are removed: the writers make their own."""

from __future__ import annotations

import re

from bs4.element import Tag

from bookmaker.readers.html_flow import Env
from bookmaker.readers.sanitize import strip_controls

_NOTES = re.compile(r"foot-?notes?|end-?notes?|각주|주석|^ftnt\d+$", re.IGNORECASE)
"""(``ftnt1``: Google Docs' web export gives a note's definition that id, on the note's back link.)"""
_CONTAINER = re.compile(_NOTES.pattern + r"|\breferences\b", re.IGNORECASE)
"""A container of definitions says so (MediaWiki's list is ``references``; a reference *marker*,
``<sup class="reference">``, is no container)."""
_NOTE_ROLES = ("doc-footnote", "doc-endnote")
_DEFINITION_TAGS = ("li", "p", "div")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BACK = re.compile(r"back", re.IGNORECASE)
_BACKLINK = re.compile(r"back-?link", re.IGNORECASE)


def _marked(tag: Tag, pattern: re.Pattern[str] = _NOTES) -> bool:
    """True when ``tag`` says it holds or is a footnote (class, id, role or epub:type)."""
    values = [
        *(tag.get("class") or []),
        tag.get("id") or "",
        tag.get("role") or "",
        tag.get("epub:type") or "",
    ]
    return any(pattern.search(str(value)) for value in values)


def _definition(tag: Tag) -> bool:
    if tag.name in _HEADINGS or tag.find_parent(_HEADINGS) is not None:
        return False
    if str(tag.get("role") or "") in _NOTE_ROLES or _marked(tag):
        return True
    if tag.name not in _DEFINITION_TAGS:
        return False
    return any(isinstance(parent, Tag) and _marked(parent, _CONTAINER) for parent in list(tag.parents)[:3])


def _anchor_in_note(tag: Tag) -> bool:
    """An empty anchor right inside an element marked as a note (see :func:`_holder`)."""
    parent = tag.parent
    return _empty_anchor(tag) and isinstance(parent, Tag) and parent.name not in _HEADINGS and _marked(parent)


def _holder(tag: Tag) -> Tag:
    """The element that holds a definition: a paragraph or an item whose own back link carries the
    definition's id (Google Docs: ``<p><a href="#ftnt_ref1" id="ftnt1">[1]</a> …</p>``), a marked
    element whose empty anchor carries it (나무위키: ``<span class="footnote-list"><span id="fn-1">
    </span><a href="#rfn-1">[1]</a> …</span>``), else ``tag``."""
    parent = tag.parent
    href = str(tag.get("href") or "")
    if tag.name == "a" and href.startswith("#") and isinstance(parent, Tag) and parent.name in ("p", "li"):
        return parent
    if _empty_anchor(tag) and isinstance(parent, Tag) and _marked(parent):
        return parent
    return tag


def _empty_anchor(tag: Tag) -> bool:
    return tag.name in ("span", "a") and not tag.get_text(strip=True)


_COMMENT = re.compile(r"^(?:cmnt\d+|_msocom_\d+)$")
"""A word processor's review comment in its web export: Google Docs' ``cmnt1``, Word's ``_msocom_1``."""


def drop_comments(env: Env, parts: list[Tag]) -> None:
    """A document's review comments, exported at its end with their markers (``[a]``) in the text:
    both are the writers' working notes, not the document; each is removed with its reason."""
    threads: set[str] = set()
    for part in parts:
        for anchor in part.find_all("a", id=_COMMENT):
            box = anchor.find_parent(["div", "li"]) or anchor.parent
            threads.add(str(anchor.get("id")))
            if isinstance(box, Tag):
                env.remove(box, "a reviewer's comment exported with the document", "html.comment")
    if not threads:
        return
    for part in parts:
        for link in part.find_all("a", href=True):
            if str(link.get("href"))[1:] in threads:
                env.remove(link, "a reviewer's comment marker", "html.comment")


def find_notes(env: Env, parts: list[Tag]) -> None:
    """Record the footnote definitions, references and back links in ``parts`` on ``env``."""
    definitions: dict[str, Tag] = {}
    for part in parts:
        for tag in part.find_all(id=True):
            note = strip_controls(str(tag.get("id") or "")).strip()
            if note and note not in definitions and (_definition(tag) or _anchor_in_note(tag)):
                definitions[note] = _holder(tag)
    if not definitions:
        return
    referenced: set[str] = set()
    ref_ids: set[str] = set()
    for part in parts:
        for link in part.find_all("a", href=True):
            href = str(link.get("href") or "")
            note = href[1:] if href.startswith("#") else ""
            target = definitions.get(note)
            if target is None or link is target or any(p is target for p in link.parents):
                continue
            env.refs[id(link)] = note
            referenced.add(note)
            for holder in (link, link.parent, *link.find_all(id=True)):
                if isinstance(holder, Tag) and holder.get("id"):
                    ref_ids.add(str(holder.get("id")))
    for note, tag in definitions.items():
        if note not in referenced:
            continue
        env.notes[id(tag)] = note
        for holder in tag.find_all(class_=_BACKLINK):
            env.remove(holder, "footnote back link (the writers make their own)", "html.footnote-marker")
        for link in tag.find_all("a", href=True):
            href = str(link.get("href") or "")
            classes = " ".join(str(c) for c in link.get("class") or [])
            if (
                href[1:] in ref_ids
                or str(link.get("role") or "") == "doc-backlink"
                or (href.startswith("#") and _BACK.search(classes))
            ):
                env.backlinks.add(id(link))
