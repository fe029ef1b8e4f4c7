"""Failure kinds from held-out round 28 (news-site templates: an evening daily's desktop page, a
broadcaster's script page, a game webzine's review, a portal's sports copy, an opinion site's 기고,
an IT daily with a table), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading
from bookmaker.normalize.passes.copyright_lines import rights_text
from tests.normalize.test_real_shapes import body, norm, read_page

TITLE = "겨울 간식도 고물가…붕어빵 한 마리 1000원 시대"
PROSE = "서울 마포구의 한 붕어빵 노점은 지난해 3마리 2000원이던 가격표를 올겨울 2마리 2000원으로 바꿨다."
MORE = "통계청에 따르면 지난달 붉은팥 소매가격은 1kg에 1만 5300원으로 1년 전보다 38% 올랐다."
LAST = "편의점과 프랜차이즈는 냉동 붕어빵을 내놓으며 노점의 빈자리를 파고들고 있다."


def _page(tmp_path: Path, inner: str, head: str = "") -> tuple[object, object]:
    return read_page(
        tmp_path, f"<h1 class='title'>{TITLE}</h1><div itemprop='articleBody'>{inner}</div>", head
    )


def test_caption_credits_given_label_archive_and_marked_holder(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        f"<p>{PROSE}</p>"
        "<figure><img src='a.jpg' alt=''><figcaption>오지환이 계약서에 서명한 뒤 단장과 악수하고 있다. "
        "사진제공=LG 트윈스</figcaption></figure>"
        "<figure><img src='b.jpg' alt=''><figcaption>적시타를 친 뒤 세리머니하는 오지환. "
        "스포츠조선DB</figcaption></figure>"
        f"<p>{MORE}</p>"
        "<figure><img src='c.jpg' alt=''><figcaption>학생들이 성적표를 받아 보고 있다. "
        "문화일보 자료사진</figcaption></figure>"
        "<figure><img src='d.jpg' alt=''><figcaption>라이더들이 신호를 기다리고 있다. "
        "ⓒ연합뉴스</figcaption></figure>"
        f"<p>{LAST}</p>",
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.credit for f in figures] == ["LG 트윈스", "스포츠조선DB", "문화일보 자료사진", "연합뉴스"]
    assert not any(w in body(doc) for w in ("사진제공", "DB", "자료사진", "ⓒ"))


def test_prose_ending_in_a_database_word_is_no_caption() -> None:
    line = "이 회사는 고객 정보를 담은 DB를 새로 만들었다."
    _, doc = norm(TITLE, PROSE, line, MORE)
    assert not any(isinstance(b, Figure) for b in doc.blocks) and line in body(doc)


def test_rights_box_with_site_links_and_an_order_telephone() -> None:
    assert (
        rights_text(
            "[ 문화닷컴 바로가기 | 페이스북 | 모바일 웹 ] [Copyrightⓒmunhwa.com '대한민국 오후를 여는 "
            "유일석간 문화일보' 무단 전재 및 재배포 금지(구독신청:02)3701-5555)]"
        )
        == "Copyrightⓒmunhwa.com '대한민국 오후를 여는 유일석간 문화일보' 무단 전재 및 재배포 금지"
    )
    assert (
        rights_text(
            "▶아이뉴스24 주요 뉴스 | ▶네이버에서 아이뉴스24 구독하기 [ⓒ 아이뉴스24 무단전재 및 재배포 금지]"
        )
        == "ⓒ 아이뉴스24 무단전재 및 재배포 금지"
    )
    # a notice with no link box keeps its words, brackets off as before
    assert (
        rights_text("<저작권자 © 한빛일보, 무단전재 및 재배포 금지>")
        == "저작권자 © 한빛일보, 무단전재 및 재배포 금지"
    )


def test_camel_case_deck_and_rights_classes(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<div class='articleHeadTop'><div class='articleTitle'><h1>{TITLE}</h1></div>"
        "<div class='articleSubject'>노점 수는 3년 새 40% 줄어</div>"
        "<div class='articleInfo'><span>정재원 기자 (jjw@inven.example)</span></div></div>"
        f"<div class='contentBody'><p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p></div>"
        "<div class='articleBottom'><div class='articleCopyright'>Copyright ⓒ Inven. 무단전재 및 재배포 금지"
        "</div></div>",
    )
    assert doc.meta.subtitles == ["노점 수는 3년 새 40% 줄어"]
    assert doc.meta.rights == "Copyright ⓒ Inven. 무단전재 및 재배포 금지"


def test_byline_box_with_the_date_names_an_outside_writer(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<div class='view_header'><p class='title'>{TITLE}</p>"
        "<p class='sub_title'>[기고] 가입은 늘었지만 승인은 제자리…입증 책임 덜어야</p>"
        "<div class='byline'><div class='box'><span class='name'>정은영 한빛대학교 사회복지학과 교수</span>"
        "</div><div class='date'>기사입력 2026.12.04. 05:02:11</div></div></div>"
        f"<div class='article_body'><p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>"
        "<p>*이 글은 한빛노동연구소와 프레시안이 함께 기획한 '플랫폼 노동의 오늘' 연속 기고의 세 번째 "
        "글입니다.</p></div>",
    )
    assert [[a.name, a.role] for a in doc.meta.authors] == [["정은영", "교수"]]
    assert doc.meta.series == ["기고"]
    assert doc.meta.subtitles == ["가입은 늘었지만 승인은 제자리…입증 책임 덜어야"]
    assert getattr(doc.blocks[-1], "role", None) == "editor-note"
    assert doc.meta.date is not None and doc.meta.date.startswith("2026-12-04T05:02")


def test_deck_of_a_bracketed_word_alone_is_no_series_split(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h1>{TITLE}</h1><p class='sub_title'>[속보] 12월 첫 주</p>"
        f"<div itemprop='articleBody'><p>{PROSE}</p><p>{MORE}</p></div>",
    )
    assert doc.meta.series == [] and doc.meta.subtitles == ["[속보] 12월 첫 주"]


def test_joint_series_and_fund_notes_are_editors_notes() -> None:
    note = (
        "*이 글은 한빛노동연구소와 프레시안이 함께 기획한 '플랫폼 노동의 오늘' 연속 기고의 세 번째 글입니다."
    )
    _, doc = norm(TITLE, PROSE, MORE, note)
    assert getattr(doc.blocks[-1], "role", None) == "editor-note"
    fund = "이 기사는 지역신문발전위원회 기금을 지원받아 작성됐습니다."
    _, doc = norm(TITLE, PROSE, MORE, fund)
    assert getattr(doc.blocks[-1], "role", None) == "editor-note"
    plain = "이 글은 두 기관이 함께 기획한 연구의 결과를 소개한다."
    _, doc = norm(TITLE, PROSE, plain, MORE)
    assert not any(getattr(b, "role", None) == "editor-note" for b in doc.blocks)


def test_broadcast_interviewee_caption_and_outlet_sign_off(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h3 class='title'>{TITLE}</h3><div class='info'><span class='reporter'>송무빈 기자</span></div>"
        "<div class='article' itemprop='articleBody'><p>[앵커]</p>"
        f"<p>{PROSE}</p><p>[리포트]</p><p>{MORE}</p><p>[박모씨 / 붕어빵 노점 운영]</p>"
        '<p>"팥 한 포대가 작년엔 8만 원이었는데 지금 12만 원 넘어요."</p>'
        f"<p>{LAST}</p><p>TV조선 송무빈입니다.</p></div>",
    )
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert "[박모씨 / 붕어빵 노점 운영]" in body(doc)
    assert "송무빈입니다" not in body(doc)
    assert [a.name for a in doc.meta.authors] == ["송무빈"]
