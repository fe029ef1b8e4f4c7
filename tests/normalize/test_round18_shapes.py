"""Failure kinds from held-out round 18 (a Naver News app page copied as text, a paywalled premium
page, an election-night article updated twice, a series feature, a translated foreign-press article,
an entertainment scrape with an Instagram post), each on a small made-up input shaped like the real
ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading, ListBlock, Paragraph, Quote
from tests.normalize.test_real_shapes import body, norm, read_page, removed

TITLE = "반도체 보조금 3년간 12조…국회 통과"
LEAD = "반도체 기업에 정부가 직접 보조금을 주는 법안이 23일 국회 본회의를 통과했다. 처음 있는 일이다."
MORE = "기획재정부 관계자는 “내년 예산안 심의 과정에서 기금 신설 등을 검토하겠다”고 말했다."
BYLINE = "김하린 기자 harin@hankyung.com"

# --- an app's boxes over the text -----------------------------------------------------------------


def test_an_apps_ai_summary_box_goes_whole() -> None:
    _, doc = norm(
        TITLE,
        "AI 요약",
        "· 반도체 기업에 3년간 12조원 규모의 보조금을 준다.",
        "· 업계는 환영했지만 재원 마련 방안이 빠졌다.",
        "AI가 기사 본문을 바탕으로 요약한 내용입니다. 전체 맥락은 기사 전문을 보시길 권장합니다.",
        LEAD,
        MORE,
        BYLINE,
    )
    assert body(doc).splitlines() == [LEAD, MORE]
    assert doc.meta.subtitles == []
    assert removed(doc)["AI 요약"] == "boilerplate.summary"
    assert "업계는 환영했지만" not in body(doc)


def test_a_translation_menu_and_a_reaction_word_are_chrome() -> None:
    menu = ["공감", "12", "번역", "English", "日本語", "简体中文", "Tiếng Việt"]
    notice = "번역은 AI가 제공하며 원문과 다를 수 있습니다."
    _, doc = norm(TITLE, *menu, notice, LEAD, MORE, BYLINE)
    assert body(doc).splitlines() == [LEAD, MORE]
    assert removed(doc)["日本語"] == removed(doc)["공감"] == "boilerplate.chrome"
    assert removed(doc)[notice] == "boilerplate.policy"


def test_one_language_named_alone_is_no_menu() -> None:
    """ "English" over a bilingual notice's English half is its label, not a translation menu."""
    english = "The committee approved the bill on Monday, and it takes effect next year."
    _, doc = norm(TITLE, LEAD, MORE, "English", english, BYLINE)
    assert body(doc).splitlines() == [LEAD, MORE, "English", english]
    _, doc = norm(TITLE, "English 日本語 简体中文", LEAD, MORE, BYLINE)  # two or more on a line: a menu
    assert removed(doc)["English 日本語 简体中文"] == "boilerplate.chrome"


def test_a_summary_disclaimer_without_its_header_is_left_to_other_rules() -> None:
    line = "AI가 요약한 내용입니다."
    _, doc = norm(TITLE, LEAD, line, MORE, BYLINE)
    assert removed(doc).get(line) != "boilerplate.summary"


# --- a social post embedded in the page --------------------------------------------------------------

POST = "드디어 여러분을 만나러 갑니다🔥💜 12월 4일 꼭 만나요 #루미나 #BLAZE"


def test_an_embedded_instagram_post_is_quoted_without_its_buttons() -> None:
    intro = "하린은 19일 자신의 인스타그램에 티저 사진과 함께 이렇게 적었다."
    after = "팬들은 “드디어 컴백” 등의 댓글을 달며 반겼다."
    embed = [
        "haarin_lumina",
        "팔로우",
        POST,
        "좋아요 12.4만개",
        "댓글 3,512개 모두 보기",
        "Instagram에서 이 게시물 보기",
    ]
    _, doc = norm("루미나, 1년 만에 컴백", LEAD, intro, *embed, after, "정하늘 기자 sky@sportsseoul.com")
    quotes = [b for b in doc.blocks if isinstance(b, Quote)]
    assert [q.text for q in quotes] == [POST]
    assert body(doc).splitlines() == [LEAD, intro, POST, after]
    assert (
        removed(doc)["haarin_lumina"] == removed(doc)["Instagram에서 이 게시물 보기"] == "boilerplate.embed"
    )


# --- a paywall ------------------------------------------------------------------------------------

PAYWALL = """<article id="articleBody">
<h1>수도권 물류센터 공실률 18%…창고 버블 꺼진다</h1>
<p>경기 이천시의 한 대형 물류센터는 2023년 준공 이후 절반 가까이 비어 있다. 세입자가 없다.</p>
<p>올해 3분기 수도권 물류센터 공실률은 18.2%로 집계됐다. 관련 통계를 낸 이후 가장 높은 수치다.</p>
<p class="fade">업계에서는 공실률이 20%를 넘으면 펀드 손실이 커질 것이라는 우려가 나온다. 한 관계자는</p>
<div class="paywall"><p>이 기사는 유료 회원 전용입니다.</p>
<p>프리미엄을 구독하고 깊이 있는 분석 기사를 만나보세요.</p>
<ul><li>월간 구독 월 9,900원</li><li>연간 구독 월 7,900원</li></ul>
<p>이미 구독 중이신가요? <a href="/login">로그인</a></p></div>
<p>이어지는 내용</p><ul><li>리츠 배당에 빨간불</li><li>냉동 창고만 나 홀로 호황</li></ul>
</article>"""


def test_a_paywall_notice_stays_and_its_box_goes_with_a_warning(tmp_path: Path) -> None:
    raw, doc = read_page(tmp_path, PAYWALL)
    lines = body(doc).splitlines()
    assert lines[-2].endswith("한 관계자는")  # the teaser, cut mid-sentence, is the article's
    assert lines[-1] == "이 기사는 유료 회원 전용입니다."  # the reader sees where the text ends
    assert removed(doc)["월간 구독 월 9,900원"] == removed(doc)["리츠 배당에 빨간불"] == "boilerplate.paywall"
    assert any("cuts the article" in w and "유료 회원 전용" in w for w in raw.warnings)


def test_a_paywall_box_in_a_scrape_ends_at_the_byline() -> None:
    _, doc = norm(TITLE, LEAD, "이 기사는 유료 회원 전용입니다.", "월 9,900원", "구독하기", BYLINE)
    assert body(doc).splitlines() == [LEAD, "이 기사는 유료 회원 전용입니다."]
    assert [(a.name, a.email) for a in doc.meta.authors] == [("김하린", "harin@hankyung.com")]


# --- a reporter's profile card --------------------------------------------------------------------


def test_a_reporters_profile_card_goes_when_the_byline_names_the_reporter() -> None:
    card = ["기자 프로필", "김하린 기자", "한국경제 산업부", "구독자 1,204", "응원수 86"]
    _, doc = norm(TITLE, LEAD, MORE, BYLINE, *card)
    assert [a.name for a in doc.meta.authors] == ["김하린"]  # not the card's desk
    assert all(removed(doc)[line] == "boilerplate.profile" for line in card)


# --- a series feature -----------------------------------------------------------------------------

HEADLINE = "“버스가 하루 세 번뿐”…교통 끊긴 마을, 병원도 못 간다"
STORY = [
    "지난 12일 오전 7시 충남 청양군의 한 버스정류장. 김순례(81)씨가 읍내로 나가는 첫차를 기다리고 있었다.",
    "김씨가 사는 마을을 지나는 군내버스는 하루 세 번뿐이다. 승객이 줄자 운행 횟수가 절반 아래로 줄었다.",
]


def test_a_kicker_with_a_part_number_is_the_series_over_the_headline() -> None:
    for kicker, series in (
        ("[기획] 사라지는 동네 ③", ["기획", "사라지는 동네 ③"]),
        ("청년의 집 (2)", ["청년의 집 (2)"]),
    ):
        _, doc = norm(kicker, HEADLINE, "입력 2026.11.18 04:30", *STORY)
        assert doc.meta.title == HEADLINE, kicker
        assert doc.meta.series == series, kicker


def test_an_editors_note_label_alone_ends_the_decks() -> None:
    note = "전국 시군구 절반이 ‘소멸 위험’ 지역이 됐다. 사라지는 동네를 찾아 남은 삶을 기록한다."
    _, doc = norm(HEADLINE, "농어촌 버스 노선 5년 새 1,200개 폐지", "편집자주", note, *STORY)
    assert doc.meta.subtitles == ["농어촌 버스 노선 5년 새 1,200개 폐지"]
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.role == "editor-note" and first.text == note
    assert removed(doc)["편집자주"] == "roles.editor_note_label"


def test_circled_numbers_make_an_ordered_list_under_its_box_title() -> None:
    parts = ["① 문 닫는 학교", "② 약국 없는 읍내", "③ 버스가 끊긴 마을"]
    _, doc = norm(HEADLINE, STORY[0], "<글 싣는 순서>", *parts, STORY[1])
    heading = next(b for b in doc.blocks if isinstance(b, Heading))
    assert heading.text == "글 싣는 순서"
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered
    assert [item.blocks[0].text for item in lists[0].items] == [
        "문 닫는 학교",
        "약국 없는 읍내",
        "버스가 끊긴 마을",
    ]


# --- credits --------------------------------------------------------------------------------------


def test_a_labelled_credit_alone_is_removed_and_names_no_author() -> None:
    _, doc = norm(
        HEADLINE, STORY[0], "그래픽=김대훈 기자", STORY[1], "사진=별빛엔터테인먼트 제공", "윤서진 기자"
    )
    assert [a.name for a in doc.meta.authors] == ["윤서진"]
    assert body(doc).splitlines() == STORY
    assert (
        removed(doc)["그래픽=김대훈 기자"]
        == removed(doc)["사진=별빛엔터테인먼트 제공"]
        == "captions.orphan-credit"
    )


def test_captions_signed_with_a_place_or_labelled_after_a_short_caption() -> None:
    placed = "12일 충남 청양군의 한 버스정류장에서 주민이 첫차를 기다리고 있다. 청양=윤서진 기자"
    _, doc = norm(HEADLINE, STORY[0], placed, "하린. 사진=하린 인스타그램", STORY[1])
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.text, f.credit) for f in figures] == [
        ("12일 충남 청양군의 한 버스정류장에서 주민이 첫차를 기다리고 있다.", "청양=윤서진 기자"),
        ("하린.", "하린 인스타그램"),
    ]


# --- a translated article -------------------------------------------------------------------------

NOTE = "※ 이 기사는 영국 주간지 이코노미스트의 기사를 경향신문이 번역한 것입니다."


def test_a_translators_byline_and_closing_note() -> None:
    _, doc = norm(HEADLINE, "번역 최민영 기자", *STORY, NOTE, "정리 최민영 기자 mychoi@kyunghyang.com")
    assert doc.meta.subtitles == []
    assert [(a.name, a.email) for a in doc.meta.authors] == [("최민영", "mychoi@kyunghyang.com")]
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "editor-note"
    assert last.text == NOTE.removeprefix("※ ")  # the mark is decoration; the theme labels the note


def test_a_site_notice_that_is_no_translation_stays_removed() -> None:
    notice = "※ 이 기사는 팩트체크 플랫폼에도 게재됩니다."
    _, doc = norm(HEADLINE, *STORY, notice, "윤서진 기자")
    assert removed(doc)[notice] == "boilerplate.policy"


# --- an election night's updates ------------------------------------------------------------------


def test_a_wires_version_mark_leaves_the_headline_and_is_recorded() -> None:
    for mark in ("(종합2보)", "(2보)", "(종합)"):
        _, doc = norm(f"부산시장 박정우 당선 확실…김태성에 4%p 차 신승{mark}", *STORY)
        assert doc.meta.title == "부산시장 박정우 당선 확실…김태성에 4%p 차 신승", mark
        assert removed(doc)[mark] == "title.version-mark"


def test_a_live_pages_update_notice_is_a_site_notice() -> None:
    notice = "※ 개표 상황에 따라 업데이트됩니다."
    _, doc = norm(HEADLINE, STORY[0], notice, STORY[1])
    assert removed(doc)[notice] == "boilerplate.policy"
    assert body(doc).splitlines() == STORY


def test_a_deck_box_of_two_headings_gives_two_decks(tmp_path: Path) -> None:
    page = (
        '<header><h1 class="tit">부산시장 박정우 당선 확실</h1>'
        '<div class="tit-sub"><h2>개표율 78%…박정우 50.9%</h2><h2>투표율 56.2%로 올라</h2></div></header>'
        f'<article class="story-news"><p>{STORY[0]}</p><p>{STORY[1]}</p></article>'
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.subtitles == ["개표율 78%…박정우 50.9%", "투표율 56.2%로 올라"]
    assert not any(isinstance(b, Heading) for b in doc.blocks)


def test_a_lone_email_joins_the_reporter_whose_initials_it_spells() -> None:
    lead = "(부산=연합뉴스) 이정민 김도현 기자 = 부산시장 선거에서 박정우 후보의 당선이 확실시된다."
    for mail in ("ljm@yna.co.kr", "kdh@yna.co.kr"):
        _, doc = norm("부산시장 박정우 당선 확실", lead, STORY[1], mail)
        got = {a.name: a.email for a in doc.meta.authors}
        assert got == {
            "이정민": mail if mail.startswith("l") else None,
            "김도현": mail if mail.startswith("k") else None,
        }
    _, doc = norm("부산시장 박정우 당선 확실", lead, STORY[1], "busan@yna.co.kr")  # no one's initials
    assert [a.email for a in doc.meta.authors if a.name] == [None, None]


# --- an entertainment scrape's promos -------------------------------------------------------------


def test_a_fan_vote_and_a_sections_ranking_are_chrome() -> None:
    vote = "★ 스타 투표 참여하기 ▶ 이번 주 최애 아이돌에게 투표하세요!"
    tail = ["포토", "루미나 하린, 겨울 여신 비주얼", "많이 본 연예 뉴스", "1 ‘나 혼자 산다’ 새 멤버 합류"]
    _, doc = norm(HEADLINE, *STORY, "정하늘 기자", vote, *tail)
    assert body(doc).splitlines() == STORY
    assert removed(doc)[vote] == "boilerplate.promo"
    assert (
        removed(doc)["많이 본 연예 뉴스"]
        == removed(doc)["루미나 하린, 겨울 여신 비주얼"]
        == "boilerplate.related"
    )
