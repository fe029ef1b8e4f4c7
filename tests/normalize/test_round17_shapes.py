"""Failure kinds from held-out round 17 (a party's 논평 on its board, a Tistory review, a company
newsroom post, a Google Docs web export of minutes, a 학회 board's conference notice, a policy
portal's story), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import (
    Emphasis,
    Figure,
    Footnote,
    Heading,
    ListBlock,
    NoteRef,
    Paragraph,
    Strong,
    runs,
    walk,
)
from tests.normalize.test_real_shapes import body, read_page, removed

PROSE = (
    "<p>본문 첫 문단은 충분히 길게 써서 산문으로 읽히도록 합니다. "
    "이어지는 문장도 하나 더 있어서 예순 자를 넘깁니다.</p>"
)
MORE = "<p>둘째 문단도 충분히 길게 써서 산문으로 읽히도록 합니다. 마지막 문장으로 끝을 맺습니다.</p>"

# --- a policy portal's story -----------------------------------------------------------------------

PORTAL_HEAD = '<meta property="og:site_name" content="대한민국 정책브리핑">'
PORTAL = f"""
<h1>내년부터 청년 구직자 교통비 월 10만 원 지원</h1>
<div class="date"><span>2026.12.04</span> <span>고용노동부</span></div>
<div class="view_cont">
<figure><img src="https://example.org/a.jpg" alt="x">
<figcaption>구직자들.(사진=저작권자(c) 연합뉴스, 무단 전재-재배포 금지)</figcaption>
</figure>
{PROSE}{MORE}
<p>[자료제공 :(<a href="https://www.moel.go.kr">고용노동부</a>)]</p>
<div><strong>첨부파일</strong><ul>
<li><a href="/d?1">개편안(보도자료).hwp</a></li>
<li><a href="/d?2">개편안(보도자료).pdf</a></li>
</ul></div>
<p>고용노동부의 해당 저작물은 "공공누리 1유형(출처표시)" 조건에 따라 이용할 수 있습니다.</p>
<h3>관련 정책</h3>
<ul><li><a href="/p/1">국민취업지원제도</a></li><li><a href="/p/2">청년도약계좌</a></li></ul>
</div>
<footer><p>Copyright(C) Ministry of Culture, Sports and Tourism. All rights reserved.</p></footer>
"""


def test_a_policy_portals_story_its_source_credit_and_boxes(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, PORTAL, PORTAL_HEAD)
    assert doc.meta.publisher == "고용노동부"  # the 자료제공 credit and the date line's body, not "Ministry"
    assert doc.meta.date == "2026-12-04"
    gone = removed(doc)
    assert [rule for t, rule in gone.items() if "고용노동부" in t and "2026" in t] == ["release.issuer"]
    assert gone["[자료제공 :(고용노동부)]"] == "boilerplate.provider"
    assert gone["개편안(보도자료).hwp"] == gone["첨부파일"] == "boilerplate.board"
    assert gone["관련 정책"] == gone["국민취업지원제도"] == "boilerplate.related"
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.credit == "연합뉴스"  # the mark 저작권자(c) is skipped, the licence cut off
    assert "공공누리" not in body(doc) and not any(isinstance(b, ListBlock) for b in doc.blocks)


def test_an_english_holder_is_not_cut_to_its_first_word(tmp_path: Path) -> None:
    page = f"<article><h1>제목이 충분히 긴 기사입니다</h1>{PROSE}{MORE}</article>"
    foot = "<footer><p>© 2026 Hangyeol Mobility. All rights reserved.</p></footer>"
    _, doc = read_page(tmp_path, page + foot)
    assert doc.meta.publisher != "Hangyeol"


def test_a_label_word_beside_a_date_in_the_text_is_no_issuer(tmp_path: Path) -> None:
    page = f"<article><h1>제목이 충분히 긴 공지입니다</h1>{PROSE}<p>일시 2027년 4월 24일</p>{MORE}</article>"
    _, doc = read_page(tmp_path, page)
    assert doc.meta.publisher != "일시"
    assert "release.issuer" not in removed(doc).values()


# --- a company newsroom ----------------------------------------------------------------------------

NEWSROOM_HEAD = '<meta property="og:site_name" content="한결모빌리티 뉴스룸">'
NEWSROOM = f"""<article><h1>한결모빌리티, 충전망 전국 300곳으로 늘린다</h1>
<div class="entry-content">
{PROSE}{MORE}
<div class="media-contact"><h3>미디어 문의</h3>
<p>커뮤니케이션팀 윤지아 매니저<br>02-3456-7890 | press@example.com</p></div>
<div class="download-assets"><h3>자료 다운로드</h3><ul>
<li><a href="/a.jpg">[사진] 100호 충전소 (JPG, 4.2MB)</a></li>
<li><a href="/b.pdf">보도자료 원문 (PDF, 320KB)</a></li>
</ul></div></div>
<footer><div>공유하기<a href="#">Facebook</a><a href="#">X</a><a href="#">LinkedIn</a
><a href="#">링크 복사</a></div>
<div>태그: <a href="/t/1">전기트럭</a>, <a href="/t/2">충전 인프라</a></div></footer></article>"""


def test_a_newsroom_post_its_company_and_its_boxes(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, NEWSROOM, NEWSROOM_HEAD)
    assert doc.meta.publisher == "한결모빌리티"  # the site's name without 뉴스룸
    gone = removed(doc)
    assert gone["미디어 문의"] == gone["02-3456-7890 | press@example.com"] == "boilerplate.release"
    assert gone["자료 다운로드"] == gone["보도자료 원문 (PDF, 320KB)"] == "boilerplate.board"
    assert gone["태그: 전기트럭, 충전 인프라"] == "boilerplate.chrome"
    assert gone["공유하기FacebookXLinkedIn링크 복사"] == "boilerplate.chrome"
    assert body(doc).count("\n") == 1  # the two paragraphs only


def test_a_contact_header_over_prose_and_an_attachment_header_over_links(tmp_path: Path) -> None:
    page = f"""<article><h1>제목이 충분히 긴 기사입니다</h1>{PROSE}<h3>언론 문의</h3>{MORE}
<h3>첨부파일</h3><ul><li><a href="/x">안내문 보기</a></li><li><a href="/y">신청서</a></li></ul></article>"""
    _, doc = read_page(tmp_path, page)
    assert "둘째 문단도" in body(doc)  # no phone, no e-mail: no contact box
    assert any(isinstance(b, ListBlock) for b in doc.blocks)  # entries that are no files stay


# --- a word processor's web export ------------------------------------------------------------------

GDOCS_STYLE = (
    "<style>.c0{font-weight:400}.c2{font-weight:700;font-size:13pt}.c4{font-style:italic}"
    ".c5{font-weight:700;font-style:italic}.lst-kix_a-0>li:before{content:'1.'}</style>"
)
GDOCS = f"""
<p class="c8 title"><span class="c2">2026년 12월 정기 운영위원회 회의록</span></p>
{PROSE}
<p class="c1"><span class="c2">안건</span></p>
<ol><li><span class="c0">지난 회의 결정 사항 점검</span></li><li><span class="c0">운영비 정산</span></li></ol>
<p><span class="c0">지난 회의에서 정한 분류 작업은 모두 마쳤다. 분류한 책은 모두 412권이며 </span
><span class="c4">재활용</span> <span class="c5">업체</span><span class="c0">에 넘긴다.</span
><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>
<p><span class="c0">저자 초청 모임은 온라인 신청을 받아 선착순으로 마감하기로 했다.</span
><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p>
<hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a
><span class="c0">&nbsp;신청 양식은 12월 15일까지 만든다.</span></p></div>
<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c0">업체 이름도 적어 두면 좋겠어요.</span></p>
<p><span>_할당됨: 박하람_</span></p></div>
"""


def test_a_google_docs_export_its_classes_notes_and_comments(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, GDOCS, GDOCS_STYLE)
    blocks = list(walk(doc.blocks))
    assert isinstance(doc.blocks[1], Heading) and doc.blocks[1].text == "안건"  # bold by class, over a list
    marks = [r for b in blocks if isinstance(b, Paragraph) for r in runs(b.content)]
    assert any(isinstance(r, Emphasis) and r.text == "재활용" for r in marks)
    assert any(isinstance(r, Strong) and r.text == "업체" for r in marks)  # bold and italic both
    assert any(isinstance(r, NoteRef) for r in marks)
    assert [b.text for b in blocks if isinstance(b, Footnote)] == ["신청 양식은 12월 15일까지 만든다."]
    gone = removed(doc)
    assert gone["[a]"] == "html.comment"
    assert "업체 이름도" not in body(doc) and "할당됨" not in body(doc)


def test_a_class_rule_that_is_not_one_class_alone_marks_nothing(tmp_path: Path) -> None:
    style = "<style>div .lead{font-weight:700}p.c2{font-weight:bold}</style>"
    page = (
        "<article><h1>제목이 충분히 긴 기사입니다</h1>"
        f'<p><span class="lead">첫 문단</span>은 길게 씁니다.</p>{PROSE}</article>'
    )
    _, doc = read_page(tmp_path, page, style)
    assert not any(
        isinstance(r, Strong) for b in doc.blocks if isinstance(b, Paragraph) for r in runs(b.content)
    )


def test_a_document_number_beside_the_date_is_no_deck(tmp_path: Path) -> None:
    page = (
        '<p class="title">2026년 12월 정기 운영위원회 회의록</p>'
        f"<p>문서번호 운영-2026-12 · 작성 2026. 12. 4.</p>{PROSE}"
    )
    _, doc = read_page(tmp_path, page)
    assert doc.meta.subtitles == [] and doc.meta.date == "2026-12-04"
    assert removed(doc)["문서번호 운영-2026-12 · 작성 2026. 12. 4."] == "dates.document-number"


# --- a blog skin's chrome ---------------------------------------------------------------------------

TISTORY_HEAD = '<meta name="by" content="데스크집사">'
TISTORY = f"""<div class="hgroup"><h1>무소음 키보드 한 달 사용 후기</h1>
<span class="author">데스크집사</span></div>
<div class="entry-content">
<div class="revenue_unit_wrap"><div class="revenue_unit_info">반응형</div>
<ins class="adsbygoogle"></ins></div>
<div class="book-toc"><p>목차</p>
<ul><li><a href="#toc1">1. 구매 이유</a></li><li><a href="#toc2">2. 총평</a></li></ul></div>
{PROSE}<h2 id="toc1">1. 구매 이유</h2>{MORE}
<p><b>좋았던 점</b></p><ul><li>키압이 가볍다.</li><li>배터리가 오래 간다.</li></ul>
<h2 id="toc2">2. 총평</h2>
<p>조용한 사무실에서 쓰기에 충분히 추천할 만하다고 생각합니다. 다만 맥 사용자는 한 번 더 고민해 보세요.</p>
</div>"""


def test_a_blog_skins_toc_box_ad_slots_and_author(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, TISTORY, TISTORY_HEAD)
    assert [a.name for a in doc.meta.authors] == ["데스크집사"]  # <meta name="by"> names the span a nickname
    text = body(doc)
    assert "반응형" not in text and "목차" not in text
    gone = removed(doc)
    assert gone["반응형"] == "html.ad"
    assert gone["목차 1. 구매 이유 2. 총평"] == "html.navigation"
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["1. 구매 이유", "좋았던 점", "2. 총평"]  # a bold line over a list is a heading


def test_a_box_named_toc_with_outside_links_stays(tmp_path: Path) -> None:
    page = f"""<article><h1>제목이 충분히 긴 기사입니다</h1>{PROSE}<div class="toc-links">
<ul><li><a href="/a">다른 글 하나</a></li><li><a href="/b">다른 글 둘</a></li></ul></div></article>"""
    _, doc = read_page(tmp_path, page)
    assert "html.navigation" not in removed(doc).values()


# --- an old board's post ------------------------------------------------------------------------------

BOARD_HEAD = "<title>한국디지털출판학회 - 공지사항 - 2027년 춘계학술대회 안내 및 논문 모집</title>"
BOARD = f"""<div id="header"><h1><a href="/"><img src="/logo.gif" alt="한국디지털출판학회"></a></h1></div>
<h3 class="sub_title">공지사항</h3>
<table class="board_view">
<tr><th class="subject" colspan="4">2027년 춘계학술대회 안내 및 논문 모집</th></tr>
<tr><th>작성자</th><td>관리자</td><th>작성일</th><td>2026-11-25</td></tr>
<tr><td colspan="4" class="view_content">{PROSE}
<p>· 주제: 생성형 AI 시대의 편집과 출판<br>· 일시: 2027년 4월 24일(토)<br>· 장소: 출판문화회관 4층</p>
{MORE}</td></tr>
</table>"""


def test_an_old_boards_subject_cell_site_date_and_admin(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, BOARD, BOARD_HEAD)
    assert doc.meta.title == "2027년 춘계학술대회 안내 및 논문 모집"  # the cell the <title> ends with
    assert doc.meta.publisher == "한국디지털출판학회"  # the name before it
    assert doc.meta.date == "2026-11-25"
    assert doc.meta.authors == []  # the board's admin account is no writer
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3]  # "· …<br>· …": an entry per marked piece


# --- a party's 논평 -----------------------------------------------------------------------------------

PARTY_HEAD = "<title>[논평] 전세사기 특별법 개정안, 더 이상 미루지 마십시오 | 브리핑룸 | 미래연합당</title>"
PARTY = f"""<div class="board-view">
<h3 class="tit">[논평] 전세사기 특별법 개정안, 더 이상 미루지 마십시오</h3>
<ul class="info"><li><span>작성자</span> 대변인 한서윤</li><li><span>등록일</span> 2026.11.30 14:22</li></ul>
<div class="view-cont">
{PROSE}
{MORE}
<p>2026. 11. 30.</p>
<p>미래연합당 대변인 한 서 윤</p>
</div></div>"""


def test_a_spokespersons_statement_names_its_writer(tmp_path: Path) -> None:
    _, doc = read_page(tmp_path, PARTY, PARTY_HEAD)
    assert [(a.name, a.role) for a in doc.meta.authors] == [("한서윤", "대변인")]
    assert doc.meta.series == ["논평"]
    roles = [b.role for b in doc.blocks if isinstance(b, Paragraph)]
    assert roles[-2:] == ["signature", "signature"]


def test_a_writer_field_with_a_plain_name_names_it(tmp_path: Path) -> None:
    page = f"""<div class="view"><h3 class="tit">학과 사무실 겨울방학 운영 시간 안내</h3>
<dl><dt>글쓴이</dt><dd>학과사무실</dd></dl><div class="cont">{PROSE}{MORE}</div></div>"""
    _, doc = read_page(tmp_path, page)
    assert [(a.name, a.role) for a in doc.meta.authors] == [("학과사무실", None)]


def test_a_listed_event_date_above_the_text_is_no_page_date(tmp_path: Path) -> None:
    page = """<h3 class="tit">2027년 춘계학술대회 안내 및 논문 모집</h3>
<div class="cont"><p>짧은 안내입니다.</p>
<p>· 주제: 편집과 출판<br>· 일시: 2027년 4월 24일(토)<br>· 장소: 출판문화회관 4층</p>
<p>둘째 문단도 충분히 길게 써서 산문으로 읽히도록 합니다. 마지막 문장으로 끝을 맺습니다.</p></div>"""
    _, doc = read_page(tmp_path, page, "<title>학회 - 공지 - 2027년 춘계학술대회 안내 및 논문 모집</title>")
    assert doc.meta.date is None and doc.meta.authors == []  # no "일시" left as a name
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3]
