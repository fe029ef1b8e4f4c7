"""Failure kinds from held-out round 29 (saved pages) that were no saving tool's: a caption signed
with the photographer's name, rank and e-mail, a caption ending in a copyright mark and a name, and a
section label over the headline that only the <title>'s bracket names; small made-up inputs."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure
from tests.normalize.test_real_shapes import body, read_page

TITLE = "서울 초미세먼지 ‘나쁨’ 닷새째…첫 비상저감조치"
PROSE = "서울의 초미세먼지 농도가 닷새째 나쁨 수준을 이어가면서 올겨울 처음으로 비상저감조치가 내려졌다."
MORE = "정부는 석탄화력발전소 16기 가동을 멈추고 나머지 발전소의 출력을 80%로 낮추기로 했다."


def _figure(tmp_path: Path, caption: str) -> Figure:
    _, doc = read_page(
        tmp_path,
        f"<article><h1>{TITLE}</h1><div class='article-text'>"
        "<div class='image-area'><img src='https://a.kr/p.jpg' alt='사진'>"
        f"<div class='image-desc'>{caption}</div></div>"
        f"<p>{PROSE}</p><p>{MORE}</p></div></article>",
    )
    return next(b for b in doc.blocks if isinstance(b, Figure))


def test_caption_signed_with_name_rank_and_email(tmp_path: Path) -> None:
    figure = _figure(tmp_path, "4일 오후 서울 남산에서 바라본 도심이 뿌옇다. 김혜윤 기자 unique@hani.co.kr")
    assert figure.credit == "김혜윤 기자"
    assert figure.text == "4일 오후 서울 남산에서 바라본 도심이 뿌옇다."


def test_caption_ending_in_copyright_mark_and_name(tmp_path: Path) -> None:
    figure = _figure(tmp_path, "전남 고흥군의 한 폐교. 운동장에 잡초가 무성하다. ⓒ시사IN 신선영")
    assert figure.credit == "시사IN 신선영"
    assert figure.text == "전남 고흥군의 한 폐교. 운동장에 잡초가 무성하다."


def test_copyright_sentence_in_a_caption_is_no_credit(tmp_path: Path) -> None:
    caption = "전남 고흥군의 한 폐교. ⓒ 표시는 저작권을 뜻하며, 이 사진은 독자가 보내 온 것이다."
    figure = _figure(tmp_path, caption)
    assert figure.credit is None


def _page(tmp_path: Path, title: str, label: str) -> Document:
    _, doc = read_page(
        tmp_path,
        f"<article><header><p class='heading'>{label}</p><h1>{TITLE}</h1></header>"
        f"<div itemprop='articleBody'><p>{PROSE}</p><p>{MORE}</p></div></article>",
        f"<meta charset='utf-8'><title>{title}</title><meta property='og:site_name' content='시사IN'>"
        f"<meta property='og:title' content='{TITLE}'>",
    )
    return doc


def test_label_over_headline_named_by_the_title_bracket_is_the_series(tmp_path: Path) -> None:
    doc = _page(tmp_path, f"[커버스토리] {TITLE} - 시사IN", "커버스토리")
    assert doc.meta.series == ["커버스토리"]
    assert "커버스토리" not in body(doc)


def test_title_bracket_without_a_shown_label_is_no_series(tmp_path: Path) -> None:
    doc = _page(tmp_path, f"[단독] {TITLE} - 시사IN", "사회")
    assert doc.meta.series == []
