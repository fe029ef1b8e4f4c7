"""Failure kinds from held-out round 16 (a disclosure copied from a filing viewer, a cafe post
copied as text, a podcast page clipped to Markdown, a press release saved from 한글 as HTML, a job
posting, a recipe page), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading, ListBlock, Paragraph, Table, ThematicBreak
from tests.normalize.test_real_shapes import body, norm, read_page, removed
from tests.normalize.test_round15_shapes import read_text

# --- a form's field table copied as text ----------------------------------------------------------

FORM = [
    "유상증자 결정",
    "1. 신주의 종류와 수\t보통주식 (주)\t3,200,000",
    "\t기타주식 (주)\t-",
    "2. 1주당 액면가액 (원)\t\t500",
    "5. 증자방식\t\t주주배정후 실권주 일반공모",
    "8. 청약예정일\t시작일\t2027년 02월 16일",
    "\t종료일\t2027년 02월 17일",
]


def test_a_forms_tab_table_with_merged_cells_is_one_table(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(["유상증자 결정 공시", "", *FORM]))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert not table.head  # the first row holds a number: no header
    assert [len(row.cells) for row in table.body] == [3] * 6
    assert [c.text for c in table.body[1].cells] == ["", "기타주식 (주)", "-"]  # the merged cell: empty
    assert [c.text for c in table.body[3].cells] == ["5. 증자방식", "", "주주배정후 실권주 일반공모"]


VIEWER = [
    "전자공시시스템 DART",
    "공시통합검색 | 최근공시 | 기업개황",
    "한빛바이오텍 | 주요사항보고서(유상증자결정) | 2026.11.30",
    "다운로드 인쇄 검색결과로",
    "",
    "주요사항보고서(유상증자결정)",
    "",
    "금융위원회 귀중",
    "2026년 11월 30일",
    "회 사 명 :  주식회사 한빛바이오텍",
    "대 표 이 사 :  김 정 훈",
    "",
    "시설자금은 오송 제2공장 세포배양 설비 증설에, 운영자금은 임상 2상 시험 비용에 사용할 예정입니다.",
    "",
    "이 사이트는 금융감독원에서 운영하는 전자공시시스템입니다.",
    "개인정보처리방침 | 이용약관 | 저작권정책 | 서울특별시 영등포구 여의대로 38 금융감독원",
]


def test_a_filing_copied_from_its_viewer(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(VIEWER))
    assert doc.meta.title == "주요사항보고서(유상증자결정)"  # not the viewer's line that names it
    assert doc.meta.subtitles == []  # "금융위원회 귀중": the addressee opens the text
    assert doc.meta.date == "2026-11-30"
    assert doc.meta.publisher == "주식회사 한빛바이오텍"  # the filer, over the system showing it
    assert not any(isinstance(b, Heading) for b in doc.blocks)  # "대 표 이 사 : 김 정 훈": a field
    gone = removed(doc)
    assert gone[VIEWER[2]] == "chrome.before_title"
    assert gone[VIEWER[-1]] == "boilerplate.chrome"
    assert gone[VIEWER[-2]] == "boilerplate.policy"


def test_tabbed_lines_of_uneven_cells_stay_lines(tmp_path: Path) -> None:
    lines = ["가정통신문 제2026-78호\t\t담당: 방과후학교", "본문 한 줄입니다.", "작성자\t홍길동"]
    _, doc = read_text(tmp_path, "\n".join(["제목 줄", *lines]))
    assert not any(isinstance(b, Table) for b in doc.blocks)


# --- a cafe post copied as text --------------------------------------------------------------------

CAFE = [
    "맘스홀릭 베이비",
    "카페홈 | 이웃 | 가입하기",
    "육아 정보 나눔",
    "자유게시판",
    "",
    "육아 정보 나눔",
    "돌 전 아기 철분 보충, 소아과에서 들은 내용 정리해요",
    "살림고수맘(sall****)",
    "우수회원",
    "1:1 채팅",
    "2026.11.28. 21:14조회 1,284",
    "",
    "안녕하세요, 11개월 딸 키우는 엄마예요. 지난주 검진에서 빈혈 수치가 경계선이라는 말을 들었어요.",
    "저는 소고기 큐브를 일주일치 만들어서 얼려 두고 쓰는데 훨씬 편해요 ㅎㅎ",
    "다들 아기 철분 어떻게 챙기시나요?",
    "",
    "댓글",
    "등록순 최신순",
    "콩콩이맘",
    "우수회원",
    "저도 검진 때 같은 말 들었어요. 소고기 큐브 좋네요!",
    "2026.11.28. 21:30 답글쓰기",
    "",
    "맘스홀릭 베이비",
    "https://cafe.naver.com/imsanbu",
]


def test_a_cafe_post_its_nickname_comments_and_the_cafes_name(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(CAFE))
    assert doc.meta.title == CAFE[6]  # not the board's name, shown in the menu and over the post
    assert [a.name for a in doc.meta.authors] == ["살림고수맘"]  # the masked ID is the site's
    assert doc.meta.publisher == "맘스홀릭 베이비"  # the first line, again at the foot
    gone = removed(doc)
    assert gone["https://cafe.naver.com/imsanbu"] == "boilerplate.outlet"
    assert gone["1:1 채팅"] == "boilerplate.chrome"
    for line in ("댓글", "등록순 최신순", "콩콩이맘", CAFE[20], "2026.11.28. 21:30 답글쓰기"):
        assert gone[line] == "boilerplate.comments"
    assert not any(isinstance(b, Heading) for b in doc.blocks)  # "… 편해요 ㅎㅎ" ends a sentence
    assert "우수회원" not in body(doc)


def test_a_comment_header_without_comments_under_it_removes_nothing_more() -> None:
    _, doc = norm(
        "제목 한 줄이 여기 있습니다",
        "본문 첫 문단은 충분히 길게 써서 산문으로 읽히도록 합니다. 이어지는 문장도 있습니다.",
        "댓글 3",
        "본문 둘째 문단도 이어집니다. 댓글 머리 다음의 글이지만 댓글이 아닙니다.",
    )
    assert "댓글이 아닙니다" in body(doc)


# --- a podcast page clipped to Markdown ------------------------------------------------------------

CLIPPED = """---
title: "EP.47 동네 책방은 어떻게 살아남나 - 책수다 팟캐스트"
source: "https://booksuda.fm/episodes/47"
author:
  - "[[책수다]]"
published: 2026-11-20
description: "망원동 '오래된 서점' 대표와 나눈 이야기"
---
# EP.47 동네 책방은 어떻게 살아남나

2026년 11월 20일 · 52분 · 진행 김하늘 · 게스트 박서점

**00:00:05 김하늘:** 안녕하세요, 팟캐스트 책수다의 김하늘입니다. 오늘은 서점 대표님을 모셨어요.

**00:00:18 박서점:** 안녕하세요. 불러 주셔서 감사합니다. 오늘 이야기 기대됩니다.

---

이 에피소드가 좋았다면 구독과 좋아요 부탁드려요!

## 다른 에피소드

- [EP.46 번역가의 하루](https://booksuda.fm/episodes/46)
- [EP.45 도서정가제 10년](https://booksuda.fm/episodes/45)

© 2026 책수다. All rights reserved.
"""


def test_a_clipped_page_keeps_its_heading_its_host_and_no_outro(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, CLIPPED, "clip.md")
    assert doc.meta.title == "EP.47 동네 책방은 어떻게 살아남나"  # the <title>'s site suffix goes
    assert [a.name for a in doc.meta.authors] == ["김하늘"]  # the host; "[[책수다]]" is the site
    assert doc.meta.publisher == "책수다"
    assert doc.meta.date == "2026-11-20"
    assert doc.meta.subtitles == []  # the clipped page's description is its summary, not a deck
    gone = removed(doc)
    assert gone["이 에피소드가 좋았다면 구독과 좋아요 부탁드려요!"] == "boilerplate.promo"
    assert gone["다른 에피소드"] == "boilerplate.related"
    assert gone["---"] == "contents.end-break"  # it set apart only what was removed
    assert not any(isinstance(b, ThematicBreak | ListBlock) for b in doc.blocks)


def test_a_front_matter_title_longer_than_the_heading_in_other_words_still_wins(tmp_path: Path) -> None:
    text = "---\ntitle: hangul-sort — 한글 자모 순서로 문자열 정렬하기\n---\n# hangul-sort\n\n본문입니다.\n"
    _, doc = read_text(tmp_path, text, "readme.md")
    assert doc.meta.title == "hangul-sort — 한글 자모 순서로 문자열 정렬하기"


def test_a_break_before_the_byline_stays(tmp_path: Path) -> None:
    text = (
        "# 美 연준, 기준금리 동결\n\n연준은 기준금리를 연 5.25~5.50%로 동결했다. 여섯 차례 연속 동결이며 "
        "시장의 예상과 같았다.\n\n---\n\n뉴욕=김현우 특파원 hwkim@mk.co.kr\n"
    )
    _, doc = read_text(tmp_path, text, "mk.md")
    assert [a.name for a in doc.meta.authors] == ["김현우"]
    assert isinstance(doc.blocks[-1], ThematicBreak)  # it sets the text apart from its signature


# --- a press release saved from 한글 as HTML ------------------------------------------------------

HWP_HEAD = (
    '<META NAME="Generator" CONTENT="Hancom HWP 12.0">'
    "<TITLE>20261203(조간)_책문화_계획_보도자료(최종)</TITLE>"
)
HWP_ALT = (
    "그림입니다.&#13;&#10;원본 그림의 이름: CLP000023a40001.bmp&#13;&#10;원본 그림의 크기: 가로 180pixel"
)
KOGL_ALT = "그림입니다.&#13;&#10;원본 그림의 이름: 공공누리.png"
HWP_BODY = f"""
<TABLE><TR><TD><P><IMG src="x_files/image1.png" alt="{HWP_ALT}"></P></TD>
<TD><P><SPAN STYLE='font-size:28.0pt'>보 도 자 료</SPAN></P></TD></TR></TABLE>
<TABLE>
<TR><TD><P>보도 일시</P></TD><TD><P>2026. 12. 3.(목) 12:00 이후 (12. 4.(금) 조간)</P></TD></TR>
<TR><TD><P>배포 일시</P></TD><TD><P>2026. 12. 3.(목) 09:00</P></TD></TR>
</TABLE>
<TABLE><TR><TD>
<P><SPAN STYLE='font-size:20.0pt'>동네 서점에서 빌리고 작은도서관에서 반납한다</SPAN></P>
<P><SPAN>- 「2027년 지역 책문화 활성화 계획」 발표 -</SPAN></P>
</TD></TR></TABLE>
<P>□ 문화체육관광부는 12월 3일 「2027년 지역 책문화 활성화 계획」을 발표했다.</P>
<P>○ 이번 계획은 동네 서점의 매출 감소와 작은도서관의 장서 부족을 함께 풀기 위한 것이다.</P>
<TABLE>
<TR><TD><P>담당 부서</P></TD><TD><P>문화체육관광부</P><P>도서관정책기획단</P></TD>
<TD><P>책임자</P></TD><TD><P>과장 정○○ (044-203-2631)</P></TD></TR>
<TR><TD><P>&lt;총괄&gt;</P></TD><TD><P>도서관정책과</P></TD>
<TD><P>담당자</P></TD><TD><P>사무관 윤○○ (044-203-2634)</P></TD></TR>
</TABLE>
<P><IMG src="x_files/image2.png" alt="{KOGL_ALT}"></P>
"""


def test_a_release_saved_from_hangul_as_html(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, HWP_BODY, HWP_HEAD)
    assert doc.meta.title == "동네 서점에서 빌리고 작은도서관에서 반납한다"  # not the file's name
    assert doc.meta.series == ["보도자료"]  # the letter-spaced label, under the emblem
    assert doc.meta.subtitles == ["「2027년 지역 책문화 활성화 계획」 발표"]  # the dates table ends no deck
    assert doc.meta.date == "2026-12-03T12:00:00+09:00"  # the header box's 보도 일시
    assert doc.meta.publisher == "문화체육관광부"  # the contact box's issuing body
    assert not any(isinstance(b, Figure | Table) for b in doc.blocks)
    assert "그림입니다" not in body(doc) and "원본 그림" not in body(doc)


def test_a_pictures_generated_alt_captions_nothing_but_a_real_alt_does(tmp_path: Path) -> None:
    prose = "<p>본문 첫 문단은 충분히 길게 써서 산문으로 읽히도록 합니다. 이어지는 문장도 있습니다.</p>"
    page = (
        f"<article><h1>제목입니다 여기</h1>{prose}"
        f'<p><img src="a.png" alt="{HWP_ALT}"></p>'
        '<p><img src="b.png" alt="2026년 도서관 이용자 수 추이 그래프"></p>'
        f"{prose}</article>"
    )
    _, doc = read_page(tmp_path, page)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.text for f in figures] == ["2026년 도서관 이용자 수 추이 그래프"]  # the other: not saved
    assert "그림입니다" not in body(doc)


# --- lines of other kinds --------------------------------------------------------------------------


def test_a_process_line_is_no_heading_and_a_sites_notice_on_itself_goes() -> None:
    _, doc = norm(
        "백엔드 개발자 경력 채용 공고",
        "누리소프트는 화물 중개 플랫폼을 운영합니다. "
        "하루 3만 건의 배차를 처리하는 서비스를 함께 키워 갈 동료를 모십니다.",
        "서류전형 → 1차 실무면접 → 2차 임원면접 → 최종합격",
        "지원서는 채용 종료 후 14일 이내에 반환을 요청할 수 있습니다. 자세한 내용은 공고문을 보세요.",
        "이 사이트는 금융감독원에서 운영하는 전자공시시스템입니다.",
    )
    assert any(isinstance(b, Paragraph) and "→" in b.text for b in doc.blocks)
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert removed(doc)["이 사이트는 금융감독원에서 운영하는 전자공시시스템입니다."] == "boilerplate.policy"


def test_a_weekday_is_read_beside_a_date_only_alone_or_in_brackets() -> None:
    _, doc = norm(
        "초간단 폭신 계란말이 황금레시피",
        "등록일 : 2026-11-25 수정일 : 2026-11-26",
        "도시락 반찬으로 최고입니다. 팬 하나로 실패 없이 폭신하게 말아 보세요. 아이들이 잘 먹어요.",
    )
    assert doc.meta.authors == []  # not "정일": the 수 of 수정일 is no Wednesday
    assert doc.meta.date == "2026-11-25"


# --- a page whose text runs through boxes alike --------------------------------------------------


def test_a_run_of_like_boxes_is_read_whole(tmp_path: Path) -> None:
    steps = [
        "1. 대파와 당근은 잘게 다져 주세요. 채소는 최대한 작게 다져야 말 때 찢어지지 않아요.",
        "2. 볼에 계란을 풀고 맛술, 소금, 다진 채소를 넣어 고루 섞어 주세요.",
        "3. 약불로 달군 팬에 기름을 두르고 계란물의 1/3을 부어 반쯤 익으면 돌돌 말아 주세요. "
        "남은 계란물도 두 번에 나눠 부어 같은 방법으로 말아요.",
        "4. 한 김 식힌 뒤 1.5cm 두께로 썰어 완성!",
    ]
    boxes = "".join(f'<div class="step"><div class="text">{s}</div></div>' for s in steps)
    _, doc = read_page(tmp_path, f'<h1>계란말이 만들기</h1><div class="steps">{boxes}</div>')
    text = body(doc)
    assert all(step.split(" ", 1)[1] in text for step in steps)
