"""Failure kinds from held-out round 38 (a wire's 신간 item, an apartment portal's notice post, a
보도참고자료 with a Q&A part and a contact box of two offices), each on a small made-up input shaped like
the real ones."""

from __future__ import annotations

from tests.normalize.test_real_shapes import body, norm, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


# --- a release's contact box as text lines, with a co-office's row ----------------------------------


def test_a_co_offices_contact_row_goes_with_the_box() -> None:
    row = "<공동> 국토교통부 주택정책과   책임자 과  장 정○○ (044-201-0000)"
    _, doc = norm(
        "보도자료",
        "전세 사기 피해 지원 확대",
        LONG,
        LATER,
        "담당 부서 기획재정부 부동산정책과   책임자 과  장 한○○ (044-215-0000)",
        row,
    )
    assert "044-201" not in body(doc)
    assert removed(doc).get(row) == "boilerplate.release"


def test_a_contact_line_names_the_issuer_when_nothing_else_does() -> None:
    _, doc = norm(
        "보도참고자료",
        "전세 사기 피해 지원 확대",
        LONG,
        LATER,
        "담당 부서 기획재정부 부동산정책과   책임자 과  장 한○○ (044-215-0000)",
    )
    assert doc.meta.publisher == "기획재정부"


def test_a_sentence_naming_a_joint_effort_stays() -> None:
    said = "<공동> 표기는 두 부처가 함께 냈다는 뜻이라고 담당자는 설명했다."
    _, doc = norm("공동 발표의 뜻", LONG, said, LATER)
    assert "두 부처가 함께" in body(doc)


# --- a caption whose credit bracket carries the agency's licence -------------------------------------


def test_a_captions_licence_bracket_is_its_credit_not_the_pages_rights() -> None:
    caption = "행사 포스터 [가람문화재단 제공. 재판매 및 DB 금지]"
    _, doc = norm("겨울 음악회 열린다", "이미지 확대", caption, LONG, LATER)
    assert doc.meta.rights is None
    figures = [b for b in doc.blocks if type(b).__name__ == "Figure"]
    assert [f.credit for f in figures] == ["가람문화재단 제공"]


def test_a_wire_footer_with_the_licence_is_still_the_rights() -> None:
    footer = "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>"
    _, doc = norm("겨울 음악회 열린다", LONG, LATER, footer)
    assert doc.meta.rights and "연합뉴스" in doc.meta.rights


# --- two photos with the same generic caption and different credits ------------------------------------


def test_one_generic_caption_under_two_credits_is_two_photos() -> None:
    first, second = "책 표지 이미지 [한빛출판 제공]", "책 표지 이미지 [가람책방 제공]"
    _, doc = norm("새로 나온 책", "이미지 확대", first, LONG, "이미지 확대", second, LATER)
    figures = [b for b in doc.blocks if type(b).__name__ == "Figure"]
    assert [f.credit for f in figures] == ["한빛출판 제공", "가람책방 제공"]


def test_a_caption_repeated_with_the_same_credit_is_still_a_copy() -> None:
    caption = "개막식 모습 [가람시 제공]"
    _, doc = norm("축제 개막", caption, LONG, caption, LATER)
    assert sum(1 for b in doc.blocks if type(b).__name__ == "Figure") == 1


# --- a new-books item's entry lines ---------------------------------------------------------------------


def test_a_books_entry_line_is_a_heading_not_a_caption() -> None:
    _, doc = norm(
        "[신간] 물의 시간·밤의 정원",
        "(서울=연합뉴스) 박서윤 기자 = ▲ 물의 시간 = 한지우 지음.",
        "강과 호수를 따라가며 인간의 문명이 물과 맺어온 관계를 살핀 교양서.",
        "한빛출판. 312쪽. 1만8천원.",
        "▲ 밤의 정원 = 로라 벤슨 지음. 김하늘 옮김.",
        "밤에 피는 꽃들의 생태를 기록한 에세이.",
        "가람책방. 248쪽. 1만6천500원.",
    )
    kinds = [(type(b).__name__, b.text) for b in doc.blocks]
    assert ("Heading", "물의 시간 = 한지우 지음.") in kinds
    assert ("Heading", "밤의 정원 = 로라 벤슨 지음. 김하늘 옮김.") in kinds


def test_a_photo_caption_with_an_equals_sign_stays_a_caption() -> None:
    _, doc = norm("축제 개막", LONG, "▲ 개막식에서 인사하는 김민수 시장", LATER)
    assert not any(type(b).__name__ == "Heading" for b in doc.blocks)


# --- an apartment portal's notice post --------------------------------------------------------------

NOTICE = "동절기 결빙에 대비하여 아래와 같이 지하주차장 물청소를 실시하오니 차량을 이동하여 주시기 바랍니다."


def test_a_boards_reaction_counter_and_login_prompt_go() -> None:
    _, doc = norm("승강기 정기 검사 안내", NOTICE, LATER, "공감 3", "댓글을 작성하려면 로그인하세요.")
    assert "공감 3" not in body(doc)
    assert "로그인하세요" not in body(doc)


def test_a_sentence_about_empathy_stays() -> None:
    said = "공감 3가지 원칙을 지키면 대화가 달라진다고 상담사는 말했다."
    _, doc = norm("대화의 기술", LONG, said, LATER)
    assert "공감 3가지" in body(doc)


def test_a_pointer_to_the_items_below_is_no_heading() -> None:
    _, doc = norm(
        "지하주차장 물청소 안내",
        NOTICE,
        "- 아 래 -",
        "1. 일시: 2026년 12월 10일(목) 오전 9시",
        "2. 장소: 지하주차장 1층",
        LATER,
    )
    assert not any(type(b).__name__ == "Heading" and "아 래" in b.text for b in doc.blocks)
    assert "- 아 래 -" in body(doc)


def test_a_notice_signed_by_an_office_head_with_a_stamp_note_names_its_publisher() -> None:
    from bookmaker.normalize.context import Context, Item
    from bookmaker.normalize.passes import roles
    from bookmaker.normalize.rules import load_rules

    def item(line: int, text: str) -> Item:
        return Item(text=text, line=line, source=text)

    tail = [item(1, "2026년 12월 4일"), item(2, "가람마을 5단지 관리사무소장 (직인생략)")]
    assert roles._signed_notice(tail)
    ctx = Context(body=[], rules=load_rules(None))
    roles._vote_signing_body(ctx, "가람마을 5단지 관리사무소장 (직인생략)")
    roles._vote_signing_body(ctx, "서울꿈빛초등학교장 [직인생략]")
    assert [name for _, name in ctx.publisher_votes] == ["가람마을 5단지 관리사무소", "서울꿈빛초등학교"]


def test_a_district_heads_signature_names_no_body_by_itself() -> None:
    _, doc = norm("주민 설명회 안내", NOTICE, LATER, "2026년 12월 4일", "가람시 은빛동장")
    assert doc.meta.publisher != "가람시 은빛동"
