"""A Korean site's copyright line in Latin letters (``ⓒ GARAM MARKET``) spelling the name the site
gives itself in Hangul above its menus (``가람마켓``): that name is the publisher (pass
``publisher``, :func:`bookmaker.korean.romanize.spells`)."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document
from bookmaker.korean.romanize import romanize, spells
from bookmaker.normalize import normalize_source

BODY = [
    "[가람리빙] 접이식 원목 빨래 건조대",
    "",
    "상품 상세정보",
    "",
    "원목으로 만든 접이식 건조대입니다. 베란다에 두고 쓰기 좋게 폭을 줄였고, 접으면 벽에 세워 둡니다.",
    "",
    "가벼운 오동나무를 써서 혼자서도 옮기기 쉽고, 표면은 물에 강한 오일로 마감했습니다.",
    "",
]


def _doc(tmp_path: Path, site: str, rights: str) -> Document:
    path = tmp_path / "product.txt"
    lines = [
        site,
        "카테고리 | 베스트 | 신상품 | 기획전",
        "로그인 | 회원가입 | 장바구니(0)",
        "",
        *BODY,
        rights,
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return normalize_source(path)


def test_romanize_follows_the_revised_romanization() -> None:
    assert romanize("마켓노을") == "maketnoeul"
    assert romanize("한국 ABC") == "hanguk ABC"


def test_a_latin_name_spells_its_hangul_name_loosely() -> None:
    assert spells("MARKET NOEUL", "마켓노을")  # an English r Korean does not sound
    assert spells("Garam Market", "가람마켓")
    assert not spells("NURI SOFT", "가람마켓")
    assert not spells("Market", "마켓노을")  # a part is not the name


def test_the_hangul_name_the_copyright_spells_is_the_publisher(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "가람마켓", "ⓒ GARAM MARKET. ALL RIGHTS RESERVED.")
    assert doc.meta.publisher == "가람마켓"


def test_a_top_line_the_copyright_does_not_spell_is_no_publisher(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "가람마켓", "ⓒ NURI SOFT CORP. ALL RIGHTS RESERVED.")
    assert doc.meta.publisher != "가람마켓"
