"""Hard-wrapped text scrapes (issue #22): a wrap inside a Hangul word is rejoined without a space
only on the text's own evidence; a wrap between words keeps its space.

The scrapes are wrapped at 40 columns (a Hangul syllable takes two) the way ``fold`` and
terminal copies cut: at the column, wherever it falls, so the space a cut lands on ends one line
or starts the next — unless a later tool stripped the ends of lines.
"""

from __future__ import annotations

from bookmaker.ir import Document, Source
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument, SourceLine
from tests.helpers import unaccounted_lines

TITLE = "정부, 물가 안정 대책 발표"
FIRST = (
    "정부는 이날 물가 안정 대책을 발표하면서 소비자가 체감하는 장바구니 물가를 낮추기 위해 "
    "농산물 할인 지원을 두 배로 늘리겠다고 밝혔다. 소비자 단체는 이번 대책이 소비자의 부담을 "
    "덜어 줄 것이라고 평가하면서도 가격 감시를 강화해야 한다고 지적했다."
)
SECOND = (
    "기획재정부 관계자는 “하반기에는 공공요금 인상을 최대한 억제하고 유통 구조 개선도 함께 "
    "추진할 계획”이라며 “농축수산물 가격이 안정되면 전체 물가 상승률도 2%대로 내려갈 것”이라고 "
    "말했다."
)
FOLDED = [  # FIRST and SECOND cut at 40 columns
    TITLE,
    "",
    "정부는 이날 물가 안정 대책을 발표하면서 ",
    "소비자가 체감하는 장바구니 물가를 낮추기",
    " 위해 농산물 할인 지원을 두 배로 늘리겠",  # 늘리겠|다고: inside a word
    "다고 밝혔다. 소비자 단체는 이번 대책이 ",
    "소비자의 부담을 덜어 줄 것이라고 평가하",  # 평가하|면서도
    "면서도 가격 감시를 강화해야 한다고 지적",  # 지적|했다
    "했다.",
    "",
    "기획재정부 관계자는 “하반기에는 공공요금",
    " 인상을 최대한 억제하고 유통 구조 개선도",
    " 함께 추진할 계획”이라며 “농축수산물 가",  # 가|격이
    "격이 안정되면 전체 물가 상승률도 2%대로 ",
    "내려갈 것”이라고 말했다.",
]


def norm(lines: list[str]) -> tuple[RawDocument, Document]:
    raw = RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="text"))
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    return raw, doc


def test_a_scrape_cut_at_40_columns_reads_back_whole() -> None:
    """The wrapper kept the spaces it cut at (lines ending in a space), so a cut without one is
    inside a word."""
    raw, doc = norm(FOLDED)
    assert [b.text for b in doc.blocks] == [FIRST, SECOND]
    assert [b.lines for b in doc.blocks] == [[3, 9], [11, 15]]
    assert raw.warnings == []


def test_with_line_ends_stripped_the_words_and_particles_tell() -> None:
    """With the ends of lines stripped, a cut at a lost space looks like a cut inside a word: the
    joined word seen elsewhere (가격), an ending no word starts with (다고, 면서, 했다) join;
    a cut with no sign either way (lines 4 and 15) is read by the morphological analyzer, which
    finds two words there: the space stays."""
    raw, doc = norm([line.rstrip() for line in FOLDED])
    assert [b.text for b in doc.blocks] == [FIRST, SECOND]
    assert raw.warnings == []


def test_a_split_seen_elsewhere_keeps_its_space() -> None:
    """'새 정책' written apart elsewhere: the cut after 새 is between words, though the wrapper
    keeps the spaces it cuts at and this line does not end in one."""
    lines = [
        "정부, 새 정책 발표",
        "",
        "정부는 새 정책의 세부 내용을 이날 공개하고 새",
        "정책이 시행되는 다음 달부터 신청을 받는다고 ",
        "밝혔다. 신청은 주민센터와 누리집에서 받으며 ",
        "서류는 간소화된다.",
    ]
    raw, doc = norm(lines)
    assert [b.text for b in doc.blocks] == [
        "정부는 새 정책의 세부 내용을 이날 공개하고 새 정책이 시행되는 다음 달부터 신청을 받는다고 "
        "밝혔다. 신청은 주민센터와 누리집에서 받으며 서류는 간소화된다."
    ]
    assert raw.warnings == []


def test_a_wrap_between_words_keeps_its_space() -> None:
    """Wrapped between words (lines of uneven width, as ``fmt`` leaves them): every cut is a space."""
    lines = [
        TITLE,
        "",
        "정부는 이날 물가 안정 대책을 발표하면서",
        "소비자가 체감하는 장바구니 물가를",
        "낮추기 위해 농산물 할인 지원을 두 배로",
        "늘리겠다고 밝혔다. 소비자 단체는 이번",
        "대책이 소비자의 부담을 덜어 줄 것이라고",
        "평가하면서도 가격 감시를 강화해야 한다고",
        "지적했다.",
    ]
    raw, doc = norm(lines)
    assert [b.text for b in doc.blocks] == [FIRST]
    assert raw.warnings == []
