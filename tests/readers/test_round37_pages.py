"""Page shapes from held-out round 37 (news HTML): an embedded post's quotation markup, a foreign
broadcaster's screen-reader labels and image credits, a byline given only in meta beside a reporter
card — each on a small made-up page."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Quote, plain
from bookmaker.normalize import normalize
from bookmaker.readers import read

TEXT = "<p>가수 윤하린이 데뷔 10주년 기념 팬미팅을 전석 매진시켰다. 소속사는 5일 이같이 밝혔다.</p>"
MORE = "<p>소속사는 추가 공연도 검토하고 있다고 밝혔다. 자세한 일정은 이달 안에 공지할 예정이다.</p>"


def _doc(tmp_path: Path, body: str, head: str = "") -> Document:
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='ko'><head>{head}</head><body>{body}</body></html>", "utf-8")
    return normalize(read(path))


def _article(inner: str) -> str:
    return f"<article><h1>윤하린 팬미팅 매진</h1><div class='article-body'>{inner}</div></article>"


def test_an_embedded_posts_dash_signature_is_its_quotes_attribution(tmp_path: Path) -> None:
    tweet = (
        "<blockquote class='twitter-tweet'><p lang='ko'>성원에 감사드립니다. 온라인 생중계로도 함께합니다. "
        "<a href='https://t.co/x8'>pic.twitter.com/x8Kq2LmPz</a></p>&mdash; 한빛엔터 (@hanbit_ent) "
        "<a href='https://twitter.com/hanbit_ent/status/1'>December 5, 2026</a></blockquote>"
    )
    doc = _doc(tmp_path, _article(TEXT + tweet + MORE))
    quotes = [b for b in doc.blocks if isinstance(b, Quote)]
    assert len(quotes) == 1
    assert quotes[0].text == "성원에 감사드립니다. 온라인 생중계로도 함께합니다."
    signed = plain(quotes[0].attribution)
    assert "한빛엔터 (@hanbit_ent)" in signed and "December 5, 2026" in signed
    assert any(r.rule == "html.embed-photo-link" and "pic.twitter.com" in r.text for r in doc.removed)


def test_a_quotation_without_a_dash_signature_keeps_its_text(tmp_path: Path) -> None:
    quote = "<blockquote><p>책값보다 머무는 시간에 돈을 내는 셈이죠.</p>라고 그는 말했다</blockquote>"
    doc = _doc(tmp_path, _article(TEXT + quote + MORE))
    text = "\n".join(b.text for b in doc.blocks)
    assert "라고 그는 말했다" in text
    assert not any(isinstance(b, Quote) and b.attribution for b in doc.blocks)


def test_screen_reader_labels_go_and_a_figures_credit_beside_the_image_stays(tmp_path: Path) -> None:
    figure = (
        "<figure><div><span role='text'><span class='visually-hidden'>사진 출처, </span>Getty Images</span>"
        "<img src='https://example.com/a.jpg' alt=''></div>"
        "<figcaption><span class='visually-hidden'>사진 설명, "
        "</span>도쿄의 한 슈퍼마켓 쌀 진열대</figcaption></figure>"
    )
    doc = _doc(tmp_path, _article(figure + TEXT + MORE))
    text = "\n".join(b.text for b in doc.blocks)
    assert "사진 출처" not in text and "사진 설명" not in text
    assert [b.credit for b in doc.blocks if isinstance(b, Figure)] == ["Getty Images"]
    assert any(r.rule == "html.reader-label" and r.text.startswith("사진 출처") for r in doc.removed)


def test_a_hidden_class_date_label_and_hidden_sentences_stay_as_they_were(tmp_path: Path) -> None:
    hidden = (
        "<p>지원 대상은 180일 이상 가입자다. "
        "<span class='blind'>이 문장은 화면 낭독기용 설명입니다</span></p>"
    )
    doc = _doc(tmp_path, _article(TEXT + hidden + MORE))
    assert "화면 낭독기용 설명입니다" in "\n".join(b.text for b in doc.blocks)  # no label: not dropped


def test_a_byline_region_named_for_screen_readers_gives_the_writer(tmp_path: Path) -> None:
    region = (
        "<section aria-labelledby='article-byline'>"
        "<h2 id='article-byline' class='visually-hidden'>기사 정보</h2>"
        "<ul><li><span class='visually-hidden'>작성자, </span><span>켄지 사토</span></li>"
        "<li><span class='visually-hidden'>기자, </span><span>BBC 뉴스, 도쿄</span></li></ul></section>"
    )
    doc = _doc(tmp_path, f"<article><h1>일본 쌀값 1년 새 두 배</h1>{region}{TEXT}{MORE}</article>")
    assert [a.name for a in doc.meta.authors] == ["켄지 사토"]
    text = "\n".join(b.text for b in doc.blocks)
    assert "기사 정보" not in text and "BBC 뉴스, 도쿄" not in text
    assert any(r.rule == "html.byline-desk" for r in doc.removed)


CARD = (
    "<div class='reporter-profile'><div><strong class='name'>오세린 기자</strong><span>증권부</span>"
    "<button>+ 구독</button></div><p>자본시장과 상장사의 속사정을 씁니다.</p>"
    "<a href='mailto:serin@hanbitecon.co.kr'>serin@hanbitecon.co.kr</a>"
    "<div><strong>이 기자의 다른 기사</strong>"
    "<ul><li><a href='/1'>공모주 청약 열기 한풀 꺾였다</a></li>"
    "<li><a href='/2'>코스닥 상장 심사 기간 석 달로 늘어</a>"
    "</li></ul></div></div>"
)
STORY = (
    "<p>올해 국내 상장사가 소각한 자기주식 규모가 12조원을 넘어 역대 최대를 기록했다. "
    "밸류업 공시가 늘었다.</p>"
    "<p>한국거래소에 따르면 소각 공시 금액은 지난해 같은 기간의 2.5배에 달했다. "
    "금융지주가 절반을 차지했다.</p>"
    "<p>다만 소각을 발표한 기업의 주가 흐름은 엇갈렸다. "
    "공시 이후 주가가 지수를 웃돈 곳은 절반에 못 미쳤다.</p>"
    "<p>한 운용사 관계자는 일회성 소각만으로는 주가를 끌어올리기 어렵다고 말했다. 이익 성장이 관건이다.</p>"
)


def _ld(name: str) -> str:
    return (
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","headline":"자사주 소각 12조 돌파",'
        f'"author":[{{"@type":"Person","name":"{name}"}}]}}</script>'
    )


def test_a_writer_named_only_in_meta_takes_title_and_mail_from_the_card(tmp_path: Path) -> None:
    head = _ld("오세린")
    page = f"<article><h1>자사주 소각 12조 돌파</h1><div class='article-body'>{STORY}</div>{CARD}</article>"
    doc = _doc(tmp_path, page, head)
    assert [(a.name, a.role, a.email) for a in doc.meta.authors] == [
        ("오세린", "기자", "serin@hanbitecon.co.kr")
    ]


def test_a_card_of_someone_else_gives_the_meta_writer_nothing(tmp_path: Path) -> None:
    head = _ld("김도윤")
    page = f"<article><h1>자사주 소각 12조 돌파</h1><div class='article-body'>{STORY}</div>{CARD}</article>"
    doc = _doc(tmp_path, page, head)
    assert [(a.name, a.email) for a in doc.meta.authors] == [("김도윤", None)]


def test_a_team_credit_beside_the_date_is_the_byline(tmp_path: Path) -> None:
    head = (
        "<div><h2>한지수 “난방비 못 잡는다”</h2>"
        "<ul><li>CBS 김현정의 뉴스쇼 제작진</li><li>2026-12-07 09:12</li></ul></div>"
    )
    doc = _doc(tmp_path, f"{head}<div id='pnlContent'>{STORY}</div>")
    assert [a.name for a in doc.meta.authors] == ["김현정의 뉴스쇼 제작진"]


def test_a_words_line_under_the_headline_that_names_no_team_is_no_byline(tmp_path: Path) -> None:
    head = (
        "<div><h2>한지수 “난방비 못 잡는다”</h2>"
        "<ul><li>김현정의 뉴스쇼</li><li>2026-12-07 09:12</li></ul></div>"
    )
    doc = _doc(tmp_path, f"{head}<div id='pnlContent'>{STORY}</div>")
    assert doc.meta.authors == []
