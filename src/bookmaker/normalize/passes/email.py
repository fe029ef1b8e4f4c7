"""Pass ``email``: a message pasted as it arrived (a press release forwarded by e-mail). Its
envelope at the top — a forwarding marker (``---------- Forwarded message ---------``, ``-----
Original Message -----``, ``----- 원본 메일 -----``) and header fields (``보낸사람:``, ``From:``,
``Date:``, ``Subject:``, ``To:`` …) — when the message sits between two dashed separators, the sender's
cover note above the first and the signature below the last, and the separators, are removed
with their reasons; a sender that is a public body (``보낸사람: 한국소비자원 홍보팀 <…>``) votes for the
publisher as a release's issuer does. A reply's tail goes in any message: the earlier message quoted
under its attribution line (``2026년 12월 2일 (수) 오후 3:12, 김유진 <…>님이 작성:``, ``On … wrote:``) with
its ``>`` lines (email.quoted), an attachment line at the end (``[첨부] 양식.hwp (24KB)``,
email.attachment), and a signature under the ``-- `` delimiter (email.signature).
Header fields under a sentence of running text (:func:`~bookmaker.normalize.text.quoted_in_article`)
are a message quoted in a story (a phishing mail's head): one list, no date, author or title read from it.
Text without any of these is left alone."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import issuer
from bookmaker.normalize.text import quoted_in_article

_MARKER = re.compile(
    r"^-{2,}\s*(?:Forwarded message|Original Message|전달된\s*메(?:시지|일)|원본\s*메(?:시지|일))\s*-{2,}$",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^(?:보낸\s*사람|받는\s*사람|보낸\s*날짜|받은\s*날짜|참조|숨은\s*참조|제목|날짜|From|To|Cc|Bcc|Sent|Date|"
    r"Subject|Reply-To)\s*:",
    re.IGNORECASE,
)
_MAIL_FIELD = re.compile(r"^(?:보낸\s*사람|받는\s*사람|From|To|Cc|Bcc|Sent|Subject)\s*:", re.IGNORECASE)
"""A field only a message has (a memo may open with ``제목:`` and ``날짜:``)."""
_SENDER = re.compile(
    r"^(?:보낸\s*사람|From)\s*:\s*\"?(?P<name>[^<>\"]+?)\"?\s*(?:<[^>]*>)?\s*$", re.IGNORECASE
)
_SEPARATOR = re.compile(r"^[-=_─━*~]{10,}$")
_ATTRIBUTION = re.compile(
    r"^(?:.*\d{4}.*<[^<>@\s]+@[^<>\s]+>\s*님이\s*작성(?:했습니다)?\s*:|On\s.+\swrote\s*:)$", re.IGNORECASE
)
"""The line a mail client writes over the message it quotes."""
_QUOTED = re.compile(r"^>")
_ATTACHMENT = re.compile(
    r"^(?:\[첨부(?:\s*파일)?\]|첨부\s*(?:파일)?\s*:|Attachments?\s*:)\s*\S+\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|"
    r"jpe?g|png|txt)\b.{0,30}$",
    re.IGNORECASE,
)
MAX_ENVELOPE_START = 3
MAX_COVER_NOTE = 4
MAX_SIGNATURE = 5
MAX_SIGNATURE_LINE = 120


def _envelope(items: list[Item]) -> int:
    """How many items at the top make a message's envelope (0 when they do not: two or more header
    fields, one of them a message's own or after a forwarding marker)."""
    start = next(
        (i for i, it in enumerate(items[:MAX_ENVELOPE_START]) if _MARKER.match(it.text.strip())), None
    )
    end = 0 if start is None else start + 1
    fields = 0
    mail = start is not None
    while end < len(items) and _FIELD.match(items[end].text.strip()):
        mail = mail or bool(_MAIL_FIELD.match(items[end].text.strip()))
        fields, end = fields + 1, end + 1
    return end if fields >= 2 and mail else 0


def _reply_tail(ctx: Context) -> None:
    """Drop a quoted earlier message (attribution line and ``>`` lines), attachment lines after
    it or at the end, and the signature under a ``-- `` delimiter."""
    items = ctx.items
    drops: list[tuple[Item, str, str]] = []
    quote = next(
        (
            i
            for i, it in enumerate(items[:-1])
            if _ATTRIBUTION.match(it.text.strip()) and _QUOTED.match(items[i + 1].text.strip())
        ),
        None,
    )
    end = len(items)
    if quote is not None:
        tail = items[quote + 1 :]
        quoted = next((k for k, it in enumerate(tail) if not _QUOTED.match(it.text.strip())), len(tail))
        drops.append((items[quote], "the attribution line of a quoted earlier message", "email.quoted"))
        drops += [(it, "a quoted earlier message", "email.quoted") for it in tail[:quoted]]
        end = quote
        rest = tail[quoted:]
        drops += [
            (it, "an attachment line of the message", "email.attachment")
            for it in rest
            if _ATTACHMENT.match(it.text.strip())
        ]
    while end and _ATTACHMENT.match(items[end - 1].text.strip()):
        end -= 1
        drops.append((items[end], "an attachment line of the message", "email.attachment"))
    delimiter = next(
        (i for i in range(end - 1, max(end - MAX_SIGNATURE - 2, -1), -1) if items[i].text.strip() == "--"),
        None,
    )
    if delimiter is not None and all(len(it.text) <= MAX_SIGNATURE_LINE for it in items[delimiter:end]):
        drops += [
            (it, "the sender's signature under the -- delimiter", "email.signature")
            for it in items[delimiter:end]
        ]
    if drops:
        ctx.drop_all(sorted(drops, key=lambda d: d[0].line))


def _quoted_headers(ctx: Context) -> None:
    """Each run of two header fields or more, one a message's own (``보낸사람:``, ``받는사람:``), under a
    sentence of the story: one list of its lines, each the text of its kind (passes dates, bylines,
    boilerplate)."""
    items = ctx.items
    above = False  # a sentence of running text stands above
    at = 0
    while at < len(items):
        end = at
        while end < len(items) and not structured(items[end]) and _FIELD.match(items[end].text.strip()):
            end += 1
        run = items[at:end]
        forwarded = at > 0 and _MARKER.match(items[at - 1].text.strip())  # the message itself, pasted
        if (
            len(run) >= 2
            and above
            and not forwarded
            and any(_MAIL_FIELD.match(it.text.strip()) for it in run)
        ):
            for item in run:
                item.role, item.attrs["list"], item.attrs["own_text"] = "list-item", str(run[0].line), "1"
        above = above or quoted_in_article([items[at].text])
        at = max(end, at + 1)


def run(ctx: Context) -> None:
    """Remove a pasted message's envelope, cover note, separators and signature."""
    _reply_tail(ctx)
    size = _envelope(ctx.items)
    if not size:
        _quoted_headers(ctx)
        return
    for item in ctx.items[:size]:
        sender = _SENDER.match(item.text.strip())
        if sender and (body := issuer(ctx.rules, sender["name"])):  # 한국소비자원 홍보팀 <press@…>
            ctx.vote_publisher(body, Evidence.ISSUER)
        reason = "a forwarded message's envelope (marker and header fields)"
        ctx.drop(item, reason, "email.envelope")
    separators = [i for i, it in enumerate(ctx.items) if _SEPARATOR.match(it.text.strip())]
    if not separators:
        return
    first, last = separators[0], separators[-1]
    cover = ctx.items[:first]
    signature = ctx.items[last + 1 :]
    to_drop: list[tuple[Item, str, str]] = []
    if last > first and len(cover) <= MAX_COVER_NOTE and not any(structured(it) for it in cover):
        to_drop += [(it, "the sender's cover note above the message", "email.cover-note") for it in cover]
    if (
        last > first
        and len(signature) <= MAX_SIGNATURE
        and all(len(it.text) <= MAX_SIGNATURE_LINE for it in signature)
    ):
        to_drop += [(it, "the sender's signature below the message", "email.signature") for it in signature]
    to_drop += [(ctx.items[i], "a separator line of the message", "email.separator") for i in separators]
    for item, reason, rule in to_drop:
        ctx.drop(item, reason, rule)
