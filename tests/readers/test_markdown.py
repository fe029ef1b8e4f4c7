"""The Markdown reader (markdown-it-py): front matter, inline runs, blocks, article lines, line
numbers, nothing lost against markdown-it's own HTML, and bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from bookmaker.errors import InputError
from bookmaker.ir import (
    Block,
    Cell,
    Code,
    CodeBlock,
    Emphasis,
    Figure,
    Footnote,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    Paragraph,
    Quote,
    Ruby,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    ThematicBreak,
    plain,
    walk,
)
from bookmaker.korean.punctuation import fix_punctuation
from bookmaker.limits import Limits
from bookmaker.normalize import normalize
from bookmaker.normalize.text import key
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SINK = FIXTURES / "markdown" / "kitchen-sink.md"


def _read(tmp_path: Path, text: str, limits: Limits | None = None) -> RawDocument:
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    raw = read(path, limits=limits)
    assert isinstance(raw, RawDocument)
    return raw


def _blocks(raw: RawDocument) -> list[Block]:
    return [line.block for line in raw.lines if line.block is not None]


def test_front_matter_and_kinds(tmp_path: Path) -> None:
    md = (
        "---\ntitle: 제목\nauthors: [홍길동 기자]\ndate: 2024-03-05\npublisher: 한겨레\n---\n"
        "# 제목\n\n첫 문단이 길게 이어지는 줄이라서 다음 줄과 하나의 문단으로 합쳐져야 합니다 그리고\n"
        "여기서 끝납니다.\n\n## 소제목\n\n> 인용문\n\n1. 하나\n2. 둘\n"
    )
    raw = _read(tmp_path, md)
    assert raw.hints["title"] == "제목" and raw.hints["publisher"] == "한겨레"
    assert raw.hints["authors"] == ["홍길동 기자"]
    assert [(sl.line, sl.kind) for sl in raw.lines] == [
        (7, "title"),
        (9, None),
        (12, "heading"),
        (14, "quote"),
        (16, "list"),
    ]
    assert raw.lines[1].attrs["last_line"] == "10"
    assert raw.lines[1].text.endswith("그리고 여기서 끝납니다.")
    assert raw.lines[2].attrs["level"] == "2"
    listed = raw.lines[4].block
    assert isinstance(listed, ListBlock) and listed.ordered and listed.lines == [16, 17]


def test_front_matter_keys_the_book_does_not_use_are_named_in_a_warning(tmp_path: Path) -> None:
    raw = _read(tmp_path, "---\ntitle: 제목\ntags: [청년, 창업]\nlayout: post\nDate: 2024-03-05\n---\n본문\n")
    assert raw.warnings == ["front matter keys not used: tags, layout"]
    assert _read(tmp_path, "---\ntitle: 제목\nauthor: 홍길동\n---\n본문\n").warnings == []


def test_bad_front_matter(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="front matter"):
        _read(tmp_path, "---\ntitle: [unclosed\n---\nbody\n")
    with pytest.raises(InputError, match="must be a mapping"):
        _read(tmp_path, "---\n- a\n- b\n---\nbody\n")


def test_inline_runs(tmp_path: Path) -> None:
    raw = _read(
        tmp_path,
        '정부는 이 흐름을 *기록했다*고 **신중하게** 봤다.[^1] [보고서](https://example.com/r "제목")와 '
        "`HS 8542`, CO<sub>2</sub>와 m<sup>2</sup>, <ruby>漢字<rp>(</rp><rt>한자</rt><rp>)</rp></ruby>,"
        " <span>꾸밈</span> ~~지운 말~~ 끝\\\n다음 줄\n\n[^1]: 각주.\n",
    )
    line = raw.lines[0]
    assert line.content is not None and plain(line.content) == line.text
    assert line.content == [
        Text(value="정부는 이 흐름을 "),
        Emphasis(content=[Text(value="기록했다")]),
        Text(value="고 "),
        Strong(content=[Text(value="신중하게")]),
        Text(value=" 봤다."),
        NoteRef(note="1"),
        Text(value=" "),
        Link(href="https://example.com/r", title="제목", content=[Text(value="보고서")]),
        Text(value="와 "),
        Code(value="HS 8542"),
        Text(value=", CO"),
        Subscript(content=[Text(value="2")]),
        Text(value="와 m"),
        Superscript(content=[Text(value="2")]),
        Text(value=", "),
        Ruby(base="漢字", annotation="한자"),
        Text(value=", 꾸밈 지운 말 끝"),
        LineBreak(),
        Text(value="다음 줄"),
    ]
    assert "<" not in line.text and "*" not in line.text and "~" not in line.text


def test_blocks(tmp_path: Path) -> None:
    raw = _read(
        tmp_path,
        "| 품목 | 2024년 | 비고 |\n|:--|--:|:-:|\n| 메모리 | 870 | **최대** |\n| 합계 | 1,419 |\n\n"
        "3. 셋째\n   - 안쪽\n\n     두 문단\n4. 넷째\n\n"
        "> 인용\n>\n> > 안쪽 인용\n\n```python\nprint(1)\n```\n\n    들여쓴 코드\n\n***\n",
    )
    table, listed, quote, fence, indented, rule = _blocks(raw)
    assert isinstance(table, Table) and table.lines == [1, 4]
    assert [cell.text for cell in table.head[0].cells] == ["품목", "2024년", "비고"]
    assert all(cell.header for cell in table.head[0].cells)
    assert [cell.align for cell in table.head[0].cells] == ["left", "right", "center"]
    assert table.body[0].cells[2] == Cell(content=[Strong(content=[Text(value="최대")])], align="center")
    assert [cell.text for cell in table.body[1].cells] == ["합계", "1,419", ""]  # a short row is padded
    assert isinstance(listed, ListBlock) and listed.ordered and listed.start == 3
    inner = listed.items[0].blocks[1]
    assert isinstance(inner, ListBlock) and not inner.ordered
    assert [b.text for b in inner.items[0].blocks] == ["안쪽", "두 문단"]
    assert isinstance(quote, Quote) and isinstance(quote.blocks[1], Quote) and quote.text == "인용\n안쪽 인용"
    assert fence == CodeBlock(value="print(1)", language="python", lines=[16, 18])
    assert indented == CodeBlock(value="들여쓴 코드", lines=[20, 20])
    assert rule == ThematicBreak(lines=[22, 22])
    assert [sl.kind for sl in raw.lines] == ["table", "list", "quote", "code", "code", "break"]


def test_footnotes_kept_where_defined(tmp_path: Path) -> None:
    raw = _read(
        tmp_path,
        "본문[^a]과 인라인 각주^[바로 적은 *주석*.]가 있다. 없는 각주[^zz]는 글자로 남는다.\n\n"
        "[^a]: 첫 정의.\n\n    둘째 문단.\n[^a]: 두 번 정의.\n[^unused]: 아무도 부르지 않는 각주.\n",
    )
    line = raw.lines[0]
    assert line.content is not None
    refs = [run.note for run in line.content if isinstance(run, NoteRef)]
    assert refs == ["a", "inline-1"] and "[^zz]" in line.text
    notes = [
        block
        for line in raw.lines
        if line.block
        for block in walk([line.block])
        if isinstance(block, Footnote)
    ]
    assert [(note.id, note.text) for note in notes] == [
        ("inline-1", "바로 적은 주석."),
        ("a", "첫 정의.\n둘째 문단."),
        ("a (2)", "두 번 정의."),  # a note defined twice: the first keeps the label, nothing is lost
        ("unused", "아무도 부르지 않는 각주."),
    ]
    inline_note = notes[0].blocks[0]
    assert (
        isinstance(inline_note, Paragraph) and Emphasis(content=[Text(value="주석")]) in inline_note.content
    )


def test_images_become_figures(tmp_path: Path) -> None:
    raw = _read(
        tmp_path,
        '![평택 공장](fab.jpg "생산라인의 모습")\n\n'
        '![클린룸](clean.jpg "ⓒ 예시일보 김사진")\n\n'
        "![항공 사진](air.jpg) 캡션은 같은 줄에 적었다.\n\n"
        "![](bare.jpg)\n\n"
        "글 중간의 ![아이콘](icon.png) 그림과 [![배지](badge.svg)](https://example.com) 링크.\n",
    )
    kinds = [(sl.kind, sl.text, sl.attrs) for sl in raw.lines]
    assert kinds[0] == ("caption", "생산라인의 모습", {"src": "fab.jpg", "alt": "평택 공장"})
    # a title that reads like a credit is the credit, never the caption
    assert kinds[1] == (
        "caption",
        "클린룸",
        {"src": "clean.jpg", "alt": "클린룸", "credit": "ⓒ 예시일보 김사진"},
    )
    assert kinds[2] == ("caption", "캡션은 같은 줄에 적었다.", {"src": "air.jpg", "alt": "항공 사진"})
    assert raw.lines[3].block == Figure(src="bare.jpg", lines=[7, 7])
    assert raw.lines[4].text == "글 중간의 아이콘 그림과 배지 링크."
    figures = [line.block for line in raw.lines[5:]]
    # images inside the text (one in a link) follow it as figures on its source line
    assert figures == [
        Figure(src="icon.png", alt="아이콘", lines=[9, 9]),
        Figure(src="badge.svg", alt="배지", lines=[9, 9]),
    ]
    assert [line.line for line in raw.lines[4:]] == [9, 9, 9]


def test_paragraph_lines_like_an_article(tmp_path: Path) -> None:
    """Soft-broken lines join only while the text runs on; a short line or a finished sentence ends
    an article line, so a byline and a copyright line on adjacent lines stay apart."""
    lead = "연준은 기준금리를 연 5.25~5.50%로 동결했다고 1일 발표했으며 시장은 이를"
    raw = _read(
        tmp_path,
        f"{lead}\n예상했다. 여섯 차례 연속 동결이다.\n"
        "뉴욕=김현우 특파원 hwkim@mk.co.kr\n"
        "ⓒ 매일경제 & mk.co.kr, 무단 전재 및 재배포 금지\n",
    )
    assert [(sl.line, sl.attrs.get("last_line"), sl.text) for sl in raw.lines] == [
        (1, "2", f"{lead} 예상했다. 여섯 차례 연속 동결이다."),
        (3, None, "뉴욕=김현우 특파원 hwkim@mk.co.kr"),
        (4, None, "ⓒ 매일경제 & mk.co.kr, 무단 전재 및 재배포 금지"),
    ]
    doc = normalize(raw)
    assert [a.name for a in doc.meta.authors] == ["김현우"] and doc.meta.rights


def test_raw_html_is_text_never_markup(tmp_path: Path) -> None:
    raw = _read(
        tmp_path,
        '<div class="box">\n<p>상자 속 <b>글</b></p>\n<script>alert(1)</script>\n'
        '<img src="in.png" alt="안">\n</div>\n\n<!-- 주석 -->\n\n본문 <u>밑줄</u>과 '
        '<a href="javascript:alert(1)">나쁜 링크</a>, <a href="https://a.kr">좋은 링크</a>.\n',
    )
    texts = [sl.text for sl in raw.lines]
    assert texts == ["상자 속 글", "", "본문 밑줄과 나쁜 링크, 좋은 링크."]
    assert raw.lines[1].block == Figure(src="in.png", alt="안", lines=[1, 5])
    content = raw.lines[2].content or []
    assert [run.href for run in content if isinstance(run, Link)] == ["https://a.kr"]


# --- nothing lost: markdown-it's own HTML against the IR ------------------------------------------

DOCUMENTS = {
    "kitchen-sink": SINK.read_text(encoding="utf-8"),
    "joongang": (FIXTURES / "articles" / "joongang-frontmatter.md").read_text(encoding="utf-8"),
    "sisain": (FIXTURES / "articles" / "ho2-sisain.md").read_text(encoding="utf-8"),
    "mk": (FIXTURES / "articles" / "mk-plain.md").read_text(encoding="utf-8"),
    "marks": "*강조 **굵게 안 `코드` 끝** 다시*\n__밑줄식 굵게__ _밑줄식 강조_ ***둘 다***\n\n"
    "자동 링크 <https://example.com/a> 와 [참조 링크][ref] 그리고 ![그림](p.png) 안 글.\n\n[ref]: https://ex.kr\n",
    "nesting": "- 하나\n  > 목록 속 인용\n  > - 인용 속 목록\n  >\n"
    "  >   | 가 | 나 |\n  >   |---|---|\n  >   | 1 | 2 |\n- 둘\n\n  ```\n  목록 속 코드\n  ```\n",
    "ragged": "| 가 | 나 |\n|---|---|\n| 1 | 2 | 넘친 칸 | 또 넘친 칸 |\n| 3 |\n| 파이프 \\| 글자 | 끝 |\n",
    "setext": "첫 제목\n===\n\n둘째 제목\n줄이 둘\n---\n\n문단 끝.\n",
    "entities": "&copy; 2025 &amp; &#44032;&#xAC01; &nbsp;끝 \\*별\\* \\[괄호]\n",
    "html": "<section>\n<h3>HTML 제목</h3>\n<p>HTML <em>문단</em></p>\n</section>\n\n끝 <sup>위</sup>",
}


def _visible_words(markdown: str) -> Counter[str]:
    """The words markdown-it's own HTML rendering shows (GFM tables, footnotes, front matter)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    page = lxml_html.fromstring(f"<div>{md.render(markdown)}</div>")
    for node in page.xpath("//sup[@class='footnote-ref'] | //a[@class='footnote-backref'] | //script"):
        node.drop_tree()
    return Counter(page.text_content().split())


def _raw_words(raw: RawDocument) -> Counter[str]:
    words: Counter[str] = Counter()
    for line in raw.lines:
        for block in walk([line.block]) if line.block else []:
            if isinstance(block, Table):
                words.update(block.text.split())
        words.update((line.block.text if line.block else line.text).split())
    return words


@pytest.mark.parametrize("name", DOCUMENTS)
def test_nothing_lost_against_markdown_it_html(tmp_path: Path, name: str) -> None:
    markdown = DOCUMENTS[name]
    missing = _visible_words(markdown) - _raw_words(_read(tmp_path, markdown))
    assert not missing, f"{name}: the reader lost {dict(missing)}"


@pytest.mark.parametrize("name", sorted(set(DOCUMENTS) - {"joongang", "sisain", "mk"}))
def test_nothing_lost_after_normalization(tmp_path: Path, name: str) -> None:
    """Every visible word is in a block or the metadata (documents without bylines or dates; the
    fixture articles' metadata is checked by their expectations)."""
    markdown = DOCUMENTS[name]
    doc = normalize(_read(tmp_path, markdown))
    kept = [block.text for block in walk(doc.blocks)]
    kept += [block.credit or "" for block in walk(doc.blocks) if isinstance(block, Figure)]
    kept += [doc.meta.title, *doc.meta.subtitles, *(removal.text for removal in doc.removed)]
    folded = {key(fix_punctuation(word)) for text in kept for word in text.split()}
    lost = {word for word in _visible_words(markdown) if key(fix_punctuation(word)) not in folded}
    assert not lost, f"{name}: normalization lost {lost}"


def test_ragged_rows_keep_every_cell(tmp_path: Path) -> None:
    table = _blocks(_read(tmp_path, DOCUMENTS["ragged"]))[0]
    assert isinstance(table, Table)
    assert [[cell.text for cell in row.cells] for row in table.body] == [
        ["1", "2", "넘친 칸", "또 넘친 칸"],
        ["3", ""],
        ["파이프 | 글자", "끝"],
    ]


# --- bad input ------------------------------------------------------------------------------------


def test_unclosed_marks_and_dangling_references_stay_text(tmp_path: Path) -> None:
    raw = _read(tmp_path, "**굵게 시작만 *기울임도 `코드도 [링크(까지 [^없는각주] 끝\n")
    assert raw.lines[0].text == "**굵게 시작만 *기울임도 `코드도 [링크(까지 [^없는각주] 끝"


def test_big_tables_are_refused_before_their_cells_are_read(tmp_path: Path) -> None:
    columns, rows = 100, 100  # 10,100 cells with the header row
    table = "|" + "|".join(f"열{i}" for i in range(columns)) + "|\n|" + "---|" * columns + "\n"
    table += ("|" + "|".join("칸" for _ in range(columns)) + "|\n") * rows
    with pytest.raises(InputError, match=r"a\.md: line 1: a table has more than 5000 cells"):
        _read(tmp_path, table)
    raw = _read(tmp_path, table, Limits(max_table_cells=20_000))
    big = _blocks(raw)[0]
    assert isinstance(big, Table) and len(big.body) == rows and len(big.head[0].cells) == columns


@pytest.mark.parametrize(
    "markdown",
    [
        "".join("  " * i + f"- {i}단계\n" for i in range(100)),  # lists nested 100 deep
        ">" * 5000 + " 인용\n",
        "*" * 50_000 + "강조" + "*" * 50_000 + "\n",  # CommonMark nests 25,000 marks
        "[" * 3000 + "링크" + "](u)" * 3000 + "\n",
        "<sup>" * 5000 + "위\n",
        "> - " * 60 + "목록 속 인용\n",
    ],
    ids=["lists", "quotes", "emphasis", "links", "html", "quotes-and-lists"],
)
def test_deep_nesting_is_one_clear_error(tmp_path: Path, markdown: str) -> None:
    try:
        raw = _read(tmp_path, markdown)
    except InputError as error:
        assert "nested more than 32 deep" in str(error) and "--max-nesting" in str(error)
        return
    words = _visible_words(markdown) - _raw_words(raw)  # or read in full, flat
    assert not words


def test_nesting_under_the_limit_reads(tmp_path: Path) -> None:
    markdown = "".join("  " * i + f"- {i}단계\n" for i in range(20))
    raw = _read(tmp_path, markdown)
    assert "19단계" in raw.lines[0].text
    with pytest.raises(InputError, match="nested more than 10 deep"):
        _read(tmp_path, markdown, Limits(max_nesting=10))


def test_line_limits_count_source_lines(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="30 lines, over the 20 line limit"):
        _read(
            tmp_path,
            "첫 줄이 길게 이어지는 문단의 한 줄로 마침표 없이 계속되는 글이다 그리고\n" * 30,
            Limits(max_lines=20),
        )


def test_bad_markdown_still_builds_a_valid_epub(tmp_path: Path) -> None:
    """Ragged tables, unclosed marks, dangling references and notes defined twice or never used:
    a sane book (the extra notes are in `removed`), no traceback, EPUBCheck clean."""
    from bookmaker.pipeline import BuildOptions, build_file
    from tests.support.epub_tools import run_epubcheck

    source = tmp_path / "bad.md"
    source.write_text(
        "# 나쁜 입력\n\n**닫히지 않은 굵게와 [^없음] 그리고 각주[^a].\n\n"
        "| 가 | 나 |\n|---|---|\n| 1 | 2 | 넘친 칸 |\n| 3 |\n\n"
        "[^a]: 첫 정의.\n[^a]: 두 번 정의.\n[^b]: 쓰이지 않는 각주.\n",
        encoding="utf-8",
    )
    result = build_file(source, tmp_path / "out", BuildOptions(formats=("epub",)))
    report = run_epubcheck(result.outputs[0])
    assert {m.id for m in report.messages} <= {"CSS-028"}, report.summary()
    doc = normalize(_read(tmp_path, source.read_text(encoding="utf-8")))
    assert [r.text for r in doc.removed] == ["두 번 정의.", "쓰이지 않는 각주."]


def test_inline_notes_never_take_a_label_the_document_uses(tmp_path: Path) -> None:
    raw = _read(tmp_path, "인라인^[바로 적은 주석.] 그리고 라벨[^inline-1].\n\n[^inline-1]: 라벨 주석.\n")
    refs = [run.note for run in raw.lines[0].content or [] if isinstance(run, NoteRef)]
    notes = {block.id: block.text for block in _blocks(raw) if isinstance(block, Footnote)}
    assert refs == ["inline-1-", "inline-1"]
    assert notes == {"inline-1-": "바로 적은 주석.", "inline-1": "라벨 주석."}


def test_images_in_cells_past_the_header_follow_the_table(tmp_path: Path) -> None:
    raw = _read(tmp_path, "| 가 |\n|---|\n| 1 | ![넘친 그림](over.png) |\n")
    table, figure = _blocks(raw)
    assert isinstance(table, Table) and [cell.text for cell in table.body[0].cells] == ["1", "넘친 그림"]
    assert figure == Figure(src="over.png", alt="넘친 그림")


def test_struck_out_text_stays_and_is_said(tmp_path: Path) -> None:
    from bookmaker.pipeline import load

    path = tmp_path / "struck.md"
    path.write_text("# 제목\n\n본문 ~~지운 말~~ 남은 말.\n\n둘째 문단.\n\n셋째 ~~줄~~.\n", encoding="utf-8")
    warnings: list[str] = []
    doc = load(path, warnings=warnings)
    assert [block.text for block in doc.blocks] == ["본문 지운 말 남은 말.", "둘째 문단.", "셋째 줄."]
    assert any("lines 3, 7: struck-out text" in w for w in warnings), warnings


def test_status_badges_are_recorded_not_printed(tmp_path: Path) -> None:
    """A README's row of linked badges: no figures, no paragraph of alt texts or URLs; each badge in
    ``removed`` with its link. A linked photo that is no badge stays a figure."""
    text = (
        "# 라이브러리\n\n"
        "[![PyPI](https://img.shields.io/pypi/v/x.svg)](https://pypi.org/project/x/) "
        "[![CI](https://github.com/e/x/actions/workflows/ci.yml/badge.svg)](https://github.com/e/x/actions)\n\n"
        "한글 문자열을 자모 순서로 정렬하는 작은 라이브러리입니다.\n\n"
        "[![화면](shot.png)](https://example.com/shot)\n"
    )
    doc = normalize(_read(tmp_path, text))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Figure"]
    badges = [r for r in doc.removed if r.rule == "markdown.badge"]
    assert [r.text for r in badges] == [
        "PyPI → https://pypi.org/project/x/",
        "CI → https://github.com/e/x/actions",
    ]
    assert all(r.line == 3 for r in badges)


def test_a_logo_above_the_title_is_recorded_not_printed(tmp_path: Path) -> None:
    """A README's project logo above its title heading is decoration: removed with a record of the
    image; a picture without 'logo' in its alt text or name, or below the title, stays a figure."""
    text = (
        '<p align="center"><img src="docs/logo.svg" width="120" alt="hangul-sort 로고"></p>\n\n'
        "# hangul-sort\n\n"
        "한글 문자열을 자모 순서로 정렬하는 작은 라이브러리입니다.\n\n"
        "![정렬 결과 화면](docs/logo-screen.png)\n"
    )
    doc = normalize(_read(tmp_path, text))
    assert doc.meta.title == "hangul-sort"
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Figure"]
    assert [(r.rule, r.text, r.line) for r in doc.removed if r.rule == "chrome.logo"] == [
        ("chrome.logo", "hangul-sort 로고", 1)
    ]


def test_attributes_after_a_long_run_of_spaces(tmp_path: Path) -> None:
    """``text      {:.note}``: the attributes go, the text stays (they were searched for from every
    space of the run: a line of 150,000 spaces took 39 s, now under one)."""
    path = tmp_path / "spaces.md"
    path.write_text("# 제목\n\n본문입니다." + " " * 5000 + "{:.note}\n\n둘째 문단입니다.\n", "utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    assert [r.text for r in raw.removed if r.rule == "markdown.attributes"] == ["{:.note}"]
    assert [sl.text.strip() for sl in raw.lines][1:] == ["본문입니다.", "둘째 문단입니다."]
