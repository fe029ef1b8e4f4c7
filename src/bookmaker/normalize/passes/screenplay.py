"""Pass ``screenplay``: a script pasted from a word processor (a film's or a drama's 시나리오).

It is one when two lines or more are scene headings (``S#1. 미숙의 집 거실 ― 새벽``, ``#2.``,
``씬 3``): each is a heading. Above the first scene, the cover: its first line the title, a genre
line set between dashes (``― 단편영화 시나리오 ―``) the deck without them, a credit
(``각본 윤서하``, ``극본 …``, ``글 …``) the author, a draft's number after the date (``(3고)``)
recorded and cut; the cast under ``등장인물`` (``정미숙(62) 혼자 사는 …``, one a line) is a
list. A closing ``(끝)`` / ``― 끝 ―`` is the script's own last line, kept. Scenes under a sentence of
running text (:func:`~bookmaker.normalize.text.quoted_in_article`; a script's synopsis or cast under
their labels does not count) are quoted in a story: their lines stay as printed, nothing is read."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import keep_as_printed, unclaimed
from bookmaker.normalize.context import Context
from bookmaker.normalize.text import quoted_in_article

_SCENE = re.compile(
    r"^\s*(?:S\s*#\s*\d{1,3}|#\s*\d{1,3}\s*[.)]|씬\s*\d{1,3}|신\s*\d{1,3}\s*[.)])\s*[.)]?\s*\S"
)
_GENRE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<genre>\S.{0,30}?)\s*[―—–-]{1,2}\s*$")
_CREDIT = re.compile(r"^\s*(?:각본|극본|각색|글|작)\s*[:：]?\s*(?P<name>[가-힣]{2,4})\s*$")
_CAST_LABEL = re.compile(r"^\s*(?:등장\s*인물|나오는\s*사람들?|인물)\s*[:：]?\s*$")
_CAST = re.compile(r"^\s*[가-힣A-Za-z]{1,6}\s*[(（]\s*\d{1,3}\s*[세)]")
_SECTION_LABEL = re.compile(r"^\s*(?:시놉시스|줄거리|기획\s*의도|로그\s*라인|작가\s*의\s*말)\s*[:：]?\s*$")
"""A script's own section above its first scene, whose sentences are the script's."""
_END = re.compile(r"^\s*(?:[(（]\s*끝\s*[)）]|[―—–-]+\s*끝\s*[―—–-]+|끝\.?)\s*$")
_DRAFT = re.compile(r"\s*[(（]\s*(?:\d{1,2}|초|수정|최종|완성)\s*고\s*[)）]\s*$")
"""A draft's number after the cover's date (``2026. 11. 28. (3고)``, ``(초고)``, ``(최종고)``)."""
MIN_SCENES = 2
END_WITHIN = 3
MAX_COVER = 8


def run(ctx: Context) -> None:
    """Read a screenplay's scene headings, cover, cast and closing mark."""
    if ctx.source_format != "text":
        return
    items = ctx.items
    scenes = [i for i, it in enumerate(items) if unclaimed(it) and _SCENE.match(it.text)]
    if len(scenes) < MIN_SCENES:
        return
    head = items[: scenes[0]]
    own = next(
        (k for k, it in enumerate(head) if _SECTION_LABEL.match(it.text) or _CAST_LABEL.match(it.text)),
        len(head),
    )
    if quoted_in_article(it.text for it in head[:own]):
        for i in scenes:  # "S#1. 버스 정류장 ― 새벽" quoted in a story on a festival's opening film
            keep_as_printed(items[i])
        return
    for i in scenes:
        items[i].kind = "heading"
    for it in items[scenes[-1] + 1 :][-END_WITHIN:]:
        if unclaimed(it) and _END.match(it.text):
            it.role = "paragraph"  # "(끝)": the script's own end, not a wire's end mark
            it.attrs["own_end"] = "1"
    cover = items[: scenes[0]]
    cast = next((k for k, it in enumerate(cover) if unclaimed(it) and _CAST_LABEL.match(it.text)), None)
    if cast is not None:
        cover[cast].kind = "heading"
        members = []
        for it in cover[cast + 1 :]:
            if not (unclaimed(it) and _CAST.match(it.text)):
                break
            members.append(it)
        for it in members if len(members) >= 2 else []:
            it.role = "list-item"
            it.attrs["list"] = str(members[0].line)
        cover = cover[:cast]
    cover = cover[:MAX_COVER]
    if not cover or not unclaimed(cover[0]):
        return
    cover[0].kind = "title"
    for it in cover[1:]:
        genre = _GENRE.match(it.text) if unclaimed(it) else None
        credit = _CREDIT.match(it.text) if unclaimed(it) else None
        if genre:
            it.text = genre["genre"]
            it.kind = "subtitle"
        elif (draft := _DRAFT.search(it.text)) is not None and unclaimed(it):
            ctx.record(
                draft.group(0).strip(), "the script's draft number by its date", it.line, "screenplay.draft"
            )
            it.text = it.text[: draft.start()].rstrip()
        elif credit:
            ctx.add_author(Author(name=credit["name"]), it.line)
            ctx.to_meta(it, "authors")
