"""Failure kinds from held-out round 42 (a newspaper's e-paper text with jump lines; an op-ed
manuscript as its writer sends it to the desk; a paid channel's post behind its paywall; an RSS or
Atom feed saved as a file), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure, Paragraph
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import detect_format, read
from tests.normalize.test_real_shapes import body, norm, removed


def _file(tmp_path: Path, text: str, name: str = "doc.txt") -> tuple[RawDocument, Document]:
    """``text`` saved as ``name``, read by whichever "
    "reader its name and content pick, normalized."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw, normalize(raw)


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- a newspaper's jump lines ("▶A3면에 계속" … "▶A1면에서 계속") ------------------------------------------


def test_jump_lines_go_with_what_lies_between_and_the_cut_paragraph_runs_on() -> None:
    _, doc = norm(
        "시내버스 준공영제 20년…적자 보전 연 3000억",
        "시는 올해 버스 회사들에 적자 보전금으로 3012억원을 지급했다고 밝혔다."
        " 2004년 준공영제 도입 이후 가장 많다.",
        "운송 원가가 오른 데다 승객은 코로나19 이전의 85% 수준에 머물러 있다. 시 관계자는 “노선 조정과 함께",
        "(5면에 계속)",
        "오늘의 운세",
        "2026년 3월 2일 월요일 5면 사회",
        "(1면에서 계속)",
        "요금 인상도 검토하고 있다”고 말했다.",
        "시의회는 다음 달 준공영제 개선 토론회를 연다. 시민단체들은 회사별 경영 평가를 강화하라고 요구한다.",
    )
    paragraphs = _paragraphs(doc)
    assert "“노선 조정과 함께 요금 인상도 검토하고 있다”고 말했다." in body(doc)
    assert len(paragraphs) == 3
    gone = removed(doc)
    assert gone["(5면에 계속)"] == gone["(1면에서 계속)"] == "pages.jump"
    assert gone["오늘의 운세"] == gone["2026년 3월 2일 월요일 5면 사회"] == "pages.jump-between"


def test_a_jump_mark_may_end_the_cut_line_itself() -> None:
    _, doc = norm(
        "항만 자동화 속도…부산신항 무인 크레인 40기 도입",
        "부산항만공사는 2028년까지 신항 7부두에 무인 크레인 40기를 들인다고 밝혔다. 하역 시간이 30% 줄어들",
        "▶A6면에 계속",
    )
    assert not any("계속" in p for p in _paragraphs(doc))
    _, doc = norm(
        "항만 자동화 속도…부산신항 무인 크레인 40기 도입",
        "부산항만공사는 2028년까지 신항 7부두에 무인 크레인 40기를 들인다고 밝혔다. 하역 시간이 ▶A6면에 계속",
        "◀A1면에서 계속",
        "것으로 공사는 내다봤다. 노조는 일자리 감소를 우려한다.",
    )
    assert "하역 시간이 것으로 공사는 내다봤다." in body(doc)
    assert removed(doc)["▶A6면에 계속"] == "pages.jump"
    assert "▶" not in body(doc)


def test_a_jump_out_without_its_jump_in_joins_nothing() -> None:
    _, doc = norm(
        "항만 자동화 속도…부산신항 무인 크레인 40기 도입",
        "부산항만공사는 2028년까지 신항 7부두에 무인 크레인 40기를 들인다고 밝혔다. 하역 시간이 30% 줄어들",
        "▶A6면에 계속",
        "노조는 일자리 감소를 우려한다는 입장을 냈다. 공사는 재교육 프로그램을 마련하겠다고 했다.",
    )
    assert "노조는 일자리 감소를 우려한다는 입장을 냈다." in _paragraphs(doc)[-1]
    assert "30% 줄어들 노조는" not in body(doc)


def test_an_e_paper_article_views_viewer_lines_go_above_its_page_line() -> None:
    _, doc = norm(
        "한겨레 지면보기",
        "지면 PDF 다운로드 이전 면 다음 면 지면 목록",
        "2026년 3월 2일 (월) 10면 사회",
        "공공 자전거 이용 1억건 돌파",
        "서울시 공공 자전거의 누적 이용 건수가 1억건을 넘었다고 시가 1일 밝혔다. "
        "2015년 운영을 시작한 지 11년 만이다.",
        "시는 올해 자전거 3000대를 더 들여 대여소를 늘리기로 했다. 이용료는 그대로 둔다.",
    )
    assert doc.meta.title == "공공 자전거 이용 1억건 돌파"
    assert doc.meta.date is not None and doc.meta.date.startswith("2026-03-02")
    gone = removed(doc)
    assert gone["한겨레 지면보기"] == "print.viewer"
    assert gone["지면 PDF 다운로드 이전 면 다음 면 지면 목록"] in ("print.viewer", "boilerplate.chrome")
    assert len(_paragraphs(doc)) == 2  # whole paragraphs: no column to join


# --- an op-ed manuscript's labelled head ---------------------------------------------------------------

_ESSAY = (
    "동네 서점이 사라진 자리에는 편의점과 무인 판매점이 들어섰다."
    " 지난 10년 사이 전국 서점의 3분의 1이 문을 닫았다.",
    "서점은 책만 파는 곳이 아니다. 아이들이 처음 책을 고르고, 동네 사람들이 작가를 만나는 곳이다.",
)


def test_a_manuscripts_fields_give_title_deck_column_writer_and_date() -> None:
    _, doc = norm(
        "<칼럼 원고 보내 드립니다>",
        "▶ 문패: 시론",
        "▶ 제목: 동네 서점을 공공 도서관의 분관으로",
        "▶ 부제: 지원금보다 도서 구입 예산을 서점에 맡기자",
        "▶ 필자: 한빛대 문헌정보학과 교수 정하늘",
        "▶ 이메일: haneul@hanbit.example",
        "▶ 원고 분량: 원고지 10매",
        "▶ 작성일: 2026년 3월 4일",
        *_ESSAY,
    )
    m = doc.meta
    assert m.title == "동네 서점을 공공 도서관의 분관으로"
    assert m.series == ["시론"]
    assert m.subtitles == ["지원금보다 도서 구입 예산을 서점에 맡기자"]
    assert [(a.name, a.role, a.email) for a in m.authors] == [("정하늘", "교수", "haneul@hanbit.example")]
    assert m.date is not None and m.date.startswith("2026-03-04")
    gone = removed(doc)
    assert gone["<칼럼 원고 보내 드립니다>"] == "manuscript.cover"
    assert gone["▶ 원고 분량: 원고지 10매"] == "manuscript.field"
    assert _paragraphs(doc) == list(_ESSAY)


def test_a_manuscripts_markers_attachments_and_notes_to_the_desk_go() -> None:
    _, doc = norm(
        "■ 제목: 동네 서점을 공공 도서관의 분관으로",
        "■ 필자: 정하늘 한빛대 교수",
        "■ 연락처: 010-1234-5678 / haneul@hanbit.example",
        "=====================",
        "[본문]",
        *_ESSAY,
        "<끝>",
        "사진 1매 첨부 (필자 얼굴 사진)",
        "※ 필자 사진은 지난번 보내드린 것을 써 주셔도 됩니다.",
    )
    assert [(a.name, a.role) for a in doc.meta.authors] == [("정하늘", "교수")]
    gone = removed(doc)
    assert gone["====================="] == gone["[본문]"] == gone["<끝>"] == "manuscript.marker"
    assert gone["사진 1매 첨부 (필자 얼굴 사진)"] == "manuscript.attachment"
    assert gone["※ 필자 사진은 지난번 보내드린 것을 써 주셔도 됩니다."] == "manuscript.desk-note"
    assert "010-1234-5678" not in body(doc) and _paragraphs(doc) == list(_ESSAY)


def test_a_rule_or_an_attachment_in_a_manuscripts_text_stays_text() -> None:
    _, doc = norm(
        "■ 제목: 동네 서점을 공공 도서관의 분관으로",
        "■ 부제: 지원금보다 도서 구입 예산을 서점에 맡기자",
        "■ 필자: 정하늘 한빛대 교수",
        *_ESSAY,
        "사진을 첨부해 신청하면 서점 한 곳당 도서 구입비 500만원을 지원한다는 조례안도 나왔다.",
        "-----",
        "서점이 살아야 동네가 산다.",
    )
    assert "사진을 첨부해 신청하면 서점 한 곳당 도서 구입비 500만원을 지원한다는 조례안도 나왔다." in body(
        doc
    )
    assert not any((r.rule or "").startswith("manuscript.") for r in doc.removed)


def test_labelled_lines_without_a_title_field_are_no_manuscript() -> None:
    _, doc = norm(
        "주민 설명회 안내",
        "일시: 2026년 3월 12일(목) 오후 7시",
        "장소: 주민센터 3층 강당",
        "대상: 재개발 구역 주민",
        "재개발 조합 설립과 관련해 주민 여러분의 의견을 듣는 자리를 마련했습니다. 많은 참석 바랍니다.",
    )
    assert not any((r.rule or "").startswith("manuscript.") for r in doc.removed)
    assert doc.meta.title == "주민 설명회 안내" and "제목" not in doc.meta.title


# --- a paid channel's post behind its paywall ------------------------------------------------------------


def test_a_channels_paywall_notice_stays_and_its_box_and_channel_page_go() -> None:
    _, doc = norm(
        "테크 브리프",
        "구독자 3.4만",
        "구독하기",
        "AI 반도체 스타트업, 투자 혹한기 버틸까",
        "박서윤 편집장",
        "2026.03.05. 오전 8:00",
        "국내 AI 반도체 스타트업들이 잇따라 후속 투자 유치에 나서고 있다."
        " 하지만 시장 분위기는 1년 전과 딴판이다.",
        "한 벤처캐피털 심사역은 “기업가치를 절반으로 낮춰도 투자자를 찾기 어렵다”고 말했다."
        " 업계가 꼽는 변수는",
        "이 글은 멤버십 회원 전용입니다.",
        "월 5,900원으로 모든 글을 읽어보세요.",
        "이 채널의 다른 글",
        "15년 차 반도체 담당 기자 출신 편집장이 매주 화요일 업계 소식을 전합니다.",
        "서비스 이용약관 개인정보처리방침 고객센터 ⓒ Example Corp.",
    )
    m = doc.meta
    assert m.publisher == "테크 브리프"
    assert [(a.name, a.role) for a in m.authors] == [("박서윤", "편집장")]
    assert _paragraphs(doc)[-1] == "이 글은 멤버십 회원 전용입니다."
    gone = removed(doc)
    assert gone["구독자 3.4만"] == "transcript.chrome"
    assert (
        gone["15년 차 반도체 담당 기자 출신 편집장이 매주 화요일 업계 소식을 전합니다."]
        == "boilerplate.paywall"
    )
    assert "Example Corp" not in body(doc)


def test_footer_links_set_apart_by_spaces_and_a_portals_paid_service_are_chrome() -> None:
    _, doc = norm(
        "네이버 프리미엄 콘텐츠",
        "AI 반도체 스타트업, 투자 혹한기 버틸까",
        "국내 AI 반도체 스타트업들이 잇따라 후속 투자 유치에 나서고 있다."
        " 하지만 시장 분위기는 1년 전과 딴판이다.",
        "이용약관 개인정보처리방침 운영정책 고객센터 ⓒ NAVER Corp.",
    )
    assert doc.meta.title == "AI 반도체 스타트업, 투자 혹한기 버틸까"
    gone = removed(doc)
    assert gone["네이버 프리미엄 콘텐츠"] == "boilerplate.chrome"
    assert gone["이용약관 개인정보처리방침 운영정책 고객센터 ⓒ NAVER Corp."] == "boilerplate.chrome"


# --- a feed saved as a file --------------------------------------------------------------------------------

_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>가람일보 전체기사</title>
<language>ko</language>
<copyright>ⓒ 가람일보. 무단 전재 금지</copyright>
<item>
<title>도서관 야간 개관 확대…주말엔 자정까지</title>
<link>https://garam.example/news/1234</link>
<dc:creator>최유진</dc:creator>
<pubDate>Mon, 09 Mar 2026 08:05:00 GMT</pubDate>
<category>사회</category>
<description><![CDATA[시립도서관 다섯 곳 평일 밤 11시까지]]></description>
<content:encoded><![CDATA[<p>시립도서관 다섯 곳이 다음 달부터 평일 밤 11시까지 문을 연다.</p>
<p>주말에는 자정까지 열람실을 운영한다.</p>
]]></content:encoded>
</item>
<item>
<title>다른 기사</title>
<description>다른 기사의 요약입니다.</description>
</item>
</channel>
</rss>
"""


def test_an_rss_feed_saved_as_text_is_read_as_its_first_item(tmp_path: Path) -> None:
    raw, doc = _file(tmp_path, _RSS)
    assert raw.source.format == "html"
    m = doc.meta
    assert m.title == "도서관 야간 개관 확대…주말엔 자정까지"
    assert m.subtitles == ["시립도서관 다섯 곳 평일 밤 11시까지"]
    assert [a.name for a in m.authors] == ["최유진"]
    assert m.date == "2026-03-09T17:05:00+09:00"  # GMT shown in Korea's time, as the set dates pages
    assert m.rights == "ⓒ 가람일보. 무단 전재 금지"
    assert _paragraphs(doc) == [
        "시립도서관 다섯 곳이 다음 달부터 평일 밤 11시까지 문을 연다.",
        "주말에는 자정까지 열람실을 운영한다.",
    ]
    rules = {r.line: r.rule for r in doc.removed}
    assert rules[1] == rules[4] == "feed.channel"
    assert rules[9] == rules[12] == "feed.item"  # the link, the category
    assert rules[20] == rules[21] == "feed.other-item"
    assert "<p>" not in body(doc) and "다른 기사" not in body(doc)


def test_an_atom_entry_with_escaped_html_and_an_excerpt_summary(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>가람일보</title>
<entry>
<title>도서관 야간 개관 확대</title>
<author><name>최유진</name></author>
<published>2026-03-09T17:05:00+09:00</published>
<summary>시립도서관 다섯 곳이 다음 달부터</summary>
<content type="html">&lt;p&gt;시립도서관 다섯 곳이 다음 달부터 평일 밤 11시까지 문을 연다.&lt;/p&gt;</content>
</entry>
</feed>
"""
    _, doc = _file(tmp_path, atom, "feed.xml")
    m = doc.meta
    assert (m.title, m.date, m.subtitles) == ("도서관 야간 개관 확대", "2026-03-09T17:05:00+09:00", [])
    assert [a.name for a in m.authors] == ["최유진"]
    assert _paragraphs(doc) == ["시립도서관 다섯 곳이 다음 달부터 평일 밤 11시까지 문을 연다."]
    assert {r.line: r.rule for r in doc.removed}[8] == "feed.item"  # the summary only opens the text


def test_a_feed_like_text_that_is_no_well_formed_feed_is_read_as_text(tmp_path: Path) -> None:
    broken = "<?xml version='1.0'?>\n<rss><channel><item><title>제목</title>\n<p>본문이 깨졌다\n"
    assert detect_format(Path("a.txt"), broken.encode()) == "feed"
    raw, _ = _file(tmp_path, broken)
    assert raw.source.format == "text"


def test_a_figure_in_a_feeds_text_keeps_its_caption_and_credit(tmp_path: Path) -> None:
    rss = _RSS.replace(
        "<p>주말에는",
        '<figure><img src="https://garam.example/a.jpg" alt=""/><figcaption>야간 열람실. [가람일보 자료사진]'
        "</figcaption></figure>\n<p>주말에는",
    )
    _, doc = _file(tmp_path, rss)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.text, f.credit) for f in figures] == [("야간 열람실.", "가람일보 자료사진")]
