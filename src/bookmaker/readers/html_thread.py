"""A discussion thread (an issue tracker's issue, a forum topic): the body found as the densest block
is the opening post's text, and it sits in one of a run of boxes alike — the same tag and classes
under one parent — each holding a text box of the body's own tag and classes. The replies are the
later boxes of that run: each one's text under its header (the first heading in the box, naming
who wrote it and when). Events between the boxes (a label added, an assignee set), reactions and
buttons stay outside, as page chrome."""

from __future__ import annotations

from bs4.element import Tag

from bookmaker.readers.html_body import inside, prose
from bookmaker.readers.html_dom import Page, visible_text
from bookmaker.readers.html_qa import Answer

MAX_CLIMB = 8
"""How far above the body its post's box may be (a comment's text sits in a table in a box)."""
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _alike(node: Tag, other: Tag) -> bool:
    return other.name == node.name and other.get("class") == node.get("class")


def _text_of(page: Page, box: Tag, body: Tag) -> Tag | None:
    """The reply's text in ``box``: the shown element of the body's own tag and classes."""
    return next((n for n in box.find_all(body.name) if _alike(body, n) and page.shown(n)), None)


def find_thread(page: Page, body: Tag) -> list[Answer]:
    """The replies after the opening post whose text is ``body`` (empty when the page is no thread).

    The body must carry classes (a bare ``<div>`` says nothing about its kind), and every later
    box of the run must hold such a text with prose in it."""
    if not body.get("class"):
        return []
    box = body
    for _ in range(MAX_CLIMB):
        parent = box.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            return []
        if box.get("class"):
            later = [s for s in box.find_next_siblings(box.name) if _alike(box, s) and page.shown(s)]
            texts = [_text_of(page, s, body) for s in later]
            if later and all(t is not None and prose(visible_text(t)) for t in texts):
                replies: list[Answer] = []
                for reply, text in zip(later, texts, strict=True):
                    assert text is not None
                    heads = [h for h in reply.find_all(_HEADINGS) if page.shown(h) and not inside(h, text)]
                    head = next((h for h in heads if page.order(h) < page.order(text)), None)
                    replies.append(Answer(head, text))
                return replies
        box = parent
    return []
