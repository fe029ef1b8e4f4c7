"""The word gaps a PDF draws, measured with pdfplumber: per printed line (one column's), the
narrowest gap after a letter-spaced character and before a Latin letter or digit (``은 2015``,
``, 82``: the space round sixteen found drawn half the letter-spacing narrower) and the narrowest
gap between two other characters, in em of the line's size (the next character's left edge less
the previous one's right edge, as pdfplumber reads them).

usage: .venv/bin/python bench/round16/drawn_gaps.py PDF [PDF ...] [--below EM]
Prints, per PDF, its narrowest such gap and the lines where it is under ``--below`` (default 0.12 em).
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics

import pdfplumber

ALNUM = re.compile(r"[A-Za-z0-9]")
Char = dict[str, object]


def _x(char: Char, key: str) -> float:
    value = char[key]
    assert isinstance(value, int | float)
    return float(value)


def line_gaps(pdf: str) -> list[tuple[int, str, float, float]]:
    """(page, text, narrowest gap before a Latin letter or digit, narrowest gap between two other
    characters) for each printed line with a gap of the first kind."""
    out = []
    with pdfplumber.open(pdf) as opened:
        for number, page in enumerate(opened.pages, start=1):
            rows: dict[int, list[Char]] = {}
            for char in page.chars:
                if str(char["text"]).strip():
                    rows.setdefault(round(_x(char, "top")), []).append(char)
            for row in (column for line in rows.values() for column in _columns(line)):
                size = statistics.median(_x(c, "size") for c in row)
                before, other = [], []
                for left, right in itertools.pairwise(row):
                    gap = (_x(right, "x0") - _x(left, "x1")) / size
                    if gap < 0.03:  # inside a word
                        continue
                    left_alnum, right_alnum = ALNUM.match(str(left["text"])), ALNUM.match(str(right["text"]))
                    if right_alnum and not left_alnum:
                        before.append(gap)
                    elif not left_alnum and not right_alnum:
                        other.append(gap)
                if before:
                    text = "".join(str(c["text"]) for c in row)
                    out.append((number, text, min(before), min(other, default=float("nan"))))
    return out


def _columns(line: list[Char]) -> list[list[Char]]:
    """A printed line's characters left to right, cut where a gap of over 1 em (a gutter) lies."""
    line = sorted(line, key=lambda c: _x(c, "x0"))
    out = [[line[0]]]
    for left, right in itertools.pairwise(line):
        if _x(right, "x0") - _x(left, "x1") > 1.0 * _x(left, "size"):
            out.append([])
        out[-1].append(right)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+")
    parser.add_argument("--below", type=float, default=0.12)
    args = parser.parse_args()
    for pdf in args.pdfs:
        found = line_gaps(pdf)
        narrowest = min((gap for _, _, gap, _ in found), default=float("nan"))
        print(f"{pdf}: narrowest gap before a Latin letter or digit {narrowest:.3f} em")
        for page, text, before, other in found:
            if before < args.below:
                print(f"  p{page} before {before:.3f}, others {other:.3f}: {text[:50]}")


if __name__ == "__main__":
    main()
