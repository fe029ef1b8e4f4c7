"""Failure kinds from held-out round 12 (documents, not news: a wiki article, a report, a README),
each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import (
    Document,
    Figure,
    Footnote,
    Heading,
    ListBlock,
    NoteRef,
    Table,
    inlines_of,
    runs,
    walk,
)
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

LEAD = "청람호는 충청북도 단양군에 있는 인공 호수로, 1978년 농업용수를 대기 위해 만들었다."
MORE = "준공 뒤에는 낚시와 수상 레저 명소로 알려졌으며, 겨울에는 철새가 찾아온다."
LAST = "호수 주변에는 수몰 마을 주민을 위한 정착촌이 있다."


def _doc(tmp_path: Path, text: str, name: str = "page.html") -> Document:
    path = tmp_path / name
    if name.endswith(".html"):  # a fragment of a body (".htm": a whole page)
        head = "<title>청람호 안내 - 예시백과</title>"
        body = f"<body><h1>청람호 안내</h1>{text}</body>"
        text = f"<!DOCTYPE html><html lang='ko'><head>{head}</head>{body}</html>"
    path.write_text(text, "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _refs(doc: Document) -> list[str]:
    blocks = list(walk(doc.blocks))
    every = [run for b in blocks for seq in inlines_of(b) for run in runs(seq)]
    return [run.note for run in every if isinstance(run, NoteRef)]


def _body(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def test_a_wiki_s_reference_list_gives_footnotes_without_its_back_arrows(tmp_path: Path) -> None:
    page = (
        f'<div class="content"><p>{LEAD}<sup id="cite_ref-1" class="reference">'
        '<a href="#cite_note-1">[1]</a></sup></p>'
        f'<p>{MORE}<sup id="cite_ref-2-0" class="reference"><a href="#cite_note-2">[2]</a></sup></p>'
        f'<p>{LAST}<sup id="cite_ref-2-1" class="reference"><a href="#cite_note-2">[2]</a></sup></p>'
        '<div class="reflist"><ol class="references">'
        '<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span> '
        '<span class="reference-text">《단양군지》, 2005, 312쪽.</span></li>'
        '<li id="cite_note-2"><span class="mw-cite-backlink">↑ <sup><a href="#cite_ref-2-0">가</a></sup> '
        '<sup><a href="#cite_ref-2-1">나</a></sup></span> '
        '<span class="reference-text">김도윤, 「수몰 마을」, 2011.'
        "</span></li></ol></div></div>"
    )
    doc = _doc(tmp_path, page)
    notes = [b for b in doc.blocks if isinstance(b, Footnote)]
    assert [n.text for n in notes] == ["《단양군지》, 2005, 312쪽.", "김도윤, 「수몰 마을」, 2011."]
    assert _refs(doc) == [notes[0].id, notes[1].id, notes[1].id]
    assert "↑" not in _body(doc) and "[1]" not in _body(doc)
    assert any(r.rule == "html.footnote-marker" and r.text.startswith("↑") for r in doc.removed)


def test_notes_as_paragraphs_in_a_footnotes_box_are_footnotes(tmp_path: Path) -> None:
    page = (
        f'<div class="report"><p>{LEAD}<sup><a href="#fn1" id="fnref1">1)</a></sup></p><p>{MORE}</p>'
        f'<p>{LAST}</p><div class="footnotes">'
        '<p id="fn1"><a href="#fnref1">1)</a> 전자책 대출은 제외하였다.</p>'
        "</div></div>"
    )
    doc = _doc(tmp_path, page)
    notes = [b for b in doc.blocks if isinstance(b, Footnote)]
    assert [n.text for n in notes] == ["전자책 대출은 제외하였다."]
    assert _refs(doc) == [notes[0].id]
    assert "1)" not in _body(doc)


def test_a_section_named_footnotes_is_no_footnote(tmp_path: Path) -> None:
    """MediaWiki's heading anchor ``<span id="각주">`` with a contents link to it stays a heading."""
    page = (
        f'<div class="content"><p>{LEAD}</p><p>출처는 <a href="#각주">각주</a>에 적었다.</p><p>{MORE}</p>'
        f'<h2><span id="각주">각주</span></h2><p>{LAST}</p></div>'
    )
    doc = _doc(tmp_path, page)
    assert not [b for b in doc.blocks if isinstance(b, Footnote)]
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["각주"]


def test_navigation_inside_the_body_is_removed_with_its_reason(tmp_path: Path) -> None:
    page = (
        f'<div class="content"><p>{LEAD}</p>'
        '<div id="toc" role="navigation"><h2>목차</h2><ul><li><a href="#a">1 역사</a></li>'
        '<li><a href="#b">2 생태</a></li></ul></div>'
        f'<p>{MORE}</p><p>{LAST}</p><nav class="navbox"><ul><li><a href="/wiki/x">충주호</a></li>'
        '<li><a href="/wiki/y">대청호</a></li></ul></nav></div>'
    )
    doc = _doc(tmp_path, page)
    assert [b.text for b in doc.blocks] == [LEAD, MORE, LAST]
    rules = [(r.rule, r.text) for r in doc.removed if r.rule == "html.navigation"]
    assert len(rules) == 2 and "목차" in rules[0][1] and "충주호" in rules[1][1]


def test_a_wiki_s_hatnote_is_removed_as_navigation(tmp_path: Path) -> None:
    """A note above the article pointing to other pages (MediaWiki's ``hatnote``) is not its text."""
    page = (
        '<div class="content"><div role="note" class="hatnote navigation-not-searchable">다른 뜻에 대해서는 '
        f'<a href="/wiki/x">청람호 (동음이의)</a> 문서를 참고하십시오.</div><p>{LEAD}</p><p>{MORE}</p></div>'
    )
    doc = _doc(tmp_path, page)
    assert [b.text for b in doc.blocks] == [LEAD, MORE]
    assert [r.text for r in doc.removed if r.rule == "html.navigation"] == [
        "다른 뜻에 대해서는 청람호 (동음이의) 문서를 참고하십시오."
    ]


def test_a_report_s_series_label_and_research_team_above_its_title(tmp_path: Path) -> None:
    """A series label right above the headline is the series (a menu's ``연재`` elsewhere is not);
    ``연구책임자 최은하 · 공동연구원 오태민, 서지윤`` credits three authors, the last name sharing the
    role before it."""
    page = (
        "<html lang='ko'><head><title>보고서</title></head><body>"
        '<ul class="menu"><li class="tag_series">연재</li><li>오피니언</li></ul>'
        '<div class="report-meta"><span class="series">정책연구 2025-07</span></div>'
        "<h1>2025 지역 공공도서관 운영 실태 보고서</h1>"
        '<p class="report-authors">연구책임자 최은하 · 공동연구원 오태민, 서지윤</p>'
        f'<div class="content"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div></body></html>'
    )
    doc = _doc(tmp_path, page, "report.htm")
    assert doc.meta.series == ["정책연구 2025-07"]
    assert [(a.name, a.role) for a in doc.meta.authors] == [
        ("최은하", "연구책임자"),
        ("오태민", "공동연구원"),
        ("서지윤", "공동연구원"),
    ]
    label = '<div class="report-meta"><span class="series">정책연구 2025-07</span></div>'
    menu_only = page.replace(label, "")
    assert _doc(tmp_path, menu_only, "menu.htm").meta.series == []


def test_a_board_s_label_above_the_title_is_a_release_s_kind_or_page_chrome(tmp_path: Path) -> None:
    """``<h2>보도자료</h2>`` right above a board post's title is the release's kind (meta.series);
    ``<h2>공지사항</h2>`` there is page chrome, recorded as the reader records it."""
    page = (
        "<html lang='ko'><head><title>보도자료 상세</title></head><body>"
        '<div class="location">홈 &gt; 알림·소식</div><h2 class="page_title">{label}</h2>'
        '<div class="board_view"><h3 class="view_title">가정용 태양광 설치 상반기 1만8천 가구</h3>'
        f'<div class="view_cont"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div></div></body></html>'
    )
    release = _doc(tmp_path, page.format(label="보도자료"), "release.htm")
    assert (release.meta.title, release.meta.series) == (
        "가정용 태양광 설치 상반기 1만8천 가구",
        ["보도자료"],
    )
    notice = _doc(tmp_path, page.format(label="공지사항"), "notice.htm")
    assert notice.meta.series == [] and [b.text for b in notice.blocks] == [LEAD, MORE, LAST]
    assert [(r.rule, r.text) for r in notice.removed if r.text == "공지사항"] == [
        ("html.outside-article", "공지사항")
    ]


def test_a_wiki_s_edit_link_leaves_its_heading(tmp_path: Path) -> None:
    page = (
        f'<div class="content"><p>{LEAD}</p>'
        '<h2>역사<span class="mw-editsection">[<a href="/w?action=edit">편집'
        f"</a>]</span></h2><p>{MORE}</p><h2>History [edit]</h2><p>{LAST} 본문의 [편집]</p></div>"
    )
    doc = _doc(tmp_path, page)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["역사", "History"]
    assert f"{LAST} 본문의 [편집]" in _body(doc)  # a paragraph's text is no heading's edit link
    assert [r.rule for r in doc.removed if r.rule == "clean.edit-link"] == ["clean.edit-link"] * 2


def test_a_markdown_table_of_contents_goes_with_its_heading(tmp_path: Path) -> None:
    text = (
        f"# 청람호\n\n{LEAD}\n\n## 목차\n\n- [역사](#역사)\n  - [연표](#연표)\n- [생태](#생태)\n\n"
        f"## 역사\n\n{MORE}\n\n- [공식 누리집](https://example.com/)\n- [안내](#역사)\n\n## 생태\n\n{LAST}\n"
    )
    doc = _doc(tmp_path, text, "doc.md")
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["역사", "생태"]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and "공식 누리집" in lists[0].text  # a list leaving the document stays
    toc = [r for r in doc.removed if r.rule == "contents.toc"]
    assert [r.line for r in toc] == [5, 7]  # the heading, and the list (one source block)


def test_a_heading_over_footnotes_only_is_removed(tmp_path: Path) -> None:
    text = (
        f"# 청람호\n\n{LEAD}[^1]\n\n## 역사\n\n### 연표\n\n{MORE}\n\n## 각주\n\n[^1]: 《단양군지》, 2005.\n\n"
        f"## 생태\n\n{LAST}\n"
    )
    doc = _doc(tmp_path, text, "doc.md")
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["역사", "연표", "생태"]
    assert [b.text for b in doc.blocks if isinstance(b, Footnote)] == ["《단양군지》, 2005."]
    assert [(r.line, r.rule) for r in doc.removed] == [(11, "contents.empty-section")]


def _page(tmp_path: Path, title: str, body: str) -> Document:
    page = f"<!DOCTYPE html><html lang='ko'><head><title>{title}</title></head><body>{body}</body></html>"
    return _doc(tmp_path, page, "page.htm")


def test_a_short_headline_before_the_site_s_name_is_the_title(tmp_path: Path) -> None:
    body = (
        f'<h1 id="firstHeading">청람호</h1><div class="content"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div>'
    )
    doc = _page(tmp_path, "청람호 - 예시백과, 우리 모두의 백과사전", body)
    assert doc.meta.title == "청람호"
    short = _page(tmp_path, "청람 - 예시백과", body)  # a headline that is not the title's start
    assert short.meta.title != "청람호"


def test_a_board_post_s_subject_is_the_title(tmp_path: Path) -> None:
    """A board page's <title> names the board ("공지사항", "보도자료 상세 | …"); the post's title is
    the heading whose class names its subject, not the board's banner."""
    post = "2026학년도 1학기 외국인 유학생 건강보험 가입 안내"
    body = (
        '<div class="sub-visual"><h2>공지사항 Notice</h2></div><div class="bbs-view">'
        f'<h3 class="subject">{post}</h3>'
        f'<div class="bbs-body"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div></div>'
    )
    assert _page(tmp_path, "공지사항 - 국제교류처 | 한빛대학교", body).meta.title == post
    release = body.replace('class="subject"', 'class="view_title"').replace("<h2>공지사항 Notice</h2>", "")
    assert _page(tmp_path, "보도자료 상세 | 알림·소식 | 기후에너지부", release).meta.title == post


def test_a_blog_s_or_board_s_labelled_writer_is_the_author(tmp_path: Path) -> None:
    for byline, name in [
        ("by 커피한잔", "커피한잔"),
        ("<dt>작성자</dt><dd>국제교류처 유학생지원팀</dd>", "국제교류처 유학생지원팀"),
    ]:
        body = (
            f'<h1>청람호 안내</h1><div class="writer">{byline}</div>'
            f'<div class="content"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div>'
        )
        doc = _page(tmp_path, "청람호 안내", body)
        assert [(a.name, a.role) for a in doc.meta.authors] == [(name, None)]
        assert not [r for r in doc.removed if r.rule == "bylines.markup"]
    unlabelled = _page(tmp_path, "청람호 안내", body.replace("국제교류처 유학생지원팀", "글로벌경제부 2025"))
    assert not unlabelled.meta.authors  # no label, or no name after it: still not a byline


def test_a_report_s_citation_date_and_an_unknown_site_s_copyright_holder(tmp_path: Path) -> None:
    body = (
        f'<h1>청람호 안내</h1><div class="content"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div>'
        "<footer><p>Copyright © 한국호수연구원. All rights reserved.</p></footer>"
    )
    path = tmp_path / "report.htm"
    path.write_text(
        "<!DOCTYPE html><html lang='ko'><head><title>청람호 안내</title>"
        f'<meta name="citation_publication_date" content="2025/11/14"></head><body>{body}</body></html>',
        "utf-8",
    )
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert doc.meta.date == "2025-11-14"
    assert doc.meta.publisher == "한국호수연구원"


def test_a_report_s_bold_numbered_subheadings_over_text_and_over_a_list(tmp_path: Path) -> None:
    """``가.``/``나.`` subheadings set in bold are headings whether text or a list follows, and the
    numbered section above them (``1.2 연구 방법``) is not an empty section."""
    page = (
        '<div class="report"><p>이 보고서는 인력, 예산, 이용의 세 측면에서 지역 도서관을 살핀다.</p>'
        f"<h2>1. 연구 개요</h2><p>{LEAD}</p><h3>1.2 연구 방법</h3>"
        f"<p><strong>가. 조사 대상</strong></p><p>{MORE}</p><p><strong>나. 분석 지표</strong></p>"
        "<p>1) 인력 지표: 인구 1만 명당 사서 수</p><p>2) 예산 지표: 인구 1인당 자료구입비</p>"
        f"<p>{LAST}</p></div>"
    )
    doc = _doc(tmp_path, page)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["1. 연구 개요", "1.2 연구 방법", "가. 조사 대상", "나. 분석 지표"]
    assert not [r for r in doc.removed if r.rule == "contents.empty-section"]


def test_front_matter_title_and_description_of_a_markdown_document(tmp_path: Path) -> None:
    text = (
        "---\ntitle: hangul-sort — 한글 자모 순서로 정렬하기\n"
        "description: 초성·중성·종성 순서로 정렬하는 라이브러리\n---\n\n"
        f"# hangul-sort\n\n{LEAD}\n\n{MORE}\n"
    )
    doc = _doc(tmp_path, text, "README.md")
    assert doc.meta.title == "hangul-sort — 한글 자모 순서로 정렬하기"
    assert doc.meta.subtitles == ["초성·중성·종성 순서로 정렬하는 라이브러리"]
    assert doc.meta.lines["title"] == [6]  # the heading is the title's line, not a section
    assert [b.text for b in doc.blocks] == [LEAD, MORE]
    long = text.replace("초성·중성·종성 순서로 정렬하는 라이브러리", "긴 설명 " * 40)
    assert _doc(tmp_path, long, "README.md").meta.subtitles == []  # a summary is no subtitle


def test_a_press_release_s_contact_box_as_a_table_is_removed(tmp_path: Path) -> None:
    data = "<table><tr><th>구분</th><th>2024년</th></tr><tr><td>단독주택</td><td>9,870</td></tr></table>"
    contact = (
        "<table><tr><th>담당 부서</th><td>재생에너지정책실<br>재생에너지보급과</td><th>책임자</th>"
        "<td>과 장 이○○ (044-201-5510)</td></tr>"
        "<tr><td></td><th>담당자</th><td>사무관 정○○ (044-201-5514)</td></tr></table>"
    )
    doc = _doc(tmp_path, f'<div class="view"><p>{LEAD}</p>{data}<p>{MORE}</p><p>{LAST}</p>{contact}</div>')
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph", "Paragraph"]
    assert "044-201" not in _body(doc)
    assert [r.rule for r in doc.removed if "044-201-5510" in r.text] == ["boilerplate.release"]


def test_an_attachment_list_broken_by_a_line_break_goes_whole(tmp_path: Path) -> None:
    attachments = (
        "<p>붙임 1. 지역별 설치 현황 1부.<br>&nbsp;&nbsp;2. 하반기 지원사업 공고문 1부. &nbsp;끝.</p>"
    )
    doc = _doc(tmp_path, f'<div class="view"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p>{attachments}</div>')
    assert [b.text for b in doc.blocks] == [LEAD, MORE, LAST]
    assert [r.rule for r in doc.removed if "1부" in r.text] == ["boilerplate.release"] * 2


def test_a_footer_s_copyright_paragraph_is_the_rights_without_the_address(tmp_path: Path) -> None:
    content = f'<h1>청람호 안내</h1><div class="content"><p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div>'
    footer = (
        "<footer><p>(30103) 세종특별자치시 도움6로 11 대표전화 044-201-0000</p>"
        "<p>Copyright © 기후에너지부. All rights reserved.</p></footer>"
    )
    doc = _page(tmp_path, "청람호 안내", content + footer)
    assert doc.meta.rights == "Copyright © 기후에너지부. All rights reserved."
    address = [r.rule for r in doc.removed if r.text.startswith("(30103)")]
    assert address == ["html.outside-article"]  # the rest of the footer is recorded as chrome
    two = footer.replace("All rights reserved.</p>", "</p><p>무단 전재 및 재배포 금지</p>")
    both = _page(tmp_path, "청람호 안내", content + two).meta.rights or ""
    assert (
        "Copyright © 기후에너지부" in both and "무단 전재" in both
    )  # a notice in two paragraphs stays whole


def test_an_infobox_with_a_photo_is_a_table_and_its_photo_a_figure(tmp_path: Path) -> None:
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "lake.jpg").write_bytes(b"\xff\xd8\xff\xd9")
    infobox = (
        '<table class="infobox"><tr><th colspan="2">청람호</th></tr>'
        '<tr><td colspan="2"><img src="page_files/lake.jpg" width="250" height="166" alt="">'
        "<div>2021년 가을의 청람호</div></td></tr>"
        "<tr><th>위치</th><td>충청북도 단양군</td></tr><tr><th>유형</th><td>인공호</td></tr>"
        "<tr><th>준공</th><td>1978년</td></tr></table>"
    )
    doc = _doc(tmp_path, f'<div class="content">{infobox}<p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></div>')
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Figure", "Table", "Paragraph", "Paragraph", "Paragraph"]
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [row.cells[0].text for row in table.body] == ["2021년 가을의 청람호", "위치", "유형", "준공"]
    assert next(b for b in doc.blocks if isinstance(b, Figure)).src == "page_files/lake.jpg"
    photo_table = infobox.replace("<th>유형</th>", "<td>유형</td>").replace("<th>준공</th>", "<td>준공</td>")
    laid_out = _doc(tmp_path, f'<div class="content">{photo_table}<p>{LEAD}</p><p>{MORE}</p></div>')
    assert not [b for b in laid_out.blocks if isinstance(b, Table)]  # a photo's layout table stays layout


def test_a_hosting_platform_s_copyright_is_not_the_post_s_rights(tmp_path: Path) -> None:
    body = (
        "<article><p>주말에 성수동의 작은 카페에 다녀왔다. 원두를 고르는 재미가 있었다.</p>"
        "<p>주차는 근처 공영주차장을 이용하면 된다. 평일 오후가 한가하다.</p></article>"
    )
    hosted = _doc(tmp_path, f"{body}<footer><p>© Kakao Corp.</p></footer>")
    assert hosted.meta.rights is None
    assert [r.rule for r in hosted.removed if r.text == "© Kakao Corp."] == ["html.platform-rights"]
    own = _doc(tmp_path, f"{body}<footer><p>© 하루한잔 커피일기</p></footer>")
    assert own.meta.rights == "© 하루한잔 커피일기"


def test_a_report_s_subtitle_under_its_title_and_its_first_section_heading(tmp_path: Path) -> None:
    """A paragraph whose class names a subtitle right under the title is a deck; a one-word heading
    opening the body (요약) is the first section's heading, kept, not a deck nor interface text."""
    page = (
        "<!DOCTYPE html><html lang='ko'><head><title>지역 도서관 보고서 | 예시연구원</title></head><body>"
        "<div class='wrap'><h1 class='report-title'>지역 도서관 보고서</h1>"
        "<p class='report-sub'>인력·예산·이용 지표로 본 격차</p>"
        "<div class='report-body'><h2>요약</h2>"
        f"<p>{LEAD}</p><h2>1. 연구 개요</h2><p>{MORE}</p><p>{LAST}</p></div></div></body></html>"
    )
    doc = _doc(tmp_path, page, "report.htm")
    assert doc.meta.subtitles == ["인력·예산·이용 지표로 본 격차"]
    assert [(type(b).__name__, b.text) for b in doc.blocks][:2] == [("Heading", "요약"), ("Paragraph", LEAD)]
    assert not any(r.text == "요약" for r in doc.removed)
