"""Labels written for screen readers only (a class that hides them visually: ``visually-hidden``,
``sr-only``, ``screen-reader-text``, ``blind``, ``screen_out``): style sheets are not applied, so their
text counts as visible (:mod:`.html_dom`), but two kinds read as stray words in the text and go,
recorded (``html.reader-label``):

* a short label that names the value after it, ending with a comma or a colon (BBC's ``<span
  class="visually-hidden">사진 출처, </span>Getty Images``, ``작성자, ``, ``사진 설명, ``);
* a heading that only screen readers get (``<h2 class="visually-hidden">기사 정보</h2>`` over a byline).

Other hidden-class text (a date's label ``<span class="blind">입력</span>``, read with its date by
:mod:`.html_header`) is left as it was."""

from __future__ import annotations

import re

from bs4.element import Tag

from bookmaker.readers.html_dom import visible_text
from bookmaker.readers.html_flow import Env

_READER_ONLY = re.compile(
    r"^(?:visually-?hidden|visuallyhidden|sr-only|sr_only|screen-?reader-?(?:text|only)|a11y-?hidden|blind|screen_out|hidden-text|hide-text)$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[^,:，：]{1,12}[,:，：]$")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
REASON = "a label for screen readers only"
MAX_INSIDE = 8


def drop_reader_labels(env: Env, parts: list[Tag], title: Tag | None, body: Tag) -> None:
    """Remove screen-reader labels and headings (see the module) in the article's ``parts`` and
    between its headline and its text (the page's other chrome goes as it went)."""
    page = env.page
    start = page.order(title) if title is not None else page.order(body)
    tags = [tag for part in parts for tag in part.find_all(class_=_READER_ONLY)]
    tags += [
        tag for tag in page.soup.find_all(class_=_READER_ONLY) if start < page.order(tag) < page.order(body)
    ]
    for tag in tags:
        if len(tag.find_all(True, limit=MAX_INSIDE)) >= MAX_INSIDE:
            continue  # a whole hidden box, not a label: its text is not read here (linear time)
        text = visible_text(tag).strip()
        if not text:
            continue
        if tag.name in _HEADINGS or _LABEL.match(text):
            env.remove(tag, REASON, "html.reader-label")
