"""Failure kinds from held-out round 27 (news-site templates: a mobile Arc page, a business page
with an AI 요약 box and stock widgets, a sports page with a ranking box, a 시민기자 page, a tech
magazine, an app shell whose article is in <noscript>), each on a small made-up input shaped like
the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Figure, Heading
from tests.normalize.test_real_shapes import body, norm, read_page, removed

TITLE = "반도체 장비株 ‘수주 절벽’ 끝났나…계약 공시 한 달 새 3배"
PROSE = (
    "반도체 장비 업체들의 공급계약 공시가 지난달 한 달에만 27건 나오면서 "
    "수주 절벽이 끝났다는 기대가 커지고 있다."
)
MORE = "가장 큰 계약은 원익IPS가 따냈다. 원익IPS는 지난달 27일 2480억원 규모의 공급계약을 맺었다고 공시했다."
LAST = "울버햄프턴은 오는 10일 홈에서 맨체스터 유나이티드와 16라운드를 치른다."


def _page(tmp_path: Path, inner: str, head: str = "") -> tuple[object, object]:
    return read_page(
        tmp_path, f"<h1 class='title'>{TITLE}</h1><div itemprop='articleBody'>{inner}</div>", head
    )


def test_related_box_of_list_items_ends_with_them(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        f"<p>{PROSE}</p><p>{MORE}</p>"
        "<div class='editor-link'><strong>관련 기사</strong><ul>"
        "<li><a href='/a'>황희찬, 에버턴전 시즌 3호골</a></li>"
        "<li><a href='/b'>'부상 복귀' 황희찬 \"이제 100%\"</a></li></ul></div>"
        f"<p>{LAST}</p><p>박주희 기자 jxp93@hankookilbo.com</p>",
    )
    assert LAST in body(doc) and "3호골" not in body(doc)
    assert [[a.name, a.email] for a in doc.meta.authors] == [["박주희", "jxp93@hankookilbo.com"]]


def test_ai_summary_box_with_its_notice_is_chrome() -> None:
    _, doc = norm(
        TITLE,
        "AI 요약",
        "반도체 장비 공급계약 공시, 11월 한 달 27건",
        "이 요약은 AI가 작성했으며, 정확한 내용은 기사 본문을 확인해 주세요.",
        PROSE,
        MORE,
    )
    assert "AI 요약" not in body(doc) and "11월 한 달 27건" not in body(doc)
    assert removed(doc)["AI 요약"] == "boilerplate.summary"


def test_stock_quote_widget_in_the_text_is_chrome() -> None:
    sentence = "코스피는 전날보다 18.32포인트 ▲ 0.71% 오른 2,612.45에 장을 마쳤다."
    _, doc = norm(TITLE, PROSE, "원익IPS 32,450 ▲ 1,250 +4.01% 12.04 15:30 KRX 종목 상세", MORE, sentence)
    assert "32,450" not in body(doc) and sentence in body(doc)
    assert removed(doc)["원익IPS 32,450 ▲ 1,250 +4.01% 12.04 15:30 KRX 종목 상세"] == "boilerplate.stock"


def test_subhead_repeating_the_deck_stays(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<h1 class='subject'>{TITLE}</h1><h2 class='sub_subject'>\"내년 상반기까지 실적 가시성 높아\"</h2>"
        f"<div id='textBody'>{PROSE}<br><br>{MORE}<br><br>"
        '<b>◇"내년 상반기까지 실적 가시성 높아"</b><br><br>'
        f"{PROSE.replace('27건', '28건')}</div>",
    )
    assert any(isinstance(b, Heading) and "실적 가시성" in b.text for b in doc.blocks)


def test_caption_credits_label_alone_graphic_and_place_agency(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        f"<p>{PROSE}</p><figure><img src='g.png' alt=''><figcaption>그래픽=김현국</figcaption></figure>"
        f"<p>{MORE}</p><figure><img src='h.png' alt=''><figcaption>공공기관별 외부위원 비율 (2024~2026년). "
        "그래픽=뉴스타파</figcaption></figure>"
        "<div class='editor-img-box'><img src='p.jpg' alt=''><p class='img-desc'>황희찬이 동점골을 넣은 뒤 "
        "기뻐하고 있다. 런던=AP 연합뉴스</p></div>"
        "<div class='photo_boxing'><img src='q.jpg' alt=''><div class='pic_cap'><strong>▲ 시집</strong><br>"
        "할머니들이 쓴 시집이다.<span class='copyright'>ⓒ 이종원</span></div></div>"
        f"<p>{LAST}</p>",
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.credit for f in figures] == ["김현국", "뉴스타파", "런던=AP 연합뉴스", "이종원"]
    assert "그래픽=" not in body(doc)


def test_blog_repost_note_is_an_editors_note() -> None:
    note = "이 글은 박성훈 님의 개인 블로그에 실린 글을 요즘IT의 형식에 맞게 고쳐 실은 것입니다."
    _, doc = norm(TITLE, note, PROSE, MORE)
    assert getattr(doc.blocks[0], "role", None) == "editor-note"
    _, doc = norm(TITLE, PROSE, "이 글은 블로그에 실린 글을 두고 벌어진 논쟁을 다룬다.", MORE)
    assert not any(getattr(b, "role", None) == "editor-note" for b in doc.blocks)


def test_labelled_ad_image_is_chrome(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        f"<p>{PROSE}</p><div class='ad-banner-inline'><a href='https://x.example/?utm_source=y'>"
        "<img src='/ad/banner.png' alt='위시켓 프로젝트 찾기'></a><span>광고</span></div><p>{MORE}</p>",
    )
    assert "위시켓" not in body(doc) and not any(isinstance(b, Figure) for b in doc.blocks)
    assert removed(doc)["위시켓 프로젝트 찾기"] == "boilerplate.ad"


def test_job_beside_byline_and_date(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<div class='Magazine_header'><h1>{TITLE}</h1><div class='Magazine_meta'>"
        "<a class='Magazine_author' href='/author/parksh'>박성훈</a><span>백엔드 개발자</span>"
        "<span>2026.12.02</span></div></div>"
        f"<div class='next-news-contents'><p>{PROSE}</p><p>{MORE}</p></div>",
    )
    assert [a.name for a in doc.meta.authors] == ["박성훈"]
    assert "백엔드 개발자" not in body(doc)
    assert any(r.rule == "bylines.job" and "백엔드 개발자" in r.text for r in doc.removed)


def test_citizen_reporter_member_byline_kicker_and_writer_note(tmp_path: Path) -> None:
    page = [
        "<div class='gnb'><a href='/list?MENU=A0600'>사는이야기</a>"
        " <a href='/list?MENU=A0700'>여행</a></div>",
        "<div class='newstitle'><span class='kicker'><a href='/list?MENU=A0600'>사는이야기</a></span>",
        f"<h2 class='article_tit'>{TITLE}</h2></div>",
        "<div class='info_data'><div>26.12.03 11:22<span class='bar'>l</span>최종 업데이트 26.12.03 11:22"
        "<span class='bar'>l</span><a href='/my?MEM=1'>이종원(ljw0412)</a></div></div>",
        f"<div class='at_contents' itemprop='articleBody'>{PROSE}<br><br>{MORE}<br><br>",
        "<div class='linkbox'><strong>[관련 기사]</strong><br>"
        "<a href='/v?1'>폐교 된 시골 학교, 교실이 되다</a></div>",
        "</div>",
        "<div class='add_article'><strong>덧붙이는 글</strong> | 이 기사는 필자의 브런치에도 실립니다.</div>",
        "<div class='support_wrap'><p>좋은기사 원고료로 응원하세요</p></div>",
    ]
    _, doc = read_page(tmp_path, "\n".join(page), f"<meta property='og:title' content='{TITLE}'>")
    assert doc.meta.series == []
    assert [a.name for a in doc.meta.authors] == ["이종원"]
    assert "필자의 브런치에도 실립니다" in body(doc) and "교실이 되다" not in body(doc)


def test_kicker_of_its_own_stays_a_series(tmp_path: Path) -> None:
    page = [
        "<div class='gnb'><a href='/list?MENU=A0600'>사는이야기</a></div>",
        "<div class='newstitle'><span class='kicker'><a href='/series/77'>소도시 여행</a></span>",
        f"<h2 class='article_tit'>{TITLE}</h2></div>",
        f"<div class='at_contents' itemprop='articleBody'><p>{PROSE}</p><p>{MORE}</p></div>",
    ]
    _, doc = read_page(tmp_path, "\n".join(page), f"<meta property='og:title' content='{TITLE}'>")
    assert doc.meta.series == ["소도시 여행"]


def test_reporter_card_email_below_the_article(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        f"<article><h1 class='article-header__headline'>{TITLE}</h1>"
        "<div class='article-byline'><a class='article-byline__author' href='/people/k'>김민기 기자</a></div>"
        f"<section class='article-body' itemprop='articleBody'><p>{PROSE}</p><p>{MORE}</p></section>"
        "<div class='reporter-card'><div>김민기 기자</div><div>mingi@chosun.com</div>"
        "<button>구독</button></div>"
        "</article>",
    )
    assert [[a.name, a.email] for a in doc.meta.authors] == [["김민기", "mingi@chosun.com"]]


def test_app_shell_article_in_noscript(tmp_path: Path) -> None:
    _, doc = read_page(
        tmp_path,
        "<div id='app'><p class='skeleton__msg'>기사를 불러오는 중입니다…</p></div>"
        f"<noscript><article class='story'><h1 class='story__title'>{TITLE}</h1>"
        f"<div class='story__body'><p>{PROSE}</p><p>{MORE}</p><p>{LAST}</p><p>{PROSE[:40]}라고 말했다.</p>"
        f"<p>{MORE.replace('원익IPS', '주성엔지니어링')}</p><p>{PROSE.replace('27건', '9건')}</p>"
        "<p class='story__credit'>취재 최윤원 | 데이터 분석 김지연 | 그래픽 정은혜</p>"
        "<p>뉴스타파는 광고 없이 회원들의 후원으로 만듭니다. <a href='/join'>후원하기</a></p></div>"
        "</article></noscript>",
    )
    assert doc.meta.title == TITLE and MORE in body(doc)
    assert "불러오는 중" not in body(doc) and "데이터 분석" not in body(doc) and "후원" not in body(doc)


def test_lazy_image_noscript_fallback_stays_hidden(tmp_path: Path) -> None:
    _, doc = _page(
        tmp_path,
        f"<p>{PROSE}</p><figure><img class='lazyload' data-src='a.jpg' src='data:image/gif;base64,R0l'>"
        "<noscript><img src='a.jpg'></noscript><figcaption>경매 안내문이 붙어 있다. /장련성 기자</figcaption>"
        f"</figure><p>{MORE}</p>",
    )
    assert [b.credit for b in doc.blocks if isinstance(b, Figure)] == ["장련성 기자"]
