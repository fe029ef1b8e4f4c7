"""Ranked break opportunities inside one eojeol (a word between spaces): last resorts of the breaker.

A careful typesetter keeps Korean words whole, and when a line cannot be set well otherwise breaks
a word only where a reader does not stumble:

* after ``·`` between two nouns (정무·|기재) or two numbers of three digits or more (a list of zip
  codes: 90005·|90006; never 5·18), before a ``(`` that opens a parenthetical glued to a
  word (연금개혁특별위원회|(연금특위)가), after ``/`` in a list (이름/|직함), before a list mark
  run together with the item before it (이문희|▶작물과학원장), after a ``-`` between Latin letters
  or digits (1588-|7500), after a sentence's end glued to the next (했습니다.|연구정책국장에는),
  after a number's 만, 억 or 조 glued to the digits after it (1만|1260원으로: 한글 맞춤법 제44항
  spaces a number there);
* between the parts of a compound noun (연금개혁|특별위원회, 기획재정|위원회), and where a space
  was left out after a particle or an ending (자리를|옮긴다, 적합한|인재), found with a
  morphological analyzer (:mod:`bookmaker.korean.morphology`).

Never inside a morpheme, never before a particle, ending, suffix or copula (they are not nouns),
never between letters or digits of one Latin/number token, never where kinsoku forbids, and never
leaving one syllable alone on either side. Each opportunity carries a penalty on the breaker's
demerits scale: far above what any acceptable line costs (so words stay whole whenever the
paragraph sets well without it) and about what one loose line costs (a gap 0.2–0.3 em wider than
natural): a split is made only to avoid a clearly loose line, or several. The ``syllable`` style
adds every other boundary between two Hangul syllables, dearer still: breaking anywhere, as some
Korean newspapers set. A token wider than the measure also breaks, as the last resorts, after an
ellipsis glued to the next word (회담…|“셔틀외교: the quote or particle then starts a line), then
at any seam kinsoku allows, then inside a run of Latin letters or digits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bookmaker.korean.kinsoku import NO_END, NO_START

if TYPE_CHECKING:
    from bookmaker.korean.morphology import Morph

PUNCTUATION_PENALTY = 1.2e8  # after "·" or "/", before "(" or a list mark: the clearest seams
COMPOUND_PENALTY = 1.6e8  # between the nouns of a compound
SHORT_SIDE_PENALTY = 0.6e8  # ... more when a side has fewer than three syllables
LATIN_NOUN_PENALTY = 2e8  # between Latin letters and a Hangul noun glued to them (APEC|하우스에서)
SYLLABLE_PENALTY = 6e8  # between any two syllables (syllable style)
GLUED_ELLIPSIS_PENALTY = 5e11  # after an ellipsis glued to the next word, in a token wider than the measure
FALLBACK_PENALTY = 1e12  # ... anywhere else in it, where nothing better exists
LATIN_FALLBACK_PENALTY = 1e13  # ... between two Latin letters or digits of it, the last of all

NOUNS = frozenset({"NNG", "NNP"})
CLOSERS = frozenset(NO_START | set(")]}>〉》」』】"))
LIST_MARKS = frozenset("▶▷►△▲▽▼◆◇■□●○※☞")  # a list's items run together: 이문희|▶작물과학원장
ELLIPSES = ("…", "⋯", "...")
NUMBER_UNITS = frozenset("만억조경")
"""A number is spaced after these units (한글 맞춤법 제44항: 12억 3456만 7898): where one is glued
to the digits after it (1만1260원으로, 3억5000만원) the word may break there, as at a space."""
LATIN_BEFORE_HANGUL = re.compile(r"[A-Za-z]{2}[\uac00-\ud7a3]{2}")
OPENING_QUOTES = frozenset("“‘「『《〈\"'")


@dataclass(frozen=True, slots=True)
class Opportunity:
    """A break before ``word[at]``, with its penalty and what it is; ``hyphen``: a hyphen is drawn
    at the end of the line broken here (:mod:`bookmaker.korean.hyphenation`)."""

    at: int
    penalty: float
    kind: str
    hyphen: bool = False


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def seam_allowed(word: str, at: int) -> bool:
    """May ``word`` break before ``word[at]`` at all: kinsoku, one token of Latin letters or digits,
    and no single Hangul syllable left alone on either side."""
    if not 0 < at < len(word):
        return False
    left, right = word[at - 1], word[at]
    if right in CLOSERS or left in NO_END or right in "'\"":
        return False
    if _latin(left) and _latin(right):
        return False
    if left in ".,:" and right.isdigit():
        return False
    for piece in (_piece_before(word, at), _piece_after(word, at)):
        if len(piece) == 1 and _hangul(piece):
            return False
    return True


def _run_length(word: str, at: int, step: int) -> int:
    """Hangul syllables in a row from ``at`` (step 1) or before it (step -1)."""
    count, index = 0, at if step > 0 else at - 1
    while 0 <= index < len(word) and _hangul(word[index]):
        count += 1
        index += step
    return count


def _digits(word: str, at: int, step: int) -> int:
    """ASCII digits in a row from ``at`` (step 1) or before it (step -1)."""
    count, index = 0, at if step > 0 else at - 1
    while 0 <= index < len(word) and word[index].isascii() and word[index].isdigit():
        count += 1
        index += step
    return count


def _in_piece(char: str) -> bool:
    return _latin(char) or _hangul(char)


def _piece_before(word: str, at: int) -> str:
    """The Latin letters, digits and syllables just before ``word[at]``."""
    start = at
    while start > 0 and _in_piece(word[start - 1]):
        start -= 1
    return word[start:at]


def _piece_after(word: str, at: int) -> str:
    """The Latin letters, digits and syllables from ``word[at]`` on."""
    end = at
    while end < len(word) and _in_piece(word[end]):
        end += 1
    return word[at:end]


def punctuation_opportunities(word: str) -> list[Opportunity]:
    """After ``·`` between Hangul words, each of two syllables or more, or between numbers of three
    digits or more (a list of codes: 90005·|90006; never 5·18); after ``/`` between words;
    before a ``(`` glued to a word of two or more (a parenthetical), or a list mark (▶, △); after
    the ``~`` of a range (4.25~|4.50%), the ``-`` between Latin letters or digits (1588-|7500,
    data-|dependent), a sentence's end glued to the next (했습니다.|연구정책국장에는), a number's
    unit of ten thousands glued to the digits after it (1만|1260원으로: :data:`NUMBER_UNITS`)."""
    found: list[Opportunity] = []
    for at in range(2, len(word)):
        left, right = word[at - 1], word[at]
        if left == "·" and _digits(word, at - 1, -1) >= 3 and _digits(word, at, 1) >= 3:
            before, after, kind = 2, 2, "number-list"  # 90005·|90006: a list of codes (not 5·18)
        elif left == "·":
            before, after, kind = _run_length(word, at - 1, -1), _run_length(word, at, 1), "middle-dot"
        elif left == "/":
            before, after, kind = len(_piece_before(word, at - 1)), len(_piece_after(word, at)), "slash"
        elif right == "(":
            before, after, kind = len(_piece_before(word, at)), 2, "parenthesis"
        elif right in LIST_MARKS:
            before, after, kind = len(_piece_before(word, at)), 2, "list-mark"
        elif left in "~∼" and word[at - 2].isalnum() and right.isalnum():
            before, after, kind = 2, 2, "range"  # 4.25~|4.50%
        elif left in NUMBER_UNITS and word[at - 2].isdigit() and right.isdigit():
            before, after, kind = 2, 2, "number-unit"  # 1만|1260원으로: the space 맞춤법 asks for
        elif left == "-" and _latin(word[at - 2]) and _latin(right):
            before, after, kind = len(_piece_before(word, at - 1)), len(_piece_after(word, at)), "hyphen"
        elif _sentence_end(word, at) and (_hangul(right) or right in "“‘"):
            after = _run_length(word, at + (right in "“‘"), 1)
            before, kind = 2, "sentence"  # 단행했습니다.|연구정책국장에는: a space left out
        else:
            continue
        if before >= 2 and after >= 2 and seam_allowed(word, at):
            found.append(Opportunity(at, PUNCTUATION_PENALTY, kind))
    return found


def _sentence_end(word: str, at: int) -> bool:
    """Whether ``word[:at]`` ends a Korean sentence: a syllable, then ``.`` ``?`` or ``!`` (not a
    closing quote: what is glued to one is a quotative particle or ending, 했다.”|라고)."""
    return at >= 2 and word[at - 1] in ".?!" and _hangul(word[at - 2])


class Lexicon(Protocol):
    """What the compound rules ask of the analyzer (:class:`bookmaker.korean.morphology.Analyzer`)."""

    def known(self, word: str) -> bool:
        """Is ``word`` alone one dictionary noun?"""
        ...

    def common(self, word: str) -> bool:
        """Is ``word`` alone one well-known common noun?"""
        ...

    def one_verb(self, lemma: str) -> bool:
        """Is ``lemma`` (a verb's dictionary form, 살펴보다) one verb of the dictionary?"""
        ...


def compound_opportunities(
    word: str, morphs: Sequence[Morph], lexicon: Lexicon | None = None
) -> list[Opportunity]:
    """Between two nouns of a compound (a noun-making suffix may end the left part: 공론화|위원회),
    each part two syllables or more, as the analyzer read the word (the left part may be nouns read
    in a row: 고대역폭|메모리, 대역+폭 before 메모리); between an ending and an auxiliary verb
    (확인해야|한다, 진행하고|있다: they may be spaced; not -어지다, -어하다 or a compound verb of
    the dictionary, 이뤄지다, 살펴보다: :func:`_written_whole`); and with a ``lexicon``, inside
    a long noun the analyzer read whole: where :func:`compound_seam` allows, or, when the dictionary
    knows the whole word, only between well-known common nouns (전성|시대, not 로스앤젤|레스), and
    never in a noun glued to Latin letters or digits (D램익스체인지 is a name)."""
    found: list[Opportunity] = []
    for index, ((lf, lt, ls, le, _), (rf, rt, rs, re_, _)) in enumerate(itertools.pairwise(morphs)):
        if lt.startswith("E") and rt == "VX" and le == rs:  # forms are lemmas here: 한 is 하+ㄴ
            whole = not any(s < rs < e for _, _, s, e, _ in morphs)
            if (
                whole
                and not _written_whole(word, lf, rf, rs, lexicon)
                and min(_run_length(word, rs, -1), _run_length(word, rs, 1)) >= 2
                and seam_allowed(word, rs)
            ):
                found.append(Opportunity(rs, _compound_penalty(word, rs), "auxiliary"))
            continue
        if le != rs or word[rs:re_] != rf or word[ls:le] != lf:
            continue
        if rt not in NOUNS:
            continue
        if lt == "XSN":
            if ls == 0 or not any(t in NOUNS and e == ls for _, t, _, e, _ in morphs):
                continue
        elif lt not in NOUNS:
            continue
        before = len(lf) + 1 if lt == "XSN" else _noun_run(word, morphs, index)
        if before < 2 or len(rf) < 2 or not seam_allowed(word, rs):
            continue
        if not all(_hangul(c) for c in lf + rf):
            continue
        found.append(Opportunity(rs, _compound_penalty(word, rs), "compound"))
    if lexicon is None:
        return found
    for form, tag, start, end, _ in morphs:
        if tag not in NOUNS or word[start:end] != form or len(form) < 4 or not all(map(_hangul, form)):
            continue
        if start and _latin(word[start - 1]):  # glued to a Latin letter or digit: one name (D램익스체인지)
            continue
        whole = lexicon.known(form)
        for at in range(2, len(form) - 1):
            left, right = form[:at], form[at:]
            if whole:
                fits = bool(segment(left, lexicon.common) and segment(right, lexicon.common))
            else:
                fits = compound_seam(left, right, lexicon.known)
            if fits and seam_allowed(word, start + at):
                found.append(Opportunity(start + at, _compound_penalty(word, start + at), "compound"))
    return found


ATTACHED_AUXILIARIES = frozenset({"지", "하"})
"""After ``-아``/``-어`` these are written attached, never spaced (이뤄지다, 만들어지다, 싫어하다)."""


def _written_whole(word: str, ending: str, auxiliary: str, at: int, lexicon: Lexicon | None) -> bool:
    """Whether an ending and the auxiliary verb after it (``word[at]`` on) are one verb that is never
    spaced: ``-아/-어`` before 지 or 하 (:data:`ATTACHED_AUXILIARIES`: 이뤄|졌으며 is no seam), or, with
    a ``lexicon``, a compound verb of the dictionary (살펴보다, 돌아보다: not 먹어 보다)."""
    if ending in ("아", "어") and auxiliary in ATTACHED_AUXILIARIES:
        return True
    stem = word[at - _run_length(word, at, -1) : at]  # the syllables before it (no quote: “살펴보겠다)
    return lexicon is not None and lexicon.one_verb(stem + auxiliary + "다")


def _noun_run(word: str, morphs: Sequence[Morph], last: int) -> int:
    """The syllables of the nouns read in a row up to ``morphs[last]`` (each as written, touching
    the next): the left part of a compound may itself be one of a noun and a noun of one syllable
    (대역폭|메모리, 서울시|공무원), as long as it is two syllables or more together."""
    count, edge = 0, morphs[last][3]
    for form, tag, start, end, _ in reversed(morphs[: last + 1]):
        if tag not in NOUNS or end != edge or word[start:end] != form or not all(map(_hangul, form)):
            break
        count, edge = count + len(form), start
    return count


def latin_noun_opportunities(word: str, morphs: Sequence[Morph]) -> list[Opportunity]:
    """Between a run of two or more Latin letters and a Hangul noun of two syllables or more glued
    to it, as the analyzer read the word (APEC|하우스에서, GPT|모델을): a compound's seam. Not
    before a particle, suffix, copula or ending (AI가, IT화), and not after a digit: a number and
    its counter or unit stay whole (3개, 5G)."""
    found: list[Opportunity] = []
    for (lf, lt, ls, le, _), (rf, rt, rs, re_, _) in itertools.pairwise(morphs):
        if lt != "SL" or rt not in NOUNS or le != rs or word[ls:le] != lf or word[rs:re_] != rf:
            continue
        if len(lf) < 2 or not lf.isascii() or not lf.isalpha() or _run_length(word, rs, 1) < 2:
            continue
        if len(rf) >= 2 and all(map(_hangul, rf)) and seam_allowed(word, rs):
            short = SHORT_SIDE_PENALTY if _run_length(word, rs, 1) < 3 else 0.0
            found.append(Opportunity(rs, LATIN_NOUN_PENALTY + short, "latin-noun"))
    return found


CONTENT = frozenset({"NNG", "NNP", "NR", "NP", "MAG", "MM"})  # what may follow a left-out space ...
VERBS = frozenset({"VV", "VA"})  # ... and after a particle (not an ending: 돌아|가다 is one verb)
ENDINGS = frozenset({"EC", "EF", "ETM", "ETN"})


def spacing_opportunities(word: str, morphs: Sequence[Morph]) -> list[Opportunity]:
    """Where a space was left out, as the analyzer read the word: after a particle or an ending,
    before a noun, adverb or determiner (적합한|인재, 공직자에|가장), or a verb after a particle
    (자리를|옮긴다); an opening quote may stand between (라며|“공직사회). Each side two syllables
    or more: a noun of one syllable is no word of its own here (국민의힘: never 국민의|힘)."""
    found: list[Opportunity] = []
    for index in range(len(morphs) - 1):
        _, lt, _, le, _ = morphs[index]
        at = morphs[index + 1][2]
        following = morphs[index + 2 :] if morphs[index + 1][1] == "SSO" else morphs[index + 1 :]
        if not following or le != at or any(s < at < e for _, _, s, e, _ in morphs):
            continue
        rf, rt, rs, re_, _ = following[0]
        if not (rt in CONTENT or (rt in VERBS and lt.startswith("J"))) or not (
            lt.startswith("J") or lt in ENDINGS
        ):
            continue
        if re_ - rs < 2 or _run_length(word, at, -1) < 2 or _run_length(word, rs, 1) < 2:
            continue
        if rt not in VERBS and word[rs:re_] != rf:
            continue
        if seam_allowed(word, at):
            found.append(Opportunity(at, _compound_penalty(word, at), "spacing"))
    return found


def _compound_penalty(word: str, at: int) -> float:
    short = _run_length(word, at, -1) < 3 or _run_length(word, at, 1) < 3
    return COMPOUND_PENALTY + (SHORT_SIDE_PENALTY if short else 0.0)


def compound_seam(left: str, right: str, known: Callable[[str], bool]) -> bool:
    """Whether a noun the analyzer read whole may break as ``left|right``: both sides are known
    nouns of two syllables or more (국립|식량과학원), or one side is a word of three or more the
    dictionary lacks (a name: 고령지농업) and the other known nouns of three or more (연구소장), and
    no known noun straddles the seam (작물과|학원장 would tear 과학)."""
    if len(left) < 2 or len(right) < 2:
        return False
    lseg, rseg = segment(left, known), segment(right, known)
    if lseg and rseg:
        return True
    if (lseg or rseg) and len(left) >= 3 and len(right) >= 3:
        return not any(
            known(left[-i:] + right[:j]) for i, j in ((1, 1), (1, 2), (2, 1), (1, 3), (2, 2), (3, 1))
        )
    return False


def segment(text: str, known: Callable[[str], bool]) -> tuple[str, ...] | None:
    """``text`` as known nouns of two syllables or more (the first way found), or None."""
    if len(text) >= 2 and known(text):
        return (text,)
    for at in range(2, len(text) - 1):
        if known(text[:at]):
            rest = segment(text[at:], known)
            if rest:
                return (text[:at], *rest)
    return None


def syllable_opportunities(word: str) -> list[Opportunity]:
    """Between any two Hangul syllables (the syllable style), where the seam is allowed."""
    return [
        Opportunity(at, SYLLABLE_PENALTY, "syllable")
        for at in range(1, len(word))
        if _hangul(word[at - 1]) and _hangul(word[at]) and seam_allowed(word, at)
    ]


def glued_ellipses(word: str) -> list[int]:
    """Where ``word`` holds an ellipsis (``…``, ``⋯``, ``...``) glued to a next letter or opening
    quote (회담…“셔틀외교, 고시…월): the offsets just after each. A clause ends there, but a line
    starting with the quote or a bound word reads as torn, so this is a last resort, never ranked."""
    found = []
    for at in range(1, len(word)):
        right = word[at]
        if (right.isalnum() or right in OPENING_QUOTES) and word[:at].endswith(ELLIPSES):
            found.append(at)
    return found


_LEADING_RUN = re.compile(r"[가-힣]+|[0-9A-Za-z]+")
PRONOUN_AND_PARTICLE = frozenset(
    (
        "누가",
        "뭐가",
        "내가",
        "네가",
        "제가",
        "나는",
        "너는",
        "저는",
        "나도",
        "너도",
        "저도",
        "나를",
        "너를",
        "저를",
    )
)
"""Two syllables that are a one-syllable pronoun and its particle (``누가``, ``내가``, ``저는``): the
word a line would open with is one syllable (``급여’…|누가,`` reads as a syllable torn off; round
seventeen's held-out headline). Not the pairs that are other words (``제도``, ``저가``, ``나가``)."""


def opens_line_after_ellipsis(rest: str) -> bool:
    """A line may start with ``rest`` after an ellipsis glued to it: a clause ends there, and
    ``rest`` opens with a word of two syllables or more, a number or a Latin word (``1500억원…|전년``),
    not with a quotation mark or bracket (``회담…|“셔틀외교`` reads as torn), a syllable bound to
    what follows (``고시…|월``) or a one-syllable pronoun with its particle (``급여’…|누가,``)."""
    run = _LEADING_RUN.match(rest)
    if run is None or run[0] in PRONOUN_AND_PARTICLE:
        return False
    return len(run[0]) >= 2 or not "가" <= run[0][0] <= "힣"


def fallback_cuts(word: str) -> list[Opportunity]:
    """Every seam kinsoku allows: for a token wider than the measure. After a glued ellipsis
    (:func:`glued_ellipses`) at :data:`GLUED_ELLIPSIS_PENALTY`; inside a run of Latin letters and
    digits (a hash, a key, a long identifier) only at :data:`LATIN_FALLBACK_PENALTY`, when no
    other seam lets the token fit: a run wider than the line would otherwise run off the page."""
    ellipses = set(glued_ellipses(word))
    return [
        Opportunity(at, penalty, "ellipsis" if at in ellipses else "fallback")
        for at in range(1, len(word))
        if word[at] not in CLOSERS and word[at - 1] not in NO_END
        for penalty in (
            GLUED_ELLIPSIS_PENALTY
            if at in ellipses
            else LATIN_FALLBACK_PENALTY
            if _latin(word[at - 1]) and _latin(word[at])
            else FALLBACK_PENALTY,
        )
    ]


def ranked(
    word: str,
    morphs: Sequence[Morph] | None,
    syllables: bool = False,
    lexicon: Lexicon | None = None,
) -> list[Opportunity]:
    """The word's opportunities, one per seam (the cheapest), in order: at punctuation, and with its
    ``morphs`` (and ``lexicon``, see :func:`compound_opportunities`) between compound nouns, after
    Latin letters before a noun, and where a space was left out."""
    best: dict[int, Opportunity] = {}
    candidates = punctuation_opportunities(word)
    if morphs:
        candidates += compound_opportunities(word, morphs, lexicon)
        candidates += latin_noun_opportunities(word, morphs)
        candidates += spacing_opportunities(word, morphs)
    if syllables:
        candidates += syllable_opportunities(word)
    for found in candidates:
        if found.at not in best or found.penalty < best[found.at].penalty:
            best[found.at] = found
    return [best[at] for at in sorted(best)]


def wants_analysis(word: str) -> bool:
    """Whether a word could hold a compound-noun seam: four Hangul syllables or more in a row, or
    two Latin letters before two syllables (APEC하우스)."""
    return any(_run_length(word, at, 1) >= 4 for at in range(len(word))) or bool(
        LATIN_BEFORE_HANGUL.search(word)
    )
