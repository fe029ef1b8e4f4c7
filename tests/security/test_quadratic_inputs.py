"""Inputs small enough for every limit whose cost grew with the square of one of their parts (the
second hostile round): a long word a header pattern searched, a few cells spanning a huge grid.
Each is read (or refused) through the CLI under :func:`~tests.security.hostile.run_bounded`'s
CPU cap, which turns a regression into a failure; no test asserts how long anything takes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookmaker.ir import Cell, Row, Table, Text
from bookmaker.limits import table_cells
from tests.security.hostile import BODY, assert_one_error, outputs, run_bounded

PARAGRAPHS = "".join(f"<p>{line}</p>" for line in BODY.split("\n") if line)


def _page(folder: Path, body: str, title: str = "제목입니다") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "page.html"
    page.write_text(
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>제목입니다</h1>{PARAGRAPHS}{body}</article></body></html>",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("가" * 190_000, ""),  # the e-mail pattern was tried at each of its characters
        ("제목", f"<p>{'a' * 190_000}</p>"),
        ("제목", f"<p>{' ' * 190_000}by</p>"),  # "\s*by" was tried at each space
    ],
    ids=["hangul-title", "latin-word", "spaces"],
)
def test_a_long_word_or_run_of_spaces_reads_without_quadratic_header_searches(
    tmp_path: Path, title: str, body: str
) -> None:
    proc = run_bounded("normalize", _page(tmp_path, body, title), "--format", "text")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("<div class='cover'><h1>제목입니다</h1><span>by</span> <a><span>한결</span></a></div>", "한결"),
        ("<h1>제목입니다</h1><div><a>정민혁 기자</a> jmh@kookje.co.kr</div>", "정민혁"),
    ],
    ids=["by-label", "mailed"],
)
def test_the_by_label_and_a_mailed_byline_are_still_found(tmp_path: Path, byline: str, name: str) -> None:
    page = tmp_path / "post.html"
    page.write_text(
        f"<html><head><title>제목입니다</title></head><body>{byline}<article>{PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    proc = run_bounded("normalize", page)
    assert proc.returncode == 0, proc.stderr
    authors = json.loads(proc.stdout)["meta"]["authors"]
    assert any(name in author["name"] for author in authors), authors


def _spanning(rows: int, colspan: int, rowspan: int) -> Table:
    cell = Cell(content=[Text("x")], colspan=colspan, rowspan=rowspan)
    return Table(head=[], body=[Row(cells=[cell]) for _ in range(rows)])


def test_a_spanning_cell_counts_every_cell_it_covers() -> None:
    assert table_cells(_spanning(3, 1, 1)) == 3
    assert table_cells(_spanning(1, 4, 1)) == 4
    assert table_cells(_spanning(2, 2, 5)) == 2 * 2 + 2 * 1  # rows cut at the table's end
    assert table_cells(_spanning(1, 10**30, 1)) == 10**30


def test_few_cells_spanning_a_huge_grid_are_over_the_cell_limit(tmp_path: Path) -> None:
    rows = "<tr><td colspan=1000 rowspan=1000>x</td></tr>" * 50
    table = f"<table><thead><tr><th>구분</th><th>인원</th></tr></thead><tbody>{rows}</tbody></table>"
    page = _page(tmp_path / "in", table)
    proc = run_bounded("build", page, "-o", tmp_path / "out", "--to", "pdf")
    assert_one_error(proc, 2, "page.html", "a table has more than 5000 cells", "--max-table-cells")
    assert outputs(tmp_path / "out") == []


def test_an_ir_json_colspan_past_any_index_is_an_input_error(tmp_path: Path) -> None:
    doc = {
        "meta": {"title": "제목"},
        "blocks": [
            {"type": "paragraph", "text": "본문입니다. 충분히 긴 문장입니다."},
            {
                "type": "table",
                "head": [],
                "body": [{"cells": [{"content": [{"type": "text", "value": "x"}], "colspan": 10**30}]}],
            },
        ],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    proc = run_bounded("build", path, "-o", tmp_path / "out", "--to", "pdf")
    assert_one_error(proc, 2, "doc.json", "a table has more than 5000 cells")


# ---- a title or heading WeasyPrint would wrap (its cost grows with the square of its length)


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("title", "the title has 1,001 characters"),
        ("subtitles", "a subtitle has 1,001 characters"),
        ("heading", "a heading has 1,001 characters"),
    ],
)
def test_an_ir_json_title_or_heading_over_the_limit_is_refused(tmp_path: Path, where: str, said: str) -> None:
    long = "가" * 1001
    meta: dict[str, object] = {"title": long if where == "title" else "제목"}
    blocks: list[dict[str, object]] = [{"type": "paragraph", "text": "본문입니다. 충분히 긴 문장입니다."}]
    if where == "subtitles":
        meta["subtitles"] = [long]
    if where == "heading":
        blocks.append({"type": "heading", "level": 2, "text": long})
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"meta": meta, "blocks": blocks}), encoding="utf-8")
    proc = run_bounded("build", path, "-o", tmp_path / "out")
    assert_one_error(proc, 2, "doc.json", said, "--max-title-chars")
    assert outputs(tmp_path / "out") == []


def test_a_page_headline_over_the_limit_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>t</title></head><body><article><h1>{'나' * 1200}</h1>"
        f"{PARAGRAPHS}</article></body></html>",
        encoding="utf-8",
    )
    proc = run_bounded("normalize", page)
    assert_one_error(proc, 2, "page.html", "the title has 1,200 characters", "BOOKMAKER_MAX_TITLE_CHARS")
    proc = run_bounded("normalize", page, env={"BOOKMAKER_MAX_TITLE_CHARS": "1200"})
    assert proc.returncode == 0, proc.stderr
