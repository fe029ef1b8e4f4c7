"""Morphemes of Korean words for the line breaker, by kiwipiepy, loaded only when first needed.

The analyzer takes seconds and ~340 MB to load, so the breaker asks for it only for paragraphs that
have no acceptable layout breaking at spaces alone, and every word's analysis is kept on disk
(``~/.cache/bookmaker/morphemes-<kiwipiepy version>-2/words.jsonl``, one JSON line per word, appended):
a later build that meets the same words does not load the analyzer at all. ``BOOKMAKER_NO_CACHE``
turns the disk cache off (the analyses are then kept for the process only).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bookmaker.cache_folder import cache_root, generation_folder

Morph = tuple[str, str, int, int, float]
"""(form, tag, start, end, score): a morpheme of a word, its offsets in the word (Sejong tags) and
the analyzer's score of it (log-probability: a dictionary word scores high, a guess low)."""

VERBS = frozenset({"VV", "VA"})
NOUNS = frozenset({"NNG", "NNP", "NR", "NP"})  # what a word alone may be read as to count as a known noun
KNOWN_SCORE = -16.0  # a word read as one noun scoring below this is a guess, not a dictionary word
COMMON_SCORE = -14.0  # a common noun (NNG) scoring at least this is a well-known word
JOIN_GAIN = 4.0
"""How much better (log-probability) a joined reading must score than the spaced one."""


@dataclass(frozen=True, slots=True)
class LoadFigures:
    """What loading the analyzer cost (seconds and the process's peak RSS before and after, MB)."""

    seconds: float
    rss_before_mb: float
    rss_after_mb: float


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _kiwi_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kiwipiepy")
    except PackageNotFoundError:
        return "none"


@dataclass(slots=True)
class Analyzer:
    """Word → morphemes, memoized in the process and on disk; kiwipiepy loaded on first real need."""

    folder: Path | None = None
    memo: dict[str, tuple[Morph, ...]] = field(default_factory=dict)
    loaded: LoadFigures | None = None
    _kiwi: Any = None
    _disk_read: bool = False

    @classmethod
    def default(cls) -> Analyzer:
        """The analyzer with the user's disk cache (none when caches are off)."""
        root = cache_root()
        folder = generation_folder(root, f"morphemes-{_kiwi_version()}-2") if root else None
        return cls(folder)

    @property
    def _file(self) -> Path | None:
        return self.folder / "words.jsonl" if self.folder else None

    def _read_disk(self) -> None:
        self._disk_read = True
        path = self._file
        if path is None or not path.is_file():
            return
        with contextlib.suppress(OSError), path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    word, morphs = json.loads(line)
                    self.memo[word] = tuple((f, t, int(s), int(e), float(c)) for f, t, s, e, c in morphs)
                except (ValueError, TypeError):
                    continue  # a line cut short by a concurrent writer: analysed again when needed

    def _kiwi_instance(self) -> Any:
        if self._kiwi is None:
            before, start = _peak_rss_mb(), time.perf_counter()
            from kiwipiepy import Kiwi

            kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
            kiwi.tokenize("가")  # the model loads on first use
            self._kiwi = kiwi
            self.loaded = LoadFigures(time.perf_counter() - start, before, _peak_rss_mb())
        return self._kiwi

    def reads_as_one_word(self, left: str, right: str) -> bool:
        """Whether the analyzer reads ``left`` and ``right`` (text on both sides of a line break
        that fell between two Hangul syllables) better joined than with a space between them:
        its best reading of the joined text scores at least :data:`JOIN_GAIN` higher, or no lower
        with one noun read across the cut (``용|수``: 용수). A particle or an ending cut off
        (``구축했으|나``, ``개정|이``) gains 5–22; two words (``할|수``, ``데이터|센터``) gain 0 and
        no morpheme spans their cut, and a word after a finished one (``추진했다|나는``) loses."""
        kiwi = self._kiwi_instance()
        tokens, joined = kiwi.analyze(left + right, top_n=1)[0]
        spaced = kiwi.analyze(f"{left} {right}", top_n=1)[0][1]
        if joined - spaced >= JOIN_GAIN:
            return True
        cut = len(left)  # one noun read across the cut, and scoring no worse (``용|수``: 용수)
        return joined >= spaced and any(t.tag in NOUNS and t.start < cut < t.start + t.len for t in tokens)

    def analyze(self, words: Iterable[str]) -> dict[str, tuple[Morph, ...]]:
        """The morphemes of each word (analysed alone), from memory, disk, or kiwipiepy."""
        wanted = list(dict.fromkeys(words))
        if not self._disk_read and any(word not in self.memo for word in wanted):
            self._read_disk()
        missing = [word for word in wanted if word not in self.memo]
        if missing:
            kiwi = self._kiwi_instance()
            fresh = {}
            for word, tokens in zip(missing, kiwi.tokenize(missing), strict=True):
                fresh[word] = tuple(
                    (t.form, t.tag, t.start, t.start + t.len, round(t.score, 2)) for t in tokens
                )
            self.memo.update(fresh)
            self._append(fresh)
        return {word: self.memo[word] for word in wanted}

    def known(self, word: str) -> bool:
        """Whether ``word`` alone is one dictionary noun (read as one noun, scoring as a known word)."""
        read = self._noun(word)
        return read is not None and read[1] >= KNOWN_SCORE

    def common(self, word: str) -> bool:
        """Whether ``word`` alone is one well-known common noun (NNG)."""
        read = self._noun(word)
        return read is not None and read[0] == "NNG" and read[1] >= COMMON_SCORE

    def one_verb(self, lemma: str) -> bool:
        """Whether ``lemma`` (a verb's dictionary form: 살펴보다) reads as one verb or adjective and
        its ending ``다``: a compound verb the dictionary lists whole, not a verb and an auxiliary."""
        morphs = self.analyze([lemma])[lemma]
        return (
            len(morphs) == 2
            and morphs[0][1] in VERBS
            and morphs[0][0] == lemma[:-1]
            and (morphs[1][0], morphs[1][1]) in (("다", "EC"), ("다", "EF"))
        )

    def _noun(self, word: str) -> tuple[str, float] | None:
        """(tag, score) when ``word`` alone reads as one noun, else None."""
        morphs = self.analyze([word])[word]
        if len(morphs) == 1 and morphs[0][1] in NOUNS and morphs[0][0] == word:
            return morphs[0][1], morphs[0][4]
        return None

    def _append(self, fresh: dict[str, tuple[Morph, ...]]) -> None:
        path = self._file
        if path is None or not fresh:
            return
        data = "".join(json.dumps([w, m], ensure_ascii=False) + "\n" for w, m in fresh.items())
        with contextlib.suppress(OSError):  # one write of whole lines: concurrent builds interleave lines
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, data.encode("utf-8"))
            finally:
                os.close(fd)


_shared: Analyzer | None = None


def shared_analyzer() -> Analyzer:
    """The process's analyzer (one kiwipiepy instance, one memo)."""
    global _shared
    if _shared is None:
        _shared = Analyzer.default()
    return _shared


def cut_inside_word(line: str, below: str) -> bool:
    """Whether the analyzer reads the words at the cut between ``line`` and the line ``below`` it as
    one (the last two words of one and the first two of the other: a little context for its
    reading)."""
    left = " ".join(line.split()[-2:])
    right = " ".join(below.split()[:2])
    return shared_analyzer().reads_as_one_word(left, right)
