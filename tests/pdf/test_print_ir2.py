"""IR 2.0 in print: tables, footnotes at the foot of the page, links as annotations, Korean emphasis
(never a slanted Hangul), code in the monospace face, paragraphs of inline runs set by the breaker."""

from __future__ import annotations

import itertools
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bookmaker.check import check_pdf
from bookmaker.fonts.faces import FACES, MONO
from bookmaker.fonts.subsetting import pdf_faces
from bookmaker.ir import (
    CodeBlock,
    Document,
    Footnote,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Meta,
    NoteRef,
    Paragraph,
    Ruby,
    Table,
    Text,
    inlines_of,
    plain,
    runs,
    walk,
)
from bookmaker.korean.keep_all import join_words
from bookmaker.korean.linebreak import URL, BreakStyle
from bookmaker.layout.pages import page_spec
from bookmaker.layout.style import default_style
from bookmaker.pipeline import BuildOptions, build_file, load
from bookmaker.writers.pdf import print_html, write_pdf
from tests.conftest import ROOT

SINK = ROOT / "tests" / "fixtures" / "ir2" / "kitchen-sink.json"
# every kitchen sink: the IR 2.0 one, and the Markdown and HTML readers' when they are in the tree
SINKS = {f"{p.parent.name}/{p.name}": p for p in sorted(ROOT.glob("tests/fixtures/*/kitchen-sink.*"))}
LONG = ROOT / "tests" / "fixtures" / "ir2" / "long-tables-notes.json"
MOMENT = datetime(2025, 11, 23, tzinfo=UTC)
THEMES = ("book", "newspaper", "report")
# (theme, page) builds of the long document: one column on small pages, columns on B4
LONG_BUILDS = (("book", "a5"), ("book", "46"), ("newspaper", "b4"), ("report", "a4"))


def _build(path: Path, out: Path, theme: str, page: str | None = None) -> Path:
    options = BuildOptions(formats=("pdf",), theme=theme, page_size=page)
    result = build_file(path, out, options)
    warnings = [w for w in result.warnings if ": removed " not in w]  # the normalizer's summary line
    assert not warnings, warnings
    return result.outputs[0]


@pytest.fixture(scope="module")
def sinks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """(kitchen sink ``folder/name``, theme) → its PDF."""
    out = tmp_path_factory.mktemp("sink-pdf")
    return {
        (name, theme): _build(sink, out / name / theme, theme)
        for name, sink in SINKS.items()
        for theme in THEMES
    }


@pytest.fixture(scope="module")
def longs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("long-pdf")
    return {(t, p): _build(LONG, out / f"{t}-{p}.pdf", t, p) for t, p in LONG_BUILDS}


def _text(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [_squeezed(page.extract_text() or "") for page in pdf.pages]


SINK_BUILDS = [(name, theme) for name in SINKS for theme in THEMES]


def _runs_of(doc: Document) -> list[Inline]:
    """Every inline run of the document, nested ones too."""
    return [run for block in walk(doc.blocks) for seq in inlines_of(block) for run in runs(seq)]


@pytest.mark.parametrize("build", SINK_BUILDS, ids="-".join)
def test_every_cell_and_note_is_printed_and_no_markup(
    sinks: dict[tuple[str, str], Path], build: tuple[str, str]
) -> None:
    doc = load(SINKS[build[0]])
    text = _text(sinks[build])
    squeezed = _squeezed(text)
    for block in walk(doc.blocks):
        if isinstance(block, Table):
            for row in [*block.head, *block.body]:
                for cell in row.cells:
                    assert _squeezed(cell.text) in squeezed
            assert _squeezed(plain(block.caption)) in squeezed
        if isinstance(block, Footnote):
            assert _squeezed(block.text) in squeezed
    for ruby in _runs_of(doc):
        if isinstance(ruby, Ruby):
            assert _squeezed(f"{ruby.base}({ruby.annotation})") in squeezed
    for markup in ("**", "[^", "|---|", "](http"):
        assert markup not in text
    assert not re.search(r"(?<![\w*])\*[^\s*][^*\n]*\*(?!\w)", text)  # *emphasis* left as asterisks


@pytest.mark.parametrize("build", SINK_BUILDS, ids="-".join)
def test_links_are_annotations_with_their_url_and_notes_link_inside_the_pdf(
    sinks: dict[tuple[str, str], Path], build: tuple[str, str]
) -> None:
    import pypdf

    doc = load(SINKS[build[0]])
    hrefs = {run.href for run in _runs_of(doc) if isinstance(run, Link) and run.href.startswith("http")}
    reader = pypdf.PdfReader(sinks[build])
    uris, dests = set(), set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if "/A" in link and "/URI" in link["/A"]:
                uris.add(str(link["/A"]["/URI"]))
            if "/Dest" in link:
                dests.add(str(link["/Dest"]))
    assert hrefs and hrefs <= uris
    notes = doc.footnotes()
    referenced = {f"fn-{run.note}" for run in _runs_of(doc) if isinstance(run, NoteRef) and run.note in notes}
    assert referenced and referenced <= dests  # each reference number links to its note
    assert referenced <= set(reader.named_destinations)


@pytest.mark.parametrize("build", LONG_BUILDS, ids="-".join)
def test_every_note_is_on_the_page_of_its_reference(
    longs: dict[tuple[str, str], Path], build: tuple[str, str]
) -> None:
    import pypdf

    path = longs[build]
    reader = pypdf.PdfReader(path)
    where = {
        name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()
    }
    pages = _pages(path)
    first_refs: dict[str, int] = {}
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            dest = str(annotation.get_object().get("/Dest", ""))
            if dest.startswith("fn-"):
                first_refs.setdefault(dest, number)
    notes = load(LONG).footnotes()
    assert len(first_refs) == len(notes)  # every note is referenced, each first reference links
    for target, page in first_refs.items():
        assert where[target] == page, f"{target}: reference on page {page + 1}, note on {where[target] + 1}"
        body = _squeezed(notes[target.removeprefix("fn-")].text)
        assert body in pages[page]


def test_footnote_numbers_and_the_notes_nothing_refers_to() -> None:
    doc = load(SINK)
    html = print_html(doc, created=MOMENT)
    assert html.count('class="fn"') == 2 and 'data-n="1"' in html and 'data-n="2"' in html
    assert 'class="footnotes"' not in html  # both notes went to the foot of their page
    blocks = [b for b in doc.blocks if not isinstance(b, Footnote)]
    unreferenced = Document(
        meta=doc.meta, blocks=[*blocks[-1:], *[b for b in doc.blocks if isinstance(b, Footnote)]]
    )
    html = print_html(unreferenced, created=MOMENT)  # the paragraph referring to note 1 is gone
    assert html.count('class="fn"') == 1
    after = html.split('class="footnotes"', 1)[1]
    assert join_words("정부 보도자료 기준.") in after  # note 1 follows the article, as in the EPUB


def test_notes_that_refer_to_each_other_or_to_nothing() -> None:
    from bookmaker.ir import Meta, Paragraph, Text

    def note(name: str, other: str) -> Footnote:
        text = Paragraph(content=[Text(value=f"{name} 각주, "), NoteRef(note=other)])
        return Footnote(id=name, blocks=[text])

    body = Paragraph(content=[Text(value="본문"), NoteRef(note="a"), Text(value=" 끝"), NoteRef(note="없음")])
    doc = Document(meta=Meta(title="각주"), blocks=[body, note("a", "b"), note("b", "a")])
    html = print_html(doc, created=MOMENT)
    assert html.count('class="fn"') == 1  # a at the foot of the page; b, named only in a: after the article
    assert 'id="fn-b"' in html.split('class="footnotes"', 1)[1]
    assert write_pdf(doc, created=MOMENT).data.startswith(b"%PDF")


def test_numbers_per_article_in_a_collection() -> None:
    from bookmaker.ir import Collection, CollectionMeta

    doc = load(SINK)
    html = print_html(Collection(meta=CollectionMeta(title="모음"), articles=[doc, doc]), created=MOMENT)
    assert re.findall(r'class="fn" id="([^"]+)" data-n="(\d)"', html) == [
        ("a1-fn-1", "1"),
        ("a1-fn-2", "2"),
        ("a2-fn-1", "1"),
        ("a2-fn-2", "2"),
    ]


def _fonts_of(path: Path, phrase: str) -> set[str]:
    """The fonts the characters of ``phrase`` (spaces left out) are drawn in, where it first appears."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        chars = [char for page in pdf.pages for char in page.chars if char["text"].strip()]
    text = "".join(char["text"] for char in chars)
    at = text.index(phrase.replace(" ", ""))
    return {char["fontname"].split("+", 1)[-1] for char in chars[at : at + len(phrase.replace(" ", ""))]}


@pytest.mark.parametrize("theme", THEMES)
def test_emphasis_is_a_face_never_a_slant(sinks: dict[tuple[str, str], Path], theme: str) -> None:
    import pdfplumber

    path = sinks["ir2/kitchen-sink.json", theme]
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                _, b, c, _, _, _ = char["matrix"]
                assert abs(b) < 1e-6 and abs(c) < 1e-6, f"{char['text']!r} is slanted or turned"
    emphasis = "Noto-Serif-CJK-KR" if theme == "report" else "Noto-Sans-CJK-KR"  # the other family
    assert _fonts_of(path, "크게 늘었다") == {"Noto-Sans-CJK-KR-Bold"}  # strong: bold Gothic
    assert _fonts_of(path, "신중한 낙관") == {emphasis}
    assert _fonts_of(path, "make all") == {"Noto-Sans-Mono-CJK-KR"}


@pytest.mark.parametrize("theme", THEMES)
def test_sub_and_superscripts_sit_on_their_line(sinks: dict[tuple[str, str], Path], theme: str) -> None:
    """CO₂ and m² are lowered and raised as books set them, not so far that a text extractor
    (``pdftotext -raw``, which the yardsticks read) takes them for a line of their own."""
    import pdfplumber

    path = sinks["ir2/kitchen-sink.json", theme]
    raw = [line.replace(" ", "") for line in _text(path, "-raw").splitlines()]
    assert any("이산화탄소(CO2)배출은" in line for line in raw), raw[:12]
    assert any("1m2당" in line for line in raw), raw[:12]
    with pdfplumber.open(path) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
    text = "".join(c["text"] for c in chars)
    at = text.index("CO2)")
    sup_at = text.index("1m2당")
    base = {  # baselines, upwards
        "O": chars[at + 1]["matrix"][5],
        "2": chars[at + 2]["matrix"][5],
        "m": chars[sup_at + 1]["matrix"][5],
        "²": chars[sup_at + 2]["matrix"][5],
    }
    size = chars[at + 1]["size"]
    assert 0.1 * size < base["O"] - base["2"] < 0.2 * size  # lowered ~0.14 em
    assert 0.2 * size < base["²"] - base["m"] < 0.35 * size  # raised ~0.28 em


@pytest.mark.parametrize("theme", THEMES)
def test_a_list_marker_is_read_with_its_item_s_first_line(
    sinks: dict[tuple[str, str], Path], theme: str
) -> None:
    """The number or bullet is drawn as the first text of its item's first line, where an outside
    marker sits (ending a space before the item's text). Drawn as a positioned box after the page's
    text, ``pdftotext -raw`` read it as a line of its own: ``2.`` over a line starting with ``1``
    was a word split for the yardstick."""
    import pdfplumber

    path = sinks["ir2/kitchen-sink.json", theme]
    raw = _text(path, "-raw").splitlines()
    for line in ("• 첫째 항목", "• 둘째 항목", "3. 안쪽 셋째", "4. 안쪽 넷째"):  # the inner list starts at 3
        assert line in raw, raw
    with pdfplumber.open(path) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
    text = "".join(c["text"] for c in chars)
    starts = []
    for marker, item in (("•", "첫째"), ("3.", "안쪽")):
        found = re.search(rf"{re.escape(marker)}\s{item}", text)  # the space: U+2002 in some faces' maps
        assert found, text
        at = found.start()
        mark_end, item_start = chars[at + len(marker) - 1], chars[at + len(marker) + 1]
        size = item_start["size"]
        assert mark_end["matrix"][5] == item_start["matrix"][5]  # one baseline
        assert 0.15 * size < item_start["x0"] - mark_end["x1"] < 0.5 * size  # a space between
        starts.append(item_start)
    # the inner list's text is indented by one list indent (1.5 em) more than the outer one's
    outer, inner = starts
    if outer["page_number"] == inner["page_number"] and abs(outer["x0"] - inner["x0"]) < 5 * outer["size"]:
        assert inner["x0"] - outer["x0"] == pytest.approx(1.5 * outer["size"], abs=0.5)


def test_an_item_opening_with_no_paragraph_keeps_the_list_s_own_marker() -> None:
    """An item whose first block is not a paragraph set by lines (a nested list, a table) has no
    first line to carry its marker: WeasyPrint draws it."""
    item = ListItem(blocks=[Paragraph(content=[Text(value="하나")])])
    doc = Document(
        meta=Meta(title="목록"),
        blocks=[ListBlock(ordered=True, items=[item, ListItem(blocks=[CodeBlock(value="x = 1")])])],
    )
    html = print_html(doc, page=page_spec("a5"), created=MOMENT)
    assert html.count('<li class="set marked">') == 1 and html.count('<li class="set">') == 1


def test_the_monospace_face_only_with_code() -> None:
    assert pdf_faces("<p>본문</p>") == FACES
    assert pdf_faces("<p>명령 <code>make</code></p>") == (*FACES, MONO)
    seed = print_html(load(ROOT / "seeds" / "000_782556e6ec3af548.txt"), created=MOMENT)
    assert MONO not in pdf_faces(seed)


@pytest.mark.parametrize("build", LONG_BUILDS, ids="-".join)
def test_tables_never_run_past_the_page(longs: dict[tuple[str, str], Path], build: tuple[str, str]) -> None:
    import pdfplumber

    style = default_style(build[0])
    pages = (page_spec(build[1]), style.page)  # the preset's margins, or the theme's own
    margin = min(min(page.inner_mm, page.outer_mm, page.top_mm) for page in pages) * 72 / 25.4 - 1
    with pdfplumber.open(longs[build]) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
        for page in pdf.pages:
            for char in page.chars:
                hang = 0.5 * char["size"]  # . , ” ’ ) may hang at a line's end
                inside = margin <= char["x0"] and char["x1"] <= page.width - margin + hang
                assert inside, (page.page_number, char["text"])
    if style.columns == 1 and build[1] == "a5":
        assert len(sizes) == 2  # the wide table's landscape page
    report = check_pdf(longs[build], LONG)
    assert report.bad_splits == 0 and report.missing_glyphs == 0
    if style.columns == 1:  # (the check takes the headline over a page-wide table for a column's line)
        assert report.overflows == 0
    text = _text(longs[build])
    for word in ("창신메모리(CXMT)", "양쯔메모리(YMTC)", "고대역폭메모리", "웨스턴디지털"):
        assert word in text  # words whole in their cells


def test_table_fit_steps_down_then_out() -> None:
    from bookmaker.ir import Cell, Row, text_runs
    from bookmaker.layout.print_layout import PrintLayout
    from bookmaker.layout.print_tables import table_fit

    def table(columns: int, word: str) -> Table:
        cells = [Cell(content=text_runs(word)) for _ in range(columns)]
        return Table(
            head=[Row(cells=[Cell(content=text_runs("항목"), header=True)] * columns)],
            body=[Row(cells=cells)],
        )

    book = PrintLayout.for_style(default_style("book"))
    assert table_fit(book, table(3, "반도체")).classes == "tbl"
    assert table_fit(book, table(3, "반도체")).size_pt == 8.5
    squeezed = table_fit(book, table(7, "반도체수출"))
    assert squeezed.placement == "column" and squeezed.size_pt < 8.5
    assert table_fit(book, table(9, "반도체수출액")).placement == "wide"
    absurd = table_fit(book, table(40, "반도체수출액합계"))
    assert absurd.tight and absurd.placement == "wide"
    assert table_fit(book, table(9, "반도체수출액"), ["list"]).placement == "column"  # nested: stays
    news = PrintLayout.for_style(default_style("newspaper"))
    assert table_fit(news, table(9, "반도체수출액")).placement == "span"


def test_runs_set_as_plain_text_is_set() -> None:
    """Plain text as runs gives the very lines of the plain-text setter; marks give no splits."""
    from bookmaker.ir import Paragraph, text_runs
    from bookmaker.layout.print_layout import PrintLayout
    from bookmaker.layout.print_runs import set_lines

    layout = PrintLayout.for_style(default_style("book"), page_spec("46"))
    for block in load(LONG).blocks:
        if isinstance(block, Paragraph):
            assert set_lines(text_runs(block.text), layout, indent=True) == layout.paragraph(block.text)


@pytest.mark.parametrize("page", ("46", "a5", "a4"))
def test_no_line_starts_with_a_note_number_or_splits_a_link_word(page: str) -> None:
    from bookmaker.ir import Paragraph
    from bookmaker.korean.keep_all import strip_joiners
    from bookmaker.layout.inlines import PrintNotes
    from bookmaker.layout.print_layout import PrintLayout
    from bookmaker.layout.print_runs import set_lines

    doc = load(LONG)
    layout = PrintLayout.for_style(default_style("book"), page_spec(page))
    notes = PrintNotes(doc)
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        markup = strip_joiners(str(set_lines(block.content, layout, notes, indent=True)))
        lines = markup.split('<span class="ln')[1:]
        assert all(not re.match(r'[^>]*>(<span class="nt">)?<a class="noteref"', line) for line in lines)
        words = " ".join(re.sub(r"<[^>]+>", "", line.split(">", 1)[1]) for line in lines).split()
        for link in (run for run in runs(block.content) if isinstance(run, Link)):
            assert plain(link.content) in words  # one word: never broken inside


def test_marks_keep_the_looseness_of_plain_paragraphs() -> None:
    """Paragraphs with bold, emphasis, links, code and note numbers are set as loosely as the same
    paragraphs as plain text (each piece measured in its own face), on five page sizes: as many
    loose lines, the same p95, no more words split; with ``--break-style word`` only URLs break."""
    from bookmaker.ir import Paragraph, text_runs
    from bookmaker.layout.inlines import note_numbers
    from bookmaker.layout.print_layout import PrintLayout
    from bookmaker.layout.print_runs import _Mark, _Runs

    doc = load(LONG)
    paragraphs = [block for block in doc.blocks if isinstance(block, Paragraph)]

    def setting(marked: bool, break_style: BreakStyle = "ranked") -> tuple[list[float], list[str]]:
        gaps, splits = [], []
        for page in ("46", "a5", "sinkuk", "crown", "a4"):
            layout = PrintLayout.for_style(default_style("book"), page_spec(page), break_style=break_style)
            for block in paragraphs:
                runs = _Runs(note_numbers(doc), "", "sans", [[]])
                runs.add(block.content if marked else text_runs(block.text), _Mark())
                lines = layout.lines([run for run, _ in runs.segments[0]], indent=True)
                for line, following in itertools.pairwise(lines):
                    if not line.space_after:
                        splits.append(line.text.split()[-1] + following.text.split()[0])
                gaps += [line.word_spacing for line in lines if not line.last]
        return sorted(gaps), splits

    (plain_gaps, plain_splits), (marked_gaps, marked_splits) = setting(False), setting(True)
    assert marked_gaps[int(0.95 * len(marked_gaps))] <= plain_gaps[int(0.95 * len(plain_gaps))] + 0.03
    assert sum(gap > 0.2 for gap in marked_gaps) <= sum(gap > 0.2 for gap in plain_gaps) + 2
    assert len(marked_splits) <= len(plain_splits) + 2
    assert all(URL.match(word) for word in setting(True, "word")[1])  # only a URL may break


def test_a_tight_tables_cells_break_only_at_ranked_seams() -> None:
    """The 11-column table does not fit an A5 report page even on its side: its columns are fixed
    so each word's pieces between ranked seams fit, and our breaker sets each cell at its width."""
    from bookmaker.korean.keep_all import strip_joiners
    from bookmaker.layout.print_layout import PrintLayout
    from bookmaker.layout.print_runs import set_cell
    from bookmaker.layout.print_tables import table_fit

    layout = PrintLayout.for_style(default_style("report"), page_spec("a5", "30,30,30,30"))
    table = next(b for b in load(LONG).blocks if isinstance(b, Table) and len(b.head[0].cells) > 10)
    fit = table_fit(layout, table)
    assert fit.tight and fit.placement == "wide"
    assert sum(fit.widths) <= (page_spec("a5").height_mm - 60) * 72 / 25.4 + 0.1
    splits = []
    for number, row in enumerate([*table.head, *table.body]):
        for index, cell in enumerate(row.cells):
            width = fit.cells[number][index]
            markup = strip_joiners(str(set_cell(cell.content, layout, width_pt=width, size_pt=fit.size_pt)))
            parts = markup.split('<span class="ln')[1:]
            lines = [re.sub(r"<[^>]+>", "", part.split(">", 1)[-1]) for part in parts]
            words = cell.text.split()
            assert "".join(lines).replace(" ", "") == "".join(words)
            for above, below in itertools.pairwise(lines):
                left, right = above.split()[-1], below.split()[0]
                if left not in words or right not in words:
                    splits.append(f"{left}|{right}")
    # a glued parenthetical, a compound's seam (고대역폭|메모리: its first part nouns read in a row, round 13)
    seams = {
        "창신메모리|(CXMT)",
        "양쯔메모리|(YMTC)",
        "웨스턴|디지털",
        "점유율|(%)",
        "고대역폭|메모리",
        "메모리|매출",
    }
    assert splits and set(splits) <= seams


def test_a_column_head_is_aligned_as_the_figures_below_it() -> None:
    """A head over figures set right is set right too (not left, far from them); a head with its
    own alignment, over mixed cells or spanning columns keeps its own."""
    from bookmaker.ir import Cell, Meta, Row, text_runs
    from bookmaker.layout.table_grid import aligns

    def cell(text: str, align: str | None = None, **more: object) -> Cell:
        return Cell(content=text_runs(text), align=align, **more)  # type: ignore[arg-type]

    table = Table(
        head=[
            Row(
                cells=[
                    cell("월", header=True),
                    cell("수출액(억 달러)", header=True),
                    cell("비고", header=True),
                    cell("증감", "center", header=True),
                ]
            )
        ],
        body=[
            Row(
                cells=[
                    cell("1월", header=True),
                    cell("91.7", "right"),
                    cell("재고 조정"),
                    cell("-4.9%", "right"),
                ]
            ),
            Row(
                cells=[
                    cell("2월", header=True),
                    cell("93.4", "right"),
                    cell("반등", "right"),
                    cell("+1.3%", "right"),
                ]
            ),
        ],
    )
    assert aligns(table).head == [[None, "right", None, "center"]]
    html = print_html(Document(meta=Meta(title="표"), blocks=[table]), created=MOMENT)
    assert '<th scope="col" class="align-right">수출액' in html.replace("\u2060", "")


@pytest.mark.parametrize("theme", ["report", "newspaper"])
def test_a_quotation_with_a_bar_is_as_wide_as_the_breaker_set_it(theme: str, tmp_path: Path) -> None:
    """The report's and the newspaper's bar beside a quotation sits inside its indent: the
    quotation's lines end at the column's edge, never past it (long-climate at A5 in the report
    theme: a line 2.7 pt over, its words squeezed together)."""
    path = ROOT / "tests" / "fixtures" / "ir" / "long-climate.json"
    options = BuildOptions(formats=("pdf",), theme=theme, page_size="a5")
    pdf = build_file(path, tmp_path, options).outputs[0]
    assert check_pdf(pdf).overflows == 0


def test_a_code_line_in_print_wraps_only_at_its_spaces() -> None:
    """WeasyPrint would break a code line between any two Hangul syllables ('나|비'); in print its
    words are glued as the body's are, so a long line wraps at a space."""
    from bookmaker.ir import CodeBlock, Meta

    code = "print(sorted(words, key=sort_key))  # ['가방', '각도', '까치', '나비']"
    html = print_html(Document(meta=Meta(title="코드"), blocks=[CodeBlock(value=code)]), created=MOMENT)
    assert join_words("'나비']") in html.replace("&#39;", "'")


@pytest.mark.parametrize("theme", THEMES)
def test_a_numbered_list_is_printed_from_its_first_number(tmp_path: Path, theme: str) -> None:
    """A list that goes on after a table or a paragraph (``<ol start="4">``, 4. and 5. of a letter's
    points) is printed 4., 5., as the EPUB shows it, not from 1."""
    from bookmaker.ir import ListBlock, ListItem, Meta, Paragraph, text_runs
    from bookmaker.pipeline import BuildOptions, build

    items = [ListItem(blocks=[Paragraph(content=text_runs(text))]) for text in ("신청 방법", "신청 기간")]
    doc = Document(meta=Meta(title="안내"), blocks=[ListBlock(items=items, ordered=True, start=4)])
    (pdf,) = build(doc, tmp_path, "list", BuildOptions(formats=("pdf",), theme=theme)).outputs
    assert re.findall(r"(\d)\. 신청", _text(pdf)) == ["4", "5"]
