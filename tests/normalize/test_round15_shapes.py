"""Failure kinds from held-out round 15 (a statute from a law database as text, a school's letter
scraped from its board, a speech exported from Notion as Markdown, a Q&A page, a tech blog post, a
scholarly paper's page), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Heading, ListBlock, Paragraph, ThematicBreak
from bookmaker.raw import RawDocument
from tests.helpers import read_written
from tests.normalize.test_real_shapes import BODY, body, norm, read_page, removed


def read_text(tmp_path: Path, text: str, name: str = "page.txt") -> tuple[RawDocument, Document]:
    """``text`` as a file of its own, read and normalized; nothing left unaccounted for."""
    return read_written(tmp_path / name, text)


# --- a statute from a law database ---------------------------------------------------------------

STATUTE = [
    "국가법령정보센터",
    "본문 | 조문정보 | 연혁 | 3단비교",
    "",
    "서울특별시 성북구 작은도서관 설치 및 운영 조례",
    "[시행 2026. 7. 1.] [서울특별시성북구조례 제1587호, 2026. 6. 30., 일부개정]",
    "서울특별시 성북구 (문화체육과) 02-2241-3352",
    "",
    "제1장 총칙",
    "",
    "제1조(목적) 이 조례는 성북구 작은도서관의 설치와 운영에 필요한 사항을 규정함을 목적으로 한다.",
    "조문체계도버튼 연혁",
    "",
    "제2조(운영시간) ① 작은도서관의 운영시간은 오전 10시부터 오후 7시까지로 한다. <개정 2026. 6. 30.>",
    "② 휴관일은 매주 월요일과 공휴일로 한다.",
    "",
    "부칙 <제1587호, 2026. 6. 30.>",
    "이 조례는 2026년 7월 1일부터 시행한다.",
]


def test_a_statute_is_titled_by_its_name_over_its_enforcement_line(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(STATUTE))
    assert doc.meta.title == "서울특별시 성북구 작은도서관 설치 및 운영 조례"
    assert doc.meta.subtitles == [STATUTE[4]]  # whole: its dates are not cut out
    assert doc.meta.date == "2026-06-30"  # promulgated; in force from 2026-07-01
    assert doc.meta.publisher == "서울특별시 성북구"  # the office line's body, over the database
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["제1장 총칙", "부칙 <제1587호, 2026. 6. 30.>"]
    assert removed(doc)["조문체계도버튼 연혁"] == "boilerplate.chrome"


def test_a_statutes_paragraph_mark_starts_a_paragraph_of_its_own(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(STATUTE))
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "② 휴관일은 매주 월요일과 공휴일로 한다." in paragraphs


def test_without_articles_an_enforcement_shaped_line_reads_no_statute() -> None:
    _, doc = norm(*STATUTE[:6], "", BODY[0], BODY[1])
    assert doc.meta.publisher is None  # no office line read as the statute's body
    assert STATUTE[5] in doc.meta.subtitles


# --- a school's letter scraped from its board ----------------------------------------------------

LETTER = [
    "서울꿈빛초등학교",
    "홈 > 학교소식 > 가정통신문",
    "제목\t2026 겨울방학 방과후학교 수강 신청 안내",
    "작성자\t방과후업무담당\t작성일\t2026.12.01\t조회수\t412",
    "첨부파일",
    "가정통신문 제2026-78호 수강 신청 안내.hwp (54KB) 다운로드 미리보기",
    "",
    "가정통신문 제2026-78호\t\t담당: 방과후학교 (02-917-3045)",
    "2026 겨울방학 방과후학교 수강 신청 안내",
    "",
    "한 해 동안 우리 학교 교육활동에 보내 주신 관심과 협조에 깊이 감사드립니다. "
    "겨울방학 동안 방과후학교를 다음과 같이 운영합니다.",
    "1. 운영 장소: 본관 2층 방과후교실",
    "2. 신청 기간: 2026. 12. 7.(월) 09:00 ~ 12. 11.(금) 17:00",
    "",
    "2026. 12. 1.",
    "서울꿈빛초등학교장 [직인생략]",
    "",
    "- - - - - ✂ 절 취 선 ✂ - - - - -",
    "겨울방학 방과후학교 수강 신청서",
    "(   )학년 (   )반 (   )번  이름: (          )",
    "위와 같이 방과후학교 수강을 신청합니다.",
    "",
    "목록\t수정\t삭제",
    "서울꿈빛초등학교 | 서울특별시 성북구 꿈빛로 45 | 교무실 02-917-3041 | 행정실 02-917-3042",
    "COPYRIGHT (C) 서울꿈빛초등학교. ALL RIGHTS RESERVED.",
]


def test_a_boards_fields_give_the_title_and_date_and_its_attachments_go(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(LETTER))
    assert doc.meta.title == "2026 겨울방학 방과후학교 수강 신청 안내"
    assert doc.meta.series == ["가정통신문 제2026-78호"]
    assert (doc.meta.date, doc.meta.subtitles, doc.meta.authors) == ("2026-12-01", [], [])
    gone = removed(doc)
    assert gone[LETTER[2]] == "boilerplate.board"  # the title field: the letter repeats it
    assert gone["첨부파일"] == gone[LETTER[5]] == "boilerplate.board"
    assert gone[LETTER[-3]] == "boilerplate.chrome"
    assert gone[LETTER[-2]] == "boilerplate.board"  # name | address | phones: a footer
    assert doc.meta.publisher == "서울꿈빛초등학교"


def test_a_period_is_no_date_line() -> None:
    period = "신청 기간: 2026. 12. 7.(월) 09:00 ~ 12. 11.(금) 17:00"
    _, doc = norm("버스 노선 개편 설명회", BODY[0], period, BODY[1])
    assert period in body(doc)
    assert doc.meta.date is None


def test_a_numbered_letter_is_signed_above_its_cut_line_and_the_slip_has_a_title(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(LETTER))
    signed = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role == "signature"]
    assert signed == ["2026. 12. 1.", "서울꿈빛초등학교장 [직인생략]"]
    kinds = [type(b).__name__ for b in doc.blocks]
    cut = next(i for i, b in enumerate(doc.blocks) if isinstance(b, ThematicBreak))
    assert kinds[cut + 1] == "Heading" and doc.blocks[cut + 1].text == "겨울방학 방과후학교 수강 신청서"
    assert "위와 같이 방과후학교 수강을 신청합니다." in body(doc)


# --- a speech, a heading-shaped sentence --------------------------------------------------------------


def test_a_short_line_with_a_sentence_inside_is_no_heading() -> None:
    _, doc = norm(BODY[0], "가을볕이 참 좋습니다. 고맙습니다. (박수)", BODY[1])
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    _, doc = norm(BODY[0], "무엇이 달라지나요? 핵심 정리", BODY[1], BODY[2])
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["무엇이 달라지나요? 핵심 정리"]


# --- a speech exported from Notion as Markdown -----------------------------------------------------

NOTION = [
    "# 제12회 성북 평생학습 축제 개막 연설",
    "",
    "연설자: 성북구청장 한지원",
    "일시: 2026년 10월 17일 오전 10시",
    "장소: 성북구청 바람마당",
    "태그: 연설문, 축제",
    "최종 편집: 2026년 10월 18일 오후 2:41",
    "",
    "<aside>",
    "💡 현장 녹취를 바탕으로 정리한 전문입니다.",
    "",
    "</aside>",
    "",
    "![IMG_2041.jpeg](%ED%8F%89%EC%83%9D/IMG_2041.jpeg)",
    "",
    *(f"{line}\n" for line in BODY),
]


def test_a_notion_pages_properties_are_read_by_key(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(NOTION), "speech.md")
    assert [(a.name, a.role) for a in doc.meta.authors] == [("한지원", "성북구청장")]
    assert doc.meta.date == "2026-10-17T10:00:00+09:00"  # the speech's, not the page's last edit
    assert doc.meta.subtitles == []
    assert doc.blocks[0].text == "장소: 성북구청 바람마당"  # a property about the speech stays
    gone = removed(doc)
    assert gone["태그: 연설문, 축제"] == gone[NOTION[6]] == "boilerplate.properties"


def test_a_callout_above_the_text_is_an_editors_note_and_a_file_name_no_caption(tmp_path: Path) -> None:
    _, doc = read_text(tmp_path, "\n".join(NOTION), "speech.md")
    notes = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "editor-note"]
    assert [b.text for b in notes] == ["💡 현장 녹취를 바탕으로 정리한 전문입니다."]
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert (figure.caption, figure.alt) == ([], "IMG_2041.jpeg")


def test_two_key_value_lines_are_no_property_block(tmp_path: Path) -> None:
    text = "\n".join(["# 제목이 있는 글입니다", "", "장소: 시청", "태그: 행사", "", *BODY])
    _, doc = read_text(tmp_path, text, "note.md")
    assert "태그: 행사" not in removed(doc)


# --- a scholarly paper's page ----------------------------------------------------------------------

PAPER_HEAD = (
    "<title>KCI - 한국학술지인용색인 - 작은도서관 이용자의 독서 모임 참여 동기</title>"
    "<meta name='citation_title' content='작은도서관 이용자의 독서 모임 참여 동기'>"
    "<meta name='citation_author' content='김서연'><meta name='citation_author' content='박준호'>"
    "<meta name='citation_publication_date' content='2026/12/30'>"
    "<meta name='citation_journal_title' content='한국도서관·정보학회지'>"
    "<meta name='citation_volume' content='57'><meta name='citation_issue' content='4'>"
    "<meta name='citation_publisher' content='한국도서관·정보학회'>"
)
PAPER = (
    "<div class='box'><div class='jounal'><a href='#'>한국도서관·정보학회지</a> <span>제57권 제4호</span>"
    " <span class='date'>2026.12</span></div>"
    "<div class='subject'><p class='tit'>작은도서관 이용자의 독서 모임 참여 동기</p>"
    "<p class='subtit' lang='en'>Motivations of Small Library Users for Joining Reading Groups</p></div>"
    "<div class='author'><a href='#'>김서연</a> ( Seo-yeon Kim ) <sup>1</sup> ;"
    " <a href='#'>박준호</a> ( Junho Park ) <sup>2</sup></div>"
    "<div class='btns'><a href='#' class='btn_pdf'>원문보기</a></div></div>"
    f"<div class='box'><h3>초록</h3><p class='txt'>{BODY[0]} {BODY[1]}</p><p class='txt'>{BODY[2]}</p></div>"
    "<div class='box'><h3>참고문헌 (2)</h3><ol class='ref'>"
    "<li>강민정. (2022). 공공도서관 독서회 운영 실태와 개선 방안. 한국문헌정보학회지, 56(1), 45-68."
    " <a href='#' class='btn_link'>KCI 등재</a></li>"
    "<li>Putnam, R. D. (2000). Bowling alone: The collapse and revival of American community.</li></ol></div>"
)


def test_a_papers_citation_meta_gives_its_title_authors_journal_and_publisher(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, PAPER, PAPER_HEAD)
    assert doc.meta.title == "작은도서관 이용자의 독서 모임 참여 동기"
    assert doc.meta.series == ["한국도서관·정보학회지 제57권 제4호"]
    assert doc.meta.subtitles == ["Motivations of Small Library Users for Joining Reading Groups"]
    assert [a.name for a in doc.meta.authors] == ["김서연", "박준호"]
    assert (doc.meta.date, doc.meta.publisher) == ("2026-12-30", "한국도서관·정보학회")
    assert "2026.12" not in body(doc)  # the month is no paragraph


def test_a_papers_references_box_is_read_without_its_link_badges(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, PAPER, PAPER_HEAD)
    references = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(references) == 1 and len(references[0].items) == 2
    assert "Bowling alone" in body(doc)
    assert "KCI 등재" not in body(doc) and removed(doc)["KCI 등재"] == "html.interface"


# --- a tech blog post ---------------------------------------------------------------------------------


def test_a_blog_headers_handle_date_and_series_box_are_read_and_comments_are_not(tmp_path: Path) -> None:
    page = (
        "<div class='head-wrapper'><h1>React Query staleTime과 gcTime 구분하기</h1>"
        "<div class='information'><span class='username'><a href='/@dev_yoon'>dev_yoon</a></span>"
        "<span class='separator'>·</span><span>2026년 11월 18일</span></div>"
        "<div class='series'><h2><a href='/@dev_yoon/series/perf'>React 성능 최적화</a></h2>"
        "<div class='series-number'>2/4</div><button>목록 보기</button></div></div>"
        f"<div class='markdown-body'>{''.join(f'<p>{x}</p>' for x in BODY)}</div>"
        "<div class='comments'><div class='comment'><a class='username' href='/@kim'>frontkim</a>"
        "<span class='date'>2026년 11월 20일</span><p>설명이 명쾌하네요!</p></div></div>"
    )
    _, doc = read_page(tmp_path, page)
    assert [a.name for a in doc.meta.authors] == ["dev_yoon"]
    assert doc.meta.date == "2026-11-18"
    assert doc.meta.series == ["React 성능 최적화"]
    assert "frontkim" not in body(doc) and "2/4" not in body(doc)


def test_a_text_logo_above_the_headline_names_the_site(tmp_path: Path) -> None:
    page = (
        "<div class='top'><a href='/' class='home'><svg width='9'></svg></a>"
        "<a href='/@dev_yoon/posts' class='user-logo'>dev_yoon.log</a></div>"
        f"<h1>React Query staleTime과 gcTime 구분하기</h1><div class='markdown-body'>"
        f"{''.join(f'<p>{x}</p>' for x in BODY)}</div>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.publisher == "dev_yoon.log"


# --- a Q&A page ---------------------------------------------------------------------------------------

QUESTION = "전세 만기 전에 집주인이 집을 팔았는데 보증금은 누구한테 받나요?"


def _answer(head: str, text: str, votes: int) -> str:
    return (
        "<div class='answer-content__item'><div class='c-heading-answer'>"
        f"<div class='c-heading-answer__title'>{head}</div>"
        "<div class='c-heading-answer__body'><span class='count'>채택 318</span></div></div>"
        "<div class='c-heading-answer__content'><div class='c-heading-answer__content-user'>"
        f"{text}</div></div><div class='c-userinfo-answer'><span class='answer-date'>2026.11.28.</span>"
        f" <a href='#'>도움됨 <em>{votes}</em></a></div></div>"
    )


def test_a_qa_page_is_its_question_and_every_answer_under_a_heading(tmp_path: Path) -> None:
    page = (
        "<div class='question-content'>"
        f"<div class='c-heading__title'><div class='title'>{QUESTION}</div></div>"
        f"<div class='c-heading__content'>{BODY[0]}<br>\n<br>\n{BODY[1]}</div>"
        "<div class='c-userinfo'><span class='c-userinfo__author'>비공개</span> "
        "<span class='c-userinfo__info'>"
        "<span class='blind'>작성일</span>2026.11.27</span> <span>조회수 1,284</span></div></div>"
        "<div class='answer-content'>"
        + _answer(
            "<span class='badge_adopt'>질문자 채택</span> "
            "<p class='title'><a href='#'>법무사 한결</a>님 답변</p>",
            BODY[2],
            31,
        )
        + "<div class='adsense'><span>파워링크</span> <a href='https://ad.example'>반환소송 변호사</a></div>"
        + _answer(
            "<p class='title'><a href='#'>내집마련꿈나무</a>님 답변</p>", "저도 새 집주인한테 받았습니다.", 6
        )
        + "</div>"
    )
    _, doc = read_page(tmp_path, page, f"<meta property='og:title' content='{QUESTION}'>")
    assert doc.meta.title == QUESTION
    assert (doc.meta.authors, doc.meta.date) == ([], "2026-11-27")  # the asker is undisclosed
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["질문자 채택 법무사 한결님 답변", "내집마련꿈나무님 답변"]
    assert body(doc).splitlines() == [
        BODY[0],
        BODY[1],
        heads[0],
        BODY[2],
        heads[1],
        "저도 새 집주인한테 받았습니다.",
    ]
    assert not any(word in body(doc) for word in ("파워링크", "도움됨", "채택 318", "2026.11.28"))


def test_a_history_heading_is_no_law_database_button() -> None:
    _, doc = norm("한빛출판 회사 소개", BODY[0], "연혁", BODY[1], BODY[2])
    assert "연혁" in body(doc)


def test_a_box_of_a_series_other_articles_names_no_series(tmp_path: Path) -> None:
    page = (
        "<h1>시, 버스 노선 12개를 8개로 줄인다</h1><div class='series_list'><strong>연재 목록</strong>"
        "<a href='/news/1001'>1회: 노선은 왜 늘었나</a></div>"
        f"<div class='article_body'>{''.join(f'<p>{x}</p>' for x in BODY)}</div>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.series == []


def test_a_page_marked_up_as_schema_org_question_and_answers_is_read_whole(tmp_path: Path) -> None:
    page = (
        "<div itemscope itemtype='https://schema.org/Question'>"
        f"<h1 itemprop='name'>{QUESTION}</h1><div class='s-prose' itemprop='text'><p>{BODY[0]}</p></div>"
        "<div class='votes'>12</div>"
        "<div itemprop='suggestedAnswer' itemscope itemtype='https://schema.org/Answer'>"
        "<div class='votes'>7</div><div class='s-prose' itemprop='text'>"
        f"<p>{BODY[1]}</p><p>{BODY[2]}</p></div>"
        "<div class='user-info'>answered by <span itemprop='author'>jkim</span></div></div></div>"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.title == QUESTION
    assert body(doc).splitlines() == [BODY[0], "jkim", BODY[1], BODY[2]]
