"""A numbered list's style as the markup gives it: HTML's ``<ol type>`` and ``list-style-type``
(``hangul``, ``hangul-consonant``, ``upper-roman`` …), Markdown's ``1)`` delimiter."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Document, ListBlock, walk
from bookmaker.pipeline import load

PROSE = "<p>시는 내년 상반기까지 노후 하수관로 12㎞를 교체하고 빗물 저류조를 짓기로 했다.</p>"


def _lists(path: Path) -> list[ListBlock]:
    doc: Document = load(path)
    return [b for b in walk(doc.blocks) if isinstance(b, ListBlock)]


def _page(tmp_path: Path, ol: str) -> Path:
    path = tmp_path / "page.html"
    items = "<li>조사 대상: 시내 초등학교 12곳</li><li>조사 방법: 설문과 면담</li>"
    path.write_text(
        f"<!DOCTYPE html><html lang='ko'><head><title>조사 계획</title></head><body><article>"
        f"<h1>조사 계획</h1>{PROSE}{ol.format(items=items)}{PROSE}</article></body></html>",
        "utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("ol", "style"),
    [
        ('<ol style="list-style-type: hangul">{items}</ol>', "hangul-syllable"),
        ('<ol style="list-style: hangul-consonant inside">{items}</ol>', "hangul-jamo"),
        ('<ol type="a">{items}</ol>', "lower-alpha"),
        ('<ol type="I">{items}</ol>', "upper-roman"),
        ('<ol type="i">{items}</ol>', "lower-roman"),
        ('<ol style="list-style-type: circled-decimal">{items}</ol>', "circled-decimal"),
        ('<ol type="1">{items}</ol>', None),
        ("<ol>{items}</ol>", None),
    ],
)
def test_html_ol_style(tmp_path: Path, ol: str, style: str | None) -> None:
    (block,) = _lists(_page(tmp_path, ol))
    assert block.ordered and block.style == style
    assert [item.text for item in block.items] == ["조사 대상: 시내 초등학교 12곳", "조사 방법: 설문과 면담"]


def test_html_nested_ol_style_given_whole(tmp_path: Path) -> None:
    inner = '<ol type="a"><li>설문</li><li>면담</li></ol>'
    outer, nested = _lists(_page(tmp_path, f"<ol><li>조사 방법{inner}</li><li>조사 기간</li></ol>"))
    assert outer.style is None and nested.style == "lower-alpha"


def test_markdown_paren_delimiter_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 조사 계획\n\n본문입니다.\n\n1) 조사 대상\n2) 조사 방법\n\n- 점\n- 선\n\n3. 셋\n4. 넷\n", "utf-8"
    )
    paren, bullets, period = _lists(path)
    assert paren.ordered and paren.punctuation == "paren" and paren.style is None
    assert not bullets.ordered and bullets.punctuation is None
    assert period.ordered and period.punctuation is None and period.start == 3
