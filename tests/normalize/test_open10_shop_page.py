"""A shop's product page scraped as plain text in blank-line groups: the options between the order
box's interface lines and a review's sentence between its stars line and its ``도움돼요`` line are
interface too (pass ``title``, :mod:`~bookmaker.normalize.passes.enclosed`); the first line past
the order box is no deck and may head the text; a line opening its group over a list heads the list
(pass ``structure``)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Heading, Paragraph, inlines_of, runs, walk
from bookmaker.normalize import normalize_source

HEAD = "[가람리빙] 접이식 원목 빨래 건조대 (2색)"
ORDER = [
    "상품번호 : 3301245567",
    "★★★★☆ 4.4 (리뷰 512)",
    "정가 59,000원",
    "할인가 47,200원 (20% 할인)",
    "배송비 3,000원 (30,000원 이상 구매 시 무료)",
    "옵션 선택",
    "색상 : [필수] 색상을 선택해 주세요",
    "- 내추럴 오크",
    "- 월넛 브라운",
    "수량 - 1 +",
    "총 상품금액 47,200원",
    "장바구니",
    "바로구매",
]
DETAIL = [
    "상품 상세정보",
    "좁은 베란다에도 들어가는 접이식 원목 건조대입니다.",
    "자작나무 합판에 오일 마감을 해 습기에 강하고, 접으면 두께가 6cm라 틈새에 세워 둘 수 있습니다.",
]
DELIVERY = [
    "배송 안내",
    "- 평일 오후 2시 이전 결제 시 당일 출고됩니다.",
    "- 제주 및 도서산간 지역은 추가 배송비가 붙습니다.",
]
REVIEWS = [
    "상품 리뷰 (512)",
    "★★★★★ gar***** 2026.11.30",
    "빨래가 잘 마르고 튼튼해요. 생각보다 가벼워서 옮기기도 쉬워요.",
    "도움돼요 9",
    "리뷰 더보기",
]


def _doc(tmp_path: Path, *groups: list[str]) -> Document:
    path = tmp_path / "product.txt"
    text = "\n\n".join(
        "\n".join(group) for group in [["가람마켓", "로그인 | 회원가입 | 장바구니(0)"], *groups]
    )
    path.write_text(text + "\n", "utf-8")
    return normalize_source(path)


def _texts(doc: Document, kind: type[Heading] | type[Paragraph]) -> list[str]:
    return [
        "".join(getattr(r, "value", "") for seq in inlines_of(b) for r in runs(seq))
        for b in walk(doc.blocks)
        if isinstance(b, kind)
    ]


def test_the_order_box_s_options_and_a_review_s_text_are_interface(tmp_path: Path) -> None:
    doc = _doc(tmp_path, [HEAD, *ORDER], DETAIL, REVIEWS)
    body = " ".join(_texts(doc, Paragraph) + _texts(doc, Heading))
    assert "내추럴 오크" not in body and "월넛" not in body
    assert "빨래가 잘 마르고" not in body
    assert "접이식 원목 건조대입니다" in body
    reasons = {r.text: r.rule for r in doc.removed}
    assert reasons["- 내추럴 오크"] == "boilerplate.chrome"
    assert reasons["빨래가 잘 마르고 튼튼해요. 생각보다 가벼워서 옮기기도 쉬워요."] == "boilerplate.chrome"


def test_the_first_line_past_the_order_box_is_no_deck_and_heads_the_text(tmp_path: Path) -> None:
    doc = _doc(tmp_path, [HEAD, *ORDER], DETAIL)
    assert doc.meta.subtitles == []
    assert _texts(doc, Heading) == ["상품 상세정보"]


def test_a_line_opening_its_group_over_a_list_heads_it(tmp_path: Path) -> None:
    doc = _doc(tmp_path, [HEAD, *ORDER], DETAIL, DELIVERY)
    assert "배송 안내" in _texts(doc, Heading)


def test_a_deck_right_under_the_title_stays_a_deck(tmp_path: Path) -> None:
    deck = "좁은 베란다에 꼭 맞는 건조대"
    doc = _doc(tmp_path, [HEAD, deck, *ORDER], DETAIL)
    assert doc.meta.subtitles == [deck]


def test_a_sentence_between_two_interface_lines_in_running_text_stays(tmp_path: Path) -> None:
    text = [
        "건조대를 고를 때는 먼저 놓을 자리의 폭을 재 보는 것이 좋습니다.",
        "장바구니",
        "원목은 습기에 약하니 오일 마감이 된 제품을 고르세요. 마감이 없으면 곰팡이가 생깁니다.",
        "바로구매",
        "접는 방식도 살펴보세요. 한 번에 접히는 제품이 쓰기 편합니다.",
    ]
    doc = _doc(tmp_path, [HEAD], text)
    assert any("오일 마감이 된 제품" in p for p in _texts(doc, Paragraph))
