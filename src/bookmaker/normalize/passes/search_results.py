"""Pass ``search_results``: a portal's news search results page copied instead of an article (the
search box's query, the tabs, the sort and period options, then results, each an outlet, its paper
position ``A6면 1단``, an age ``2시간 전``, ``네이버뉴스``, a headline and a snippet cut with ``...``).

There is no article in such a page: no one result is taken for it (each snippet is cut) and no date
or publisher is read from the results (they name several outlets). The query is the title; each
result's headline is a heading and its snippet a paragraph, in order; the search page's tabs and
options (``search.chrome``), each result's outlet, position, age and links (``search.result-meta``)
and the pager and footer after the last result (``search.footer``) go, every line with its reason.
A page is read so only with a sort option line near the top and two results or more under it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bookmaker.normalize.blocks import structured
from bookmaker.normalize.context import Context, Item

_SORT = re.compile(r"^\s*(?:관련도순|정확도순|최신순|오래된순)\s*$")
_AGE = re.compile(r"^\s*(?:\d{1,2}\s*(?:분|시간|일|주)\s*전|(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?)\s*$")
_POSITION = re.compile(r"^\s*[A-Z]?\d{1,2}\s*면(?:\s*\d{1,2}\s*단)?(?:\s*TOP)?\s*$")
_LINK = re.compile(r"^\s*(?:네이버\s*뉴스|다음\s*뉴스|Daum\s*뉴스)\s*$")
_RELATED = re.compile(r"^\s*관련\s*뉴스\s*\d{1,4}\s*건(?:\s*전체\s*보기)?\s*$")
_PORTAL = re.compile(r"^\s*(?:NAVER|네이버|Daum|다음|Google|구글|ZUM|줌|Nate|네이트)\s*$", re.IGNORECASE)
SORT_WITHIN = 80
MIN_RESULTS = 2
MIN_HEADLINE, MIN_SNIPPET = 8, 20

_CHROME = "the news search page's tabs and options (a search results page, no article)"
_META = "a search result's outlet, paper position, age or links"
_FOOTER = "the search results page's pager and footer"


@dataclass
class _Result:
    start: int
    headline: int
    snippet: int | None


def _meta_line(item: Item) -> bool:
    text = item.text
    return bool(_AGE.match(text) or _POSITION.match(text) or _LINK.match(text) or _RELATED.match(text))


def _results(items: list[Item], after: int) -> list[_Result]:
    """The results under the options: each age line, its outlet (and position) above it, its headline
    and snippet below (past the portal's link)."""
    found: list[_Result] = []
    for a in range(after + 1, len(items)):
        if not _AGE.match(items[a].text):
            continue
        start = a - 1
        if start > after and _POSITION.match(items[start].text):
            start -= 1
        if start <= after or _meta_line(items[start]) or structured(items[start]):
            return []  # an age line with no outlet above it: not a results list
        j = a + 1
        while j < len(items) and _LINK.match(items[j].text):
            j += 1
        if j >= len(items) or _meta_line(items[j]) or len(items[j].text) < MIN_HEADLINE:
            return []
        nxt = j + 1 if j + 1 < len(items) else None
        snippet = (
            nxt
            if nxt is not None and len(items[nxt].text) >= MIN_SNIPPET and not _meta_line(items[nxt])
            else None
        )
        if found and start <= (found[-1].snippet or found[-1].headline):
            return []  # results overlapping: not the list this pass reads
        found.append(_Result(start, j, snippet))
    return found


def run(ctx: Context) -> None:
    """Read a news search results page (see the module); any other text is left as it is."""
    items = [item for item in ctx.items if item.text.strip()]
    sort = next((i for i, item in enumerate(items[:SORT_WITHIN]) if _SORT.match(item.text)), None)
    if sort is None:
        return
    results = _results(items, sort)
    if len(results) < MIN_RESULTS:
        return
    query = next((item for item in items[:sort] if not _PORTAL.match(item.text)), None)
    if query is None or structured(query):
        return
    query.kind = "title"
    kept = {id(query)}
    for result in results:
        items[result.headline].role = "heading"
        kept.add(id(items[result.headline]))
        if result.snippet is not None:
            items[result.snippet].role = "paragraph"
            kept.add(id(items[result.snippet]))
    first = results[0].start
    drops: list[tuple[Item, str, str]] = []
    for index, item in enumerate(items):
        if id(item) in kept:
            continue
        if index < first:
            drops.append((item, _CHROME, "search.chrome"))
        elif index <= (results[-1].snippet or results[-1].headline):
            drops.append((item, _META, "search.result-meta"))
        else:
            drops.append((item, _FOOTER, "search.footer"))
    ctx.drop_all(drops)
    ctx.warnings.append(
        f"a news search results page, no article: {len(results)} results kept as headlines and snippets"
    )
