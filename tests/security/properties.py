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
from bookmaker.ir import Document, Figure, to_json
from bookmaker.normalize import normalize
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
        assert unaccounted_lines(raw, doc) == [], "source lines lost by normalization"
    for block in doc.blocks:
        assert block.text.strip() or isinstance(block, Figure), f"empty {type(block).__name__} block"
    text = to_json(doc)
    decoded = msgspec.json.decode(text)
    bad = [s for s in _strings(decoded) if has_controls(s)]
    assert not bad, f"control characters reached the IR: {bad[:3]!r}"
    return Outcome(doc, None)


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

    build(doc, folder, "book", BuildOptions(), source_dir=folder)
    return folder / "book.epub", folder / "book.pdf"


_INVISIBLE = re.compile(r"[\s\u2060\u200b-\u200d\ufeff\u00ad]+")


def text_key(text: str) -> str:
    """Text as compared across a PDF round trip: NFKC, no spaces, joiners or soft hyphens."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def pdf_text(pdf: Path) -> str:
    """``pdftotext`` of a PDF (fails the property when the PDF cannot be read)."""
    done = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"pdftotext cannot read the PDF: {done.stderr.strip()[:200]}"
    return done.stdout


def missing_from_pdf(doc: Document, pdf: Path) -> list[str]:
    """Block texts of ``doc`` that are not in the PDF's extracted text."""
    got = text_key(pdf_text(pdf))
    return [block.text for block in doc.blocks if text_key(block.text) not in got]
