"""What a page's markup says about the article: ``<meta>`` tags, JSON-LD, ``<time>``, ``<title>``
(site name stripped), the language of ``<html>``. These become the raw document's hints;
normalization weighs them against the text."""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Tag

from bookmaker.identifiers import identifier
from bookmaker.ir import Container, Identifier, IdentifierScheme

_WS = re.compile(r"\s+")
_SITE_WORD = re.compile(
    r"뉴스|일보|신문|방송|닷컴|news|times|daily|herald|\.com|\.co\.kr|\.kr|\btv\b|daum|naver|네이버|다음",
    re.I,
)
TITLE_SEP = re.compile(r"\s+[:|\-–—ㅣ]\s+|\s*[|ㅣ]\s*|\s*::+\s*")
_LEAD_SEP = re.compile(r"^\s*(?P<site>[^:|ㅣ]{2,20}?)\s*(?:::+|[|ㅣ])\s*(?=\S)")
_SITE_END = re.compile(r"(?:뉴스|일보|신문|방송|닷컴|news|times|daily|herald)$", re.I)


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """``<meta>`` names (``property``, ``name`` or ``itemprop``, lower case) → content; first wins."""
    out: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = tag.get("content")
        if name and content and name not in out:
            out[name] = _WS.sub(" ", str(content)).strip()
    return out


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    """The JSON-LD objects of an ``…Article`` type (``@graph`` entries included), their author and
    publisher given by reference (``"publisher": {"@id": "#org"}``) replaced by the node referred to."""
    found: list[dict[str, Any]] = []
    named: dict[str, dict[str, Any]] = {}
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.string or "")
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, dict):
                if "@graph" in node and isinstance(node["@graph"], list):
                    stack.extend(node["@graph"])
                if isinstance(node.get("@id"), str) and len(node) > 1:
                    named.setdefault(node["@id"], node)
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                    found.append(node)
    for node in found:
        for key in ("author", "publisher"):
            node[key] = _resolved(node.get(key), named)
    return found


def ld_article_body(soup: BeautifulSoup) -> str | None:
    """The article's text as the page's JSON-LD gives it (``articleBody``, or a ``text`` of the
    article), for a page that shows none without JavaScript; None when it gives none."""
    for node in json_ld(soup):
        for key in ("articleBody", "text"):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return None


def _resolved(value: Any, named: dict[str, dict[str, Any]]) -> Any:
    """``value`` with each bare ``{"@id": …}`` reference replaced by the node of that id."""
    if isinstance(value, list):
        return [_resolved(v, named) for v in value]
    if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
        return named.get(value["@id"], value)
    return value


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for v in items:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def strip_site(title: str, site: str | None) -> str:
    """``제목 - 사이트`` / ``제목 : 네이버 뉴스`` → ``제목``: trailing parts that name the site; and
    a leading one set off by ``::`` or ``|`` (``경인일보 :: 제목``, an older site's way) when it is
    the site's name or ends like one (…일보, …뉴스)."""
    lead = _LEAD_SEP.match(title)
    named = lead["site"].strip() if lead else ""
    if lead and (named == site or _SITE_END.search(named)):
        title = title[lead.end() :]
    while True:
        parts = list(TITLE_SEP.finditer(title))
        if not parts:
            return title
        last = parts[-1]
        suffix = title[last.end() :].strip()
        head = title[: last.start()].strip()
        named = bool(site) and (suffix in (site or "") or (site or "") in suffix)
        if not head or len(suffix) > 25 or not (named or _SITE_WORD.search(suffix)):
            return title
        title = head


_BOARD_NAME = re.compile(r"(?:공지사항|게시판|알림마당|자료실|공지)$")
"""A board's name, as the first part of a post page's ``<title>``."""


def title_site(soup: BeautifulSoup, shown: str) -> str | None:
    """The site a ``<title>`` names after the headline the page shows (``청람호 - 위키백과, 우리 모두의
    백과사전`` over an ``<h1>`` of ``청람호`` → ``위키백과``): the first phrase of what follows the
    headline and one separator, when short — or of what comes before it, when the title ends with the
    headline (``한국디지털출판학회 - 공지사항 - …``), or the part after a board's name when the title
    names the board alone (``학부 공지사항 | 한빛대학교 컴퓨터공학과``); None otherwise."""
    if not (soup.title and soup.title.string):
        return None
    title = _WS.sub(" ", soup.title.string).strip()
    head = _WS.sub(" ", shown).strip()
    if head and title.endswith(head) and title != head:  # an old board's "학회 - 공지사항 - subject"
        before = TITLE_SEP.split(title[: -len(head)].rstrip(" -–—:|ㅣ"))[0].strip()
        return before if 2 <= len(before) <= 20 and TITLE_SEP.search(title[: -len(head)] + " ") else None
    parts = [part.strip() for part in title.split("|")]
    if head not in title and len(parts) == 2 and _BOARD_NAME.search(parts[0]) and 2 <= len(parts[1]) <= 30:
        return parts[1]  # a post page titled by its board alone: "학부 공지사항 | 한빛대학교 컴퓨터공학과"
    if not head or not title.startswith(head):
        return None
    sep = TITLE_SEP.match(title, len(head))
    if sep is None:
        return None
    site = re.split(r"[,:·|]", title[sep.end() :], maxsplit=1)[0].strip()
    return site if 2 <= len(site) <= 20 else None


_TAGGED = re.compile(r"^\s*[\[【〔［]\s*(?P<tag>[^\]】〕］]{1,20}?)\s*[\]】〕］]\s*(?P<rest>\S.*)$")


def dropped_tag(meta_title: object, shown: str) -> str | None:
    """The series tag the page's metadata puts before the headline it shows without one:
    ``[기후 한 스푼] 올겨울 난방비…`` in ``og:title`` over an ``<h1>`` of ``올겨울 난방비…``."""
    m = _TAGGED.match(meta_title) if isinstance(meta_title, str) else None
    if m is None or _TAGGED.match(shown):
        return None
    same = _WS.sub("", m["rest"]) == _WS.sub("", shown)
    return m["tag"] if same else None


def page_title(soup: BeautifulSoup, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    """The title the page's metadata gives (headline, ``og:title``, ``<title>`` without the site)."""
    title = (
        article.get("headline")
        or meta.get("citation_title")  # a paper's page: its own title, not the portal's <title>
        or meta.get("og:title")
        or meta.get("twitter:title")
    )
    if isinstance(title, str) and title.strip():
        return _WS.sub(" ", title).strip()
    if soup.title and soup.title.string and not _SAVED_FILE_TITLE.fullmatch(soup.title.string.strip()):
        site = meta.get("og:site_name")
        stripped = strip_site(_WS.sub(" ", soup.title.string).strip(), site)
        return stripped or None
    return None


_SAVED_FILE_TITLE = re.compile(r"[^\s_]+(?:_[^\s_]+)+(?:\.\w{2,5})?")
"""A ``<title>`` that is the saved file's name, words joined by underscores: a word processor's
HTML export (한글's ``20261203(조간)_지역책문화_활성화_계획_보도자료(최종)``) names no headline."""


_HOSTED = re.compile(r"[^|:]*(?:블로그|blog|포스트|카페)\s*[|:]\s*(?P<site>[^|:]{2,30})", re.IGNORECASE)
"""A site name that names its hosting platform first (``네이버 블로그 | 책 읽는 오후``)."""
_COMPACT = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})")


def _compact(value: str | None) -> str | None:
    """A timestamp without separators (``20261114083012``) in ISO form (``2026-11-14T08:30:12``)."""
    m = _COMPACT.fullmatch(value or "")
    return "{}-{}-{}T{}:{}:{}".format(*m.groups()) if m else None


def _all_meta(soup: BeautifulSoup, name: str) -> list[str]:
    """The contents of every ``<meta name=…>`` tag of ``name``, in order (``citation_author``)."""
    tags = soup.find_all("meta", attrs={"name": re.compile(rf"^{name}$", re.IGNORECASE)})
    return [_WS.sub(" ", str(t.get("content"))).strip() for t in tags if str(t.get("content") or "").strip()]


def _journal(meta: dict[str, str]) -> str | None:
    """The journal issue a paper's page names (Highwire Press tags): ``한국도서관·정보학회지 제57권
    제4호``, ``Journal of Documentation 81(4)``."""
    journal = meta.get("citation_journal_title")
    if not journal:
        return None
    volume, issue = meta.get("citation_volume"), meta.get("citation_issue")
    if re.search(r"[가-힣]", journal):
        parts = [journal, f"제{volume}권" if volume else "", f"제{issue}호" if issue else ""]
        return " ".join(p for p in parts if p)
    return f"{journal} {volume or ''}{f'({issue})' if issue else ''}".strip()


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WIKI_DAY = re.compile(
    r"\bon\s+(?:(?P<km>\d{1,2})월|(?P<em>[A-Za-z]{3})[a-z]*\.?)\s*(?P<d>\d{1,2}),\s*(?P<y>(?:19|20)\d{2})\s*$"
)


_KST = _dt.timezone(_dt.timedelta(hours=9))
_SHOWN_TIME = re.compile(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})\D{1,4}(\d{1,2}):(\d{2})")


_SHOWN_DAY = re.compile(r"\s*(\d{1,2})\s*(?:월|[./])\s*(\d{1,2})\s*일?\.?\s*(?:\([월화수목금토일]\))?\s*")


def _shown_korean_time(tag: Tag, value: object) -> str | None:
    """A time element's UTC ``datetime`` as Korean time when its own text shows that Korean time, or
    that Korean day alone (``12월 6일``): the page chose to show it so; None otherwise (GitHub's "3 days
    ago" keeps its UTC)."""
    if not isinstance(value, str) or not re.search(r"(?:Z|[+-]00:?00)$", value.strip()):
        return None
    try:
        moment = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).astimezone(_KST)
    except ValueError:
        return None
    shown = tag.get_text(" ", strip=True)
    m = _SHOWN_TIME.search(shown)
    if m is None:
        day_only = _SHOWN_DAY.fullmatch(shown)  # "12월 6일": the Korean day, where UTC's is the 5th
        if day_only and (int(day_only[1]), int(day_only[2])) == (moment.month, moment.day):
            return moment.isoformat(timespec="seconds")
        return None
    year, month, day, hour, minute = (int(g) for g in m.groups())
    if (year, month, day, hour, minute) != (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
    ):
        return None
    return moment.isoformat(timespec="seconds")


def _wiki_metadata_date(soup: BeautifulSoup) -> str | None:
    """The day a wiki export's page line gives (Confluence's ``<div class="page-metadata">Created by …,
    last modified by … on 12월 02, 2026``): the page's date, as ISO 8601."""
    box = soup.find(class_="page-metadata")
    m = _WIKI_DAY.search(" ".join(box.get_text(" ").split())) if isinstance(box, Tag) else None
    if m is None:
        return None
    english = (m["em"] or "").lower()
    month = int(m["km"]) if m["km"] else _MONTHS.index(english) + 1 if english in _MONTHS else 0
    if not 1 <= month <= 12:
        return None
    return f"{m['y']}-{month:02d}-{int(m['d']):02d}"


def hints(soup: BeautifulSoup) -> dict[str, object]:
    """Title, date, authors, site name, URL and language from the page's markup."""
    meta = meta_tags(soup)
    found: dict[str, object] = {}
    ld = json_ld(soup)
    art = ld[0] if ld else {}
    title = page_title(soup, meta, art)
    if title:
        found["title"] = title
    date = (
        art.get("datePublished")
        or meta.get("article:published_time")
        or meta.get("og:article:published_time")
        or meta.get("pubdate")
        or meta.get("date")
        or meta.get("citation_publication_date")  # reports and papers (Highwire, Dublin Core)
        or meta.get("citation_date")
        or meta.get("dc.date.issued")
        or meta.get("dc.date")
    )
    date = date or _wiki_metadata_date(soup)
    if not date:
        times = soup.find_all(["time", "relative-time"], attrs={"datetime": True})  # GitHub's own
        time_tag = next((t for t in times if t.find_parent("table") is None), None)  # not a table's data
        date = time_tag.get("datetime") if isinstance(time_tag, Tag) else None
        shown = _shown_korean_time(time_tag, date) if isinstance(time_tag, Tag) else None
        if shown:
            date = shown  # 나무위키's "2026-11-28 12:41:09" over datetime="2026-11-28T03:41:09.000Z"
        elif isinstance(date, str) and date.strip():
            found["date_element"] = True  # a page's own time element, in the zone it chose to show
    if isinstance(date, str) and date.strip():
        found["date"] = date.strip()
    if regdate := _compact(meta.get("og:regdate")):  # Kakao's pages: the time the shown date lacks
        found["date_fallback"] = regdate
    modified = art.get("dateModified") or meta.get("article:modified_time") or meta.get("og:updated_time")
    if "date_fallback" not in found and isinstance(modified, str) and modified.strip():
        found["date_fallback"] = modified.strip()  # "최종 수정일 2026.10.14": the time of the day shown
    authors = _names(art.get("author")) if art else []
    authors = authors or _all_meta(soup, "citation_author")  # a paper's authors, one tag each
    if authors:
        found["authors"] = authors
    writer = meta.get("author") or meta.get("dable:author")
    if isinstance(writer, str) and writer.strip():
        found["meta_author"] = writer.strip()  # the writer when the text credits none
    if journal := _journal(meta):
        found["series"] = [journal]
    found.update(scholarly(soup, meta))
    if publisher_named := meta.get("citation_publisher"):
        found["publisher"] = publisher_named  # the paper's own metadata names who published it
    publisher = _names(art.get("publisher")) if art else []
    site = (
        (publisher[0] if publisher else None)
        or meta.get("article:media_name")
        or meta.get("og:site_name")
        or meta.get("twitter:creator")
        or (meta.get("og:article:author") or "").split("|")[0].strip()
    )
    if isinstance(site, str) and (hosted := _HOSTED.fullmatch(site.strip())):
        site = hosted["site"].strip()  # "네이버 블로그 | 책 읽는 오후": the blog, not its host
    if site:
        found["site_name"] = site
    url = meta.get("og:url") or art.get("url")
    if isinstance(url, str) and url.strip():
        found["url"] = url.strip()
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if isinstance(html_tag, Tag) else None
    if isinstance(lang, str) and lang.strip():
        found["language"] = lang.strip().split("-")[0].lower()
    return found


_IDENTIFIER_TAGS: dict[IdentifierScheme, tuple[str, ...]] = {
    "doi": ("citation_doi", "prism.doi", "dc.identifier.doi", "bepress_citation_doi"),
    "isbn": ("citation_isbn", "prism.isbn", "book:isbn"),
    "issn": ("citation_issn", "prism.issn", "citation_eissn", "prism.eissn"),
}
"""Where a page's metadata gives a paper's (or a book's) identifiers: Highwire Press tags (Google
Scholar's, used by KCI, RISS, DBpia and journals), PRISM, Open Graph's book; and Dublin Core's
``dc.identifier``, when its value names the scheme (``doi:10.…``, ``urn:isbn:…``, a DOI's URL)."""
_CONTAINER_TAGS = (
    "citation_journal_title",
    "citation_conference_title",
    "citation_inbook_title",
    "prism.publicationname",
)


def _affiliations(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Each ``citation_author``'s ``citation_author_institution`` tags (those that follow it)."""
    out: dict[str, list[str]] = {}
    author: str | None = None
    for tag in soup.find_all("meta", attrs={"name": True}):
        name = str(tag.get("name")).lower()
        content = _WS.sub(" ", str(tag.get("content") or "")).strip()
        if name == "citation_author":
            author = content or None
        elif name == "citation_author_institution" and author and content:
            out.setdefault(author, []).append(content)
    return out


def _identifiers(soup: BeautifulSoup, meta: dict[str, str]) -> list[Identifier]:
    """The first valid identifier of each scheme the metadata gives."""
    dublin_core = _all_meta(soup, "dc.identifier")
    found: list[Identifier] = []
    for scheme, names in _IDENTIFIER_TAGS.items():
        values = [meta[name] for name in names if name in meta]
        values += [v for v in dublin_core if _names_scheme(v, scheme)]
        ident = next((i for v in values if (i := identifier(scheme, v)) is not None), None)
        if ident is not None:
            found.append(ident)
    return found


def _names_scheme(value: str, scheme: str) -> bool:
    """Whether a Dublin Core identifier says which scheme it is in (``ISBN 978…``, ``doi:10.…``)."""
    text = value.strip().lower()
    if scheme == "doi":
        return text.startswith(("doi", "10.", "info:doi/")) or "doi.org/10." in text
    return text.startswith((scheme, f"urn:{scheme}:"))


def _container(meta: dict[str, str]) -> Container | None:
    """The journal issue and pages the citation tags give."""
    title = next((meta[name] for name in _CONTAINER_TAGS if meta.get(name)), None)
    if not title:
        return None
    first, last = meta.get("citation_firstpage"), meta.get("citation_lastpage")
    pages = f"{first}-{last}" if first and last and first != last else first or None
    volume, issue = meta.get("citation_volume"), meta.get("citation_issue")
    return Container(title=title, volume=volume or None, issue=issue or None, pages=pages)


def scholarly(soup: BeautifulSoup, meta: dict[str, str]) -> dict[str, object]:
    """A paper's citation metadata: ``identifiers``, ``container`` and the authors' ``affiliations``
    (a name → its institutions), for the hints."""
    found: dict[str, object] = {}
    if identifiers := _identifiers(soup, meta):
        found["identifiers"] = identifiers
    if container := _container(meta):
        found["container"] = container
    if affiliations := _affiliations(soup):
        found["affiliations"] = affiliations
    return found
