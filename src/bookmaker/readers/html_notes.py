"""Footnotes in HTML: definitions (``role="doc-footnote"``/``doc-endnote``, ``epub:type``
footnote/endnote, or items of a list marked as footnotes, as pandoc and most CMSs write them) that a
link in the article points to (``<a href="#fn1">``). The link becomes a footnote reference, the
definition a footnote block; a definition nothing points to stays ordinary text."""

from __future__ import annotations

import re

from bs4.element import Tag

from bookmaker.readers.html_flow import Env
from bookmaker.readers.sanitize import strip_controls

_NOTES = re.compile(r"foot-?notes?|end-?notes?|각주|주석", re.IGNORECASE)
_NOTE_ROLES = ("doc-footnote", "doc-endnote")
_BACK = re.compile(r"back", re.IGNORECASE)


def _marked(tag: Tag) -> bool:
    """True when ``tag`` says it holds or is a footnote (class, id, role or epub:type)."""
    values = [
        *(tag.get("class") or []),
        tag.get("id") or "",
        tag.get("role") or "",
        tag.get("epub:type") or "",
    ]
    return any(_NOTES.search(str(value)) for value in values)


def _definition(tag: Tag) -> bool:
    if str(tag.get("role") or "") in _NOTE_ROLES or _marked(tag):
        return True
    if tag.name != "li":
        return False
    return any(isinstance(parent, Tag) and _marked(parent) for parent in list(tag.parents)[:3])


def find_notes(env: Env, parts: list[Tag]) -> None:
    """Record the footnote definitions, references and back links in ``parts`` on ``env``."""
    definitions: dict[str, Tag] = {}
    for part in parts:
        for tag in part.find_all(id=True):
            note = strip_controls(str(tag.get("id") or "")).strip()
            if note and note not in definitions and _definition(tag):
                definitions[note] = tag
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
            for holder in (link, link.parent):
                if isinstance(holder, Tag) and holder.get("id"):
                    ref_ids.add(str(holder.get("id")))
    for note, tag in definitions.items():
        if note not in referenced:
            continue
        env.notes[id(tag)] = note
        for link in tag.find_all("a", href=True):
            href = str(link.get("href") or "")
            classes = " ".join(str(c) for c in link.get("class") or [])
            if (
                href[1:] in ref_ids
                or str(link.get("role") or "") == "doc-backlink"
                or (href.startswith("#") and _BACK.search(classes))
            ):
                env.backlinks.add(id(link))
