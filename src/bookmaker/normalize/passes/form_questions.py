"""Pass ``form_questions``: the numbered questions of an application form (a 자기소개서 copied from
a job portal or a school's application): two lines or more, numbered from 1 up by one, each a
question ending with its answer's length limit (``1. 지원 동기를 기술해 주십시오. (500자 이내)``,
``Q2. … [최대 700자]``, ``문항 3 … (공백 포함 1,000자)``), are headings over the answers below them.
A numbered line without a limit, or naming a document rather than asking (``1. 자기소개서(1,000자
이내)`` in a posting's list of papers), is left to the other passes (a list, a section)."""

from __future__ import annotations

import re

from bookmaker.normalize.blocks import unclaimed
from bookmaker.normalize.context import Context

_QUESTION = re.compile(
    r"^\s*(?:Q\s*|문항\s*)?(?P<n>\d{1,2})\s*[.):]?\s+\S.{4,300}?"
    # asked, not named: "1. 자기소개서(1,000자 이내)" is a paper a posting asks for
    r"(?:[.?？!]|주십시오|주세요|하시오|바랍니다|기술|서술|작성)\s*"
    r"[\[(]\s*(?:공백\s*(?:포함|제외)\s*)?(?:최대\s*)?[\d,]{2,6}\s*자\s*(?:이내|이하|내외|까지)?"
    r"\s*(?:[,/]?\s*공백\s*(?:포함|제외)\s*)?[\])]\s*$",
    re.IGNORECASE,
)
FEWEST = 2


def run(ctx: Context) -> None:
    """Make an application form's length-limited numbered questions headings."""
    found = [(it, int(m["n"])) for it in ctx.items if unclaimed(it) and (m := _QUESTION.match(it.text))]
    numbers = [n for _, n in found]
    if len(found) < FEWEST or numbers != list(range(1, len(found) + 1)):
        return
    for item, _ in found:
        item.kind = "heading"
