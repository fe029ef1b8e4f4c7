"""Failure kinds from held-out round 38 (a wire's 신간 item, an apartment portal's notice post, a
보도참고자료 with a Q&A part and a contact box of two offices), each on a small made-up input shaped like
the real ones."""

from __future__ import annotations

from tests.normalize.test_real_shapes import body, norm, removed

LONG = "정부는 내년 상반기 중 구체적인 지원책을 내놓을 계획이라고 이날 밝혔다. 업계의 기대도 크다."
LATER = "전문가들은 성과 주장을 그대로 받아들이기는 어렵다고 본다. 더 지켜봐야 한다는 지적이 나온다."


# --- a release's contact box as text lines, with a co-office's row ----------------------------------


def test_a_co_offices_contact_row_goes_with_the_box() -> None:
    row = "<공동> 국토교통부 주택정책과   책임자 과  장 정○○ (044-201-0000)"
    _, doc = norm(
        "보도자료",
        "전세 사기 피해 지원 확대",
        LONG,
        LATER,
        "담당 부서 기획재정부 부동산정책과   책임자 과  장 한○○ (044-215-0000)",
        row,
    )
    assert "044-201" not in body(doc)
    assert removed(doc).get(row) == "boilerplate.release"


def test_a_contact_line_names_the_issuer_when_nothing_else_does() -> None:
    _, doc = norm(
        "보도참고자료",
        "전세 사기 피해 지원 확대",
        LONG,
        LATER,
        "담당 부서 기획재정부 부동산정책과   책임자 과  장 한○○ (044-215-0000)",
    )
    assert doc.meta.publisher == "기획재정부"


def test_a_sentence_naming_a_joint_effort_stays() -> None:
    said = "<공동> 표기는 두 부처가 함께 냈다는 뜻이라고 담당자는 설명했다."
    _, doc = norm("공동 발표의 뜻", LONG, said, LATER)
    assert "두 부처가 함께" in body(doc)
