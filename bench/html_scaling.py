"""How the HTML reader's time grows with the page: hostile or just huge pages of several shapes.

usage: PYTHONPATH=src .venv/bin/python bench/html_scaling.py [--n 500] [--steps 3] [--shape links ...]
       [--budget 120]

Builds each shape at sizes n, 2n, 4n … and prints the CPU time (``time.process_time``) of the
reader (``read_html``) and of the passes (``normalize``) on it, and the ratio per doubling of their
sum: about 2 is linear, about 4 quadratic. A shape stops growing once one size takes more than
``--budget`` CPU seconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from bookmaker.limits import DEPTH_CEILING, Limits
from bookmaker.normalize import normalize
from bookmaker.readers.html import read_html

SENTENCE = "서울시는 올해 하반기부터 새로운 교통 정책을 시행한다고 밝혔다"


def _page(body: str, title: str = "규모 시험 기사의 제목") -> str:
    head = f"<head><meta charset='utf-8'><title>{title}</title></head>"
    return f"<!doctype html><html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


def links(n: int) -> str:
    """``n`` paragraphs, each with a link inside."""
    return _page(
        "".join(f"<p>{i}번 문단. {SENTENCE} <a href='/a/{i}'>관련 기사 {i}</a>.</p>" for i in range(n))
    )


def deep(n: int) -> str:
    """Text nested ``n`` boxes deep."""
    return _page("<div>" * n + f"<p>{SENTENCE}.</p>" * 10 + "</div>" * n)


def nested(n: int) -> str:
    """``n`` boxes nested in each other, each opening with a paragraph with a link and an image."""
    level = f"<div class='box'><p>{SENTENCE} <a href='/n'>링크</a>.</p><img src='n.jpg' alt='사진'>"
    return _page(level * n + "</div>" * n)


def deep_bare(n: int) -> str:
    """Text nested ``n`` boxes deep on a page without an article element (the densest block)."""
    text = f"<p>{SENTENCE}.</p>" * 10
    return f"<html><head><title>규모 시험</title></head><body>{'<div>' * n}{text}{'</div>' * n}</body></html>"


def nested_figures(n: int) -> str:
    """``n`` boxes nested in each other, each with a photo, its caption and a paragraph."""
    level = (
        f"<div class='photo'><img src='n.jpg' alt='사진'><p class='caption'>사진 설명</p><p>{SENTENCE}.</p>"
    )
    return _page(level * n + "</div>" * n)


def bare_links(n: int) -> str:
    """``n`` paragraphs with a link right in ``<body>`` (no article element: the densest block)."""
    body = "".join(f"<p>{i}번 문단. {SENTENCE} <a href='/a/{i}'>관련 기사 {i}</a>.</p>" for i in range(n))
    return (
        f"<html><head><title>규모 시험</title></head><body><h1>규모 시험 기사의 제목</h1>{body}</body></html>"
    )


def one_item_lists(n: int) -> str:
    """``n`` one-item lists alike in a row (Notion's export of one list)."""
    return _page(
        f"<p>{SENTENCE}.</p>" + "".join(f"<ul class='bulleted-list'><li>항목 {i}</li></ul>" for i in range(n))
    )


def hidden(n: int) -> str:
    """``n`` paragraphs, every other one with a hidden span and a hidden box after it."""
    return _page(
        "".join(
            f"<p>{i}번 문단. {SENTENCE}.<span hidden>숨긴 글 {i}</span></p>"
            f"<div style='display:none'><p>숨긴 문단 {i}</p></div>"
            for i in range(n)
        )
    )


def figures(n: int) -> str:
    """``n`` figures with captions between paragraphs."""
    return _page(
        "".join(
            f"<p>{i}번 문단. {SENTENCE}.</p><figure><img src='i{i}.jpg' alt='사진 {i}'>"
            f"<figcaption>사진 설명 {i}</figcaption></figure>"
            for i in range(n)
        )
    )


def link_lists(n: int) -> str:
    """A paragraph, then ``n`` lists of links (a site's "more" rows), three links each."""
    rows = "".join(
        f"<ul>{''.join(f'<li><a href=/x/{i}/{j}>더 보기 {i}-{j}</a></li>' for j in range(3))}</ul>"
        for i in range(n)
    )
    return _page(f"<p>{SENTENCE}.</p>" * 3 + rows)


def tables(n: int) -> str:
    """``n`` small tables between paragraphs."""
    return _page(
        "".join(
            f"<p>{i}번 문단. {SENTENCE}.</p><table><tr><th>항목</th><th>값</th></tr>"
            f"<tr><td>가격 {i}</td><td>{i * 100}원</td></tr></table>"
            for i in range(n)
        )
    )


def decks(n: int) -> str:
    """A headline over ``n`` short strong lines and subheadings, then the text."""
    lead = "".join(f"<p><strong>요약 {i}: {SENTENCE[:20]}</strong></p><h3>소제목 {i}</h3>" for i in range(n))
    return _page(lead + f"<p>{SENTENCE}.</p>" * 5)


def page_links(n: int) -> str:
    """``n`` boxes of paragraphs and links, each followed by a box of page numbers."""
    return _page(
        "".join(
            f"<div><p>{i}번 글. {SENTENCE} <a href='/p/{i}'>원문</a></p></div>"
            f"<div><a href='?p=1'>1</a> <a href='?p=2'>2</a> <a href='?p={i}'>다음</a></div>"
            for i in range(n)
        )
    )


SHAPES: dict[str, Callable[[int], str]] = {
    "links": links,
    "deep": deep,
    "nested": nested,
    "deep-bare": deep_bare,
    "nested-figures": nested_figures,
    "bare-links": bare_links,
    "one-item-lists": one_item_lists,
    "hidden": hidden,
    "figures": figures,
    "link-lists": link_lists,
    "tables": tables,
    "decks": decks,
    "page-links": page_links,
}


def measure(shape: str, n: int, limits: Limits) -> tuple[int, float, float]:
    """The page's size in bytes and the CPU seconds of the reader and of the passes on it."""
    data = SHAPES[shape](n).encode("utf-8")
    started = time.process_time()
    raw = read_html(data, Path(f"{shape}.html"), limits=limits)
    read = time.process_time()
    normalize(raw)
    return len(data), read - started, time.process_time() - read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=500, help="the smallest size")
    parser.add_argument("--steps", type=int, default=3, help="sizes n, 2n, … (this many)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--budget", type=float, default=120.0, help="stop a shape after a size this slow")
    args = parser.parse_args(argv)
    limits = Limits(max_depth=DEPTH_CEILING)
    read_html(links(10).encode(), Path("warm.html"))  # imports and caches out of the first figure
    print(f"{'shape':<14} {'n':>6} {'KB':>6} {'reader s':>9} {'passes s':>9} {'total s':>8} {'ratio':>6}")
    for shape in args.shape or list(SHAPES):
        previous = 0.0
        for step in range(args.steps):
            n = args.n * 2**step
            if shape in ("deep", "nested", "deep-bare", "nested-figures"):
                n = min(n, DEPTH_CEILING - 10)
            size, read, passes = measure(shape, n, limits)
            total = read + passes
            ratio = f"{total / previous:.2f}" if previous else ""
            row = f"{shape:<14} {n:>6} {size // 1024:>6} {read:>9.2f} {passes:>9.2f} {total:>8.2f} {ratio:>6}"
            print(row, flush=True)
            previous = total
            if total > args.budget:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
