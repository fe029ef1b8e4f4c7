"""Structural checks of the archival and accessible PDFs, by clause (veraPDF is not installable
here; docs/pdf-variants.md lists what these cover and what they do not)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import cache

import pikepdf
import pytest

from bookmaker.ir import from_json
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import FIXTURES


@cache
def built(variant: str) -> bytes:
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    return write_pdf(doc, created=datetime(2025, 11, 23, tzinfo=UTC), variant=variant).data


def _fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    fonts = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            descendants = font.get("/DescendantFonts")
            fonts.append((descendants[0] if descendants else font).FontDescriptor)
    return fonts


@pytest.mark.parametrize("variant", ["pdf/a-3b", "pdf/ua-1"])
def test_common_clauses(variant: str) -> None:
    """PDF/A-3 6.1.3 and PDF/UA-1 7.1 (trailer ID, no encryption); PDF/A-3 6.2.11.4.1 and
    PDF/UA-1 7.21.4.1 (every font embedded); PDF/A-3 6.6.2.1 and PDF/UA-1 7.1 (XMP metadata with
    dc:title); PDF/UA-1 7.1 (DisplayDocTitle) and 7.2 (document language)."""
    with pikepdf.open(io.BytesIO(built(variant))) as pdf:
        assert "/ID" in pdf.trailer and "/Encrypt" not in pdf.trailer
        assert all(any(key in fd for key in ("/FontFile", "/FontFile2", "/FontFile3")) for fd in _fonts(pdf))
        assert pdf.open_metadata().get("dc:title")
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.Root.Lang) == "ko"


def test_pdfa3b_clauses() -> None:
    """PDF/A-3 6.6.4 (pdfaid part 3, conformance B), 6.2.3 (a GTS_PDFA1 output intent with an ICC
    profile)."""
    with pikepdf.open(io.BytesIO(built("pdf/a-3b"))) as pdf:
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("3", "B")
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1 and "/DestOutputProfile" in intent


def test_pdfua1_clauses() -> None:
    """PDF/UA-1 5 (pdfuaid part 1), 7.1 (MarkInfo Marked, a structure tree; content tagged or an
    artifact: tests/pdf/test_tagged_artifacts.py), 7.8 (running heads and folios as artifacts: ibid.)."""
    with pikepdf.open(io.BytesIO(built("pdf/ua-1"))) as pdf:
        assert pdf.open_metadata().get("pdfuaid:part") == "1"
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert all("/StructParents" in page for page in pdf.pages)
