"""Pass ``shared_mail``: an article a site mailed on a reader's behalf (its "기사 보내기"), read in a
webmail client. Above the site's note that someone sent it (``박준호님이 보내신 기사입니다.``) stands
the client's frame — the subject, the folder, the sender ``디지털타임스 <noreply@…>``, the time,
``나에게`` — which goes (``shared_mail.frame``), as do the note and the sender's message under it
(``보낸 분의 메시지: …``, ``shared_mail.note``); below the article, the mail's footer (``기사 원문
보기``, ``이 메일은 발신 전용입니다 …``, ``본 메일은 …의 요청에 의해 발송되었습니다.``) and the client's
buttons (``답장``, ``전달``) go (``shared_mail.footer``): from the first footer line among the text's
last twelve, the lines that are footer or buttons. A text without such a note is left alone."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.text import quoted_in_article

_SENT_NOTE = re.compile(
    r"^\s*\S.{0,30}?님(?:이|께서)\s*(?:보내신|보낸|공유한|공유하신|추천한|추천하신)\s*(?:기사|뉴스|글)(?:입니다|이에요)\s*[.!]?\s*$"
)
_SENDER_MESSAGE = re.compile(r"^\s*(?:보낸\s*(?:분|사람)의\s*)?(?:메시지|메모|한\s*마디|코멘트)\s*[:：]")
_FOOTER = re.compile(
    r"발신\s*전용|요청에\s*(?:의해|따라)\s*발송|수신\s*(?:을\s*)?거부|"
    r"^\s*(?:기사\s*원문\s*보기|원문\s*기사\s*보기|기사\s*전문\s*보기|전체\s*기사\s*보기)\s*$"
)
_BUTTON = re.compile(r"^\s*(?:답장|전체\s*답장|전달|삭제|스팸\s*신고|인쇄)\s*$")
MAX_FRAME = 10
MAX_FRAME_LINE = 120
MAX_FOOTER_LINE = 160
MAX_TAIL = 12


def _note_at(items: list[Item]) -> int | None:
    for i, item in enumerate(items[: MAX_FRAME + 1]):
        if structured(item):
            return None
        if _SENT_NOTE.match(item.text):
            return i
    return None


def run(ctx: Context) -> None:
    """Remove a mailed article's webmail frame, the sender's note and the mail's footer."""
    at = _note_at(ctx.items)
    if at is None or any(len(it.text) > MAX_FRAME_LINE for it in ctx.items[:at]):
        return
    if quoted_in_article(it.text for it in ctx.items[:at]):
        keep_as_printed(ctx.items[at])  # a story quoting such a mail's note under its own sentence
        below = ctx.items[at + 1] if at + 1 < len(ctx.items) else None
        if below is not None and _SENDER_MESSAGE.match(below.text):
            keep_as_printed(below)
        return
    drops: list[tuple[Item, str, str]] = [
        (
            it,
            "the webmail's frame around a mailed article (subject, folder, sender, time)",
            "shared_mail.frame",
        )
        for it in ctx.items[:at]
    ]
    drops.append((ctx.items[at], "the site's note that a reader sent the article", "shared_mail.note"))
    below = ctx.items[at + 1] if at + 1 < len(ctx.items) else None
    if below is not None and _SENDER_MESSAGE.match(below.text):
        drops.append((below, "the sender's message to the reader", "shared_mail.note"))
    start = max(at + 1, len(ctx.items) - MAX_TAIL)
    first = next((i for i in range(start, len(ctx.items)) if _FOOTER.search(ctx.items[i].text)), None)
    for item in ctx.items[first:] if first is not None else []:
        text = item.text.strip()
        if len(text) <= MAX_FOOTER_LINE and (_FOOTER.search(text) or _BUTTON.match(text)):
            drops.append((item, "the mail's footer or the webmail's buttons", "shared_mail.footer"))
    ctx.drop_all(drops)
