"""Failure kinds from held-out round 41 (a news page a desktop browser printed to PDF, read by
pdftotext; a Telegram channel's digest post copied from its web preview; an article shared from the
Naver News app; OCR of a phone's screenshots of an article), each on a small made-up input shaped
like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph
from bookmaker.korean.morphology import cut_inside_word
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


def _text_file(tmp_path: Path, text: str) -> Document:
    """``text`` as a text file read by the text reader and normalized."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- a web page a browser printed to PDF (pdftotext) -------------------------------------------------

_STAMP = "2026. 3. 9. 오후 2:05"
_PAGE_TITLE = "도서관 야간 개관 확대…주말엔 자정까지 | 가람일보"
_URL = "https://www.garam.example/news/20260309/1234"


def _printed(*pages: str) -> str:
    """Pages as pdftotext gives a browser's print: each under the time stamp and the page's title,
    over the page's address and its counter, parted by form feeds."""
    n = len(pages)
    return "\f".join(
        f"{_STAMP}\n\n{_PAGE_TITLE}\n\n{page}\n\n{_URL}\n\n{i}/{n}\n" for i, page in enumerate(pages, 1)
    )


_PAGE_ONE = (
    "도서관 야간 개관 확대…주말엔\n자정까지\n\n"
    "등록 2026-03-08 17:40\n\n"
    "시립도서관 다섯 곳이 다음 달부터 평일 밤 11시까지 문을 연다. 주말에는\n"
    "자정까지 열람실을 운영한다. 시는 이를 위해 야간 전담 인력 스무 명을 새로\n"
    "뽑는다고 밝혔다.\n\n"
    "시 관계자는 \u201c시험 기간에 자리가 모자란다는 민원이 많았다\u201d며 \u201c이용 실태를 보\n"
    "고 대상 도서관을 늘리겠다\u201d고 말했다. 시는 올해 관련 예산으로 모두 12억원\n"
    "을 편성했고 추가 경정 예산에 인건비를 더 반영할 계획이라고 밝혔으며 이어"
)
_PAGE_TWO = (
    "서 시민 의견도 받기로 했다.\n\n"
    "도서관 노조는 \u201c야간 인력이 충원되지 않으면 기존 직원의 부담만 커진다\u201d고\n"
    "주장했다. 시는 다음 주 노조와 협의를 시작한다.\n\n"
    "김가람 기자 garam@garam.example"
)


def test_a_browsers_print_header_and_footer_go_on_every_page_with_their_reasons(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _printed(_PAGE_ONE, _PAGE_TWO))
    rules = [(r.text, r.rule) for r in doc.removed]
    assert rules.count((_STAMP, "pages.print-header")) == 2  # the first page's too
    assert rules.count((_PAGE_TITLE, "pages.print-header")) == 2  # the <title>: no series
    assert rules.count((_URL, "pages.print-footer")) == 2
    assert ("1/2", "pages.number") in rules and ("2/2", "pages.number") in rules
    assert doc.meta.series == []
    assert doc.meta.date == "2026-03-08T17:40:00+09:00"  # the stamp is the printing's, not the article's
    assert "garam.example/news" not in body(doc) and "오후 2:05" not in body(doc)


def test_a_paragraph_the_print_cut_across_pages_runs_on(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _printed(_PAGE_ONE, _PAGE_TWO))
    joined = [p for p in _paragraphs(doc) if "시 관계자는" in p]
    assert len(joined) == 1 and joined[0].endswith("시민 의견도 받기로 했다.")


def test_the_printed_pages_title_joins_a_headline_the_page_wrapped(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _printed(_PAGE_ONE, _PAGE_TWO))
    assert doc.meta.title == "도서관 야간 개관 확대…주말엔 자정까지"
    assert doc.meta.subtitles == []


def test_a_justified_full_line_ending_a_sentence_goes_on_in_a_blank_parted_print(tmp_path: Path) -> None:
    doc = _text_file(tmp_path, _printed(_PAGE_ONE, _PAGE_TWO))
    first = [p for p in _paragraphs(doc) if p.startswith("시립도서관")]
    assert len(first) == 1 and first[0].endswith("새로 뽑는다고 밝혔다.")


def test_counters_under_one_address_with_no_time_stamp_are_no_browser_print(tmp_path: Path) -> None:
    text = f"{_PAGE_ONE}\n\n{_URL}\n\n1/2\n\f{_PAGE_TWO}\n\n{_URL}\n\n2/2\n"
    doc = _text_file(tmp_path, text)
    assert not any((r.rule or "").startswith("pages.print") for r in doc.removed)


def test_a_sentence_ending_line_in_a_plain_blank_parted_text_still_ends_its_paragraph() -> None:
    _, doc = norm("정부, 지원책 발표", "", LONG, LATER, "", LATER)
    assert len(_paragraphs(doc)) >= 2


# --- a phone's screenshots read by OCR -----------------------------------------------------------------

_BAR = "오후 4:20 ⓝ 令 LTE .ll 64%"
_APP = "< 가람일보 가가 ↗ :"
_NAV = "III O <"


def _screens() -> list[str]:
    return [
        _BAR,
        _APP,
        "시립도서관 다섯 곳이",
        "다음 달부터 평일 밤 11시",
        "까지 문을 연다고 시가 9일",
        "밝혔다. 주말에는 자정까지",
        "열람실을 운영한다. 시는",
        "야간 전담 인력 스무 명을",
        _NAV,
        "오후 4:21 ⓝ 令 LTE .ll 64%",
        _APP,
        "열람실을 운영한다. 시는",
        "야간 전담 인력 스무 명을",
        "새로 뽑을 계획이라고 설",
        "명했다.",
        "홈 뉴스 연예 스포츠 MY",
        _NAV,
    ]


def test_screenshots_lose_their_bars_and_each_ones_overlap_with_the_one_before() -> None:
    _, doc = norm(*_screens())
    rules = [(r.text, r.rule) for r in doc.removed]
    assert [r for t, r in rules if t.startswith("오후 4:2")] == ["screenshot.status-bar"] * 2
    assert rules.count((_APP, "screenshot.app-bar")) == 2
    assert rules.count((_NAV, "screenshot.nav-bar")) == 2
    overlap = [t for t, r in rules if r == "screenshot.overlap"]
    assert overlap == ["열람실을 운영한다. 시는", "야간 전담 인력 스무 명을"]
    assert ("홈 뉴스 연예 스포츠 MY", "boilerplate.chrome") in rules  # the app's tab bar


def test_a_paragraph_the_screenshot_seam_cut_runs_on() -> None:
    _, doc = norm(*_screens())
    text = body(doc)
    assert "스무 명을 새로 뽑을 계획이라고" in text
    assert text.count("야간 전담 인력") == 1


def test_one_status_bar_makes_no_screenshots() -> None:
    _, doc = norm(_BAR, "도서관 야간 개관 확대", LONG, LATER)
    assert not any((r.rule or "").startswith("screenshot.") for r in doc.removed)


# --- a wire dateline alone on its line --------------------------------------------------------------


def test_a_wire_dateline_alone_over_the_lead_keeps_its_reporter() -> None:
    _, doc = norm(
        "정부, 내년 예산 700조 편성", "(서울=연합뉴스) 최재훈 기자 =", LONG, LATER, "choi@yna.co.kr"
    )
    assert doc.meta.dateline == "(서울=연합뉴스) 최재훈 기자 ="
    assert [a.name for a in doc.meta.authors] == ["최재훈"]


def test_a_wire_sign_off_at_the_end_still_gives_only_its_dateline() -> None:
    _, doc = norm("정부, 내년 예산 700조 편성", LONG, LATER, "(서울=연합뉴스) 최재훈 기자 choi@yna.co.kr")
    assert doc.meta.dateline == "(서울=연합뉴스)"


# --- a link shared from a news app --------------------------------------------------------------------


def test_a_shared_links_address_and_the_apps_card_button_go_above_the_text() -> None:
    _, doc = norm(
        "도서관 야간 개관 확대…주말엔 자정까지",
        "한겨레",
        "네이버 뉴스에서 보기",
        "https://n.news.naver.com/article/999/0000012345?sid=102",
        LONG,
        LATER,
    )
    got = removed(doc)
    assert got["네이버 뉴스에서 보기"] == "boilerplate.chrome"
    assert got["https://n.news.naver.com/article/999/0000012345?sid=102"] == "boilerplate.link"
    assert doc.meta.subtitles == []


def test_an_address_after_the_text_has_begun_stays() -> None:
    _, doc = norm("도서관 야간 개관 확대", LONG, "https://www.garam.example/library", LATER)
    assert "https://www.garam.example/library" in body(doc)


# --- a Telegram channel's digest post -------------------------------------------------------------------


def _digest() -> list[str]:
    return [
        "가람 브리핑",
        "@garam_brief",
        "3.2K subscribers",
        "214 photos",
        "Preview channel",
        "",
        "📰 2026년 3월 9일(월) 저녁 뉴스 브리핑",
        "",
        "🔸 도서관 야간 개관 확대",
        "시립도서관 다섯 곳이 다음 달부터 평일 밤 11시까지 문을 연다고 시가 밝혔다.",
        "🔗 https://www.garam.example/news/1",
        "",
        "🔸 버스 노선 세 곳 조정",
        "시는 이용객이 적은 버스 노선 세 곳의 배차 간격을 다음 주부터 조정한다고 밝혔다.",
        "🔗 https://www.garam.example/news/2",
        "",
        "👍 41",
        "1.1K views",
        "edited  18:02",
    ]


def test_a_channels_preview_counters_and_buttons_go_and_its_name_is_the_publisher() -> None:
    _, doc = norm(*_digest())
    got = removed(doc)
    assert got["@garam_brief"] == "transcript.chrome"  # the handle between the name and the count
    for chrome in ("214 photos", "Preview channel", "👍 41", "1.1K views", "edited  18:02"):
        assert got[chrome] == "boilerplate.chrome", chrome
    assert doc.meta.publisher == "가람 브리핑"


def test_the_channels_name_heading_its_post_is_the_sender() -> None:
    lines = _digest()
    at = lines.index("📰 2026년 3월 9일(월) 저녁 뉴스 브리핑")
    _, doc = norm(*lines[:at], "가람 브리핑", *lines[at:])
    assert removed(doc)["가람 브리핑"] == "transcript.sender"
    assert doc.meta.publisher == "가람 브리핑"
    assert doc.meta.title == "2026년 3월 9일(월) 저녁 뉴스 브리핑"


def test_a_digests_title_keeps_its_day_and_loses_its_emoji() -> None:
    _, doc = norm(*_digest())
    assert doc.meta.title == "2026년 3월 9일(월) 저녁 뉴스 브리핑"
    assert doc.meta.date == "2026-03-09"


def test_a_digests_first_marked_item_is_a_heading_like_the_others_not_a_deck() -> None:
    _, doc = norm(*_digest())
    assert doc.meta.subtitles == []
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert len(heads) == 2 and heads[0].endswith("도서관 야간 개관 확대")
    assert "🔗 https://www.garam.example/news/1" in _paragraphs(doc)  # the item's source stays


def test_a_date_beside_words_that_are_no_edition_still_leaves_the_line() -> None:
    _, doc = norm("도서관 야간 개관 확대", "2026년 3월 9일(월) 가람시청", LONG, LATER)
    assert doc.meta.title == "도서관 야간 개관 확대"
    assert "2026년 3월 9일" not in body(doc)


def test_a_cut_inside_one_noun_the_analyzer_reads_across_it_is_joined() -> None:
    # joined, the analyzer reads one noun over the cut (용수) and scores it no worse than two words
    assert cut_inside_word("경기 남부 '반도체 벨트' 용", "수 하루 120만t 부족")
    assert cut_inside_word("사업을 구축했으", "나 아직")  # a cut-off ending gains enough alone
    assert not cut_inside_word("계획을 실행할", "수 있다")  # 할 수: two words
    assert not cut_inside_word("새로 짓는 데이터", "센터 부지")  # two nouns: the space may stay
