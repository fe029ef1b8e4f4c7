"""What a PDF piece holds is measured by what it costs WeasyPrint, not by characters alone: each run of
Latin letters or digits is a box of its own (bench/layout_cost.md: 950,000 characters of two-letter
words died after 3.6 GB). A block too costly for one piece, or a book too costly for a PDF in one
piece, is refused before any layout; a costly book is cut into more chunks."""

from __future__ import annotations

import random
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bookmaker.book import Book
from bookmaker.chunked.plan import plan_chunks
from bookmaker.errors import InputError
from bookmaker.ir import Document, Meta, Paragraph, Text
from bookmaker.korean.linebreak import UNTRACKED, _path_cuts
from bookmaker.limits import LATIN_RUN, RUN_COST, Limits, layout_cost
from tests.security.hostile import article, assert_one_error, outputs, run_bounded


@contextmanager
def cpu_guard(seconds: int) -> Iterator[None]:
    """Fail the test after ``seconds`` of CPU time (a regression hangs no run)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"over {seconds} s of CPU")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _words(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(2)) for _ in range(count))


def _doc(*paragraphs: str) -> Document:
    blocks = [Paragraph(content=[Text(value=text)], lines=[3 + 2 * n]) for n, text in enumerate(paragraphs)]
    return Document(meta=Meta(title="제목"), blocks=blocks)


def test_the_cost_counts_the_boxes_the_print_line_draws() -> None:
    assert LATIN_RUN.pattern == UNTRACKED.pattern  # the runs print_layout puts in span.nt
    assert layout_cost("가나다 라마바") == 7
    assert layout_cost("ab cd 2024년") == 11 + 3 * RUN_COST


def test_latin_words_are_cut_into_more_chunks_than_hangul_of_as_many_characters() -> None:
    latin = [_words(500, seed) for seed in range(20)]  # 20 paragraphs of 1,499 characters
    hangul = ["가" * len(text) for text in latin]
    assert len(plan_chunks(Book.of(_doc(*hangul)), 40_000)) == 1
    assert len(plan_chunks(Book.of(_doc(*latin)), 40_000)) >= 4


def test_a_block_no_piece_can_hold_is_refused_with_its_line() -> None:
    doc = _doc("짧은 문단", _words(700))  # 2,099 characters (within 3,000), 700 runs
    with pytest.raises(InputError) as caught:
        Limits(max_chars=3000).check_layout(doc.blocks, "a.txt", whole=False)
    message = str(caught.value)
    assert message.startswith("a.txt: line 5: one paragraph lays out as")
    assert "700 runs of Latin letters or digits" in message and "--max-chars" in message


def test_blocks_together_count_only_for_a_pdf_in_one_piece() -> None:
    doc = _doc(*(_words(300, seed) for seed in range(4)))  # each ~5,700, together ~22,800
    Limits(max_chars=10_000).check_layout(doc.blocks, "a.txt", whole=False)
    with pytest.raises(InputError, match=r"^a\.txt: the text lays out as [\d,]+ characters would, over"):
        Limits(max_chars=10_000).check_layout(doc.blocks, "a.txt", whole=True)


def test_cli_refuses_a_costly_paragraph_and_a_costly_one_piece_pdf(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("제목입니다\n\n" + _words(3000) + "\n\n" + _words(10, 2) + "\n", encoding="utf-8")
    small = ("--max-chars", "20000", "--to", "pdf")
    proc = run_bounded("build", source, "-o", tmp_path / "out", *small)
    line = assert_one_error(proc, 2, "words.txt: line 3: one paragraph", "3,000 runs", "--max-chars")
    assert re.search(r"lays out as 5[\d,]+ characters", line), line
    source.write_text(
        "제목입니다\n\n" + "\n\n".join(_words(300, seed) for seed in range(6)) + "\n", encoding="utf-8"
    )
    proc = run_bounded("build", source, "-o", tmp_path / "out", *small, "--jobs", "0")
    assert_one_error(proc, 2, "words.txt: the text lays out as", "in one piece (--jobs 0")
    assert outputs(tmp_path / "out") == []


def test_a_word_over_the_word_limit_is_refused_for_a_pdf_only(tmp_path: Path) -> None:
    source = tmp_path / "glued.txt"
    source.write_text("제목입니다\n\n본문은 " + "가나" * 3000 + " 입니다.\n", encoding="utf-8")
    proc = run_bounded("build", source, "-o", tmp_path / "out", "--to", "pdf")
    said = "glued.txt: line 3: a word of 6,000 characters with no space, over the 5,000 character limit"
    assert_one_error(proc, 2, said, "--max-word-chars")
    proc = run_bounded("build", source, "-o", tmp_path / "out", "--to", "epub")
    assert proc.returncode == 0, proc.stderr


def test_a_long_latin_run_is_searched_for_paths_once() -> None:
    """The path pattern was tried from each letter of a run (60,000 letters: about a minute)."""
    with cpu_guard(10):
        assert _path_cuts("a" * 60_000 + ".txt") == [60_001]
        assert _path_cuts("CONTRIBUTING.md와") == [13]
        assert _path_cuts("v1.2") == []  # a number is no path


def test_a_collection_names_the_article_over_a_layout_limit(tmp_path: Path) -> None:
    first = article(tmp_path / "in", "a.md")
    second = article(tmp_path / "in", "b.md", text="본문은 " + "가나" * 30 + " 입니다.\n")
    args = ("--title", "책", "--to", "pdf", "--max-word-chars", "50")
    proc = run_bounded("build", first, second, "-o", tmp_path / "out", *args)
    assert_one_error(proc, 2, "b.md: line", "a word of 60 characters", "--max-word-chars")
    assert outputs(tmp_path / "out") == []
