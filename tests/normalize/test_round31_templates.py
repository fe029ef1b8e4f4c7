"""Failure kinds from held-out round 31 (news-site templates: a business daily's desktop page, a
mobile page with an author card, an investigative outlet's page under a free licence, a Markdown
web clipping), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading, Paragraph, Table
from tests.normalize.test_real_shapes import body, norm, read_page
from tests.normalize.test_round15_shapes import read_text

TITLE = "동네 도서관 야간 개방 1년…이용객 두 배로 늘었다"
PROSE = "구립 도서관 12곳이 평일 오후 10시까지 문을 연 지 1년 만에 야간 이용객이 두 배로 늘었다."
MORE = "구는 열람실 좌석을 300석 늘리고 야간 전담 사서 8명을 새로 뽑았다고 6일 밝혔다."
LAST = "구 관계자는 내년에는 주말 야간 개방도 검토하겠다고 말했다."


def _page(tmp_path: Path, between: str, inner: str, after: str = "") -> tuple[object, object]:
    return read_page(
        tmp_path,
        f"<h1 class='news_title'>{TITLE}</h1>{between}<div itemprop='articleBody'>{inner}</div>{after}",
    )


# --- (1) a deck given as the items of a sub-title list -----------------------------------------


def test_a_sub_title_list_under_the_headline_is_one_deck_line_per_item(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "<ul class='article_sub_title'><li>열람실 300석 늘려…야간 사서 8명 채용</li>"
        "<li>“주말 개방도 검토”</li></ul>",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
    )
    assert doc.meta.subtitles == ["열람실 300석 늘려…야간 사서 8명 채용", "“주말 개방도 검토”"]
    assert "300석 늘려" not in body(doc)


def test_a_list_of_other_classes_under_the_headline_is_no_deck(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "<ul class='article_tags'><li>도서관</li><li>야간개방</li></ul>",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
    )
    assert doc.meta.subtitles == []


# --- (2) a caption that is its credit alone ----------------------------------------------------


def test_a_figcaption_that_is_only_a_bracketed_credit_credits_the_photo(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><figure><img src='a.jpg' alt=''><figcaption>[게티이미지뱅크]</figcaption></figure>"
        f"<p>{MORE}</p><figure><img src='b.jpg' alt=''><figcaption>[사진=연합뉴스]</figcaption></figure>"
        f"<p>{LAST}</p>",
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.text, f.credit) for f in figures] == [("", "게티이미지뱅크"), ("", "연합뉴스")]
    assert "[" not in body(doc)


def test_a_bracketed_word_that_names_no_credit_stays_the_caption(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><figure><img src='a.jpg' alt=''><figcaption>[야간 열람실]</figcaption></figure>"
        f"<p>{MORE}</p><p>{LAST}</p>",
    )
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.credit is None and "야간 열람실" in figure.text


# --- (3) a reporter's e-mail only in the card after the text -----------------------------------


def test_the_author_cards_mail_link_after_the_text_completes_a_bare_byline(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "<div class='author'><a href='/author/1'>한서윤 기자</a></div>",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
        "<div class='author_card'><strong>한서윤</strong><span>기자</span>"
        "<a href='mailto:seoyoon@example.co.kr'>seoyoon@example.co.kr</a><button>기자 구독</button></div>",
    )
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [
        ("한서윤", "기자", "seoyoon@example.co.kr")
    ]


def test_a_card_of_another_name_or_the_footers_mail_gives_no_address(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "<div class='author'><a href='/author/1'>한서윤 기자</a></div>",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
        "<div class='author_card'><strong>김도현</strong><span>기자</span>"
        "<a href='mailto:dohyun@example.co.kr'>메일</a></div>"
        "<footer><p>한서윤 <a href='mailto:help@example.co.kr'>문의</a></p></footer>",
    )
    assert [(a.name, a.email) for a in doc.meta.authors] == [("한서윤", None)]


# --- (4) a free licence as the only rights line ------------------------------------------------


def test_a_creative_commons_licence_box_is_the_rights(tmp_path: Path) -> None:
    licence = "크리에이티브 커먼즈 저작자표시-비영리-변경금지 4.0 국제 라이선스"
    notice = f"이 저작물은 {licence}에 따라 이용할 수 있습니다."
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
        f"<div class='article-license'><a rel='license' href='https://creativecommons.org/licenses/by-nc-nd/4.0/'>"
        f"<img src='cc.png' alt='크리에이티브 커먼즈 라이선스'></a> {notice}</div>",
    )
    assert doc.meta.rights == notice
    assert "크리에이티브" not in body(doc)


def test_a_footers_licence_line_is_the_rights_without_the_address_beside_it(tmp_path: Path) -> None:
    licence = "이 사이트의 글은 크리에이티브 커먼즈 저작자표시 4.0 국제 라이선스에 따라 이용할 수 있습니다."
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
        f"<footer><div class='site-info'>가람뉴스 | 서울시 마포구 월드컵북로 1<br>{licence}<br>"
        "<a href='https://wordpress.org/'>Proudly powered by WordPress</a></div></footer>",
    )
    assert doc.meta.rights == licence


def test_a_licence_boxs_disclaimer_is_not_part_of_its_rights_line(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
        "<div class='report-license'>이 보고서의 내용은 연구진의 의견입니다.<br>"
        "ⓒ 2026 가람연구원. 출처를 밝히면 인용할 수 있습니다.</div>",
    )
    assert doc.meta.rights == "ⓒ 2026 가람연구원. 출처를 밝히면 인용할 수 있습니다."


def test_a_licence_box_naming_no_licence_is_no_rights(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p>",
        "<div class='license-info'>이용 문의는 편집국으로 연락해 주세요.</div>",
    )
    assert doc.meta.rights is None


# --- (5) a table's source note naming who drew the graphic -------------------------------------


def test_a_source_note_under_a_table_stays_a_paragraph(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        "",
        f"<p>{PROSE}</p><table><thead><tr><th>연도</th><th>이용객</th></tr></thead><tbody>"
        "<tr><td>2025</td><td>4만</td></tr><tr><td>2026</td><td>8만</td></tr></tbody></table>"
        "<p>자료: 구립도서관 이용 통계 / 그래픽: 김하늘</p>"
        f"<p>{MORE}</p><p>{LAST}</p>",
    )
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds[:3] == ["Paragraph", "Table", "Paragraph"]
    assert isinstance(doc.blocks[1], Table) and isinstance(doc.blocks[2], Paragraph)
    assert "그래픽: 김하늘" in doc.blocks[2].text


def test_a_labelled_graphic_credit_elsewhere_is_still_a_caption() -> None:
    _, doc = norm(TITLE, PROSE, "야간 열람실 이용객 추이. 그래픽=김하늘 기자", MORE, LAST)
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.credit == "김하늘 기자"


# --- (6) a date line closing with its print page "제3면" ----------------------------------------


def test_a_date_line_closing_with_the_print_page_is_the_date() -> None:
    _, doc = norm(TITLE, "입력 2026-12-03 19:21 수정 2026-12-03 19:40 발행일 2026-12-04 제3면", PROSE, MORE)
    assert doc.meta.date == "2026-12-03T19:21:00+09:00"
    assert [b.text for b in doc.blocks] == [PROSE, MORE]  # no "제" left of the page


def test_a_sentence_about_page_three_is_no_date_line() -> None:
    line = "지난 2026-12-03 발행된 소식지는 제3면에 야간 개방 일정을 실었다며 구청이 설명했다."
    _, doc = norm(TITLE, PROSE, line, MORE)
    assert line in body(doc)


# --- (7) a Markdown web clipping -----------------------------------------------------------------

CLIP_HEAD = [
    "---",
    f'title: "{TITLE} | 가람일보"',
    'source: "https://www.example.co.kr/article/1"',
    "published: 2026-12-03",
    "created: 2026-12-06",
    "tags:",
    '  - "clippings"',
    "---",
]


def test_a_clippings_day_takes_the_time_its_text_shows_that_day(tmp_path: Path) -> None:
    text = "\n".join([*CLIP_HEAD, "입력 2026-12-03 19:21", "", PROSE, "", MORE, "", LAST])
    _, doc = read_text(tmp_path, text, "clip.md")
    assert doc.meta.date == "2026-12-03T19:21:00+09:00"


def test_a_time_on_another_day_does_not_replace_the_front_matters_day(tmp_path: Path) -> None:
    text = "\n".join([*CLIP_HEAD, "수정 2026-12-05 08:00", "", PROSE, "", MORE, "", LAST])
    _, doc = read_text(tmp_path, text, "clip.md")
    assert doc.meta.date == "2026-12-03"


def test_a_bare_image_then_its_credited_caption_is_one_figure(tmp_path: Path) -> None:
    text = "\n".join(
        [
            *CLIP_HEAD,
            PROSE,
            "",
            "![](https://img.example.co.kr/a.jpg)",
            "",
            "야간 열람실의 모습. /김하늘기자",
            "",
            MORE,
        ]
    )
    _, doc = read_text(tmp_path, text, "clip.md")
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.src, f.text, f.credit) for f in figures] == [
        ("https://img.example.co.kr/a.jpg", "야간 열람실의 모습.", "김하늘기자")
    ]


def test_a_bare_image_then_a_plain_paragraph_stays_two_blocks(tmp_path: Path) -> None:
    text = "\n".join([*CLIP_HEAD, PROSE, "", "![](https://img.example.co.kr/a.jpg)", "", MORE, "", LAST])
    _, doc = read_text(tmp_path, text, "clip.md")
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.credit is None and not figure.text and MORE in body(doc)


def test_an_opening_heading_deeper_than_the_sections_is_the_deck(tmp_path: Path) -> None:
    text = "\n".join(
        [
            *CLIP_HEAD,
            "### 열람실 300석 늘려…야간 사서 8명 채용",
            "",
            PROSE,
            "",
            "## 주말 개방도 검토",
            "",
            MORE,
        ]
    )
    _, doc = read_text(tmp_path, text, "clip.md")
    assert doc.meta.title == TITLE
    assert doc.meta.subtitles == ["열람실 300석 늘려…야간 사서 8명 채용"]
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["주말 개방도 검토"]


def test_an_opening_heading_of_the_sections_own_rank_stays_a_heading(tmp_path: Path) -> None:
    text = "\n".join([*CLIP_HEAD, "## 야간 개방의 시작", "", PROSE, "", "## 주말 개방도 검토", "", MORE])
    _, doc = read_text(tmp_path, text, "clip.md")
    assert doc.meta.subtitles == []
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["야간 개방의 시작", "주말 개방도 검토"]
