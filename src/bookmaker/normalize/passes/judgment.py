"""Part of pass ``title``: a court's decision (판결문, 결정문) as a law database shows it, read by kind
before the title is looked for.

Above the first line of running text, the decision's citation (``대법원 2026. 10. 29. 선고
2025다21187 판결``) is the title, whole: the ``dates`` pass takes its date but leaves the text. The
case name right under it in brackets (``[손해배상(기)]``) is a subtitle; the court votes for the
publisher over the site showing the decision. The decision's section labels (``【판시사항】``,
``【주    문】``, ``【이    유】`` …) are headings, and the judges' line at its end (``대법관 노민재(재판장)
김선영 …``) signs it."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.passes.release import opening_lines

CITATION = re.compile(
    r"^\s*(?P<court>[가-힣]{1,12}(?:법원|재판소|심판원|위원회))(?:\s*[가-힣]{1,6}(?:지원|부))?\s+"
    r"(?:19|20)\d{2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.?\s*(?:선고|자)\s+"
    r"\d{2,4}\s*[가-힣]{1,3}\s*\d{1,7}\s*(?:판결|결정|심결|전원합의체\s*판결)\s*$"
)
"""A decision's citation: court, date, 선고 or 자, case number, kind."""
_CASE_NAME = re.compile(r"^\s*\[\s*(?P<name>[^\[\]]{1,40}?)\s*\]\s*$")
_S = r"\s*"
_SECTIONS = "|".join(
    _S.join(word)
    for word in (
        *("판시사항", "판결요지", "결정요지", "참조조문", "참조판례", "따름판례", "전문", "주문", "이유"),
        *("청구취지", "신청취지", "사건", "결론"),
    )
)
SECTION = re.compile(rf"^\s*【\s*(?:{_SECTIONS})\s*】\s*$")
"""A decision's section label alone on its line (letter-spaced as often as not: ``【주    문】``)."""
_JUDGES = re.compile(
    r"^\s*(?:대법관|재판장\s*판사|판사|재판관)\s+[가-힣]{2,4}(?:\s*\([가-힣]{2,4}\))?(?:\s+\S+){0,12}$"
)
_FEWEST_SECTIONS = 2


def read_judgment(ctx: Context) -> tuple[Item, list[str], list[str]] | None:
    """The title item of a decision, its series (none) and subtitles (None when it is none)."""
    cover = opening_lines(ctx)
    title = next((it for it in cover if CITATION.match(it.text)), None)
    labels = [it for it in ctx.items if it.role is None and not structured(it) and SECTION.match(it.text)]
    if title is None or len(labels) < _FEWEST_SECTIONS:
        return None
    court = CITATION.match(title.text)
    if court:
        ctx.vote_publisher(court["court"], Evidence.DECISION)
    subtitles: list[str] = []
    index = ctx.items.index(title)
    after = ctx.items[index + 1] if index + 1 < len(ctx.items) else None
    name = _CASE_NAME.match(after.text) if after is not None and not structured(after) else None
    if after is not None and name:
        subtitles.append(name["name"])
        ctx.to_meta(after, "subtitles")
    for item in labels:
        item.kind = "heading"
    _sign(ctx)
    return title, [], subtitles


def _sign(ctx: Context) -> None:
    """The judges' line ending the decision signs it."""
    last = next((it for it in reversed(ctx.items) if not structured(it) and it.role is None), None)
    if last is not None and _JUDGES.match(" ".join(last.text.split())):
        last.attrs["paragraph_role"] = "signature"
