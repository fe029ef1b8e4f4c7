"""Running heads and folios of a tagged PDF as pagination artifacts (PDF/UA-1, ISO 14289-1 §7.8).

WeasyPrint 70 marks the text of the page-margin boxes as ``/Span <</MCID n>> BDC`` and builds
structure elements for it that it leaves out of the structure tree ("could be included in tree as
Artifact, but that's only allowed in PDF 2.0", weasyprint/pdf/tags.py): that text is neither real
content nor an artifact. This pass, on the finished file with pikepdf, turns each such marked
sequence into ``/Artifact <</Type /Pagination>> BDC`` and drops its entry from the parent tree,
so the detached elements go with it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf

_PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)


def _reachable(node: pikepdf.Object, seen: set[tuple[int, int]]) -> None:
    """Every structure element under ``node`` (by object id) into ``seen``."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item:
            if item.objgen in seen:
                continue
            if item.objgen != (0, 0):
                seen.add(item.objgen)
            if "/K" in item:
                stack.append(item.K)


def _parent_arrays(tree: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Object]]:
    """(key, value) of a number tree (``/Nums``, nested ``/Kids``)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if "/Nums" in node:
            nums = node.Nums
            for index in range(0, len(nums), 2):
                yield int(nums[index]), nums[index + 1]
        if "/Kids" in node:
            stack.extend(node.Kids)


def margins_as_artifacts(data: bytes) -> bytes:
    """``data`` (a tagged PDF by WeasyPrint) with its detached marked content made artifacts;
    unchanged when it has no structure tree or nothing detached."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None or "/ParentTree" not in root:
            return data
        attached: set[tuple[int, int]] = set()
        _reachable(root.get("/K", pikepdf.Array()), attached)
        parents = dict(_parent_arrays(root.ParentTree))
        changed = False
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            elements = parents.get(int(key)) if key is not None else None
            if not isinstance(elements, pikepdf.Array):
                continue
            detached = {
                mcid
                for mcid, element in enumerate(elements)
                if isinstance(element, pikepdf.Dictionary) and element.objgen not in attached
            }
            if detached and _mark_artifacts(pdf, page, detached):
                for mcid in detached:
                    elements[mcid] = None
                changed = True
        if not changed:
            return data
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _mark_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, detached: set[int]) -> bool:
    """Rewrite ``page``'s marked-content sequences of the MCIDs in ``detached`` as artifacts."""
    instructions = pikepdf.parse_content_stream(page)
    changed = False
    rewritten: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    for instruction in instructions:
        operands, operator = instruction.operands, instruction.operator
        if (
            operator == pikepdf.Operator("BDC")
            and len(operands) == 2
            and isinstance(operands[1], pikepdf.Dictionary)
            and int(operands[1].get("/MCID", -1)) in detached
        ):
            rewritten.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact, _PAGINATION], operator))
            changed = True
        else:
            rewritten.append(instruction)
    if changed:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(rewritten))
    return changed
