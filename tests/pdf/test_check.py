"""``bookmaker check``: missing glyphs read from the embedded fonts, text column and overflow."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from bookmaker.check import check_pdf
from bookmaker.check.glyphs import embedded_glyphs
from bookmaker.check.lines import PageInfo, TextLine
from bookmaker.check.report import _columns, _edges, _kinsoku_faults, _overflows, _with_widest
from bookmaker.ir import from_json
from bookmaker.layout.pages import page_spec
from bookmaker.pipeline import BuildOptions, build, load
from bookmaker.writers.pdf import write_pdf
from tests.conftest import SHARED
from tests.pdf.conftest import FIXTURES

MOMENT = datetime(2025, 11, 23, tzinfo=UTC)
UNCOVERED = "\ue000\U0010fffd"  # private-use characters: no installed font has a glyph for them


@pytest.fixture(scope="module")
def uncovered_pdf(tmp_path_factory):
    """(PDF, IR JSON) of the seed excerpt with two characters no font covers in its first paragraph."""
    folder = tmp_path_factory.mktemp("glyphs")
    data = json.loads((FIXTURES / "seed-excerpt.json").read_text(encoding="utf-8"))
    data["blocks"][0]["text"] = (
        f"표시할 수 없는 문자 {UNCOVERED[0]} 와 {UNCOVERED[1]} 가 섞인 문장. " + data["blocks"][0]["text"]
    )
    source = folder / "source.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pdf = folder / "out.pdf"
    pdf.write_bytes(
        write_pdf(from_json(source.read_text(encoding="utf-8")), created=MOMENT, page=page_spec("a5")).data
    )
    return pdf, source


def test_notdef_glyphs_found_in_embedded_fonts(uncovered_pdf):
    pdf, _ = uncovered_pdf
    glyphs = embedded_glyphs(str(pdf))
    assert glyphs.missing == 2
    assert "가" in glyphs.drawn and "\ue000" not in glyphs.drawn


def test_report_counts_missing_glyphs_and_source_characters(uncovered_pdf):
    pdf, source = uncovered_pdf
    assert check_pdf(pdf).missing_glyphs >= 2
    report = check_pdf(pdf, source)
    assert report.missing_glyphs >= 3  # two .notdef glyphs, and U+10FFFD is drawn by no glyph at all
    assert any("U+10FFFD" in example for example in report.missing_examples)
    assert any(failure.startswith("missing_glyphs") for failure in report.failures)


def test_check_command_exits_non_zero_on_missing_glyphs(uncovered_pdf):
    pdf, source = uncovered_pdf
    cmd = [sys.executable, "-m", "bookmaker", "check", str(pdf), "--source", str(source)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "missing glyphs" in done.stdout and "FAIL" in done.stdout


def test_clean_pdf_has_no_missing_glyphs(built):
    report = check_pdf(built["seed", "a5"], FIXTURES / "seed.json")
    assert report.missing_glyphs == 0, report.missing_examples


def _line(page: int, x0: float, x1: float) -> TextLine:
    return TextLine(page, "가나 다라", x0, x1, 10.0, (0.3,), (), ())


def test_overflow_uses_mirrored_column_on_a_short_page():
    pages = [PageInfo(n, 360.0, 530.0, (0.0, 0.0, 360.0, 530.0)) for n in (1, 2)]
    right_hand = [_line(1, 51.0, 326.0) for _ in range(6)]
    # page 2 (left-hand): a few short lines and one running past the mirrored right edge (360 - 51)
    left_hand = [_line(2, 37.0, 200.0), _line(2, 37.0, 250.0), _line(2, 47.0, 309.0)]
    assert _overflows(right_hand + left_hand, pages) == 0
    assert _overflows([*right_hand, *left_hand, _line(2, 37.0, 330.0)], pages) == 1


def test_no_mirror_where_a_date_or_folio_passes_it():
    """A notice in the newspaper theme's A5 (same margins on every page): page 2's running text is
    a list, indented, so its edge is the items'; mirrored onto page 1 it cut 8 pt off the right, and
    page 1's justified line was an overflow. The date and folio there keep to the true right edge."""
    pages = [PageInfo(n, 419.5, 595.0, (0.0, 0.0, 419.5, 595.0)) for n in (1, 2)]
    items = [TextLine(2, "• 가나 다라", 53.5, 374.0, 9.0, (0.3,), (), ()) for _ in range(6)]
    page_1 = [
        TextLine(1, "「가나 다라」 마바", 54.4, 374.6, 9.0, (0.3,), (), ()),
        TextLine(1, "가나 다라.", 45.4, 244.6, 9.0, (0.3,), (), ()),
    ]
    marks = [
        TextLine(1, "2027년 1월 15일", 289.3, 374.2, 8.5, (0.3,), (), ()),
        TextLine(1, "1면", 362.4, 374.2, 8.0, (0.3,), (), ()),
    ]
    assert _overflows([*page_1, *marks, *items], pages) == 0
    assert _overflows([*page_1, *items], pages) == 1  # with nothing to say otherwise, the mirror holds


def test_a_headline_over_two_columns_is_no_overflow():
    pages = [PageInfo(1, 595.0, 842.0, (0.0, 0.0, 595.0, 842.0))]
    # two columns, 45–281 and 295–550 pt; a headline over both starts in the first, ends in the second
    left = [TextLine(1, "가나 다라", 45.0, 281.0, 10.0, (0.3,), (), (), 0, 0) for _ in range(6)]
    right = [TextLine(1, "가나 다라", 295.0, 550.0, 10.0, (0.3,), (), (), 1, 1) for _ in range(6)]
    headline = TextLine(1, "포항 호미곶..10만 인파", 45.0, 498.0, 28.8, (0.3,), (), (), 0, 1)
    assert _overflows([*left, *right, headline], pages) == 0
    too_wide = TextLine(1, "포항 호미곶..10만 인파", 45.0, 590.0, 28.8, (0.3,), (), (), 0, 1)
    assert _overflows([*left, *right, too_wide], pages) == 1


def test_a_newspaper_page_with_a_headline_over_its_columns_checks_clean(tmp_path):
    source = SHARED / "corpus" / "yonhap-straight-1.html"  # a real page: its headline crosses the gutter
    options = BuildOptions(formats=("pdf",), theme="newspaper", page_size="a4")
    pdf = build(load(source), tmp_path, "yonhap", options).outputs[0]
    report = check_pdf(pdf)
    assert report.overflows == 0 and report.kinsoku == 0, report.failures


def test_kinsoku_counts_only_breaks_inside_a_paragraph():
    def line(text: str, x1: float, top: float, size: float = 10.0) -> TextLine:
        return TextLine(1, text, 45.0, x1, size, (0.3,), (), (), 0, 0, top, top + size)

    justified = [line("가나 다라 마바", 290.0, 100.0 + 14 * n) for n in range(3)]
    columns = {(1, 0): (45.0, 290.0)}
    opening = line("- 본인 소개를 해주세요.", 180.0, 160.0)  # a paragraph opening with a dash
    after_short = [*justified, line("끝.", 120.0, 142.0), opening]
    assert _kinsoku_faults(after_short, columns) == []
    broken = [*justified, line(". 마침표로 시작하는 줄", 290.0, 142.0)]  # the line above went on
    assert len(_kinsoku_faults(broken, columns)) == 1
    headline = [line("“1억짜리 차라··· “", 250.0, 40.0, 28.8), line("주차장 변명", 200.0, 75.0, 28.8)]
    assert len(_kinsoku_faults(headline, columns)) == 1  # a ragged heading's break counts too
    # a paragraph's last line that ends a sentence near the edge (ohmynews-interview-1, report 46판:
    # 9 pt short), then a dash paragraph: a new paragraph, no fault (before: counted, check exit 1)
    near_edge = [*justified, line("이 인터뷰는 이메일로 진행했다.", 281.0, 142.0), opening]
    assert _kinsoku_faults(near_edge, columns) == []
    dash_mid = [*justified, line("가나 다라 마바", 290.0, 142.0), line("- 가나 다라", 200.0, 156.0)]
    assert len(_kinsoku_faults(dash_mid, columns)) == 1  # no sentence ended above: the line went on


def test_a_column_edge_is_found_from_justified_lines_ending_a_little_apart():
    """Justified lines end up to a few tenths of a point apart (their tracking, a trailing space):
    on a short page with five of them no two ended on the same point, no edge was found, and every
    paragraph opening with a dash (an interview's question) counted as a kinsoku fault."""

    def line(text: str, x1: float, top: float) -> TextLine:
        return TextLine(1, text, 57.0, x1, 10.0, (0.3,), (), (), 0, 0, top, top + 10.0)

    ends = (377.2, 376.4, 377.4, 378.3, 380.1)
    lines = [line("가나 다라 마바", x1, 100.0 + 28 * n) for n, x1 in enumerate(ends)]
    lines += [line("끝났다.", 233.0 + 17 * n, 114.0 + 28 * n) for n in range(len(ends))]
    lines.sort(key=lambda ln: ln.top)
    questions = [*lines[:2], line("-정부에 바라는 점은.", 157.0, 129.0), *lines[2:]]
    columns = _columns(questions, [PageInfo(1, 420.0, 595.0, (0.0, 0.0, 420.0, 595.0))])
    assert columns[1, 0] == (57.0, 377.0)
    assert _kinsoku_faults(questions, columns) == []
    # three ragged list items that happen to end together, left of most lines, are no edge
    items = [line("• 경험", x1, 200.0 + 14 * n) for n, x1 in enumerate((224.2, 225.0, 227.2))]
    others = [
        line("가나 다라", x1, 300.0 + 14 * n) for n, x1 in enumerate((376.5, 376.8, 294.1, 286.7, 324.7))
    ]
    assert _edges(items + others, 10.0) is None


def test_a_short_line_ends_its_paragraph_where_no_column_edge_is_found():
    """A short document (lecture notes in Markdown: two justified lines on the first page) gives
    check no column edge; every line then counted as going on, and a displayed formula ending in
    ``$$`` (a line-end prohibited currency sign) before the next page's paragraph was a fault."""

    def line(page: int, text: str, x1: float, top: float) -> TextLine:
        return TextLine(page, text, 57.0, x1, 10.0, (0.3,), (), (), 0, 0, top, top + 10.0)

    body = [
        line(1, "정사각행렬 $A$ 에 대해 영벡터가 아닌 벡터 가", 377.4, 100.0),
        line(1, "를 만족하면, $\\lambda$ 를", 380.0, 114.0),
        line(1, "고유벡터라고 한다.", 283.8, 128.0),
        line(1, "$$\\det(A - \\lambda I) = 0$$", 193.6, 160.0),
        line(2, "예를 들어 $A$ 이면", 362.8, 60.0),
    ]
    pages = [PageInfo(n, 420.0, 595.0, (0.0, 0.0, 420.0, 595.0)) for n in (1, 2)]
    columns = _columns(body, pages)
    assert columns == {} and len(_kinsoku_faults(body, columns)) == 1  # no edge: all lines went on
    assert _kinsoku_faults(body, _with_widest(columns, body, pages, 10.0)) == []
    broken = [*body[:1], line(1, "이 장비의 가격은 US$", 379.0, 114.0), line(1, ". 다음 줄", 200.0, 128.0)]
    assert len(_kinsoku_faults(broken, _with_widest({}, broken, pages, 10.0))) == 2  # a full line goes on


def test_ragged_short_lines_give_no_column_edge_to_mirror() -> None:
    """A newspaper page copied line by line from its PDF viewer (every 12-syllable line a paragraph
    of its own) printed ragged; four of one page's lines ending together were taken for its column's
    edge, mirrored onto the facing pages, and every line there starting left of that mirror was an
    overflow (26 on one A5 PDF)."""

    def line(page: int, x1: float, top: float, x0: float = 42.5) -> TextLine:
        return TextLine(page, "가나다라 마바사", x0, x1, 10.0, (0.3,), (), (), 0, 0, top, top + 10.0)

    even = [141, 142, 143, 143, 143, 146, 146, 147, 150, 150, 152, 152, 152, 152, 155, 158, 165, 131]
    odd = [160, 160, 163, 167, 167, 167, 173, 173, 176, 182, 188, 191, 150, 144]
    lines = [line(2, x1, 60.0 + 14 * n) for n, x1 in enumerate(even)]
    lines += [line(1, x1, 60.0 + 14 * n, 56.7) for n, x1 in enumerate(odd)]
    pages = [PageInfo(n, 420.0, 595.0, (0.0, 0.0, 420.0, 595.0)) for n in (1, 2)]
    assert _columns(lines, pages) == {}
    assert _overflows(lines, pages) == 0


def test_short_sense_lines_ending_together_are_no_edge_on_a_page_of_one_column() -> None:
    """A dictionary entry's page: every line a paragraph of its own, well short of the text block
    (the left margin mirrored, 366 pt). Three of them happened to end near 262 pt, that was taken
    for the column's edge, and a longer example sentence (287 pt) counted as an overflow. An edge
    that stands near the block's side still catches a line that runs past it."""

    def line(x1: float, top: float, x0: float = 53.6) -> TextLine:
        return TextLine(1, "가나다 라마바", x0, x1, 10.0, (0.3,), (), (), 0, 0, top, top + 10.0)

    ends = [88.0, 86.0, 115.3, 264.1, 261.0, 148.6, 286.9, 225.5, 140.2, 162.9, 261.9, 146.9]
    lines = [line(x1, 60.0 + 16 * n) for n, x1 in enumerate(ends)]
    pages = [PageInfo(1, 419.5, 595.3, (0.0, 0.0, 419.5, 595.3))]
    assert _edges(lines, 10.0) is not None  # the three ends together: an edge by themselves ...
    assert (1, 0) not in _columns(lines, pages)  # ... but not on a page whose block reaches 366 pt
    assert _overflows(lines, pages) == 0
    # justified lines reaching the block's side: a line past them is still an overflow
    full = [line(366.0 + 0.1 * n, 300.0 + 16 * n) for n in range(6)] + [line(380.0, 400.0)]
    assert _columns(lines + full, pages)[1, 0][1] == 366.0
    assert _overflows(lines + full, pages) == 1


def _char(
    text: str, x0: float, baseline: float, size: float = 10.0, ascent: float = 0.88
) -> dict[str, object]:
    """A pdfplumber character: PDF y upwards (``matrix``), ``top`` from the face's ascent."""
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + size,
        "size": size,
        "top": 800 - baseline - ascent * size,
        "matrix": (size, 0, 0, size, x0, baseline),
    }


def test_rows_follow_baselines_not_the_faces_ascents() -> None:
    """A bold Gothic label in a Myeongjo line (another ascent), a superscript and a subscript are
    one row with the line's text; the next line is a row of its own ("3. Schedule" | ": see …" read
    as two lines gave a false kinsoku fault)."""
    from bookmaker.check.lines import _rows

    line = [_char("S", 0, 700, ascent=1.16), _char(":", 10, 700), _char("m", 20, 700)]
    line += [_char("2", 30, 702.8, size=7), _char("2", 40, 698.6, size=7)]  # raised, lowered
    below = [_char("다", 0, 686)]
    rows = _rows(below + line)
    assert [sorted(c["text"] for c in row) for row in rows] == [sorted("S:m22"), ["다"]]


def _html_pdf(tmp_path, body: str):
    import weasyprint

    html = (
        '<html lang="ko"><head><meta charset="utf-8"><style>@page { size: A5; margin: 20mm }'
        ' body { font-family: "Noto Sans CJK KR"; font-size: 11pt; line-height: 1.5 }</style></head>'
        f"<body>{body}</body></html>"
    )
    pdf = tmp_path / "page.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    return pdf


TEXT = "두 정상은 일본산 수산물 수입 문제를 다룰 실무 협의체를 새로 만들기로 했다."


@pytest.mark.parametrize(
    ("body", "count"),
    [
        # a block placed onto a line of another size: the rows merge, their characters overlap
        (
            f'<div style="position: relative"><p>{TEXT}</p><p style="position: absolute; top: 0; margin: 0;'
            f' right: 0; font-size: 9pt">2026년 12월 6일 17:12</p></div>',
            1,
        ),
        # two lines of one size a third of a line apart
        (f'<p>{TEXT}</p><p style="margin-top: -2.2em">{TEXT}</p>', 1),
        # tight leading, a superscript, a small line right under a big one: nothing drawn over
        (
            f'<h1 style="font-size: 24pt; line-height: 1.05">{TEXT}</h1><p>각주<sup>1</sup> {TEXT}</p>'
            f'<p style="font-size: 8pt; line-height: 1">{TEXT}</p>',
            0,
        ),
    ],
)
def test_text_drawn_over_text_is_an_overlap(tmp_path, body: str, count: int) -> None:
    report = check_pdf(_html_pdf(tmp_path, body))
    assert report.overlaps == count
    assert (f"overlaps {count} > 0" in report.failures) == bool(count)
