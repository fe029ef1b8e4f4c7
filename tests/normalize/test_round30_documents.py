"""Failure kinds from held-out round 30 (documents: a KakaoTalk export with a forwarded notice, a
drug leaflet, a syllabus, an encyclopedia entry and a patent publication scraped as text), each on a
small made-up input shaped like the real ones."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Paragraph, Table
from bookmaker.normalize import normalize
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.normalize.test_real_shapes import body, norm, removed


def _file(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return normalize(raw)


# --- a KakaoTalk export with a text forwarded into the room -----------------------------------------

NOTICE = [
    "[Web발신]",
    "[햇살빌라 관리실]",
    "승강기 정기 점검 안내",
    "",
    "입주민 여러분께 알려 드립니다.",
    "승강기 안전 점검을 위하여 아래 시간 동안 승강기 운행을 멈추오니 양해 바랍니다.",
    "점검 시간은 오후 1시부터 오후 3시까지입니다.",
]


def _export(*messages: str) -> tuple[str, ...]:
    return (
        "햇살빌라 주민방 님과 카카오톡 대화",
        "저장한 날짜 : 2026-11-20 08:00:01",
        "",
        "--------------- 2026년 11월 18일 수요일 ---------------",
        *messages,
    )


def test_chat_export_keeps_the_forwarded_text_and_drops_the_chat() -> None:
    head = "[햇살빌라 관리실] [오후 2:10] " + NOTICE[0]
    _, doc = norm(
        *_export(head, *NOTICE[1:], "[이민수] [오후 2:30] 몇 동이요?", "[정하나] [오후 2:31] 전 동이래요")
    )
    text = body(doc)
    assert "승강기 안전 점검을 위하여" in text and "오후 3시까지" in text
    assert "몇 동이요" not in text and "전 동이래요" not in text and "카카오톡 대화" not in text
    gone = removed(doc)
    assert gone["[이민수] [오후 2:30] 몇 동이요?"] == "chat.message"
    assert gone["저장한 날짜 : 2026-11-20 08:00:01"] == "chat.export"
    assert gone[head] == "chat.export"
    assert doc.meta.publisher == "햇살빌라 관리실"
    assert doc.meta.title == "승강기 정기 점검 안내"


def test_chat_of_short_messages_only_is_left_alone() -> None:
    _, doc = norm(*_export("[이민수] [오후 2:30] 몇 동이요?", "[정하나] [오후 2:31] 전 동이래요"))
    assert not any(r.rule and r.rule.startswith("chat.") for r in doc.removed)


def test_a_message_with_its_own_text_keeps_it() -> None:
    said = "내일 오전 9시부터 낮 12시까지 단수됩니다. 미리 물을 받아 두시기 바랍니다."
    _, doc = norm(*_export(f"[관리실] [오전 9:00] {said}", *NOTICE[4:], "[이민수] [오전 9:30] 네"))
    assert said in body(doc) and "[오전 9:00]" not in body(doc)
    assert removed(doc)["[관리실] [오전 9:00]"] == "chat.export"


# --- a notice of no named kind, signed with its date and its office's head --------------------------


def test_notice_signed_by_date_and_office_head() -> None:
    _, doc = norm(
        "물탱크 청소 일정",
        "",
        "물탱크 청소를 아래와 같이 실시하오니 주민 여러분의 양해를 부탁드립니다. "
        "청소하는 동안에는 물이 나오지 않습니다.",
        "청소가 끝나면 잠시 물을 틀어 두신 뒤 사용하시기 바랍니다.",
        "",
        "2026. 11. 3.",
        "솔빛아파트 관리사무소장",
    )
    roles = [b.role for b in doc.blocks if isinstance(b, Paragraph)]
    assert roles[-2:] == ["signature", "signature"]
    assert doc.meta.date == "2026-11-03"


def test_short_closing_lines_without_an_office_are_no_signature() -> None:
    _, doc = norm(
        "물탱크 청소 일정",
        "",
        "물탱크 청소를 아래와 같이 실시하오니 주민 여러분의 양해를 부탁드립니다. "
        "청소하는 동안에는 물이 나오지 않습니다.",
        "2026. 11. 3.",
        "많은 협조 부탁",
    )
    assert all(b.role is None for b in doc.blocks if isinstance(b, Paragraph))


def test_heading_mark_before_the_title_goes() -> None:
    _, doc = norm(
        "■ 도서관 휴관 안내",
        "",
        "시설 공사로 12월 한 달 동안 도서관을 닫습니다. 반납은 무인반납함을 이용해 주세요.",
    )
    assert doc.meta.title == "도서관 휴관 안내"


# --- a scrape's site header and breadcrumb ---------------------------------------------------------


def test_site_name_over_its_menu_is_not_the_title() -> None:
    _, doc = norm(
        "가람대학교 종합정보시스템",
        "학사 | 수업 | 성적 | 로그아웃",
        "",
        "2027학년도 1학기 수강 신청 안내",
        "",
        "수강 신청은 2월 10일부터 2월 14일까지 종합정보시스템에서 할 수 있습니다. 학과별 시간이 다릅니다.",
    )
    assert doc.meta.title == "2027학년도 1학기 수강 신청 안내"


def test_breadcrumb_of_longer_places_is_chrome() -> None:
    _, doc = norm(
        "의약품등 정보 > 의약품 제품 정보 > 상세정보",
        "",
        "가람콜드시럽(아세트아미노펜)",
        "",
        "감기로 인한 콧물, 코막힘, 재채기, 인후통을 완화하는 데 쓰는 시럽제입니다. 식후에 복용합니다.",
    )
    assert doc.meta.title == "가람콜드시럽(아세트아미노펜)"
    assert removed(doc)["의약품등 정보 > 의약품 제품 정보 > 상세정보"] == "boilerplate.chrome"


# --- a form's field table copied with tabs (the text reader) ---------------------------------------


def test_tabbed_field_table_has_no_header_row(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        "금속활자\n\n분야\t과학기술 > 인쇄\n재료\t구리, 주석, 납\n최초 사용\t고려 시대(13세기 전반)\n\n"
        "금속을 녹여 부어 만든 활자로, 고려 시대에 처음 만들어 책을 찍었다고 전한다.\n",
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(0, 3)]


def test_tabbed_table_under_column_names_keeps_its_header(tmp_path: Path) -> None:
    doc = _file(
        tmp_path,
        "평가 방법\n\n평가 항목\t비율\n중간고사\t30%\n기말고사\t40%\n과제\t30%\n\n"
        "결석이 수업 일수의 4분의 1을 넘으면 성적을 F로 처리한다.\n",
    )
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.head), len(t.body)) for t in tables] == [(1, 3)]
