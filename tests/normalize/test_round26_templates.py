"""Failure kinds from held-out round 26 (news-site templates: a regional MBC VOD page with ◀ ▶
production labels, a weekly's caption credited to a 선임기자, an English edition's capitalised
agency credit), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading
from tests.normalize.test_real_shapes import body, norm, read_page, removed

TITLE = "폐교 활용 계획 10년째 제자리…빈 학교 37곳"


def test_mbc_arrow_labels_are_production_markup() -> None:
    _, doc = norm(
        TITLE,
        "◀ 앵커 ▶",
        "문을 닫은 학교 37곳이 10년 넘게 빈 채로 남아 있습니다.",
        "◀ 리포트 ▶",
        "충남 공주시의 한 초등학교 분교입니다.",
        "◀ SYNC ▶ 마을 주민",
        '"말은 많았는데 아무것도 안 됐어요."',
        "◀ INT ▶ 이정호 / 충남교육청 재산관리팀장",
        '"리모델링 비용이 더 나옵니다."',
        "◀ st-up ▶",
        "폐교 한 곳을 관리하는 데 해마다 1천만 원이 듭니다.",
        "MBC뉴스 김태윤입니다.",
    )
    texts = [b.text for b in doc.blocks]
    assert "마을 주민" in texts and "이정호 / 충남교육청 재산관리팀장" in texts
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert "◀" not in body(doc) and "▶" not in body(doc)
    gone = removed(doc)
    assert gone["◀ SYNC ▶"] == gone["◀ INT ▶"] == "roles.sound_bite_label"
    assert gone["◀ st-up ▶"] == "boilerplate.speaker"


def test_arrow_promo_still_split_off() -> None:
    _, doc = norm(TITLE, "폐교 37곳이 빈 채로 남아 있다. ▶ 폐교 활용 공모, 3년째 응모 0건")
    assert "응모 0건" not in body(doc)  # a promo arrow glued after a sentence: no ◀ label open


def test_line_ending_in_comma_is_no_deck() -> None:
    _, doc = norm(
        TITLE,
        "학생이 없어 문을 닫은 학교를 주민 시설로 바꾸겠다는 계획이 곳곳에서 나왔지만,",
        "대전과 충남에서만 37곳이 10년 넘게 빈 채로 남아 있습니다.",
    )
    assert doc.meta.subtitles == []
    assert body(doc).startswith("학생이 없어")


def test_caption_credit_with_rank_and_capital_agency() -> None:
    _, doc = norm(
        TITLE,
        "경기 고양시의 한 요양원에서 요양보호사가 입소자의 식사를 돕고 있다. 정지윤 선임기자",
        "요양보호사 자격증을 딴 사람은 280만 명을 넘었다. 그러나 현장에는 60만 명뿐이다.",
        "Taxis wait for passengers near Gangnam Station on Thursday night. [NEWS1]",
        "The city will review the results after six months and decide whether to extend the rate.",
    )
    credits = [b.credit for b in doc.blocks if isinstance(b, Figure)]
    assert credits == ["정지윤 선임기자", "NEWS1"]


PROSE = "농지에 태양광 설비를 올리고 그 아래에서 농사를 짓는 영농형 태양광의 농지 사용 기간이 늘어난다."
MORE = "국회는 지난 3일 본회의를 열어 농지법 개정안을 통과시켰다. 개정안은 허가 기간을 20년으로 했다."

# --- datelines, dates and publishers --------------------------------------------------------------


def test_outlet_bracket_then_reporter_and_equals_is_the_dateline() -> None:
    _, doc = norm(TITLE, f"[파이낸셜뉴스] 김민수 기자 = {PROSE}", MORE)
    assert doc.meta.dateline == "[파이낸셜뉴스] 김민수 기자 ="
    assert [(a.name, a.role) for a in doc.meta.authors] == [("김민수", "기자")]
    assert doc.blocks[0].text.startswith("농지에")


def test_newswire_release_dateline_and_issuer() -> None:
    _, doc = norm(
        "한빛에듀테크, 초등 읽기 진단 도구 출시",
        "한빛에듀테크 2026-12-03 10:00",
        "서울--(뉴스와이어)--AI 교육 기업 한빛에듀테크(대표 오세린)가 초등학생의 읽기 수준을 10분 만에"
        " 진단하는 도구를 출시했다고 3일 밝혔다.",
        "리드로그는 학생이 태블릿으로 24개 문항을 풀면 세 영역의 점수를 교사에게 보여준다.",
    )
    assert doc.meta.dateline == "서울--(뉴스와이어)--"
    assert doc.meta.publisher == "한빛에듀테크"
    assert doc.meta.date == "2026-12-03T10:00:00+09:00"
    assert removed(doc)["한빛에듀테크 2026-12-03 10:00"] == "release.issuer"
    assert doc.blocks[0].text.startswith("AI 교육 기업")


def test_issuer_beside_date_needs_the_lead_to_name_it() -> None:
    _, doc = norm(TITLE, "사회 2026-12-03 10:00", PROSE, MORE)
    assert doc.meta.publisher != "사회"


def test_site_top_bar_date_is_chrome(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        "<div class='top-date'>2026년 12월 06일 (일)</div>\n"
        f"<div class='article-head-title'>{TITLE}</div>\n"
        f"<div id='article-view-content-div'><p>{PROSE}</p><p>{MORE}</p></div>",
        f"<meta property='og:title' content='{TITLE}'>"
        "<meta property='article:published_time' content='2026-12-04T14:20:00+09:00'>",
    )
    assert doc.meta.title == TITLE
    assert doc.meta.date == "2026-12-04T14:20:00+09:00"
    assert removed(doc)["2026년 12월 06일 (일)"] == "dates.today"


def test_regional_station_is_the_publisher(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h2 class='view-title'>{TITLE}</h2><div class='news_txt'>{PROSE}<br><br>{MORE}<br><br>"
        "MBC뉴스 김태윤입니다.</div>",
        "<meta property='og:site_name' content='대전MBC'>",
    )
    assert doc.meta.publisher == "대전MBC"


def test_utc_markup_time_of_a_korean_page_in_korean_time(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h1>{TITLE}</h1><article><p>{PROSE}</p><p>{MORE}</p></article>",
        "<meta property='article:published_time' content='2026-12-03T00:02:11+00:00'>",
    )
    assert doc.meta.date == "2026-12-03T09:02:11+09:00"


def test_blog_entry_meta_writer_and_reading_time() -> None:
    _, doc = norm(TITLE, "2026년 12월 3일 글쓴이 이재원 읽는 시간: 6분", PROSE, MORE)
    assert [a.name for a in doc.meta.authors] == ["이재원"]
    assert doc.meta.subtitles == []
    assert removed(doc)["읽는 시간: 6분"] == "dates.reading-time"


def test_weekly_issue_beside_the_byline() -> None:
    _, doc = norm(
        TITLE, "허은영 기자 huh@kyunghyang.com 입력 2026.12.06 14:00 제1658호 (2026.12.15)", PROSE, MORE
    )
    assert [(a.name, a.email) for a in doc.meta.authors] == [("허은영", "huh@kyunghyang.com")]
    assert doc.meta.subtitles == []
    assert doc.meta.date == "2026-12-06T14:00:00+09:00"
    assert removed(doc)["제1658호 (2026.12.15)"] == "dates.issue"


def test_statute_number_is_no_issue() -> None:
    _, doc = norm(TITLE, PROSE, "부칙 <제1587호, 2026. 6. 30.>", MORE)
    assert "dates.issue" not in removed(doc).values()


# --- notes and boxes ------------------------------------------------------------------------------


def test_english_translation_note_and_rewritten_repost_are_editor_notes() -> None:
    _, doc = norm(
        "Seoul to scrap late-night taxi surcharge cap",
        "The Seoul Metropolitan Government will lift the cap on the late-night taxi surcharge next year.",
        "The city will review the results after six months and decide whether to extend the rate.",
        "This article was originally written in Korean and translated by a bilingual reporter with the help "
        "of generative AI tools.",
    )
    assert getattr(doc.blocks[-1], "role", None) == "editor-note"
    _, doc = norm(TITLE, PROSE, MORE, "이 글은 필자의 개인 블로그에 먼저 실린 글을 고쳐 쓴 것입니다.")
    assert getattr(doc.blocks[-1], "role", None) == "editor-note"


def test_series_list_under_the_article_is_chrome() -> None:
    _, doc = norm(
        TITLE, PROSE, MORE, "커버스토리 목록", "청년 고독사, 통계 밖의 죽음", "‘쉬었음’ 청년 50만 명의 시간"
    )
    assert "청년 고독사" not in body(doc) and "커버스토리 목록" not in body(doc)


# --- the HTML reader ------------------------------------------------------------------------------


def test_lead_photo_between_headline_and_body(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h2 class='news-title'>{TITLE}</h2>"
        "<div class='news-photo'><img src='a.jpg' alt=''>"
        "<p class='photo-caption'>출시한 도구의 화면</p></div>"
        f"<div class='release-detail' itemprop='articleBody'><p>{PROSE}</p><p>{MORE}</p></div>",
    )
    assert isinstance(doc.blocks[0], Figure) and "출시한 도구의 화면" in doc.blocks[0].text


def test_script_sentence_cut_by_one_br_is_one_paragraph(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h2 class='view-title'>{TITLE}</h2><div class='news_txt'>"
        "폐교를 주민 시설로 바꾸겠다는 계획이 곳곳에서 나왔지만,<br>"
        "대전과 충남에서만 37곳이 10년 넘게 빈 채로 남아 있습니다.<br><br>"
        f"{MORE}<br>{PROSE}</div>",
    )
    texts = [b.text for b in doc.blocks]
    joined = "폐교를 주민 시설로 바꾸겠다는 계획이 곳곳에서 나왔지만, 대전과 충남에서만 37곳이 10년 넘게"
    assert texts[0] == joined + " 빈 채로 남아 있습니다."
    assert MORE in texts and PROSE in texts  # a sentence's end before a single <br> still parts them


def test_wordpress_plugins_author_box_and_comments(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<main><article class='post'><h1 class='entry-title'>{TITLE}</h1><div class='entry-content'>"
        f"<p>{PROSE}</p><p>{MORE}</p>"
        "<div class='sharedaddy sd-sharing-enabled'><h3 class='sd-title'>이 글 공유하기:</h3></div>"
        "<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper'><h3>이것이 좋아요:</h3>"
        "<span>좋아하기</span> <span>가져오는 중...</span></div>"
        "<div id='jp-relatedposts' class='jp-relatedposts'><h3>관련</h3>"
        "<h4>지하철 막차 연장의 그늘</h4></div>"
        "</div><div class='author-box'><h4>이재원</h4><p>슬로우뉴스 편집위원. 도시와 교통에 관해 씁니다.</p>"
        "<a href='https://slownews.kr/author/leejw'>이재원의 모든 글 보기</a></div></article>"
        "<div id='comments' class='comments-area'><ol class='comment-list'><li class='comment'>"
        "<article class='comment-body'><b class='fn'>새벽퇴근러</b> <span class='says'>님의 말:</span>"
        "<p>N26 매일 타는데 진짜 12시 반 차는 지옥입니다. 새벽 4시 차는 텅 비어 있고요.</p>"
        "</article></li></ol></div>"
        "</main>",
    )
    text = body(doc)
    for chrome in ("좋아하기", "가져오는 중", "지하철 막차", "편집위원", "지옥입니다", "님의 말"):
        assert chrome not in text
    rules = {r.rule for r in doc.removed}
    assert {"html.plugin", "html.author-box"} <= rules
