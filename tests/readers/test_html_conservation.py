"""Nothing on an HTML page is lost silently: every visible text node (as ``readers/html_dom.py``
defines it) ends up in the reader's lines or blocks, in metadata, or in ``removed`` with a reason and
a source line — and normalization then keeps every one of those lines. Checked for generated pages
(hypothesis) and for the real pages in ``../shared`` (read there, never copied)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookmaker.errors import InputError
from bookmaker.ir import Block, Inline, Link, Ruby, inlines_of, plain, runs, walk
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from bookmaker.readers.html_dom import collapse, visible_strings
from bookmaker.readers.text import read_bytes
from tests.conftest import ROOT, SHARED
from tests.helpers import unaccounted_lines

REAL_PAGES = [
    *sorted((SHARED / "corpus").glob("*.html")),
    SHARED / "fixtures" / "naver-joongang-article.html",
]
OUR_PAGES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.html")) + sorted(
    (ROOT / "tests" / "fixtures" / "html").glob("*.html")
)
HIDDEN = "INVISIBLE-MARK"
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _block_strings(block: Block) -> list[str]:
    out = [block.text, getattr(block, "credit", None) or ""]
    for sequence in inlines_of(block):
        out.append(plain(sequence))
        out += [r.annotation for r in runs(sequence) if isinstance(r, Ruby)]
    return out


def _reader_text(raw: RawDocument) -> str:
    """Everything the reader gave: line texts, ruby readings in their runs, whole blocks, removals."""
    parts: list[str] = []
    for line in raw.lines:
        parts += [line.text, line.attrs.get("credit", "")]
        content: list[Inline] = line.content or []
        parts += [r.annotation for r in runs(content) if isinstance(r, Ruby)]
        if line.block is not None:
            for block in walk([line.block]):
                parts += _block_strings(block)
    parts += [removal.text for removal in raw.removed]
    return _squash("\n".join(parts))


def visible_texts(path: Path) -> list[str]:
    """The page's visible text nodes, white space collapsed (the reader's own definition)."""
    text, _ = read_bytes(path.read_bytes(), path, None, "html")
    soup = BeautifulSoup(text, "html.parser")
    return [collapse(str(node)).strip() for node in visible_strings(soup)]


def check_page(path: Path) -> RawDocument | None:
    """Read and normalize ``path``; assert every visible text node is accounted for."""
    try:
        raw = read(path)
    except InputError as exc:
        assert "\n" not in str(exc)
        return None
    assert isinstance(raw, RawDocument)
    given_text = _reader_text(raw)
    lost = [t for t in visible_texts(path) if t and _squash(t) not in given_text]
    assert not lost, f"{path.name}: visible text the reader placed nowhere: {lost[:5]}"
    for line in raw.lines:
        if line.content is not None:
            assert plain(line.content) == line.text, f"runs and text differ at line {line.line}"
        if line.block is not None:
            assert line.block.text == line.text
    for removal in raw.removed:
        assert removal.reason and removal.rule and removal.line >= 1
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    kept = {(r.line, r.text) for r in doc.removed}
    assert all((r.line, r.text) in kept for r in raw.removed)
    return raw


@pytest.mark.parametrize("path", REAL_PAGES + OUR_PAGES, ids=lambda p: p.name)
def test_every_visible_text_of_a_page_is_placed(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the repository")
    assert check_page(path) is not None


# --- generated pages -------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "서울시가",
        "23일",
        "밝혔다.",
        "교통카드를",
        "무료로",
        "발급한다",
        "Korea",
        "AI",
        "漢字",
        "ⓒ 연합뉴스",
        "▶",
        "1",
        "  ",
        "\n",
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
LEAF = st.one_of(
    TEXT,
    st.just("<br>"),
    st.just('<img src="x_files/a.png" alt="사진 설명이 충분히 긴 대체 텍스트">'),
    st.just(f"<script>var t = '{HIDDEN}';</script>"),
    st.just(f"<style>p::after {{ content: '{HIDDEN}' }}</style>"),
    st.just(f'<span hidden>{HIDDEN}</span><span style="display: none">{HIDDEN}</span>'),
    st.just("<ruby>漢字<rp>(</rp><rt>한자</rt><rp>)</rp></ruby>"),
    st.just("<sup><a href='#fn1' id='r1'>1</a></sup>"),
    st.just("<input value='x'><button>보내기</button>"),
    st.just("<!-- 주석 -->"),
    st.just("&lt;b&gt;글자&lt;/b&gt;"),
)
WRAPPERS = [
    "p",
    "div",
    "span",
    "b",
    "strong",
    "i",
    "em",
    "code",
    "sup",
    "sub",
    "h1",
    "h2",
    "h3",
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
    "caption",
    "article",
    "section",
    "nav",
    "aside",
    "footer",
    "header",
    "pre",
    "form",
    "noscript",
    'a href="https://example.com/x"',
    'a href="javascript:alert(1)"',
    'span lang="en"',
    'div class="article_body"',
    'em class="img_desc"',
    'strong class="media_end_summary"',
    'ol class="footnotes"',
    'li id="fn1"',
]


def _element(children: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(WRAPPERS).map(lambda tag: f"<{tag}>{''.join(children)}</{tag.split()[0]}>")


TREE = st.recursive(
    LEAF,
    lambda inner: st.lists(inner, min_size=1, max_size=4).flatmap(_element),
    max_leaves=30,
)
PAGE = st.tuples(st.lists(TREE, min_size=1, max_size=5), st.booleans()).map(
    lambda parts: (
        "<!DOCTYPE html><html lang='ko'><head><title>제목 - 사이트</title></head><body>"
        + "".join(parts[0])
        + "</body></html>"
        if parts[1]
        else "".join(parts[0])
    )
)


@given(PAGE)
@settings(
    max_examples=int(os.environ.get("BOOKMAKER_PROPERTY_CASES", "200")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
def test_any_page_places_every_visible_text(page: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page, encoding="utf-8")
        raw = check_page(path)
    if raw is None:
        return
    for line in raw.lines:
        assert HIDDEN not in line.text, "hidden text reached a line"
        for run in runs(line.content or []):
            if isinstance(run, Link):
                assert run.href.startswith(("https:", "http:", "mailto:")), run.href
