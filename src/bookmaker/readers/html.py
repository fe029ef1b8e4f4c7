"""HTML reader: metadata hints from meta tags, JSON-LD and <time>, and the article body as
lines (split at block elements and <br>) numbered by their line in the HTML source.

Declared charsets are not trusted (pages declaring euc-kr are often UTF-8): bytes are decoded
by content first. bs4 is imported here, lazily, not by ``bookmaker.readers``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bookmaker.errors import InputError
from bookmaker.limits import DEFAULT, Limits
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.depth import nesting_depth, tree_depth
from bookmaker.readers.text import read_bytes

BODY_SELECTORS = [
    "#dic_area",
    "#articleBodyContents",
    "#newsct_article",
    "#articeBody",
    "#articleBody",
    "[itemprop=articleBody]",
    "#article-view-content-div",
    "#article_body",
    ".article_body",
    ".article-body",
    ".article_view",
    ".news_body",
    "#newsEndContents",
    ".story-news",
    ".article_txt",
    ".news_cnt_detail_wrap",
    "#textBody",
    "#news_body_id",
    ".article-body-text",
    "section.article-body",
    ".article-text",
    "#articletxt",
    "#article_txt",
    "#articleContent",
    ".art_body",
    "#cont_newstext",
    "#CmAdContent",
    "#articlebody",
    ".news_txt",
    ".text_area",
    "section.news_view",
    ".news_view",
    ".view_con",
    "#news_content",
    "article",
]
TITLE_SELECTORS = [
    "#articleTitle",
    "#title_area",
    ".media_end_head_headline",
    "h1.headline",
    "h1.title",
    ".article_title",
    ".news_title",
    "h1",
]
SUBTITLE_SELECTORS = [
    ".media_end_summary",
    ".tit-sub",
    ".subtitle",
    ".sub_title",
    ".article_subtitle",
    "h2.subhead",
    ".news_subtitle",
    ".article-subtitle",
    ".sub_tit",
]
DATE_SELECTORS = [
    ".t11",
    ".media_end_head_info_datestamp_time",
    "time",
    ".date",
    ".article_date",
    ".updated",
    ".published",
    ".news_date",
    "[class*=date]",
]
BYLINE_SELECTORS = [
    ".byline",
    ".journalist",
    ".reporter",
    ".writer",
    ".media_end_head_journalist",
    ".author",
    "[itemprop=author]",
    ".txt_info",
]
CAPTION_SELECTORS = [
    "figcaption",
    ".img_desc",
    ".caption",
    ".photo_desc",
    ".end_photo_org em",
    "[class*=caption]",
]
DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "iframe",
    "button",
    "form",
    "svg",
    "template",
    "select",
    "input",
    "textarea",
]
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "header",
    "footer",
    "aside",
    "nav",
    "dl",
    "dt",
    "dd",
    "pre",
    "hr",
    "main",
}
_WS = re.compile(r"\s+")


def _meta(soup: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = tag.get("content")
        if name and content and name not in out:
            out[name] = _WS.sub(" ", str(content)).strip()
    return out


def _json_ld(soup: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, dict):
                if "@graph" in node and isinstance(node["@graph"], list):
                    stack.extend(node["@graph"])
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                    found.append(node)
    return found


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for v in items:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def _hints(soup: Any) -> dict[str, object]:
    meta = _meta(soup)
    hints: dict[str, object] = {}
    ld = _json_ld(soup)
    art = ld[0] if ld else {}
    title = art.get("headline") or meta.get("og:title") or meta.get("twitter:title")
    if not title and soup.title and soup.title.string:
        title = re.split(r"\s+[:|\-–]\s+", soup.title.string.strip())[0]
    if isinstance(title, str) and title.strip():
        hints["title"] = _WS.sub(" ", title).strip()
    date = (
        art.get("datePublished")
        or meta.get("article:published_time")
        or meta.get("og:article:published_time")
        or meta.get("pubdate")
        or meta.get("date")
    )
    if not date:
        time_tag = soup.find("time", attrs={"datetime": True})
        date = time_tag.get("datetime") if time_tag else None
    if isinstance(date, str) and date.strip():
        hints["date"] = date.strip()
    authors = _names(art.get("author")) if art else []
    if authors:
        hints["authors"] = authors
    publisher = _names(art.get("publisher")) if art else []
    site = (
        (publisher[0] if publisher else None)
        or meta.get("article:media_name")
        or meta.get("og:site_name")
        or meta.get("twitter:creator")
        or (meta.get("og:article:author") or "").split("|")[0].strip()
    )
    if site:
        hints["site_name"] = site
    url = meta.get("og:url") or art.get("url")
    if isinstance(url, str):
        hints["url"] = url
    for node in soup.select("footer, [class*=copyright], #copyright, .copy, address, [class*=foot] p"):
        text = _WS.sub(" ", node.get_text(" ")).strip()
        if len(text) <= 200 and re.search(r"무단\s*전재|Copyright|All rights reserved", text, re.I):
            hints["rights"] = text
            break
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if html_tag else None
    if isinstance(lang, str) and lang:
        hints["language"] = lang.split("-")[0].lower()
    return hints


def _find_body(soup: Any) -> Any:
    for sel in BODY_SELECTORS:
        node = soup.select_one(sel)
        if node is not None and len(node.get_text(strip=True)) > 50:
            return node
    best, best_score = soup.body or soup, 0
    for node in soup.find_all(["div", "section", "td"]):
        direct = sum(len(s.strip()) for s in node.find_all(string=True, recursive=False))
        paras = sum(len(p.get_text(strip=True)) for p in node.find_all("p", recursive=False))
        score = direct + paras
        if score > best_score:
            best, best_score = node, score
    return best


class _Linearizer:
    """Walks an element tree, emitting one SourceLine per block/<br>-separated run of text."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self.buf: list[str] = []
        self.start: int | None = None
        self.cur = 1
        self.kind: str | None = None
        self.attrs: dict[str, str] = {}

    def flush(self) -> None:
        text = _WS.sub(" ", "".join(self.buf)).strip()
        if text:
            self.lines.append(SourceLine(text, self.start or self.cur, self.kind, dict(self.attrs)))
        self.buf, self.start, self.attrs = [], None, {}

    def text(self, s: str) -> None:
        lead = len(s) - len(s.lstrip())
        if s.strip() and self.start is None:
            self.start = self.cur + s[:lead].count("\n")
        self.buf.append(s)
        self.cur += s.count("\n")

    def walk(self, node: Any, kind: str | None = None) -> None:
        from bs4.element import Comment, NavigableString, Tag

        for child in node.children:
            if isinstance(child, Comment):
                self.cur += str(child).count("\n")
            elif isinstance(child, NavigableString):
                self.text(str(child))
            elif isinstance(child, Tag):
                if child.sourceline:
                    self.cur = child.sourceline
                name = child.name
                if name == "br":
                    self.flush()
                    continue
                if name == "img":
                    alt = child.get("alt")
                    alt = alt.strip() if isinstance(alt, str) else ""
                    if len(alt) >= 10:
                        self.flush()
                        self.lines.append(
                            SourceLine(alt, self.cur, "caption", {"src": str(child.get("src") or "")})
                        )
                    continue
                child_kind = _kind_of(child) or kind
                if name in BLOCK_TAGS or child_kind != kind:
                    self.flush()
                    saved = self.kind
                    self.kind = child_kind
                    self.walk(child, child_kind)
                    self.flush()
                    self.kind = saved
                else:
                    self.walk(child, kind)


def _kind_of(tag: Any) -> str | None:
    name = tag.name
    classes = " ".join(tag.get("class") or [])
    if name in ("h2", "h3", "h4", "h5") or "subtitle_in" in classes:
        return "heading"
    if name == "figcaption" or re.search(r"img_desc|caption|photo_desc|desc_photo", classes):
        return "caption"
    if name == "blockquote":
        return "quote"
    if name == "li":
        return "list-item"
    return None


def _header_lines(soup: Any, body: Any) -> list[SourceLine]:
    out: list[SourceLine] = []
    for sel in TITLE_SELECTORS:
        node = soup.select_one(sel)
        if node is not None and node.get_text(strip=True) and body not in node.parents:
            out.append(SourceLine(_WS.sub(" ", node.get_text(" ")).strip(), node.sourceline or 1, "title"))
            break
    for sel in SUBTITLE_SELECTORS:
        node = soup.select_one(sel)
        if node is not None and node not in body.descendants:
            lin = _Linearizer()
            lin.cur = node.sourceline or 1
            lin.kind = "subtitle"
            lin.walk(node, "subtitle")
            lin.flush()
            out.extend(lin.lines)
            break
    for sel in BYLINE_SELECTORS:
        node = soup.select_one(sel)
        if node is not None and node not in body.descendants and body not in node.parents:
            text = _WS.sub(" ", node.get_text(" ")).strip()
            if text and len(text) <= 80 and not re.search(r"\d{4}", text):
                out.append(SourceLine(text, node.sourceline or 1, "byline"))
            break
    seen: set[int] = set()
    for sel in DATE_SELECTORS:
        for node in soup.select(sel):
            if id(node) in seen or node in body.descendants:
                continue
            seen.add(id(node))
            text = _WS.sub(" ", node.get_text(" ")).strip()
            prev = node.previous_sibling
            label = str(prev).strip() if prev is not None and isinstance(prev, str) else ""
            if label and len(label) <= 8:
                text = f"{label} {text}"
            if text and re.search(r"\d{4}", text):
                out.append(SourceLine(text, node.sourceline or 1, "date"))
    return out


def _parse(text: str, path: Path) -> Any:
    """Parse with html.parser; broken marked sections (``<![CDAT``) are taken as text."""
    from bs4 import BeautifulSoup
    from bs4.exceptions import ParserRejectedMarkup

    try:
        return BeautifulSoup(text, "html.parser")
    except ParserRejectedMarkup:
        pass
    try:
        return BeautifulSoup(text.replace("<![", "&lt;!["), "html.parser")
    except ParserRejectedMarkup as exc:
        detail = str(exc).strip().splitlines()[-1].strip()
        raise InputError(f"{path.name}: the HTML parser rejected the page ({detail})") from None


def read_html(
    data: bytes, path: Path, encoding: str | None = None, *, limits: Limits = DEFAULT
) -> RawDocument:
    """Read a saved article page (nested no deeper than ``limits.max_depth``: readers/depth.py)."""
    text, src = read_bytes(data, path, encoding, "html")
    limits.check_depth(nesting_depth(text, limits.max_depth), path.name)
    soup = _parse(text, path)
    limits.check_depth(tree_depth(soup), path.name)
    hints = _hints(soup)
    body = _find_body(soup)
    for tag in body.find_all(DROP_TAGS):
        tag.decompose()
    lin = _Linearizer()
    lin.cur = body.sourceline or 1
    lin.walk(body)
    lin.flush()
    lines = _header_lines(soup, body) + lin.lines
    lines.sort(key=lambda sl: sl.line)
    if not lines:
        raise InputError(f"{path.name}: no article text found in the HTML")
    url = hints.get("url")
    if isinstance(url, str):
        src.url = url
    return RawDocument(lines=lines, source=src, hints=hints)
