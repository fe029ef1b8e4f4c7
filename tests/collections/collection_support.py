"""Shared data of the collection tests: the five articles, their expected order, helpers."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ir"
# given order; long-climate is given twice (the repeat must be left out)
ARTICLES = ("long-climate", "long-culture", "long-semiconductor", "many-headings", "hanja-latin")
INPUTS = (*ARTICLES, "long-climate")
TITLE = "주간 뉴스 묶음 11월 넷째 주"
EDITOR = "편집부"


def article_json(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def title_of(name: str) -> str:
    return article_json(name)["meta"]["title"]


def squash(text: str) -> str:
    """Text without whitespace or invisible joiners (PDF text extraction splits lines anywhere)."""
    return re.sub(r"[\s\u2060\u200b\u00ad]+", "", text)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext, one run)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = out.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
