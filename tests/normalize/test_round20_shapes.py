"""Failure kinds from held-out round 20 (a Notion page exported as HTML, Markdown lecture notes with
TeX, a department's notice board, a GitHub issue, a 민원 answer and a shop's product page copied as
text), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Heading, ListBlock, Paragraph
from tests.normalize.test_real_shapes import body, norm, read_page, removed
from tests.normalize.test_round15_shapes import read_text

PROSE = "올해 하반기 모임에는 매달 평균 14명이 참여했고, 상반기에는 발제를 돌아가며 맡기로 했습니다."

# --- a note-taking tool's HTML export ------------------------------------------------------------


def _notion(body_html: str) -> str:
    return (
        "<article class='page sans'><header><div class='page-header-icon'><span class='icon'>📚</span>"
        "</div><h1 class='page-title'>상반기 독서모임 운영 계획</h1><table class='properties'><tbody>\n"
        "<tr class='property-row'><th>작성자</th><td><span class='user'>김도윤</span></td></tr>\n"
        "<tr class='property-row'><th>태그</th><td><span class='selected-value'>독서</span>"
        "<span class='selected-value'>운영</span></td></tr>\n"
        "<tr class='property-row'><th>날짜</th><td><time>@2026년 12월 3일</time></td></tr>\n"
        f"</tbody></table></header><div class='page-body'>\n{body_html}</div></article>"
    )


def test_notion_properties_table_names_the_author_and_date(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, _notion(f"<p>{PROSE}</p>"))
    assert [a.name for a in doc.meta.authors] == ["김도윤"]
    assert doc.meta.date == "2026-12-03"
    assert removed(doc)["태그: 독서, 운영"] == "boilerplate.properties"
    assert body(doc) == PROSE


def test_one_list_per_bullet_is_one_list(tmp_path: Path) -> None:
    bullets = "\n".join(
        f"<ul class='bulleted-list'><li style='list-style-type:disc'>{x}</li></ul>"
        for x in ("첫째 항목입니다.", "둘째 항목입니다.", "셋째 항목입니다.")
    )
    _, doc = read_page(tmp_path, _notion(f"<p>{PROSE}</p>\n{bullets}\n<p>{PROSE}</p>"))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3]


def test_lists_of_several_items_in_a_row_stay_two(tmp_path: Path) -> None:
    one = "<ul class='x'><li>가 항목입니다.</li><li>나 항목입니다.</li></ul>"
    two = "<ul class='x'><li>다 항목입니다.</li><li>라 항목입니다.</li></ul>"
    _, doc = read_page(tmp_path, f"<article><p>{PROSE}</p>\n{one}\n{two}\n<p>{PROSE}</p></article>")
    assert [len(b.items) for b in doc.blocks if isinstance(b, ListBlock)] == [2, 2]


def test_toggles_are_one_list_of_summary_and_text(tmp_path: Path) -> None:
    toggles = "\n".join(
        f"<ul class='toggle'><li><details open=''><summary>{m}월 도서</summary>"
        f"<p>{m}월에는 소설을 한 권 읽습니다.</p></details></li></ul>"
        for m in (1, 2)
    )
    _, doc = read_page(tmp_path, _notion(f"<p>{PROSE}</p>\n{toggles}"))
    (toggle,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [item.blocks[0].text for item in toggle.items] == ["1월 도서", "2월 도서"]


def test_a_callout_above_the_text_is_an_editors_note(tmp_path: Path) -> None:
    callout = (
        "<figure class='block-color-gray_background callout'><div><span class='icon'>💡</span></div>"
        "<div>이 문서는 운영진 회의에서 정한 내용을 정리한 것입니다.</div></figure>"
    )
    _, doc = read_page(tmp_path, _notion(f"{callout}\n<p>{PROSE}</p>"))
    note = doc.blocks[0]
    assert isinstance(note, Paragraph) and note.role == "editor-note"
    assert removed(doc)["💡"] == "boilerplate.chrome"


# --- Markdown with TeX ---------------------------------------------------------------------------


def test_tex_between_dollars_is_kept_as_written(tmp_path: Path) -> None:
    text = (
        "# 고유값\n\n행렬 $A = \\begin{pmatrix} 2 & 1 \\\\ 1 & 2 \\end{pmatrix}$ 의 고유값을 구한다.\n\n"
        "다음 방정식의 해로 구한다.\n\n$$\n\\det(A - \\lambda I) = 0\n$$\n\n값은 $100에서 $200 사이다.\n"
    )
    _, doc = read_text(tmp_path, text, "note.md")
    assert body(doc).splitlines() == [
        "행렬 $A = \\begin{pmatrix} 2 & 1 \\\\ 1 & 2 \\end{pmatrix}$ 의 고유값을 구한다.",
        "다음 방정식의 해로 구한다.",
        "$$\\det(A - \\lambda I) = 0$$",
        "값은 $100에서 $200 사이다.",
    ]
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


def test_a_heading_of_the_front_matter_titles_words_is_its_line(tmp_path: Path) -> None:
    text = (
        "---\ntitle: 선형대수 7주차 강의 노트 — 고유값과 고유벡터\n---\n\n# 7주차: 고유값과 고유벡터\n\n"
        f"{PROSE}\n"
    )
    _, doc = read_text(tmp_path, text, "note.md")
    assert doc.meta.title == "선형대수 7주차 강의 노트 — 고유값과 고유벡터"
    assert body(doc) == PROSE
    other = text.replace("# 7주차: 고유값과 고유벡터", "# 연습 문제 풀이")  # another heading stays
    _, doc = read_text(tmp_path, other, "note.md")
    assert body(doc).splitlines()[0] == "연습 문제 풀이"


# --- a department's notice board -----------------------------------------------------------------

SUBJECT = "2027학년도 1학기 졸업작품 발표회 참가 신청 안내"


def _board(text_html: str, title: str = "학부 공지사항 | 한빛대학교 컴퓨터공학과") -> tuple[str, str]:
    return (
        f"<title>{title}</title>",
        "<div class='board-view'><table class='board-view-table'><thead>\n"
        "<tr><th>제목</th><th>작성자</th><th>작성일</th><th>조회수</th></tr>\n"
        f"<tr><td class='subject'>{SUBJECT}</td><td class='writer'>학과사무실</td>"
        "<td class='date'>2026.12.01</td><td class='hit'>842</td></tr>\n"
        f"</thead></table><div class='board-content'>\n{text_html}</div></div>",
    )


def test_a_view_tables_subject_cell_is_the_headline_and_the_title_names_the_site(tmp_path: Path) -> None:
    head, page = _board(f"<p>{PROSE}</p>\n<p>{PROSE[:-1]}이었습니다.</p>")
    _, doc = read_page(tmp_path, page, head)
    assert doc.meta.title == SUBJECT
    assert doc.meta.subtitles == []
    assert doc.meta.publisher == "한빛대학교 컴퓨터공학과"
    assert doc.meta.date == "2026-12-01"


def test_a_numbered_field_of_the_text_does_not_date_the_notice(tmp_path: Path) -> None:
    fields = "".join(
        f"<p>{line}</p>\n"
        for line in ("1. 신청 방법: 이메일로 제출", "2. 발표 일시: 2027. 3. 26.(금) 13:00, 대강당")
    )
    head, page = _board(f"<p>{PROSE}</p>\n{fields}<p>{PROSE[:-1]}이었습니다.</p>")
    _, doc = read_page(tmp_path, page, head)
    assert doc.meta.date == "2026-12-01"
    assert "2027. 3. 26.(금) 13:00" in body(doc)


def test_a_title_naming_no_board_names_no_site_by_this_rule(tmp_path: Path) -> None:
    head, page = _board(f"<p>{PROSE}</p>", title="한빛대학교 | 컴퓨터공학과")
    _, doc = read_page(tmp_path, page, head)
    assert doc.meta.publisher != "컴퓨터공학과"


# --- a public agency's answer to a 민원, copied as text ------------------------------------------

ANSWER = "보행 신호를 23초로 늘리기로 하였으며 11월 27일부터 바뀐 신호로 운영할 예정입니다."


def _minwon(*tail: str) -> tuple[str, ...]:
    return (
        "민원 상세보기",
        "민원 제목 : 횡단보도 신호 시간 연장 요청",
        "신청번호 : 1AA-2611-0312457",
        "신청인 : 김○○",
        "신청일 : 2026-11-12 09:41",
        "",
        "정문 앞 횡단보도의 보행 신호가 너무 짧습니다.",
        "",
        "처리기관 : 경기도 가람시",
        "담당부서 : 교통정책과",
        "처리일 : 2026-11-20 16:05",
        "",
        ANSWER,
        *tail,
    )


def test_a_minwon_answers_fields_give_title_date_and_publisher(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(_minwon()))
    assert doc.meta.title == "횡단보도 신호 시간 연장 요청"
    assert doc.meta.subtitles == [] and doc.meta.authors == []
    assert doc.meta.date == "2026-11-20T16:05:00+09:00"  # the answer's day, not the question's
    assert doc.meta.publisher == "경기도 가람시"
    assert "신청번호 : 1AA-2611-0312457" in body(doc) and "신청일" not in body(doc)


def test_a_satisfaction_survey_and_the_neighbouring_complaints_go(tmp_path: Path) -> None:
    tail = (
        "",
        "민원 만족도 평가",
        "답변 내용에 만족하십니까?",
        "매우 만족 | 만족 | 보통 | 불만족 | 매우 불만족",
        "평가하기",
        "이전 민원 : 공원 내 야간 조명 고장 신고",
        "다음 민원 : 불법 주정차 단속 카메라 설치 요청",
        "국민권익위원회 | (30102) 세종특별자치시 도움5로 20 정부세종청사 7동 | 민원상담 국번없이 110",
    )
    _, doc = read_text(tmp_path, "\n".join(_minwon(*tail)))
    assert body(doc).splitlines()[-1] == ANSWER
    gone = removed(doc)
    assert gone["답변 내용에 만족하십니까?"] == gone["평가하기"] == "boilerplate.chrome"
    assert gone["이전 민원 : 공원 내 야간 조명 고장 신고"] == "boilerplate.board"
    assert gone[tail[-1]] == "boilerplate.board"


def test_a_sentence_about_satisfaction_stays() -> None:
    line = "주민 대다수가 새 신호 체계에 만족한다고 답했습니다."
    _, doc = norm("횡단보도 신호 체계 개선 결과", PROSE, line)
    assert line in body(doc)


def test_form_fields_in_a_row_are_a_list_under_their_section_label(tmp_path: Path) -> None:
    lines = list(_minwon())
    lines.insert(lines.index("처리기관 : 경기도 가람시"), "답변")
    lines.insert(lines.index("처리일 : 2026-11-20 16:05"), "담당자 : 이○○")
    _, doc = read_text(tmp_path, "\n".join(lines))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    # the question's two fields left beside its date (metadata) are too few for a list
    assert [[item.blocks[0].text for item in b.items] for b in lists] == [
        ["처리기관 : 경기도 가람시", "담당부서 : 교통정책과", "담당자 : 이○○"]
    ]
    assert any(isinstance(b, Heading) and b.text == "답변" for b in doc.blocks)


def test_two_fields_are_no_list() -> None:
    fields = ("담당부서 : 교통정책과", "연락처 : 031-555-4521")
    _, doc = norm("새 신호 체계 안내", PROSE, *fields, PROSE[:-1] + "요.")
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


# --- an issue tracker's page ---------------------------------------------------------------------


def _issue(author: str) -> str:
    return (
        "<h1 class='gh-header-title'><bdi class='js-issue-title'>"
        "PDF 내보내기에서 각주 번호가 두 번 찍힙니다</bdi> <span>#412</span></h1>\n"
        f"<div class='gh-header-meta'><a class='author' href='/{author}'>{author}</a> opened this issue "
        "<relative-time datetime='2026-11-28T05:12:44Z'>Nov 28, 2026</relative-time></div>\n"
        f"<div class='comment-body markdown-body'><p>{PROSE}</p>\n<p>{PROSE[:-1]}이었습니다.</p></div>"
    )


def test_an_issues_opener_and_its_relative_time(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, _issue("yoonsu-dev"))
    assert [a.name for a in doc.meta.authors] == ["yoonsu-dev"]
    assert doc.meta.date == "2026-11-28T05:12:44+00:00"


def test_an_agency_in_the_author_link_is_no_handle(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, _issue("Reuters"))
    assert doc.meta.authors == []


# --- a shop's product page, copied as text -------------------------------------------------------


def test_a_shops_order_box_and_review_frame_go(tmp_path: Path) -> None:
    lines = [
        "마켓노을",
        "",
        "[노을리빙] 데일리 진공 스텐 텀블러 500ml (4색)",
        "상품번호 : 2086154411",
        "★★★★☆ 4.6 (리뷰 1,284)",
        "정가 32,000원",
        "할인가 23,900원 (25% 할인)",
        "수량 - 1 +",
        "장바구니",
        "바로구매",
        "찜하기 ♡ 3,102",
        "",
        "매일 들고 다니기 좋은 500ml 진공 단열 텀블러입니다.",
        "식기세척기 사용은 권장하지 않습니다. 외부 도장이 벗겨질 수 있으니 손세척해 주세요.",
        "",
        "상품 리뷰 (1,284)",
        "★★★★★ nol***** 2026.11.30",
        "도움돼요 12",
        "리뷰 더보기",
        "상호명 : (주)노을리빙 | 대표자 : 한노을 | 사업자등록번호 : 123-45-67890",
    ]
    _, doc = read_text(tmp_path, "\n".join(lines))
    assert doc.meta.title == "데일리 진공 스텐 텀블러 500ml (4색)"
    assert body(doc).splitlines() == lines[12:14]
    assert removed(doc)["상품번호 : 2086154411"] == removed(doc)["바로구매"] == "boilerplate.chrome"
    assert removed(doc)[lines[-1]] == "boilerplate.board"


def test_a_field_or_a_bulleted_entry_is_no_wrapped_lines_rest(tmp_path: Path) -> None:
    """Lines wrapped at a width join, but a field or a bulleted entry starts a line of its own, and a
    paragraph grown by joins does not make the next short line its rest."""
    lines = [
        "텀블러 상품 정보 안내",
        "",
        "이중 진공 구조라 뜨거운 음료는 6시간, 차가운 음료는 12시간 동안 온도를 지켜",
        "주는 텀블러입니다.",
        "",
        "품명 및 모델명 : 데일리 진공 텀블러 / NL-TB500 모델 (스테인리스 본체)",
        "재질 : 본체 STS304 스테인리스",
        "",
        "- 평일 오후 2시 이전 결제 시 당일 출고됩니다 (주말·공휴일 제외 당일 출고)",
        "- 제주 및 도서산간 지역은 추가 배송비",
    ]
    _, doc = read_text(tmp_path, "\n".join(lines))
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == [f"{lines[2]} {lines[3]}", lines[5], lines[6]]
    (bullets,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(bullets.items) == 2
