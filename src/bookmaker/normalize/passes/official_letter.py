"""Pass ``official_letter``: an administrative body's official letter (공문, 시행문) as text — copied
from the PDF a government document system prints, or read by pdftotext.

Its head names the addressee (``수신  수신자 참조``), the route (``(경유)``) and the subject
(``제목  …``), in that order, near the top: with ``수신`` and ``제목`` there, the text is a letter. The
subject is the title (its label cut); the addressee and route lines go; above them, the body's name
(``가  람  시``, its spaces closed) right over them is the publisher and any line above it (the body's
slogan) goes. The
body's numbered paragraphs (``1.`` over ``가.`` over ``1)``), each wrapped over lines at the page's
width, are one nested list, as the letter numbers them. Its footer, from the first of its fields
(``수신자``, ``★주무관 … 전결 12/28``, ``협조자``, ``시행 …-2417 (2026. 12. 28.)``, ``우 12841 …``,
``전화번호 … / 대국민 공개``) to the end, is the document system's routing record and goes, but for
the enforcement line, whose day dates the letter; the sender's name over it (``가 람 시 장``) signs it.
A letter under a sentence of running text (:func:`~bookmaker.normalize.text.quoted_in_article`) is
quoted in a story: its head's and footer's lines stay as printed, and nothing of the story goes.
Rule tables: ``[official_letter]`` in rules.toml."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, unclaimed
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.list_marks import readings
from bookmaker.normalize.passes.dates import DATE_RE, to_iso
from bookmaker.normalize.passes.item_outline import mark_outline
from bookmaker.normalize.text import ends_sentence, quoted_in_article

HEAD = 12
"""Lines looked at for the head's fields."""
_TO = re.compile(r"^\s*수\s*신\s+\S")
_VIA = re.compile(r"^\s*\(\s*경\s*유\s*\)")
_SUBJECT = re.compile(r"^\s*제\s*목\s*[:：]?\s+(?P<subject>\S.*)$")
_SPACED = re.compile(r"^[가-힣](?:\s+[가-힣]){1,14}$")
_ENFORCED = re.compile(r"^\s*시\s*행\s+\S")
_ATTACHED = re.compile(r"^\s*붙\s*임(?:\s|[:：])")
_END = re.compile(r"(?:^|\s)끝\s*\.\s*$")
_STAMP = re.compile(r"\s*[\[(（]?\s*(?:직인|관인|서명)\s*생략\s*[\])）]?\s*$")
STAMP_NOTE = "the sender's seal left out of the printout (직인생략): a mark of the print, no text"
MAX_SENDER = 24
FOOTER = 12
"""The most lines of the routing footer at the letter's end."""
HEAD_DROP = "the letter's head: addressee and route fields (수신, 경유)"
SLOGAN_DROP = "the body's slogan over its letter (행정기관 표어)"
ATTACHED_DROP = "the letter's list of attached files (붙임 … 끝.), the files not in the text"
FOOTER_DROP = "the letter's routing record (수신자, 기안·검토·결재, 협조, 시행·접수, address and contacts)"


def _closed(text: str) -> str:
    """A letter-spaced name with its spaces closed (``가  람  시`` → ``가람시``)."""
    words = " ".join(text.split())
    return words.replace(" ", "") if _SPACED.match(words) else words


def run(ctx: Context) -> None:
    """Read an official letter's head, numbered body, sender and footer."""
    if ctx.source_format != "text":
        return
    head = [it for it in ctx.items[:HEAD] if unclaimed(it)]
    to = next((i for i, it in enumerate(head) if _TO.match(it.text)), None)
    subject_at = next(
        (i for i, it in enumerate(head) if to is not None and i > to and _SUBJECT.match(it.text)), None
    )
    if to is None or subject_at is None or subject_at - to > 3:
        return
    if quoted_in_article(it.text for it in head[:to]):
        _keep_quoted(ctx, head, to, subject_at)
        return
    footer = _footer(ctx)
    if footer is None:
        return
    _head(ctx, head[:to], head[to:subject_at], head[subject_at])
    body = ctx.items[ctx.items.index(head[subject_at]) + 1 : ctx.items.index(footer[0])]
    _sender(ctx, body)
    _body(ctx, body)
    enforced = next((it for it in footer if _ENFORCED.match(it.text)), None)
    dated = DATE_RE.search(enforced.text) if enforced is not None else None
    iso = to_iso(dated) if dated else None
    ctx.drop_all(
        (it, FOOTER_DROP, "official_letter.footer") for it in footer if it is not enforced or not iso
    )
    if enforced is not None and iso:
        ctx.meta["date"] = iso[0]
        ctx.to_meta(enforced, "date")


def _keep_quoted(ctx: Context, head: list[Item], to: int, subject_at: int) -> None:
    """A letter a story quotes under its own sentence: the body's name right over the fields, the
    fields and the subject, and the footer's field lines below stay as printed (no title, publisher,
    date or removal read from them); the story around them stays."""
    above = head[to - 1] if to else None
    if above is not None and len(_closed(above.text)) <= MAX_SENDER and not ends_sentence(above.text):
        keep_as_printed(above)
    for item in head[to : subject_at + 1]:
        keep_as_printed(item)
    fields = [re.compile(p) for p in ctx.rules.strings("official_letter", "footer_fields")]
    start = ctx.items.index(head[subject_at]) + 1
    for item in ctx.items[start:]:
        spaced = bool(_SPACED.match(" ".join(item.text.split())))  # the sender, "가 람 시 장"
        if unclaimed(item) and (spaced or any(p.match(item.text) for p in fields)):
            keep_as_printed(item)


def _footer(ctx: Context) -> list[Item] | None:
    """The footer's lines: from the first line naming one of its fields, when two fields or more
    are named below the head (None without them)."""
    fields = [re.compile(p) for p in ctx.rules.strings("official_letter", "footer_fields")]
    last = max(HEAD // 2, len(ctx.items) - FOOTER)  # the footer ends the letter: a body's "전화 …" is none
    named = [i for i in range(last, len(ctx.items)) if any(p.match(ctx.items[i].text) for p in fields)]
    if len(named) < 2:
        return None
    return [it for it in ctx.items[named[0] :] if unclaimed(it)]


def _head(ctx: Context, above: list[Item], fields: list[Item], subject: Item) -> None:
    """The body's name (the publisher) and slogan above the fields; the fields; the subject."""
    for at, item in enumerate(above):
        name = _closed(item.text)
        if at == len(above) - 1 and len(name) <= MAX_SENDER and not ends_sentence(name):
            ctx.vote_publisher(
                name, Evidence.DECISION
            )  # right over the fields: "가  람  시", "가람시 중앙도서관"
            ctx.to_meta(item, "publisher")
        else:
            ctx.drop(item, SLOGAN_DROP, "official_letter.slogan")
    ctx.drop_all(
        (it, HEAD_DROP, "official_letter.head") for it in fields if _TO.match(it.text) or _VIA.match(it.text)
    )
    m = _SUBJECT.match(subject.text)
    if m:
        subject.text, subject.kind = m["subject"].strip(), "title"


def _sender(ctx: Context, body: list[Item]) -> None:
    """The sender's name on the body's last line, under the attachments (``가 람 시 장``), signs it."""
    last = next((it for it in reversed(body) if unclaimed(it)), None)
    stamp = _STAMP.search(last.text) if last is not None else None
    if last is not None and stamp and stamp.start() > 0:
        ctx.record(stamp[0].strip(), STAMP_NOTE, last.line, "official_letter.stamp")
        last.text = last.text[: stamp.start()]
    if (
        last is None
        or len(last.text.strip()) > MAX_SENDER
        or _ATTACHED.match(last.text)
        or _END.search(last.text)
    ):
        return
    if not _SPACED.match(" ".join(last.text.split())) and len(last.text.split()) > 2:
        return
    last.text = _closed(last.text)
    last.role, last.attrs["paragraph_role"] = "paragraph", "signature"


def _body(ctx: Context, body: list[Item]) -> None:
    """The numbered paragraphs, each with its wrapped lines, as one nested list."""
    attached = next((i for i, it in enumerate(body) if unclaimed(it) and _ATTACHED.match(it.text)), None)
    if attached is not None:  # 붙임 … 끝.: the attached files' list, up to its end mark
        end = next((i for i in range(attached, len(body)) if _END.search(body[i].text)), attached)
        ctx.drop_all(
            (it, ATTACHED_DROP, "official_letter.attached")
            for it in body[attached : end + 1]
            if unclaimed(it)
        )
        body = body[:attached]
    lines = [it for it in body if unclaimed(it)]
    joined: list[Item] = []
    gone: set[int] = set()
    for item in lines:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and not readings(item.text)
            and not item.attrs.get("after_blank")
            and readings(prev.text)
        ):
            prev.text = f"{prev.text.rstrip()} {item.text.strip()}"
            prev.last = item.last or item.line
            gone.add(id(item))
            continue
        joined.append(item)
    if gone:
        ctx.items = [it for it in ctx.items if id(it) not in gone]
    numbers = [readings(it.text.strip()) for it in joined]
    i = 0
    while i < len(joined):
        i = mark_outline(joined, numbers, i) if numbers[i] else i + 1
