"""Plain-text reader: decoded lines, numbered as in the file, no cleanup.

Plain text has no markup, so the one structure read here is what the layout of the lines shows beyond doubt:
a table copied from a page (cells separated by tabs or vertical bars, or aligned with runs of two or more
spaces) — at least three consecutive lines with the same number of cells (two or more), none longer than 40
characters, with numbers in most rows below the first (the first row is the header when it has none); a date
or a time is a number here (a schedule's rows: ``입찰서 제출 마감<TAB>2027. 1. 29.(금) 10:00<TAB>…``). A
form's field table copied with merged cells (``<TAB>기타주식 (주)<TAB>-``: a leading tab or two tabs in a
row are empty cells) is read cell by cell at the tabs, and its tabs and empty cells are evidence enough:
numbers are not asked of it. A text laying out such a field table of label/value pairs may also have one of
two rows (``저장방법<TAB>…`` / ``사용기간<TAB>…``); two such rows alone are none (a board's
``이전글``/``다음글`` pair never is). Under a tabbed header row of short cells (``현 행<TAB>개 정 안``), the
tabbed rows' cells may be of any length (a bill's comparison of old and new provisions, each whole in its
cell). A chart's text dump — three or more labels each on a line over its number (``2022년`` / ``20,658``),
under a unit note (``(단위: 명)``) or over a source line (``자료: 통계청``) — is a two-column table. A table
drawn with box characters (a word processor's table saved as text: ``┌─┬─┐`` / ``│ a │ b │`` / ``└─┴─┘``) is
read at its bars, and a Markdown table pasted into text (a header row over ``|---|---|``) at its bars,
whatever its cells say.
Such lines become one
:class:`~bookmaker.ir.Table` block; every other line stays a line for normalization (lists are
recognised there, after boilerplate is gone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from hashlib import sha256
from itertools import pairwise
from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.ir import Cell, Row, Source, Table, Text, ThematicBreak
from bookmaker.raw import RawDocument, SourceLine
from bookmaker.readers.encoding import decode, looks_like_mojibake, repair_mojibake
from bookmaker.readers.sanitize import strip_controls
from bookmaker.readers.verse import stanza_runs

MIN_ROWS = 3
MAX_CELL = 40
_CELL_GAP = re.compile(r"\t+| {2,}|\u3000+")
_NUMBER = re.compile(
    r"[-+−]?[\d,]*\d(?:\.\d+)?\s*(?:[천만억조]\s*)?(?:%|%p|원|명|개|건|배|달러|표|℃|°C|㎜|mm|㎝|cm)?"
)
"""A table cell's number, with its unit (``12.5%``, ``+3.1만 명``, ``1.2억 원``, a vote count's ``1,562표``, a
forecast's ``-4℃`` and ``10㎜``)."""
_LINE_END = re.compile(r"\r\n|\r|\n")
_WHEN = re.compile(
    r"(?:\d{4}\s*[.\-/]\s*)?\d{1,2}\s*[.\-/]\s*\d{1,2}\s*\.?\s*(?:\(\s*[월화수목금토일]\s*\))?"
    r"(?:\s*\d{1,2}:\d{2}(?:\s*[~\-–]\s*\d{1,2}:\d{2})?)?|\d{1,2}:\d{2}(?:\s*[~\-–]\s*\d{1,2}:\d{2})?"
)
"""A schedule's cell: a date, a date and a time, or a time (``2027. 1. 22.(금) 10:00``, ``14:00``)."""


def source_lines(text: str) -> list[str]:
    """``text`` cut where an editor numbers its lines: ``\\r\\n``, ``\\r`` and ``\\n`` only.

    ``str.splitlines`` also cuts at U+2028, U+2029 and U+0085 (and form feeds, vertical tabs),
    which no editor shows as new lines, so every later line number would be off.
    """
    lines = _LINE_END.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def split_lines(text: str) -> list[SourceLine]:
    """Split text into numbered lines (see :func:`source_lines`)."""
    return [SourceLine(t, i) for i, t in enumerate(source_lines(text), start=1)]


def check_not_empty(text: str, path: Path) -> None:
    """Raise InputError when the decoded input has no visible text."""
    if not text.strip():
        raise InputError(f"{path.name}: input is empty")


def read_bytes(data: bytes, path: Path, encoding: str | None, fmt: str) -> tuple[str, Source]:
    """Decode ``data`` and describe its provenance. A text that is CP949 mojibake throughout (read
    as Latin-1 somewhere before) is repaired here, before control characters are stripped: the C1
    characters such a text holds are the lead bytes of CP949's extension syllables."""
    if not data.strip():
        raise InputError(f"{path.name}: input is empty")
    text, enc = decode(data, encoding)
    if looks_like_mojibake(text):
        text = repair_mojibake(text)
    text = strip_controls(text)
    check_not_empty(text, path)
    src = Source(path=str(path), format=fmt, encoding=enc, sha256=sha256(data).hexdigest())
    return text, src


def _cells(text: str) -> list[str]:
    """The cells of a line laid out as a table row (one cell: not a row)."""
    cells = _CELL_GAP.split(text.strip())
    return cells if len(cells) >= 2 and all(0 < len(cell) <= MAX_CELL for cell in cells) else [text]


def _tab_cells(text: str, longest: int | None = MAX_CELL) -> list[str]:
    """The cells of a line copied from a form's table, an empty cell kept where tabs follow each
    other or open the line (one cell: not such a row); ``longest`` None lets cells be of any length."""
    cells = [cell.strip() for cell in text.strip(" \u3000").split("\t")]
    filled = [cell for cell in cells if cell]
    fit = longest is None or all(len(cell) <= longest for cell in cells)
    return cells if fit and (len(filled) >= 2 or (longest is None and filled and not cells[0])) else [text]


def _long_tab_cells(text: str) -> list[str]:
    return _tab_cells(text, None)


_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
"""A Markdown table's rule under its header row: ``|---|:---:|``, ``--- | ---``."""


def _pipe_cells(text: str) -> list[str]:
    """The cells of a row set apart by vertical bars (``연도 | 지원금``, a Markdown table's ``| 연도 |
    지원금 |``); one cell: not such a row."""
    inner = text.strip()
    if "|" not in inner or _PIPE_RULE.match(inner):
        return [text]
    inner = inner.removeprefix("|").removesuffix("|")
    cells = [cell.strip() for cell in inner.split("|")]
    return (
        cells if len(cells) >= 2 and any(cells) and all(len(cell) <= MAX_CELL for cell in cells) else [text]
    )


def _pipe_table(lines: list[SourceLine], index: int, runs: _Runs) -> tuple[Table | None, int]:
    """A table whose cells are set apart by bars from ``index``, and how many lines it takes: a
    header row over a Markdown rule and rows of its width (whatever they say), or three rows or more
    of one width with numbers in most rows below the first (a menu of links is none)."""
    rows = runs.at(index)
    if len(rows) == 1 and index + 1 < len(lines) and _PIPE_RULE.match(lines[index + 1].text):
        rule = lines[index + 1].text.strip().removeprefix("|").removesuffix("|")
        body = runs.at(index + 2) if index + 2 < len(lines) else []
        if rule.count("|") + 1 == len(rows[0]) and body and len(body[0]) == len(rows[0]):

            def row(cells: list[str], header: bool) -> Row:
                return Row(cells=[Cell(content=[Text(value=c)] if c else [], header=header) for c in cells])

            last = lines[index + 1 + len(body)].line
            head = [row(rows[0], True)]
            return Table(
                head=head, body=[row(cells, False) for cells in body], lines=[lines[index].line, last]
            ), 2 + len(body)
    if len(rows) >= MIN_ROWS and runs.numeric(index):
        return _table(rows, lines[index].line), len(rows)
    return None, len(rows)


_SPACED_OUT = re.compile(r"[가-힣](?:\s+[가-힣])+")


def _headed_tab_run(lines: list[SourceLine], index: int, runs: _Runs) -> list[list[str]]:
    """The rows of a tabbed table whose cells below a short header row may be long (a bill's
    신·구조문대비표: ``현 행<TAB>개 정 안`` over whole provisions, a row whose old text is blank opening
    with a tab), or no rows (``runs``: the runs of :func:`_long_tab_cells`)."""
    header = _tab_cells(lines[index].text)
    if len(header) < 2 or not all(header):
        return []
    rows = runs.at(index)
    if not runs.long(index):
        return []
    header = ["".join(cell.split()) if _SPACED_OUT.fullmatch(cell) else cell for cell in rows[0]]
    return [header, *rows[1:]]  # "현      행": letter-spaced, "현행"


def _table(rows: list[list[str]], first: int, tabbed: bool = False) -> Table | None:
    """A table of ``rows`` when they read as one (numbers in most rows below the first, unless
    ``tabbed``: a form's rows cut at tabs)."""
    numeric = [any(_NUMBER.fullmatch(cell) or _WHEN.fullmatch(cell) for cell in row) for row in rows]
    if not tabbed and sum(numeric[1:]) * 2 < len(rows) - 1:
        return None
    periods = _period_row(rows[0]) and not all(_period_row(row) for row in rows[1:])
    labels = periods or _ordinal_row(rows[0])
    head = [] if (numeric[0] and not labels) or _field_rows(rows) else [rows[0]]
    body = rows[len(head) :]

    def row(cells: list[str], header: bool) -> Row:
        return Row(cells=[Cell(content=[Text(value=cell)], header=header) for cell in cells])

    return Table(
        head=[row(cells, True) for cells in head],
        body=[row(cells, False) for cells in body],
        lines=[first, first + len(rows) - 1],
    )


FEWEST_ORDINALS = 3


def _ordinal_row(row: list[str]) -> bool:
    """A header row numbering its columns (a line score's ``팀<TAB>1<TAB>2<TAB>3 … R<TAB>H``): a label
    first, then three numbers or more counted up from 1, one after another (a row of data holds no
    such run)."""
    first = row[0].strip()
    if not first or _NUMBER.fullmatch(first):
        return False
    count = 0
    for cell in row[1:]:
        if cell.strip() != str(count + 1):
            break
        count += 1
    return count >= FEWEST_ORDINALS


_PERIOD = re.compile(
    r"(?:19|20)\d{2}\s*(?:[EFPA]|년)?|[1-4]\s*Q\s*(?:19|20)?\d{2}[EFPA]?|(?:19|20)?\d{2}\.[1-4]Q[EFPA]?"
)
"""A period a financial table's column is of: a year (``2024``, a forecast's ``2026E``, ``2027F``),
a quarter (``1Q26``, ``26.1Q``)."""


def _period_row(row: list[str]) -> bool:
    """A header row of periods over a financial table (``(십억원)<TAB>2024<TAB>2025<TAB>2026E``): every
    cell after the first a period, the first one a label, a unit or empty."""
    periods = [cell for cell in row[1:] if cell]
    first = row[0].strip()
    return (
        len(periods) >= 2
        and all(_PERIOD.fullmatch(cell) for cell in periods)
        and not _NUMBER.fullmatch(first)
    )


_LABEL = re.compile(r"[가-힣A-Za-z/·]{1,8}(?: [가-힣A-Za-z/·]{1,8})?")
"""A field's label in a form's table (``성상``, ``최초 사용``, ``교과목명``): short words, no digits."""


def _label(cell: str) -> bool:
    return len(cell) <= 10 and _LABEL.fullmatch(cell) is not None


MAX_FIELDS = 40
"""A form's field table is short; a longer run is read another way (and each start inside a run is
tried: a bound keeps that linear)."""


def _field_rows(rows: list[list[str]]) -> bool:
    """Rows of a form's field table: two or four cells, a label then its value in each pair
    (``성상<TAB>흰색의 장방형 필름코팅정``), the labels all different, and the first row's values
    no column names (``평가 항목<TAB>비율`` over ``중간고사<TAB>25%`` is a header): no header row."""
    width = len(rows[0]) if rows else 0
    if (
        width not in (2, 4)
        or len(rows) > MAX_FIELDS
        or any(len(row) != width or not all(row) for row in rows)
    ):
        return False
    labels = [row[i] for row in rows for i in range(0, width, 2)]
    values = [rows[0][i] for i in range(1, width, 2)]
    return (
        all(_label(cell) for cell in labels)
        and len(set(labels)) == len(labels)
        and not all(_label(cell) for cell in values)
    )


_NAVIGATION = re.compile(r"(?:이전|다음|윗|아랫)\s*글|이전|다음|prev(?:ious)?|next", re.IGNORECASE)
"""A board's links to the posts around one (``이전글<TAB>…``, ``다음글<TAB>…``): no field's label."""


def _tabbed_runs(lines: list[SourceLine]) -> list[tuple[int, list[list[str]]]]:
    """Each longest run of lines the tabs cut into as many cells, with where it starts."""
    out: list[tuple[int, list[list[str]]]] = []
    index = 0
    while index < len(lines):
        rows = _run(lines, index, _tab_cells) if "\t" in lines[index].text else []
        if len(rows) >= 2:
            out.append((index, rows))
        index += max(len(rows), 1)
    return out


def _short_field_tables(lines: list[SourceLine]) -> set[int]:
    """Where a two-row field table starts (``저장방법<TAB>…`` / ``사용기간<TAB>…`` under a leaflet's
    outline): only in a text that lays out another field table of three rows or more (the page's
    own form), and never a board's ``이전글``/``다음글`` pair (two tabbed label/value rows alone are
    no evidence of a table: a viewer's ``본문``/``첨부`` line is chrome)."""
    runs = _tabbed_runs(lines)
    if not any(len(rows) >= MIN_ROWS and _field_rows(rows) for _, rows in runs):
        return set()
    return {
        index
        for index, rows in runs
        if len(rows) == 2
        and _field_rows(rows)
        and not any(_NAVIGATION.fullmatch(row[i]) for row in rows for i in range(0, len(row), 2))
    }


class _Runs:
    """The runs :func:`_run` finds for one ``cells`` function, each cut once: a start inside a run
    has the same end (its lines all have the run's width), so its rows are the run's from there.
    Each run also knows, per row, whether it has a number, an empty cell or a long cell, so that
    :func:`find_tables` decides a start inside it without reading its rows again (trying each
    start of a run that makes no table to the run's end was quadratic)."""

    def __init__(self, lines: list[SourceLine], cells: Callable[[str], list[str]]) -> None:
        self.lines, self.cells = lines, cells
        self.start = self.end = 0
        self.rows: list[list[str]] = []
        self.numbers: list[int] = []  # numbers[i]: rows with a number among rows[i:]
        self.last_empty = self.last_long = -1  # the last row with an empty cell, with a long one

    def at(self, index: int) -> list[list[str]]:
        """The rows of the run from ``index`` (as :func:`_run`)."""
        if not self.start <= index < self.end:
            self.rows = _run(self.lines, index, self.cells)
            self.start, self.end = index, index + len(self.rows)
            self.numbers = [0] * (len(self.rows) + 1)
            for at in range(len(self.rows) - 1, -1, -1):
                numeric = any(_NUMBER.fullmatch(cell) or _WHEN.fullmatch(cell) for cell in self.rows[at])
                self.numbers[at] = self.numbers[at + 1] + numeric
            self.last_empty = max((at for at, row in enumerate(self.rows) if "" in row), default=-1)
            long = (at for at, row in enumerate(self.rows) if any(len(cell) > MAX_CELL for cell in row))
            self.last_long = max(long, default=-1)
        return self.rows[index - self.start :]

    def numeric(self, index: int) -> bool:
        """Whether numbers are in enough rows below the first of the run from ``index`` (as
        :func:`_table` asks of rows that are not tabbed)."""
        first = index - self.start
        return self.numbers[first + 1] * 2 >= len(self.rows) - first - 1

    def empty(self, index: int) -> bool:
        """Whether a row of the run from ``index`` has an empty cell."""
        return self.last_empty >= index - self.start

    def long(self, index: int) -> bool:
        """Whether a row below the first of the run from ``index`` has a cell longer than a cell."""
        return self.last_long > index - self.start


_SYLLABLE = re.compile(r"[가-힣]")


def _closed_labels(cells: list[str]) -> list[str]:
    """``cells`` with each run of one-syllable cells joined: a label letter-spaced as widely as the
    columns are set apart (``구      분``, ``합      계``), cut at its spaces like a row's cells."""
    out: list[str] = []
    run: list[str] = []
    for cell in [*cells, ""]:
        if _SYLLABLE.fullmatch(cell):
            run.append(cell)
            continue
        out += ["".join(run)] if len(run) >= 2 else run
        run = []
        out.append(cell)
    return out[:-1]


def _spaced_run(lines: list[SourceLine], index: int) -> list[list[str]]:
    """The rows of the run of lines from ``index`` cut at runs of spaces into as many cells, a row
    whose letter-spaced label was cut too (:func:`_closed_labels`) taken closed when so it has the
    width the rows around it have."""
    first = _cells(lines[index].text)
    below = _cells(lines[index + 1].text) if index + 1 < len(lines) else []
    width = len(first)
    if width != len(below) and len(_closed_labels(first)) == len(_closed_labels(below)) > 1:
        width = len(_closed_labels(below))
    rows: list[list[str]] = []
    for sl in lines[index:]:
        cells = _cells(sl.text)
        if len(cells) != width:
            cells = _closed_labels(cells)
        if width <= 1 or len(cells) != width:
            break
        rows.append(cells)
    return rows


def _run(lines: list[SourceLine], index: int, cells: Callable[[str], list[str]]) -> list[list[str]]:
    """The rows of the run of lines from ``index`` that ``cells`` cuts into as many cells."""
    if cells is _cells:
        return _spaced_run(lines, index)
    width = len(cells(lines[index].text))
    end = index
    while width > 1 and end < len(lines) and len(cells(lines[end].text)) == width:
        end += 1
    return [cells(sl.text) for sl in lines[index:end]]


MAX_LABEL = 20
_SENTENCE_END = re.compile(r"[.!?。]$|[다요]$")


def _pairs(lines: list[SourceLine], index: int) -> list[list[str]]:
    """The rows of a graphic's text dump from ``index``: a label on a line of its own (``2022년``,
    ``서울``) over its number (``20,658``, ``21,372명``), pair after pair — a chart copied from a page
    that set each bar's label and value apart (a table when :func:`_charted` also holds)."""
    rows: list[list[str]] = []
    at = index
    while at + 1 < len(lines):
        label, value = lines[at].text.strip(), lines[at + 1].text.strip()
        if not (
            0 < len(label) <= MAX_LABEL
            and "\t" not in label
            and not _NUMBER.fullmatch(label)
            and not _SENTENCE_END.search(label)
            and _NUMBER.fullmatch(value)
        ):
            break
        rows.append([label, value])
        at += 2
    return rows


_UNIT = re.compile(r"^\s*[(（\[<]\s*단위\s*[:：]")
_SOURCE = re.compile(r"^\s*[<(\[]?\s*(?:자료|출처)\s*[:：/=]")


def _charted(lines: list[SourceLine], index: int, pairs: list[list[str]]) -> bool:
    """A chart's unit note (``(단위: 명)``) right above the pairs or its source (``자료: 통계청``) right
    below them: the evidence that label/number pairs are a graphic's data, not a page's buttons and
    their counts (``쏠쏠정보`` / ``3``)."""
    end = index + 2 * len(pairs)
    above = lines[index - 1].text if index else ""
    below = lines[end].text if end < len(lines) else ""
    return bool(_UNIT.match(above) or _SOURCE.match(below))


_BOX_ROW = re.compile(r"^\s*[│┃║].*[│┃║]\s*$")
_BOX_RULE = re.compile(r"^\s*[┌┏╔├┝┠┣╞╟╠└┗╚+][─━═┬┯┰┳╤╥╦┼┿╂╋╪╫╬┴┷┸┻╧╨╩─\-=+ ]*[┐┓╗┤┥┨┫╡╢╣┘┛╝+]\s*$")
_BOX_BAR = re.compile(r"[│┃║]")


def _box_table(lines: list[SourceLine], index: int) -> tuple[Table | None, int]:
    """A table drawn with box characters (a word processor's table saved as text: ``┌─┬─┐``,
    ``│ a │ b │``, ``├─┼─┤``, ``└─┴─┘``) from ``index``, and the index after it; or None and the
    first index after ``index`` where one may start (a scan from a rule inside this one's would
    fail as this one did: trying each was quadratic in the rules). Rules between every row make
    each ruled group one row (a cell's text wrapped over lines is joined); a rule under the first
    group alone makes that group the header."""
    if not _BOX_RULE.match(lines[index].text):
        return None, index + 1
    end = index + 1
    groups: list[list[list[str]]] = [[]]
    rules = [index]  # the rule over each group
    bottom = False
    while end < len(lines):
        text = lines[end].text
        if _BOX_ROW.match(text) and not _BOX_RULE.match(text):
            groups[-1].append([cell.strip() for cell in _BOX_BAR.split(text.strip())[1:-1]])
        elif _BOX_RULE.match(text):
            if text.strip()[0] in "└┗╚":
                end += 1
                bottom = True
                break
            groups.append([])
            rules.append(end)
        else:
            break
        end += 1
    if not _drawn(groups):
        return None, _retry(groups, rules, end - 1 if bottom else end)
    groups = [group for group in groups if group]

    def joined(group: list[list[str]]) -> list[str]:
        return [" ".join(filter(None, column)) for column in zip(*group, strict=True)]

    if len(groups) >= 3:  # ruled between rows: a group is a row
        rows = [joined(group) for group in groups]
        head, body = rows[:1], rows[1:]
    elif len(groups) == 2:
        head, body = [joined(groups[0])], groups[1]
    else:
        head, body = [], groups[0]

    def row(cells: list[str], header: bool) -> Row:
        return Row(cells=[Cell(content=[Text(value=cell)] if cell else [], header=header) for cell in cells])

    first, last = lines[index].line, lines[end - 1].line
    table = Table(
        head=[row(cells, True) for cells in head],
        body=[row(cells, False) for cells in body],
        lines=[first, last],
    )
    return table, end


def _drawn(groups: list[list[list[str]]]) -> bool:
    """Whether ruled ``groups`` of rows make a table: two rows or more, all of one width above 1."""
    widths = {len(row) for group in groups for row in group}
    return len(widths) == 1 and widths != {1} and sum(map(len, groups)) >= 2


def _retry(groups: list[list[list[str]]], rules: list[int], after: int) -> int:
    """Where a drawn table may start after a failed scan whose ``groups`` each lie under the rule at
    ``rules``: the first inner rule whose groups below make a table, else ``after`` (the scan's
    bottom rule, which starts a scan of its own, or the line that ended it)."""
    widths: set[int] = set()
    rows = 0
    found = after
    for at in range(len(groups) - 1, 0, -1):
        widths.update(len(row) for row in groups[at])
        rows += len(groups[at])
        if len(widths) > 1:
            break
        if widths and widths != {1} and rows >= 2:
            found = rules[at]
    return found


MIN_GRID_CELLS = 3


def _grid(rows: list[list[str]]) -> bool:
    """Three tabbed rows or more of three cells or more, every cell filled and short: a table copied
    from a page or a document (a rota, a timetable), whatever its cells say."""
    return len(rows) >= MIN_ROWS and len(rows[0]) >= MIN_GRID_CELLS and all(all(row) for row in rows)


_LEADER = re.compile(r"[…‥]{2,}|[·ㆍ.]{4,}")
"""Dotted leaders between a programme's columns (``기    도 ……………… 정민수 장로``)."""
_PAGE = re.compile(r"(?:\d{1,4}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})")
_MARKED_SPACED = re.compile(r"(?P<mark>[*＊]?)\s*(?P<word>[가-힣](?:\s+[가-힣])+)")


def _leader_cells(text: str) -> list[str]:
    """The cells dotted leaders part a line into (one cell: not such a row)."""
    cells = [cell.strip() for cell in _LEADER.split(text.strip())]
    return cells if 2 <= len(cells) <= 4 and all(0 < len(c) <= MAX_CELL for c in cells) else [text]


def _closed_cell(cell: str) -> str:
    """A letter-spaced cell with its spaces closed (``찬    송`` → ``찬송``, ``*축    도`` → ``*축도``)."""
    m = _MARKED_SPACED.fullmatch(cell)
    return m["mark"] + "".join(m["word"].split()) if m else cell


def _leader_run(lines: list[SourceLine], index: int) -> list[list[str]]:
    """The rows of the run of leader-parted lines from ``index``, each as wide as the widest (the
    last cell stands at the right: a shorter row's middle cells are empty)."""
    rows: list[list[str]] = []
    while index + len(rows) < len(lines) and len(cells := _leader_cells(lines[index + len(rows)].text)) >= 2:
        rows.append(cells)
    width = max((len(row) for row in rows), default=0)
    return [[_closed_cell(c) for c in [*row[:-1], *[""] * (width - len(row)), row[-1]]] for row in rows]


def _leader_table(rows: list[list[str]], first: int) -> Table | None:
    """A programme set in dotted leaders (an order of service, a ceremony's order: part, what, who),
    three rows or more; a table of contents (page numbers closing most rows) is none."""
    if len(rows) < MIN_ROWS or sum(bool(_PAGE.fullmatch(row[-1])) for row in rows) * 2 >= len(rows):
        return None
    body = [Row(cells=[Cell(content=[Text(value=c)] if c else []) for c in row]) for row in rows]
    return Table(head=[], body=body, lines=[first, first + len(rows) - 1])


def find_tables(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with each run of table rows (see the module) as one table line."""
    out: list[SourceLine] = []
    index = 0
    box_from = pairs_from = leaders_from = 0  # no drawn table, chart or programme starts before them
    # (their scans failed)
    spaced, tabbed, headed = _Runs(lines, _cells), _Runs(lines, _tab_cells), _Runs(lines, _long_tab_cells)
    piped = _Runs(lines, _pipe_cells)
    short_fields = _short_field_tables(lines)
    while index < len(lines):
        drawn, end = _box_table(lines, index) if index >= box_from else (None, box_from)
        box_from = end
        if drawn is not None:
            attrs = {"last_line": str(lines[end - 1].line)}
            out.append(SourceLine(drawn.text, lines[index].line, "table", attrs, block=drawn))
            index = end
            continue
        if "|" in lines[index].text:
            table, span = _pipe_table(lines, index, piped)
            if table is not None:
                end = index + span
                out.append(
                    SourceLine(
                        table.text,
                        lines[index].line,
                        "table",
                        {"last_line": str(lines[end - 1].line)},
                        block=table,
                    )
                )
                index = end
                continue
        rows = spaced.at(index)
        numeric = len(rows) >= MIN_ROWS and spaced.numeric(index)
        table = _table(rows, lines[index].line) if numeric else None
        if table is None and "\t" in lines[index].text:
            rows = tabbed.at(index)
            merged = tabbed.empty(index)  # an empty cell: a form's merged one
            table = _table(rows, lines[index].line, tabbed=True) if merged and len(rows) >= MIN_ROWS else None
        if (
            table is None
            and "\t" in lines[index].text
            and (len(rows := tabbed.at(index)) >= MIN_ROWS or index in short_fields)
            and _field_rows(rows)
        ):
            table = _table(rows, lines[index].line, tabbed=True)  # a form's fields
        if (
            table is None
            and "\t" in lines[index].text
            and len(rows := _headed_tab_run(lines, index, headed)) >= MIN_ROWS
        ):
            table = _table(rows, lines[index].line, tabbed=True)
        if table is None and "\t" in lines[index].text and _grid(rows := tabbed.at(index)):
            table = _table(rows, lines[index].line, tabbed=True)  # a rota, a timetable
        span = len(rows)
        if table is None and index >= leaders_from:
            rows = _leader_run(lines, index)
            table, span = _leader_table(rows, lines[index].line), len(rows)
            leaders_from = index + max(1, len(rows))  # a start inside the run: the same rows' tail
        if table is None and index >= pairs_from:
            pairs = _pairs(lines, index)
            if len(pairs) >= MIN_ROWS and _charted(lines, index, pairs):
                table, span = _table(pairs, lines[index].line, tabbed=True), 2 * len(pairs)
                if table is not None:
                    table.lines = [lines[index].line, lines[index + span - 1].line]
            else:  # a start inside these pairs has fewer, no unit note above and the same line below
                pairs_from = index + max(1, 2 * len(pairs))
        if table is not None:
            end = index + span
            attrs = {"last_line": str(lines[end - 1].line)}
            out.append(SourceLine(table.text, lines[index].line, "table", attrs, block=table))
            index = end
        else:
            out.append(lines[index])
            index += 1
    return out


_CUT_LINE = re.compile(
    r"^[\s\-–—_=.·*~✂✁✃✄]*(?:[✂✁✃✄]|절\s*취\s*선|자\s*르\s*는\s*선)[\s\-–—_=.·*~✂✁✃✄]*"
    r"(?:(?:절\s*취\s*선|자\s*르\s*는\s*선)[\s\-–—_=.·*~✂✁✃✄]*)?$"
)
"""A letter's cut line above its reply slip: ``- - - ✂ 절 취 선 ✂ - - -``, ``-----절취선-----``."""


_SCENE_BREAK = re.compile(r"^\s*(?:(?:[*＊✱]\s*){3,5}|⁂|[*＊](?:\s+[*＊]){2,4})\s*$")
"""A story's scene break alone on its line: ``* * *``, ``***``, ``＊＊＊``, ``⁂``."""


def cut_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with a cut line (see :data:`_CUT_LINE`) as a thematic break: the slip below it is a
    part of its own (a reply form), not the letter's closing text; and a story's scene break (see
    :data:`_SCENE_BREAK`) as a thematic break between its parts."""
    return [
        SourceLine(sl.text, sl.line, "break", {"cut": "1"}, block=ThematicBreak(lines=[sl.line]))
        if _CUT_LINE.match(sl.text) and sl.text.strip()
        else SourceLine(sl.text, sl.line, "break", block=ThematicBreak(lines=[sl.line]))
        if _SCENE_BREAK.match(sl.text)
        else sl
        for sl in lines
    ]


def verse(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with each stanza of a poem kept as one paragraph of broken lines: when the runs between
    blank lines are stanzas (:func:`~bookmaker.readers.verse.stanza_runs`), the lines of each run share a
    ``br_group`` (joined with a line break after normalization, as a ``<br>`` is)."""
    runs: list[list[SourceLine]] = [[]]
    for sl in lines:
        if sl.text.strip():
            runs[-1].append(sl)
        elif runs[-1]:
            runs.append([])
    found = stanza_runs([[sl.text for sl in run] for run in runs])
    if found is None:
        return lines
    stanzas = [run for at, run in enumerate(runs) if at in found]
    group = {id(sl): f"verse-{n}" for n, run in enumerate(stanzas) for sl in run}
    firsts = {id(run[0]) for run in stanzas}
    titles = {  # a poem's numbered title alone over its first stanza ("1. 밤의 부엌")
        id(run[0])
        for run, after in pairwise(runs)
        if len(run) == 1 and after and id(after[0]) in firsts and _POEM_TITLE.match(run[0].text)
    }
    return [
        SourceLine(sl.text, sl.line, sl.kind, {**sl.attrs, "br_group": group[id(sl)]})
        if id(sl) in group
        else SourceLine(sl.text, sl.line, "heading", {**sl.attrs, "level": "2"})
        if id(sl) in titles
        else sl
        for sl in lines
    ]


_POEM_TITLE = re.compile(r"^\s*\d{1,2}[.)]\s+\S.{0,24}$")


def read_text(data: bytes, path: Path, encoding: str | None = None) -> RawDocument:
    """Read a plain-text article scrape."""
    text, src = read_bytes(data, path, encoding, "text")
    return RawDocument(lines=verse(find_tables(cut_lines(split_lines(text)))), source=src)
