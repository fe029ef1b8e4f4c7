"""Part of pass ``title``: a bill (법률안, 결의안 …) as the National Assembly's bill system shows it,
read by kind before the title is looked for.

Right above the proposer line (``(김하늘의원 대표발의)``, ``(박서준의원 등 12인)``, ``(정부 제출)``)
stands the bill's name: the title. The proposer line goes to the metadata, the lawmaker who
proposed it (대표발의) as its author; a bill is the Assembly's (the publisher), whatever system shows
it. The cover's field continued on an indented line (the 발의자 after the first five names) is one
paragraph with it. The bill's parts are headings: 제안이유 및 주요내용, 참고사항, the bill's name
repeated over its text (not a repeat of the title to remove), 부칙 (letter-spaced as printed) and
the 신·구조문대비표 over the comparison table; the text's number line left blank for the law's
number (``법률 제      호``) is a paragraph."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import opening_lines
from bookmaker.normalize.text import FORM_FIELD, key

ASSEMBLY = "국회"
_PROPOSER = re.compile(
    r"^\s*\(\s*(?:(?P<name>[가-힣]{2,5})\s*의원\s*(?:대표\s*발의|발의|등\s*\d{1,3}\s*인)"
    r"|정부\s*제출|[가-힣]{2,20}위원장\s*제출)\s*\)\s*$"
)
"""A bill's proposer line under its name."""
_NAME = re.compile(r"(?:법률안|법안|결의안|동의안|개정안|승인안|규칙안)$")
_PART = re.compile(
    r"^\s*(?:제\s*안\s*이\s*유(?:\s*및\s*주\s*요\s*내\s*용)?|주\s*요\s*내\s*용|참\s*고\s*사\s*항|부\s*칙"
    r"|신\s*[·ㆍ・]?\s*구\s*조\s*문\s*대\s*비\s*표)\s*$"
)
"""A bill's part: reasons and contents, notes, supplementary provisions, the comparison table."""
_NUMBER_BLANK = re.compile(r"^\s*법\s*률\s*제\s+호\s*$")
"""The law's number line, left blank in a bill (``법률 제      호``)."""


def read_bill(ctx: Context) -> tuple[Item, list[str], list[str]] | None:
    """The title item of a bill, its series (none) and subtitles (none); None when it is no bill."""
    cover = opening_lines(ctx)
    proposer = next((it for it in cover if _PROPOSER.match(it.text)), None)
    index = ctx.items.index(proposer) if proposer is not None else 0
    title = ctx.items[index - 1] if index > 0 else None
    if proposer is None or title is None or structured(title) or not _NAME.search(title.text.strip()):
        return None
    named = _PROPOSER.match(proposer.text)
    if named and named["name"]:  # "(정부 제출)": no author
        ctx.add_author(Author(name=named["name"], role="의원"), proposer.line)
    ctx.to_meta(proposer, "authors")
    ctx.vote_publisher(ASSEMBLY, Evidence.DECISION)
    _join_indented(ctx, cover)
    for dup, first in list(ctx.duplicates):
        if first is title and dup.role is None:  # the bill's name over its text
            ctx.restore(dup)
            dup.kind = "heading"
    for item in ctx.items:
        if item.role is not None or structured(item) or item is title:
            continue
        if _PART.match(item.text) or key(item.text) == key(title.text):
            item.kind = "heading"
        elif _NUMBER_BLANK.match(item.text):
            item.role = "paragraph"
    return title, [], []


def _join_indented(ctx: Context, cover: list[Item]) -> None:
    """A cover's field whose value goes on in an indented line under it (``발 의 자 : 김하늘ㆍ…`` /
    ``           한지민ㆍ… 의원(10인)``): one paragraph."""
    for field in [it for it in cover if FORM_FIELD.match(it.text)]:
        at = ctx.items.index(field) if field in ctx.items else -1
        below = ctx.items[at + 1] if 0 <= at < len(ctx.items) - 1 else None
        if (
            below is not None
            and below.attrs.get("space_start")
            and below.line == (field.last or field.line) + 1
            and below.role is None
            and not structured(below)
            and not FORM_FIELD.match(below.text)
        ):
            field.text = f"{field.text} {below.text}"
            field.last = below.last or below.line
            ctx.items.remove(below)
