"""A run of Latin letters and digits wider than the line (a hash, a key) is cut between its letters
as the last resort: it used to be set whole and run off the page, its end lost to the reader."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bookmaker.check import check_pdf
from bookmaker.korean.wordbreaks import FALLBACK_PENALTY, LATIN_FALLBACK_PENALTY, fallback_cuts
from bookmaker.pipeline import BuildOptions, build_file

HASH = "3f8a9c2b7d1e4f6a" * 8
KEY = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo" * 3


def test_latin_seams_are_the_last_resort_inside_an_over_long_token() -> None:
    cuts = {cut.at: cut.penalty for cut in fallback_cuts("ab가나(cd")}
    assert cuts[1] == LATIN_FALLBACK_PENALTY  # a|b
    assert cuts[2] == cuts[3] == FALLBACK_PENALTY  # ab|가, 가|나
    assert 5 not in cuts  # "(" may not end a line


@pytest.mark.parametrize("theme", ["book", "newspaper"])
def test_an_over_long_latin_run_stays_on_the_page(tmp_path: Path, theme: str) -> None:
    source = tmp_path / "hash.md"
    source.write_text(
        f"# 해시 값\n\n파일의 SHA-512 해시는 {HASH} 이며 인증서는 {KEY}로 끝난다. 이 값을 확인하라.\n",
        encoding="utf-8",
    )
    options = BuildOptions(formats=("pdf",), theme=theme, page_size="a5")
    pdf = next(p for p in build_file(source, tmp_path / "out", options).outputs if p.suffix == ".pdf")
    report = check_pdf(pdf)
    assert report.overflows == 0, report.failures
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    joined = "".join(text.split())
    assert HASH in joined and KEY in joined  # every letter drawn inside the page
