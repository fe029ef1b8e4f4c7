"""Editor's notes and signatures in every theme, EPUB and PDF: the note set apart under its label
(an ``aside role="note"`` in the EPUB; smaller, narrower and ruled or tinted in print), a
statement's signature lines flush right, not justified, not indented."""

from __future__ import annotations

import collections
import re
import zipfile
from pathlib import Path

import pytest

from bookmaker.check import check_pdf
from bookmaker.check.lines import TextLine, read_lines
from bookmaker.ir import Document, Meta, Paragraph, text_runs, to_json
from bookmaker.pipeline import BuildOptions, build, load
from tests.conftest import epubcheck

THEMES = ("book", "newspaper", "report")
NOTE = (
    "‘찜! e시민기자’는 한 주간 기사를 올린 시민기자 중 인상적인 사람을 찾아 짧게 소개하는 코너입니다. "
    "편집부의 뇌리에 ‘쏘옥’ 들어오는 게 인상적인 겁니다. 꼭 기사를 잘 써야 하는 건 아닙니다."
)
BODY = [
    "국회가 추진하는 언론중재법 개정안은 언론의 자유를 심각하게 위협한다. 우리는 이 법안이 권력 감시라는 "
    "언론 본연의 기능을 무력화할 것이라고 우려한다. 법안의 문구는 모호하고 적용 범위는 지나치게 넓다.",
    "징벌적 손해배상 조항은 취재 현장을 위축시키고, 결국 시민의 알 권리를 침해할 것이다. 국회는 지금이라도 "
    "법안을 철회하고 언론계와 시민사회가 함께하는 사회적 논의에 나서야 한다.",
    "우리는 언론 자유를 지키기 위해 끝까지 싸울 것이다. 언론의 자유는 기자의 특권이 아니라 시민의 권리다.",
]
SIGNATURE = ["2020년 7월 13일", "한국기자협회"]


def _doc() -> Document:
    blocks = [Paragraph(content=text_runs(NOTE), role="editor-note")]
    blocks += [Paragraph(content=text_runs(text)) for text in BODY * 3]
    blocks += [Paragraph(content=text_runs(text), role="signature") for text in SIGNATURE]
    return Document(meta=Meta(title="언론 자유를 위협하는 법안을 철회하라", series=["성명"]), blocks=blocks)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """theme → (EPUB, PDF) of the statement, built from its IR JSON."""
    out = tmp_path_factory.mktemp("roles")
    source = out / "statement.json"
    source.write_text(to_json(_doc()), encoding="utf-8")
    made: dict[str, tuple[Path, Path]] = {}
    for theme in THEMES:
        result = build(
            load(source), out / theme, "statement", BuildOptions(formats=("epub", "pdf"), theme=theme)
        )
        epub, pdf = sorted(result.outputs, key=lambda p: p.suffix)
        made[theme] = (epub, pdf)
    return made


@pytest.mark.parametrize("theme", THEMES)
def test_epub_marks_the_note_and_the_signature_and_passes_epubcheck(
    builds: dict[str, tuple[Path, Path]], theme: str
) -> None:
    epub, _ = builds[theme]
    with zipfile.ZipFile(epub) as book:
        page = next(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml") and "nav" not in n)
    note = re.search(
        r'<aside class="editor-note" role="note"><p class="note-label">(.*?)</p><p>(.*?)</p></aside>', page
    )
    assert note is not None and note[1] == "편집자 주"
    assert re.sub(r"<[^>]+>", "", note[2]) == NOTE
    signed = re.findall(r'<p class="signature">(.*?)</p>', page)
    assert [re.sub(r"<[^>]+>", "", s) for s in signed] == SIGNATURE
    report = epubcheck(epub)
    assert report["checker"]["nError"] == 0 and report["checker"]["nFatal"] == 0  # type: ignore[index]


def _right_edge(body: list[TextLine]) -> float:
    return collections.Counter(round(line.x1) for line in body).most_common(1)[0][0]


@pytest.mark.parametrize("theme", THEMES)
def test_pdf_sets_the_note_apart_and_the_signature_flush_right(
    builds: dict[str, tuple[Path, Path]], theme: str
) -> None:
    _, pdf = builds[theme]
    lines, _ = read_lines(str(pdf))
    sizes = collections.Counter(round(line.size, 1) for line in lines)
    body_pt = sizes.most_common(1)[0][0]
    body = [line for line in lines if round(line.size, 1) == body_pt and line.page == lines[-1].page]
    left, right = min(line.x0 for line in body), _right_edge(body)
    texts = [line.text for line in lines]
    label = texts.index("편집자 주")
    note = [line for line in lines[label + 1 :] if line.size < body_pt - 0.2][:3]
    assert "".join(line.text.replace(" ", "") for line in note).startswith("‘찜!e시민기자’는")
    first_column = [line for line in lines if line.page == note[0].page and line.column == note[0].column]
    column_left = min(line.x0 for line in first_column if round(line.size, 1) == body_pt)
    assert all(line.x0 > column_left + 5 for line in note)  # indented
    signature = [line for line in lines if line.text in SIGNATURE]
    assert [line.text for line in signature] == SIGNATURE
    for line in signature:
        assert abs(line.x1 - right) < 1.5, (line.x1, right)  # flush right ...
        assert line.x0 > left + 40  # ... not justified across the measure
        assert round(line.size, 1) == body_pt
    assert check_pdf(pdf).failures == []
