"""Pass ``recorder_notes``: a voice recorder's transcript (CLOVA Note, 다글로 …) exported or copied
from the app: the note's title over its recording line (``2026.12.03 목 오후 7:02 ・ 38분 14초``),
the speakers, an app's summary panel, then the turns, each a speaker and the time into the
recording alone on a line (``김하은 00:03``, ``참석자 3 00:41``) over what was said.

Each turn is one paragraph, the speaker's line joined with its words (``김하은 00:03 네, 그럼 …``),
kept even when its words repeat another turn's (``네.``); the line over the recording line is the
title, the app's menu above it goes (``recorder.chrome``), as do, above the first turn, the
summary's badge (``베타``) and the app's warning that a summary may be wrong; a short label over a
list or over another label there (``AI 요약``, ``주요 주제``, ``다음 할 일``) is a heading. All after the
last turn's words (download buttons, sharing notes, copyright) goes (``recorder.footer``). The
recording line is left to pass ``dates`` (its length stays as text). A text is read so only with
:data:`MIN_TURNS` turns or more, each over a line of words. Turns under a sentence of running text
(:func:`~bookmaker.normalize.text.quoted_in_article`; above the note's title when a recording line
heads them) are quoted in a story: each line stays as printed, its own paragraph, and the story
after them stays."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence, quoted_in_article

_SPEAKER = r"(?:[가-힣]{2,5}|(?:참석자|화자|발언자|Speaker)\s*\d{1,2}|[A-Za-z]{2,12})"
_TURN = re.compile(rf"^\s*{_SPEAKER}\s+(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}}\s*$")
_SPEAKERS = re.compile(rf"^\s*{_SPEAKER}(?:(?:\s+|\s*,\s*){_SPEAKER})*\s*$")
_LENGTH = r"(?:\d{1,2}\s*시간\s*)?\d{1,2}\s*분(?:\s*\d{1,2}\s*초)?|\d{1,2}\s*초"
_RECORDING = re.compile(
    rf"^\s*(?P<when>\d{{4}}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*\d{{1,2}}\.?.{{0,20}}?\d{{1,2}}:\d{{2}})"
    rf"\s*[・·∙•|]\s*(?P<length>{_LENGTH})\s*$"
)
_BADGE = re.compile(r"^\s*(?:베타|Beta|BETA|NEW|New)\s*$")
_WARNING = re.compile(r"(?:부정확할|정확하지\s*않을|틀릴|오류가\s*있을)\s*수\s*있")
_LISTED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*])\s")
MIN_TURNS = 4
MAX_LABEL = 10
MAX_TITLE = 80

_CHROME = "a voice recorder app's menu above the note"
_FOOTER = "a voice recorder app's buttons and notes after the transcript"


def _turns(items: list[Item]) -> list[int]:
    """The indices of turn lines: a speaker and a time, over a line of words."""
    return [
        i
        for i, item in enumerate(items[:-1])
        if unclaimed(item)
        and _TURN.match(item.text)
        and unclaimed(items[i + 1])
        and not _TURN.match(items[i + 1].text)
    ]


def _words(items: list[Item], turn: int) -> list[Item]:
    """The lines of words under the turn at ``turn``: up to a blank line or the next turn."""
    out: list[Item] = []
    for item in items[turn + 1 :]:
        if (out and item.attrs.get("after_blank")) or not unclaimed(item) or _TURN.match(item.text):
            break
        out.append(item)
    return out


def _label(item: Item) -> bool:
    """A short label of an app's panel: no sentence, no list marker."""
    text = item.text.strip()
    return 0 < len(text) <= MAX_LABEL and not ends_sentence(text) and not _LISTED.match(text)


def _head(items: list[Item], first: int, speakers: set[str], drops: list[tuple[Item, str, str]]) -> None:
    """The title, the app's menu above it, and the summary panel between the recording line and the
    first turn."""
    recording = next((i for i in range(first) if _RECORDING.match(items[i].text)), None)
    if recording is None or recording == 0:
        return
    title = items[recording - 1]
    if not unclaimed(title) or len(title.text.strip()) > MAX_TITLE:
        return
    title.kind = "title"
    line = items[recording]
    match = _RECORDING.match(line.text)
    assert match is not None
    length = Item(match["length"], line.line, line.source, role="paragraph")
    line.text = match["when"]  # the date for pass dates; the recording's length stays, a paragraph
    drops.extend((item, _CHROME, "recorder.chrome") for item in items[: recording - 1] if unclaimed(item))
    panel = [it for it in items[recording + 1 : first] if unclaimed(it)]
    if panel and _SPEAKERS.match(panel[0].text) and any(name in panel[0].text for name in speakers):
        panel[0].role = "paragraph"  # the speakers under the recording line
    kept: list[Item] = []
    for item in panel:
        if _BADGE.match(item.text):
            drops.append((item, "a summary panel's badge", "recorder.chrome"))
        elif _WARNING.search(item.text) and len(item.text.strip()) <= MAX_TITLE:
            drops.append((item, "an app's warning that its summary may be wrong", "recorder.chrome"))
        else:
            kept.append(item)
    heads = False  # whether the line below may be headed: a list's item, or a heading
    for item in reversed(kept):  # a label over a list, or over a label that heads one
        if heads and _label(item) and item.role is None:
            item.kind = item.role = "heading"
        else:
            heads = bool(_LISTED.match(item.text))
    items.insert(recording + 1, length)


def _quoted(items: list[Item], first: int) -> bool:
    """Whether the turns are quoted in a story: a sentence of running text above them — above the
    note's title when a recording line heads them (its summary panel may hold sentences)."""
    recording = next((i for i in range(first) if _RECORDING.match(items[i].text)), None)
    above = items[: max(recording - 1, 0)] if recording is not None else items[:first]
    return quoted_in_article(item.text for item in above)


def run(ctx: Context) -> None:
    """Read a voice recorder's transcript (see the module); any other text is left as it is."""
    if ctx.source_format != "text":
        return
    items = ctx.items
    turns = _turns(items)
    if len(turns) < MIN_TURNS:
        return
    if _quoted(items, turns[0]):
        for turn in turns:
            for item in [items[turn], *_words(items, turn)]:
                keep_as_printed(item)
        return
    drops: list[tuple[Item, str, str]] = []
    speakers = {items[turn].text.rsplit(None, 1)[0].strip() for turn in turns}
    joined: set[int] = set()
    end = turns[0]
    for turn in turns:
        speaker, words = items[turn], _words(items, turn)
        speaker.text = " ".join([speaker.text.strip(), *(w.text.strip() for w in words)])
        speaker.role = "paragraph"
        speaker.attrs["own_text"] = "1"  # "네." said twice is no copy (pass dedupe)
        speaker.last = words[-1].last or words[-1].line
        joined.update(id(w) for w in words)
        end = turn + len(words) + 1
    drops.extend((item, _FOOTER, "recorder.footer") for item in items[end:])
    _head(items, turns[0], speakers, drops)  # last: it adds the recording's length as an item
    ctx.items = [it for it in items if id(it) not in joined]
    ctx.drop_all(drops)
