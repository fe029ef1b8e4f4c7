"""Bylines of English pages (the English editions of Korean outlets): ``By Kim Ji-hoon``, ``BY LEE
SOO-JIN [lee.soojin@joongang.co.kr]``, ``Kim Ji-hoon kjh@heraldcorp.com``, ``By Kim Ji-hoon and
Lee Soo-jin``, ``Reporter : Kim Ji-hoon``, ``Kim Ji-hoon, Staff Reporter``.

As with Korean bylines the whole line must parse. A name with neither ``By`` nor an e-mail is taken
only when the caller says the line stands where a byline stands (``bare``) and the name is a
romanized Korean one — a known surname, then a given name (``Park Eun-jee``) — since any two
capitalised words ("Samsung Electronics") look like a name. Names in capitals are set in the
usual case (``PARK EUN-JEE`` → ``Park Eun-jee``)."""

from __future__ import annotations

import re

from bookmaker.ir import Author
from bookmaker.normalize.rules import Rules
from bookmaker.normalize.text import EMAIL

_LEAD = re.compile(
    r"^(?:(?:written|reported|compiled|edited)\s+by|by|(?:staff\s+)?(?:reporter|writer|correspondent)s?\s*[:：])\s*",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"(?:,\s*|\s+)(?P<role>(?:(?:senior|staff|chief|contributing|special|political|business|culture|sports)\s+)?"
    r"(?:reporter|writer|correspondent|editor|columnist)s?)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\||\s/\s|\band\b)\s*", re.IGNORECASE)
_WORD = r"[A-Z][A-Za-z'’.]*(?:-[A-Za-z]+)*"
_NAME = re.compile(rf"{_WORD}(?:\s+{_WORD}){{1,3}}")
_BRACKETS = re.compile(r"[\[\]()<>{}]")
_GIVEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")


def _usual_case(name: str) -> str:
    """``PARK EUN-JEE`` → ``Park Eun-jee``; a name in mixed case stays as written."""
    if name != name.upper():
        return name
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


def _korean_name(rules: Rules, name: str) -> bool:
    """A romanized Korean name: a known surname and a given name (``Kim Ji-hoon``, ``Lee Minji``)."""
    words = name.split()
    surnames = rules.word_set(("english", "surnames"))
    return len(words) == 2 and words[0].capitalize() in surnames and _GIVEN.fullmatch(words[1]) is not None


def parse_english_byline(rules: Rules, text: str, *, bare: bool = False) -> list[Author] | None:
    """The authors ``text`` credits when all of it is an English byline, else None."""
    text = text.strip().lstrip("•▪◦·-–— ")
    if not text or len(text) > 160:
        return None
    led = _LEAD.match(text)
    rest = text[led.end() :] if led else text
    emails = [m.group(0).rstrip(".") for m in EMAIL.finditer(rest)]
    rest = _BRACKETS.sub(" ", EMAIL.sub(" ", rest)).strip(" ,;:|/")
    role = _ROLE.search(rest)  # "…, Staff Reporter": the role of every name before it
    if role:
        rest = rest[: role.start()]
    authors: list[Author] = []
    for name in (s.strip() for s in _SPLIT.split(rest)):
        if not name:
            continue
        outlet = rules.outlet_in_text(name)
        if outlet and name in (outlet.name, *outlet.aliases):
            continue  # "By Kim Ji-hoon, The Korea Herald"
        if not _NAME.fullmatch(name):
            return None
        name = _usual_case(name)
        if not (led or emails or role) and not (bare and _korean_name(rules, name)):
            return None
        authors.append(Author(name=name, role=role["role"] if role else None))
    for author, email in zip(authors, emails, strict=False):
        author.email = email
    authors.extend(Author(email=e) for e in emails[len(authors) :])
    return authors or None
