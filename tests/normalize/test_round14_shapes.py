"""Failure kinds from held-out round 14 (a Naver blog post in SmartEditor ONE, a Stibee newsletter
of several stories, a court's decision from a law database as text, a wiki page exported as
Markdown), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Footnote, NoteRef, Paragraph, Quote, runs
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.helpers import unaccounted_lines
from tests.normalize.test_real_shapes import BODY, body, norm, read_page, removed

TITLE = "시, 버스 노선 12개→8개로 줄인다"


def _se_text(*lines: str) -> str:
    paragraphs = "".join(f"<p class='se-text-paragraph'><span>{line}</span></p>" for line in lines)
    return f"<div class='se-component se-text'><div class='se-module se-module-text'>{paragraphs}</div></div>"


# --- a Naver blog post (SmartEditor ONE) --------------------------------------------------------------


def test_a_smarteditor_post_is_read_from_its_main_container_with_its_title_nickname_and_date(
    tmp_path: Path,
) -> None:
    page = (
        "<div id='blog-title'><h1><a href='https://blog.naver.com/someone'>책 읽는 오후</a></h1></div>"
        "<div class='se-component se-documentTitle'><div class='se-title-text'>"
        f"<p class='se-text-paragraph'><span>{TITLE}</span></p></div>"
        "<div class='blog2_container'><span class='writer'><span class='nick'><a href='#'>책방지기 솔</a>"
        "</span></span><span class='se_publishDate pcol2'>2026. 11. 22. 21:47</span></div></div>"
        f"<div class='se-main-container'>{_se_text(BODY[0])}"
        "<div class='se-component se-sectionTitle'><div class='se-module se-module-text'>"
        "<p class='se-text-paragraph'><span>가는 길</span></p></div></div>"
        f"{_se_text(*BODY[1:])}</div>"
    )
    head = (
        f"<title>{TITLE} : 네이버 블로그</title><meta property='og:title' content='{TITLE}'>"
        "<meta property='og:site_name' content='네이버 블로그 | 책 읽는 오후'>"
    )
    _, doc = read_page(tmp_path, page, head)
    assert doc.meta.title == TITLE
    assert [(a.name, a.role) for a in doc.meta.authors] == [("책방지기 솔", None)]
    assert doc.meta.date == "2026-11-22T21:47:00+09:00"
    assert doc.meta.publisher == "책 읽는 오후"
    assert body(doc).splitlines() == [BODY[0], "가는 길", *BODY[1:]]


def test_a_quotations_citation_set_by_class_is_its_attribution(tmp_path: Path) -> None:
    page = (
        f"<h1>{TITLE}</h1><div class='article_body'>{''.join(f'<p>{x}</p>' for x in BODY)}"
        "<blockquote class='se-quotation-container'><div class='se-module se-quote'>"
        "<p>책은 다시 꽂아 두는 사람의 것이다.</p></div>"
        "<div class='se-module se-cite'><p>서가 안내판에서</p></div></blockquote></div>"
    )
    _, doc = read_page(tmp_path, page)
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    assert quote.text == "책은 다시 꽂아 두는 사람의 것이다."
    assert "".join(r.text for r in runs(quote.attribution)) == "서가 안내판에서"


def test_a_lazy_images_blurred_placeholder_gives_way_to_its_real_address(tmp_path: Path) -> None:
    page = (
        f"<h1>{TITLE}</h1><div class='article_body'><p>{BODY[0]}</p>"
        "<img src='https://example.net/a.jpg?type=w80_blur' data-lazy-src='https://example.net/a.jpg?type=w773'>"
        f"{''.join(f'<p>{x}</p>' for x in BODY[1:])}</div>"
    )
    _, doc = read_page(tmp_path, page)
    assert any(r.text == "https://example.net/a.jpg?type=w773" for r in doc.removed)


# --- a Stibee newsletter ----------------------------------------------------------------------------


def test_a_stibee_letter_is_read_whole_without_its_frame(tmp_path: Path) -> None:
    row = "<tr><td class='stb-text-box'>{}</td></tr>"
    page = (
        "<table class='stb-container'>"
        "<tr><td class='stb-webview'><a href='#'>웹에서 보기</a></td></tr>"
        + row.format("2026. 11. 24. 화요일 | 성북로컬레터 #142")
        + row.format(f"<div>{BODY[0]}</div>")
        + row.format(
            "<div><span style='font-size:20px'><b>성북02 마을버스, 고려대역까지</b></span></div>"
            + "".join(f"<div>{x}</div>" for x in BODY[1:])
        )
        + row.format("<div>이번 호는 에디터 윤하람이 썼습니다. 다음 주에 또 만나요!</div>")
        + "<tr><td class='stb-footer'>"
        "<div>성북마을신문 | 서울특별시 성북구 보문로 168, 3층 | letter@sbnews.example.kr</div>"
        "<div>이 메일은 성북로컬레터 구독을 신청하신 분께 보내드립니다.</div><div><a href='#'>수신거부</a>"
        " <a href='#'>Unsubscribe</a></div><div><img src='https://img.stibee.com/stibee_logo.png'"
        " alt='Powered by Stibee'></div></td></tr></table>"
    )
    _, doc = read_page(tmp_path, page, f"<title>[성북로컬레터 #142] {TITLE}</title>")
    assert (doc.meta.title, doc.meta.series, doc.meta.date) == (TITLE, ["성북로컬레터 #142"], "2026-11-24")
    assert doc.meta.publisher == "성북마을신문"
    assert [(a.name, a.role) for a in doc.meta.authors] == [("윤하람", "에디터")]
    assert body(doc).splitlines() == [
        BODY[0],
        "성북02 마을버스, 고려대역까지",
        *BODY[1:],
        "이번 호는 에디터 윤하람이 썼습니다. 다음 주에 또 만나요!",
    ]
    rules = removed(doc)
    assert rules["웹에서 보기"] == "boilerplate.newsletter"
    assert rules["수신거부 Unsubscribe"] == "boilerplate.newsletter"
    assert rules["Powered by Stibee"] == "chrome.logo"


def test_a_closing_line_names_the_writer_only_when_no_byline_did() -> None:
    _, doc = norm(TITLE, "김하늘 기자 sky@example.com", *BODY, "이번 호는 에디터 윤하람이 썼습니다.")
    assert [a.name for a in doc.meta.authors] == ["김하늘"]


# --- a court's decision from a law database ---------------------------------------------------------

CITATION = "대법원 2026. 10. 29. 선고 2025다21187 판결"
DECISION = [
    "국가법령정보센터",
    CITATION,
    "[손해배상(기)]",
    "【판시사항】",
    "[1] 아파트 지하주차장 천장에서 떨어진 마감재에 다친 입주자가 손해배상을 구하는 경우, 하자의 증명책임",
    "【주    문】",
    "상고를 기각한다. 상고비용은 피고가 부담한다.",
    "【이    유】",
    "1. 상고이유 제1점에 관하여",
    "가. 관련 법리",
    "공동주택의 하자로 인한 손해배상을 구하는 사람은 원칙적으로 하자의 존재와 손해의 발생을 증명하여야 한다.",
    "2. 결론",
    "그러므로 상고를 기각하고, 관여 대법관의 일치된 의견으로 주문과 같이 판결한다.",
    "대법관   노민재(재판장)   김선영   이도윤(주심)   오현주",
    "이 판례를 인용한 판례 보기 (0건)",
    "Copyright ⓒ 법제처 국가법령정보센터. All rights reserved.",
]


def test_a_decision_keeps_its_citation_as_title_and_its_court_as_publisher() -> None:
    _, doc = norm(*DECISION)
    assert (doc.meta.title, doc.meta.subtitles, doc.meta.date) == (CITATION, ["손해배상(기)"], "2026-10-29")
    assert doc.meta.series == []
    assert doc.meta.publisher == "대법원"
    specs = [(type(b).__name__, getattr(b, "role", None), b.text) for b in doc.blocks]
    assert [text for kind, _, text in specs if kind == "Heading"] == [
        "【판시사항】",
        "【주 문】",
        "【이 유】",
        "1. 상고이유 제1점에 관하여",
        "가. 관련 법리",
        "2. 결론",
    ]
    assert specs[-1][1] == "signature"
    assert removed(doc)["이 판례를 인용한 판례 보기 (0건)"] == "boilerplate.chrome"


def test_a_citation_without_section_labels_is_no_decision() -> None:
    _, doc = norm(CITATION, *BODY)
    assert (doc.meta.title, doc.meta.publisher) == (CITATION, None)  # the court casts no vote


# --- a wiki page exported as Markdown ---------------------------------------------------------------


def _markdown(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "page.md"
    path.write_text(text, "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    return doc


LICENCE = (
    "이 저작물은 CC BY-NC-SA 2.0 KR에 따라 이용할 수 있습니다. (단, 라이선스가 명시된 일부 문서 및 삽화 제외)"
)
WIKI = f"""# 청계천 헌책방 거리

최근 수정 시각: 2026-11-02 14:22:31

분류: 서울특별시의 거리 | 헌책방

상위 문서: [종로구](https://namu.wiki/w/종로구)

[목차]

## 1. 개요

평화시장 1층을 따라 늘어선 **헌책방** 골목이다.[1] 지금은 20곳 남짓이 남아 있다.[2]

## 2. 각주

[1] 정확히는 평화시장·신평화시장·동화시장 1층이다.

[2] 2026년 기준.

{LICENCE}

나무위키는 백과사전이 아니며 검증되지 않았거나, 편향적이거나, 잘못된 서술이 있을 수 있습니다.
"""


def test_a_wiki_export_has_footnotes_a_licence_and_no_navigation(tmp_path: Path) -> None:
    doc = _markdown(tmp_path, WIKI)
    assert (doc.meta.title, doc.meta.subtitles) == ("청계천 헌책방 거리", [])
    assert doc.meta.date == "2026-11-02T14:22:31+09:00"
    assert doc.meta.rights == LICENCE
    notes = [b for b in doc.blocks if isinstance(b, Footnote)]
    assert [(n.id, n.text) for n in notes] == [
        ("1", "정확히는 평화시장·신평화시장·동화시장 1층이다."),
        ("2", "2026년 기준."),
    ]
    para = next(b for b in doc.blocks if isinstance(b, Paragraph))
    assert [r.note for r in runs(para.content) if isinstance(r, NoteRef)] == ["1", "2"]
    assert para.text == "평화시장 1층을 따라 늘어선 헌책방 골목이다. 지금은 20곳 남짓이 남아 있다."
    rules = removed(doc)
    assert rules["분류: 서울특별시의 거리 | 헌책방"] == "boilerplate.chrome"
    assert rules["[목차]"] == "boilerplate.chrome"
    assert "각주" not in body(doc)


def test_bracketed_numbers_nothing_refers_to_are_no_notes(tmp_path: Path) -> None:
    doc = _markdown(tmp_path, "# 제목\n\n본문 문장이 여기 있다.\n\n[1] 첫째 항목\n\n[2] 둘째 항목\n")
    assert not [b for b in doc.blocks if isinstance(b, Footnote)]
