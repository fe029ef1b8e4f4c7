"""A poem's or a song's stanzas (paragraphs of the role ``verse``) in print: each line as written and
unindented, a blank line's space between stanzas, and a stanza never parted by a page break."""

from __future__ import annotations

import collections
from itertools import pairwise
from pathlib import Path

from bookmaker.check.lines import TextLine, read_lines
from bookmaker.ir import Document, LineBreak, Meta, Paragraph, Text, text_runs
from bookmaker.pipeline import BuildOptions, build

STANZA = ["눈이 올 거라고 했던", "너의 말이 생각나서", "창밖을 자꾸만 보게 돼", "오늘 같은 밤에는"]
PROSE = (
    "이 노래는 겨울을 기다리는 마음을 담았다. 가수는 첫 소절을 쓰는 데만 한 달이 걸렸다고 말했다. "
    "노래는 발매 첫 주에 음원 차트 상위권에 올랐다."
)


def _stanza(number: int) -> Paragraph:
    lines = [f"{STANZA[0]} {number}", *STANZA[1:]]
    content: list[Text | LineBreak] = []
    for line in lines:
        content += [*([LineBreak()] if content else []), Text(value=line)]
    return Paragraph(content=content, role="verse")


def _lines(tmp_path: Path, doc: Document) -> list[TextLine]:
    result = build(doc, tmp_path, "book", BuildOptions(formats=("pdf",)))
    lines, _ = read_lines(str(result.outputs[0]))
    body = collections.Counter(round(line.size, 1) for line in lines).most_common(1)[0][0]
    return [line for line in lines if round(line.size, 1) == body]


def test_stanzas_are_unindented_and_set_apart(tmp_path: Path) -> None:
    doc = Document(
        meta=Meta(title="첫눈이 오면"),
        blocks=[
            Paragraph(content=text_runs(PROSE)),
            _stanza(1),
            _stanza(2),
            Paragraph(content=text_runs(PROSE)),
        ],
    )
    lines = _lines(tmp_path, doc)
    verse = [line for line in lines if any(line.text.startswith(s) for s in STANZA)]
    assert [line.text for line in verse] == [f"{STANZA[0]} 1", *STANZA[1:], f"{STANZA[0]} 2", *STANZA[1:]]
    prose = [line for line in lines if line not in verse]
    margin = min(line.x0 for line in prose)
    assert all(abs(line.x0 - margin) < 0.5 for line in verse)  # no paragraph indent
    steps = [b.top - a.top for a, b in pairwise(verse)]
    leading = steps[0]
    assert all(abs(step - leading) < 0.5 for step in steps[:3])  # one stanza's lines at the leading
    assert abs(steps[3] - 2 * leading) < 1  # a blank line before the next stanza


def test_a_stanza_is_never_parted_by_a_page_break(tmp_path: Path) -> None:
    doc = Document(meta=Meta(title="노래 모음"), blocks=[_stanza(n) for n in range(1, 41)])
    lines = _lines(tmp_path, doc)
    pages: dict[int, list[str]] = collections.defaultdict(list)
    for line in lines:
        pages[line.page].append(line.text)
    assert len(pages) > 2
    for texts in pages.values():
        firsts = [t for t in texts if t.startswith(STANZA[0])]
        assert len(texts) == 4 * len(firsts) and texts[0].startswith(STANZA[0])
