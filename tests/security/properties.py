"""Properties every input must satisfy, shared by the hypothesis tests and ``bench/fuzz.py``.

* reading + normalizing any bytes gives an IR document or a one-line :class:`InputError`; the
  document keeps every non-blank source line (in a block, ``meta.lines`` or ``removed``) and no
  string in it carries a control character;
* a document built from any text gives an EPUB that EPUBCheck accepts and a PDF whose text
  ``pdftotext`` reads back.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from bookmaker.errors import InputError
from bookmaker.ir import Document, Figure, ThematicBreak, to_json
from bookmaker.normalize import normalize
from bookmaker.pipeline import UNTITLED
from bookmaker.raw import RawDocument
from bookmaker.readers import read
from bookmaker.readers.sanitize import has_controls
from tests.helpers import unaccounted_lines

SUFFIXES = (".txt", ".html", ".md", ".json", "")
MOMENT = datetime(2025, 11, 23, tzinfo=UTC)


@dataclass(slots=True)
class Outcome:
    """What reading one input gave: a document, or the error line."""

    doc: Document | None
    error: str | None


def read_and_normalize(data: bytes, suffix: str, folder: Path) -> Outcome:
    """Write ``data`` as ``input<suffix>`` in ``folder``, read and normalize it, check the properties.

    Raises AssertionError when a property fails; any other exception is a crash.
    """
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        raw = read(path)
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message, f"error is not one line: {message!r}"
        return Outcome(None, message)
    doc = normalize(raw)
    if isinstance(raw, RawDocument):
        visible = {sl.line for sl in raw.lines if not is_blank(sl.text)}
        lost = [line for line in unaccounted_lines(raw, doc) if line in visible]
        assert lost == [], f"source lines lost by normalization: {lost[:10]}"
    for block in doc.blocks:
        has_text = block.text.strip() or isinstance(block, Figure | ThematicBreak)  # a break has none
        assert has_text, f"empty {type(block).__name__} block"
    text = to_json(doc)
    decoded = msgspec.json.decode(text)
    bad = [s for s in _strings(decoded) if has_controls(s)]
    assert not bad, f"control characters reached the IR: {_short(bad)}"
    return Outcome(doc, None)


def is_blank(text: str) -> bool:
    """No visible character: only spaces and format characters (zero-width space, BOM …)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def _short(texts: list[str]) -> str:
    shown = repr(texts[:2])
    return (shown if len(shown) <= 300 else shown[:300] + "…") + f" ({len(texts)} in all)"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    return []


def build_outputs(doc: Document, folder: Path) -> tuple[Path, Path]:
    """Build ``doc``'s EPUB and PDF into ``folder`` (no sandbox escapes possible: no sources)."""
    from bookmaker.pipeline import BuildOptions, build

    build(doc, folder, "book", BuildOptions(), source_dirs=(folder,))
    return folder / "book.epub", folder / "book.pdf"


_INVISIBLE = re.compile(r"[\s\u2060\u200b-\u200d\ufeff\u00ad]+")


_MARKER = re.compile(r"\d{1,3}[.)]|[•◦▪‣–-]")


def text_key(text: str) -> str:
    """Text as compared across a PDF round trip: NFKC, no spaces, joiners or soft hyphens."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def pdf_text(pdf: Path) -> str:
    """``pdftotext`` of a PDF (fails the property when the PDF cannot be read)."""
    done = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"pdftotext cannot read the PDF: {done.stderr.strip()[:200]}"
    return done.stdout


def missing_from_pdf(doc: Document, pdf: Path) -> list[str]:
    """Block texts of ``doc`` that are not in the PDF's extracted text.

    Page furniture is taken off each page's end first (the folio line, then the running title),
    so a paragraph running over a page break reads as one.
    """
    title = text_key(doc.meta.title.strip() or UNTITLED)
    body = []
    for page in pdf_text(pdf).split("\f"):
        lines = page.rstrip().splitlines()
        if lines and lines[-1].strip().isdigit():
            lines.pop()
        while lines and _MARKER.fullmatch(lines[-1].strip()):
            lines.pop()  # list markers: drawn after the page's text, so pdftotext -raw puts them last
        key = text_key("\n".join(lines))
        body.append(key.removesuffix(title))
    got = "".join(body)
    return [block.text for block in doc.blocks if text_key(block.text) not in got]


def check_pdf_text(doc: Document, pdf: Path) -> None:
    """Every block's text is in the PDF."""
    missing = missing_from_pdf(doc, pdf)
    assert not missing, f"text missing from the PDF: {_short(missing)}"
