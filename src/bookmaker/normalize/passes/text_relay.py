"""Pass ``text_relay``: a sports portal's text relay (문자중계) copied from the page: the sport tabs,
the game's name ``2026 한국시리즈 3차전``, the score line ``LG 트윈스 2 : 4 KIA 타이거즈``, the date
and ballpark, then innings ``9회말 LG 공격`` each over play lines ``3번타자 오스틴 : 유격수 땅볼
아웃``, pitch lines ``1구 볼 / 2구 파울`` and score lines, newest first; then the portal's lists.

Each inning is a heading and every line under it its own paragraph, in the page's order. The game's
name is the title and the score line the deck; the date line is left to pass ``dates`` (the ballpark
after the date stays, a paragraph); the portal is no publisher (pass ``publisher``); the tabs
above the relay (``relay.chrome``) and the lists and footer after its last play (``relay.footer``)
go. A text is read so only with two inning heads or more and three play lines or more under them.
"""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item

_INNING = re.compile(r"^\s*\d{1,2}\s*회\s*[초말](?:\s+\S{1,12}\s*공격)?\s*$")
_PLAY = re.compile(
    r"^\s*(?:\d\s*번\s*타자|[123]\s*루\s*주자|투수\s*교체|대타|대주자|수비\s*교체)[^:]{0,20}\s:\s+\S"
)
_PITCH = re.compile(r"^\s*\d{1,2}\s*구\s+\S{1,8}(?:\s*/\s*\d{1,2}\s*구\s+\S{1,8})*\s*$")
_SCORE = re.compile(r"^\s*(\S.{0,20}?)\s+\d{1,2}\s*:\s*\d{1,2}\s+(\S.{0,20}?)\s*$")
_STATUS = re.compile(r"^\s*(?:경기\s*종료|경기\s*시작|우천\s*취소|콜드\s*게임)\s*$")
_DATE = re.compile(r"(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}")
MIN_INNINGS, MIN_PLAYS = 2, 3
MAX_TITLE = 60

_CHROME = "a text relay page's tabs and menus above the relay"
_FOOTER = "a text relay page's lists and footer after the relay"


def _relay_line(text: str) -> bool:
    return bool(_INNING.match(text) or _PLAY.match(text) or _PITCH.match(text) or _SCORE.match(text)) or bool(
        _STATUS.match(text)
    )


def run(ctx: Context) -> None:
    """Read a text relay page (see the module); any other text is left as it is."""
    items = [item for item in ctx.items if item.text.strip() and not structured(item)]
    innings = [i for i, item in enumerate(items) if _INNING.match(item.text)]
    if len(innings) < MIN_INNINGS:
        return
    first = innings[0]
    plays = sum(1 for item in items[first:] if _PLAY.match(item.text))
    if plays < MIN_PLAYS:
        return
    last = max(i for i in range(first, len(items)) if _relay_line(items[i].text))
    score = next(
        (
            i
            for i in range(first - 1, -1, -1)
            if _SCORE.match(items[i].text) and not _DATE.search(items[i].text)
        ),
        None,
    )
    if score is None or score == 0:
        return
    title = items[score - 1]
    if "|" in title.text or len(title.text) > MAX_TITLE or _DATE.search(title.text):
        return
    title.kind, items[score].kind = "title", "subtitle"
    drops: list[tuple[Item, str, str]] = []
    for index, item in enumerate(items):
        if index < first:
            if index in (score - 1, score) or _DATE.search(item.text):
                continue
            drops.append((item, _CHROME, "relay.chrome"))
        elif index <= last:
            item.role = "heading" if _INNING.match(item.text) else "paragraph"
            item.attrs["own_text"] = "1"  # no menu, however its slashes look (pass boilerplate)
        else:
            drops.append((item, _FOOTER, "relay.footer"))
    ctx.drop_all(drops)
