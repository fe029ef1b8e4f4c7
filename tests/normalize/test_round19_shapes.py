"""Failure kinds from held-out round 19 (a regional daily's CMS page, a wire flash updated into a
story, a market wrap with an index table, a magazine long read with pull quotes, a TV report's page,
an editorial page), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, Paragraph, Quote, Table
from tests.normalize.test_real_shapes import body, norm, read_page, removed

LEAD = "전국 아파트 입주 물량이 내년 상반기 10년 만에 가장 적을 것으로 나타났다. 공급 우려가 커지고 있다."
MORE = "국토교통부 관계자는 “공공 분양 물량을 앞당겨 공급하는 방안을 검토하겠다”고 말했다."
HEAD = (
    "<meta property='og:site_name' content='한빛일보'>"
    "<meta property='article:published_time' content='2026-12-04T10:00:00+09:00'>"
)

# --- a wire flash updated into a story ----------------------------------------------------------------


def test_a_flash_line_over_its_update_is_superseded() -> None:
    _, doc = norm(
        "[속보] 내년 상반기 아파트 입주 10년 만에 최저",
        "(2보) 내년 상반기 아파트 입주 10년 만에 최저…공급 부족 우려",
        "(서울=뉴스1) 박서연 기자 = " + LEAD,
        MORE,
        "psy@news1.kr",
    )
    assert doc.meta.title == "내년 상반기 아파트 입주 10년 만에 최저…공급 부족 우려"
    assert doc.meta.series == []
    assert removed(doc)["[속보] 내년 상반기 아파트 입주 10년 만에 최저"] == "title.flash"
    assert removed(doc)["(2보)"] == "title.version-mark"


def test_a_flash_line_alone_is_still_the_headline() -> None:
    _, doc = norm("[속보] 내년 상반기 아파트 입주 10년 만에 최저", "(서울=뉴스1) 박서연 기자 = " + LEAD, MORE)
    assert doc.meta.title == "내년 상반기 아파트 입주 10년 만에 최저"
    assert doc.meta.series == ["속보"]


def test_a_wires_update_note_and_bare_mark_after_the_email() -> None:
    _, doc = norm(
        "내년 상반기 아파트 입주 10년 만에 최저",
        "(서울=뉴스1) 박서연 기자 = " + LEAD,
        MORE,
        "※ 기사 내용을 보강합니다.",
        "psy@news1.kr",
        "ⓒ News1",
    )
    assert body(doc).splitlines() == [LEAD, MORE]
    assert "보강" not in body(doc)
    assert removed(doc)["※ 기사 내용을 보강합니다."] == "boilerplate.policy"
    assert doc.meta.rights == "ⓒ News1"


def test_a_bare_mark_with_a_persons_name_is_no_rights_line() -> None:
    _, doc = norm("내년 상반기 아파트 입주 10년 만에 최저", LEAD, MORE, "ⓒ 김도윤")
    assert doc.meta.rights is None


# --- a market wrap's table title ---------------------------------------------------------------------


def test_a_bold_table_title_over_its_table_is_no_heading(tmp_path: Path) -> None:
    page = (
        f"<h1>코스피 2900선 회복</h1><article><p>{LEAD}</p><p><strong>[표] 4일 주요 지수 마감</strong></p>"
        "<table><tr><th>구분</th><th>종가</th></tr><tr><td>코스피</td><td>2,907.15</td></tr></table>"
        f"<p>&lt;자료:한국거래소&gt;</p><p>{MORE}</p></article>"
    )
    _, doc = read_page(tmp_path, page, HEAD)
    kinds = [type(b) for b in doc.blocks]
    assert kinds == [Paragraph, Paragraph, Table, Paragraph, Paragraph]
    assert not any(isinstance(b, Heading) for b in doc.blocks)


def test_a_bold_line_over_a_table_is_still_a_heading(tmp_path: Path) -> None:
    page = (
        f"<h1>코스피 2900선 회복</h1><article><p>{LEAD}</p><p><strong>주요 지수</strong></p>"
        "<table><tr><th>구분</th><th>종가</th></tr><tr><td>코스피</td><td>2,907.15</td></tr></table>"
        f"<p>{MORE}</p></article>"
    )
    _, doc = read_page(tmp_path, page, HEAD)
    assert isinstance(doc.blocks[1], Heading)


# --- an editorial page ---------------------------------------------------------------------------------


def test_a_paper_signing_with_its_own_name_names_no_author(tmp_path: Path) -> None:
    page = (
        "<div class='head'><h1>공급 절벽, 지금 대책을 세워야</h1><div class='byline'>한빛일보</div></div>"
        f"<article><p>{LEAD}</p><p>{MORE}</p></article>"
    )
    _, doc = read_page(tmp_path, page, HEAD + "<meta name='author' content='한빛일보'>")
    assert doc.meta.authors == []
    assert doc.meta.publisher == "한빛일보"


def test_an_opinion_pages_box_of_columns_goes(tmp_path: Path) -> None:
    page = (
        f"<article><p>{LEAD}</p><p>{MORE}</p><div class='rel'><h4>오피니언 관련 칼럼</h4><ul>"
        "<li><a href='/a/1'>[시론] 공급 대책, 속도가 관건이다</a></li>"
        "<li><a href='/a/2'>[사설] 전세 사기 피해 구제 서둘러야</a></li></ul></div></article>"
    )
    _, doc = read_page(tmp_path, page, HEAD)
    assert body(doc).splitlines() == [LEAD, MORE]
    assert removed(doc)["오피니언 관련 칼럼"] == "boilerplate.related"


# --- a magazine long read ----------------------------------------------------------------------------


def test_a_kicker_over_the_headline_is_a_series_and_a_busy_byline_is_read(tmp_path: Path) -> None:
    page = (
        "<div class='head'><span class='kicker'>커버스토리</span><h1>공급 절벽, 누가 집을 짓나</h1>"
        "<div class='byline'>박서연 기자 · 호수 1880 · 승인 2026.12.01 07:30</div></div>"
        f"<article><p>{LEAD}</p><p>{MORE}</p></article>"
    )
    _, doc = read_page(tmp_path, page, HEAD)
    assert doc.meta.series == ["커버스토리"]
    assert [(a.name, a.role) for a in doc.meta.authors] == [("박서연", "기자")]


def test_a_pull_quote_repeating_the_text_goes_and_a_new_one_stays(tmp_path: Path) -> None:
    said = "공공 분양 물량을 앞당겨 공급하는 방안을 검토하겠다"
    page = (
        f"<article><p>{LEAD}</p><aside class='pull-quote'><p>“{said}”</p></aside><p>{MORE}</p>"
        "<aside class='pullquote'><p>집은 짓는 데 3년이 걸린다</p></aside></article>"
    )
    _, doc = read_page(tmp_path, page, HEAD)
    assert body(doc).count(said) == 1
    assert removed(doc)[f"“{said}”"] == "dedupe.pull-quote"
    assert isinstance(doc.blocks[-1], Quote)
