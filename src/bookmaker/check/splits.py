"""Word splits judged: a line break inside an eojeol is principled where bookmaker's ranked rules
would break (:mod:`bookmaker.korean.wordbreaks`: between the nouns of a compound, after ``·`` or
``/``, before a glued parenthetical; a URL after ``/`` ``.`` ``-``; after an ellipsis glued to a word
that may open a line, as headlines break), else bad (inside a morpheme,
before a particle or ending, inside a number, one syllable alone, ...)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bookmaker.korean import wordbreaks
from bookmaker.korean.linebreak import URL


@dataclass(slots=True)
class SplitReport:
    """Splits found, by kind."""

    bad: int = 0
    principled: int = 0
    bad_examples: list[str] = field(default_factory=list)


def _word_at(joined: str, left: str, right: str) -> tuple[str, int] | None:
    """The eojeol of ``joined`` (single-spaced source) holding ``left + right``, and the split's
    offset in it."""
    glued = left + right
    index = joined.find(" " + glued)
    index = index + 1 if index >= 0 else joined.find(glued)
    if index < 0:
        return None
    start = joined.rfind(" ", 0, index) + 1
    end = joined.find(" ", index + len(glued))
    word = joined[start : end if end >= 0 else len(joined)]
    return word, index - start + len(left)


def judge_splits(pairs: list[tuple[str, str]], joined: str) -> SplitReport:
    """Classify each split ``left|right`` (the words either side of a line break, glued in the source)."""
    from bookmaker.korean.morphology import shared_analyzer

    report = SplitReport()
    found = [(pair, _word_at(joined, *pair)) for pair in pairs]
    words = [where[0] for _, where in found if where and wordbreaks.wants_analysis(where[0])]
    analyzer = shared_analyzer()
    morphs = analyzer.analyze(words) if words else {}
    for (left, right), where in found:
        principled = False
        if where is not None:
            word, at = where
            if URL.match(word):
                principled = word[at - 1] in "/.-_?&=#"
            elif at in wordbreaks.glued_ellipses(word):  # a clause's end (a headline's 인사…|인사혁신처장)
                principled = wordbreaks.opens_line_after_ellipsis(word[at:])
            else:
                ranked = wordbreaks.ranked(word, morphs.get(word), lexicon=analyzer)
                principled = any(o.at == at for o in ranked)
        if principled:
            report.principled += 1
        else:
            report.bad += 1
            if len(report.bad_examples) < 5:
                report.bad_examples.append(f"{left}|{right}")
    return report
