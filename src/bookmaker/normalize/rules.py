"""Rule tables: built-in ``data/rules.toml`` plus an optional user TOML with extra patterns.

The user file has the same layout; its lists are appended to the built-in ones and its
``[[outlets]]`` are added (an outlet with a known name extends that outlet's domains/aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bookmaker.errors import InputError
from bookmaker.files import FileRefused
from bookmaker.resources import read_toml

DATA = Path(__file__).with_name("data") / "rules.toml"


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet or agency, the strings that identify it and the name of its English edition
    (the publisher of its English-language pages)."""

    name: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    english: str | None = None
    timezone: str | None = None
    """Where the outlet's pages are dated (an IANA zone, ``America/Los_Angeles`` for a Korean-American
    daily): the times its text shows are that zone's, not Korea's."""


_TokenIndex = dict[str, list[tuple[int, str, Outlet]]]
_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


class AnyPattern:
    """A list of patterns as one alternation; ``match``/``search`` say whether any of them would.
    A leading ``(?i)`` becomes a scoped ``(?i:…)``; patterns that still do not combine (the same
    group name twice) are tried one by one."""

    __slots__ = ("each", "one")

    def __init__(self, sources: list[str], whole: bool) -> None:
        self.one: re.Pattern[str] | None = None
        self.each: list[re.Pattern[str]] = []
        if not sources:
            return
        parts = [
            _GLOBAL_FLAGS.sub(r"(?\1:", p, count=1) + ")" if _GLOBAL_FLAGS.match(p) else f"(?:{p})"
            for p in sources
        ]
        try:
            self.one = re.compile(rf"^(?:{'|'.join(parts)})$" if whole else "|".join(parts))
        except re.error:
            self.each = [re.compile(rf"^(?:{p})$" if whole else p) for p in sources]

    def match(self, text: str) -> bool:
        if self.one is not None:
            return self.one.match(text) is not None
        return any(p.match(text) for p in self.each)

    def search(self, text: str) -> bool:
        if self.one is not None:
            return self.one.search(text) is not None
        return any(p.search(text) for p in self.each)


@dataclass(slots=True)
class Rules:
    """Compiled rule tables used by the passes."""

    table: dict[str, Any]
    outlets: list[Outlet] = field(default_factory=list)
    regex: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    sets: dict[tuple[tuple[str, str], ...], frozenset[str]] = field(default_factory=dict)
    alternations: dict[tuple[bool, tuple[tuple[str, str], ...]], str] = field(default_factory=dict)
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)
    token_index: tuple[_TokenIndex, _TokenIndex] | None = None
    token_outlets: dict[str, tuple[int, Outlet]] | None = None
    combined: dict[str, AnyPattern] = field(default_factory=dict)

    def strings(self, section: str, key: str) -> list[str]:
        """A list of strings from the table (empty when absent)."""
        return list(self.table.get(section, {}).get(key, []))

    def word_set(self, *lists: tuple[str, str]) -> frozenset[str]:
        """The strings of the ``(section, key)`` lists together, as a set (made once, not per line)."""
        found = self.sets.get(lists)
        if found is None:
            found = self.sets[lists] = frozenset(word for list_ in lists for word in self.strings(*list_))
        return found

    def alternation(self, *lists: tuple[str, str], longest_first: bool = True) -> str:
        """The strings of the ``(section, key)`` lists as one regex alternation of literals, the
        longest first unless ``longest_first`` is false (made once, not per line)."""
        cache_key = (longest_first, lists)
        found = self.alternations.get(cache_key)
        if found is None:
            words = [word for list_ in lists for word in self.strings(*list_)]
            if longest_first:
                words.sort(key=len, reverse=True)
            found = self.alternations[cache_key] = "|".join(map(re.escape, words))
        return found

    def pattern(self, source: str) -> re.Pattern[str]:
        """``source`` compiled once for these rules: for patterns built from the rule lists, which
        are too long and too many for the ``re`` module's own cache to keep."""
        found = self.compiled.get(source)
        if found is None:
            found = self.compiled[source] = re.compile(source)
        return found

    def any_of(self, section: str, key: str, *, whole: bool = False) -> AnyPattern:
        """The patterns of ``section.key`` tried as one: a list of a hundred patterns tried one by
        one on every line costs more than the rest of a pass."""
        cache_key = f"{section}.{key}.{whole}"
        found = self.combined.get(cache_key)
        if found is None:
            found = self.combined[cache_key] = AnyPattern(self.strings(section, key), whole)
        return found

    def patterns(self, section: str, key: str, *, whole: bool = False) -> list[re.Pattern[str]]:
        """Compiled patterns of ``section.key``; ``whole`` anchors them to the full line."""
        cache_key = f"{section}.{key}.{whole}"
        if cache_key not in self.regex:
            pats = self.strings(section, key)
            self.regex[cache_key] = [re.compile(rf"^(?:{p})$" if whole else p) for p in pats]
        return self.regex[cache_key]

    def outlet_by_domain(self, domain: str) -> Outlet | None:
        """The outlet whose domain ends ``domain`` (``news.hankookilbo.com`` → 한국일보); the longest
        such domain wins (``sports.khan.co.kr`` is 스포츠경향, not 경향신문)."""
        domain = domain.lower().rstrip(".")
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets:
            for d in outlet.domains:
                if (domain == d or domain.endswith("." + d)) and (best is None or len(d) > best[0]):
                    best = (len(d), outlet)
        return best[1] if best else None

    def english_name(self, name: str) -> str:
        """The name an English page gives the outlet called ``name`` (``연합뉴스`` → ``Yonhap News
        Agency``); ``name`` itself when the outlet has no English edition or is not known."""
        for outlet in self.outlets:
            if outlet.name == name:
                return outlet.english or name
        return name

    def outlet_in_text(self, text: str) -> Outlet | None:
        """The outlet named (or whose domain appears) in ``text``; longest name wins. Latin names
        match in any case as whole words (``ⓒ mbn`` names MBN, ``KBSN`` does not name KBS)."""
        best: tuple[int, Outlet] | None = None
        lowered = text.lower()
        hangul, latin = self._outlet_tokens()
        candidates = sorted(
            [found for letter in set(text) for found in hangul.get(letter, ())]
            + [found for letter in set(lowered) for found in latin.get(letter, ())]
        )  # the tokens whose first letter the text has, in table order
        for _, token, outlet in candidates:
            if _names(token, text, lowered) and (best is None or len(token) > best[0]):
                best = (len(token), outlet)
        return best[1] if best else None

    def outlets_by_token(self) -> dict[str, tuple[int, Outlet]]:
        """Each outlet name, alias and domain → the first outlet (in table order, numbered) that has it
        (made once, not per line)."""
        if self.token_outlets is None:
            found: dict[str, tuple[int, Outlet]] = {}
            for order, outlet in enumerate(self.outlets):
                for token in (outlet.name, *outlet.aliases, *outlet.domains):
                    if token:
                        found.setdefault(token, (order, outlet))
            self.token_outlets = found
        return self.token_outlets

    def _outlet_tokens(self) -> tuple[_TokenIndex, _TokenIndex]:
        """The outlets' names, aliases and domains by first letter, numbered in table order: the
        non-ASCII ones by their letter, the ASCII ones (matched in any case) by its lower case."""
        if self.token_index is None:
            hangul: _TokenIndex = {}
            latin: _TokenIndex = {}
            tokens = (t for o in self.outlets for t in ((n, o) for n in (o.name, *o.aliases, *o.domains)))
            for order, (token, outlet) in enumerate(tokens):
                if token:
                    index, first = (latin, token[0].lower()) if token.isascii() else (hangul, token[0])
                    index.setdefault(first, []).append((order, token, outlet))
            self.token_index = (hangul, latin)
        return self.token_index


def _names(token: str, text: str, lowered: str) -> bool:
    """``token`` occurs in ``text`` (``lowered`` is ``text.lower()``); a Latin token in any case and
    not inside a longer word."""
    if not token.isascii():
        return token in text
    return token.lower() in lowered and _latin_word(token).search(text) is not None


@cache
def _latin_word(token: str) -> re.Pattern[str]:
    """``token`` as a whole Latin word, in any case (compiled once per token)."""
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(token)}(?![A-Za-z0-9])", re.IGNORECASE)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if key == "outlets":
            continue
        if isinstance(value, dict):
            section = base.setdefault(key, {})
            for k, v in value.items():
                if isinstance(v, list):
                    section[k] = [*section.get(k, []), *v]
                else:
                    section[k] = v
        else:
            base[key] = value


def _outlets(entries: list[dict[str, Any]], into: dict[str, Outlet]) -> None:
    for e in entries:
        name = str(e["name"])
        old = into.get(name, Outlet(name))
        into[name] = Outlet(
            name,
            (*old.domains, *(str(d).lower() for d in e.get("domains", []))),
            (*old.aliases, *(str(a) for a in e.get("aliases", []))),
            str(e["english"]) if e.get("english") else old.english,
            str(e["timezone"]) if e.get("timezone") else old.timezone,
        )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except FileRefused as exc:
        raise InputError(f"rules file {exc}") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError, UnicodeDecodeError
        raise InputError(f"rules file {path.name} is not valid TOML: {exc}") from None


@lru_cache(maxsize=8)
def load_rules(user: Path | None = None) -> Rules:
    """Load the built-in rules, extended by the user file ``user`` if given."""
    base = _read_toml(DATA)
    outlets: dict[str, Outlet] = {}
    _outlets(base.get("outlets", []), outlets)
    if user is not None:
        extra = _read_toml(user)
        _merge(base, extra)
        _outlets(extra.get("outlets", []), outlets)
        _check_patterns(extra)
    return Rules(base, list(outlets.values()))


def _check_patterns(table: dict[str, Any]) -> None:
    """Compile every string list of a user's rule file, so a bad pattern is an error at load.

    The built-in table's patterns are compiled only when a pass asks for them (``Rules.patterns``):
    most of its lists are read as plain strings, and compiling all of them took ~10 ms a process.
    """
    try:
        for body in table.values():
            if isinstance(body, dict):
                for value in body.values():
                    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                        for pattern in value:
                            re.compile(pattern)
    except re.error as exc:
        raise InputError(f"bad pattern in rules: {exc}") from None
