"""``bookmaker check``: a typography report on a built PDF (word splits, looseness, kinsoku, …),
or a lint of an EPUB with EPUBCheck and DAISY Ace when they are installed."""

from bookmaker.check.report import Report, check_pdf

__all__ = ["Report", "check_pdf", "sniff"]


def sniff(head: bytes) -> str | None:
    """``"pdf"`` or ``"epub"`` from a file's first bytes (not its name), else None."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"application/epub+zip" in head[:200]:
        return "epub"
    return None
