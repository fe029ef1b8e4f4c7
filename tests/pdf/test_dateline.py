"""The wire dateline, taken off the lead by normalization, opens the lead again on the page (EPUB
and PDF), as Korean papers print it; the IR keeps it in ``meta.dateline``."""

from __future__ import annotations

from datetime import UTC, datetime

from bookmaker.ir import Document, Heading, Meta, Paragraph, text_runs
from bookmaker.layout import render_article
from bookmaker.layout.dateline import with_dateline
from bookmaker.writers.pdf import print_html

DATELINE = "(서울=연합뉴스) 한지훈 기자 ="
DOC = Document(
    meta=Meta(title="제목", dateline=DATELINE),
    blocks=[
        Heading(level=2, content=text_runs("소제목")),
        Paragraph(content=text_runs("정부는 23일 발표했다.")),
        Paragraph(content=text_runs("둘째 문단.")),
    ],
)


def test_the_dateline_opens_the_first_paragraph() -> None:
    shown = with_dateline(DOC)
    assert shown.blocks[0] == DOC.blocks[0]
    assert shown.blocks[1].text == f"{DATELINE} 정부는 23일 발표했다."
    assert shown.blocks[2] == DOC.blocks[2]
    assert DOC.blocks[1].text == "정부는 23일 발표했다."  # the IR itself is left as it is


def test_without_a_dateline_nothing_changes() -> None:
    plain = Document(meta=Meta(title="제목"), blocks=DOC.blocks)
    assert with_dateline(plain) is plain
    place = Document(meta=Meta(title="제목", dateline="워싱턴"), blocks=DOC.blocks)
    assert with_dateline(place) is place  # a bare place name would read as the lead's first word


def test_epub_and_print_show_it_before_the_lead() -> None:
    xhtml = render_article(DOC, "epub")
    assert xhtml.index("서울=연합뉴스") < xhtml.index("발표했다")
    html = print_html(DOC, created=datetime(2025, 11, 23, tzinfo=UTC))
    assert "서울=연합뉴스" in html and html.index("서울=연합뉴스") < html.index("둘째")


def test_a_yonhap_scrape_gets_its_dateline_back(tmp_path) -> None:
    from bookmaker.pipeline import load

    article = tmp_path / "yna.txt"
    article.write_text(
        "정부, 반도체 지원 확대\n\n(서울=연합뉴스) 한지훈 기자 = 정부가 23일 반도체 지원을 늘리기로 했다.\n\n"
        "업계는 환영했다.\n",
        encoding="utf-8",
    )
    doc = load(article)
    assert doc.meta.dateline and "서울=연합뉴스" in doc.meta.dateline
    assert "서울=연합뉴스" not in doc.blocks[0].text
    assert "(서울=연합뉴스)" in render_article(doc, "epub")
