"""The HTML reader on pages that spread one article over sibling boxes of different classes (a
recipe's summary, ingredients and steps; a job posting's terms, detail and 접수기간): the boxes of
the article's own beside the densest block are read with it, in page order, and the page's chrome
among them (counters, share bars, tags, related lists, comments) stays out, recorded as removed."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, ListBlock, inlines_of, runs, walk
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read

STEPS = [
    "1. 대파와 당근은 잘게 다져 주세요. 채소는 작게 다져야 말 때 찢어지지 않아요.",
    "2. 볼에 계란을 풀고 맛술과 소금, 다진 채소를 넣어 고루 섞어 주세요.",
    "3. 약불로 달군 팬에 계란물을 나눠 부어 반쯤 익으면 돌돌 말아 주세요.",
]
RECIPE = (
    "<div id='top'><a href='/'>요리사이트</a><form><input placeholder='검색'></form></div>"
    "<div class='wrap'>"
    "<div class='user'><a href='/profile/index.html?uid=cookdad77'>요리하는아빠</a>"
    " <span>골드쉐프</span></div>"
    "<div class='summary'><h3>초간단 폭신 계란말이</h3>"
    "<div class='summary_in'>도시락 반찬으로 최고! 팬 하나로 실패 없이 폭신하게 말아 보세요.</div>"
    "<div class='summary_info'><span>2인분</span> <span>15분 이내</span></div></div>"
    "<div class='cate_num'>조회수 48,215 · 스크랩 1,203</div>"
    "<div class='btns'><a href='#s'>스크랩</a><a href='#p'>공유하기</a></div>"
    "<div class='ingre'><div class='ingre_tit'>재료</div>"
    "<ul><li>계란 4개</li><li>대파 1/3대</li><li>소금 두 꼬집</li></ul></div>"
    "<div class='steps'>" + "".join(f"<div class='step'><div>{s}</div></div>" for s in STEPS) + "</div>"
    "<div class='tags'><a href='/t/1'>#계란말이</a> <a href='/t/2'>#도시락반찬</a></div>"
    "<div class='reply'><p>진짜 폭신해요! 아이가 두 줄 다 먹었어요.</p></div>"
    "</div>"
)


def _read(tmp_path: Path, body: str, head: str = "") -> RawDocument:
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='ko'><head>{head}</head><body>{body}</body></html>", "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def _text(doc: Document) -> str:
    return " ".join(
        getattr(run, "value", "")
        for block in walk(doc.blocks)
        for seq in inlines_of(block)
        for run in runs(seq)
    )


def test_a_recipe_s_summary_ingredients_and_steps_are_one_article(tmp_path: Path) -> None:
    raw = _read(tmp_path, RECIPE, "<title>초간단 폭신 계란말이 : 요리사이트</title>")
    doc = normalize(raw)
    text = _text(doc)
    assert doc.meta.title == "초간단 폭신 계란말이"
    assert [a.name for a in doc.meta.authors] == ["요리하는아빠"]  # her profile link over the headline
    order = ["팬 하나로 실패 없이", "2인분", "계란 4개", "소금 두 꼬집", "대파와 당근은", "돌돌 말아"]
    assert all(part in text for part in order)
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert any(isinstance(b, ListBlock) and len(b.items) == 3 for b in doc.blocks)  # the ingredients
    for chrome in ("조회수", "공유하기", "#계란말이", "아이가 두 줄", "골드쉐프"):
        assert chrome not in text
    removed = {
        r.rule for r in raw.removed if "조회수" in r.text or "#계란말이" in r.text or "두 줄" in r.text
    }
    assert removed == {"html.outside-article"}


POSTING = (
    "<div class='jview'>"
    "<div class='jv_header'><a class='company' href='/c/1'>(주)누리소프트</a>"
    "<button>관심기업</button><h1>백엔드 개발자 경력 채용</h1></div>"
    "<div class='jv_summary'><dl><dt>경력</dt><dd>경력 3년 이상</dd></dl>"
    "<dl><dt>근무지역</dt><dd>서울 구로구 디지털로 300</dd></dl></div>"
    "<div class='jv_detail'><div class='content'>"
    "<p>누리소프트는 화주와 운송사를 잇는 화물 중개 플랫폼을 운영합니다. 하루 3만 건의 배차를 처리합니다.</p>"
    "<p>서비스를 함께 키워 갈 동료를 모십니다. 배차와 정산 API를 설계하고 개발하는 일을 맡습니다.</p>"
    "</div></div>"
    "<div class='jv_howto'><h2>접수기간 및 방법</h2>"
    "<p>마감일은 기업의 사정, 조기마감 등으로 변경될 수 있습니다.</p></div>"
    "<div class='jv_statics'><h2>지원자 통계</h2><p>지원자수 38명 · 조회수 2,417</p></div>"
    "<div class='jv_company'><h2>기업정보</h2>"
    "<p>응용 소프트웨어 개발 및 공급업을 하는 회사입니다. 사원은 64명입니다.</p></div>"
    "<div class='related'><h3>이 공고를 본 구직자가 본 다른 공고</h3>"
    "<ul><li><a href='/j/1'>[한빛물류] Java 백엔드 개발자 채용</a></li>"
    "<li><a href='/j/2'>[가온페이] 서버 개발자 경력 채용</a></li></ul></div>"
    "</div>"
)


def test_a_posting_s_terms_and_dates_are_read_and_its_statistics_and_company_card_stay_out(
    tmp_path: Path,
) -> None:
    raw = _read(
        tmp_path, POSTING, "<meta property='og:title' content='[누리소프트] 백엔드 개발자 경력 채용'>"
    )
    doc = normalize(raw)
    text = _text(doc)
    assert doc.meta.series == []  # the bracket names the company the headline's box links to
    for own in ("경력 3년 이상", "서울 구로구 디지털로 300", "하루 3만 건의 배차", "조기마감 등으로"):
        assert own in text
    for chrome in ("관심기업", "지원자수", "응용 소프트웨어", "가온페이"):
        assert chrome not in text
        assert any(chrome in r.text for r in raw.removed)
    assert "(주)누리소프트" not in text  # the header's link over the headline is the page's


def test_a_related_list_or_a_counter_box_beside_the_body_stays_out(tmp_path: Path) -> None:
    body = (
        "<div class='wrap'><h1>계란말이 황금레시피</h1>"
        "<div class='stats'>조회수 1,284 · 스크랩 42</div>"
        "<div class='view'>" + "".join(f"<div class='step'>{s}</div>" for s in STEPS) + "</div>"
        "<div class='related'><ul><li>치즈 계란말이 만드는 법</li><li>김 계란말이 만드는 법</li></ul></div>"
        "<div class='more'><p>다른 반찬도 만나 보세요. 매주 새로운 레시피가 올라옵니다.</p></div></div>"
    )
    raw = _read(tmp_path, body)
    text = _text(normalize(raw))
    assert all(step.split(" ", 1)[1][:8] in text for step in STEPS)
    for chrome in ("조회수", "치즈 계란말이", "다른 반찬도"):  # the related list ends the article
        assert chrome not in text
        assert any(chrome in r.text and r.rule == "html.outside-article" for r in raw.removed)
