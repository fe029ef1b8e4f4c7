"""Failure kinds from held-out round 24 (a pool report, card news, a graphic's text dump, a 만평 page,
a regional weekly with a most-read box inside its text, a broadcast weather report), each on a small
made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Paragraph, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, read_page, removed

TITLE = "도심 침수 막는다…노후 하수관 12㎞ 교체"
PROSE = "시는 내년 상반기까지 노후 하수관로 12㎞를 교체하고 침수 취약 지역 3곳에 빗물 저류조를 짓기로 했다."
MORE = "시 관계자는 공사 기간 교통 통제 구간을 미리 알리겠다고 말했다. 공사는 3월에 시작한다."


def test_cartoonist_signs_as_a_byline() -> None:
    _, doc = norm(TITLE, PROSE, MORE, "박철민 화백 cmpark@hanbitilbo.co.kr")
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [
        ("박철민", "화백", "cmpark@hanbitilbo.co.kr")
    ]
    assert "cmpark" not in body(doc)


def test_weather_caster_label_opens_a_turn() -> None:
    _, doc = norm(TITLE, "[앵커]", "주말 날씨 알아보겠습니다.", "[캐스터]", PROSE, "[기상캐스터]", MORE)
    assert body(doc) == f"주말 날씨 알아보겠습니다.\n{PROSE}\n{MORE}"
    assert removed(doc)["[캐스터]"] == removed(doc)["[기상캐스터]"] == "boilerplate.speaker"
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


# --- a press pool report -------------------------------------------------------------------------


def test_summary_label_over_the_deck_goes() -> None:
    _, doc = norm(
        "뉴시스", TITLE, "기사내용 요약", "공사 기간 교통 통제", "빗물 저류조 3곳 신설", PROSE, MORE
    )
    assert doc.meta.subtitles == ["공사 기간 교통 통제", "빗물 저류조 3곳 신설"]
    assert removed(doc)["기사내용 요약"] == "title.deck-label"


def test_pool_photo_is_credited_to_the_pool() -> None:
    caption = (
        "[부산=뉴시스] 사진공동취재단 = 시장이 6일 부산시청에서 발표하고 있다. 2026.12.06. photo@newsis.com"
    )
    _, doc = norm(TITLE, PROSE, caption, MORE)
    fig = doc.blocks[1]
    assert isinstance(fig, Figure)
    assert fig.credit == "사진공동취재단"
    assert fig.text == "시장이 6일 부산시청에서 발표하고 있다."


def test_pool_source_note_at_the_end_is_an_editors_note() -> None:
    note = "(*이 기사는 공동취재단 기사를 바탕으로 작성됐습니다.)"
    _, doc = norm(TITLE, PROSE, MORE, note)
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "editor-note"
    assert last.text == "이 기사는 공동취재단 기사를 바탕으로 작성됐습니다."
    _, doc = norm(TITLE, PROSE, note, MORE)  # in the middle of the text: running text
    assert all(b.role is None for b in doc.blocks if isinstance(b, Paragraph))


# --- a regional weekly's page --------------------------------------------------------------------

WEEKLY = """
<div id="top"><span class="top_date">2026년 12월 6일 토요일</span></div>
<div class="news_title">
<span class="news_kicker">제1287호</span>
<h2>{title}</h2>
<h3>옛 분교, 공동 급식소로</h3>
<div class="news_info">최하늘 기자 | 승인 2026.12.03 14:20 | 댓글 2</div>
</div>
<div class="news_text">
{prose}<br /><br />
{more}<br /><br />
최하늘 기자 sky@hanbitnews.kr
</div>
<div class="news_copy">&lt;저작권자 © 한빛군민신문, 무단 전재 및 재배포 금지&gt;</div>
"""


def test_weekly_info_line_signs_and_dates_it(tmp_path: Path) -> None:
    head = f"<title>{TITLE} - 한빛군민신문</title><meta property='og:title' content='{TITLE}'>"
    _, doc = read_page(tmp_path, WEEKLY.format(title=TITLE, prose=PROSE, more=MORE), head)
    assert doc.meta.date == "2026-12-03T14:20:00+09:00"  # not the site bar's today
    assert [(a.name, a.role) for a in doc.meta.authors] == [("최하늘", "기자")]
    assert doc.meta.series == []  # the issue number is none
    assert removed(doc)["제1287호"] == "title.issue-number"
    assert doc.meta.rights == "저작권자 © 한빛군민신문, 무단 전재 및 재배포 금지"
    assert body(doc) == f"{PROSE}\n{MORE}"


def test_broadcaster_news_site_names_the_broadcaster(tmp_path: Path) -> None:
    head = f"<title>{TITLE}</title><meta property='og:site_name' content='한빛방송 뉴스'>"
    page = (
        f"\n<h2 class='title'>{TITLE}</h2>\n<div class='news_body'>\n<p>{PROSE}</p>\n<p>{MORE}</p>\n</div>\n"
    )
    _, doc = read_page(tmp_path, page, head)
    assert doc.meta.publisher == "한빛방송"


# --- card news -----------------------------------------------------------------------------------

CARDS = [
    "이미지 확대",
    "\u201c분명 도로가 말라 보였는데…\u201d",
    "이미지 확대",
    "겨울철 교통사고의 숨은 주범,",
    "블랙아이스를 아시나요?",
    "이미지 확대",
    "블랙아이스는 도로 표면에 얇게 언 얼음입니다.",
    "아스팔트 색이 그대로 비쳐",
    "젖은 도로처럼 보입니다.",
    "이미지 확대",
    "이렇게 피하세요",
    "① 속도를 줄이기",
    "② 거리를 두 배 두기",
    "이미지 확대",
    "미끄러졌다면 브레이크를 밟지 말고",
    "핸들을 돌리세요.",
    "<자료: 한국도로공사>",
]


def test_card_news_one_paragraph_a_card_and_no_deck() -> None:
    _, doc = norm("[카드뉴스] 블랙아이스 피하는 법", *CARDS)
    assert doc.meta.subtitles == []
    texts = [b.text for b in doc.blocks]
    assert texts[1] == "겨울철 교통사고의 숨은 주범, 블랙아이스를 아시나요?"
    assert (
        texts[2]
        == "블랙아이스는 도로 표면에 얇게 언 얼음입니다. 아스팔트 색이 그대로 비쳐 젖은 도로처럼 보입니다."
    )
    assert texts[3] == "이렇게 피하세요" and texts[5] == "미끄러졌다면 브레이크를 밟지 말고 핸들을 돌리세요."
    assert texts[6] == "<자료: 한국도로공사>"  # a source line stays apart


def test_photo_controls_in_running_text_join_nothing() -> None:
    lines = [
        TITLE,
        PROSE,
        "이미지 확대",
        "시장이 하수관을 살펴보고 있다.",
        MORE,
        "사진 확대",
        PROSE[:20],
        PROSE[20:],
    ]
    _, doc = norm(*lines)
    assert len(doc.blocks) == 5


def test_card_makers_credit_and_related_cards_below_the_copyright() -> None:
    _, doc = norm(
        "[카드뉴스] 블랙아이스 피하는 법",
        *CARDS[:-1],
        "기획·구성: 이은정 기자 / 그래픽: 박유진 인턴기자",
        "ej@yna.co.kr",
        "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
        "관련 뉴스",
        "[카드뉴스] 겨울철 난방비 아끼는 5가지 방법",
    )
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [
        ("이은정", "기자", "ej@yna.co.kr"),
        ("박유진", "인턴기자", None),
    ]
    assert "난방비" not in body(doc)
    assert removed(doc)["[카드뉴스] 겨울철 난방비 아끼는 5가지 방법"] == "boilerplate.related"


# --- a graphic's text dump -----------------------------------------------------------------------

CHART = ["2022년", "20,658", "2023년", "18,904", "2024년", "19,874"]


def _read_text(tmp_path: Path, *lines: str) -> tuple[RawDocument, Document]:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw, normalize(raw)


def test_chart_pairs_under_a_unit_note_are_a_table_headed_by_the_line_above(tmp_path: Path) -> None:
    _, doc = _read_text(
        tmp_path, TITLE, PROSE, MORE, "10월 출생아 수 추이", "(단위: 명)", *CHART, "자료: 통계청"
    )
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Heading", "Paragraph", "Table", "Paragraph"]
    table = doc.blocks[4]
    assert isinstance(table, Table) and not table.head and len(table.body) == 3
    assert [c.text for c in table.body[0].cells] == ["2022년", "20,658"]


def test_label_and_count_pairs_without_a_chart_note_stay_lines(tmp_path: Path) -> None:
    _, doc = _read_text(tmp_path, TITLE, PROSE, MORE, *CHART, "구독하기")
    assert not any(isinstance(b, Table) for b in doc.blocks)
