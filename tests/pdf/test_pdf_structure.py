"""Page geometry, metadata, outline, options and determinism of the PDF."""

from __future__ import annotations

from datetime import UTC, datetime

import pikepdf
import pytest

from bookmaker.ir import Paragraph, from_json, text_runs
from bookmaker.layout.pages import page_spec
from bookmaker.layout.print_layout import PrintLayout
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import FIXTURES, PRESETS

PT = 72 / 25.4
MOMENT = datetime(2025, 11, 23, tzinfo=UTC)


def _seed():
    return from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("preset", PRESETS)
def test_trim_size_and_catalog(built, preset):
    spec = page_spec(preset)
    with pikepdf.open(built["seed", preset]) as pdf:
        box = [float(v) for v in pdf.pages[0].mediabox]
        assert abs(box[2] - spec.width_mm * PT) < 0.1 and abs(box[3] - spec.height_mm * PT) < 0.1
        assert str(pdf.Root.Lang) == "ko"
        assert "미국산" in str(pdf.docinfo["/Title"])
        assert "홍인택" in str(pdf.docinfo["/Author"])
        with pdf.open_outline() as outline:
            items = list(outline.root)
            titles = [item.title for item in items] + [c.title for item in items for c in item.children]
    assert "안정적 수요 유지, 기술 협력 기회" in titles
    assert not any("\u2060" in title for title in titles)


def test_inner_margin_wider_than_outer():
    for preset in PRESETS:
        spec = page_spec(preset)
        assert spec.inner_mm > spec.outer_mm and spec.bottom_mm >= spec.top_mm


def test_measure_comes_from_preset_and_margins():
    spec = page_spec("a5", "20,24,25,15")
    assert PrintLayout(spec).measure_pt == pytest.approx((148 - 40) * PT)


def test_deterministic_bytes():
    doc = _seed()
    assert write_pdf(doc, created=MOMENT).data == write_pdf(doc, created=MOMENT).data


def test_print_ready_bleed_and_marks():
    data = write_pdf(_seed(), created=MOMENT, print_ready=True).data
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        page = pdf.pages[0]
        trim = [float(v) for v in page.TrimBox]
        bleed = [float(v) for v in page.BleedBox]
        assert trim[2] - trim[0] == pytest.approx(148 * PT, abs=0.1)
        assert trim[0] - bleed[0] == pytest.approx(3 * PT, abs=0.1)


@pytest.mark.parametrize("variant", ["pdf/a-3b", "pdf/ua-1"])
def test_variants_structure(variant):
    import io

    data = write_pdf(_seed(), created=MOMENT, variant=variant).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Metadata" in pdf.Root
        xmp = pdf.Root.Metadata.read_bytes().decode()
        if variant == "pdf/a-3b":
            assert "pdfaid:part" in xmp and "/OutputIntents" in pdf.Root
        else:
            assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
    assert data == write_pdf(_seed(), created=MOMENT, variant=variant).data


def test_long_url_wraps_without_overflow(tmp_path):
    from bookmaker.check import check_pdf

    doc = _seed()
    url = "https://www.example.com/" + "very-long-path-segment/" * 8 + "index.html?query=1&page=2"
    doc.blocks[0] = Paragraph(
        content=text_runs(f"자세한 내용은 {url} 에서 볼 수 있다. " + doc.blocks[0].text)
    )
    path = tmp_path / "url.pdf"
    path.write_bytes(write_pdf(doc, created=MOMENT, page=page_spec("46")).data)
    report = check_pdf(path)
    assert report.overflows == 0
    assert report.kinsoku == 0
