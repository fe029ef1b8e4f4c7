"""Paragraph roles and segment titles (pass ``roles``): an editor's note opening or closing the
article, a statement's closing signature, a broadcast's ``< … >`` segment title. Inputs are made
up in the shapes of real pages (an ohmynews series note, a 성명서, a zum transcript)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookmaker.ir import Heading, Paragraph, from_json, to_json
from bookmaker.normalize import normalize_source, outline
from tests.normalize.test_real_shapes import norm, removed

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

PROSE = [
    "국회가 추진하는 언론중재법 개정안은 언론의 자유를 심각하게 위협한다. "
    "우리는 이 법안이 권력 감시라는 기능을 무력화할 것이라고 우려한다.",
    "징벌적 손해배상 조항은 취재 현장을 위축시키고, 결국 시민의 알 권리를 침해할 것이다. "
    "국회는 지금이라도 법안을 철회해야 한다.",
    "우리는 언론 자유를 지키기 위해 끝까지 싸울 것이다.",
]
NOTE = "‘찜! e시민기자’는 한 주간 기사를 올린 시민기자 중 인상적인 사람을 찾아 짧게 소개하는 코너입니다."


def roles(doc: object) -> list[tuple[str, str | None]]:
    return [(b.text, b.role) for b in doc.blocks if isinstance(b, Paragraph)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        (f"{NOTE} [편집자말]", "[편집자말]"),
        (f"[편집자 주] {NOTE}", "[편집자 주]"),
        (f"편집자주: {NOTE}", "편집자주:"),
        (f"<편집자 주> {NOTE}", "<편집자 주>"),
        (f"【편집자註】{NOTE}", "【편집자註】"),
        (f"※ 편집자 주 : {NOTE}", "※ 편집자 주 :"),
    ],
)
def test_a_labelled_note_at_the_top_is_an_editor_s_note_and_its_label_is_recorded(
    line: str, label: str
) -> None:
    _, doc = norm("시민기자 이영광을 만나다", line, *PROSE)
    assert roles(doc)[0] == (NOTE, "editor-note")
    assert all(role is None for _, role in roles(doc)[1:])
    assert removed(doc)[label] == "roles.editor_note_label"


def test_a_note_at_the_bottom_and_a_label_alone_on_its_line() -> None:
    _, doc = norm("시민기자 이영광을 만나다", *PROSE, "[편집자주]", "이 기사는 독자 제보로 시작되었습니다.")
    assert roles(doc)[-1] == ("이 기사는 독자 제보로 시작되었습니다.", "editor-note")
    assert removed(doc)["[편집자주]"] == "roles.editor_note_label"
    assert [r.line for r in doc.removed] == [5]


def test_a_labelled_paragraph_in_the_middle_stays_running_text_label_and_all() -> None:
    middle = f"[편집자 주] {NOTE}"
    _, doc = norm("시민기자 이영광을 만나다", PROSE[0], middle, PROSE[1])
    assert (middle, None) in roles(doc)
    assert doc.removed == []


def test_a_statement_s_date_and_issuer_after_the_last_paragraph_are_its_signature() -> None:
    _, doc = norm("[성명] 언론 자유를 위협하는 법안을 철회하라", *PROSE, "2020년 7월 13일", "한국기자협회")
    assert roles(doc)[-3:] == [
        (PROSE[2], None),
        ("2020년 7월 13일", "signature"),
        ("한국기자협회", "signature"),
    ]


def test_the_issuer_alone_closes_a_statement_named_in_its_title() -> None:
    _, doc = norm("중대재해처벌법 후퇴에 반대하는 입장문", *PROSE, "전국민주노동조합총연맹 일동")
    assert roles(doc)[-1] == ("전국민주노동조합총연맹 일동", "signature")


def test_no_signature_in_a_news_story_or_before_the_end() -> None:
    _, news = norm("한미 정상 “북핵 공조 강화”…공동성명 채택", *PROSE, "2020년 7월 13일", "한국기자협회")
    assert all(role is None for _, role in roles(news))
    _, middle = norm("[성명] 법안을 철회하라", PROSE[0], "2020년 7월 13일", "한국기자협회", PROSE[1])
    assert all(role is None for _, role in roles(middle))


def test_a_glued_segment_title_in_a_transcript_becomes_a_heading() -> None:
    _, doc = norm(
        "[앵커]",
        "대선 후 첫 전국단위 선거 결과가 나왔습니다. 새 정부 국정 동력에는 힘이 실렸단 평가인데요.",
        "[기자]",
        "< 빨갛게 빨갛게 > 전국이 빨갛게 물들었습니다. 대선 승리로 5년 만에 정권을 되찾았습니다.",
        "〈 민주당의 과제 〉",
        "민주당은 호남과 제주를 제외한 모든 지역에서 졌습니다. 지도부 책임론이 나옵니다.",
    )
    headings = [(b.text, b.level, b.lines) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [("빨갛게 빨갛게", 2, [4, 4]), ("민주당의 과제", 2, [5, 5])]
    assert "전국이 빨갛게 물들었습니다. 대선 승리로 5년 만에 정권을 되찾았습니다." in [
        t for t, _ in roles(doc)
    ]


def test_angle_brackets_outside_a_transcript_or_html_looking_stay_text() -> None:
    line = "< 빨갛게 빨갛게 > 전국이 빨갛게 물들었습니다. 대선 승리로 5년 만에 정권을 되찾았습니다."
    _, doc = norm("지방선거 결과 분석", PROSE[0], line, PROSE[1])
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    _, html = norm(
        "[앵커]", PROSE[0], "<br> 태그가 본문에 남았습니다. 대선 승리로 5년 만에 정권을 되찾았습니다."
    )
    assert not any(isinstance(b, Heading) for b in html.blocks)


def test_the_real_pages_and_the_ir_round_trip() -> None:
    note = normalize_source(CORPUS / "ohmynews-interview-1.txt")
    first = note.blocks[0]
    assert isinstance(first, Paragraph) and first.role == "editor-note"
    assert first.text.endswith("‘찜’ 합니다.")
    assert "note    ‘찜! e시민기자’" in outline(note)
    assert from_json(to_json(note)) == note
    zum = normalize_source(CORPUS / "zum-broadcast-1.txt")
    assert [b.text for b in zum.blocks if isinstance(b, Heading)] == ["빨갛게 빨갛게"]
    plain = normalize_source(CORPUS / "yonhap-straight-1.html")
    assert all(b.role is None for b in plain.blocks if isinstance(b, Paragraph))
    assert '"role": null' not in to_json(plain)  # running text has no role: the JSON is as it was


@pytest.mark.parametrize(
    "line",
    [
        "<기자> 전국이 빨갛게 물들었습니다. 대선 승리로 5년 만에 정권을 되찾았습니다.",  # a speaker's turn
        "<뉴스데스크>는 선거 결과를 이렇게 분석했습니다. 대선 승리로 정권을 되찾았습니다.",  # a programme
        "<오마이뉴스> 편집부 기자의 하루 일과 중 빼놓을 수 없는 것이 전화 받기다.",  # a publication
        "< 홍길동/시민 : 정말 무거운 책임감이 느껴집니다 >",  # a sound bite
    ],
)
def test_speaker_labels_names_and_sound_bites_in_a_transcript_are_no_segment_titles(line: str) -> None:
    _, doc = norm("국민의힘 압승…지방 권력도 가져왔다", "[앵커]", PROSE[0], line, PROSE[1])
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert any(line.split()[-2] in b.text for b in doc.blocks)


def test_an_english_page_s_editor_s_note() -> None:
    _, doc = norm(
        "Chip plant opens in Pyeongtaek",
        "Editor's note: This series looks at Korea's chip industry, one plant at a time.",
        "The plant opened on Monday after two years of construction, the company said in a statement.",
        "It will employ about 3,000 workers when it runs at full capacity next year, officials said.",
    )
    assert doc.meta.language == "en"
    assert roles(doc)[0] == (
        "This series looks at Korea’s chip industry, one plant at a time.",
        "editor-note",
    )
    assert removed(doc)["Editor's note:"] == "roles.editor_note_label"
