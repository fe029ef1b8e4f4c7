"""The HTML reader, element by element, on small real-shaped pages: what it keeps, where it puts it,
and what it records as removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.errors import InputError
from bookmaker.ir import (
    Document,
    Figure,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Ruby,
    Span,
    Table,
    Text,
    runs,
)
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

LEAD = "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다."
MORE = "시는 이번 조치로 약 160만 명이 혜택을 볼 것으로 내다봤다."
LAST = "교통카드는 주민센터에서 신청할 수 있으며 발급까지 일주일가량 걸린다."
SECOND = "노인 단체는 이번 결정을 환영한다는 입장을 냈다."
THIRD = "시의회는 관련 조례 개정안을 다음 달 처리할 예정이다."
FOURTH = "예산은 연간 300억 원가량으로 추산됐다."


def _read(tmp_path: Path, body: str, head: str = "", name: str = "page.html") -> RawDocument:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html lang='ko'><head>{head}</head><body>{body}</body></html>", "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def _doc(tmp_path: Path, body: str, head: str = "") -> Document:
    return normalize(_read(tmp_path, body, head))


def _all_runs(doc: Document) -> list[object]:
    from bookmaker.ir import inlines_of, walk

    return [run for block in walk(doc.blocks) for seq in inlines_of(block) for run in runs(seq)]


def test_the_h1_wins_over_the_title_and_a_title_alone_loses_its_site(tmp_path: Path) -> None:
    body = f"<h1>무료 교통카드, 내년부터 발급</h1><p>{LEAD}</p><p>{MORE}</p>"
    doc = _doc(tmp_path, body, "<title>교통카드 무료로 - 예시일보</title>")
    assert doc.meta.title == "무료 교통카드, 내년부터 발급"
    assert [b.text for b in doc.blocks] == [LEAD, MORE]  # the <h1> is not a paragraph
    alone = _doc(
        tmp_path, f"<div><p>{LEAD}</p><p>{MORE}</p></div>", "<title>교통카드 무료로 | 예시일보</title>"
    )
    assert alone.meta.title == "교통카드 무료로"


def test_an_old_page_s_title_led_by_the_site_name_finds_its_headline(tmp_path: Path) -> None:
    """``경인일보 :: 제목`` (older sites put their name first): the headline in a layout table's
    ``<font><b>`` is the title, the line below it the deck, not body text."""
    body = (
        "<table><tr><td><font size=4><b>무료 교통카드, 내년부터 발급</b></font></td></tr>"
        "<tr><td><font size=2>65세 이상 160만 명 혜택</font></td></tr>"
        f"<tr><td><font size=2>{LEAD}<br><br>{MORE}<br><br>{LAST}</font></td></tr></table>"
    )
    doc = _doc(tmp_path, body, "<title>예시일보 :: 무료 교통카드, 내년부터 발급</title>")
    assert doc.meta.title == "무료 교통카드, 내년부터 발급"
    assert doc.meta.subtitles == ["65세 이상 160만 명 혜택"]
    assert [b.text for b in doc.blocks] == [LEAD, MORE, LAST]
    # a leading word that is not a site's name stays in the title
    assert _doc(tmp_path, f"<p>{LEAD}</p>", "<title>속보 | 교통카드 무료로</title>").meta.title == (
        "속보 | 교통카드 무료로"
    )


def test_a_page_without_site_meta_is_published_by_the_site_its_title_names(tmp_path: Path) -> None:
    """``<title>HEADLINE - SITE, tagline</title>`` over the headline the page shows: the site is the
    publisher when no meta names one; a title that does not begin with the headline names nobody."""
    body = f"<h1>청람호</h1><p>{LEAD}</p><p>{MORE}</p>"
    doc = _doc(tmp_path, body, "<title>청람호 - 위키백과, 우리 모두의 백과사전</title>")
    assert (doc.meta.title, doc.meta.publisher) == ("청람호", "위키백과")
    other = _doc(tmp_path, body, "<title>위키백과, 우리 모두의 백과사전</title>")
    assert other.meta.publisher is None
    meta = "<title>청람호 - 위키백과</title><meta property='og:site_name' content='나무위키'>"
    assert _doc(tmp_path, body, meta).meta.publisher == "나무위키"


def test_json_ld_author_and_publisher_given_by_reference_are_read(tmp_path: Path) -> None:
    """A ``@graph`` whose article names its publisher and author by ``@id`` (as Yoast and other
    plugins write it): the nodes referred to name them."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"NewsArticle","headline":"제목","datePublished":"2026-12-07T10:00:00+09:00",'
        '"author":{"@id":"#writer"},"publisher":{"@id":"#org"}},'
        '{"@type":"Organization","@id":"#org","name":"가람일보"},'
        '{"@type":"Person","@id":"#writer","name":"최유나"}]}</script>'
    )
    doc = _doc(
        tmp_path,
        "<article><h1>제목</h1><p>서울시는 내년부터 창업 지원금을 늘린다고 밝혔다.</p></article>",
        ld,
    )
    assert [a.name for a in doc.meta.authors] == ["최유나"]
    assert doc.meta.publisher == "가람일보"


def test_decks_become_subtitles(tmp_path: Path) -> None:
    body = (
        "<header><h1>무료 교통카드 발급</h1><h2 class='sub-headline'>65세 이상 160만 명 혜택</h2></header>"
        f"<article><p>{LEAD}</p><p>{MORE}</p></article>"
    )
    assert _doc(tmp_path, body).meta.subtitles == ["65세 이상 160만 명 혜택"]
    naver = (
        "<h2 id='title_area'>무료 교통카드 발급</h2><article id='dic_area'>"
        "<strong class='media_end_summary'>65세 이상 160만 명 혜택<br>주민센터에서 신청</strong>"
        f"[예시일보 홍길동 기자] {LEAD}<br><br>{MORE}</article>"
    )
    doc = _doc(tmp_path, naver)
    assert doc.meta.subtitles == ["65세 이상 160만 명 혜택", "주민센터에서 신청"]
    assert doc.blocks[0].text == LEAD  # the deck is not glued to the lead


def test_text_after_the_body_is_body_or_recorded(tmp_path: Path) -> None:
    body = (
        f"<h1>무료 교통카드 발급</h1><article><p>{LEAD}</p><p>{MORE}</p></article><p>{LAST}</p>"
        "<div class='ranking'><ol><li>많이 본 뉴스 하나</li></ol></div>"
    )
    doc = _doc(tmp_path, body)
    assert [b.text for b in doc.blocks] == [LEAD, MORE, LAST]
    assert ("html.outside-article", "많이 본 뉴스 하나") in {(r.rule, r.text) for r in doc.removed}
    split = (
        f"<h1>무료 교통카드 발급</h1><div class='article_body'><p>{LEAD}</p><p>{MORE}</p></div>"
        "<div class='ad'>광고</div>"
        f"<div class='article_body'><p>{LAST} 신청서는 누리집에서도 받는다.</p></div>"
    )
    assert [b.text for b in _doc(tmp_path, split).blocks][-1].startswith(LAST)


def test_inline_marks_links_and_languages(tmp_path: Path) -> None:
    body = (
        "<h1>무료 교통카드 발급</h1><article><p><b>서울시가</b> 내년부터 <i>65세 이상</i> 시민에게 "
        "<a href='https://seoul.example/notice'>교통카드</a>를 <a href='javascript:alert(1)'>무료로</a> "
        "<a href=' JaVaScRiPt:alert(1)'>발급</a>한다고 <a href='data:text/html,x'>23일</a> "
        "<a href='/local'>밝혔다</a>. <span lang='en'>Free transit card</span> "
        "<ruby>漢字<rp>(</rp><rt>한자</rt><rp>)</rp></ruby></p></article>"
    )
    doc = _doc(tmp_path, body)
    found = _all_runs(doc)
    links = [r for r in found if isinstance(r, Link)]
    assert [(link.href, link.text) for link in links] == [("https://seoul.example/notice", "교통카드")]
    assert "무료로 발급한다고 23일 밝혔다." in doc.blocks[0].text  # text of dropped links kept
    assert [r.lang for r in found if isinstance(r, Span)] == ["en"]
    assert [(r.base, r.annotation) for r in found if isinstance(r, Ruby)] == [("漢字", "한자")]


def test_relative_links_resolve_against_the_page_address(tmp_path: Path) -> None:
    head = "<meta property='og:url' content='https://news.example/a/1'>"
    doc = _doc(
        tmp_path, f"<h1>교통카드 발급 안내</h1><article><p>{LEAD} <a href='/b/2'>관련</a></p></article>", head
    )
    assert [r.href for r in _all_runs(doc) if isinstance(r, Link)] == ["https://news.example/b/2"]


def test_line_breaks_in_a_paragraph_and_in_a_container(tmp_path: Path) -> None:
    body = (
        f"<h1>무료 교통카드 발급</h1><article><p>{LEAD}<br>{MORE}</p>"
        f"<div>{LAST}<br>{SECOND}</div><p>{THIRD}<br><br>{FOURTH}</p></article>"
    )
    blocks = _doc(tmp_path, body).blocks
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].content == [Text(value=LEAD), LineBreak(), Text(value=MORE)]
    assert [b.text for b in blocks[1:]] == [LAST, SECOND, THIRD, FOURTH]


def test_tables_of_content_and_layout_tables(tmp_path: Path) -> None:
    data = (
        "<table><tr><th>구분</th><th>2024</th></tr><tr><td>서울</td><td>10</td></tr>"
        "<tr><td>부산</td><td>10</td></tr><tr><td>대구</td></tr></table>"
    )
    layout = (
        "<table><tr><td><img src='p.jpg'></td></tr>"
        "<tr><td>서울 시내의 한 주민센터에서 시민들이 교통카드를 받고 있다. 연합뉴스</td></tr></table>"
    )
    doc = _doc(
        tmp_path, f"<h1>무료 교통카드 발급</h1><article><p>{LEAD}</p>{data}{layout}<p>{MORE}</p></article>"
    )
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [[c.text for c in row.cells] for row in table.body] == [["서울", "10"], ["부산", "10"], ["대구"]]
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.text.startswith("서울 시내의") and figure.credit == "연합뉴스"
    assert sum(isinstance(b, Table) for b in doc.blocks) == 1


def test_lists_flat_and_nested(tmp_path: Path) -> None:
    body = (
        f"<h1>무료 교통카드 발급</h1><article><p>{LEAD}</p><ol><li>신분증</li><li>사진</li></ol>"
        "<ul><li>서울<ul><li>강남구</li></ul></li><li>부산</li></ul></article>"
    )
    lists = [b for b in _doc(tmp_path, body).blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lists[0].items] == ["신분증", "사진"] and lists[0].ordered
    inner = lists[1].items[0].blocks[1]
    assert isinstance(inner, ListBlock) and inner.items[0].text == "강남구"


def test_lists_nested_past_the_limit_are_one_clear_error(tmp_path: Path) -> None:
    deep = "".join(f"<ul><li>{i}단계" for i in range(100)) + "</li></ul>" * 100
    with pytest.raises(InputError, match="nested more than 32 deep") as error:
        _read(tmp_path, f"<h1>무료 교통카드 발급</h1><article><p>{LEAD}</p>{deep}</article>")
    assert "\n" not in str(error.value)
    ok = "".join(f"<ul><li>{i}단계" for i in range(20)) + "</li></ul>" * 20
    text = "\n".join(
        b.text for b in _doc(tmp_path, f"<h1>교통카드</h1><article><p>{LEAD}</p>{ok}</article>").blocks
    )
    assert all(f"{i}단계" in text for i in range(20))


def test_figures_take_their_image_from_the_saved_page_folder(tmp_path: Path) -> None:
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    body = (
        "<h1>무료 교통카드 발급</h1><article>"
        "<figure><img src='./page_files/photo.jpg' alt='교통카드'><figcaption>주민센터 창구."
        "<span class='credit'>사진=예시일보</span></figcaption></figure>"
        f"<p>{LEAD}</p><div class='photo'><img src='data:image/gif;base64,R0lGOD' data-src='https://img.example/2.jpg'>"
        f"<em class='img_desc'>교통카드 견본.</em></div><p>{MORE}</p></article>"
    )
    doc = _doc(tmp_path, body)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.src, f.text, f.credit) for f in figures] == [
        ("page_files/photo.jpg", "주민센터 창구.", "예시일보"),
        (None, "교통카드 견본.", None),  # only on the web: not fetched, recorded
    ]
    assert ("html.image", "https://img.example/2.jpg") in {(r.rule, r.text) for r in doc.removed}


def test_an_image_grid_with_one_caption_is_one_figure_unless_its_images_are_saved(tmp_path: Path) -> None:
    """A grid of two photos under one caption: saved, each image is a figure and the caption goes
    with the last; not saved, the caption is one figure and both images are recorded as removed
    (two figures would leave one with neither image nor caption)."""
    grid = (
        "<figure class='imagegridblock'><div><img src='page_files/a.jpg'><img src='page_files/b.jpg'></div>"
        "<figcaption>왼쪽이 신청서, 오른쪽이 교통카드</figcaption></figure>"
    )
    body = f"<h1>무료 교통카드 발급</h1><article><p>{LEAD}</p>{grid}<p>{MORE}</p></article>"
    unsaved = _doc(tmp_path, body)
    assert [(f.src, f.text) for f in unsaved.blocks if isinstance(f, Figure)] == [
        (None, "왼쪽이 신청서, 오른쪽이 교통카드")
    ]
    assert sum(r.rule == "html.image" for r in unsaved.removed) == 2
    (tmp_path / "page_files").mkdir()
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / "page_files" / name).write_bytes(b"\xff\xd8\xff")
    saved = _doc(tmp_path, body)
    assert [(f.src, f.text) for f in saved.blocks if isinstance(f, Figure)] == [
        ("page_files/a.jpg", ""),
        ("page_files/b.jpg", "왼쪽이 신청서, 오른쪽이 교통카드"),
    ]


def test_hidden_text_is_not_text_and_chrome_has_a_line(tmp_path: Path) -> None:
    body = (
        "<nav><a href='/'>홈</a> <a href='/s'>사회</a></nav><h1>무료 교통카드 발급</h1>"
        f"<article><p>{LEAD}</p><p hidden>숨은 글</p><p style='display:none'>숨은 글</p>"
        "<script>var 숨은글 = 1;</script><button>공유하기</button></article>"
    )
    raw = _read(tmp_path, body)
    everything = [sl.text for sl in raw.lines] + [r.text for r in raw.removed]
    assert not any("숨은" in text for text in everything)
    chrome = {(r.rule, r.text, r.line) for r in raw.removed}
    assert ("html.outside-article", "홈 사회", 1) in chrome
    assert ("html.interface", "공유하기", 1) in chrome


def test_ragged_big_tables_and_unclosed_marks_read(tmp_path: Path) -> None:
    rows = "".join(f"<tr><th>{r}행</th>" + "<td>값</td>" * 49 + "</tr>" for r in range(100))
    ragged = "<tr><th>가</th><th>나</th></tr><tr><td>1</td></tr><tr><td>1</td><td>2</td><td>3</td></tr>"
    body = (
        f"<h1>무료 교통카드 발급</h1><article><p><b>{LEAD}<p><i>{MORE}</p>"
        f"<table>{rows}</table><table>{ragged}</table></article>"
    )
    doc = _doc(tmp_path, body)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert sum(len(row.cells) for row in tables[0].body) == 5_000  # every repeated "값" kept
    assert [len(row.cells) for row in tables[1].body] == [1, 3]
    assert LEAD in doc.blocks[0].text and MORE in doc.blocks[1].text
    huge = "".join("<tr>" + "<td>값</td>" * 100 + "</tr>" for r in range(100))
    with pytest.raises(InputError, match="a table has more than 5000 cells"):
        _read(tmp_path, f"<h1>교통카드</h1><article><p>{LEAD}</p><table>{huge}</table></article>")


def test_marks_nested_thousands_deep_read_as_one_mark_or_one_error(tmp_path: Path) -> None:
    """Found by bench/fuzz.py: 2,000 nested <b> (inside the element-depth limit) overflowed the
    IR's recursive text walks. The same mark inside itself is that mark once; different marks
    nested past --max-nesting are one error line."""
    from bookmaker.ir import Strong
    from bookmaker.limits import Limits

    bold = tmp_path / "bold.html"
    head = "<html><body><article><h1>깊은 굵기 시험</h1><p>첫 문단은 평범한 문장입니다.</p><p>"
    bold.write_text(head + "<b>" * 2000 + "굵은 본문 문장입니다.</p></article>", "utf-8")
    doc = normalize(read(bold, limits=Limits(max_depth=5000)))
    runs = doc.blocks[-1].content
    assert doc.blocks[-1].text == "굵은 본문 문장입니다." and isinstance(runs[0], Strong)
    assert not any(isinstance(run, Strong) for run in runs[0].content)
    mixed = tmp_path / "mixed.html"
    spans = '<span lang="en">x <span lang="ja">' * 40
    mixed.write_text(head + spans + "본문 문장입니다.</p></article>", "utf-8")
    with pytest.raises(InputError, match=r"mixed\.html: line 1: .*nested more than 32 deep"):
        read(mixed, limits=Limits(max_depth=5000))


def test_a_byline_known_by_its_mailto_link_and_a_copyright_box_of_any_copy_class(tmp_path: Path) -> None:
    body = (
        "<header><div class='logo'>예시방송</div>"
        "<nav><a href='mailto:webmaster@example.tv'>문의 기자</a></nav></header>"
        "<div class='article_header'><h3 class='article_main_tit'>무료 교통카드, 내년부터 발급</h3>"
        "<div class='w_left'><a class='ra_name'>정다은 기자</a> "
        "<a href='mailto:dan@example.tv'>dan@example.tv</a></div>"
        "</div>"
        f"<div class='text_area' itemprop='articleBody'><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div>"
        "<div class='article_copy'>Copyright Ⓒ 예시방송. All rights reserved. 무단 전재 금지</div>"
        "<div class='link_copy'><button>링크 복사</button></div>"
    )
    doc = _doc(tmp_path, body)
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [("정다은", "기자", "dan@example.tv")]
    assert doc.meta.rights == "Copyright Ⓒ 예시방송. All rights reserved. 무단 전재 금지"
    assert [b.text for b in doc.blocks] == [LEAD, MORE, LAST]


def test_text_of_a_box_keeps_its_blocks_apart(tmp_path: Path) -> None:
    """A box's text read whole (a copyright footer, a title box) has a space where one block or
    line ends and the next begins, and none inside a block."""
    footer = (
        "<footer><p>예시일보 서울시 중구 세종대로 1 전화 02-000-1234</p><p>Copyright 예시일보</p></footer>"
    )
    doc = _doc(tmp_path, f"<article><h1>무료 교통카드 발급</h1><p>{LEAD}</p><p>{MORE}</p></article>{footer}")
    assert doc.meta.rights == "Copyright 예시일보"  # the footer's copyright paragraph alone
    assert any(r.text == doc.meta.rights and r.rule == "html.rights" for r in doc.removed)
    address = [r.text for r in doc.removed if "02-000-1234" in r.text]
    assert address == ["예시일보 서울시 중구 세종대로 1 전화 02-000-1234"]  # nothing glued to it
    box = "<div class='copyright'>주소 1234<br>ⓒ <b>예시</b>일보</div>"
    split = _doc(tmp_path, f"<article><h1>무료 교통카드 발급</h1><p>{LEAD}</p><p>{MORE}</p></article>{box}")
    assert split.meta.rights == "주소 1234 ⓒ 예시일보"
