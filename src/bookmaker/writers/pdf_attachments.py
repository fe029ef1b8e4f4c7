"""Files embedded in a PDF as associated files (PDF/A-3 ``/AF`` with an ``/AFRelationship``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

# ISO 32000-2 §7.11.3 relationships bookmaker uses
RELATIONSHIPS = ("Source", "Data", "Alternative", "Supplement", "Unspecified")


@dataclass(frozen=True, slots=True)
class PdfAttachment:
    """One embedded file: its name inside the PDF, bytes, relationship and a short description."""

    name: str
    data: bytes
    relationship: str = "Unspecified"
    description: str = ""

    def __post_init__(self) -> None:
        if self.relationship not in RELATIONSHIPS:
            raise ValueError(f"unknown AFRelationship {self.relationship!r}")


ARCHIVAL_VARIANT = "pdf/a-3b"  # the variant that carries the article's source and IR


def source_and_ir(source_name: str, source: bytes, ir_name: str, ir_json: bytes) -> tuple[PdfAttachment, ...]:
    """What an archival PDF carries: the article as it was received, and the IR it was built from."""
    return (
        PdfAttachment(source_name, source, "Source", "the article as it was received"),
        PdfAttachment(ir_name, ir_json, "Data", "bookmaker IR JSON the PDF was built from"),
    )


def weasyprint_attachments(attachments: Sequence[PdfAttachment], moment: datetime) -> list[Any]:
    """WeasyPrint ``Attachment`` objects dated ``moment`` (never "now": the PDF stays reproducible)."""
    import weasyprint

    # WeasyPrint prints the time with a literal "Z": hand it naive UTC
    naive = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    return [
        weasyprint.Attachment(
            string=item.data,
            name=item.name,
            description=item.description,
            created=naive,
            modified=naive,
            relationship=item.relationship,
        )
        for item in attachments
    ]


class AssociatedFiles:
    """WeasyPrint ``finisher`` that tidies the catalog's ``/AF`` after PDF/A-3 processing.

    WeasyPrint 70 lists each file twice in ``/AF`` and picks relationships by MD5, so two
    attachments with equal bytes (an IR JSON input and its IR) would get the same one; this keeps
    each reference once and sets every relationship by the attachment's name.
    """

    def __init__(self, attachments: Sequence[PdfAttachment]) -> None:
        self.relationships = {item.name: item.relationship for item in attachments}

    def __call__(self, _document: Any, pdf: Any) -> None:
        for item in pdf.objects:
            if isinstance(item, dict) and item.get("Type") == "/Filespec" and "AFRelationship" in item:
                name = getattr(item.get("UF"), "string", None)
                if name in self.relationships:
                    item["AFRelationship"] = f"/{self.relationships[name]}"
        files = pdf.catalog.get("AF")
        if files:
            unique = list(dict.fromkeys(files))
            files.clear()
            files.extend(unique)
