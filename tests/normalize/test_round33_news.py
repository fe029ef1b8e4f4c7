"""Failure kinds from held-out round 33 (news kinds: a press digest, a reader's letter, a paper's
own notice, a ministry's rebuttal, an article mailed through a site's "기사 보내기", a poll story's
font-size widget), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Document, Heading, Paragraph
from bookmaker.normalize.context import Context
from bookmaker.normalize.passes.chrome_lines import is_digest_item
from bookmaker.normalize.rules import load_rules
from tests.normalize.test_real_shapes import body, norm, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


# --- a press digest: "▶조선일보 = …" items are the digest, not promos -------------------------------


def test_digest_item_names_a_known_outlet() -> None:
    ctx = Context(body=[], rules=load_rules())
    assert is_digest_item(ctx, "▶조선일보 = 예산안 처리 또 무산")
    assert is_digest_item(ctx, "▷한겨레= 학교 밖 청소년 배움터 100곳")
    assert not is_digest_item(ctx, "▶김장철 = 배추값 들썩")  # no outlet: a promo's shape
    assert not is_digest_item(ctx, "▶ 관련기사: 예산안 또 무산")


def test_press_digest_items_head_their_summaries_and_promos_still_go() -> None:
    _, doc = norm(
        "[조간 브리핑] 예산안 처리 또 무산",
        "송고 2026.12.07 06:30",
        "(서울=뉴스1) 이정후 기자 = 7일 아침 주요 일간지 1면 머리기사를 정리했다.",
        "",
        "▶조선일보 = 예산안 처리 또 무산 우려 커져",
        LONG,
        "",
        "▶동아일보 = 한파에 난방비 '폭탄' 우려",
        LONG.replace("정부는", "당국은"),
        "",
        "leejh@news1.kr",
        "▶ 관련기사 더 보기",
    )
    heads = _headings(doc)
    assert any("조선일보 =" in h for h in heads) and any("동아일보 =" in h for h in heads)
    assert removed(doc)["▶ 관련기사 더 보기"] == "boilerplate.promo"


# --- a reader's letter: the writer's closing line, the column's call for letters -------------------


def test_letter_writer_signs_and_is_the_author() -> None:
    _, doc = norm(
        "[독자 마당] 버스 노선 줄어드는 농촌",
        "입력 2026-12-07 05:30:00",
        "",
        LONG,
        "",
        "어머니는 일주일에 두 번 읍내 병원에 가신다. 돌아오는 버스를 기다리느라 몇 시간씩 앉아 계신다.",
        "",
        "김은정(대구 수성구·회사원)",
        "",
        "※ '독자 마당'은 독자 여러분의 글로 꾸며집니다. "
        "원고지 6매 분량으로 보내 주시면 소정의 원고료를 드립니다.",
    )
    assert [a.name for a in doc.meta.authors] == ["김은정"]
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "signature"
    assert last.text == "김은정(대구 수성구·회사원)"
    assert "boilerplate.contribute" in removed(doc).values()


def test_a_name_with_town_and_job_inside_the_text_signs_nothing() -> None:
    _, doc = norm(
        "시장 골목의 겨울",
        "",
        LONG,
        "",
        "홍길동(서울 종로구·상인)",
        "",
        "그는 30년째 같은 자리에서 가게를 열었다. 손님이 줄었지만 문을 닫을 생각은 없다고 했다.",
    )
    assert doc.meta.authors == []
    assert all(getattr(b, "role", None) != "signature" for b in doc.blocks)


# --- a paper's own notice: parallel marked heads, runs of entries, the company's signature ----------


def test_notice_heads_entries_and_company_signature() -> None:
    _, doc = norm(
        "[알림] 제28회 해양문학상 수상작 발표",
        "입력 : 2026-12-07 18:00:00",
        "",
        "부산일보사가 주최하는 제28회 해양문학상 수상작이 다음과 같이 결정됐습니다. "
        "응모해 주신 모든 분께 감사드립니다.",
        "",
        "◆대상(상금 1000만 원)",
        "시 부문 「물의 지도」 정해나(부산 영도구)",
        "",
        "◆심사위원",
        "시 부문 최영철(시인) 김수우(시인)",
        "수필 부문 이은주(수필가)",
        "",
        "시상식은 오는 18일 오후 3시 대강당에서 열립니다. 수상자께는 개별적으로 연락드리겠습니다.",
        "",
        "부산일보사",
    )
    assert _headings(doc) == ["대상(상금 1000만 원)", "심사위원"]
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph) and last.role == "signature" and last.text == "부산일보사"


def test_a_lone_marked_word_without_marked_heads_stays_a_paragraph() -> None:
    _, doc = norm("제목이 되는 충분히 긴 첫 줄", "", LONG, "", "◆참고", "짧은 항목 하나", "", LONG)
    assert "참고" not in _headings(doc)


# --- a ministry's rebuttal on a briefing portal ----------------------------------------------------


def test_rebuttal_kind_from_breadcrumb_part_labels_and_attachments() -> None:
    _, doc = norm(
        "대한민국 정책브리핑",
        "브리핑룸",
        "보도자료",
        "부처 브리핑",
        "해명자료",
        "브리핑룸 > 해명자료",
        "국토부 “경매 유예 중단 검토한 바 없어”",
        "2026.12.07 국토교통부",
        "[보도 내용]",
        "◈ 정부가 전세사기 피해주택에 대한 경매 유예 조치를 내년부터 중단하는 방안을 "
        "검토 중이라고 보도 (12.7, ○○일보 「경매 유예 끝난다」)",
        "",
        "[국토교통부 설명]",
        "□ 국토교통부는 경매 유예 조치를 중단하는 방안을 검토한 바 없습니다. 지원에 만전을 기하겠습니다.",
        "",
        "첨부파일",
        "1207 해명자료.hwpx",
        "바로보기",
        "다운로드",
        "공공누리 제1유형",
        "출처표시",
    )
    assert doc.meta.series == ["해명자료"]
    assert _headings(doc) == ["[보도 내용]", "[국토교통부 설명]"]
    gone = removed(doc)
    assert gone["1207 해명자료.hwpx"] == "boilerplate.board" and gone["바로보기"] == "boilerplate.board"
    assert "출처표시" in gone
    assert "hwpx" not in body(doc)


# --- an article mailed through a site's "기사 보내기" ------------------------------------------------


def test_mailed_article_loses_webmail_frame_note_and_footer() -> None:
    _, doc = norm(
        "[디지털타임스] 데이터센터 전력 수요 2배",
        "받은편지함",
        "디지털타임스 <noreply@dt.co.kr>",
        "오전 8:12 (2시간 전)",
        "나에게",
        "박준호님이 보내신 기사입니다.",
        "보낸 분의 메시지: 회의 자료로 참고하세요.",
        "데이터센터 전력 수요 5년 새 2배",
        "입력: 2026-12-06 14:20",
        "김나래 기자 narae@dt.co.kr",
        "",
        LONG,
        "",
        "이 메일은 발신 전용입니다. 문의는 고객센터를 이용해 주세요.",
        "본 메일은 박준호님의 요청에 의해 발송되었습니다.",
        "답장",
        "전달",
    )
    assert doc.meta.title == "데이터센터 전력 수요 5년 새 2배"
    gone = removed(doc)
    assert gone["받은편지함"] == "shared_mail.frame" and gone["나에게"] == "shared_mail.frame"
    assert gone["박준호님이 보내신 기사입니다."] == "shared_mail.note"
    assert gone["보낸 분의 메시지: 회의 자료로 참고하세요."] == "shared_mail.note"
    assert gone["이 메일은 발신 전용입니다. 문의는 고객센터를 이용해 주세요."] == "shared_mail.footer"
    assert gone["답장"] == "shared_mail.footer" and gone["전달"] == "shared_mail.footer"


def test_text_without_a_sent_note_is_no_mailed_article() -> None:
    _, doc = norm("시장 골목의 겨울", "", LONG, "", "전달", "", LONG.replace("정부는", "시는"))
    assert not any(r.rule and r.rule.startswith("shared_mail") for r in doc.removed)


# --- the font-size widget's sample line --------------------------------------------------------------


def test_font_size_sample_is_chrome() -> None:
    _, doc = norm("제목이 되는 충분히 긴 첫 줄", "가나다라마바사", "가나다라마바사", "", LONG)
    assert "가나다라" not in body(doc) and "가나다라" not in " ".join(doc.meta.subtitles)
