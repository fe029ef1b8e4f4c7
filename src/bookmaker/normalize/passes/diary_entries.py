"""Pass ``diary_entries``: a diary (or a journal app's export) of dated entries, each under a head
that is a full date alone on its line, the weekday and what the app adds after it (``2026년 11월 2일
월요일 · 맑음 · 기분 좋음``, ``2026. 11. 7. (토)``), over the entry's prose.

Each head is a heading, kept whole (no date line for pass ``dates``: the entries' dates are not the
document's), and each line of an entry a paragraph of its own (an app writes one paragraph a line).
Inside the entries a rule of ``=`` or ``-`` between them (``diary.rule``), a photo's placeholder
(``[사진 2장]``, ``diary.photo``) and the app's tags (``#출근 #은행나무``, ``diary.tags``) go; above
the first head the app's export line (it names the export, ``내보낸``/``내보내기``, or gives the
entries' span ``2026.11.01 ~ 2026.11.30``) goes (``diary.chrome``), and after the last entry's text
a rule and the app's lines below it (``diary.footer``); the first other line above the entries is
the diary's name, the title. A text is read so only with :data:`MIN_ENTRIES` heads or more, each
over a sentence. Entries under a sentence of running text
(:func:`~bookmaker.normalize.text.quoted_in_article`) are quoted in a story: each head and each line
of its entry stays as printed, its own paragraph (no heading, no date of the document), and neither
the story's outlet line above them is the title nor its lines below them the entries'."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, unclaimed
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import ends_sentence, quoted_in_article

_DATE = (
    r"(?:\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}\.?)"
    r"\s*(?:\(\s*[월화수목금토일]\s*\)|[월화수목금토일]요일)"
)
_HEAD = re.compile(rf"^\s*{_DATE}\s*(?:[·∙•|/,]\s*[^.!?。]{{1,40}})?$")
_RULE = re.compile(r"^\s*(?:={5,}|-{5,}|_{5,}|\*{5,}|─{5,}|━{5,})\s*$")
_PHOTO = re.compile(r"^\s*\[\s*(?:사진|이미지|그림|동영상|Photo|Image)[^\]]{0,12}\]\s*$", re.I)
_TAGS = re.compile(r"^\s*#[^\s#]{1,20}(?:\s+#[^\s#]{1,20})*\s*$")
_EXPORT = re.compile(r"내보[낸냄내]|\d{4}\s*[./]\s*\d{1,2}\s*[./]\s*\d{1,2}\.?\s*[~～-]\s*\d{4}\s*[./]")
MIN_ENTRIES = 3
MAX_HEAD = 60
MAX_TITLE = 60


def _heads(items: list[Item]) -> list[int]:
    """The indices of entry heads: a dated head over a sentence (the entry's first line)."""
    out: list[int] = []
    for i, item in enumerate(items[:-1]):
        text = item.text.strip()
        below = items[i + 1]
        if (
            len(text) <= MAX_HEAD
            and unclaimed(item)
            and _HEAD.match(text)
            and unclaimed(below)
            and ends_sentence(below.text.strip())
        ):
            out.append(i)
    return out


def run(ctx: Context) -> None:
    """Read a diary's entries (see the module); any other text is left as it is."""
    items = ctx.items
    heads = _heads(items)
    if len(heads) < MIN_ENTRIES:
        return
    if quoted_in_article(item.text for item in items[: heads[0]]):
        _keep_quoted(items, heads)
        return
    end = heads[-1] + 1
    while end < len(items) and unclaimed(items[end]) and not _RULE.match(items[end].text):
        end += 1
    drops: list[tuple[Item, str, str]] = []
    named = False
    for item in items[: heads[0]]:
        if not unclaimed(item):
            continue
        if _EXPORT.search(item.text) or _RULE.match(item.text):
            drops.append((item, "a diary app's export line above the entries", "diary.chrome"))
        elif not named and len(item.text.strip()) <= MAX_TITLE and not ends_sentence(item.text.strip()):
            item.kind, named = "title", True  # the diary's name, however short ("봄 일기")
    starts = set(heads)  # looked up once a line: a list's lookups would be quadratic
    for index in range(heads[0], end):
        item = items[index]
        if index in starts:
            item.kind = item.role = "heading"
            item.attrs["own_text"] = "1"  # an entry's date, not the document's (pass dates)
        elif not unclaimed(item):
            continue
        elif _RULE.match(item.text):
            drops.append((item, "a rule between a diary's entries", "diary.rule"))
        elif _PHOTO.match(item.text):
            drops.append((item, "a photo's placeholder in a diary's entry", "diary.photo"))
        elif _TAGS.match(item.text):
            drops.append((item, "an app's tags under a diary's entry", "diary.tags"))
        else:
            item.role = "paragraph"
    for item in items[end:]:
        drops.append((item, "a diary app's lines after the last entry", "diary.footer"))
    ctx.drop_all(drops)


def _keep_quoted(items: list[Item], heads: list[int]) -> None:
    """Entries quoted in a story, each line as printed: a head and its entry's lines up to a blank
    line or the next head (the story's own text goes on below)."""
    starts = set(heads)
    for head in heads:
        keep_as_printed(items[head])
        at = head + 1
        while at < len(items) and at not in starts and unclaimed(items[at]):
            if items[at].attrs.get("after_blank"):
                break
            keep_as_printed(items[at])
            at += 1
