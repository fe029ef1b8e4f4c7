"""Failure kinds from held-out round 56 (news pages saved as HTML): a page break's bare
continuation mark ("(계속)") between two parts of one story, a translator's note on a column or a
piece ("※ 이 글은 … 칼럼을 번역한 것입니다"), and a foreign writer's byline in Hangul, given name and
surname apart ("토머스 프리드먼 뉴욕타임스 칼럼니스트")."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Heading, Paragraph, Quote
from tests.normalize.test_real_shapes import body, norm, read_page, removed

_HEAD = ("한빛신문", "등대지기의 마지막 겨울", "입력 2026.11.30 06:00", "박서율 기자", "")
_PART_ONE = (
    "섬의 서쪽 끝 등대에는 마흔 해째 불을 켜는 사람이 있다. "
    "올해 예순여덟인 등대지기는 해가 지기 한 시간 전에 계단을 오른다.",
    "",
    "등대는 내년 봄 무인화된다. 그는 그 뒤에도 섬에 남을지 아직 정하지 못했다고 말했다.",
)
_PART_TWO = (
    "섬 주민들은 등대가 꺼지지 않기를 바란다. "
    "한 어민은 밤바다에서 그 불빛을 보면 집에 다 왔다는 생각이 든다고 했다.",
    "",
    "해양수산청은 무인화 뒤에도 등대 건물을 주민 쉼터로 쓰는 방안을 검토하고 있다.",
)
_TAIL = ("", "박서율 기자 syp@hanbitnews.kr", "ⓒ 한빛신문, 무단 전재 및 재배포 금지")


def _paged(mark: str) -> list[str]:
    return [*_HEAD, *_PART_ONE, "", mark, "", *_PART_TWO, *_TAIL]


def test_a_bare_continuation_mark_between_two_parts_of_a_story_goes() -> None:
    for mark in ("(계속)", "<계속>", "〈계속〉", "- 계속 -", "[계속]"):
        _, doc = norm(*_paged(mark))
        text = body(doc)
        assert "계속" not in text, mark
        assert removed(doc).get(mark) == "pages.continued", mark
        assert "주민 쉼터로 쓰는 방안을 검토하고 있다." in text
        assert "아직 정하지 못했다고 말했다." in text


def test_a_serial_s_closing_continuation_mark_stays() -> None:
    """At the story's end "(계속)" says the next instalment follows: the reader's to know."""
    _, doc = norm(*_HEAD, *_PART_ONE, "", "(계속)", *_TAIL)
    assert "(계속)" in body(doc)


def test_a_continuation_word_inside_a_sentence_stays() -> None:
    _, doc = norm(
        *_HEAD, *_PART_ONE, "", "(계속) 이어지는 이야기는 다음 주에 싣는다.", "", *_PART_TWO, *_TAIL
    )
    assert "(계속) 이어지는 이야기는 다음 주에 싣는다." in body(doc)


_COLUMN = (
    "누리일보",
    "[세계의 시선] 도시가 밤을 잃을 때",
    "입력 2026.11.29 00:10",
    "",
    "런던의 밤은 지난 20년 동안 두 배 밝아졌다. "
    "가로등을 발광다이오드로 바꾸면서 거리는 안전해졌지만 하늘의 별은 사라졌다.",
    "",
    "밤이 밝아지면서 철새는 길을 잃고, 사람은 잠을 잃었다. 도시는 이제 어둠을 설계해야 한다.",
    "",
)


def _translated_column(note: str) -> Paragraph:
    _, doc = norm(*_COLUMN, note, "", "ⓒ 누리일보, 무단 전재 및 재배포 금지")
    (last,) = [
        b for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith(note[:6].lstrip("*※ "))
    ]
    return last


def test_a_translator_s_note_on_a_column_or_a_piece_is_an_editor_s_note() -> None:
    for note in (
        "※ 이 칼럼은 영국 일간지 가디언에 실린 필자의 글을 우리말로 번역한 것입니다.",
        "* 이 글은 미국 시사주간지 애틀랜틱에 실린 기고문을 번역했습니다.",
        "※ 본 기고는 프랑스 르몽드에 실린 글을 한국어로 옮겨 번역한 것입니다.",
        "*이 칼럼은 르몽드와의 콘텐츠 제휴에 따라 누리일보가 번역해 싣는 것입니다.",
    ):
        assert _translated_column(note).role == "editor-note", note


def test_a_paragraph_about_translation_is_no_note() -> None:
    line = "이 글은 번역가들이 기계 번역과 어떻게 일하는지를 다룬다. 필자는 10년째 영어책을 번역한 번역가다."
    assert _translated_column(line).role is None


def test_a_foreign_writer_s_byline_in_hangul_names_the_writer() -> None:
    for line, name, role in (
        ("토머스 프리드먼 뉴욕타임스 칼럼니스트", "토머스 프리드먼", "칼럼니스트"),
        ("마리안 스티글리츠 칼럼니스트", "마리안 스티글리츠", "칼럼니스트"),
        ("니컬러스 웨이드 워싱턴포스트 칼럼니스트", "니컬러스 웨이드", "칼럼니스트"),
    ):
        _, doc = norm("누리일보", "도시가 밤을 잃을 때", line, "입력 2026.11.29 00:10", "", *_COLUMN[4:])
        assert [(a.name, a.role) for a in doc.meta.authors] == [(name, role)], line
        assert doc.meta.subtitles == [], line


def test_two_korean_names_or_an_office_are_no_foreign_writer() -> None:
    _, doc = norm("누리일보", "도시가 밤을 잃을 때", "김철수 이영희 기자", "", *_COLUMN[4:])
    assert [a.name for a in doc.meta.authors] == ["김철수", "이영희"]
    _, doc = norm("누리일보", "도시가 밤을 잃을 때", "정다온 시민기자", "", *_COLUMN[4:])
    assert all(a.name != "정다온 시민" for a in doc.meta.authors)
    _, doc = norm(
        "누리일보", "도시가 밤을 잃을 때", "입력 2026.11.29 00:10", "", *_COLUMN[4:], "백악관 수석 대변인", ""
    )
    assert all(a.name != "백악관 수석" for a in doc.meta.authors)


def test_a_translator_s_credit_with_a_colon_names_the_translator() -> None:
    for line in ("번역: 정유진 기자", "정리 : 정유진 국제부 기자"):
        _, doc = norm(*_COLUMN, line, "", "ⓒ 누리일보, 무단 전재 및 재배포 금지")
        assert [(a.name, a.role) for a in doc.meta.authors] == [("정유진", "기자")], line
        assert "정유진" not in body(doc)


_STORY = (
    "가람일보",
    "섬마을 분교의 마지막 졸업식",
    "입력 2026.12.04 07:00",
    "",
    "전교생이 한 명뿐인 섬마을 분교가 내년 2월 문을 닫는다. "
    "마지막 졸업생 한소망(12)양은 친구 없이 6년을 다녔다.",
    "",
)


def test_a_box_of_links_to_read_along_between_paragraphs_goes() -> None:
    lines = (
        *_STORY,
        "같이 읽으면 좋은 기사",
        "폐교 3곳 중 1곳은 10년째 빈 건물",
        "작은 학교 살리기, 통학버스가 답일까",
        "",
        "분교장 김현수 교사는 “한 명이라도 학생이 있으면 학교는 학교”라며 "
        "문을 닫는 날까지 수업을 하겠다고 말했다.",
        "",
        "ⓒ 가람일보, 무단 전재 및 재배포 금지",
    )
    _, doc = norm(*lines)
    assert "같이 읽으면" not in body(doc) and "통학버스" not in body(doc)
    assert "수업을 하겠다고 말했다." in body(doc)


def test_an_unmarked_pull_quote_said_again_close_by_goes() -> None:
    said = (
        "분교장 김현수 교사는 “한 명이라도 학생이 있으면 학교는 학교”라며 "
        "문을 닫는 날까지 수업을 하겠다고 말했다."
    )
    _, doc = norm(*_STORY, "“한 명이라도 학생이 있으면 학교는 학교”", "", said, "")
    assert removed(doc).get("“한 명이라도 학생이 있으면 학교는 학교”") == "dedupe.pull-quote"
    assert said in body(doc)


def test_a_quotation_alone_said_again_far_away_stays() -> None:
    quote = "“한 명이라도 학생이 있으면 학교는 학교”"
    filler = [
        f"섬에는 {n}년 전까지 학생이 스무 명 넘게 있었다. 지금은 노인들만 남아 학교 운동장을 가꾼다."
        for n in range(5)
    ]
    far = "분교장 김현수 교사는 “한 명이라도 학생이 있으면 학교는 학교”라고 다시 말했다."
    lines = [*_STORY, quote, ""]
    for line in filler:
        lines += [line, ""]
    _, doc = norm(*lines, far)
    assert "dedupe.pull-quote" not in removed(doc).values()


def test_a_reporter_card_s_e_mail_goes_with_its_name(tmp_path: Path) -> None:
    page = (
        "<h1>섬마을 분교의 마지막 졸업식</h1>"
        "<div class='article-body'><p>" + _STORY[4] + "</p>"
        "<p>분교장 김현수 교사는 “한 명이라도 학생이 있으면 학교는 학교”라고 말했다. "
        "졸업식은 내년 2월 14일 열린다.</p></div>"
        "<div class='journalist'><p><b>윤하람 기자</b></p><p>haram@garamilbo.co.kr</p>"
        "<p>섬과 바다 이야기를 씁니다</p><a>+ 구독</a> <a>응원하기</a></div>"
    )
    _, doc = read_page(tmp_path, page)
    assert [(a.name, a.email) for a in doc.meta.authors] == [("윤하람", "haram@garamilbo.co.kr")]


_OPINION_BODY = (
    "<div class='view-body'><p>도시의 밤은 지난 20년 동안 두 배 밝아졌다. "
    "가로등을 바꾸면서 거리는 안전해졌지만 하늘의 별은 사라졌다.</p>"
    "<p>밤이 밝아지면서 철새는 길을 잃고, 사람은 잠을 잃었다. 도시는 이제 어둠을 설계해야 한다.</p></div>"
)


def test_a_by_line_under_the_headline_signs_the_article(tmp_path: Path) -> None:
    page = (
        "<div class='view-head'><h1>도시가 밤을 잃을 때</h1>"
        "<p class='meta'>By 리베카 손더스 | 입력 2026.11.29 00:10</p></div>" + _OPINION_BODY
    )
    _, doc = read_page(tmp_path, page)
    assert [a.name for a in doc.meta.authors] == ["리베카 손더스"]
    assert doc.meta.date == "2026-11-29T00:10:00+09:00"


def test_an_english_title_under_the_headline_is_a_deck(tmp_path: Path) -> None:
    page = (
        "<div class='view-head'><h1>도시가 밤을 잃을 때</h1>"
        "<p class='orig'><i>When Cities Lose the Night</i></p>"
        "<p class='date'>입력 2026.11.29 00:10</p></div>" + _OPINION_BODY
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.subtitles == ["When Cities Lose the Night"]
    page = page.replace("<i>When Cities Lose the Night</i>", "OPINION")
    _, doc = read_page(tmp_path, page)
    assert doc.meta.subtitles == []


def test_an_ad_label_a_reaction_box_and_channel_prompts_between_paragraphs_go() -> None:
    chrome = (
        "[ 광고 ]",
        "이 기사 어떠셨나요?",
        "후속 기사 원해요 7",
        "텔레그램 채널 추가하고 누리일보 속보 받아 보기",
        "누리일보 아침 편지를 구독하시면 매주 월요일 읽을거리를 보내 드립니다.",
    )
    lines: list[str] = list(_STORY)
    for n, line in enumerate(chrome):
        lines += [
            line,
            "",
            f"섬에는 {n + 10}년 전까지 학생이 스무 명 넘게 있었다. 지금은 노인들만 남아 운동장을 가꾼다.",
            "",
        ]
    _, doc = norm(*lines, "ⓒ 가람일보, 무단 전재 및 재배포 금지")
    gone = removed(doc)
    for line in chrome:
        assert line in gone, line
    assert body(doc).count("노인들만 남아 운동장을 가꾼다.") == len(chrome)


def test_a_byline_element_s_bare_name_beside_the_date_is_the_writer(tmp_path: Path) -> None:
    for name in ("리베카 손더스", "한서윤"):
        page = (
            "<div class='view-head'><h1>도시가 밤을 잃을 때</h1>"
            f"<div class='writer'>{name} | 입력 2026.11.29 00:10</div></div>" + _OPINION_BODY
        )
        _, doc = read_page(tmp_path, page)
        assert [a.name for a in doc.meta.authors] == [name]
        assert doc.meta.date == "2026-11-29T00:10:00+09:00"
    page = page.replace("한서윤 |", "사회부 |")
    _, doc = read_page(tmp_path, page)
    assert doc.meta.authors == []


def test_a_linked_card_s_thumbnail_goes_with_the_card(tmp_path: Path) -> None:
    card = (
        "<div class='news-card'><a href='/article/5521'>"
        "<img src='/t/5521.jpg' alt='폐교 3곳 중 1곳은 빈 건물'>"
        "<em>함께 읽기</em> <b>폐교 3곳 중 1곳은 빈 건물</b></a></div>"
    )
    photo = (
        "<p><a href='/photo/viewer/77'><img src='/p/77.jpg' alt='분교 운동장에서 뛰노는 한소망양'></a></p>"
    )
    page = (
        "<h1>섬마을 분교의 마지막 졸업식</h1><div class='article-body'>"
        f"<p>{_STORY[4]}</p>{card}{photo}"
        "<p>분교장 김현수 교사는 “한 명이라도 학생이 있으면 학교는 학교”라며 "
        "문을 닫는 날까지 수업을 하겠다고 말했다.</p></div>"
    )
    _, doc = read_page(tmp_path, page)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.text for f in figures] == ["분교 운동장에서 뛰노는 한소망양"]
    assert removed(doc).get("폐교 3곳 중 1곳은 빈 건물") == "html.card"


_BATH = (
    "<p>가람시 남구의 한 목욕탕은 새벽 5시에 문을 연다. 첫 손님은 40년째 이곳을 찾는 단골들이다.</p>",
    "<p>주인은 올겨울을 끝으로 문을 닫는다. 가스요금이 3년 새 두 배로 오르면서 연료비를 감당하지 못했다.</p>",
    "<p>전국 목욕탕은 2016년 9000여곳에서 올해 5400여곳으로 줄었다. 연료비 상승이 겹친 탓이다.</p>",
    "<p>목욕탕은 동네 노인들의 사랑방 구실을 해 왔다. 노인들의 고립이 깊어질 수 있다는 지적이 나온다.</p>",
)


def _bath_page(tmp_path: Path, *parts: str) -> Document:
    page = "<h1>사라지는 동네 목욕탕</h1><p class='date'>입력 2026.11.29 07:00</p><div id='article-body'>"
    _, doc = read_page(tmp_path, page + "".join(parts) + "</div>")
    return doc


def test_a_web_page_s_page_counters_go(tmp_path: Path) -> None:
    doc = _bath_page(tmp_path, *_BATH[:2], "<p>1 / 3</p>", _BATH[2], "<p>2 / 3</p>", _BATH[3], "<p>3 / 3</p>")
    assert [removed(doc).get(n) for n in ("1 / 3", "2 / 3", "3 / 3")] == ["pages.counter"] * 3
    doc = _bath_page(tmp_path, *_BATH[:2], "<p>1 / 3</p>", *_BATH[2:])
    assert "1 / 3" in body(doc)  # one counter alone counts nothing


def test_a_marked_bold_line_opening_the_body_heads_its_section(tmp_path: Path) -> None:
    doc = _bath_page(
        tmp_path, "<p><b>■ 첫 손님들</b></p>", *_BATH[:2], "<p><b>■ 줄어드는 목욕탕</b></p>", *_BATH[2:]
    )
    assert doc.meta.subtitles == []
    assert next(b.text for b in doc.blocks if isinstance(b, Heading)).endswith("첫 손님들")
    doc = _bath_page(tmp_path, "<p><b>■ 연료비에 문 닫는 목욕탕</b></p>", *_BATH)
    assert doc.meta.subtitles == ["■ 연료비에 문 닫는 목욕탕"]  # alone, a deck


def test_a_quotation_box_is_a_quote(tmp_path: Path) -> None:
    box = "<div class='news-quote'><p>“연료비가 매출의 절반을 넘었다”</p><p>- 목욕탕 주인</p></div>"
    doc = _bath_page(tmp_path, *_BATH[:2], box, *_BATH[2:])
    assert [b.text for b in doc.blocks if isinstance(b, Quote)] == [
        "“연료비가 매출의 절반을 넘었다”",
        "- 목욕탕 주인",
    ]


def test_a_syndicated_column_s_note_is_an_editor_s_note() -> None:
    note = "※ 본 칼럼은 르몽드와의 제휴에 따라 누리일보에 싣습니다."
    assert _translated_column(note).role == "editor-note"


def test_a_writer_class_s_english_name_and_paper_name_the_writer(tmp_path: Path) -> None:
    page = (
        "<div class='view-head'><h1>도시가 밤을 잃을 때</h1>"
        "<p class='col_writer'>Rebecca Saunders | The Atlantic</p>"
        "<p class='date'>입력 2026.11.29 00:10</p></div>" + _OPINION_BODY
    )
    _, doc = read_page(tmp_path, page)
    assert [a.name for a in doc.meta.authors] == ["Rebecca Saunders"]
    assert "The Atlantic" not in body(doc)


def test_a_readers_opinion_box_and_a_this_hour_ranking_go() -> None:
    tail = (
        "누리꾼 의견 [2]",
        "◇ 섬사람: 마지막 졸업생에게 박수를 보냅니다. (2026-12-04 08:12)",
        "◇ 학부모: 우리 아이 학교도 걱정입니다. (2026-12-04 09:40)",
        "※ 의견은 로그인 후 작성할 수 있고, 비방 글은 삭제될 수 있습니다.",
        "",
        "이 시각 인기 뉴스",
        "1. 가람항 여객선 운항 재개",
        "2. 섬 지역 택배비 지원 확대",
    )
    _, doc = norm(
        *_STORY,
        "분교는 내년 봄부터 마을 도서관으로 쓰일 예정이다. 주민들은 운동장을 그대로 두기로 했다.",
        "",
        *tail,
    )
    gone = removed(doc)
    for line in tail:
        if line:
            assert line in gone, line


def test_a_short_sentence_after_a_related_list_is_the_story_again() -> None:
    lines = (
        *_STORY,
        "관련 기사",
        "☞ 폐교 3곳 중 1곳은 10년째 빈 건물",
        "작은 학교 살리기, 통학버스가 답일까",
        "",
        "졸업식은 내년 2월 14일 열린다.",
        "",
        "주민들은 떡을 맞추기로 했다.",
        "",
        "윤하람 기자 haram@garamilbo.co.kr",
    )
    _, doc = norm(*lines)
    text = body(doc)
    assert "졸업식은 내년 2월 14일 열린다." in text and "주민들은 떡을 맞추기로 했다." in text
    assert "통학버스" not in text
    assert [(a.name, a.email) for a in doc.meta.authors] == [("윤하람", "haram@garamilbo.co.kr")]


def test_a_video_s_caption_goes_with_its_player(tmp_path: Path) -> None:
    video = (
        "<div class='movie'><iframe src='https://www.youtube.com/embed/x1'></iframe>"
        "<p>목욕탕의 마지막 영업일 [동영상=누리일보 영상팀]</p></div>"
    )
    doc = _bath_page(tmp_path, *_BATH[:2], video, *_BATH[2:])
    assert removed(doc).get("목욕탕의 마지막 영업일 [동영상=누리일보 영상팀]") == "captions.video"
    cited = "이 장면은 유튜브에 올라와 화제가 됐다. (영상=누리일보 유튜브)"
    _, doc = norm(*_STORY, cited, "")
    assert "화제가 됐다." in body(doc)


def test_a_photo_slider_s_counters_are_no_page_counters(tmp_path: Path) -> None:
    slides = [
        f"<figure><img src='/s/{n}.jpg' alt=''>"
        f"<figcaption>목욕탕의 마지막 손님들 {n}. 누리일보</figcaption></figure>"
        f"<p>{n} / 2</p>"
        for n in (1, 2)
    ]
    doc = _bath_page(tmp_path, *_BATH[:2], *slides, *_BATH[2:])
    assert [removed(doc).get(f"{n} / 2") for n in (1, 2)] == ["boilerplate.chrome"] * 2
