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


@dataclass(slots=True)
class Rules:
    """Compiled rule tables used by the passes."""

    table: dict[str, Any]
    outlets: list[Outlet] = field(default_factory=list)
    regex: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    sets: dict[tuple[tuple[str, str], ...], frozenset[str]] = field(default_factory=dict)

    def strings(self, section: str, key: str) -> list[str]:
        """A list of strings from the table (empty when absent)."""
        return list(self.table.get(section, {}).get(key, []))

    def word_set(self, *lists: tuple[str, str]) -> frozenset[str]:
        """The strings of the ``(section, key)`` lists together, as a set (made once, not per line)."""
        found = self.sets.get(lists)
        if found is None:
            found = self.sets[lists] = frozenset(word for list_ in lists for word in self.strings(*list_))
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
        for outlet in self.outlets:
            for token in (outlet.name, *outlet.aliases, *outlet.domains):
                if token and _names(token, text, lowered) and (best is None or len(token) > best[0]):
                    best = (len(token), outlet)
        return best[1] if best else None


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
