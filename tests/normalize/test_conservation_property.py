"""Property: whatever a news scrape holds, every non-blank source line ends in a block, in meta or in
``removed`` (issue #22).

``tests/security/test_properties.py`` checks this for any bytes, but random words rarely look like
a byline, a caption or a copyright line, so the rules that remove and move lines seldom run. Here
the lines are drawn from the shapes of real pages — chrome, titles, decks, dates, bylines and
datelines, captions and credits, promos, tip lines, copyright, repeats, hard-wrapped pieces — in
any order and combination, so each rule meets its neighbours in ways no fixture shows.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookmaker.ir import Source
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument, SourceLine
from tests.helpers import unaccounted_lines

PROSE = [
    "시는 이날 시청 대회의실에서 주민 설명회를 열고 새 버스 노선 개편안을 공개했다고 밝혔다.",
    "개편안은 도심을 지나는 간선 노선 12개를 8개로 줄이고 외곽 마을버스를 늘리는 것이 핵심이다.",
    "시 관계자는 “출퇴근 시간 배차 간격이 평균 4분 줄어들 것”이라고 설명했다.",
    "시는 이날 시청 대회의실에서 주민 설명회를 열고 새 버스 노선 개편안을 공개했다고 밝혔…",
    "(서울=연합뉴스) 김재홍 기자 = 정부가 내년 예산안을 이달 말 국회에 제출한다.",
    "◆ 박지원> 네.",
    "◇ 김현정> 충분히 이해합니다. 그런데 정말 그렇습니까?",
    "삼성전자(8,530원 ▲40 -0.5%)는 이날 시와 전기버스 공급 협약을 맺었다고 밝혔다.",
]
SHAPES = [
    "시 버스 노선 개편안 공개",
    "간선 12개→8개로 통폐합",
    "[청계천 옆 사진관] 겨울 도심의 버스 정류장",
    "메뉴 건너뛰기",
    "close",
    "04.30 (화)",
    "기사 공유 및 설정",
    "정치 > 국방·안보",
    "입력",
    "입력 2014.06.12 09:00",
    "2014.06.12 09:00",
    "기사입력 :[ 2018-08-25 15:24 ]",
    "(2보)",
    "홍길동 기자 gildong@example.co.kr",
    "칼럼니스트 박생강",
    "saenggang@example.com",
    "(청양=동양일보 박호현 기자)",
    "이세원 이대희 민경락 기자 =",
    "[사진=연합뉴스]",
    "▲ 시장이 개편안을 설명하고 있다. 홍길동 기자",
    "ⓒ 이영광",
    "관련사진보기",
    "기자의 다른기사",
    "설문조사",
    "진행중인 설문 항목이 없습니다.",
    "네이버 메인에서 시사뉴스를 받아보세요",
    "[아시아경제 핫 클릭]",
    "오늘의 주요뉴스",
    "*/",
    "#버스 #노선개편",
    "※ 제보는 카카오톡 okjebo 또는 전화 02-398-3655",
    "▶ 버스 파업 예고…출근길 비상",
    "저작권자 © 일요시사 무단전재 및 재배포 금지",
    "【오마이뉴스의 모토는 '모든 시민은 기자다'입니다. 당신의 이야기를 들려주세요.】",
    "연합뉴스",
    "구독중",
    "1. 첫째 항목",
    "2. 둘째 항목",
    "정부는 이날 물가 안정 대책을 발표하면서 ",  # pieces of a scrape wrapped at 40 columns
    "소비자가 체감하는 장바구니 물가를 낮추기",
    " 위해 농산물 할인 지원을 두 배로 늘리겠",
    "다고 밝혔다.",
    "   ",
    "",
]
LINES = st.lists(st.sampled_from(PROSE + SHAPES + [""] * 6), min_size=1, max_size=30)


@given(LINES)
@settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
def test_every_line_of_a_news_shaped_scrape_is_accounted_for(lines: list[str]) -> None:
    raw = RawDocument([SourceLine(t, i) for i, t in enumerate(lines, 1)], Source(format="text"))
    doc = normalize(raw)
    assert unaccounted_lines(raw, doc) == []
    assert all(b.text.strip() for b in doc.blocks if b.lines)
