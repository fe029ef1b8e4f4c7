"""Passes ``papers`` and ``affiliations``: what a scholarly paper prints about itself beside its
title — the document's identifiers, the journal issue it appeared in and the authors' affiliations
→ meta.identifiers, meta.container and each author's affiliations.

* **Identifiers and journal** come from the page's citation metadata (the reader's hints:
  ``citation_doi``, ``citation_journal_title`` …) and from a line that gives the DOI alone (``DOI :
  10.16981/…``, ``https://doi.org/10.…``) — a line the reader found under a page's byline, or one
  among a text copy's opening lines; a DOI in the body's running text or its references, or in a
  page's article text (a report on someone else's paper), stays there.
* **Affiliations** come from ``citation_author_institution`` and from a line under the byline that
  lists them by the marks the byline gives each name (``김서연¹ ; 박준호²`` over ``¹ 성신여자대학교
  … ² …``; ``홍길동*, 김철수**`` over ``*서울대학교 교육학과 **…``; ``¹,²`` for two); an unmarked line
  the reader found there belongs to every author; without marks, as many affiliations as authors
  go to them in order. In text, a line of names carrying those marks over such a line, or of
  names each with an institution in brackets (``홍길동(서울대학교 교육학과)``), names the authors
  too, when nothing else did.

The lines read go to ``Meta.lines`` (``identifiers``, ``authors``); a line that cannot be matched
to the authors stays in the body."""

from __future__ import annotations

import re

from bookmaker.identifiers import DOI_LINE, identifier
from bookmaker.ir import Author, Container, Identifier
from bookmaker.normalize.context import Context

MAX_OPENING = 15
"""Items at the top of the document where a DOI line is the paper's own (not a reference's)."""
MAX_AFFILIATIONS_CHARS = 400
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARK = r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+|[†‡§¶]+)"
_MARK_SPLIT = re.compile(rf"(?:^|\s|,|;)(?P<mark>{_MARK})\s*(?=\S)")
_PLAIN_NUMBER_SPLIT = re.compile(r"(?:^|\s)(?P<mark>[1-9])\s+(?=\S)")
_ONE_MARK = rf"(?:{_MARK}|[1-9])"
_AUTHOR_MARKS = rf"\s*(?:\([^()]{{1,40}}\)\s*)?(?P<marks>{_ONE_MARK}(?:\s*,\s*{_ONE_MARK})*)(?![0-9])"


def _mark(text: str) -> str:
    return text.translate(_SUPERSCRIPTS)


def split_affiliations(text: str) -> list[tuple[str | None, str]]:
    """A line of affiliations as (mark, affiliation) pairs: ``¹ 가대학교 ² 나대학교`` → ``[("1",
    "가대학교"), ("2", "나대학교")]``; stars, daggers, superscript digits, or plain digits counting
    1, 2, 3 …; an unmarked line is one affiliation with no mark."""
    found = list(_MARK_SPLIT.finditer(text))
    if not found:
        numbers = list(_PLAIN_NUMBER_SPLIT.finditer(text))
        counted = [m["mark"] for m in numbers] == [str(n) for n in range(1, len(numbers) + 1)]
        found = numbers if numbers and counted and numbers[0].start() == 0 else []
    if not found or (found[0].start() > 0 and text[: found[0].start()].strip()):
        return [(None, text.strip(" ,;"))] if text.strip() else []
    out: list[tuple[str | None, str]] = []
    for here, after in zip(found, [*found[1:], None], strict=True):
        piece = text[here.end() : after.start() if after else len(text)].strip(" ,;/")
        if piece:
            out.append((_mark(here["mark"]), piece))
    return out


def author_marks(byline: str, name: str) -> list[str]:
    """The marks the byline prints after ``name`` (``김서연 ( Seo-yeon Kim ) 1`` → ``["1"]``,
    ``홍길동¹,²`` → ``["1", "2"]``, ``김철수**`` → ``["**"]``)."""
    m = re.search(re.escape(name) + _AUTHOR_MARKS, byline)
    return [_mark(part.strip()) for part in m["marks"].split(",")] if m else []


_NAME = r"(?:[가-힣]{2,4}|[A-Z][a-z]+(?:[ -][A-Z][a-z.]*){1,3})"
_MARKED_NAME = re.compile(rf"(?P<name>{_NAME})\s*(?P<marks>{_ONE_MARK}(?:\s*,\s*{_ONE_MARK})*)(?![0-9])")
_BARE_NAME = re.compile(rf"(?P<name>{_NAME})")
_PLACED_NAME = re.compile(rf"(?P<name>{_NAME})\s*\((?P<place>[^()]{{2,60}})\)")
_INSTITUTION = re.compile(
    r"(?:대학교|대학|대학원|연구원|연구소|연구센터|학회|병원|재단|University|Universit[äé]|College|Institute|"
    r"Laboratory|Hospital)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"^[\s,·;/]*$")


def _whole(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` when they make up all of ``text`` (separators between them)."""
    found = list(pattern.finditer(text))
    edges = [0, *(x for m in found for x in (m.start(), m.end())), len(text)]
    gaps = (text[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2))
    return found if found and all(_SEPARATORS.match(gap) for gap in gaps) else []


def _text_header(ctx: Context) -> None:
    """A paper's authors in its opening lines of text: names with the marks of an affiliations line
    right under them (``홍길동*, 김철수**`` over ``*서울대학교 교육학과 **…``; bare names over the
    line the reader found under them), or each with its institution in brackets (``홍길동(서울대학교
    교육학과), 김철수(고려대학교)``)."""
    for index, item in enumerate(ctx.items[:MAX_OPENING]):
        if item.role or item.kind in ("title", "heading", "caption", "quote") or ctx.authors:
            continue
        below = ctx.items[index + 1] if index + 1 < len(ctx.items) else None
        found = below is not None and below.kind == "affiliation"  # the reader found it under the byline
        marked = _whole(_MARKED_NAME, item.text) or (_whole(_BARE_NAME, item.text) if found else [])
        listed = found or (below is not None and below.line <= item.line + 2 and re.match(_MARK, below.text))
        if marked and below is not None and listed:
            authors = [Author(name=m["name"]) for m in marked]
            if _assign(authors, item.text, split_affiliations(below.text), whole=found):
                for author in authors:
                    ctx.add_author(author, item.line)
                ctx.to_meta(item, "authors")
                ctx.to_meta(below, "authors")
                return
        placed = _whole(_PLACED_NAME, item.text)
        if placed and all(_INSTITUTION.search(m["place"]) for m in placed):
            for m in placed:
                ctx.add_author(Author(name=m["name"], affiliations=[m["place"].strip()]), item.line)
            ctx.to_meta(item, "authors")
            return


def _identifiers(ctx: Context) -> None:
    hinted = [i for i in ctx.hinted_list("identifiers") if isinstance(i, Identifier)]
    found: dict[str, Identifier] = {i.scheme: i for i in hinted}
    for index, item in enumerate(list(ctx.items)):
        opening = ctx.source_format != "html" and index < MAX_OPENING  # a page's text: only the header's
        if item.role or not (item.kind == "identifier" or opening):
            continue
        m = DOI_LINE.match(item.text)
        doi = identifier("doi", m["doi"]) if m else None
        if doi is None or ("doi" in found and found["doi"].value.lower() != doi.value.lower()):
            continue
        found.setdefault("doi", doi)
        ctx.to_meta(item, "identifiers")
    ordered = sorted(found.values(), key=lambda i: ("doi", "isbn", "issn").index(i.scheme))
    if ordered:
        ctx.meta["identifiers"] = ordered
    container = ctx.hints.get("container")
    if isinstance(container, Container):
        ctx.meta["container"] = container


def _hinted_affiliations(ctx: Context) -> None:
    hinted = ctx.hints.get("affiliations")
    if not isinstance(hinted, dict):
        return
    for author in ctx.authors:
        places = hinted.get(author.name) if author.name else None
        if isinstance(places, list) and not author.affiliations:
            author.affiliations = [str(p) for p in places]


def _assign(authors: list[Author], byline: str, places: list[tuple[str | None, str]], whole: bool) -> bool:
    """Give ``authors`` the ``places`` their marks name; False when they cannot all be matched.
    ``whole``: the reader found the line under the byline (an unmarked line is everyone's)."""
    named = [a for a in authors if a.name]
    if not named or not places:
        return False
    by_mark = {mark: place for mark, place in places if mark}
    marks = [author_marks(byline, a.name or "") for a in named]
    if by_mark and all(marks) and all(m in by_mark for ms in marks for m in ms):
        for author, ms in zip(named, marks, strict=True):
            author.affiliations = [by_mark[m] for m in ms]
        return True
    unmarked = all(mark is None for mark, _ in places)
    if (unmarked and whole and len(places) == 1) or (not any(marks) and len(places) == len(named)):
        for index, author in enumerate(named):
            author.affiliations = [places[0][1] if len(places) == 1 else places[index][1]]
        return True
    return False


def _affiliation_lines(ctx: Context) -> None:
    author_lines = ctx.meta_lines.get("authors", [])
    if not author_lines or not ctx.authors:
        return
    byline = " ".join(ctx.source_text.get(line, "") for line in sorted(author_lines))
    last = max(author_lines)
    for item in list(ctx.items):
        if item.role or item.line <= last or len(item.text) > MAX_AFFILIATIONS_CHARS:
            continue
        if item.kind != "affiliation" and not (item.line <= last + 2 and re.match(_MARK, item.text)):
            break  # only the line right under the byline (or one the reader found there)
        if not _assign(ctx.authors, byline, split_affiliations(item.text), item.kind == "affiliation"):
            break
        ctx.to_meta(item, "authors")
        last = item.line


def run(ctx: Context) -> None:
    """Identifiers, the journal, and authors named with the marks of their affiliations (before
    ``bylines``, which would not read a name with a mark)."""
    _identifiers(ctx)
    _text_header(ctx)


def run_affiliations(ctx: Context) -> None:
    """Pass ``affiliations`` (after ``bylines``): the affiliations of the authors the byline named."""
    _hinted_affiliations(ctx)
    _affiliation_lines(ctx)
