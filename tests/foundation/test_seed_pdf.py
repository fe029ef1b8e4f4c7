"""The seed's PDF: A5, Korean fonts embedded and subset, metadata, text, no split words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import SEED, SHARED, run_cli


def test_page_size_is_a5(seed_build: dict[str, Path]) -> None:
    reader = PdfReader(seed_build["pdf"])
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 148 / 25.4 * 72) < 0.2 and abs(height - 210 / 25.4 * 72) < 0.2


def test_fonts_are_embedded_subset_and_korean(seed_build: dict[str, Path]) -> None:
    out = subprocess.run(["pdffonts", str(seed_build["pdf"])], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
    assert rows, out.stdout
    names = {row[0].split("+", 1)[-1] for row in rows}
    assert "Noto-Serif-CJK-KR" in names, names
    assert any(name.startswith("Noto-Sans-CJK-KR") for name in names), names
    for row in rows:
        emb, sub, uni = row[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert "+" in row[0], f"font not subset: {row[0]}"


def test_language_and_metadata(seed_build: dict[str, Path]) -> None:
    reader = PdfReader(seed_build["pdf"])
    assert reader.trailer["/Root"]["/Lang"] == "ko"
    assert reader.metadata.title == "‘미국산 AI 수출 프로그램’ 동참 의사"
    assert reader.metadata.author == "홍인택, 이정혁"


def test_text_is_extractable_in_reading_order(seed_build: dict[str, Path]) -> None:
    ir = json.loads(run_cli("normalize", SEED).stdout)
    text = subprocess.run(
        ["pdftotext", "-raw", str(seed_build["pdf"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "\u2060" not in text
    flat = " ".join(text.split())
    position = flat.index(ir["meta"]["title"])
    for block in ir["blocks"]:
        runs = block.get("content") or block.get("caption") or []
        needle = " ".join("".join(run.get("value", "") for run in runs).split())[:40]
        found = flat.find(needle, position)
        assert found >= 0, f"block from line {block['lines']} missing or out of order: {needle}"
        position = found


def test_no_korean_word_is_split(seed_build: dict[str, Path]) -> None:
    proc = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "breaks.py"), str(seed_build["pdf"]), str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["breaks"] > 20, report
    assert report["splits"] == 0, report
