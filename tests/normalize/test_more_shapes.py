"""More failure kinds from held-out pages (round 8: columns, markets reports, people pages,
notices, broadcast transcripts), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.normalize.passes.clean import clean_text
from tests.normalize.test_real_shapes import BODY, body, norm, removed


def test_counters_and_font_buttons_are_chrome() -> None:
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", "0 0", "가 가", "가가가", *BODY)
    assert body(doc).splitlines() == BODY
    assert {"0 0", "가 가", "가가가"} <= {t for t, rule in removed(doc).items() if rule == "boilerplate.chrome"}


def test_sentences_glued_after_a_final_ending_are_spaced() -> None:
    assert clean_text("701.24에 마감했다.서울 외환시장에서") == "701.24에 마감했다. 서울 외환시장에서"
    assert clean_text("인사를 단행했습니다.연구정책국장에는") == "인사를 단행했습니다. 연구정책국장에는"
    # numbers, abbreviations and Latin stay as they are
    assert clean_text("2612.05에 마감했다. 지수는 3.5% 올랐다.") == "2612.05에 마감했다. 지수는 3.5% 올랐다."
    assert clean_text("www.donga.com에서") == "www.donga.com에서"


def test_writer_disclaimers_and_submission_notices_are_site_notices() -> None:
    notices = [
        "※ 외부 필자의 원고는 본보의 편집 방향과 다를 수 있습니다.",
        "※이 칼럼은 본지의 편집 방향과 다를 수 있습니다.",
        "※부고·인사·동정은 이메일(people@example.co.kr)로 보내 주시면 게재하겠습니다.",
    ]
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY, *notices)
    assert body(doc).splitlines() == BODY
    assert all(removed(doc)[n] == "boilerplate.policy" for n in notices)


def test_production_credits_separated_by_commas() -> None:
    credits = "(영상취재 : 김태훈, 영상편집 : 이승희, 디자인 : 박지원)"
    _, doc = norm("시, 버스 노선 12개→8개로 줄인다", *BODY, credits)
    assert body(doc).splitlines() == BODY
    assert removed(doc)[credits] == "boilerplate.production"
