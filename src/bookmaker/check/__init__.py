"""``bookmaker check``: a typography report on a built PDF (word splits, looseness, kinsoku, …)."""

from bookmaker.check.report import Report, check_pdf

__all__ = ["Report", "check_pdf"]
