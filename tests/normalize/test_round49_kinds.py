"""Failure kinds from held-out round 49 (a 나무위키 page saved as HTML; a game's patch-notes post on
its official board; a home-interior platform's 집들이 post copied as text), each on a small made-up
input shaped like the real ones."""

from __future__ import annotations

import base64
from pathlib import Path

from bookmaker.ir import Figure, Footnote, Heading, ListBlock, Paragraph, Source, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.image_alt import is_file_name
from bookmaker.readers.image_spacer import is_spacer
from tests.helpers import unaccounted_lines
from tests.normalize.test_real_shapes import body, norm, read_page, removed

_PARA = "가람 도시철도 2호선의 역으로, 원도심 광장 지하에 있으며 주말에는 2번 출구 쪽이 붐빈다."

# --- a wiki's infobox with bold labels ----------------------------------------------------------------

_SPACER = (
    "data:image/svg+xml;base64,"
    + base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="267"></svg>').decode()
)


def _cell(text: str, bold: bool = False) -> str:
    inner = f"<strong>{text}</strong>" if bold else text
    return f"<td><div class='wiki-paragraph'>{inner}</div></td>"


def _infobox(pairs: int) -> str:
    rows = [
        "<tr><td colspan='2'><strong>한빛역</strong><br><span>Hanbit Station</span></td></tr>",
        f"<tr><td colspan='2'><img src='{_SPACER}'>"
        "<img data-src='//img.example/a.webp' alt='한빛역 2번 출구.jpg'></td></tr>",
    ]
    labels = [
        ("소재지", "가람광역시 중구 한빛로 210"),
        ("운영 기관", "가람교통공사"),
        ("개업일", "2009년 3월 17일"),
    ]
    rows += [f"<tr>{_cell(k, True)}{_cell(v)}</tr>" for k, v in labels[:pairs]]
    return "<table class='wiki-table'><tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n"


def test_a_table_of_bold_labels_with_a_photo_is_an_infobox_its_title_row_the_header(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n{_infobox(3)}<p>{_PARA}</p>\n</article>")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert len(tables[0].head) == 1 and len(tables[0].body) == 3  # the photo's row left out
    assert not any(isinstance(b, Figure) for b in doc.blocks)  # the photo is not saved; a spacer is none
    assert "Hanbit Station" not in doc.meta.subtitles


def test_an_infobox_photos_file_name_is_no_caption(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n{_infobox(3)}<p>{_PARA}</p>\n</article>")
    assert ".jpg" not in body(doc)
    assert is_file_name("한빛역 2번 출구.jpg") and is_file_name("IMG_2041.jpeg")
    assert not is_file_name("2번 출구 앞 광장에 모인 시민들")


def test_an_empty_inline_svg_is_a_spacer_and_a_drawing_is_not() -> None:
    assert is_spacer(_SPACER)
    assert is_spacer("data:image/svg+xml,%3Csvg%20width%3D%22400%22%3E%3C%2Fsvg%3E")
    drawing = base64.b64encode(b'<svg width="10" height="10"><rect width="10" height="10"/></svg>').decode()
    assert not is_spacer("data:image/svg+xml;base64," + drawing)
    assert not is_spacer("data:image/png;base64,iVBORw0KGgo=")


def test_two_bold_label_rows_with_a_photo_stay_layout(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n{_infobox(2)}<p>{_PARA}</p>\n</article>")
    assert not any(isinstance(b, Table) for b in doc.blocks)


# --- a wiki's folded section, footnotes and footer ------------------------------------------------------

_FOLDED = (
    "<dl class='wiki-folding'><dt>[ 펼치기 · 접기 ]</dt><dd style='display:none'>"
    "<div class='wiki-paragraph'>환승 통로가 생긴 2023년 이후 하루 이용객이 2만 명을 넘었다.</div></dd></dl>"
)


def test_a_folded_sections_hidden_text_is_opened_and_its_button_removed(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n<p>{_PARA}</p>\n{_FOLDED}\n</article>")
    assert "하루 이용객이 2만 명을 넘었다" in body(doc)
    assert "펼치기" not in body(doc)
    assert removed(doc).get("[ 펼치기 · 접기 ]") == "html.fold-label"


def test_a_hidden_definition_without_a_fold_button_stays_hidden(tmp_path: Path) -> None:
    hidden = "<dl><dt>용어</dt><dd style='display:none'>숨은 설명이 들어 있는 칸이다.</dd></dl>"
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n<p>{_PARA}</p>\n{hidden}\n</article>")
    assert "숨은 설명" not in body(doc)


_NAMU_NOTES = (
    "<div class='wiki-paragraph'>역명은 광장의 이름에서 따왔다.<a class='wiki-fn-content' title='시민 공모' "
    "href='#fn-1'><span id='rfn-1'></span>[1]</a> 광장은 2008년에 문을 열었다.</div>"
    "\n<div class='wiki-macro-footnote'><span class='footnote-list'><span id='fn-1' class='target'></span>"
    "<a href='#rfn-1'>[1]</a> 광장 이름은 2008년 시민 공모로 정해졌다.</span></div>"
)


def test_namu_footnotes_are_references_and_notes(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n<p>{_PARA}</p>\n{_NAMU_NOTES}\n</article>")
    notes = [b for b in doc.blocks if isinstance(b, Footnote)]
    assert len(notes) == 1
    assert "시민 공모로 정해졌다" in notes[0].text
    assert "[1]" not in body(doc)


def test_a_wikis_contributor_and_edit_notices_go() -> None:
    _, doc = norm(
        "한빛역",
        "",
        _PARA,
        "",
        "기여하신 문서의 저작권은 각 기여자에게 있으며, 각 기여자는 기여하신 부분의 저작권을 갖습니다.",
        "나무위키는 위키위키입니다. 여러분이 직접 문서를 고칠 수 있으며, 다른 사람의 의견을 원할 경우 "
        "직접 토론을 발제할 수 있습니다.",
    )
    assert "기여자" not in body(doc)
    assert "위키위키" not in body(doc)


# --- a time element in UTC that shows Korean time ---------------------------------------------------------


def test_a_utc_time_element_showing_korean_time_is_read_as_korean_time(tmp_path: Path) -> None:
    shown = "<div>최근 수정 시각: <time datetime='2026-11-28T03:41:09.000Z'>2026-11-28 12:41:09</time></div>"
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n{shown}\n<p>{_PARA}</p>\n</article>")
    assert doc.meta.date == "2026-11-28T12:41:09+09:00"


def test_a_utc_time_element_showing_a_relative_time_keeps_its_zone(tmp_path: Path) -> None:
    shown = "<div>opened <relative-time datetime='2026-11-28T03:41:09Z'>3 days ago</relative-time></div>"
    _, doc = read_page(tmp_path, f"<article>\n<h1>한빛역</h1>\n{shown}\n<p>{_PARA}</p>\n</article>")
    assert doc.meta.date == "2026-11-28T03:41:09+00:00"


# --- a patch-notes post ---------------------------------------------------------------------------------

_NOTICE_TOP = (
    "<article>\n<h1>12월 10일 정기 점검 안내</h1>\n"
    "<p>정기 점검 내용을 안내해 드립니다. 이용에 참고해 주세요.</p>\n"
)


def test_a_time_span_under_a_heading_is_its_text_not_a_heading(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        _NOTICE_TOP + "<h4>■ 점검 일시</h4>\n<p>2026년 12월 10일(수) 오전 6시 ~ 오전 10시 (4시간)</p>\n"
        "<p>※ 점검 시간은 작업 상황에 따라 연장될 수 있습니다.</p>\n</article>",
        "<title>12월 10일 정기 점검 안내</title>",
    )
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["■ 점검 일시"]
    assert any(isinstance(b, Paragraph) and "오전 6시 ~ 오전 10시" in b.text for b in doc.blocks)


def test_a_short_named_line_over_prose_is_still_a_heading(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        _NOTICE_TOP + "<p>점검 보상 안내</p>\n"
        "<p>점검 시간 동안 게임을 이용하지 못한 모든 분께 보상을 우편으로 보내 드립니다.</p>\n</article>",
        "<title>12월 10일 정기 점검 안내</title>",
    )
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["점검 보상 안내"]


def _byline_doc(name: str) -> list[tuple[str, str | None]]:
    lines = [
        SourceLine("12월 10일 정기 점검 및 업데이트 안내", 1, "title"),
        SourceLine(name, 2, "byline"),
        SourceLine("2026.12.09 18:00", 2, "date"),
        SourceLine("안녕하세요. 가람온라인입니다. 정기 점검 및 업데이트 내용을 안내해 드립니다.", 4),
    ]
    raw = RawDocument(lines, Source(format="html"))
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    return [(a.name, a.role) for a in doc.meta.authors]


def test_a_game_masters_handle_in_the_byline_markup_is_the_author() -> None:
    assert _byline_doc("GM한빛") == [("GM한빛", None)]
    assert _byline_doc("CM 하람") == [("CM 하람", None)]


def test_byline_markup_of_an_outlets_words_names_no_one() -> None:
    assert _byline_doc("가람온라인 공식 홈페이지 운영팀 안내") == []


# --- a platform's post copied as text ------------------------------------------------------------------


def _post(*tail: str, grid: bool = True, bar: bool = True) -> list[str]:
    info = (
        ["주거형태", "아파트", "평수", "24평", "가족형태", "신혼부부", "예산", "2,800만 원"] if grid else []
    )
    counters = ["좋아요 1,204", "스크랩 2,381", "댓글 46", "공유"] if bar else []
    return [
        "한집살림",
        "커뮤니티",
        "쇼핑",
        "온라인 집들이",
        "24평 구축 아파트, 신혼부부의 수납 중심 리모델링",
        "리모델링 | 가람시 한빛구",
        "솔솔하우스",
        "2026년 12월 2일",
        "팔로우",
        *info,
        "안녕하세요! 결혼 1년 차 신혼부부입니다. 지은 지 27년 된 아파트를 6주 동안 고쳤어요.",
        "현관",
        "상품 태그 보기",
        "신발장을 천장까지 짜 넣고 아래쪽을 비워 간접등을 달았더니 훨씬 넓어 보여요.",
        "거실",
        "한쪽 벽 전체를 수납장으로 채우고 문을 모두 무광 화이트로 맞췄어요.",
        "주방",
        "상부장을 없애는 대신 키 큰 장을 두 칸 넣어서 수납량은 오히려 늘었어요.",
        *counters,
        *tail,
    ]


_TAIL = (
    "이 집들이에 나온 상품",
    "바른가구 슬림 3연동 중문",
    "389,000원",
    "한빛맘",
    "거실 수납장 문 어디서 맞추셨는지 알 수 있을까요?",
    "3일 전",
    "답글 달기",
    "Copyright 2026. hanjipsallim Inc. All rights reserved.",
)


def test_a_platform_posts_title_writer_and_service() -> None:
    _, doc = norm(*_post(*_TAIL))
    assert doc.meta.title == "24평 구축 아파트, 신혼부부의 수납 중심 리모델링"
    assert doc.meta.subtitles == []
    assert [a.name for a in doc.meta.authors] == ["솔솔하우스"]
    assert doc.meta.publisher == "한집살림"
    assert removed(doc)["리모델링 | 가람시 한빛구"] == "post.meta"


def test_a_platform_posts_info_grid_is_one_list_of_labelled_values() -> None:
    _, doc = norm(*_post(*_TAIL))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [item.text for item in lists[0].items] == [
        "주거형태: 아파트",
        "평수: 24평",
        "가족형태: 신혼부부",
        "예산: 2,800만 원",
    ]


def test_a_platform_posts_part_labels_are_headings_and_its_buttons_and_tail_go() -> None:
    _, doc = norm(*_post(*_TAIL))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["현관", "거실", "주방"]
    text = body(doc)
    for gone in ("상품 태그 보기", "좋아요", "389,000원", "한빛맘", "답글 달기", "팔로우"):
        assert gone not in text
    assert "수납량은 오히려 늘었어요." in text


def test_a_platform_post_without_a_grid_is_read_too() -> None:
    _, doc = norm(*_post(*_TAIL, grid=False))
    assert [a.name for a in doc.meta.authors] == ["솔솔하우스"]
    assert "한빛맘" not in body(doc)


def test_a_writer_card_without_an_engagement_bar_is_no_platform_post() -> None:
    _, doc = norm(*_post(grid=True, bar=False))
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert "post.footer" not in removed(doc).values()


def test_a_date_in_an_infobox_stays_in_its_table(tmp_path: Path) -> None:
    """(A guard: the page's date is not looked for in a data table's cells; the fixture ho49-namu-wiki-saved
    is the case that lost its 개업일.)"""
    box = (
        "<table><tbody>\n"
        "<tr><td><strong>소재지</strong></td><td>가람광역시 중구</td></tr>\n"
        "<tr><td><strong>운영 기관</strong></td><td>가람교통공사</td></tr>\n"
        "<tr><td><strong>개업일</strong></td><td>2009년 3월 17일</td></tr>\n"
        "</tbody></table>\n"
    )
    parts = "".join(
        f"<h2>{n}. 부분</h2>\n<div class='part'>\n<div>{n}번째 문단이다. {_PARA}</div>\n</div>\n"
        for n in range(1, 4)
    )
    page = f"<div>\n<h1>한빛역</h1>\n<div class='wiki-content'>\n{box}{parts}</div>\n</div>"
    raw, doc = read_page(tmp_path, page, "<title>한빛역</title>")
    assert not [sl for sl in raw.lines if sl.kind == "date"]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and "2009년 3월 17일" in tables[0].text
