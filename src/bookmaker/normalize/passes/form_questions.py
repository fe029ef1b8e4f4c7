"""Pass ``form_questions``: the numbered questions of an application form (a 자기소개서 copied from
a job portal or a school's application): two lines or more, numbered from 1 up by one, each a
question ending with its answer's length limit (``1. 지원 동기를 기술해 주십시오. (500자 이내)``,
``Q2. … [최대 700자]``, ``문항 3 … (공백 포함 1,000자)``), are headings over the answers below them.
A numbered line without a limit, or naming a document rather than asking (``1. 자기소개서(1,000자
이내)`` in a posting's list of papers), is left to the other passes (a list, a section); so are
questions with no answer between them, quoted one under another in a story on this year's forms:
numbered ``1.`` they are a list (pass structure), labelled ``Q1.`` / ``문항 1`` each stays as printed."""

from __future__ import annotations

import re
from itertools import pairwise

from bookmaker.normalize.blocks import keep_as_printed, unclaimed
from bookmaker.normalize.context import Context

_QUESTION = re.compile(
    r"^\s*(?:Q\s*|문항\s*)?(?P<n>\d{1,2})\s*[.):]?\s+\S.{4,300}?"
    # asked, not named: "1. 자기소개서(1,000자 이내)" is a paper a posting asks for
    r"(?:[.?？!]|주십시오|주세요|하시오|바랍니다|기술|서술|작성)\s*"
    r"[\[(]\s*(?:공백\s*(?:포함|제외)\s*)?(?:최대\s*)?[\d,]{2,6}\s*자\s*(?:이내|이하|내외|까지)?"
    r"\s*(?:[,/]?\s*공백\s*(?:포함|제외)\s*)?[\])]\s*$",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^\s*(?:Q|문항)", re.IGNORECASE)
FEWEST = 2


def run(ctx: Context) -> None:
    """Make an application form's length-limited numbered questions headings."""
    found = [
        (at, it, int(m["n"]))
        for at, it in enumerate(ctx.items)
        if unclaimed(it) and (m := _QUESTION.match(it.text))
    ]
    numbers = [n for _, _, n in found]
    if len(found) < FEWEST or numbers != list(range(1, len(found) + 1)):
        return
    if any(later - at == 1 for (at, _, _), (later, _, _) in pairwise(found)):
        for _, item, _ in found:  # no answer under a question: the questions quoted, a list …
            if _LABELLED.match(item.text):
                keep_as_printed(item)  # … or, labelled "Q1." / "문항 1", each as printed
        return
    for _, item, _ in found:
        item.kind = "heading"
