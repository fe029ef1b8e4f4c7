"""A page that shows no article text without JavaScript (an app shell) but gives its text in
JSON-LD's ``articleBody``: the text comes from there, with a warning (before: "no article text
found", exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookmaker.errors import InputError
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

PARAGRAPHS = [
    "가람군이 내년부터 어르신 버스 요금을 받지 않는다.",
    "대상은 군에 사는 70세 이상 주민 1만2천여 명이다. 교통카드를 새로 발급받아야 한다.",
]


def _page(tmp_path: Path, article: dict[str, object]) -> Path:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **article}, ensure_ascii=False)
    path = tmp_path / "app.html"
    path.write_text(
        "<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'>"
        "<title>어르신 버스 무료 | 가람신문</title>"
        f"<script type='application/ld+json'>{ld}</script></head>"
        "<body><div id='app'></div><script src='/main.js'></script></body></html>",
        "utf-8",
    )
    return path


def test_text_from_json_ld_article_body(tmp_path: Path) -> None:
    path = _page(
        tmp_path,
        {
            "headline": "어르신 버스 무료",
            "author": {"name": "윤다온"},
            "articleBody": "\n\n".join(PARAGRAPHS),
        },
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert doc.meta.title == "어르신 버스 무료"
    assert [b.text for b in doc.blocks] == PARAGRAPHS
    assert any("JSON-LD articleBody" in w for w in raw.warnings)


def test_an_app_shell_without_article_body_is_still_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text"):
        read(_page(tmp_path, {"headline": "어르신 버스 무료"}))
