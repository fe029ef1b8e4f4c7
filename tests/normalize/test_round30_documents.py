"""Failure kinds from held-out round 30 (documents: a KakaoTalk export with a forwarded notice, a
drug leaflet, a syllabus, an encyclopedia entry and a patent publication scraped as text), each on a
small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Heading, ListBlock, Paragraph, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed


def _file(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


# --- a KakaoTalk export with a text forwarded into the room -----------------------------------------

NOTICE = [
    "[Web발신]",
    "[햇살빌라 관리실]",
    "승강기 정기 점검 안내",
    "",
    "입주민 여러분께 알려 드립니다.",
    "승강기 안전 점검을 위하여 아래 시간 동안 승강기 운행을 멈추오니 양해 바랍니다.",
    "점검 시간은 오후 1시부터 오후 3시까지입니다.",
]


def _export(*messages: str) -> tuple[str, ...]:
    return (
        "햇살빌라 주민방 님과 카카오톡 대화",
        "저장한 날짜 : 2026-11-20 08:00:01",
        "",
        "--------------- 2026년 11월 18일 수요일 ---------------",
        *messages,
    )


def test_chat_export_keeps_the_forwarded_text_and_drops_the_chat() -> None:
    head = "[햇살빌라 관리실] [오후 2:10] " + NOTICE[0]
    _, doc = norm(
        *_export(head, *NOTICE[1:], "[이민수] [오후 2:30] 몇 동이요?", "[정하나] [오후 2:31] 전 동이래요")
    )
    text = body(doc)
    assert "승강기 안전 점검을 위하여" in text and "오후 3시까지" in text
    assert "몇 동이요" not in text and "전 동이래요" not in text and "카카오톡 대화" not in text
    gone = removed(doc)
    assert gone["[이민수] [오후 2:30] 몇 동이요?"] == "chat.message"
    assert gone["저장한 날짜 : 2026-11-20 08:00:01"] == "chat.export"
    assert gone[head] == "chat.export"
    assert doc.meta.publisher == "햇살빌라 관리실"
    assert doc.meta.title == "승강기 정기 점검 안내"


def test_chat_of_short_messages_only_is_left_alone() -> None:
    _, doc = norm(*_export("[이민수] [오후 2:30] 몇 동이요?", "[정하나] [오후 2:31] 전 동이래요"))
    assert not any(r.rule and r.rule.startswith("chat.") for r in doc.removed)


def test_a_message_with_its_own_text_keeps_it() -> None:
    said = "내일 오전 9시부터 낮 12시까지 단수됩니다. 미리 물을 받아 두시기 바랍니다."
    _, doc = norm(*_export(f"[관리실] [오전 9:00] {said}", *NOTICE[4:], "[이민수] [오전 9:30] 네"))
    assert said in body(doc) and "[오전 9:00]" not in body(doc)
    assert removed(doc)["[관리실] [오전 9:00]"] == "chat.export"


# --- a notice of no named kind, signed with its date and its office's head --------------------------


def test_notice_signed_by_date_and_office_head() -> None:
    _, doc = norm(
        "물탱크 청소 일정",
        "",
        "물탱크 청소를 아래와 같이 실시하오니 주민 여러분의 양해를 부탁드립니다. "
        "청소하는 동안에는 물이 나오지 않습니다.",
        "청소가 끝나면 잠시 물을 틀어 두신 뒤 사용하시기 바랍니다.",
        "",
        "2026. 11. 3.",
        "솔빛아파트 관리사무소장",
    )
    roles = [b.role for b in doc.blocks if isinstance(b, Paragraph)]
    assert roles[-2:] == ["signature", "signature"]
    assert doc.meta.date == "2026-11-03"


def test_short_closing_lines_without_an_office_are_no_signature() -> None:
    _, doc = norm(
        "물탱크 청소 일정",
        "",
        "물탱크 청소를 아래와 같이 실시하오니 주민 여러분의 양해를 부탁드립니다. "
        "청소하는 동안에는 물이 나오지 않습니다.",
        "2026. 11. 3.",
        "많은 협조 부탁",
    )
    assert all(b.role is None for b in doc.blocks if isinstance(b, Paragraph))


def test_heading_mark_before_the_title_goes() -> None:
    _, doc = norm(
        "■ 도서관 휴관 안내",
        "",
        "시설 공사로 12월 한 달 동안 도서관을 닫습니다. 반납은 무인반납함을 이용해 주세요.",
    )
    assert doc.meta.title == "도서관 휴관 안내"


# --- a scrape's site header and breadcrumb ---------------------------------------------------------


def test_site_name_over_its_menu_is_not_the_title() -> None:
    _, doc = norm(
        "가람대학교 종합정보시스템",
        "학사 | 수업 | 성적 | 로그아웃",
        "",
        "2027학년도 1학기 수강 신청 안내",
        "",
        "수강 신청은 2월 10일부터 2월 14일까지 종합정보시스템에서 할 수 있습니다. 학과별 시간이 다릅니다.",
    )
    assert doc.meta.title == "2027학년도 1학기 수강 신청 안내"


def test_breadcrumb_of_longer_places_is_chrome() -> None:
    _, doc = norm(
        "의약품등 정보 > 의약품 제품 정보 > 상세정보",
        "",
        "가람콜드시럽(아세트아미노펜)",
        "",
        "감기로 인한 콧물, 코막힘, 재채기, 인후통을 완화하는 데 쓰는 시럽제입니다. 식후에 복용합니다.",
    )
    assert doc.meta.title == "가람콜드시럽(아세트아미노펜)"
    assert removed(doc)["의약품등 정보 > 의약품 제품 정보 > 상세정보"] == "boilerplate.chrome"


# --- a form's field table copied with tabs (the text reader) ---------------------------------------


def test_tabbed_field_table_has_no_header_row(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        "금속활자\n\n분야\t과학기술 > 인쇄\n재료\t구리, 주석, 납\n최초 사용\t고려 시대(13세기 전반)\n\n"
        "금속을 녹여 부어 만든 활자로, 고려 시대에 처음 만들어 책을 찍었다고 전한다.\n",
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(0, 3)]


def test_tabbed_table_under_column_names_keeps_its_header(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        "평가 방법\n\n평가 항목\t비율\n중간고사\t30%\n기말고사\t40%\n과제\t30%\n\n"
        "결석이 수업 일수의 4분의 1을 넘으면 성적을 F로 처리한다.\n",
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(1, 3)]


# --- labelled parts of a plain-text document ---------------------------------------------------------


def _lines(tmp_path: Path, *lines: str) -> Document:
    return _file(tmp_path, "\n".join(lines) + "\n")


def test_short_labels_opening_three_groups_are_headings(tmp_path: Path) -> None:
    doc = _lines(
        tmp_path,
        "가람콜드시럽(아세트아미노펜)",
        "",
        "이 약은 가람제약이 만든 일반의약품으로, 약국에서 처방전 없이 살 수 있는 감기약이다.",
        "",
        "효능효과",
        "감기로 인한 발열 및 동통(통증), 두통, 신경통, 근육통의 완화에 쓴다.",
        "",
        "용법용량",
        "만 12세 이상은 1회 10밀리리터씩 하루 세 번 식후에 복용한다.",
        "",
        "저장방법",
        "어린이의 손이 닿지 않는 서늘한 곳에 마개를 닫아 보관한다.",
    )
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["효능효과", "용법용량", "저장방법"]


def test_two_labelled_groups_or_short_stanzas_stay_text(tmp_path: Path) -> None:
    two = _lines(
        tmp_path,
        "가람콜드시럽(아세트아미노펜)",
        "",
        "이 약은 가람제약이 만든 일반의약품으로, 약국에서 처방전 없이 살 수 있는 감기약이다.",
        "",
        "효능효과",
        "감기로 인한 발열 및 동통(통증), 두통, 신경통, 근육통의 완화에 쓴다.",
        "",
        "용법용량",
        "만 12세 이상은 1회 10밀리리터씩 하루 세 번 식후에 복용한다.",
    )
    assert not any(isinstance(b, Heading) for b in two.blocks)
    poem = _lines(
        tmp_path,
        "밤의 부엌 외 2편",
        "",
        "어머니는",
        "불을 끄지 않고",
        "",
        "식은 국이",
        "다시 식지 않도록",
        "",
        "나는 그 틈으로",
        "새어 나오는 빛을",
    )
    assert not any(isinstance(b, Heading) for b in poem.blocks)


# --- a patent gazette copied as text ------------------------------------------------------------------

GAZETTE = (
    "(19) 대한민국특허청(KR)",
    "(12) 등록특허공보(B1)",
    "(45) 공고일자 2026년09월02일",
    "(11) 등록번호 10-2998877",
    "(72) 발명자 서하윤, 문지호",
    "(54) 발명의 명칭 접이식 독서대",
    "(57) 요 약",
    "본 발명은 책을 펼친 채로 고정하는 접이식 독서대에 관한 것으로, "
    "받침판과 각도 조절부와 책 누름쇠를 포함한다.",
    "",
    "【청구항 1】",
    "받침판; 상기 받침판의 각도를 조절하는 각도 조절부; 및 책장을 누르는 누름쇠를 포함하는, 접이식 독서대.",
    "【기술분야】",
    "【0001】 본 발명은 접이식 독서대에 관한 것이다.",
    "【부호의 설명】",
    "10: 받침판",
    "20: 각도 조절부",
    "30: 누름쇠",
)


def test_patent_cover_gives_title_authors_date_and_publisher() -> None:
    _, doc = norm(*GAZETTE)
    assert doc.meta.title == "접이식 독서대"
    assert [a.name for a in doc.meta.authors] == ["서하윤", "문지호"]
    assert doc.meta.date == "2026-09-02"
    assert doc.meta.publisher == "특허청"
    fields = doc.blocks[0]
    assert isinstance(fields, ListBlock) and len(fields.items) == 5
    assert "(11) 등록번호 10-2998877" in body(doc)


def test_patent_labels_are_headings_and_signs_a_list() -> None:
    _, doc = norm(*GAZETTE)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["(57) 요 약", "청구항 1", "기술분야", "부호의 설명"]
    assert "【0001】 본 발명은" in body(doc)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [5, 3]


def test_numbered_lines_without_a_cover_are_no_patent() -> None:
    _, doc = norm(
        "회의 결과 안내",
        "",
        "(1) 안건 하나는 원안대로 의결하였습니다. 세부 일정은 따로 알려 드립니다.",
        "(2) 안건 둘은 다음 회의에서 다시 논의합니다.",
    )
    assert doc.meta.publisher != "특허청" and not doc.meta.authors


# --- a database's notes and footer ------------------------------------------------------------------


def test_copy_note_and_two_body_footer_are_removed() -> None:
    _, doc = norm(
        "접이식 독서대",
        "",
        "본 발명은 책을 펼친 채로 고정하는 접이식 독서대에 관한 것으로, "
        "받침판과 각도 조절부와 책 누름쇠를 포함한다.",
        "※ 이 문서는 공보 원문을 텍스트로 변환한 것으로, 수식과 도면은 원문(PDF)에서 확인하십시오.",
        "특허청 | 한국특허정보원 (35208) 대전광역시 서구 청사로 189 | 고객센터 1544-8080",
    )
    rules = removed(doc)
    assert (
        rules["※ 이 문서는 공보 원문을 텍스트로 변환한 것으로, 수식과 도면은 원문(PDF)에서 확인하십시오."]
        == "boilerplate.policy"
    )
    assert (
        rules["특허청 | 한국특허정보원 (35208) 대전광역시 서구 청사로 189 | 고객센터 1544-8080"]
        == "boilerplate.board"
    )


# --- a form's date and writer on one line --------------------------------------------------------------


def test_writer_field_beside_the_date_field_names_the_author() -> None:
    _, doc = norm(
        "2027학년도 1학기 강의계획서",
        "",
        "이 강의는 원고가 책이 되기까지의 과정을 기획, 편집, 조판, 제작, 유통의 단계로 나누어 살펴본다.",
        "",
        "작성일: 2027. 2. 10.  작성자: 정하린",
    )
    assert doc.meta.date == "2027-02-10"
    assert [a.name for a in doc.meta.authors] == ["정하린"]
    assert "작성자" not in body(doc) and "자:" not in body(doc)


# --- a wiki page exported as HTML (Confluence) -----------------------------------------------------------


def test_wiki_export_space_prefix_panel_and_toggle_word(tmp_path: Path) -> None:
    page = (
        "<div id='main-header'><ol id='breadcrumbs'>\n<li><a href='index.html'>편집국 위키</a></li>\n"
        "<li><a href='1.html'>편집국 홈</a></li></ol>\n"
        "<h1 id='title-heading' class='pagetitle'>"
        "<span id='title-text'>편집국 위키 : 교열 원칙 정리</span></h1></div>\n"
        "<div id='main-content' class='wiki-content'>\n"
        "<div class='confluence-information-macro confluence-information-macro-note'>"
        "<div class='confluence-information-macro-body'><p>이 문서는 교열팀이 매주 고칩니다. "
        "의견은 팀 채널에 남겨 주세요.</p></div></div>\n"
        "<h2>띄어쓰기</h2><p>의존 명사는 앞말과 띄어 쓴다. 다만 관용으로 굳은 말은 사전에 따른다. "
        "애매한 말은 표준국어대사전의 용례를 먼저 찾는다.</p>\n"
        "<div class='expand-container'><div class='expand-control'><span class='expand-control-text'>"
        "지난 회의에서 정한 것 (펼치기)</span></div><div class='expand-content'>"
        "<p>숫자와 단위는 붙여 쓰기로 했다. 표 안에서도 같은 원칙을 따른다. "
        "예외는 따로 적는다.</p></div></div>"
        "</div>"
    )
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>편집국 위키 : 교열 원칙 정리</title></head>"
        f"<body>{page}</body></html>"
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert doc.meta.title == "교열 원칙 정리"
    assert doc.meta.publisher == "편집국 위키"
    notes = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "editor-note"]
    assert [b.text[:8] for b in notes] == ["이 문서는 교열"]
    assert "(펼치기)" not in body(doc) and "지난 회의에서 정한 것" in body(doc)
    assert removed(doc)["(펼치기)"] == "clean.toggle-word"


def test_title_with_a_colon_but_no_such_navigation_keeps_it() -> None:
    _, doc = norm(
        "교열 원칙 : 띄어쓰기와 숫자 표기",
        "",
        "의존 명사는 앞말과 띄어 쓴다. 다만 관용으로 굳은 말은 사전에 따른다. "
        "애매한 말은 표준국어대사전의 용례를 먼저 찾는다.",
    )
    assert doc.meta.title == "교열 원칙 : 띄어쓰기와 숫자 표기"


# --- an encyclopedia entry copied as text ------------------------------------------------------------


def test_headword_over_its_gloss_is_the_title(tmp_path: Path) -> None:
    doc = _lines(
        tmp_path,
        "활판",
        "[ 活版 , letterpress ]",
        "활자를 짜 맞추어 만든 인쇄판. 또는 그것으로 찍어 낸 인쇄물을 이르는 말이다.",
    )
    assert doc.meta.title == "활판"
    assert doc.meta.subtitles == ["活版, letterpress"]


def test_short_line_without_a_gloss_is_no_headword(tmp_path: Path) -> None:
    doc = _lines(
        tmp_path,
        "활판",
        "활판 인쇄의 역사와 오늘",
        "활자를 짜 맞추어 만든 인쇄판으로 찍는 방식은 조선 시대에 크게 발달하였다고 전한다.",
    )
    assert doc.meta.title == "활판 인쇄의 역사와 오늘"


def test_plain_contents_naming_later_headings_goes(tmp_path: Path) -> None:
    doc = _lines(
        tmp_path,
        "금속활자",
        "",
        "금속을 녹여 부어 만든 활자로, 고려 시대에 처음 만들어 책을 찍었다고 전하는 인쇄 도구이다.",
        "",
        "목차",
        "1. 역사",
        "2. 의의",
        "",
        "역사",
        "고려에서는 13세기 전반에 이미 금속활자로 책을 찍었다는 기록이 문집에 남아 있다고 전한다.",
        "",
        "제작",
        "조선 시대의 금속활자는 주로 밀랍 주조법과 주물사 주조법으로 만들었다고 전한다.",
        "",
        "의의",
        "한 번 만든 활자를 여러 책에 되풀이해 쓸 수 있어 적은 부수의 책을 찍는 데 알맞았다.",
    )
    rules = removed(doc)
    assert rules["목차"] == "contents.toc" and rules["1. 역사"] == "contents.toc"
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["역사", "제작", "의의"]


def test_list_under_contents_naming_no_headings_stays(tmp_path: Path) -> None:
    doc = _lines(
        tmp_path,
        "준비물 안내",
        "",
        "견학 당일에는 아래 준비물을 챙겨 오시기 바랍니다. 점심은 학교에서 제공합니다.",
        "",
        "차례",
        "1. 필기도구",
        "2. 물병",
    )
    assert "contents.toc" not in removed(doc).values()


def test_portal_citation_line_names_the_work_and_goes() -> None:
    citation = "[네이버 지식백과] 활판 [活版, letterpress] (두산백과 두피디아, 두산백과)"
    _, doc = norm(
        "활판 인쇄의 역사",
        "",
        "활자를 짜 맞추어 만든 인쇄판으로 찍는 방식은 조선 시대에 크게 발달하였다고 전한다.",
        citation,
        "관련이미지 8",
        "연관 항목",
        "이 항목을 추천합니다 24 | 오류 제보",
    )
    assert doc.meta.publisher == "두산백과"
    gone = removed(doc)
    assert gone[citation] == "publisher.cited-entry"
    assert {gone["관련이미지 8"], gone["연관 항목"]} == {"boilerplate.chrome"}


def test_caption_with_a_marked_credit_is_a_figure() -> None:
    _, doc = norm(
        "활판 인쇄의 역사",
        "",
        "활자를 짜 맞추어 만든 인쇄판으로 찍는 방식은 조선 시대에 크게 발달하였다고 전한다.",
        "청주 고인쇄박물관의 활판 복원품 ⓒ 가람사진",
        "조선에서는 태종 때 주자소를 두고 계미자를 만들었다고 전한다. 세종 때에는 갑인자를 만들었다.",
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.caption_text if hasattr(f, "caption_text") else f.text, f.credit) for f in figures] == [
        ("청주 고인쇄박물관의 활판 복원품", "가람사진")
    ]


def test_footer_opening_with_its_postal_code_is_removed() -> None:
    footer = "(16890) 가람시 가람대학로 100 가람대학교 | 학사지원팀 031-520-1234"
    _, doc = norm(
        "수강 신청 안내",
        "",
        "수강 신청은 2월 10일부터 2월 14일까지 종합정보시스템에서 할 수 있습니다. 학과별 시간이 다릅니다.",
        footer,
    )
    assert removed(doc)[footer] == "boilerplate.board"


def test_wiki_page_line_dates_the_page_over_a_table_time(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>배포 계획</title></head><body>\n"
        "<h1>배포 계획</h1>\n"
        "<div class='page-metadata'>Created by <span class='author'>김지우</span>, "
        "last modified on 12월 02, 2026</div>\n"
        "<div id='main-content'><p>전자책 변환기 2.4는 EPUB 3.3 검증을 기본으로 켜고 "
        "세로쓰기 문서의 목차 오류를 "
        "고친 판입니다. 배포는 스테이징을 거쳐 나갑니다.</p>\n"
        "<table><tr><th>단계</th><th>날짜</th></tr>\n"
        "<tr><td>코드 동결</td><td><time datetime='2026-12-03'>03 12월 2026</time></td></tr>\n"
        "<tr><td>운영 배포</td><td><time datetime='2026-12-10'>10 12월 2026</time></td></tr></table></div>\n"
        "</body></html>",
        encoding="utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    assert normalize(raw).meta.date == "2026-12-02"


def test_product_sheet_maker_field_publishes_it(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        "가람콜드시럽(아세트아미노펜)\n\n"
        "성상\t붉은색의 투명한 시럽제\n업체명\t가람제약(주)\n전문/일반\t일반의약품\n\n"
        "감기로 인한 발열 및 동통(통증), 두통, 신경통, 근육통의 완화에 쓰는 시럽제이다.\n",
    )
    assert doc.meta.publisher == "가람제약(주)"


def test_link_row_with_a_file_format_is_a_menu() -> None:
    _, doc = norm(
        "가람콜드시럽(아세트아미노펜)",
        "",
        "감기로 인한 발열 및 동통(통증), 두통, 신경통, 근육통의 완화에 쓰는 시럽제이다. 식후에 복용한다.",
        "첨부문서(PDF) | 제품사진 | 변경이력",
    )
    assert removed(doc)["첨부문서(PDF) | 제품사진 | 변경이력"] == "boilerplate.chrome"
