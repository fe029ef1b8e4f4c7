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


# --- a press release forwarded as an e-mail --------------------------------------------------------


def test_a_forwarded_messages_envelope_cover_note_separators_and_signature_are_removed() -> None:
    _, doc = norm(
        "---------- Forwarded message ---------",
        "보낸사람: 한국소비자원 홍보팀 <press@kca.go.kr>",
        "Date: 2026년 11월 18일 (수) 오전 10:02",
        f"Subject: [보도자료] {TITLE}",
        "To: <news@example.co.kr>",
        "안녕하세요, 홍보팀입니다. 보도자료를 보내드립니다.",
        "----------------------------------------",
        "보도자료 | 보도일시: 2026. 11. 19.(목) 조간 | 배포일시: 2026. 11. 18.(수)",
        TITLE,
        *BODY,
        "----------------------------------------",
        "한국소비자원 홍보팀 | 담당: 이수민 대리 | 043-880-5512",
        "※ 본 메일은 발신 전용입니다.",
    )
    assert (doc.meta.title, doc.meta.series, doc.meta.date) == (TITLE, ["보도자료"], "2026-11-19")
    assert doc.meta.publisher == "한국소비자원"
    assert body(doc).splitlines() == BODY
    rules = removed(doc)
    assert rules["To: <news@example.co.kr>"] == "email.envelope"
    assert rules["안녕하세요, 홍보팀입니다. 보도자료를 보내드립니다."] == "email.cover-note"
    assert rules["※ 본 메일은 발신 전용입니다."] == "email.signature"


def test_header_fields_without_an_envelope_are_left_alone() -> None:
    _, doc = norm(TITLE, "제목: 버스 노선 개편안", *BODY, "----------------------------------------", "끝")
    assert not [r for r in doc.removed if (r.rule or "").startswith("email.")]
