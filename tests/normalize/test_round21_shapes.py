"""Failure kinds from held-out round 21 (a 좌담회 with ▶speaker= turns, a 인사 list of ◇ sections,
<…급> groups and ▲ entries, a correction notice under an article, a photo essay's closing
``/글·사진=`` credit, a sports report's ``[outlet place=reporter]`` dateline and its 문자중계 lines),
each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading, ListBlock, Paragraph
from tests.normalize.test_real_shapes import body, norm, read_page, removed

PROSE = "시는 내년 상반기까지 노후 하수관로 12㎞를 교체하고 침수 취약 지역 3곳에 빗물 저류조를 짓기로 했다."
TITLE = "도심 침수 막는다…노후 하수관 12㎞ 교체"

# --- a 좌담회: ▶speaker= turns, the moderator's credit, a group photo's caption ---------------------


def test_arrowed_speech_turns_are_the_talk_not_promos() -> None:
    _, doc = norm(
        TITLE,
        PROSE,
        "▶사회=하수관 교체가 왜 이렇게 늦어졌나.",
        "▶문지호=예산이 해마다 뒤로 밀렸기 때문이다. 눈에 보이지 않는 시설이라 그렇다.",
        "▶ 네이버에서 뉴스를 구독하세요",
    )
    text = body(doc)
    assert "▶사회=하수관 교체가 왜 이렇게 늦어졌나." in text
    assert "▶문지호=예산이 해마다 뒤로 밀렸기 때문이다." in text
    assert removed(doc)["▶ 네이버에서 뉴스를 구독하세요"] == "boilerplate.promo"  # a promo still is one


def test_moderator_credit_is_no_byline() -> None:
    byline = "권나래 기자 nrkwon@example.co.kr"
    _, doc = norm(TITLE, PROSE, "사회=최윤서 경제부장", PROSE.replace("12㎞", "9㎞"), byline)
    assert [a.name for a in doc.meta.authors] == ["권나래"]
    assert "사회=최윤서 경제부장" in body(doc)


def test_label_word_over_entries_is_their_heading() -> None:
    entries = "▲문지호 도시연구원 연구위원 ▲배수아 환경공학과 교수"
    _, doc = norm(TITLE, PROSE, "참석자", entries, PROSE.replace("12㎞", "9㎞"))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Heading", "ListBlock", "Paragraph"]
    assert doc.blocks[1].text == "참석자"


def test_label_word_over_prose_stays_a_paragraph() -> None:
    _, doc = norm(TITLE, PROSE, "참석자", PROSE.replace("12㎞", "9㎞"))
    assert not any(isinstance(b, Heading) for b in doc.blocks)


# --- a 인사 list -------------------------------------------------------------------------------------


def test_personnel_sections_groups_and_entries_are_no_decks() -> None:
    _, doc = norm(
        "[인사] 국토교통부",
        "◇ 국토교통부",
        "<국장급>",
        "▲ 도시정책관 문가람",
        "▲ 주택정책관 서태윤",
        "◇ 해양수산부",
        "▲ 해운물류국장 진소율 ▲ 어촌어항정책관 하도겸",
    )
    assert doc.meta.subtitles == []
    shapes = [(type(b).__name__, b.text if isinstance(b, Heading) else "") for b in doc.blocks]
    assert shapes == [
        ("Heading", "국토교통부"),
        ("Heading", "국장급"),
        ("ListBlock", ""),
        ("Heading", "해양수산부"),
        ("ListBlock", ""),
    ]
    assert [len(b.items) for b in doc.blocks if isinstance(b, ListBlock)] == [2, 2]


def test_a_deck_under_the_title_is_still_a_deck() -> None:
    _, doc = norm(TITLE, "빗물 저류조 3곳 신설…2027년 완공", PROSE)
    assert doc.meta.subtitles == ["빗물 저류조 3곳 신설…2027년 완공"]


# --- a correction notice under the article -----------------------------------------------------------

CORRECTION = "애초 기사에서 교체 구간을 ‘21㎞’로 적었으나 ‘12㎞’가 맞아 바로잡습니다."


def test_correction_label_over_its_note_at_the_end() -> None:
    _, doc = norm(TITLE, PROSE, "권나래 기자 nrkwon@example.co.kr", "바로잡습니다", CORRECTION)
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "correction" and last.text == CORRECTION
    assert removed(doc)["바로잡습니다"] == "roles.correction_label"


def test_correction_on_one_line_keeps_its_note() -> None:
    _, doc = norm(TITLE, PROSE, f"[바로잡습니다] {CORRECTION}")
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "correction" and last.text == CORRECTION


def test_correction_word_mid_article_is_running_text() -> None:
    _, doc = norm(TITLE, "바로잡습니다", PROSE, PROSE.replace("12㎞", "9㎞"))
    assert all(getattr(b, "role", None) is None for b in doc.blocks)


# --- a photo essay's closing credit ---------------------------------------------------------------


def test_closing_writer_photographer_credit_is_the_byline() -> None:
    _, doc = norm(TITLE, PROSE, "/글·사진=권나래기자 nrkwon@example.co.kr")
    assert [(a.name, a.email) for a in doc.meta.authors] == [("권나래", "nrkwon@example.co.kr")]
    assert not any(isinstance(b, Figure) for b in doc.blocks)


# --- a sports report: dateline and live text ----------------------------------------------------------


def test_outlet_and_place_before_the_reporter_is_a_dateline(tmp_path: Path) -> None:
    head = "<meta property='og:site_name' content='스포츠누리'><title>x</title>"
    _, doc = read_page(
        tmp_path,
        f"<article><h1>{TITLE}</h1><p>[스포츠누리 인천=도하람 기자] {PROSE}</p></article>",
        head,
    )
    assert doc.meta.dateline == "[스포츠누리 인천=도하람 기자]"
    assert [a.name for a in doc.meta.authors] == ["도하람"]
    assert body(doc) == PROSE


def test_place_after_a_word_that_names_no_outlet_is_no_dateline() -> None:
    _, doc = norm(TITLE, f"[주말 인천=도하람 기자] {PROSE}")
    assert doc.meta.dateline is None


def test_minute_stamped_lines_are_one_list(tmp_path: Path) -> None:
    live = "<br>".join(
        ["전반 12분 인천 무고사의 슛이 골대를 맞습니다.", "후반 3분 수원 선제골! 1-0.", "후반 44분 종료."]
    )
    _, doc = read_page(tmp_path, f"<article><h1>{TITLE}</h1><p>{PROSE}</p><p>{live}</p></article>")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3]
    assert lists[0].items[1].blocks[0].text == "후반 3분 수원 선제골! 1-0."


def test_two_paragraphs_opened_by_a_minute_stay_prose() -> None:
    _, doc = norm(
        TITLE,
        "전반 23분 주도권을 쥔 쪽은 홈팀이었다. 측면을 파고든 크로스가 머리에 맞고 골문 구석으로 들어갔다.",
        "후반 7분 원정팀이 균형을 맞췄다. 코너킥 상황에서 수비수가 솟구쳐 헤더로 마무리했다.",
    )
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
