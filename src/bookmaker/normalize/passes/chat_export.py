"""Pass ``chat_export``: a KakaoTalk room exported as text, with a text forwarded into it.

An export opens with ``… 님과 카카오톡 대화`` and ``저장한 날짜 : …``, parts its days with
``--------------- 2026년 12월 5일 토요일 ---------------`` and heads each message
``[이름] [오전 9:02] 글`` (the phone's export: ``2026년 12월 5일 오전 9:02, 이름 : 글``). A text
forwarded into the room (a notice sent ``[Web발신]``) is the one message running over three lines or
more, the longest: it is the document. The export's header and day lines go (``chat.export``), so
does every other message — replies, a photo, an ad the next day (``chat.message``) — and the kept
message's own head (its text, if any, stays). A sender's bracket opening a ``[Web발신]`` message
(``[가람마을 3단지 관리사무소]``) names its publisher. A chat without such a message is left alone.
"""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item

_HEADER = re.compile(r"^\s*\S.{0,60}님과\s*카카오톡\s*대화\s*$|^\s*저장한\s*날짜\s*[:：]\s*\d{4}")
_DAY = re.compile(
    r"^\s*-{3,}\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*\S요일\s*-{3,}\s*$"
    r"|^\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*\S요일\s*$"
)
_HEAD = re.compile(
    r"^\s*\[(?P<name>[^\[\]]{1,30})\]\s*\[(?:오전|오후)\s*\d{1,2}:\d{2}\]\s*(?P<text>.*)$"
    r"|^\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*(?:오전|오후)\s*\d{1,2}:\d{2},\s*(?P<name2>[^:：]{1,30}?)\s*[:：]\s*(?P<text2>.*)$"
)
_WEB = re.compile(r"^\s*\[\s*Web\s*발신\s*\]\s*$", re.IGNORECASE)
_SENDER = re.compile(r"^\s*\[(?P<name>[^\[\]]{2,30})\]\s*$")
FEWEST_LINES = 3


def _message_text(item: Item) -> str:
    m = _HEAD.match(item.text)
    return ((m["text"] if m["text"] is not None else m["text2"]) or "").strip() if m else ""


def run(ctx: Context) -> None:
    """Keep the forwarded text of a KakaoTalk export and drop the chat around it."""
    if ctx.source_format != "text":
        return
    items = [it for it in ctx.items if it.role is None and not structured(it)]
    chrome = [it for it in items if _HEADER.match(it.text) or _DAY.match(it.text)]
    heads = [it for it in items if _HEAD.match(it.text)]
    exported = any(_HEADER.match(it.text) for it in chrome)
    if not heads or (not exported and len(heads) < FEWEST_LINES):
        return
    messages: list[list[Item]] = []
    chrome_ids = {id(it) for it in chrome}
    for item in items:
        if id(item) in chrome_ids:
            messages.append([])  # a day line ends the message before it
        elif _HEAD.match(item.text):
            messages.append([item])
        elif messages and messages[-1]:
            messages[-1].append(item)
    kept = max(messages, key=len, default=[])
    if len(kept) < FEWEST_LINES + 1:
        return
    drops = [(it, "a chat export's header or day line", "chat.export") for it in chrome]
    for message in messages:
        if message is not kept:
            drops += [
                (it, "a message in the chat around the forwarded text", "chat.message") for it in message
            ]
    head, body = kept[0], kept[1:]
    text = _message_text(head)
    if text and not _WEB.match(text):
        ctx.record(
            head.text[: len(head.text) - len(text)].strip(),
            "the message's sender and time",
            head.line,
            "chat.export",
        )
        head.text = text
    else:
        drops.append((head, "the forwarded message's sender and time", "chat.export"))
        sender = _SENDER.match(body[0].text) if body and _WEB.match(text) else None
        if sender:
            ctx.vote_publisher(sender["name"].strip(), Evidence.DECISION)
            ctx.to_meta(body[0], "publisher")
    ctx.drop_all(drops)
