"""Inputs whose cost grew with the square of their lines in the normalizer's mechanics: thousands of
short unpunctuated lines that ``reflow`` joins into one growing paragraph (each join read the whole
paragraph's end and searched the whole text for the words at the cut), thousands of boilerplate lines
each dropped from the body by a new list, and a printed report of thousands of pages whose every
page number re-read the whole text above it. Each is read through the CLI under
:func:`~tests.security.hostile.run_bounded`'s CPU cap, which turns a regression into a failure; no
test asserts how long anything takes (bench/round15_growing.md and bench/quadratic_pages.md have
the numbers)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.security.hostile import run_bounded

LINES = 19_990  # under the default limit of 20,000 lines
COUNTER = "글자수 472자 / 500자 (공백 포함)"
PROSE = "오늘 시내 곳곳에서 행사가 열렸고 많은 시민이 참여해 자리를 빛냈다."


def _normalize(folder: Path, lines: list[str]) -> dict[str, object]:
    path = folder / "long.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_bounded("normalize", path, "--format", "json")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    doc = json.loads(proc.stdout)
    assert isinstance(doc, dict)
    return doc


def _texts(doc: dict[str, object]) -> list[str]:
    blocks = doc["blocks"]
    assert isinstance(blocks, list)
    return ["".join(run.get("value", "") for run in b.get("content", [])) for b in blocks]


def test_thousands_of_short_unpunctuated_lines_join_into_one_paragraph(tmp_path: Path) -> None:
    lines = ["제목입니다", "", *(f"항목 {i:05d} 내용이 이어지는 줄" for i in range(LINES))]
    texts = _texts(_normalize(tmp_path, lines))
    assert len(texts) == 1  # one wrapped paragraph: every line continues the one above
    assert texts[0].startswith("항목 00000 내용이 이어지는 줄 항목 00001")
    assert texts[0].endswith(f"항목 {LINES - 1:05d} 내용이 이어지는 줄")


def test_a_fixed_column_text_cut_inside_words_joins_without_searching_the_text_per_cut(
    tmp_path: Path,
) -> None:
    # every line fills the same 24 columns and ends inside a word (the cut between two syllables)
    lines = ["제목입니다", "", *(f"가나다라마 {i:05d}번째 단락을 이어 쓰는중" for i in range(LINES))]
    texts = _texts(_normalize(tmp_path, lines))
    assert len(texts) == 1 and texts[0].count("가나다라마") == LINES


def test_thousands_of_counter_lines_are_each_dropped_in_source_order(tmp_path: Path) -> None:
    lines = ["제목입니다", "", *(COUNTER if i % 6 == 0 else f"{PROSE} {i}" for i in range(LINES))]
    doc = _normalize(tmp_path, lines)
    removed = doc["removed"]
    assert isinstance(removed, list)
    counters = [r for r in removed if r["text"] == COUNTER]
    assert [r["line"] for r in counters] == [i + 3 for i in range(0, LINES, 6)]
    assert {r["rule"] for r in counters} == {"boilerplate.chrome"}
    assert not any(COUNTER in text for text in _texts(doc))


def test_a_long_laugh_before_a_stray_mark_reads(tmp_path: Path) -> None:
    # "다" + 40 ㅋ + ")": the chat ending's pattern tried every split of the run (54 s; 60 never ends)
    doc = _normalize(tmp_path, ["제목입니다", "", f"정말 재미있었다{'ㅋ' * 5000})", "", PROSE])
    assert any(text.endswith(")") for text in _texts(doc))


def test_a_printed_report_of_thousands_of_pages_loses_each_pages_furniture(tmp_path: Path) -> None:
    # each page: a paragraph cut by the page break, the page number, the running header again
    lines = ["국토 정책 브리프", ""]
    page = 0
    while len(lines) < LINES - 5:
        page += 1
        lines += [f"제{page}절은 도시의 교통과 주거 문제를 다루며 그 결과를", f"{page}쪽에서 정리했다.", ""]
        lines += [f"- {page} -", "국토 정책 브리프"]
    doc = _normalize(tmp_path, lines)
    removed = doc["removed"]
    assert isinstance(removed, list)
    rules = [r["rule"] for r in removed]
    assert rules.count("pages.number") == page and rules.count("pages.header") == page
    texts = _texts(doc)
    assert "국토 정책 브리프" not in texts  # the first page's header names the series; no copy stays
    assert texts[:2] == [
        f"제{n}절은 도시의 교통과 주거 문제를 다루며 그 결과를 {n}쪽에서 정리했다." for n in (1, 2)
    ]
    assert len(texts) == page


def test_a_text_of_nothing_but_running_headers_and_page_numbers_reads(tmp_path: Path) -> None:
    # the first header goes to the series, and the next page's copy finds the body empty above it
    doc = _normalize(tmp_path, ["국토 정책 브리프", "- 1 -", "국토 정책 브리프", "- 2 -", "국토 정책 브리프"])
    removed = doc["removed"]
    assert isinstance(removed, list)
    assert [r["rule"] for r in removed] == ["pages.number", "pages.header"] * 2
    meta = doc["meta"]
    assert isinstance(meta, dict) and meta["series"] == ["국토 정책 브리프"]
