"""B5 and 4×6배판, the sizes of Korean reports and magazines: trim size and the text block."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pikepdf
import pytest

from bookmaker.ir import from_json
from bookmaker.layout.pages import page_names, page_spec
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import FIXTURES

MM = 72 / 25.4


@pytest.mark.parametrize(
    ("name", "width", "height"), [("b5", 182, 257), ("46bae", 188, 257), ("4×6배판", 188, 257)]
)
def test_trim_size(name: str, width: float, height: float) -> None:
    assert name in page_names()
    spec = page_spec(name)
    assert (spec.width_mm, spec.height_mm) == (width, height)
    assert spec.inner_mm > spec.outer_mm  # the spine side is wider
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    data = write_pdf(doc, created=datetime(2025, 11, 23, tzinfo=UTC), page=spec).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        box = [float(v) for v in pdf.pages[0].mediabox]
    assert box[2] - box[0] == pytest.approx(width * MM, abs=0.1)
    assert box[3] - box[1] == pytest.approx(height * MM, abs=0.1)


def test_the_command_line_takes_them(tmp_path):
    from tests.conftest import SEED, run_cli

    result = run_cli("build", SEED, "-o", tmp_path, "--to", "pdf", "--page-size", "46bae")
    assert result.returncode == 0, result.stderr
    with pikepdf.open(next(tmp_path.glob("*.pdf"))) as pdf:
        assert float(pdf.pages[0].mediabox[2]) == pytest.approx(188 * MM, abs=0.1)
