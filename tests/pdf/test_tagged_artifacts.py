"""Tagged PDFs (pdf/ua-1, tagged): running heads and folios are pagination artifacts; every other
marked content belongs to the structure tree (PDF/UA-1 §7.1, §7.8; ISO 32000-1 §14.8.2.2)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pikepdf
import pytest

from bookmaker.ir import from_json
from bookmaker.writers.pdf import write_pdf
from tests.pdf.conftest import FIXTURES


def _reachable(root: pikepdf.Object) -> set[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    stack = [root.K]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item and item.objgen not in seen:
            seen.add(item.objgen)
            if "/K" in item:
                stack.append(item.K)
    return seen


def _marked(page: pikepdf.Page) -> tuple[list[int], int]:
    """(MCIDs of the tagged content, number of pagination artifacts) on ``page``."""
    mcids, pagination = [], 0
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) != "BDC":
            continue
        if operands[0] == pikepdf.Name.Artifact:
            pagination += operands[1].get("/Type") == pikepdf.Name.Pagination
        elif "/MCID" in operands[1]:
            mcids.append(int(operands[1].MCID))
    return mcids, pagination


@pytest.mark.parametrize("variant", ["pdf/ua-1", "tagged"])
def test_running_heads_and_folios_are_artifacts(variant: str) -> None:
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    data = write_pdf(doc, created=datetime(2025, 11, 23, tzinfo=UTC), variant=variant).data
    assert data == write_pdf(doc, created=datetime(2025, 11, 23, tzinfo=UTC), variant=variant).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.StructTreeRoot
        attached = _reachable(root)
        nums = root.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert len(pdf.pages) >= 2
        for number, page in enumerate(pdf.pages, start=1):
            mcids, pagination = _marked(page)
            assert pagination == (1 if number == 1 else 2)  # the folio, and the running head after page 1
            elements = parents[int(page.StructParents)]
            for mcid in mcids:  # nothing tagged outside the tree
                assert elements[mcid].objgen in attached, (number, mcid)


_PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"', "Do", "sh"}


@pytest.mark.parametrize("print_ready", [False, True])
def test_nothing_is_painted_outside_marked_content(print_ready: bool) -> None:
    """PDF/UA-1 §7.1: content is tagged or an artifact; crop marks and crosses included."""
    doc = from_json((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    data = write_pdf(
        doc, created=datetime(2025, 11, 23, tzinfo=UTC), variant="pdf/ua-1", print_ready=print_ready
    ).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            depth, unmarked = 0, []
            for _, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(name, 0)
                if depth == 0 and name in _PAINTING:
                    unmarked.append(name)
            assert unmarked == []
