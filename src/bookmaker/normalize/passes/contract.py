"""Pass ``contract``: the signing block of a contract (계약서, 협약서, 약정서, 합의서, 각서).

A contract names its parties (``(이하 "갑"이라 한다)``) or calls itself one in its title, and ends
with the day it was signed on a line of its own over each party's block: the party (``(갑)
주식회사 …``, ``갑: …``), its address, and who signs with the seal mark (``대표이사 김 도 윤 (인)``,
``(서명)``, ``(날인)``). The date line and every short line of those blocks are ``signature``
paragraphs, and the date is the document's when it has none. Lines after the blocks (``별첨: …``)
stay paragraphs. Nothing is removed; a text without both a party's line and a seal mark under its
last date line is left alone (a news story quoting a contract's date is no contract)."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item
from bookmaker.normalize.passes.dates import iso_from_hint
from bookmaker.normalize.text import ends_sentence

_CONTRACT_TITLE = re.compile(r"(?:계약서|협약서|약정서|합의서|각서|확약서|양해각서)\s*$")
_PARTIES = re.compile(
    r"\(\s*이하\s*[\"'“‘「]?\s*[갑을병정]\s*[\"'”’」]?\s*(?:\)|(?:이?라고?|으로)\s*(?:한다|칭한다|함|부른다))"
)
_DATE_LINE = re.compile(
    r"^\s*\d{4}\s*(?:년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\.\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.?)\s*$"
)
_PARTY = re.compile(r"^\s*(?:[(\[【「“\"]\s*[갑을병정]\s*[)\]】」”\"]|[갑을병정]\s*[:：])\s*\S")
_SEAL = re.compile(r"\(\s*(?:인|서명|날인|인감|서명\s*또는\s*인)\s*\)\s*$|[(（]?\s*印\s*[)）]?\s*$|㊞\s*$")
MAX_BLOCK_LINE = 60
"""The longest line of a party's block (an address with its floor)."""


def _block_line(item: Item) -> bool:
    """A line a signing block is made of: a short paragraph of one line that ends no sentence (a
    seal mark may follow a sentence's full stop)."""
    text = item.text.strip()
    if structured(item) or item.role != "paragraph" or "paragraph_role" in item.attrs:
        return False
    if "\n" in text or len(text) > MAX_BLOCK_LINE:
        return False
    return not ends_sentence(text) or bool(_SEAL.search(text))


def run(ctx: Context) -> None:
    """Mark a contract's signing date and parties' blocks as its signature."""
    title = str(ctx.meta.get("title") or "")
    items = ctx.items
    if not _CONTRACT_TITLE.search(title) and not any(
        _PARTIES.search(it.text) for it in items[:20] if not structured(it)
    ):
        return
    party = next(
        (i for i in range(len(items) - 1, -1, -1) if _block_line(items[i]) and _PARTY.match(items[i].text)),
        None,
    )
    if party is None:
        return
    start = party
    while start > 0 and _block_line(items[start - 1]):
        start -= 1  # the other parties' blocks and the date over them
    sealed = None
    for j in range(party, len(items)):
        if not _block_line(items[j]):
            break  # "별첨: 과업지시서 1부. 끝." follows the blocks
        if _SEAL.search(items[j].text):
            sealed = j
    if sealed is None:
        return
    for item in items[start : sealed + 1]:
        item.attrs["paragraph_role"] = "signature"
        signed = iso_from_hint(item.text) if _DATE_LINE.match(item.text) else None
        if signed and not ctx.meta.get("date"):
            ctx.meta["date"] = signed
            ctx.note_line("date", item.line)
