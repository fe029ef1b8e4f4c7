"""Pass ``fact_check``: a fact-check page copied as text (an outlet's 팩트체크 on a shared platform): the
claim box (``검증 대상`` over the quoted claim and its fields ``발언자: …``, ``발언 일시: …``), and the
verdict meter, whose grades the page shows all at once and marks the chosen one by colour, so that a
copy gets every grade as a line (``사실 아님`` / ``대체로 사실 아님`` / ``절반의 사실`` / … / ``판단 유보``)
before the verdict itself (``판정 결과: 대체로 사실``).

The claim box's label is a heading, the claim a quote and its fields a list (not the story's date:
``발언 일시`` dates the claim). The meter's grades and its label above them go (``factcheck.meter``);
the verdict line stays. On a platform, the line under the headline names the outlet beside the date
(``한빛일보 | 2026.12.04 06:00``): the headline is the title and the outlet the publisher (not an author,
and over the platform's own copyright). A text is read so only with a meter (four grades or more in a
row) or a claim box."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import keep_as_printed, structured
from bookmaker.normalize.context import Context, Evidence, Item
from bookmaker.normalize.text import quoted_in_article

_GRADE = re.compile(
    r"^\s*(?:(?:전혀|대체로)\s*)?(?:사실|거짓)(?:\s*(?:아님|이\s*아님))?\s*$"
    r"|^\s*절반의\s*사실\s*$|^\s*(?:판단\s*유보|판정\s*유보|검증\s*불가|근거\s*(?:부족|없음)|논쟁\s*중)\s*$"
)
_METER_LABEL = re.compile(r"^\s*(?:판정|판정\s*결과|검증\s*결과|팩트체크\s*결과|평가)\s*$")
_CLAIM_HEAD = re.compile(r"^\s*(?:검증|팩트\s*체크)\s*대상\s*:?\s*$")
_CLAIM = re.compile(r"^\s*[\"“'‘「『].{4,}[\"”'’」』]\s*(?:\([^()]{0,60}\))?\s*$")
_CLAIM_FIELD = re.compile(
    r"^\s*(?:발언자|주장자|발언\s*(?:일시|일자|출처|매체|장소)|주장\s*(?:일시|출처|매체)|출처|일시|최초\s*유포|유포\s*경로)"
    r"\s*[:：]\s*\S"
)
_SOURCE_LINE = re.compile(
    r"^\s*(?P<outlet>[가-힣A-Za-z][가-힣A-Za-z0-9]{0,10}(?:일보|신문|뉴스|방송|경제|통신|타임스|저널|미디어|데일리|[A-Z]{2,5}))"
    r"\s*[|｜]\s*(?=(?:19|20)\d{2}\s*[.\-/년])"
)
MIN_GRADES = 4
TOP = 12
"""The outlet's line stands among the page's first lines."""

_METER = "a fact-check page's verdict meter: every grade, copied as lines (the chosen one marked by colour)"


def _meter(items: list[Item]) -> tuple[int, int] | None:
    """The start and end (exclusive) of the first run of grade lines long enough to be a meter."""
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and _GRADE.match(items[j].text):
            j += 1
        if j - i >= MIN_GRADES:
            return i, j
        i = j + 1
    return None


def _claim_box(items: list[Item]) -> bool:
    """Mark the claim box: the label a heading, the claim a quote, its fields a list."""
    for i, head in enumerate(items[:-1]):
        if not _CLAIM_HEAD.match(head.text):
            continue
        at = i + 1
        claim = items[at] if _CLAIM.match(items[at].text) else None
        if claim is not None:
            at += 1
        fields: list[Item] = []
        while at < len(items) and _CLAIM_FIELD.match(items[at].text):
            fields.append(items[at])
            at += 1
        if claim is None and not fields:
            continue
        head.kind = head.role = "heading"
        if claim is not None:
            claim.role = "quote"
            claim.attrs["own_text"] = "1"
        for entry in fields:
            entry.kind = entry.role = "list-item"
            entry.attrs["list"] = str(fields[0].line)
            entry.attrs["own_text"] = "1"
        return True
    return False


def _source_line(ctx: Context, items: list[Item]) -> None:
    """The outlet's line under the headline: the headline the title, the outlet the publisher."""
    for i, item in enumerate(items[1:TOP], start=1):
        m = _SOURCE_LINE.match(item.text)
        if m is None or structured(items[i - 1]):
            continue
        items[i - 1].kind = "title"
        ctx.vote_publisher(m["outlet"], Evidence.DECISION)  # the outlet over the platform showing it
        ctx.note_line("publisher", item.line)
        item.text = item.text[m.end() :]  # the date stays for pass dates
        item.content = None
        return


def run(ctx: Context) -> None:
    """Read a fact-check page (see the module); any other text is left as it is."""
    items = [item for item in ctx.items if item.text.strip() and not structured(item) and item.role is None]
    meter = _meter(items)
    boxed = _claim_box(items)
    if meter is None and not boxed:
        return
    if meter is not None:
        start, end = meter
        if start and _METER_LABEL.match(items[start - 1].text):
            start -= 1
        if quoted_in_article(item.text for item in items[:start] if item.role is None):
            for item in items[start:end]:  # a story quoting the grades under its own sentence
                keep_as_printed(item)
            if not boxed:
                return
        else:
            ctx.drop_all((item, _METER, "factcheck.meter") for item in items[start:end])
    _source_line(ctx, items)
