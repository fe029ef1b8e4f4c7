"""A photo slider's counter (``1 / 3``) beside a photo or its caption is chrome; the same figures
elsewhere stay text."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import Document, Figure
from tests.helpers import read_written

TEXT = [
    "갯벌에 겨울 철새 3만여 마리가 찾아왔다. 국립생태원은 8일 올해 첫 동시 조사 결과를 내놓았다.",
    "가장 많은 종은 청둥오리였고 흑두루미 40여 마리도 관찰됐다.",
]


def _doc(tmp_path: Path, name: str, data: str) -> Document:
    return read_written(tmp_path / name, data)[1]


def test_counter_of_an_html_slider_beside_its_photos(tmp_path: Path) -> None:
    html = (
        "<html lang='ko'><head><meta charset='utf-8'><title>갯벌 찾은 겨울 철새</title></head><body>"
        "<h1>갯벌 찾은 겨울 철새</h1><div id='articleBody'><div class='slider'>"
        "<div><img src='a.jpg'><p class='caption'>순천만 갯벌의 흑두루미. (사진=국립생태원 제공)</p></div>"
        "<div><img src='b.jpg'><p class='caption'>청둥오리 무리. (사진=국립생태원 제공)</p></div>"
        "<span class='count'>1 / 2</span></div>"
        + "".join(f"<p>{t}</p>" for t in TEXT)
        + "</div></body></html>"
    )
    doc = _doc(tmp_path, "page.html", html)
    assert [type(b).__name__ for b in doc.blocks] == ["Figure", "Figure", "Paragraph", "Paragraph"]
    assert [r.text for r in doc.removed if r.rule == "boilerplate.chrome"] == ["1 / 2"]


def test_lone_counter_under_a_caption_in_a_text_copy(tmp_path: Path) -> None:
    """Before, the counter was glued to the caption above it and the caption became a paragraph."""
    text = "\n".join(
        ["갯벌 찾은 겨울 철새", "", "순천만 갯벌의 흑두루미. (사진=국립생태원 제공)", "1 / 4", "", *TEXT]
    )
    doc = _doc(tmp_path, "copy.txt", text.replace(TEXT[0], TEXT[0] + "\n"))
    figure = doc.blocks[0]
    assert isinstance(figure, Figure) and figure.credit == "국립생태원 제공"
    assert any(r.text == "1 / 4" for r in doc.removed)


def test_same_figures_away_from_photos_stay(tmp_path: Path) -> None:
    text = "\n".join(["갯벌 찾은 겨울 철새", "", TEXT[0], "", "1 / 4", "", TEXT[1]])
    doc = _doc(tmp_path, "copy.txt", text)
    assert "1 / 4" in [b.text for b in doc.blocks]
