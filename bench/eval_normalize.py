"""Evaluate normalization against hand-written expectations, field by field.

Two sets are scored:

* **fixtures** — ``tests/fixtures/articles/NAME.expected.json`` names its input (``input``, relative
  to the fixtures folder, or ``input_repo``, relative to the repository root) and the fields a
  careful editor expects: title, series, subtitles, authors (``[name, role, e-mail]``, and a list of
  affiliations when the page gives them), date, publisher, dateline, rights, a paper's
  ``identifiers`` (``["doi:10.…"]``) and ``container`` (``{"title", "volume", "issue", "pages"}``;
  scored together as ``cite``), the
  block sequence (``"p:5"``, ``"h:13"``, ``"fig:11:연합뉴스"``, ``"quote:3"``, ``"list:4"``; a
  paragraph with a role by it: ``"editor-note:7"``, ``"correction:16"``, ``"signature:12"``,
  ``"verse:30"``), the removed lines, and text that must (``contains``) or must not (``absent``) be
  in the body.
  Line numbers are the reader's: lines of the input file as given (an HTML page's source lines);
  for a saved page in MIME form (``.mhtml``, ``.mht``, ``.eml``) lines of its decoded HTML part (an
  e-mail's plain text part when it has no HTML), so that transfer encodings never move a line.
  ``encode`` re-encodes the UTF-8 input (``cp949``, ``utf-16``, ``utf-8-sig``) before reading.
  ``open`` (a sentence) marks a held-out failure not fixed yet: it is scored as usual here, and the
  fixture test expects it to fail until the note is removed.
  ``shape`` (optional, for documents) says what the block sequence cannot: ``tables`` (each table's
  header rows + body rows × columns, ``"1+4x3"``, in reading order, nested ones too), ``lists`` (each
  top-level list's items / nesting depth, ``"3/2"``), ``marks`` (each numbered list's first
  marker as printed, nested ones too, in reading order: ``"가."``, ``"1)"``, ``"①"``), ``refs``
  (footnote references that point to a footnote), ``links`` (link runs anywhere in the body) and
  ``langs`` (``{"en": 7}``: top-level blocks whose text is all inside language spans of that tag).
  Scored as the field ``shape``.
* **corpus** — real pages and scrapes in ``../shared/corpus`` (never copied here), annotated in
  ``tests/fixtures/corpus/NAME.json`` by content rather than by line, so that a reader's change of
  line numbering does not change the expectation: ``title``, ``series``, ``deck`` (subtitle lines),
  ``authors`` (``[name, e-mail]``), ``date`` (ISO 8601), ``publisher`` (a name or a list of
  acceptable names), ``captions`` (``[snippet, [acceptable credits]]``), ``keep`` (body snippets,
  in source order, each to be found exactly once — or ``[snippet, n]`` n times) and ``drop``
  (chrome that must not be in the title, deck, captions or body).

Each field is scored as checks passed and as precision/recall: a single-valued field (title,
date, publisher) is a true positive when right, a false negative when the right value is missing
and a false positive when a wrong value is given; a list field (deck, authors, captions, blocks,
removed lines) counts matched, extra and missing items; ``body`` counts kept snippets, repeats and
chrome left in the body (false positives) and lost snippets (false negatives). Texts are compared
folded (NFKC, one quote style, no spaces) so that punctuation cleanup and spacing do not count.

``python bench/eval_normalize.py`` prints both tables; ``-v`` also prints what differed;
``--corpus`` / ``--fixtures`` restrict to one set; ``--corpus-dir DIR --annotations DIR`` score
another annotated set of pages kept outside the repository (third-party pages are never committed).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
ANNOTATIONS = ROOT / "tests" / "fixtures" / "corpus"
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from bookmaker.ir import (  # noqa: E402
    Block,
    CodeBlock,
    Document,
    Figure,
    Footnote,
    Heading,
    Link,
    ListBlock,
    NoteRef,
    Quote,
    Span,
    Table,
    Text,
    ThematicBreak,
    inlines_of,
    runs,
    walk,
)
from bookmaker.layout.list_markers import marker  # noqa: E402
from bookmaker.normalize import normalize  # noqa: E402
from bookmaker.raw import RawDocument  # noqa: E402
from bookmaker.readers import read  # noqa: E402

FIELDS = [
    "title",
    "deck",
    "authors",
    "date",
    "publisher",
    "dateline",
    "cite",
    "blocks",
    "removed",
    "text",
    "shape",
    "conserve",
]
CORPUS_FIELDS = [
    "title",
    "deck",
    "authors",
    "date",
    "publisher",
    "captions",
    "body",
    "chrome",
    "order",
    "conserve",
]
TAGS = {
    Figure: "fig",
    Heading: "h",
    Quote: "quote",
    ListBlock: "list",
    Table: "table",
    CodeBlock: "code",
    ThematicBreak: "hr",
    Footnote: "note",
}


@dataclass
class Score:
    """Checks passed, and true/false positives and false negatives, for one field."""

    passed: int = 0
    checks: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.passed += other.passed
        self.checks += other.checks
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def single(got: object, want: object, alternatives: Sequence[object] = ()) -> Score:
    """A single-valued field; an empty ``want`` expects nothing."""
    right = got == want or (bool(alternatives) and got in alternatives)
    if not want:
        return Score(passed=int(not got), checks=1, fp=int(bool(got)))
    return Score(
        passed=int(right), checks=1, tp=int(right), fn=int(not right), fp=int(bool(got) and not right)
    )


def items(got: Iterable[object], want: Iterable[object]) -> Score:
    """A list field compared as multisets: each expected item and each extra item is a check."""
    g, w = Counter(got), Counter(want)
    tp = sum((g & w).values())
    fp, fn = sum((g - w).values()), sum((w - g).values())
    return Score(
        passed=tp + int(not (tp or fp or fn)),
        checks=tp + fp + fn + int(not (tp or fp or fn)),
        tp=tp,
        fp=fp,
        fn=fn,
    )


@dataclass
class Result:
    """Per-field verdicts for one fixture (None = not checked) plus block/removal scores."""

    name: str
    ok: dict[str, bool | None] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    scores: dict[str, Score] = field(default_factory=dict)
    block_score: float = 0.0
    removed_tp: int = 0
    removed_fp: int = 0
    removed_fn: int = 0


def block_specs(doc: Document) -> list[str]:
    """The block sequence in the compact expected form."""
    out = []
    for b in doc.blocks:
        tag = getattr(b, "role", None) or TAGS.get(type(b), "p")  # a paragraph's role names it
        spec = f"{tag}:{b.lines[0] if b.lines else 0}"
        if isinstance(b, Figure) and b.credit:
            spec += f":{b.credit}"
        out.append(spec)
    return out


def _depth(block: ListBlock) -> int:
    inner = [b for item in block.items for b in item.blocks if isinstance(b, ListBlock)]
    return 1 + max((_depth(b) for b in inner), default=0)


def _columns(table: Table) -> int:
    return max((sum(cell.colspan for cell in row.cells) for row in [*table.head, *table.body]), default=0)


def _in_lang(block: Block) -> str | None:
    """The language every text run of ``block`` is inside (a span's tag), if there is one."""
    langs: set[str | None] = set()

    def visit(inlines: Sequence[object], lang: str | None) -> None:
        for run in inlines:
            if isinstance(run, Span):
                visit(run.content, run.lang)
            elif isinstance(run, Text) and run.value.strip():
                langs.add(lang)
            elif hasattr(run, "content"):
                visit(run.content, lang)

    for inlines in inlines_of(block):
        visit(inlines, None)
    return next(iter(langs)) if len(langs) == 1 else None


def shape_items(doc: Document, want: dict[str, Any]) -> list[str]:
    """The document's shape in the expectation's terms, for the keys ``want`` names."""
    blocks = list(walk(doc.blocks))
    all_runs = [run for block in blocks for inlines in inlines_of(block) for run in runs(inlines)]
    notes = {b.id for b in blocks if isinstance(b, Footnote)}
    out: list[str] = []
    if "tables" in want:
        tables = [b for b in blocks if isinstance(b, Table)]
        out += [f"table:{len(t.head)}+{len(t.body)}x{_columns(t)}" for t in tables]
    if "lists" in want:
        out += [f"list:{len(b.items)}/{_depth(b)}" for b in doc.blocks if isinstance(b, ListBlock)]
    if "marks" in want:
        numbered = [b for b in blocks if isinstance(b, ListBlock) and b.ordered]
        out += [f"mark:{marker(b.style or 'decimal', b.punctuation, b.start)}" for b in numbered]
    if "refs" in want:
        out.append(f"refs:{sum(isinstance(r, NoteRef) and r.note in notes for r in all_runs)}")
    if "links" in want:
        out.append(f"links:{sum(isinstance(r, Link) for r in all_runs)}")
    for lang in want.get("langs", {}):
        out.append(f"lang:{lang}:{sum(_in_lang(b) == lang for b in doc.blocks)}")
    return out


def expected_shape(want: dict[str, Any]) -> list[str]:
    """The expectation's ``shape`` as items comparable with :func:`shape_items`."""
    out = [f"table:{t}" for t in want.get("tables", [])] + [f"list:{x}" for x in want.get("lists", [])]
    out += [f"mark:{x}" for x in want.get("marks", [])]
    out += [f"{key}:{want[key]}" for key in ("refs", "links") if key in want]
    return out + [f"lang:{lang}:{n}" for lang, n in want.get("langs", {}).items()]


def _hashable(author: list[Any]) -> tuple[Any, ...]:
    return tuple(tuple(x) if isinstance(x, list) else x for x in author)


def cite_items(doc: Document) -> list[str]:
    """The document's identifiers (``doi:10.…``) and journal (``container:title|volume|issue|pages``)."""
    out = [f"{i.scheme}:{i.value}" for i in doc.meta.identifiers]
    c = doc.meta.container
    return out + ([f"container:{c.title}|{c.volume or ''}|{c.issue or ''}|{c.pages or ''}"] if c else [])


def expected_cite(exp: dict[str, Any]) -> list[str]:
    """The expectation's ``identifiers`` (``["doi:10.…"]``) and ``container`` (an object) as items."""
    c = exp.get("container")
    if not c:
        return list(exp.get("identifiers", []))
    container = f"container:{c['title']}|{c.get('volume', '')}|{c.get('issue', '')}|{c.get('pages', '')}"
    return [*exp.get("identifiers", []), container]


def load_input(exp: dict[str, Any], tmp: Path) -> tuple[RawDocument, Path]:
    """Read the fixture input, re-encoded if the expectation asks for it."""
    path = ROOT / exp["input_repo"] if "input_repo" in exp else FIXTURES / exp["input"]
    if exp.get("encode"):
        data = path.read_bytes().decode("utf-8").encode(exp["encode"])
        path = tmp / (path.stem + "." + exp["encode"] + path.suffix)
        path.write_bytes(data)
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw, path


def unaccounted(raw: RawDocument, doc: Document) -> list[int]:
    """Non-blank source lines in no block, no Meta.lines entry and no removal."""
    covered: set[int] = {r.line for r in doc.removed}
    for b in doc.blocks:
        if b.lines:
            covered.update(range(b.lines[0], b.lines[-1] + 1))
    for lines in doc.meta.lines.values():
        covered.update(lines)
    return [sl.line for sl in raw.lines if sl.text.strip() and sl.line not in covered]


def evaluate(exp_path: Path) -> tuple[Result, Document]:
    """Compare one fixture's normalization with its expectation."""
    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    res = Result(exp_path.name.removesuffix(".expected.json"))
    with tempfile.TemporaryDirectory() as tmp:
        raw, _ = load_input(exp, Path(tmp))
    doc = normalize(raw)
    m = doc.meta

    def check(name: str, got: object, want: object) -> None:
        res.ok[name] = got == want
        if got != want:
            res.notes[name] = f"got {got!r}, want {want!r}"

    check("title", m.title, exp["title"])
    res.scores["title"] = single(m.title, exp["title"])
    check("deck", (m.series, m.subtitles), (exp.get("series", []), exp.get("subtitles", [])))
    res.scores["deck"] = items(
        [f"series:{s}" for s in m.series] + m.subtitles,
        [f"series:{s}" for s in exp.get("series", [])] + exp.get("subtitles", []),
    )
    got_authors = [
        [a.name, a.role, a.email, *([a.affiliations] if a.affiliations else [])] for a in m.authors
    ]
    check("authors", got_authors, exp.get("authors", []))
    res.scores["authors"] = items(map(_hashable, got_authors), map(_hashable, exp.get("authors", [])))
    got_cite, want_cite = cite_items(doc), expected_cite(exp)
    if got_cite or want_cite:
        check("cite", got_cite, want_cite)
        res.scores["cite"] = items(got_cite, want_cite)
    else:
        res.ok["cite"] = None
    check("date", m.date, exp.get("date"))
    res.scores["date"] = single(m.date, exp.get("date"))
    check("publisher", m.publisher, exp.get("publisher"))
    res.scores["publisher"] = single(m.publisher, exp.get("publisher"))
    if "dateline" in exp or "rights" in exp:
        got_dl = (m.dateline if "dateline" in exp else None, m.rights if "rights" in exp else None)
        check("dateline", got_dl, (exp.get("dateline"), exp.get("rights")))
        res.scores["dateline"] = items(
            [x for x in got_dl if x], [x for x in (exp.get("dateline"), exp.get("rights")) if x]
        )
    else:
        res.ok["dateline"] = None
    specs = block_specs(doc)
    check("blocks", specs, exp["blocks"])
    res.scores["blocks"] = items(specs, exp["blocks"])
    res.block_score = SequenceMatcher(None, specs, exp["blocks"], autojunk=False).ratio()
    want_removed = set(exp.get("removed", []))
    # the HTML reader's own removals (page chrome outside the article: rules html.*) are scored only
    # where an expectation names the line; the expectations list what normalization removes
    got_removed = {
        r.line for r in doc.removed if not (r.rule or "").startswith("html.") or r.line in want_removed
    }
    check("removed", sorted(got_removed), sorted(want_removed))
    res.scores["removed"] = items(got_removed, want_removed)
    res.removed_tp = len(got_removed & want_removed)
    res.removed_fp = len(got_removed - want_removed)
    res.removed_fn = len(want_removed - got_removed)
    body = "\n".join(b.text for b in doc.blocks)
    missing = [s for s in exp.get("contains", []) if s not in body]
    present = [s for s in exp.get("absent", []) if s in body or s in m.title]
    res.ok["text"] = not missing and not present
    contains, absent = len(exp.get("contains", [])), len(exp.get("absent", []))
    res.scores["text"] = Score(
        passed=contains + absent - len(missing) - len(present),
        checks=contains + absent,
        tp=contains - len(missing),
        fn=len(missing),
        fp=len(present),
    )
    if missing or present:
        res.notes["text"] = f"missing {missing}, present {present}"
    if "shape" in exp:
        got_shape, want_shape = shape_items(doc, exp["shape"]), expected_shape(exp["shape"])
        check("shape", got_shape, want_shape)
        res.scores["shape"] = items(got_shape, want_shape)
    else:
        res.ok["shape"] = None
    lost = unaccounted(raw, doc)
    res.ok["conserve"] = not lost
    lines = sum(1 for sl in raw.lines if sl.text.strip())
    res.scores["conserve"] = Score(passed=int(not lost), checks=1, tp=lines - len(lost), fn=len(lost))
    if lost:
        res.notes["conserve"] = f"unaccounted lines {lost}"
    return res, doc


def expectations() -> list[Path]:
    """All expectation files, sorted by name."""
    return sorted(FIXTURES.glob("*.expected.json"))


# --- the corpus ---------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "「": '"', "」": '"', "ㆍ": "·", "・": "·", "･": "·"}
)


def fold(text: str) -> str:
    """A comparison form: NFKC, one quote style, ellipses as ``…``, no spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"\.{2,}|…+", "…", text)
    return re.sub(r"\s+", "", text)


def annotations(folder: Path = ANNOTATIONS, corpus: Path = CORPUS) -> list[Path]:
    """The corpus annotations whose input is present in ``corpus``."""
    return sorted(
        p for p in folder.glob("*.json") if (corpus / json.loads(p.read_text("utf-8"))["input"]).exists()
    )


@dataclass
class CorpusResult:
    """Scores and notes for one corpus file."""

    name: str
    scores: dict[str, Score] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def _alternatives(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def _body(doc: Document) -> str:
    """The folded text of every block, blocks separated by ``¶`` (so a split shows)."""
    return "¶".join(fold(b.text) for b in doc.blocks)


def _captions(doc: Document, want: list[list[Any]]) -> tuple[Score, list[str]]:
    figures = [b for b in walk(doc.blocks) if isinstance(b, Figure)]
    used: set[int] = set()
    missing = []
    for snippet, credits in want:
        accepted = {fold(c) if c else None for c in _alternatives(credits)}
        match = next(
            (
                i
                for i, fig in enumerate(figures)
                if i not in used
                and fold(snippet) in fold(fig.text)
                and (fold(fig.credit) if fig.credit else None) in accepted
            ),
            None,
        )
        if match is None:
            missing.append(snippet)
        else:
            used.add(match)
    extra = [fig for i, fig in enumerate(figures) if i not in used]
    tp = len(want) - len(missing)
    notes = [f"missing {s!r}" for s in missing] + [f"extra {f.text[:40]!r} — {f.credit!r}" for f in extra]
    if want or extra:
        score = Score(passed=tp, checks=len(want) + len(extra), tp=tp, fp=len(extra), fn=len(missing))
    else:
        score = Score(passed=1, checks=1)
    if missing:
        notes.append("figures: " + "; ".join(f"{f.text[:30]!r} — {f.credit!r}" for f in figures))
    return score, notes


def evaluate_corpus(path: Path, corpus: Path = CORPUS) -> tuple[CorpusResult, Document]:
    """Compare the normalization of one file of ``corpus`` with its annotation ``path``."""
    exp = json.loads(path.read_text(encoding="utf-8"))
    res = CorpusResult(path.stem)
    raw = read(corpus / exp["input"])
    assert isinstance(raw, RawDocument)
    doc = normalize(raw)
    m = doc.meta

    def note(name: str, score: Score, text: str) -> None:
        res.scores[name] = score
        if score.passed < score.checks:
            res.notes[name] = text

    want_title = exp.get("title") or ""
    note("title", single(fold(m.title), fold(want_title)), f"got {m.title!r}, want {want_title!r}")
    got_deck = [f"series:{fold(s)}" for s in m.series] + [fold(s) for s in m.subtitles]
    want_deck = [f"series:{fold(s)}" for s in exp.get("series", [])] + [fold(s) for s in exp.get("deck", [])]
    note(
        "deck",
        items(got_deck, want_deck),
        f"got {m.series!r} {m.subtitles!r}, want {exp.get('series', [])!r} {exp.get('deck', [])!r}",
    )
    got_authors = [(a.name, (a.email or "").lower() or None) for a in m.authors]
    want_authors = [(a[0], a[1]) for a in exp.get("authors", [])]
    note("authors", items(got_authors, want_authors), f"got {got_authors!r}, want {want_authors!r}")
    note("date", single(m.date, exp.get("date")), f"got {m.date!r}, want {exp.get('date')!r}")
    publishers = _alternatives(exp.get("publisher"))
    note(
        "publisher",
        single(m.publisher, publishers[0], publishers),
        f"got {m.publisher!r}, want {exp.get('publisher')!r}",
    )
    score, notes = _captions(doc, exp.get("captions", []))
    note("captions", score, "; ".join(notes))
    body = _body(doc)
    seen = fold(m.title) + "¶" + "¶".join(fold(s) for s in m.subtitles) + "¶" + body
    body_score, chrome_score = Score(), Score()
    problems: list[str] = []
    chrome: list[str] = []
    positions: list[tuple[int, str]] = []
    for entry in exp.get("keep", []):
        snippet, count = (entry[0], entry[1]) if isinstance(entry, list) else (entry, 1)
        found = body.count(fold(snippet))
        body_score += Score(
            passed=int(found == count),
            checks=1,
            tp=min(found, count),
            fn=count - min(found, count),
            fp=max(0, found - count),
        )
        if found != count:
            problems.append(f"{snippet!r} ×{found}")
        if found:
            positions.append((body.index(fold(snippet)), snippet))
    for snippet in exp.get("drop", []):
        kept = fold(snippet) in seen
        chrome_score += Score(passed=int(not kept), checks=1, tp=int(not kept), fn=int(kept))
        body_score.fp += int(kept)
        if kept:
            chrome.append(snippet)
    note("body", body_score, "; ".join(problems))
    note("chrome", chrome_score, f"kept {chrome!r}")
    in_order = [s for _, s in sorted(positions)] == [s for _, s in positions]
    note(
        "order",
        Score(passed=int(in_order), checks=1),
        f"found in the order {[s for _, s in sorted(positions)]!r}",
    )
    lost = unaccounted(raw, doc)
    lines = sum(1 for sl in raw.lines if sl.text.strip())
    note(
        "conserve",
        Score(passed=int(not lost), checks=1, tp=lines - len(lost), fn=len(lost)),
        f"unaccounted lines {lost}",
    )
    return res, doc


# --- report -------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "     -" if value is None else f"{value * 100:5.1f}%"


def _summary(fields: list[str], results: Sequence[Result | CorpusResult]) -> list[str]:
    """Per-field checks passed, precision and recall, and the share of all checks passed."""
    out = [f"{'field':<10} {'checks':>9} {'passed':>7} {'precision':>10} {'recall':>7}"]
    total = Score()
    for name in fields:
        score = Score()
        for r in results:
            if name in r.scores:
                score += r.scores[name]
        total += score
        if score.checks:
            rate, precision, recall = (
                _pct(score.passed / score.checks),
                _pct(score.precision),
                _pct(score.recall),
            )
            out.append(
                f"{name:<10} {score.passed:>4}/{score.checks:<4} {rate:>7} {precision:>10} {recall:>7}"
            )
    out.append(f"{'all':<10} {total.passed:>4}/{total.checks:<4} {_pct(total.passed / total.checks):>7}")
    return out


def _table(fields: list[str], results: Sequence[Result | CorpusResult], verbose: bool) -> list[str]:
    width = max(len(r.name) for r in results) + 2
    out = ["file".ljust(width) + " ".join(f"{f[:8]:>8}" for f in fields)]
    for r in results:
        cells = []
        for f in fields:
            s = r.scores.get(f)
            cells.append(
                f"{'-' if s is None else ('ok' if s.passed == s.checks else f'{s.passed}/{s.checks}'):>8}"
            )
        out.append(r.name.ljust(width) + " ".join(cells))
        if verbose:
            out.extend(f"    {f}: {text}" for f, text in r.notes.items())
    return out


def main(argv: list[str]) -> int:
    """Print the tables; ``-v`` also prints what differed."""
    verbose = "-v" in argv
    folder = Path(argv[argv.index("--corpus-dir") + 1]) if "--corpus-dir" in argv else CORPUS
    notes = Path(argv[argv.index("--annotations") + 1]) if "--annotations" in argv else ANNOTATIONS
    only_corpus, only_fixtures = "--corpus" in argv or "--corpus-dir" in argv, "--fixtures" in argv
    start = time.perf_counter()
    if not only_fixtures:
        corpus = [evaluate_corpus(p, folder)[0] for p in annotations(notes, folder)]
        if corpus:
            print(f"== corpus: {len(corpus)} real pages and scrapes in {folder}")
            print("\n".join(_table(CORPUS_FIELDS, corpus, verbose)))
            print()
            print("\n".join(_summary(CORPUS_FIELDS, corpus)))
            print()
        else:
            print(f"== corpus: none found in {folder}\n")
    if not only_corpus:
        results = [evaluate(p)[0] for p in expectations()]
        print(f"== fixtures: {len(results)} articles in tests/fixtures/articles")
        print("\n".join(_table(FIELDS, results, verbose)))
        print()
        print("\n".join(_summary(FIELDS, results)))
        tp = sum(r.removed_tp for r in results)
        fp = sum(r.removed_fp for r in results)
        fn = sum(r.removed_fn for r in results)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        mean_blocks = sum(r.block_score for r in results) / len(results)
        perfect = sum(all(v is not False for v in r.ok.values()) for r in results)
        held = [r for r in results if r.name.startswith(("ho", "doc"))]
        if held:
            held_ok = sum(all(v is not False for v in r.ok.values()) for r in held)
            rounds = len({r.name.split("-", 1)[0] for r in held})
            print(
                f"held-out (ho*, doc*; {rounds} rounds): {held_ok}/{len(held)} fully correct "
                "(first run before any rule change for them: see bench/heldout-first-run.txt)"
            )
        print(
            f"\n{len(results)} fixtures, {perfect} fully correct; mean block-sequence similarity "
            f"{mean_blocks:.3f}; removed lines precision {precision:.3f} recall {recall:.3f}"
        )
    print(f"{time.perf_counter() - start:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
