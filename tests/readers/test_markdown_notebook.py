"""A Jupyter notebook exported to Markdown (nbconvert): a DataFrame's HTML with its ``<style
scoped>`` is one table, and an output that is only a plot object's repr goes."""

from __future__ import annotations

from pathlib import Path

from bookmaker.ir import CodeBlock, Table
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from bookmaker.readers.markdown_html import fill_style_gaps
from bookmaker.readers.markdown_ir import plot_repr

FRAME = """# 분석

<div>
<style scoped>
    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr><th></th><th>count</th></tr>
  </thead>
  <tbody>
    <tr><th>가</th><td>3</td></tr>
    <tr><th>나</th><td>2</td></tr>
  </tbody>
</table>
</div>

끝 문단입니다.
"""


def _read(tmp_path: Path, text: str) -> RawDocument:
    path = tmp_path / "notebook.md"
    path.write_text(text, encoding="utf-8")
    raw = read(path)
    assert isinstance(raw, RawDocument)
    return raw


def test_a_dataframe_with_scoped_style_is_one_table_on_its_table_line(tmp_path: Path) -> None:
    raw = _read(tmp_path, FRAME)
    tables = [sl for sl in raw.lines if isinstance(sl.block, Table)]
    assert len(tables) == 1
    table = tables[0].block
    assert isinstance(table, Table)
    assert (len(table.head), len(table.body), table.lines[0]) == (1, 2, 13)
    text = "\n".join(sl.text for sl in raw.lines)
    assert "vertical-align" not in text and "dataframe" not in text
    assert "끝 문단입니다." in text


def test_style_gaps_filled_line_for_line_only_inside_style() -> None:
    text = "a\n\n<style>\nx {}\n\ny {}\n</style>\n\nb"
    filled = fill_style_gaps(text)
    assert filled.split("\n") == ["a", "", "<style>", "x {}", "/**/", "y {}", "</style>", "", "b"]
    assert fill_style_gaps("no style\n\nhere") == "no style\n\nhere"


def test_plot_repr_output_goes_but_real_output_stays(tmp_path: Path) -> None:
    raw = _read(
        tmp_path,
        "# 그림\n\n```python\nplt.plot(x)\n```\n\n    [<matplotlib.lines.Line2D at 0x7f3a2c1d0>]\n\n"
        "```python\nlen(x)\n```\n\n    42\n",
    )
    codes = [sl.block.value for sl in raw.lines if isinstance(sl.block, CodeBlock)]
    assert codes == ["plt.plot(x)", "len(x)", "42"]
    assert [r.rule for r in raw.removed] == ["markdown.plot-repr"]
    assert plot_repr("Text(0.5, 1.0, '시간대별 대여 건수')")
    assert plot_repr("<Figure size 1000x400 with 1 Axes>")
    assert not plot_repr("Text(0.5, 1.0, 'a')\n42")
    assert not plot_repr("print(Text)")
