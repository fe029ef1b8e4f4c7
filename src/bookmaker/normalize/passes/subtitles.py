"""Pass ``subtitles``: a subtitle file (SRT or WebVTT) read as text, such as a lecture's captions
saved as ``.txt``. Three cues or more, each a time range (``00:00:04,200 --> 00:00:07,900``) over
its caption lines, make one: the cue numbers over the times and the times go
(``subtitles.cue``), so do the WebVTT header (``WEBVTT``, ``Kind:``, ``Language:``, ``NOTE``) and a
cue that is only a sound label (``[음악]``, ``♪``; ``subtitles.sound``). The captions are the text,
joined as spoken into paragraphs; a paragraph ends where the speaker pauses (two seconds or more
between one cue's end and the next one's start) or at a sound label. A subtitle file has no title
of its own: its paragraphs are paragraphs. Cues under a sentence of running text
(:func:`~bookmaker.normalize.text.quoted_in_article`) are quoted in a story: each line stays as printed,
the cue numbers and times too. Text without such cues is left alone."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import quoted_in_article

_STAMP = r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[,.](\d{3})"
_RANGE = re.compile(rf"^\s*{_STAMP}\s*-->\s*{_STAMP}(?:\s+\S.*)?$")
_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_HEADER = re.compile(r"^\s*(?:WEBVTT\b.*|Kind:\s*\w+|Language:\s*[\w-]+|NOTE\b.*|STYLE|REGION)\s*$")
_SOUND = re.compile(
    r"^\s*(?:[\[(]\s*(?:음악|박수|웃음|효과음|환호|음악\s*소리|music|applause|laughter)\s*[\])]|[♪♬\s]+)\s*$",
    re.I,
)
_TAG = re.compile(r"</?(?:c|i|b|u|v|lang|ruby|rt)(?:[.\s][^>]*)?>|<\d{1,2}:\d{2}[:.\d]*>")
MIN_CUES = 3
PAUSE = 2.0
"""Seconds of silence between two cues that end a paragraph."""


def _seconds(parts: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, millis = (int(p) if p else 0 for p in parts)
    return hours * 3600 + minutes * 60 + seconds + millis / 1000


def run(ctx: Context) -> None:
    """Read a subtitle file's cues into paragraphs."""
    if ctx.source_format != "text":
        return
    items = ctx.items
    ranges = [i for i, it in enumerate(items) if unclaimed(it) and _RANGE.match(it.text)]
    if ranges and quoted_in_article(it.text for it in items[: ranges[0]]):
        for at in ranges:  # "12" / "00:14:03,200 --> …" quoted in a story on a mistranslation
            keep_as_printed(items[at])
            if at and unclaimed(items[at - 1]) and _NUMBER.match(items[at - 1].text):
                keep_as_printed(items[at - 1])
        return
    if len(ranges) < MIN_CUES:
        return
    drops: list[tuple[Item, str, str]] = []
    for item in items[: ranges[0]]:
        if unclaimed(item) and (_HEADER.match(item.text) or _NUMBER.match(item.text)):
            drops.append((item, "a subtitle file's header or cue number", "subtitles.cue"))
    starts = set(ranges)
    joined: set[int] = set()
    paras: list[tuple[Item, list[str]]] = []
    para: Item | None = None
    end = None  # the previous cue's end, in seconds
    for n, at in enumerate(ranges):
        match = _RANGE.match(items[at].text)
        assert match is not None
        start = _seconds(match.groups()[:4])
        if end is not None and start - end >= PAUSE:
            para = None
        end = _seconds(match.groups()[4:])
        drops.append((items[at], "a subtitle cue's time range", "subtitles.cue"))
        stop = ranges[n + 1] if n + 1 < len(ranges) else len(items)
        line = items[at].line
        for i in range(at + 1, stop):
            item = items[i]
            if i + 1 in starts and _NUMBER.match(item.text):
                drops.append((item, "a subtitle cue's number", "subtitles.cue"))
                continue
            if item.line != line + 1 or not unclaimed(item) or not item.text.strip():
                break  # a blank line ends the cue's text
            line = item.line
            text = _TAG.sub("", item.text).strip()
            if not text or _SOUND.match(text):
                drops.append((item, "a subtitle cue that is only a sound", "subtitles.sound"))
                para = None
                continue
            if para is None:
                para = item
                item.role = "paragraph"
                paras.append((item, [text]))
            else:
                paras[-1][1].append(text)
                para.last = item.last or item.line
                joined.add(id(item))
    for head, texts in paras:  # joined once, not caption by caption
        head.text = " ".join(texts)
    ctx.items = [it for it in ctx.items if id(it) not in joined]
    ctx.drop_all(drops)
