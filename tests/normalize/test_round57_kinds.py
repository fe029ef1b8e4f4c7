"""Failure kinds from held-out round 57 (documents): committee minutes copied from a viewer, a
Korean Wikipedia page saved in the 2022 skin, a city's plan notice with a deep outline and budget
tables, a company's press note with its Q&A, contact box and embargo line."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph, Table
from tests.normalize.test_real_shapes import body, norm, read_page, read_text_file, removed

# --- a wiki's edit link beside its heading ---------------------------------------------------------


def test_edit_link_set_beside_a_wiki_heading_is_removed(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        "<main><h1>솔내천</h1><p>솔내천은 가람군을 흐르는 하천이다.</p>"
        '<div class="mw-heading mw-heading2"><h2 id="유역">유역</h2><span class="mw-editsection">'
        '<span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit&amp;section=1">'
        '<span>편집</span></a><span class="mw-editsection-bracket">]</span></span></div>'
        "<p>유역 면적은 212제곱킬로미터이다.</p></main>",
    )
    assert "편집" not in body(doc)
    assert removed(doc).get("[편집]") == "clean.edit-link"
    assert "유역" in [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_edit_link_copied_on_the_line_under_a_section_title() -> None:
    _, doc = norm(
        "솔내천",
        "",
        "솔내천은 가람군을 흐르는 하천이다. 길이는 31킬로미터이다.",
        "",
        "유역",
        "[원본 편집]",
        "유역 면적은 212제곱킬로미터이며 논이 절반을 차지한다.",
    )
    assert "원본 편집" not in body(doc)
    assert removed(doc).get("[원본 편집]") == "clean.edit-link"


# --- minutes' cover ----------------------------------------------------------------------------------

_COVER = (
    "제301회 가람시의회(임시회)",
    "",
    "행정자치위원회회의록",
    "",
    "제2호",
    "",
    "가람도의회사무처",
    "",
    "일시  2026년 3월 4일(수)",
    "장소  제1소회의실",
    "",
    "의사일정",
    "1. 가람시 청사 관리 조례 일부개정조례안",
    "2. 2026년도 공유재산 관리계획안",
    "",
    "상정된 안건",
    "1. 가람시 청사 관리 조례 일부개정조례안",
    "2. 2026년도 공유재산 관리계획안",
    "",
    "(14시02분 개의)",
    "",
    "○위원장 한서윤  회의를 시작하겠습니다. 의사일정 제1항을 상정합니다.",
    "",
    "○자치행정국장 오태민  제안 이유를 설명드리겠습니다.",
    "",
    "(15시10분 산회)",
    "",
    "○출석 위원(4인)",
    "한서윤  이도윤  박서진  최유나",
    "○출석 공무원",
    "자치행정국장 오태민",
)


def test_minutes_cover_date_label_is_no_writer_and_unspaced_issuer_is_the_publisher() -> None:
    _, doc = norm(*_COVER)
    assert doc.meta.authors == []
    assert doc.meta.date == "2026-03-04"
    assert doc.meta.publisher == "가람도의회사무처"
    assert "일시" not in body(doc)


def test_minutes_items_taken_up_are_a_list_of_their_own_under_their_heading() -> None:
    _, doc = norm(*_COVER)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads[:2] == ["의사일정", "상정된 안건"]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 2 and lists[0].text == lists[1].text


def test_minutes_roll_counted_by_its_label_is_kept_and_the_next_label_stays_a_line() -> None:
    _, doc = norm(*_COVER)
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "한서윤 이도윤 박서진 최유나" in paragraphs
    assert "○출석 공무원" in paragraphs


def test_a_row_of_names_the_count_above_does_not_match_is_still_a_menu() -> None:
    _, doc = norm(
        "가람시의회 소식",
        "",
        "의회 소개  의원 정보  회의록  의정 소식",
        "",
        "가람시의회는 4일 임시회를 열어 조례안 두 건을 처리했다고 밝혔다. 회의는 두 시간 동안 이어졌다.",
    )
    assert "의회 소개" not in body(doc)


def test_a_list_pasted_twice_with_its_label_is_still_a_copy() -> None:
    lines = (
        "오늘의 처리 안건",
        "1. 도로 보수 예산 조정안",
        "2. 체육관 운영 조례안",
        "",
        "시의회는 이날 두 안건을 모두 원안대로 가결했다. 표결에는 의원 11명이 참여했다.",
        "",
    )
    _, doc = norm("가람시의회, 안건 두 건 가결", "", *lines, *lines)
    assert sum(isinstance(b, ListBlock) for b in doc.blocks) == 1
    assert removed(doc).get("2. 체육관 운영 조례안") == "dedupe.exact"


# --- a company's press note ---------------------------------------------------------------------


def _note(*tail: str) -> tuple[str, ...]:
    return (
        "솔빛모빌리티",
        "보도자료",
        "배포일시 2026. 12. 8.(화) 09:00",
        "이 보도자료는 2026년 12월 9일(수) 오후 2시 이후 보도해 주시기 바랍니다.",
        "",
        "솔빛모빌리티, 전기 셔틀버스 시범 운행",
        "- 가람 신도시 3개 노선, 무료로 6개월간 -",
        "",
        "□ 솔빛모빌리티(대표 문하진)는 가람 신도시에서 전기 셔틀버스 시범 운행을 시작한다고 밝혔다.",
        " ○ 배차 간격은 15분이며, 운행 시간은 오전 6시부터 밤 11시까지다.",
        "",
        *tail,
    )


def test_embargo_sentence_dates_the_release_over_its_distribution_time() -> None:
    _, doc = norm(*_note())
    assert doc.meta.date == "2026-12-09T14:00:00+09:00"
    assert removed(doc).get("배포일시 2026. 12. 8.(화) 09:00") == "dates.distributed"
    assert "보도해 주시기" not in body(doc)
    assert doc.meta.subtitles == ["가람 신도시 3개 노선, 무료로 6개월간"]


def test_company_letterhead_the_lead_opens_with_is_the_issuer() -> None:
    _, doc = norm(*_note())
    assert doc.meta.publisher == "솔빛모빌리티"
    assert removed(doc).get("솔빛모빌리티") == "release.issuer"


def test_letterhead_the_lead_does_not_name_is_no_issuer() -> None:
    lines = list(_note())
    lines[8] = "□ 가람시는 신도시에서 전기 셔틀버스 시범 운행을 시작한다고 밝혔다."
    _, doc = norm(*lines)
    assert doc.meta.publisher != "솔빛모빌리티"


def test_contact_box_copied_with_spaced_columns_is_removed() -> None:
    _, doc = norm(
        *_note(
            "담당 부서      책임자         담당자         전화",
            "사업기획팀     팀장 유하늘    대리 곽민재    02-555-0192",
        )
    )
    assert "02-555-0192" not in body(doc)
    assert "사업기획팀" not in body(doc)


def test_contact_box_as_a_tabbed_table_is_removed(tmp_path: Path) -> None:
    _, doc = read_text_file(
        tmp_path,
        *_note(
            "담당 부서\t책임자\t담당자\t연락처",
            "사업기획팀\t팀장 유하늘\t대리 곽민재\t02-555-0192",
            "대외협력실\t실장 진보람\t과장 라은호\t02-555-0230",
        ),
    )
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert "02-555" not in body(doc)


def test_attachment_note_and_address_footer_of_a_release_are_removed() -> None:
    _, doc = norm(
        *_note(
            "※ 첨부: 셔틀버스 운행 사진 3매",
            "",
            "솔빛모빌리티 홍보실 | 경기도 가람시 신도시로 120 | www.solbit-mobility.example.com",
        )
    )
    assert "운행 사진" not in body(doc)
    assert "신도시로 120" not in body(doc)


# --- a notice's outline, signature and tables ----------------------------------------------------

_NOTICE = (
    "가람군 공고 제2026-88호",
    "",
    "2026년 마을 공동체 활성화 사업 계획 공고",
    "",
    "  마을 공동체 활성화 사업 계획을 다음과 같이 공고합니다.",
    "",
    "2026. 3. 10.",
    "",
    "가 람 군 수",
    "",
    "Ⅰ. 지원 계획",
    "",
    "1. 지원 대상",
    " 가. 공모 자격",
    "  1) 주민 5명 이상이 모인 모임",
    "  2) 가람군에 1년 이상 거주한 주민이 대표인 모임",
    " 나. 제외 대상",
    "  1) 보조금 체납 단체",
    "  2) 다른 공모에 선정된 단체",
    "   가) 다만, 사업이 끝난 단체는 신청할 수 있음",
    "   나) 교육만 지원받은 단체도 신청할 수 있음",
    "",
    "2. 지원 내용",
    " 가. 활동비: 모임당 최대 500만 원",
    " 나. 장소: 마을회관 회의실 무상 제공",
    " 다. 컨설팅",
    "  1) 회계 교육(8시간)",
    "  2) 전문가 방문 상담",
    "   ① 상반기: 5월 중",
    "   ② 하반기: 10월 중",
    "",
    "3. 소요 예산",
    "                                   (단위: 천 원)",
    " 구    분        2025년      2026년      증  감",
    " 합    계        80,000      95,000      15,000",
    " 활동비          60,000      70,000      10,000",
    " 컨설팅          20,000      25,000       5,000",
)


def test_numbered_notice_signed_under_its_preamble(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_NOTICE)
    signed = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role == "signature"]
    assert signed == ["가람군수"]  # its date line, in the header, went to the metadata
    assert doc.meta.date == "2026-03-10"


def test_notice_signed_under_a_long_preamble_keeps_its_date_line_signed() -> None:
    _, doc = norm(
        "가람군 공고 제2026-91호",
        "",
        "2026년 경로당 난방비 지원 계획 공고",
        "",
        "「가람군 경로당 지원 조례」 제5조에 따라 2026년 관내 경로당 겨울철 난방비 지원 계획을 "
        "다음과 같이 공고합니다.",
        "",
        "2026. 11. 2.",
        "",
        "가 람 군 수",
        "",
        "1. 지원 대상: 관내 경로당 142곳",
        "2. 지원 금액: 경로당당 월 30만 원",
    )
    signed = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role == "signature"]
    assert signed == ["2026. 11. 2.", "가람군수"]
    assert doc.meta.date == "2026-11-02"


def test_lettered_item_ending_in_a_given_thing_is_no_photo_credit(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_NOTICE)
    assert "장소: 마을회관 회의실 무상 제공" in body(doc)
    assert not any(type(b).__name__ == "Figure" for b in doc.blocks)


def _nested_depth(block: ListBlock) -> int:
    inner = [b for item in block.items for b in item.blocks if isinstance(b, ListBlock)]
    return 1 + max((_nested_depth(b) for b in inner), default=0)


def test_items_of_a_section_outline_nest_the_ranks_under_them(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_NOTICE)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads[:5] == ["Ⅰ. 지원 계획", "1. 지원 대상", "가. 공모 자격", "나. 제외 대상", "2. 지원 내용"]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [2, 2, 3]
    assert [_nested_depth(b) for b in lists] == [1, 2, 3]
    assert "다만, 사업이 끝난 단체는 신청할 수 있음" in lists[1].text


def test_letter_spaced_labels_of_a_spaced_table_are_one_cell(tmp_path: Path) -> None:
    _, doc = read_text_file(tmp_path, *_NOTICE)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert [c.text for c in table.head[0].cells] == ["구분", "2025년", "2026년", "증감"]
    assert [row.cells[0].text for row in table.body] == ["합계", "활동비", "컨설팅"]
