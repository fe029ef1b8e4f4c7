"""Inputs shaped for the paths added in round 11 whose cost grew faster than their size: Obsidian's
code spans and link lists, drawn tables, chart dumps. Each is read through the CLI under
:func:`~tests.security.hostile.run_bounded`'s CPU cap, which turns a regression into a failure (a
backtick run of 1,000 before 190,000 letters took hours, 30 links in a backlinks item forever); no
test asserts how long anything takes (bench/round11_inputs.md has the numbers)."""

from __future__ import annotations

import json
from pathlib import Path

from bookmaker.readers.obsidian import desugar
from bookmaker.readers.text import SourceLine, find_tables
from tests.security.hostile import BODY, assert_one_error, run_bounded


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unclosed_backtick_run_before_a_long_line_reads(tmp_path: Path) -> None:
    text = f"# 제목입니다\n\n{BODY}\nx {'`' * 1000}{'a' * 4000} [[노트|보인 글]]\n"
    proc = run_bounded("normalize", _write(tmp_path, "note.md", text * 1), "--max-word-chars", "10000")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    long = f"# 제목입니다\n\n{BODY}\nx {'`' * 1000}{'a ' * 95_000}\n"
    proc = run_bounded("normalize", _write(tmp_path, "long.md", long))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]


def test_code_spans_close_at_a_run_of_as_many_backticks() -> None:
    text, _ = desugar("`[[a]]` ``[[b]]`c`` ```[[c]]`` [[d]]\n")
    assert text == "`[[a]]` ``[[b]]`c`` ```c`` d\n"


def test_a_backlinks_item_of_many_links_followed_by_text_reads(tmp_path: Path) -> None:
    text = f"# 제목입니다\n\n{BODY}\n## Backlinks\n\n- {'[[노트]]  ' * 30}끝\n"
    proc = run_bounded("normalize", _write(tmp_path, "note.md", text))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "노트 노트" in json.dumps(json.loads(proc.stdout)["blocks"], ensure_ascii=False)


def test_the_last_backlinks_section_is_removed_and_an_earlier_one_kept() -> None:
    text = "# 제목\n\n## Backlinks\n\n- [[a]]\n\n본문\n\n## Backlinks\n\n- [[b]], [[c]]\n- [[d]]\n"
    out, removed = desugar(text)
    assert [r.line for r in removed] == [9, 11, 12]
    assert "- [[a]]" not in out and "a" in out.split("\n")[4] and "본문" in out


def test_a_line_over_the_limit_is_refused_before_obsidian_reads_it(tmp_path: Path) -> None:
    text = f"# 제목입니다\n\n{BODY}\nx {'`' * 3000}{'a' * 300_000}\n"
    proc = run_bounded("normalize", _write(tmp_path, "note.md", text))
    assert_one_error(proc, 2, "note.md", "line 7", "character limit")


def _lines(texts: list[str]) -> list[SourceLine]:
    return [SourceLine(text, number) for number, text in enumerate(texts, start=1)]


def test_a_drawn_table_after_rules_over_rows_of_another_width_is_found() -> None:
    rows = ["├──┼──┤", "│ a │ b │ c │", "├──┼──┤", "│ 1 │ 2 │", "├──┼──┤", "│ 3 │ 4 │", "└──┴──┘"]
    found = find_tables(_lines(["┌──┬──┐", *rows, "본문입니다."]))
    assert [line.kind for line in found] == [None, None, None, "table", None]
    assert [line.line for line in found] == [1, 2, 3, 4, 9]
    table = found[3].block
    assert table is not None and table.lines == [4, 8] and "3" in table.text


def test_many_rules_over_rows_of_two_widths_read(tmp_path: Path) -> None:
    rows = "\n".join("├──┼──┤\n" + ("│ a │ b │" if i % 2 else "│ a │ b │ c │") for i in range(9000))
    text = f"제목입니다\n\n{BODY}\n{rows}\n│ a │ b │ c │\n"
    proc = run_bounded("normalize", _write(tmp_path, "box.txt", text), "--format", "text")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]


def test_label_and_number_pairs_without_a_unit_note_read(tmp_path: Path) -> None:
    pairs = "\n".join(f"라벨{i}\n{i}" for i in range(9000))
    text = f"제목입니다\n\n{BODY}\n{pairs}\n"
    proc = run_bounded("normalize", _write(tmp_path, "pairs.txt", text), "--format", "text")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]


def _numbered(folder: Path, start: int) -> Path:
    doc = {
        "ir_version": "2.0",
        "meta": {"title": "제목입니다", "language": "ko"},
        "blocks": [
            {"type": "paragraph", "content": [{"type": "text", "value": BODY.split("\n")[0]}]},
            {
                "type": "list",
                "ordered": True,
                "style": "hangul-jamo",
                "start": start,
                "items": [
                    {"blocks": [{"type": "paragraph", "content": [{"type": "text", "value": "항목"}]}]}
                ],
            },
        ],
    }
    return _write(folder, "doc.json", json.dumps(doc, ensure_ascii=False))


def test_a_list_starting_past_nine_digits_is_refused(tmp_path: Path) -> None:
    proc = run_bounded("build", _numbered(tmp_path, 10**30), "-o", tmp_path / "out", "--to", "epub")
    assert_one_error(proc, 2, "doc.json", "start", "999999999")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    proc = run_bounded("build", _numbered(tmp_path, 999_999_999), "-o", tmp_path / "ok", "--to", "epub")
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_many_tabbed_header_rows_that_make_no_table_read(tmp_path: Path) -> None:
    rows = "\n".join("현 행\t개 정 안" for _ in range(9000))
    text = f"제목입니다\n\n{BODY}\n{rows}\n"
    proc = run_bounded("normalize", _write(tmp_path, "tabs.txt", text), "--format", "text")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]


def test_a_run_of_tabbed_rows_is_a_table_from_its_first_numbered_start() -> None:
    texts = ["이름\t설명", "가\t나", "다\t라", "마\t바", "항목\t12", "항목\t13"]
    found = find_tables(_lines(texts))
    assert [line.kind for line in found] == [None, "table"]
    assert found[1].line == 2 and found[1].block is not None and found[1].block.lines == [2, 6]


def test_an_faq_of_thousands_of_questions_reads(tmp_path: Path) -> None:
    """4,000 accordion questions in one box: each box title looked at all its siblings' text, and each
    toggle searched the page for its panel's id (2,000 questions took 115 s, 8,000 over five
    minutes); both are now read once."""
    items = "".join(
        f'<h3><button aria-controls="p{n}" aria-expanded="false">질문 {n} 무엇인가요 정말로</button></h3>'
        f'<div id="p{n}" hidden><p>답변 {n} 입니다. 이것은 답변의 문장입니다.</p></div>'
        for n in range(4000)
    )
    page = f"<html><body><article><h1>자주 묻는 질문</h1>{items}</article></body></html>"
    proc = run_bounded("normalize", _write(tmp_path, "faq.html", page))
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = json.dumps(json.loads(proc.stdout)["blocks"], ensure_ascii=False)
    assert "답변 3999 입니다" in text and "질문 3999 무엇인가요" in text


def test_a_long_line_after_a_table_is_named_by_its_source_line(tmp_path: Path) -> None:
    rows = "\n".join("\t".join(f"{row}{col}" for col in "가나다") for row in range(4))
    text = f"제목입니다\n\n{rows}\n\n{BODY}\n\n{'x' * 210_000}\n"
    number = text.count("\n")  # the long line is the last one
    proc = run_bounded("normalize", _write(tmp_path, "tabbed.txt", text))
    assert_one_error(proc, 2, "tabbed.txt", f"line {number} has 210000 characters", "character limit")


def test_a_table_too_big_is_refused_as_a_table_not_as_a_long_line(tmp_path: Path) -> None:
    rows = "\n".join(f"항목{row}\t{row * 3}\t{row * 4}\t{row}%" for row in range(8000))
    text = f"제목입니다\n\n구분\t2024년\t2025년\t증감\n{rows}\n\n{BODY}\n"
    proc = run_bounded("normalize", _write(tmp_path, "big.txt", text))
    assert_one_error(proc, 2, "big.txt", "line 3: a table has more than 5000 cells")
