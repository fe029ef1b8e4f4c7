"""Failure kinds from held-out round 37 (news HTML pages: a radio interview's transcript, a foreign
broadcaster's Korean service, a byline given only in meta with a reporter card, social embeds), each on a
small made-up input shaped like the real ones."""

from __future__ import annotations

from tests.normalize.test_real_shapes import body, norm, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


# --- a broadcast interview's note on quoting it ----------------------------------------------------


def test_a_programs_note_on_quoting_the_interview_goes() -> None:
    notes = [
        "※ 인터뷰를 인용보도할 때는 프로그램명 'CBS라디오 <김현정의 뉴스쇼>'를 정확히 밝혀주시기 바랍니다. "
        "저작권은 CBS에 있습니다.",
        "※ 이 내용을 인용 보도할 경우 YTN라디오 <뉴스파이팅>임을 밝혀주시기 바랍니다.",
        "[인터뷰 인용 시 'MBC라디오 <시선집중>'을 출처로 밝혀주시기 바랍니다]",
    ]
    for note in notes:
        _, doc = norm("난방비 대책 인터뷰", LONG, "", note, "", LATER)
        assert note[:12] not in body(doc), note
        assert removed(doc).get(note, "").startswith("boilerplate"), note


def test_a_sentence_about_quoting_sources_stays() -> None:
    said = "그는 “논문을 인용할 때는 출처를 밝혀주는 게 연구자의 기본”이라고 말했다."
    _, doc = norm("연구 윤리 강화", LONG, "", said, "", LATER)
    assert "논문을 인용할 때는" in body(doc)


# --- a footer's copyright followed by the site's disclaimer of outside links -------------------------


def test_a_disclaimer_of_outside_links_is_no_part_of_the_rights() -> None:
    from bookmaker.normalize.passes.copyright_lines import rights_text

    korean = (
        "© 2026 BBC. BBC는 외부 사이트 내용에 대한 책임을 지지 않습니다. "
        "외부 링크에 대한 BBC의 접근 방식 읽어보기"
    )
    assert rights_text(korean) == "© 2026 BBC."
    english = (
        "© 2026 BBC. The BBC is not responsible for the content of external sites. Read about our approach."
    )
    assert rights_text(english) == "© 2026 BBC."
    plain = "Copyright © 한빛일보. All rights reserved."
    assert rights_text(plain) == plain


# --- a program's production team credited for a transcript ------------------------------------------


def test_a_programs_production_team_is_the_byline() -> None:
    from bookmaker.ir import Author
    from bookmaker.normalize.passes.bylines import parse_byline
    from bookmaker.normalize.rules import load_rules

    rules = load_rules()
    team = Author(name="김현정의 뉴스쇼 제작진", role=None)
    assert parse_byline(rules, "CBS 김현정의 뉴스쇼 제작진") == [team]
    assert parse_byline(rules, "김현정의 뉴스쇼 제작진") == [team]
    assert parse_byline(rules, "제작진") is None
    assert parse_byline(rules, "이 영화의 제작진은 모두 20대였다.") is None
