"""Failure kinds from held-out round 35 (news kinds: a relayed North Korean media report, a health
article, a travel feature with an info box, a multi-page article pasted page by page), each on a small
made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Author, Document, Figure, Heading, Paragraph
from bookmaker.normalize.passes.bylines import parse_byline
from bookmaker.normalize.passes.captions import split_credit
from bookmaker.normalize.rules import load_rules
from tests.normalize.test_real_shapes import body, norm, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


# --- a wire relaying another's photo: "(평양 노동신문=뉴스1) = … [terms] e-mail" -------------------------


def test_a_relayed_photo_is_a_figure_credited_to_both_and_its_terms_are_recorded() -> None:
    _, doc = norm(
        "北 노동신문 '알곡 생산 계획 넘쳐 수행'",
        "(평양 노동신문=뉴스1) = 노동신문은 7일 농장에서 알곡 수매를 하고 있다고 보도했다. "
        "[국내에서만 사용가능. 재배포 금지. DB 금지. For Use Only in the Republic of Korea. "
        "Redistribution Prohibited] rodongphoto@news1.kr",
        "(서울=뉴스1) 최소윤 기자 = 북한이 올해 알곡 생산 계획을 넘쳐 수행했다고 주장하며 연말 성과 선전에 "
        "집중하고 있다.",
        "",
        LATER,
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.credit for f in figures] == ["평양 노동신문=뉴스1"]
    assert "국내에서만" not in body(doc) and "rodongphoto" not in body(doc)
    assert any(r.rule == "captions.use-terms" and "Redistribution" in r.text for r in doc.removed)
    assert doc.meta.dateline == "(서울=뉴스1) 최소윤 기자 ="


def test_a_brief_with_no_reporter_and_an_email_is_no_relayed_photo() -> None:
    _, doc = norm(
        "정부, 내년 예산 편성 지침 발표",
        "(서울=연합뉴스) = 정부는 내년도 예산안 편성 지침을 각 부처에 통보했다고 밝혔다. news@yna.co.kr",
        "",
        LATER,
    )
    credits = [b.credit for b in doc.blocks if isinstance(b, Figure)]
    assert "서울=연합뉴스" not in credits  # the relayed-photo reading needs a source or the agency's terms
    assert "(서울=연합뉴스) = 정부는" in body(doc)


# --- bylines: an outlet between name and role, a place before the writer's label, a beat on the role ----


def test_a_known_outlet_between_name_and_role_is_no_obstacle() -> None:
    rules = load_rules()
    assert parse_byline(rules, "정은비 헬스조선 기자") == [Author(name="정은비", role="기자")]
    assert parse_byline(rules, "정은비 헬스조선 기자 eunbi@chosun.com") == [
        Author(name="정은비", role="기자", email="eunbi@chosun.com")
    ]
    assert parse_byline(rules, "김하늘 한겨레 기자") == [Author(name="김하늘", role="기자")]
    assert parse_byline(rules, "김하늘 가나상사 기자") is None  # no outlet known by that name


def test_a_feature_credit_with_its_place_first_and_the_beat_on_the_role() -> None:
    rules = load_rules()
    assert parse_byline(rules, "통영=글·사진 박민수 여행전문기자") == [
        Author(name="박민수", role="여행전문기자")
    ]
    assert parse_byline(rules, "글·사진 박민수 여행전문기자") == [Author(name="박민수", role="여행전문기자")]
    assert parse_byline(rules, "이동해기자") == [Author(name="이동해", role="기자")]
    assert parse_byline(rules, "한소라 온라인 뉴스 기자") == [Author(name="한소라", role="기자")]


def test_a_health_page_byline_names_the_author_and_ends_the_article() -> None:
    _, doc = norm(
        "겨울만 되면 가려운 다리",
        "정은비 헬스조선 기자",
        "입력 2026.12.07 08:30",
        "",
        LONG,
        "",
        LATER,
        "",
        "정은비 헬스조선 기자 eunbi@chosun.com",
        "",
        "이 기사와 함께 많이 본 뉴스",
        "혈압약 먹는 사람, 자몽 주스 조심해야",
    )
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [("정은비", "기자", "eunbi@chosun.com")]
    assert doc.meta.subtitles == []
    assert "자몽" not in body(doc) and "헬스조선 기자" not in body(doc)


def test_a_caption_credit_may_carry_a_beat_on_the_rank() -> None:
    rules = load_rules()
    assert split_credit(rules, "동피랑 마을에서 내려다본 강구안 항구. 통영=박민수 여행전문기자") == (
        "동피랑 마을에서 내려다본 강구안 항구.",
        "통영=박민수 여행전문기자",
    )
    assert split_credit(rules, "그는 올해로 20년 차 의학전문기자다.") is None


# --- a web article pasted page by page: "1/3" in its head, the head again over "2/3" -----------------


def test_a_web_article_pasted_page_by_page_keeps_its_deck_and_drops_the_repeated_head() -> None:
    second = "목욕탕 한 곳의 월평균 연료비가 올해 700만 원 안팎으로 올랐다고 업계는 밝혔다."
    _, doc = norm(
        "신동아",
        "전체메뉴",
        "사라지는 동네 목욕탕, 마지막 손님들",
        "한 해 200곳씩 문 닫는 대중목욕탕",
        "김태현 기자 kth@donga.com",
        "1/2",
        "",
        LONG,
        "",
        second,
        "",
        "다음 페이지",
        "사라지는 동네 목욕탕, 마지막 손님들",
        "김태현 기자 kth@donga.com",
        "2/2",
        "",
        LATER,
        "",
        "이전 페이지",
        "ⓒ 신동아 & donga.com, 무단 전재 및 재배포 금지",
    )
    assert doc.meta.subtitles == ["한 해 200곳씩 문 닫는 대중목욕탕"]
    assert [b.text for b in doc.blocks] == [LONG, second, LATER]
    assert removed(doc)["2/2"] == "pages.number"
    assert removed(doc)["사라지는 동네 목욕탕, 마지막 손님들"] == "pages.header"


def test_a_print_whose_page_number_follows_its_text_still_joins_a_cut_paragraph() -> None:
    _, doc = norm(
        "지역 소멸 대응 보고서",
        "",
        "인구 감소 지역의 청년 유출은 지난 10년간 꾸준히 늘었으며 특히 20대 후반의 수도권 이동이",
        "1/2",
        "두드러졌다. 지역 일자리 부족이 가장 큰 이유로 꼽힌다.",
        "",
        LONG,
        "2/2",
    )
    assert any("이동이 두드러졌다." in b.text for b in doc.blocks)


# --- page chrome: bookmark, the reporter's other stories, a magazine's issues ------------------------


def test_bookmark_other_stories_and_issue_links_go() -> None:
    _, doc = norm(
        "사라지는 동네 목욕탕",
        "김태현 기자",
        "기사 북마크",
        "",
        LONG,
        "",
        "김태현 기자의 다른 기사",
        "신동아 최신호 보기",
    )
    gone = removed(doc)
    assert gone["기사 북마크"] == "boilerplate.chrome"
    assert gone["김태현 기자의 다른 기사"] == "boilerplate.promo"
    assert gone["신동아 최신호 보기"] == "boilerplate.promo"


def test_a_sentence_about_other_stories_stays() -> None:
    _, doc = norm("지역 언론의 겨울", "", LONG, "", "그는 그 기자의 다른 기사를 찾아 읽었다고 말했다.")
    assert "다른 기사를 찾아 읽었다" in body(doc)


# --- an info box at the end of a feature: its label over "▦가는 길=…" entries ---------------------------


def test_an_info_box_label_over_its_entries_is_a_heading() -> None:
    _, doc = norm(
        "겨울 통영, 굴 향기 따라 걷는 바닷길",
        "",
        LONG,
        "",
        "여행수첩",
        "▦가는 길=서울 남부터미널에서 통영까지 고속버스로 4시간 10분 걸린다.",
        "▦먹을 곳=강구안 일대에 굴 요리 전문점이 모여 있다.",
    )
    assert _headings(doc) == ["여행수첩"]
    entries = [b for b in doc.blocks if isinstance(b, Paragraph) and "=" in b.text]
    assert len(entries) == 2


def test_a_word_over_one_entry_is_no_box() -> None:
    _, doc = norm(
        "겨울 통영",
        "",
        LONG,
        "",
        "여행수첩",
        "▦가는 길=서울 남부터미널에서 통영까지 고속버스로 4시간 10분 걸린다.",
        "",
        LATER,
    )
    assert "여행수첩" not in _headings(doc)
