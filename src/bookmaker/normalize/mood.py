"""What a Korean sentence's ending says of it: a rule stated in the present (``감점한다``, ``요청할 수
있다``, ``따릅니다``) or a fact told (``입주자이다``, ``상해를 입었다``, ``체결하였습니다``). A list of rules
(a syllabus's 수강 유의사항, a notice's terms) is set as a list; a judgment's or a filing's lettered
facts are its paragraphs."""

from __future__ import annotations

import re

_HANGUL_FIRST, _FINALS = 0xAC00, 28
RIEUL, NIEUN, BIEUP, SSANG_SIOS = 8, 4, 17, 20
"""Final consonants (받침) by their index in a Hangul syllable: ㄹ, ㄴ, ㅂ, ㅆ."""


def final_consonant(syllable: str) -> int | None:
    """The index of ``syllable``'s final consonant (0: none); None when it is no Hangul syllable."""
    code = ord(syllable) - _HANGUL_FIRST
    return code % _FINALS if 0 <= code < 11172 else None


_SENTENCE_INSIDE = re.compile(r"[다요죠]\.\s")
_MODAL = re.compile(r"수\s*(?:있|없)(?:다|습니다)$")
"""``할 수 있다``, ``제출할 수 없습니다``: what may or may not be done."""


def prescribes(text: str) -> bool:
    """``text`` is one sentence stating a rule in the present: a verb's plain present ``-ㄴ다``/``-는다``
    (``감점한다``, ``제출하지 않는다``), ``-ㄹ 수 있다/없다``, or a polite present ``-ㅂ니다`` (``따릅니다``,
    ``바랍니다``) — not a past tense (``입었다``, ``하였습니다``), nor a copula's statement (``입주자이다``,
    ``…입니다``), nor an adjective's description (``타당하다``)."""
    body = text.strip().rstrip(".!。\"'”’)] ")
    if _SENTENCE_INSIDE.search(text.strip()[:-1]) or len(body) < 3:
        return False
    if _MODAL.search(body):
        return True
    if body.endswith("니다"):
        before = body[-3]
        if before == "습":  # 있습니다, 하였습니다: a state or the past (수 있습니다 is above)
            return False
        return before != "입" and final_consonant(before) == BIEUP
    if body.endswith("다"):
        before = body[-2]
        return before == "는" or final_consonant(before) == NIEUN
    return False
