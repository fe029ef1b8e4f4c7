"""How the normalizer's time grows with a text scrape: long texts of one repeated shape each.

usage: PYTHONPATH=src .venv/bin/python bench/text_scaling.py [--n 1000] [--steps 3] [--shape pages ...]
       [--budget 60]

Builds each shape with n, 2n, 4n … units and prints the CPU time (``time.process_time``) of reading
and normalizing it, and the ratio per doubling: about 2 is linear, about 4 quadratic. A shape stops
growing once one size takes more than ``--budget`` CPU seconds. ``bench/html_scaling.py`` does the
same for HTML pages; ``bench/quadratic_pages.md`` has the figures of round fifteen.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from bookmaker.limits import Limits
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read_data
from bookmaker.readers.text import read_text

UNBOUNDED = Limits(max_lines=10**7, max_chars=10**9, max_input_mb=1000.0)
"""The feed shape's reader limits: the bench measures time, not the limits."""

SENTENCE = "서울시는 올해 하반기부터 새로운 교통 정책을 시행한다고 밝혔다."


def pages(n: int) -> list[str]:
    """A printed report: ``n`` paragraphs, a page number and the running header after every fifth."""
    out = ["국토 정책 브리프", ""]
    for i in range(n):
        out += [f"{i}번째 문단이다. {SENTENCE}", ""]
        if i % 5 == 4:
            out += [f"- {i // 5 + 1} -", "국토 정책 브리프", ""]
    return out


def subtitles(n: int) -> list[str]:
    """An SRT file of ``n`` cues."""
    out = []
    for i in range(n):
        start, end = i * 3, i * 3 + 2
        times = (
            f"00:{start // 60 % 60:02d}:{start % 60:02d},000 --> 00:{end // 60 % 60:02d}:{end % 60:02d},500"
        )
        out += [str(i + 1), times, f"{i}번째 자막 대사입니다 오늘은", ""]
    return out


def glued_credits(n: int) -> list[str]:
    """``n`` photo captions with the photographer's credit glued on, between paragraphs."""
    out = ["제목", ""]
    for i in range(n):
        out += [
            f"시민들이 광장에서 행사를 지켜보고 있다. 김혜윤 기자 photo{i}@hani.co.kr",
            "",
            f"{i} {SENTENCE}",
            "",
        ]
    return out


def statute(n: int) -> list[str]:
    """An ordinance of ``n`` articles."""
    out = ["가람시 조례", ""]
    for i in range(n):
        out += [f"제{i + 1}조(목적) 이 조례는 {i}번째 사항을 정함을 목적으로 한다.", ""]
    return out


def dialogue(n: int) -> list[str]:
    """An interview of ``n`` questions and answers."""
    out = ["대담 기사 제목", ""]
    for i in range(n):
        out += [f"◆ 진행자> {i}번째 질문입니다. 어떻게 보십니까?", "", f"◇ 김교수> {SENTENCE} {i}", ""]
    return out


def bulletin(n: int) -> list[str]:
    """A wire bulletin of ``n`` ▲ items."""
    out = ["게시판 제목", ""]
    for i in range(n):
        out += [f"▲ {i}번 행사 = 가람시청 대회의실에서 {i}일 오후 2시 열린다.", ""]
    return out


def attachments(n: int) -> list[str]:
    """``n`` paragraphs, each followed by an attachment header, a file and its button."""
    out = ["공지 제목", ""]
    for i in range(n):
        out += [SENTENCE, "", "첨부파일", f"자료{i}.hwpx", "다운로드", ""]
    return out


def captions(n: int) -> list[str]:
    """``n`` paragraphs, each followed by a photo caption with its credit."""
    out = ["제목", ""]
    for i in range(n):
        out += [f"{i} {SENTENCE}", "", f"행사장 모습 {i}. 사진=가람시 제공", ""]
    return out


def chat(n: int) -> list[str]:
    """A chat export of ``2n`` messages."""
    out = ["--------------- 2024년 3월 5일 화요일 ---------------"]
    for i in range(n):
        out += [
            f"[홍길동] [오후 3:{i % 60:02d}] {i} 오늘 회의는 몇 시에 하나요",
            f"[김철수] [오후 3:{i % 60:02d}] 네 {i}시에 합니다",
        ]
    return out


def alerts(n: int) -> list[str]:
    """A safety portal's list of ``n`` disaster text messages (round 40)."""
    out = ["긴급재난문자", f"총 {n}건 [1/1 페이지]", ""]
    for i in range(n):
        out += [
            f"2026-12-05 14:{i % 60:02d}:00   경기도 가람시   대설   안전안내문자",
            f"[가람시청] {i}번째 안내. {SENTENCE}",
            "",
        ]
    return out


def dictionary(n: int) -> list[str]:
    """A dictionary entry of ``n`` senses, each with an example, a section every tenth (round 40)."""
    out = ["마루01", "「명사」", "발음 [마루]", ""]
    for i in range(n):
        out += [f"「{i % 99 + 1}」 {i}번째 뜻. {SENTENCE}", f"¶ {SENTENCE}"]
        if i % 10 == 9:
            out += ["", "역사 정보", f"{i}번째 기록", ""]
    return out


def show(n: int) -> list[str]:
    """A ticket shop's show page with ``n`` paragraphs under section labels (round 40)."""
    out = ["연극 〈겨울 정거장〉", "장소 가람아트홀 2관", "공연기간 2026.12.12 ~ 2027.02.28", ""]
    for i in range(n):
        out += ["작품 소개" if i % 2 else "기획 의도", f"{i}번째 문단이다. {SENTENCE}", ""]
    return [*out, "주최 (주)극단 가람   제작 가람컴퍼니"]


def browser_print(n: int) -> list[str]:
    """A web page a browser printed: ``n`` paragraphs, the browser's header and footer every fifth."""
    pages_total = (n + 4) // 5
    out = ["2026. 12. 7. 오전 9:41", "", "정책 기사 | 가람일보", ""]
    for i in range(n):
        out += [f"{i}번째 문단이다. {SENTENCE}", ""]
        if i % 5 == 4:
            out += ["https://www.garam.example/news/1", "", f"{i // 5 + 1}/{pages_total}"]
            out += ["\f2026. 12. 7. 오전 9:41", "", "정책 기사 | 가람일보", ""]
    return out


def screenshots(n: int) -> list[str]:
    """OCR of a phone's screenshots: ``n`` short lines, a screen every eighth, each repeating two."""
    lines = [f"{i}번째 줄의 글이 이어진다" for i in range(n)]
    out: list[str] = []
    for start in range(0, n, 8):
        out += ["오후 3:12 令 LTE .ll 87%", "< 가람일보 가가 ↗ :"]
        out += lines[max(0, start - 2) : start + 8]
        out += ["III O <"]
    return out


def jumps(n: int) -> list[str]:
    """An e-paper's story: ``n`` paragraphs, every tenth cut by a jump to another page and back (round 42)."""
    out = ["2026년 12월 7일 (월) A1면 종합", "교통 정책 대전환"]
    for i in range(n):
        if i % 10 == 9:
            out += [
                f"{i}번째 문단이다. 시 관계자는 이번 정책이",
                f"▶A{i // 10 + 2}면에 계속",
                "오늘의 주요 기사",
            ]
            out += [
                "▶한은, 기준금리 결정 A8면",
                f"2026년 12월 7일 (월) A{i // 10 + 2}면 종합",
                "▶A1면에서 계속",
            ]
            out += ["시민의 삶을 바꿀 것이라고 말했다."]
        else:
            out.append(f"{i}번째 문단이다. {SENTENCE}")
    return out


def manuscript(n: int) -> list[str]:
    """An op-ed manuscript: its labelled head, ``n`` paragraphs, the end mark and notes (round 42)."""
    head = ["[기고 원고] 가람일보 오피니언팀 송부용", "■ 코너명: 기고", "■ 제목: 교통 정책 대전환"]
    head += [
        "■ 부제: 시민의 삶이 바뀐다",
        "■ 필자: 이소영 국토연구원 연구위원",
        "■ 연락처: sylee@garam.example",
    ]
    head += ["■ 분량: 원고지 9매", "■ 송고일: 2026. 12. 6.", "―――――――――――――――", "(본문)"]
    body = [f"{i}번째 문단이다. {SENTENCE}" for i in range(n)]
    return head + body + ["(끝)", "(사진) 별도 첨부: 필자.jpg", "※ 제목은 바꾸셔도 괜찮습니다."]


def feed(n: int) -> list[str]:
    """An RSS feed saved as text: its first item's ``n`` paragraphs, ``n`` other items (round 42)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"',
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    ]
    out += [
        "<channel>",
        "<title>가람일보</title>",
        "<language>ko</language>",
        "<item>",
        "<title>교통 정책 대전환</title>",
    ]
    out += ["<pubDate>Mon, 07 Dec 2026 10:41:07 +0900</pubDate>", "<content:encoded><![CDATA["]
    out += [f"<p>{i}번째 문단이다. {SENTENCE}</p>" for i in range(n)]
    out += ["]]></content:encoded>", "</item>"]
    for i in range(n):
        out += [
            "<item>",
            f"<title>{i}번째 다른 기사</title>",
            f"<description>{SENTENCE}</description>",
            "</item>",
        ]
    return [*out, "</channel>", "</rss>"]


def search_results(n: int) -> list[str]:
    """A news search results page: the query, tabs and options, ``n`` results, the pager (round 44)."""
    out = ["NAVER", "교통 정책", "통합", "뉴스", "정렬", "관련도순", "최신순", "기간", "전체"]
    for i in range(n):
        out += ["가람일보", f"{i % 23 + 1}시간 전", "네이버뉴스", f"{i}번째 교통 정책 기사의 제목"]
        out += [f"{i}번째 기사의 첫머리다. {SENTENCE[:40]}...", f"관련뉴스 {i % 9 + 1}건 전체보기"]
    return [*out, "1", "2", "다음페이지", "ⓒ NAVER Corp."]


def fortune(n: int) -> list[str]:
    """A daily fortune page: its tagged headline over the date, ``n`` marked one-word sections of four
    lines each (round 44)."""
    out = ["가람일보", "[오늘의 운세] 2026년 12월 8일 띠별 운세", "입력 2026.12.07 17:30"]
    for i in range(n):
        out.append(f"■ {'쥐소범토용뱀말양잔닭개돼'[i % 12]}띠")
        out += [f"{48 + i % 12 + 12 * k}년생 {i}번째 날의 운이 좋다." for k in range(4)]
    return out


def relay(n: int) -> list[str]:
    """A text relay page: the game's name, score and date, ``n`` innings of four play lines each
    (round 45)."""
    out = [
        "네이버 스포츠",
        "2026 한국시리즈 3차전",
        "LG 트윈스 2 : 4 KIA 타이거즈",
        "2026.10.28 (수) 18:30 잠실",
    ]
    for i in range(n):
        out.append(f"{i % 9 + 1}회{'초말'[i % 2]} {'LG' if i % 2 else 'KIA'} 공격")
        out += [f"{k + 1}번타자 선수{i} : 삼진 아웃" for k in range(3)] + ["1구 볼 / 2구 스트라이크"]
    return [*out, "많이 본 뉴스", "ⓒ NAVER Corp."]


def menu(n: int) -> list[str]:
    """A lunch menu board post: its title over the writer and date, ``n`` days of five dishes (round 45)."""
    out = ["가람초등학교", "12월 식단표 안내", "작성자 영양교사 | 등록일 2026-12-04 | 조회 12"]
    for i in range(n):
        out += ["", f"{i % 12 + 1}월 {i % 28 + 1}일({'월화수목금'[i % 5]})"]
        out += ["기장밥", f"미역국 5.6.{i % 19}", "계란말이 1.5", "배추김치 9.13", "우유 2"]
    return [*out, "", "가람초등학교 영양교사", "서울특별시 강서구 가람로 25 | 교무실 02-000-1234"]


def market(n: int) -> list[str]:
    """A used-goods post: the seller's box, the item's name, category line and price, ``n``
    description lines, the counters and ``n`` other items as name / price pairs (round 46)."""
    out = ["당근", "중고거래 | 동네가게", "프로필 이미지", "맑은하늘", "가람동", "매너온도 38.7°C", ""]
    out += ["아이패드 에어 5세대 64GB", "디지털기기 ∙ 끌올 3일 전", "450,000원", ""]
    out += [f"{i}번째 설명 줄입니다. {SENTENCE}" for i in range(n)]
    out += ["", "관심 12 ∙ 채팅 5 ∙ 조회 387", "맑은하늘님의 판매 상품"]
    for i in range(n):
        out += [f"{i}번째 상품", f"{(i % 90 + 1) * 1000:,}원"]
    return [*out, "채팅하기", "© Danggeun Market Inc."]


def platform(n: int) -> list[str]:
    """A platform's post copied as text: the writer's card and an info grid, ``n`` parts of a label
    and a prose line with a tag button, the engagement bar and ``n`` comments (round 49)."""
    out = ["한집살림", "커뮤니티", "24평 구축 아파트 리모델링 이야기", "리모델링 | 가람시", "솔솔하우스"]
    out += ["2026년 12월 2일", "팔로우", "주거형태", "아파트", "평수", "24평", "예산", "2,800만 원"]
    for i in range(n):
        out += [f"공간{i}", "상품 태그 보기", f"{i}번째 공간 이야기입니다. {SENTENCE}"]
    out += ["좋아요 1,204", "스크랩 2,381", "댓글 46", "공유"]
    for i in range(n):
        out += [f"이웃{i}", f"{i}번째 댓글이에요 궁금해요", "3일 전", "답글 달기"]
    return [*out, "Copyright 2026. hanjipsallim Inc. All rights reserved."]


def report(n: int) -> list[str]:
    """A research report: the cover line, ticker and headline, the rating box, the analyst, ``n``
    sections of a head and a paragraph with a data box and a page footer every fifth, the notice
    (round 46)."""
    out = ["Company Report | 2026. 12. 7", "", "한빛전자 (123450)", "HBM 증설이 이끄는 실적 반등", ""]
    out += ["투자의견 BUY (유지)", "목표주가 95,000원 (상향)", "현재주가(12/4) 72,300원", ""]
    out += ["반도체 Analyst 김서진", "02-3770-1234 / sjkim@hanbitsec.co.kr", ""]
    for i in range(n):
        out += [f"{i}번째 전망", f"{i}번째 분석이다. {SENTENCE}", ""]
        if i % 5 == 4:
            out += [
                "Stock Data",
                "시가총액 8조 6,760억원",
                "발행주식수 120,000천주",
                "외국인 지분율 38.2%",
                "",
            ]
            out += [f"한빛증권 리서치센터 {i // 5 + 1}", ""]
    return [*out, "Compliance Notice", "- 당사는 해당 회사의 주식을 보유하고 있지 않습니다."]


def live(n: int) -> list[str]:
    """A news app's live page: the pinned summary box, ``n`` updates of a time line over a headline,
    a paragraph and the reporter, each with the app's share button (round 47)."""
    out = [
        "가람뉴스",
        "LIVE",
        "[라이브] 중부지방 대설특보",
        "실시간 업데이트 중",
        "입력 2027.01.12 06:10",
        "",
    ]
    out += ["📌 고정", "주요 내용", "· 서울·경기 대설주의보", "· 출근길 버스 지연", ""]
    for i in range(n):
        out += [f"{23 - i % 24:02d}:{59 - i % 60:02d}", f"{i}번째 소식 제목", f"{i}번째 소식이다. {SENTENCE}"]
        out += [f"{'김이박최정'[i % 5]}하람 기자", "공유", ""]
    return [*out, "이 라이브 알림 받기", "ⓒ 가람뉴스 무단전재 및 재배포 금지"]


def factcheck(n: int) -> list[str]:
    """A fact-check platform's page: the outlet's line, the claim box, the verdict meter, ``n``
    sections of a head and a paragraph, each over three grade-like lines (no meter), the footer
    (round 47)."""
    out = ["검증넷", "“수도권 인구, 절반 넘었다”…사실일까", "가람일보 | 2027.02.03 09:00", ""]
    out += [
        "검증 대상",
        "“수도권 인구가 처음으로 절반을 넘었다.”",
        "발언자: 한도윤 의원",
        "발언 일시: 2027.01.20",
        "",
    ]
    out += [
        "판정",
        "사실 아님",
        "대체로 사실 아님",
        "절반의 사실",
        "대체로 사실",
        "사실",
        "판정 결과: 대체로 사실",
        "",
    ]
    for i in range(n):
        out += [f"■ {i}번째 검증", f"{i}번째 근거다. {SENTENCE}", "사실", "거짓", "판단 유보", ""]
    return [
        *out,
        "박지안 기자 jian@garamilbo.com",
        "",
        "공감 24  비공감 3",
        "© 2027 검증넷. All rights reserved.",
    ]


def letter(n: int) -> list[str]:
    """An official letter: ``n`` numbered paragraphs, each wrapped and over two lettered items, and
    the routing footer (round 43)."""
    out = ["가  람  시", "", "수신    수신자 참조", "(경유)", "제목    협조 요청", ""]
    for i in range(n):
        out += [f"{i + 1}. {i}번째 문단이다. {SENTENCE} 그리고 이어서", f"{SENTENCE}", f"  가. {i}번째 항목"]
        out += [f"  나. {i}번째 다른 항목"]
    out += ["", "붙임   계획 1부.  끝.", "", "가 람 시 장", "", "수신자   관내 학교장"]
    return [*out, "★주무관  김하린  팀장  박서준", "시행    도서관-2417  (2026. 12. 28.)  접수"]


def judgment(n: int) -> list[str]:
    """A judgment as the court prints it: ``n`` sections of a lettered heading and a paragraph, the
    page's number and the service's notice every fifth (round 43)."""
    out = ["서 울 중 앙 지 방 법 원", "", "판         결", "", "사         건       2025가단1 손해배상(기)"]
    out += [
        "원         고       A",
        "                    소송대리인 변호사 C",
        "판 결 선 고         2026. 11. 12.",
    ]
    out += ["", "이         유", ""]
    for i in range(n):
        out += [f"{'가나다라마'[i % 5]}. {i}번째 쟁점", f"{i}번째 판단이다. {SENTENCE}", ""]
        if i % 5 == 4:
            out += [f"- {i // 5 + 1} -", "※ 이 판결서는 판결서 인터넷열람 사이트에서 열람·출력되었습니다."]
    return [*out, "", "판사       한지수"]


def programme(n: int) -> list[str]:
    """A bulletin's order of service in dotted leaders, ``n`` rows in runs of ten, and a tabbed rota
    under each run (round 43)."""
    out = ["가람교회 주보", "2026년 12월 6일 · 제41권 49호", ""]
    for i in range(n):
        out.append(f"기    도 …………………… {i}번째 순서 …………………… 인 도 자")
        if i % 10 == 9:
            out += [
                "",
                "구분\t대표기도\t안내",
                f"이번 주\t{i}번 장로\t3교구",
                f"다음 주\t{i}번 권사\t4교구",
                "",
            ]
    return out


def abstracts(n: int) -> list[str]:
    """An abstract book: a cover, contents of ``n`` entries under session lines, then ``n`` abstracts
    each on its page under the running header (round 43)."""
    out = ["2026 가람학회 발표 초록집", "", "읽기의 변화", "", "일시: 2026년 11월 21일(토) 10:00~17:30"]
    out += ["장소: 가람대학교", "주최: 가람학회", "", "\f목   차", ""]
    for i in range(n):
        out += [f"세션 {i // 5 + 1}."] if i % 5 == 0 else []
        out.append(f"  {i // 5 + 1}-{i % 5 + 1} {i}번째 논문 ········· {i + 3}")
    out += ["", "- ii -"]
    for i in range(n):
        out += ["\f2026 가람학회", "", f"{i // 5 + 1}-{i % 5 + 1}", f"{i}번째 논문", "김가람1, 이나래2", ""]
        out += [f"{i}번째 초록이다. {SENTENCE}", "", f"- {i + 3} -"]
    return out


def recorder(n: int) -> list[str]:
    """A voice recorder's transcript: the app's menu, the title over its recording line, the speakers
    and ``n`` turns, each a speaker and a time over a line of words (round 48)."""
    out = [
        "CLOVA Note",
        "새 노트",
        "전체 노트",
        "가람작은도서관 운영회의",
        "2026.12.03 목 오후 7:02 ・ 38분 14초",
    ]
    out += ["김하은  박도윤  참석자 3", ""]
    for i in range(n):
        speaker = ("김하은", "박도윤", "참석자 3")[i % 3]
        out += [f"{speaker} {i // 60:02d}:{i % 60:02d}", f"{i}번째 발언입니다. {SENTENCE}", ""]
    return [*out, "녹음 파일 다운로드", "© NAVER Corp."]


def diary(n: int) -> list[str]:
    """A diary app's export: its name and export line, ``n`` dated entries of two lines each under a
    rule, a photo placeholder and tags every third (round 48)."""
    out = ["윤서의 일기", "마음일기에서 내보낸 일기 · 2026.01.01 ~ 2026.12.31", "=" * 30]
    for i in range(n):
        out += ["", f"{2000 + i % 27}년 {i % 12 + 1}월 {i % 28 + 1}일 {'월화수목금토일'[i % 7]}요일 · 맑음"]
        out += [f"{i}번째 일기다. {SENTENCE}", f"오늘도 {i}번 웃었다."]
        if i % 3 == 2:
            out += ["[사진 1장]", f"#일상 #기록{i}"]
        out += ["", "-" * 30]
    return [*out, "", "=" * 30, "마음일기 · 나만의 감정 기록"]


def minutes(n: int) -> list[str]:
    """Minutes as a PDF's text: the running header, ``n`` agenda items with a lettered list whose
    item hangs over two lines and a word cut before a hanging indent, a page number and the header
    again every second item, a line of signers (round 48)."""
    header = "가람마을 3단지 입주자대표회의                                          회의록"
    out = [header, "", "        제12기 입주자대표회의 정기회의 회의록", "", "1. 안건 심의 및 의결", ""]
    for i in range(n):
        out += [f"제{i % 99 + 1}호 안건 : {i}번째 안건 승인의 건"]
        out += [
            "  가. 제안 설명 : 관리사무소장이 예산 총액과 증감 사유를 설명하였으며 위원들이 질의함",
            "      " + SENTENCE,
        ]
        out += [
            "  나. 질의 내용 : 용역 계약이 만료되므로 재입찰 시 경쟁을 통해 단가를 낮추",
            "      도록 하겠음.",
        ]
        out += ["  다. 의결 결과 : 재적 8명 중 찬성 6명으로 원안 가결", ""]
        if i % 2 == 1:
            out += [f"                                      - {i // 2 + 1} -", "\f" + header, ""]
    return [*out, "위 회의 내용이 사실과 다름없음을 확인합니다.", "", "회    장    김  ○  ○  (서명)"]


def quoted(n: int) -> list[str]:
    """A story quoting special shapes under its sentences, ``n`` times over: an X post's head, a
    recorder's turn, a diary's dated entry, a poem's title, poet and two stanzas, a platform post's
    head and counters (round 55)."""
    out = ["가람일보", "가람시 소식 모음", "입력 2026.12.05 10:20", "이서준 기자", ""]
    for i in range(n):
        out += [f"{i}번째 소식이다. {SENTENCE}", ""]
        out += ["김가람", "@garam_gu", "· 12월 3일", f"{i}번째 글입니다", "48", ""]
        out += [f"참석자 {i % 3 + 1} {i // 60:02d}:{i % 60:02d}", f"{i}번째 발언입니다.", ""]
        out += [f"{1951 + i % 40}년 3월 {i % 28 + 1}일 금요일", f"{i}번째 일기다. 눈이 내렸다.", ""]
        out += ["그가 남긴 시는 이렇다. 짧지만 오래 남는다.", "", f"겨울 {i}", "김소월", ""]
        out += ["눈이 내리는 밤", "창문을 닫고", "", "불을 끄고서", "너를 생각한다", ""]
        out += ["게시물의 첫머리는 이렇다. 협찬 표시는 없었다.", "", f"신혼집 {i}호 화이트 우드로 채운 집"]
        out += ["#신혼집", "하얀집", "2026.09.20", "팔로우", "좋아요 1,204", "스크랩 2,381", "댓글 46", ""]
    return [*out, "이서준 기자 seojun@garamilbo.co.kr", "ⓒ 가람일보, 무단전재 및 재배포 금지"]


SHAPES: dict[str, Callable[[int], list[str]]] = {
    "quoted": quoted,
    "recorder": recorder,
    "diary": diary,
    "minutes": minutes,
    "live": live,
    "factcheck": factcheck,
    "market": market,
    "platform": platform,
    "report": report,
    "relay": relay,
    "menu": menu,
    "search-results": search_results,
    "fortune": fortune,
    "jumps": jumps,
    "manuscript": manuscript,
    "feed": feed,
    "letter": letter,
    "judgment": judgment,
    "programme": programme,
    "abstracts": abstracts,
    "browser-print": browser_print,
    "screenshots": screenshots,
    "pages": pages,
    "subtitles": subtitles,
    "glued-credits": glued_credits,
    "statute": statute,
    "dialogue": dialogue,
    "bulletin": bulletin,
    "attachments": attachments,
    "captions": captions,
    "chat": chat,
    "alerts": alerts,
    "dictionary": dictionary,
    "show": show,
}


def measure(shape: str, n: int) -> tuple[int, float]:
    """The text's size in bytes and the CPU seconds of reading and normalizing it."""
    data = ("\n".join(SHAPES[shape](n)) + "\n").encode("utf-8")
    started = time.process_time()
    if shape == "feed":  # sniffed as a feed under its text name, as a saved one is
        raw = read_data(data, Path(f"{shape}.txt"), limits=UNBOUNDED)
        assert isinstance(raw, RawDocument)
        normalize(raw)
    else:
        normalize(read_text(data, Path(f"{shape}.txt")))
    return len(data), time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="units of the smallest size")
    parser.add_argument("--steps", type=int, default=3, help="sizes per shape (each twice the last)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--budget", type=float, default=60.0, help="CPU seconds after which a shape stops")
    args = parser.parse_args(argv)
    print(f"{'shape':15s} {'n':>6s} {'KB':>6s} {'cpu s':>7s}  ratio")
    for shape in args.shape or list(SHAPES):
        last: float | None = None
        for step in range(args.steps):
            n = args.n << step
            size, seconds = measure(shape, n)
            ratio = f"{seconds / last:.2f}" if last else ""
            print(f"{shape:15s} {n:6d} {size // 1000:6d} {seconds:7.2f}  {ratio}", flush=True)
            last = seconds
            if seconds > args.budget:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
