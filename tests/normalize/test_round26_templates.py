"""Failure kinds from held-out round 26 (news-site templates: a regional MBC VOD page with ◀ ▶
production labels, a weekly's caption credited to a 선임기자, an English edition's capitalised
agency credit), each on a small made-up input shaped like the real ones."""

from __future__ import annotations

from bookmaker.ir import Figure, Heading
from tests.normalize.test_real_shapes import body, norm, removed

TITLE = "폐교 활용 계획 10년째 제자리…빈 학교 37곳"


def test_mbc_arrow_labels_are_production_markup() -> None:
    _, doc = norm(
        TITLE,
        "◀ 앵커 ▶",
        "문을 닫은 학교 37곳이 10년 넘게 빈 채로 남아 있습니다.",
        "◀ 리포트 ▶",
        "충남 공주시의 한 초등학교 분교입니다.",
        "◀ SYNC ▶ 마을 주민",
        '"말은 많았는데 아무것도 안 됐어요."',
        "◀ INT ▶ 이정호 / 충남교육청 재산관리팀장",
        '"리모델링 비용이 더 나옵니다."',
        "◀ st-up ▶",
        "폐교 한 곳을 관리하는 데 해마다 1천만 원이 듭니다.",
        "MBC뉴스 김태윤입니다.",
    )
    texts = [b.text for b in doc.blocks]
    assert "마을 주민" in texts and "이정호 / 충남교육청 재산관리팀장" in texts
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert "◀" not in body(doc) and "▶" not in body(doc)
    gone = removed(doc)
    assert gone["◀ SYNC ▶"] == gone["◀ INT ▶"] == "roles.sound_bite_label"
    assert gone["◀ st-up ▶"] == "boilerplate.speaker"


def test_arrow_promo_still_split_off() -> None:
    _, doc = norm(TITLE, "폐교 37곳이 빈 채로 남아 있다. ▶ 폐교 활용 공모, 3년째 응모 0건")
    assert "응모 0건" not in body(doc)  # a promo arrow glued after a sentence: no ◀ label open


def test_line_ending_in_comma_is_no_deck() -> None:
    _, doc = norm(
        TITLE,
        "학생이 없어 문을 닫은 학교를 주민 시설로 바꾸겠다는 계획이 곳곳에서 나왔지만,",
        "대전과 충남에서만 37곳이 10년 넘게 빈 채로 남아 있습니다.",
    )
    assert doc.meta.subtitles == []
    assert body(doc).startswith("학생이 없어")


def test_caption_credit_with_rank_and_capital_agency() -> None:
    _, doc = norm(
        TITLE,
        "경기 고양시의 한 요양원에서 요양보호사가 입소자의 식사를 돕고 있다. 정지윤 선임기자",
        "요양보호사 자격증을 딴 사람은 280만 명을 넘었다. 그러나 현장에는 60만 명뿐이다.",
        "Taxis wait for passengers near Gangnam Station on Thursday night. [NEWS1]",
        "The city will review the results after six months and decide whether to extend the rate.",
    )
    credits = [b.credit for b in doc.blocks if isinstance(b, Figure)]
    assert credits == ["정지윤 선임기자", "NEWS1"]
