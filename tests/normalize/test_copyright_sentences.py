"""A body sentence that mentions a licence or a copyright holder, told in the past as news is, stays
in the text; a notice (present, polite, or marked ⓒ) is still the page's rights."""

from __future__ import annotations

from tests.normalize.test_real_shapes import norm, removed

SENTENCES = [
    "새 기준은 크리에이티브 커먼즈(CC BY) 라이선스와 호환되도록 설계됐다고 문체부는 설명했다.",
    "음원 저작권자들은 플랫폼의 정산 방식에 반발했다.",
]


def test_a_reported_sentence_naming_a_licence_or_a_holder_stays_in_the_text() -> None:
    _, doc = norm(
        "공공저작물 개방 확대",
        "정부가 공공저작물 개방을 확대한다.",
        *SENTENCES,
        "업계는 환영했다.",
        "ⓒ 한빛일보. 무단전재 및 재배포 금지",
    )
    texts = [block.text for block in doc.blocks]
    assert all(sentence in texts for sentence in SENTENCES)
    assert doc.meta.rights == "ⓒ 한빛일보. 무단전재 및 재배포 금지"


def test_licence_notices_are_still_rights() -> None:
    notice = "이 저작물은 CC BY-NC-SA 2.0 KR에 따라 이용할 수 있습니다."
    _, doc = norm("공공저작물 개방 확대", "정부가 공공저작물 개방을 확대한다.", "업계는 환영했다.", notice)
    assert doc.meta.rights == notice
    assert removed(doc)[notice] == "boilerplate.copyright"
