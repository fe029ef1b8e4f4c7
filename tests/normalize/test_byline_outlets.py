"""A byline under the title names the reporter after an outlet the rules do not list, whatever kind of
outlet its last word says it is (a sports paper, a wire, a magazine); the outlet a byline names votes
for the publisher, below any other evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Document
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm


@pytest.mark.parametrize(
    "outlet",
    [
        "가람스포츠",
        "누리투데이",
        "한결통신",
        "월간가람",
        "일간누리",
        "가람매거진",
        "누리포스트",
        "가람헤럴드",
    ],
)
def test_an_unlisted_outlets_byline_under_the_title_is_the_byline(outlet: str) -> None:
    _, doc = norm(
        "KIA, 한국시리즈 3차전 잡고 우승 1승 남겨…김도윤 결승타",
        "2026.10.28 22:41",
        f"{outlet} 이준서 기자",
        "",
        "KIA 타이거즈가 한국시리즈 3차전에서 LG 트윈스를 꺾고 우승까지 1승만 남겼다.",
        "",
        "KIA는 28일 서울 잠실야구장에서 열린 2026 한국시리즈 3차전에서 LG를 4-2로 이겼다.",
    )
    assert [(a.name, a.role) for a in doc.meta.authors] == [("이준서", "기자")]
    assert doc.meta.subtitles == []
    assert outlet not in body(doc)
    assert doc.meta.publisher == outlet  # the byline's outlet is not lost: nothing else names one


def _column(first: str, credit: str, last: str) -> list[str]:
    return [
        first,
        "[우리말 산책] '마루'를 넘는다는 것",
        "2026-12-05 06:00",
        credit,
        "",
        "연말이 되면 한 해의 '마루'를 넘었다는 말을 자주 듣는다. 고비를 넘겼다는 뜻으로 쓰는 이 말은 어디서 "
        "왔을까.",
        "",
        "표준국어대사전에서 '마루'를 찾으면 뜻이 여럿 나온다. 집의 바닥을 가리키는 마루와는 다른 낱말이다.",
        "",
        "올해 마루를 넘은 모든 이에게 내년의 내리막이 조금은 수월하기를 바란다.",
        "",
        last,
    ]


@pytest.mark.parametrize("credit", ["글 정서윤 국어문화원 연구원", "글=정서윤 국어문화원 선임연구원"])
def test_a_labelled_writers_credit_under_the_title_and_again_below_is_the_author(credit: str) -> None:
    _, doc = norm(*_column("누리신문", credit, "정서윤 국어문화원 연구원"))
    assert [a.name for a in doc.meta.authors] == ["정서윤"]
    assert doc.meta.subtitles == []
    assert "국어문화원" not in body(doc)


def test_an_unlisted_papers_name_alone_on_the_first_line_is_the_publisher() -> None:
    _, doc = norm(*_column("누리신문", "글 정서윤 국어문화원 연구원", "정서윤 국어문화원 연구원"))
    assert doc.meta.publisher == "누리신문"
    assert "누리신문" not in body(doc)


def test_a_first_line_that_is_no_papers_name_votes_for_no_publisher() -> None:
    _, doc = norm(*_column("우리말 이야기", "글 정서윤 국어문화원 연구원", "정서윤 국어문화원 연구원"))
    assert doc.meta.publisher != "우리말 이야기"


def _story(byline: str, *tail: str) -> list[str]:
    return [
        "청년 창업 지원금 두 배로 늘린다",
        "",
        byline,
        "",
        "서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다.",
        "지원 대상은 만 39세 이하 창업자다.",
        "",
        '시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 "창업 초기의 자금난을 덜겠다"고 말했다.',
        *tail,
    ]


@pytest.mark.parametrize(
    ("byline", "publisher"),
    [
        ("가람일보 최유나 기자", "가람일보"),
        ("최유나 가람일보 기자", "가람일보"),
        ("[누리경제신문 최유나 기자]", "누리경제신문"),
        ("한겨레 최유나 기자", "한겨레"),
        ("사회부 최유나 기자", None),
        ("정치부 최유나 기자 yuna@garam.kr", None),
        ("경제팀 최유나 기자", None),
        ("최유나 기자", None),
    ],
)
def test_the_outlet_a_byline_names_is_the_publisher_when_nothing_else_names_one(
    byline: str, publisher: str | None
) -> None:
    _, doc = norm(*_story(byline))
    assert [a.name for a in doc.meta.authors] == ["최유나"]
    assert doc.meta.publisher == publisher


def test_a_copyright_line_outweighs_the_outlet_a_byline_names() -> None:
    """A regional paper running a wire's copy: the byline names the wire, the footer the paper."""
    _, doc = norm(*_story("뉴시스 최유나 기자", "", "저작권자 © 가람일보 무단전재 및 재배포 금지"))
    assert doc.meta.publisher == "가람일보"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("정치부 최유나·김도윤 기자", [("최유나", "기자", None), ("김도윤", "기자", None)]),
        ("문화부 최유나, 김도윤 기자", [("최유나", "기자", None), ("김도윤", "기자", None)]),
        ("사회부 기자 최유나", [("최유나", "기자", None)]),
        ("최유나 기자 yuna@garam.kr 다른기사 보기", [("최유나", "기자", "yuna@garam.kr")]),
        ("최유나 기자yuna@garam.kr기자의 다른 기사 보기", [("최유나", "기자", "yuna@garam.kr")]),
        ("최유나 기자 + 구독", [("최유나", "기자", None)]),
        ("최유나 기자 ▶ yuna@garam.kr", [("최유나", "기자", "yuna@garam.kr")]),
        ("최유나 기자 (☎ 02-000-0000)", [("최유나", "기자", None)]),
        ("최유나 기자 @yuna_garam", [("최유나", "기자", None)]),
    ],
)
def test_a_desk_before_the_names_or_the_cards_links_after_them_keep_the_byline_a_byline(
    byline: str, authors: list[tuple[str, str, str | None]]
) -> None:
    """A desk shared by two reporters or put before the role, and a reporter card's links, were
    read as a subtitle (the byline's text above the article, no author)."""
    _, doc = norm(*_story(byline))
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == authors
    assert doc.meta.subtitles == []
    assert byline not in body(doc)


def _page(tmp_path: Path, head: str, byline: str = "") -> Document:
    html = (
        f"<html><head><meta charset='utf-8'><title>청년 창업 지원금 두 배로 늘린다</title>{head}</head><body>"
        f"<article><h1>청년 창업 지원금 두 배로 늘린다</h1>{byline}"
        "<p>서울시는 내년부터 청년 창업 지원금을 두 배로 늘린다고 7일 밝혔다.</p>"
        "<p>시는 이를 위해 예산 200억원을 편성했다. 시 관계자는 자금난을 덜겠다고 말했다.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


@pytest.mark.parametrize(
    ("head", "authors", "publisher"),
    [
        ("<meta name='author' content='최유나 기자'>", [("최유나", "기자", None)], None),
        (
            "<meta name='author' content='최유나 기자 yuna@garam.kr'>",
            [("최유나", "기자", "yuna@garam.kr")],
            None,
        ),
        ("<meta property='dable:author' content='최유나'>", [("최유나", None, None)], None),
        (
            "<meta name='author' content='최유나, 김도윤'>",
            [("최유나", None, None), ("김도윤", None, None)],
            None,
        ),
        ("<meta name='author' content='가람일보'>", [], "가람일보"),
        ("<meta name='author' content='관리자'>", [], None),
    ],
)
def test_the_metadatas_writer_is_the_author_when_the_text_credits_none(
    tmp_path: Path, head: str, authors: list[tuple[str, str | None, str | None]], publisher: str | None
) -> None:
    """A scrape of the article's container often leaves the byline out; the page's metadata still
    names the writer (or, on an editorial, the paper)."""
    doc = _page(tmp_path, head)
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == authors
    assert doc.meta.publisher == publisher


def test_a_byline_in_the_text_outweighs_the_metadatas_writer(tmp_path: Path) -> None:
    doc = _page(tmp_path, "<meta name='author' content='한빛연구원 정책연구실'>", "<p>김도윤 기자</p>")
    assert [a.name for a in doc.meta.authors] == ["김도윤"]
    doc = _page(tmp_path, "<meta name='author' content='최유나'>", "<p>김도윤 기자</p>")
    assert [a.name for a in doc.meta.authors] == ["김도윤"]


@pytest.mark.parametrize("tag", ["[시론]", "[기고]", "<특별기고>", "[아침 칼럼]"])
def test_a_writers_credit_under_an_opinion_headline_is_the_author(tag: str) -> None:
    """Under a headline tagged as an outside writer's piece, the credit line is the writer's (before:
    the subtitle); under an untagged headline it stays what it was."""
    paragraphs = [
        "",
        "청년 창업을 돕는 일은 돈을 주는 데서 끝나지 않는다. 실패해도 다시 설 수 있는 길을 함께 열어야 한다.",
        "",
        "지원금을 두 배로 늘린다는 소식은 반갑다. 그러나 지원 이후의 시간을 설계하지 않으면 효과는 짧다.",
    ]
    _, doc = norm(f"{tag} 청년에게 길을 열자", "최유나 가람대 경영학과 교수", *paragraphs)
    assert [(a.name, a.role) for a in doc.meta.authors] == [("최유나", "교수")]
    assert doc.meta.subtitles == []
    _, doc = norm("청년에게 길을 열자", "최유나 가람대 경영학과 교수", *paragraphs)
    assert doc.meta.authors == []
