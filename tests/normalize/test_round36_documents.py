"""Failure kinds from held-out round 36 (documents made into books: a contract, a subtitle file, an
HWP report, a notebook exported to Markdown, a 자기소개서 from a job portal, a groupware regulation),
each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed


def _read(tmp_path: Path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


# --- a subtitle file (SRT, WebVTT) saved as text ----------------------------------------------------

SRT = """1
00:00:01,000 --> 00:00:03,000
♪

2
00:00:03,500 --> 00:00:06,000
오늘은 물의 순환을
이야기합니다.

3
00:00:06,200 --> 00:00:09,000
비는 바다에서 시작됩니다.

4
00:00:12,000 --> 00:00:15,000
다음은 지하수입니다.
"""


def test_srt_cues_become_paragraphs_split_at_pauses(tmp_path: Path) -> None:
    doc = _read(tmp_path, "lecture.txt", SRT)
    assert [b.text for b in doc.blocks] == [
        "오늘은 물의 순환을 이야기합니다. 비는 바다에서 시작됩니다.",
        "다음은 지하수입니다.",
    ]
    assert not doc.meta.title
    rules = removed(doc)
    assert rules["00:00:03,500 --> 00:00:06,000"] == "subtitles.cue"
    assert rules["♪"] == "subtitles.sound"
    assert "-->" not in body(doc)


def test_webvtt_header_and_inline_tags_go(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\nKind: captions\nLanguage: ko\n\n"
        "00:00.500 --> 00:02.000 align:start\n<c>첫 문장입니다.</c>\n\n"
        "00:02.100 --> 00:04.000\n둘째 문장입니다.\n\n"
        "00:04.100 --> 00:06.000\n셋째 문장입니다.\n"
    )
    doc = _read(tmp_path, "talk.txt", vtt)
    assert body(doc) == "첫 문장입니다. 둘째 문장입니다. 셋째 문장입니다."
    assert removed(doc)["WEBVTT"] == "subtitles.cue"


def test_text_with_a_time_range_or_two_is_no_subtitle_file() -> None:
    _, doc = norm(
        "행사 일정",
        "10:00 --> 11:00 이라고 적힌 안내판은 오류였다.",
        "주최 측은 시간을 다시 알렸다.",
    )
    assert "10:00 --> 11:00" in body(doc)
    _, doc = norm(
        "1",
        "00:00:01,000 --> 00:00:02,000",
        "한 줄",
        "기사 본문은 여기서 이어진다.",
    )
    assert "기사 본문은 여기서 이어진다." in body(doc)


# --- a contract: its signing block, an article opening a page ----------------------------------------

CONTRACT = """물품 공급 계약서

가나상사(이하 “갑”이라 한다)와 다라물산(이하 “을”이라 한다)은 다음과 같이 계약을 체결한다.

제1조(목적) 이 계약은 물품 공급에 필요한 사항을 정함을 목적으로 한다.

제2조(기간) 계약기간은 2027년 1월 1일부터 12월 31일까지로 한다.

2026년 11월 2일

(갑) 가나상사
서울특별시 중구 세종대로 1
대표 이 가 나 (인)

을: 다라물산 대표 박다라 (서명)

첨부: 물품 목록 1부. 끝.
"""


def test_contract_signing_date_and_party_blocks_are_its_signature(tmp_path: Path) -> None:
    doc = _read(tmp_path, "contract.txt", CONTRACT)
    roles = {b.text: getattr(b, "role", None) for b in doc.blocks}
    for line in (
        "(갑) 가나상사",
        "서울특별시 중구 세종대로 1",
        "대표 이 가 나 (인)",
        "을: 다라물산 대표 박다라 (서명)",
    ):
        assert roles[line] == "signature", line
    assert roles["첨부: 물품 목록 1부. 끝."] is None
    assert doc.meta.date is not None and doc.meta.date.startswith("2026-11-02")


def test_a_text_that_names_no_parties_is_no_contract(tmp_path: Path) -> None:
    story = CONTRACT.replace("물품 공급 계약서", "구청, 물품 공급 업체 선정").replace(
        "(이하 “갑”이라 한다)", ""
    )
    doc = _read(tmp_path, "story.txt", story.replace("(이하 “을”이라 한다)", ""))
    assert all(getattr(b, "role", None) != "signature" or "가나상사" not in b.text for b in doc.blocks)


def test_an_article_opening_a_page_does_not_run_on_from_the_page_before() -> None:
    _, doc = norm(
        "규정",
        "제1조(목적) 이 규정은 목적을 정한다.",
        "제2조(지급) 대금은 다음과 같이 지급한다.",
        "1. 선급금: 계약금액의 30%",
        "2. 잔금: 계약금액의 70%, 검수 후 30일 이내",
        "- 1 -",
        "제3조(비밀유지) 을은 비밀을 지킨다.",
        "- 2 -",
    )
    assert any(b.text.startswith("제3조(비밀유지)") for b in doc.blocks)


# --- a report pasted from HWP: its cover above a printed 목차, its running header ---------------------

REPORT = """하천 수질 조사 보고서
― 2026년 하반기 ―

2026. 10.

한국수자원연구원

목 차

Ⅰ. 개요 ······················ 1
Ⅱ. 결과 ······················ 2
Ⅲ. 제언 ······················ 2

하천 수질 조사 보고서
Ⅰ. 개요

조사는 도내 하천 12곳에서 이루어졌다.

- 1 -

하천 수질 조사 보고서
Ⅱ. 결과

대부분의 하천이 2등급 이상이었다.

Ⅲ. 제언

관측 지점을 늘려야 한다.

- 2 -
"""


def test_report_cover_above_printed_contents_gives_title_subtitle_date_publisher(tmp_path: Path) -> None:
    doc = _read(tmp_path, "report.txt", REPORT)
    assert doc.meta.title == "하천 수질 조사 보고서"
    assert doc.meta.subtitles == ["2026년 하반기"]
    assert doc.meta.date == "2026-10"
    assert doc.meta.publisher == "한국수자원연구원"
    assert "하천 수질 조사 보고서" not in body(doc)
    assert [r.rule for r in doc.removed if r.text == "하천 수질 조사 보고서"] == [
        "pages.header",
        "pages.header",
    ]


def test_first_line_back_at_the_foot_under_a_page_number_is_no_site_name(tmp_path: Path) -> None:
    text = REPORT.replace("목 차\n\nⅠ. 개요 ······················ 1\nⅡ. 결과 ······················ 2\n", "")
    text = text.replace("Ⅲ. 제언 ······················ 2\n", "").replace(
        "- 2 -\n", "- 2 -\n\n하천 수질 조사 보고서\n"
    )
    doc = _read(tmp_path, "report.txt", text)
    assert not any(r.rule == "boilerplate.outlet" for r in doc.removed)


# --- a 자기소개서 from a job portal's preview -------------------------------------------------------

LETTER = """잡코리아
채용정보\t기업정보\t이력서 관리\t지원 현황
자기소개서 미리보기

[2027 신입] 가나출판 편집부 지원 자기소개서
작성자 김하나 | 최종 수정일 2026.11.03 10:15

1. 지원 동기를 기술해 주십시오. (500자 이내)
책을 오래 읽히게 만드는 일을 하고 싶어 지원했습니다.
글자수 27자 / 500자 (공백 포함)

2. 가장 큰 도전을 기술해 주십시오. (700자 이내)
[잡지를 만든 2년]
친구들과 잡지를 6호까지 냈습니다.
글자수 17자 / 700자 (공백 포함)

목록으로\t이전 자소서\t다음 자소서
Copyright ⓒ JOBKOREA Corp. All Rights Reserved.
"""


def test_cover_letter_questions_are_headings_and_counters_go(tmp_path: Path) -> None:
    doc = _read(tmp_path, "letter.txt", LETTER)
    heads = [b.text for b in doc.blocks if type(b).__name__ == "Heading"]
    assert heads[:2] == [
        "1. 지원 동기를 기술해 주십시오. (500자 이내)",
        "2. 가장 큰 도전을 기술해 주십시오. (700자 이내)",
    ]
    rules = removed(doc)
    assert rules["글자수 27자 / 500자 (공백 포함)"] == "boilerplate.chrome"
    assert rules["자기소개서 미리보기"] == "boilerplate.chrome"
    assert "목록으로" not in body(doc) and "채용정보" not in body(doc)


def test_cover_letter_writer_is_the_author_and_the_job_portal_no_publisher(tmp_path: Path) -> None:
    doc = _read(tmp_path, "letter.txt", LETTER)
    assert doc.meta.title == "가나출판 편집부 지원 자기소개서"
    assert [a.name for a in doc.meta.authors] == ["김하나"]
    assert doc.meta.publisher is None


def test_numbered_lines_without_a_length_limit_are_no_form_questions() -> None:
    _, doc = norm(
        "공지",
        "다음 사항을 지켜 주십시오.",
        "1. 신청서는 기한 안에 내 주십시오.",
        "2. 서류는 한 부만 내 주십시오.",
    )
    assert not any(type(b).__name__ == "Heading" for b in doc.blocks)


# --- a company regulation in its groupware -----------------------------------------------------------

REGULATION = """가나상사 인트라넷
홈 > 규정 > 총무 > 출장 규정

출장 규정
규정번호 GA-03 | 관리부서 총무팀 | 시행일 2026. 9. 1.

제정 2020. 1. 1.   개정 2026. 8. 20.

제1조(목적) 이 규정은 출장에 필요한 사항을 정한다.

제2조(신청) 출장은 3일 전까지 신청한다.

부칙
이 규정은 2026년 9월 1일부터 시행한다.

이 글을 52명이 읽었습니다.
"""


def test_regulation_register_line_history_date_and_company(tmp_path: Path) -> None:
    doc = _read(tmp_path, "rule.txt", REGULATION)
    assert doc.meta.title == "출장 규정"
    assert doc.meta.subtitles == ["규정번호 GA-03 | 관리부서 총무팀 | 시행일 2026. 9. 1."]
    assert doc.meta.date == "2026-08-20"
    assert doc.meta.publisher == "가나상사"
    assert "제정 2020. 1. 1. 개정 2026. 8. 20." in body(doc)
    assert any(type(b).__name__ == "Heading" and b.text == "부칙" for b in doc.blocks)
    assert removed(doc)["이 글을 52명이 읽었습니다."] == "boilerplate.chrome"


def test_contract_parties_named_in_short_form_and_a_seal_glyph(tmp_path: Path) -> None:
    text = (
        CONTRACT.replace("물품 공급 계약서", "물품 공급에 관한 건")
        .replace("(이하 “갑”이라 한다)", "(이하 '갑')")
        .replace("(이하 “을”이라 한다)", "(이하 '을')")
        .replace("대표 이 가 나 (인)", "대표 이 가 나 ㊞")
    )
    doc = _read(tmp_path, "contract.txt", text)
    roles = {b.text: getattr(b, "role", None) for b in doc.blocks}
    assert roles["(갑) 가나상사"] == "signature"
    assert roles["대표 이 가 나 ㊞"] == "signature"


def test_a_postings_list_of_papers_with_length_limits_is_no_form() -> None:
    _, doc = norm(
        "2027년 신입 공채 안내",
        "지원자는 다음 서류를 내야 한다.",
        "1. 자기소개서(1,000자 이내)",
        "2. 학업계획서(1,500자 이내)",
        "서류는 이메일로 받는다.",
    )
    assert not any(type(b).__name__ == "Heading" and "자기소개서" in b.text for b in doc.blocks)
