"""Failure kinds from held-out round 13 (a Brunch essay, a PDF brief as pdftotext gives it, a press
release forwarded as an e-mail, a Word-exported notice, a committee transcript, a fact-check page),
each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.helpers import unaccounted_lines
from tests.normalize.test_real_shapes import BODY, body, norm, removed

TITLE = "시, 버스 노선 12개→8개로 줄인다"
PARAGRAPHS = "".join(f"<p>{line}</p>" for line in BODY)


def _page(tmp_path: Path, body_html: str, head: str = "") -> tuple[RawDocument, Document]:
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='ko'><head>{head}</head><body>{body_html}</body></html>", "utf-8"
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    return raw, doc


# --- a blogging platform's cover -----------------------------------------------------------------


def test_a_by_label_before_a_name_is_the_byline_and_regdate_gives_the_shown_day_its_time(
    tmp_path: Path,
) -> None:
    page = (
        f"<div class='cover'><h1 class='cover_title'>{TITLE}</h1>"
        "<div class='cover_cell'><span class='txt_by'>by</span> <a href='/@a'><span>한결</span></a>"
        " <span class='date'>Nov 14. 2026</span></div></div>"
        f"<div class='wrap_body'>{PARAGRAPHS}</div>"
    )
    _, doc = _page(tmp_path, page, "<meta property='og:regDate' content='20261114083012'>")
    assert [(a.name, a.role) for a in doc.meta.authors] == [("한결", None)]
    assert doc.meta.date == "2026-11-14T08:30:12+09:00"
    assert body(doc).splitlines() == BODY


def test_regdate_does_not_override_a_shown_date_with_its_own_time(tmp_path: Path) -> None:
    page = (
        f"<h1 class='title'>{TITLE}</h1><span class='date'>입력 2018. 05. 16. 16:23</span>"
        f"<div class='article'>{PARAGRAPHS}</div>"
    )
    _, doc = _page(tmp_path, page, "<meta property='og:regDate' content='20180516162312'>")
    assert doc.meta.date == "2018-05-16T16:23:00+09:00"
