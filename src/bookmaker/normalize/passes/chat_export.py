"""Pass ``chat_export``: a KakaoTalk room exported as text, with a text forwarded into it.

An export opens with ``… 님과 카카오톡 대화`` and ``저장한 날짜 : …``, parts its days with
``--------------- 2026년 12월 5일 토요일 ---------------`` and heads each message
``[이름] [오전 9:02] 글`` (the phone's export: ``2026년 12월 5일 오전 9:02, 이름 : 글``). A text
forwarded into the room (a notice sent ``[Web발신]``) is the one message running over three lines or
more, the longest: it is the document. The export's header and day lines go (``chat.export``), so
does every other message — replies, a photo, an ad the next day (``chat.message``) — and the kept
message's own head (its text, if any, stays). A sender's bracket opening a ``[Web발신]`` message
(``[가람마을 3단지 관리사무소]``) names its publisher. A forwarded text is sent ``[Web발신]`` or holds more
lines than all the other messages together.

An exported room with no forwarded text is a conversation, and the document is its transcript: the
room's name is the title, each day line a heading (the first day the date), each message a paragraph
with its sender and time (the lines it runs on joined to it by line breaks, a numbered list under it
left a list); the saved-date line goes (``chat.export``), so do the room's notices (``…님이
들어왔습니다.``, ``chat.system``) and the messages that show nothing in text — a photo, an emoticon,
a deleted message (``chat.placeholder``). A short chat without the export's header is left
alone; messages without it quoted under a story's sentences stay, each a paragraph.
"""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import quoted_in_article

_HEADER = re.compile(r"^\s*\S.{0,60}님과\s*카카오톡\s*대화\s*$|^\s*저장한\s*날짜\s*[:：]\s*\d{4}")
_DAY = re.compile(
    r"^\s*-{3,}\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*\S요일\s*-{3,}\s*$"
    r"|^\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*\S요일\s*$"
)
_HEAD = re.compile(
    r"^\s*\[(?P<name>[^\[\]]{1,30})\]\s*\[(?:오전|오후)\s*\d{1,2}:\d{2}\]\s*(?P<text>.*)$"
    r"|^\s*\d{4}년\s*\d{1,2}월\s*\d{1,2}일\s*(?:오전|오후)\s*\d{1,2}:\d{2},\s*(?P<name2>[^:：]{1,30}?)\s*[:：]\s*(?P<text2>.*)$"
)
_ROOM = re.compile(r"^\s*(?P<room>\S.{0,60}?)\s*님과\s*카카오톡\s*대화\s*$")
_DAY_DATE = re.compile(r"(?P<y>\d{4})년\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일\s*(?P<w>\S요일)")
_SYSTEM = re.compile(
    r"^\s*\S.{0,40}님(?:이|을)\s*(?:들어왔습니다|나갔습니다|내보냈습니다|초대했습니다|.{0,20}초대했습니다)\.?\s*$"
    r"|^\s*(?:채팅방\s*)?(?:관리자|방장)(?:가|이)\s*메시지를\s*가렸습니다\.?\s*$"
)
"""The room's own notices: someone joined, left, was invited or sent out; a message hidden."""
_PLACEHOLDER = re.compile(
    r"^(?:사진(?:\s*\d+\s*장)?|동영상|이모티콘|음성\s*메시지|파일\s*[:：].*|삭제된\s*메시지입니다\.?"
    r"|(?:샵검색|보이스톡|페이스톡)\s*.{0,20}|지도\s*[:：].*)$"
)
"""What a message shows instead of text in an export: a photo, a video, an emoticon, a file, a deleted
message, a call."""
_LIST_ENTRY = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*▶※])\s*\S")
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
    first = min(items.index(it) for it in (heads[0], *chrome[:1]))
    if quoted_in_article(it.text for it in items[:first]):
        for head in heads:  # a story quoting a few messages under its own sentences: each as quoted
            head.role = "paragraph"
        for item in chrome:  # … or an export's header and day lines with them: each as printed
            keep_as_printed(item)
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
    others = sum(len(m) for m in messages if m is not kept)
    forwarded = bool(kept) and (_WEB.match(_message_text(kept[0])) is not None or len(kept) > others)
    if exported and not forwarded and len(heads) >= FEWEST_LINES:
        _transcript(ctx, chrome, messages)
        return
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


def _transcript(ctx: Context, chrome: list[Item], messages: list[list[Item]]) -> None:
    """A conversation's export as its transcript (see the module's docstring)."""
    drops: list[tuple[Item, str, str]] = []
    day: str | None = None
    for item in chrome:
        room = _ROOM.match(item.text)
        dated = _DAY_DATE.search(item.text)
        if room:
            item.text, item.kind = room["room"], "title"
        elif _DAY.match(item.text) and dated:
            item.text = f"{dated['y']}년 {dated['m']}월 {dated['d']}일 {dated['w']}"
            item.role, item.attrs["level"] = "heading", "2"
            day = day or f"{int(dated['y']):04d}-{int(dated['m']):02d}-{int(dated['d']):02d}"
        else:
            drops.append((item, "a chat export's saved date", "chat.export"))
    for message in messages:
        if not message:
            continue
        head = message[0]
        if _PLACEHOLDER.match(_message_text(head)) and len(message) == 1:
            drops.append(
                (head, "a message with no text (a photo, an emoticon, a deleted one)", "chat.placeholder")
            )
            continue
        group = f"chat-{head.line}"
        head.attrs["br_group"], head.role = group, "paragraph"  # a short message is no heading
        for item in message[1:]:
            if _SYSTEM.match(item.text):
                drops.append((item, "the chat room's notice (someone joined or left)", "chat.system"))
            elif not _LIST_ENTRY.match(item.text):
                item.attrs["br_group"], item.role = group, "paragraph"  # the message's next line
    dropped = {id(it) for it, _, _ in drops}
    for item in ctx.items:
        if _SYSTEM.match(item.text) and id(item) not in dropped:
            drops.append((item, "the chat room's notice (someone joined or left)", "chat.system"))
    if day and not ctx.meta.get("date"):
        ctx.meta["date"] = day
    ctx.drop_all(drops)
