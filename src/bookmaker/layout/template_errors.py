"""A template that fails — bad syntax, an undefined name, a missing or self-including file, an
operation the sandbox refuses — as one usage error naming the template file and line."""

from __future__ import annotations

import sys
import traceback

from bookmaker.errors import UsageError


def _where(exc: BaseException) -> str | None:
    """``file:line`` of the innermost template frame in ``exc``'s traceback (Jinja2 gives each
    template frame its template's file name and line), or None when no template was running."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if not name.endswith(".py") and not name.startswith("<"):
            found = f"{name}:{frame.lineno}"
    return found


def template_error(exc: BaseException) -> UsageError | None:
    """The one-line error for a template failure, or None when ``exc`` is no template's doing."""
    if "jinja2" not in sys.modules:
        return None
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return UsageError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}")
    where = _where(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        return UsageError(f"{where or 'template'}: template {exc.name!r} not found")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return UsageError(f"{where or 'template'}: refused by the template sandbox ({exc})")
    if isinstance(exc, jinja2.TemplateError):
        return UsageError(f"{where or 'template'}: {exc.message or type(exc).__name__}")
    if where is None:
        return None
    if isinstance(exc, RecursionError):
        return UsageError(f"{where}: templates include or call each other without end")
    return UsageError(f"{where}: {type(exc).__name__}: {exc}")  # 1/0, range(10**9), 'a' + 1 …
