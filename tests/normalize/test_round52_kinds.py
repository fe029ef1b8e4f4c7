"""Failure kinds from held-out round 52 (everyday news pages: a results roundup's score lines, a
mobile column's reporter card and toolbars, a regional weekly's ad blocks and boxed call for
letters), each on a small made-up input."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import ListBlock
from tests.normalize.test_real_shapes import body, removed
from tests.normalize.test_round15_shapes import read_text

_LEAD = "프로배구 흥국생명이 7일 열린 경기에서 GS칼텍스를 꺾고 8연승을 달렸다. 리그 선두도 지켰다."
_MORE = "2위 현대건설은 정관장에 덜미를 잡혀 승점 차가 6으로 벌어졌다. 다음 경기는 10일 열린다."


def _page(
    *middle: str,
    head: tuple[str, ...] = ("흥국생명 8연승…선두 굳히기", "입력 2026.12.07 21:10", "한지민 기자"),
) -> str:
    return "\n".join([*head, "", _LEAD, "", *middle, "", _MORE, ""])


def test_three_score_lines_in_a_row_are_one_list(tmp_path: Path) -> None:
    _, doc = read_text(
        tmp_path,
        _page(
            "◇ 7일 전적",
            "흥국생명 3-1 GS칼텍스 (인천삼산월드체육관)",
            "정관장 3대2 현대건설",
            "IBK기업은행 0:3 도로공사",
        ),
    )
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert "정관장 3대2 현대건설" in body(doc)


def test_two_score_lines_or_a_sentence_with_a_score_stay_paragraphs(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _page("흥국생명 3-1 GS칼텍스", "정관장 3대2 현대건설"))
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    _, doc = read_text(
        tmp_path, _page("흥국생명은 세트스코어 3-1로 이겼다.", "정관장 3대2 현대건설", "도로공사 0:3 IBK")
    )
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_a_portrait_alt_text_over_the_byline_takes_the_cards_desk_and_follow_lines(tmp_path: Path) -> None:
    head = (
        "[기자수첩] 키오스크 앞에서 멈춘 포용",
        "",
        "기자 사진",
        "최하늘 기자",
        "사회부",
        "기자 페이지 구독 1,204",
        "",
        "2026.12.07 06:00",
    )
    _, doc = read_text(tmp_path, _page(head=head))
    assert [(a.name, a.role) for a in doc.meta.authors] == [("최하늘", "기자")]
    assert {"기자 사진", "사회부", "기자 페이지 구독 1,204"} <= set(removed(doc))
    assert removed(doc)["기자 사진"] == "boilerplate.profile"
    assert doc.meta.title == "키오스크 앞에서 멈춘 포용"


def test_a_desk_line_under_a_byline_without_a_portrait_is_left_alone(tmp_path: Path) -> None:
    head = ("키오스크 앞에서 멈춘 포용", "최하늘 기자", "사회부", "", "2026.12.07 06:00")
    _, doc = read_text(tmp_path, _page(head=head))
    assert removed(doc).get("사회부") != "boilerplate.profile"


def test_short_menu_runs_over_prose_paragraphs_are_no_stanzas(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "≡",
            "한누리일보",
            "로그인",
            "",
            "오피니언",
            "기자수첩",
            "",
            "[기자수첩] 키오스크 앞에서 멈춘 포용",
            "",
            "본문 듣기",
            "글자 크기",
            "공유",
            "",
            "지난주 서울 종로의 한 패스트푸드점. 어르신이 주문용 키오스크 앞에서 5분 넘게 서 있었다.",
            "",
            "정부는 고령층 교육 예산을 늘려 왔다. 그런데도 어르신들은 배워도 소용없다고 입을 모은다.",
            "",
            "이 기사를 추천합니다",
            "좋아요 12",
            "슬퍼요 3",
            "",
            "댓글 4",
            "로그인 후 댓글을 작성할 수 있습니다.",
            "",
        ]
    )
    raw, doc = read_text(tmp_path, text)
    assert not any(sl.attrs.get("br_group", "").startswith("verse-") for sl in raw.lines)
    assert doc.meta.title == "키오스크 앞에서 멈춘 포용"


def test_a_poem_with_a_short_note_keeps_its_stanzas(tmp_path: Path) -> None:
    stanzas = [
        "산에는 꽃 피네",
        "꽃이 피네",
        "",
        "갈 봄 여름 없이",
        "꽃이 피네",
        "",
        "산에",
        "산에",
        "피는 꽃은",
        "",
    ]
    raw, _ = read_text(tmp_path, "\n".join(["산유화", "", *stanzas, "이 시는 1924년에 발표됐다. 짧다.", ""]))
    assert any(sl.attrs.get("br_group", "").startswith("verse-") for sl in raw.lines)


def test_an_ad_label_takes_its_short_copy_lines_up_to_the_blank(tmp_path: Path) -> None:
    ad = ("[광고]", "가온정형외과 개원", "야간진료 화·목 밤 8시까지", "☎ 063-000-1234")
    _, doc = read_text(tmp_path, _page(*ad))
    assert all(removed(doc).get(line) == "boilerplate.ad" for line in ad)
    assert _MORE in body(doc)


def test_an_ad_label_over_a_sentence_keeps_the_sentence(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _page("광고", "이 기사는 가온군의 지원을 받아 작성됐습니다."))
    assert "이 기사는 가온군의 지원을 받아 작성됐습니다." in body(doc)


def test_a_boxed_call_for_letters_goes_whole_and_another_box_loses_only_its_frame(tmp_path: Path) -> None:
    call = (
        "┌──────────",
        "│ 독자투고",
        "│ 가온신문은 독자 여러분의 목소리를 기다립니다.",
        "│ 보내실 곳: news@gaon.kr",
        "└──────────",
    )
    _, doc = read_text(tmp_path, _page(*call))
    assert all(removed(doc).get(line) == "boilerplate.contribute" for line in call)
    info = ("┌──────────", "│ 흥국생명 최근 5경기", "│ 5승 0패, 세트 득실 15-3", "└──────────")
    _, doc = read_text(tmp_path, _page(*info))
    assert removed(doc).get("┌──────────") == "chrome.frame"
    assert "흥국생명 최근 5경기" in body(doc) and "│" not in body(doc)


def test_a_bar_set_comment_counter_beside_a_byline_date_is_no_deck(tmp_path: Path) -> None:
    head = ("가온읍 터미널, 36년 만에 새 자리로", "", "김도윤 기자 | 승인 2026.12.07 09:30 | 댓글 0")
    _, doc = read_text(tmp_path, _page(head=head))
    assert doc.meta.subtitles == []
    assert [a.name for a in doc.meta.authors] == ["김도윤"]


def test_a_weekly_named_in_its_copyright_line_keeps_its_whole_name(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, _page() + "\n<저작권자 © 주간 가온군민신문 무단전재 및 재배포금지>\n")
    assert doc.meta.publisher == "주간 가온군민신문"
