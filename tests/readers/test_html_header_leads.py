"""The article's own text and dates around a known body container: a lead paragraph set above the
container (or inside the article's header under the headline), and the date of a byline box whose
name part is only a mail link. Each was lost as page chrome before."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Paragraph
from tests.helpers import read_written

LEAD = "해양수산부가 연안 여객선 운임을 내년부터 평균 12% 내린다고 2일 밝혔다. 섬 주민은 절반만 낸다."
TEXT = [
    "운임 인하는 국고 보조금 420억원으로 충당한다. 해수부는 선사들과 협약을 맺었다.",
    "섬 주민 단체는 환영하면서도 배편 자체를 늘려 달라고 요구했다.",
    '해수부 관계자는 "노선별 수요를 조사해 증편도 검토하겠다"고 말했다.',
]


def _doc(tmp_path: Path, html: str) -> Document:
    return read_written(tmp_path / "page.html", html)[1]


def _page(header: str, between: str) -> str:
    body = "".join(f"<p>{t}</p>" for t in TEXT)
    return (
        "<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'>"
        "<title>연안 여객선 운임 내린다</title></head>"
        "<body><nav><a href='/'>첫 화면</a> <a href='/sea'>바다</a> <a href='/isle'>섬</a></nav>"
        f"<article><header><h1>연안 여객선 운임 12% 내린다</h1>{header}</header>{between}"
        f"<div class='article-text'>{body}</div></article>"
        "<footer><p>ⓒ 바다일보 무단전재 금지</p></footer></body></html>"
    )


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_lead_paragraph_above_a_known_body_container_is_the_first_paragraph(tmp_path: Path) -> None:
    doc = _doc(tmp_path, _page("<p class='date'>2026.12.02 10:00</p>", f"<p class='lead'>{LEAD}</p>"))
    assert _texts(doc)[:2] == [LEAD, TEXT[0]]
    assert not any(LEAD in r.text for r in doc.removed)


def test_lead_paragraph_in_the_articles_header_is_the_first_paragraph(tmp_path: Path) -> None:
    header = f"<p class='date'>2026.12.02 10:00</p><p class='lead'>{LEAD}</p>"
    doc = _doc(tmp_path, _page(header, ""))
    assert _texts(doc)[:2] == [LEAD, TEXT[0]]
    assert doc.meta.title == "연안 여객선 운임 12% 내린다"


def test_boxes_beside_a_known_body_container_stay_out(tmp_path: Path) -> None:
    """Only prose paragraphs come in: a box of links (other stories) above the container stays out."""
    box = "<div class='summary'><a href='/1'>여객선 증편 논의 시작</a> <a href='/2'>섬 주민 교통권</a></div>"
    doc = _doc(tmp_path, _page("<p class='date'>2026.12.02 10:00</p>", box))
    assert _texts(doc)[0] == TEXT[0]
    assert any("여객선 증편 논의 시작" in r.text for r in doc.removed)


def test_date_of_a_byline_box_whose_name_part_is_a_mail_link(tmp_path: Path) -> None:
    """An old table layout: the date, the name and the mail link in one cell, no element around the
    name. The date was lost with the cell as chrome once the mail link was taken as the byline."""
    html = (
        "<html><head><meta charset='utf-8'><title>바다일보</title></head><body><table>"
        "<tr><td class='tit'><b>연안 여객선 운임 12% 내린다</b></td></tr>"
        "<tr><td class='info'>등록 : 2026-12-02 10:04 | 수정 : 2026-12-02 11:30 &nbsp; 한지민 기자 "
        "<a href='mailto:jimin@badailbo.kr'>jimin@badailbo.kr</a></td></tr>"
        f"<tr><td class='news_body'>{LEAD}<br><br>{'<br><br>'.join(TEXT)}</td></tr>"
        "</table></body></html>"
    )
    doc = _doc(tmp_path, html)
    assert doc.meta.date is not None and doc.meta.date.startswith("2026-12-02T10:04")
    assert [(a.name, a.email) for a in doc.meta.authors] == [("한지민", "jimin@badailbo.kr")]


def _footer_page(footer: str, site: str = "바다일보") -> str:
    body = "".join(f"<p>{t}</p>" for t in [LEAD, *TEXT])
    return (
        "<html lang='ko'><head><meta charset='utf-8'>"
        f"<title>{site} - 연안 여객선 운임 12% 내린다</title></head>"
        f"<body><h3 class='tit_view'>연안 여객선 운임 12% 내린다</h3><div class='news_view'>{body}</div>"
        f"<div class='foot'>{footer}</div></body></html>"
    )


def test_the_sites_copyright_notice_in_a_box_no_selector_names(tmp_path: Path) -> None:
    doc = _doc(tmp_path, _footer_page("ⓒ 바다일보. 무단 전재-재배포, AI 학습 및 활용 금지"))
    assert doc.meta.rights == "ⓒ 바다일보. 무단 전재-재배포, AI 학습 및 활용 금지"
    assert [r.rule for r in doc.removed if "무단" in r.text] == ["html.rights"]


def test_another_companys_notice_there_is_not_the_pages_rights(tmp_path: Path) -> None:
    """A hosting platform's notice names its company, not the site: recorded, not the rights."""
    doc = _doc(tmp_path, _footer_page("Copyright © GARAM SOFT Corp. All rights reserved."))
    assert doc.meta.rights is None
    assert any("GARAM SOFT" in r.text for r in doc.removed)


def test_bracketed_column_name_right_above_the_headline_is_the_series(tmp_path: Path) -> None:
    """In an element no class names series or kicker (before: removed as page chrome)."""
    html = _footer_page("ⓒ 바다일보 무단전재 금지").replace(
        "<h3 class='tit_view'>", "<span class='col_name'>[바다 이야기]</span><h3 class='tit_view'>"
    )
    doc = _doc(tmp_path, html)
    assert doc.meta.series == ["바다 이야기"]
    assert doc.meta.title == "연안 여객선 운임 12% 내린다"


def test_a_post_category_inside_the_headlines_heading_stays_out(tmp_path: Path) -> None:
    """A board's category before the subject in the same heading is the board's, as set so far."""
    html = _footer_page("ⓒ 바다일보 무단전재 금지").replace(
        "<h3 class='tit_view'>연안 여객선 운임 12% 내린다</h3>",
        "<h3><span class='head'>[정보]</span> "
        "<span class='title_subject'>연안 여객선 운임 12% 내린다</span></h3>",
    )
    doc = _doc(tmp_path, html)
    assert doc.meta.series == []
