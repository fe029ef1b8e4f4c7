"""Hostile link and image addresses in HTML: a link never carries a ``javascript:``, ``data:``,
``vbscript:`` or ``file:`` target, however it is spelled (the text stays, without the link); an image
source never points at a script or a local file outside the page's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Figure, Link, inlines_of, runs, walk
from bookmaker.pipeline import load

HOSTILE_HREFS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java&#x0A;script:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "#top",
    "",
]
HOSTILE_SRCS = ["javascript:alert(1)", "file:///etc/passwd", "vbscript:x", "../../outside.png"]
LEAD = "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다."


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_a_hostile_href_is_no_link(tmp_path: Path, href: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f'<html><body><h1>교통카드 발급</h1><article><p>{LEAD} <a href="{href}">자세히 보기</a></p>'
        f"<p>{LEAD[:20]} 두 번째 문단.</p></article></body></html>",
        encoding="utf-8",
    )
    doc = load(path)
    links = [r for b in walk(doc.blocks) for seq in inlines_of(b) for r in runs(seq) if isinstance(r, Link)]
    assert links == []
    assert "자세히 보기" in doc.blocks[0].text


@pytest.mark.parametrize("src", HOSTILE_SRCS)
def test_a_hostile_image_source_is_no_image(tmp_path: Path, src: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><h1>교통카드 발급</h1><article><p>{LEAD}</p>"
        f'<figure><img src="{src}"><figcaption>주민센터 창구의 모습.</figcaption></figure>'
        "</article></body></html>",
        encoding="utf-8",
    )
    figures = [b for b in load(path).blocks if isinstance(b, Figure)]
    assert [f.text for f in figures] == ["주민센터 창구의 모습."]
    assert figures[0].src is None or not figures[0].src.lower().startswith(
        ("javascript:", "file:", "vbscript:")
    )
