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


def dedupe_associated_files(_document: Any, pdf: Any) -> None:
    """WeasyPrint ``finisher``: keep each ``/AF`` reference once (WeasyPrint 70 lists each twice)."""
    files = pdf.catalog.get("AF")
    if files:
        unique = list(dict.fromkeys(files))
        files.clear()
        files.extend(unique)
