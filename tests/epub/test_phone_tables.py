"""Tables on a phone's page: an address in a cell marks where it may break; a table too wide with
its words whole is ``wide`` (set smaller), one still too wide so also ``breaking`` (its words may
break), and one that fits is neither."""

from __future__ import annotations

from bookmaker.ir import Cell, Row, Table, text_runs
from bookmaker.korean.eojeol import keep_words, pieces
from bookmaker.layout.phone_table import PHONE_EM, min_width_em, phone_fit


def _table(*rows: tuple[str, ...]) -> Table:
    return Table(body=[Row(cells=[Cell(content=text_runs(text)) for text in row]) for row in rows])


def test_an_address_breaks_after_at_and_slash_and_before_a_dot() -> None:
    assert keep_words("harin.jung@garam.ac.kr") == "harin<wbr/>.jung@<wbr/>garam<wbr/>.ac<wbr/>.kr"
    url = "https://www.garam.ac.kr/pub/syllabus?id=3"
    assert keep_words(url).split("<wbr/>") == [
        "https://", "www", ".garam", ".ac", ".kr/", "pub/", "syllabus", "?id=3",
    ]  # fmt: skip
    assert pieces(url) == keep_words(url).split("<wbr/>")


def test_numbers_short_tokens_and_korean_words_get_no_breaks() -> None:
    for text in ("3.1415926535897", "2026.12.07.", "e.g.", "v1.2", "연락처는 hong@ex.com 입니다"):
        assert "<wbr/>" not in keep_words(text), text
    assert keep_words("www.korea.kr에서") == '<span class="eojeol">www.korea.kr에서</span>'


def test_a_table_that_fits_keeps_its_words_whole() -> None:
    table = _table(("구분", "2025년", "2026년"), ("수출액", "1,204", "1,380"))
    assert min_width_em(table) < PHONE_EM and phone_fit(table) == ""


def test_a_table_a_little_too_wide_is_set_smaller_with_its_words_whole() -> None:
    row = ("교과목명", "출판과 편집의 이해", "학수번호", "PUB2031-01")
    table = _table(row, ("이메일", "harin.jung@garam.ac.kr", "누리집", "https://www.garam.ac.kr/pub"))
    assert phone_fit(table) == "wide"


def test_a_table_of_many_long_words_may_break_them() -> None:
    row = ("연금개혁특별위원회", "기획재정위원회", "예산결산특별위원회", "정무위원회")
    assert phone_fit(_table(row, row)) == "wide breaking"


def test_a_spanning_cell_does_not_widen_its_first_column() -> None:
    narrow = _table(("가", "나"), ("다", "라"))
    spanning = Table(
        body=[Row(cells=[Cell(content=text_runs("아주 긴 제목 셀입니다"), colspan=2)]), *narrow.body]
    )
    assert min_width_em(spanning) == min_width_em(narrow)
