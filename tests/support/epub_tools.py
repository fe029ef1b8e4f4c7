"""EPUBCheck and DAISY Ace for the tests: the drivers ``bookmaker check`` uses
(:mod:`bookmaker.check.external`), plus EPUBCheck on many EPUBs in one JVM."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from bookmaker.check.external import (
    ACE_HINT,
    CheckResult,
    Message,
    ToolMissing,
    ace_command,
    chromium_path,
    epubcheck_jar,
    epubcheck_result,
    java,
    run_ace,
    run_epubcheck,
)
from bookmaker.check.external import JVM_FLAGS as _JVM_FLAGS

BATCH_SOURCE = Path(__file__).with_name("BatchCheck.java")

__all__ = [
    "ACE_HINT",
    "CheckResult",
    "Message",
    "ToolMissing",
    "ace_command",
    "chromium_path",
    "epubcheck_jar",
    "run_ace",
    "run_epubcheck",
    "run_epubcheck_many",
]


def run_epubcheck_many(epubs: list[Path], *, timeout: float = 600) -> dict[Path, CheckResult]:
    """EPUBCheck (with usage messages) on many EPUBs in one JVM; falls back to one run each.

    The batch needs a JDK (Java's single-file source launcher compiles ``BatchCheck.java``).
    """
    java_command, jar = java(), epubcheck_jar()
    with tempfile.TemporaryDirectory(prefix="bookmaker-epubcheck-") as tmp:
        reports = {epub: Path(tmp) / f"{index}.json" for index, epub in enumerate(epubs)}
        pairs = [str(part) for epub, report in reports.items() for part in (epub, report)]
        subprocess.run(
            [java_command, *_JVM_FLAGS, "-cp", str(jar), str(BATCH_SOURCE), *pairs],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        results = {}
        for epub, report in reports.items():
            if report.is_file():
                results[epub] = epubcheck_result(json.loads(report.read_text(encoding="utf-8")))
            else:
                results[epub] = run_epubcheck(epub)
    return results
