"""What the preview shows: the EPUB's files (its content documents with their CSS and fonts) and
the PDF's pages as JPEG thumbnails, made by the one build path (:func:`bookmaker.pipeline.make`)."""

from __future__ import annotations

import dataclasses
import io
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from bookmaker.errors import BuildError
from bookmaker.ir import Document
from bookmaker.limits import Limits
from bookmaker.pipeline import BuildOptions, load, make
from bookmaker.writers.epub_pages import COVER_FILE

THUMBNAIL_WIDTH = 360  # px: a page thumbnail's width
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"


@dataclass(frozen=True, slots=True)
class EpubRendition:
    """The EPUB's files (package path → bytes) and its reading order (content documents)."""

    files: dict[str, bytes]
    documents: list[str]
    millis: float  # wall time of the rebuild
    cpu_millis: float  # its thread's CPU time (steadier on a busy machine)
    warnings: list[str]


@dataclass(frozen=True, slots=True)
class PdfRendition:
    """The PDF's pages as JPEG thumbnails."""

    pages: list[bytes]
    millis: float
    cpu_millis: float
    warnings: list[str]


@dataclass(frozen=True, slots=True)
class Source:
    """An article file and how to read and build it."""

    path: Path
    options: BuildOptions
    encoding: str | None = None
    rules: Path | None = None
    limits: Limits | None = None

    def epub(self) -> tuple[Document, EpubRendition]:
        """The article read afresh, and its EPUB unpacked (the time taken counts the reading)."""
        start = _clocks()
        doc = load(self.path, encoding=self.encoding, rules=self.rules, limits=self.limits)
        warnings: list[str] = []
        files = _unzip(self._make(doc, "epub", warnings))
        documents = [name for name in spine(files) if PurePosixPath(name).name != COVER_FILE]  # text only
        return doc, EpubRendition(files, documents, *_since(start), warnings)

    def pdf(self, doc: Document) -> PdfRendition:
        """The PDF of ``doc``, as page thumbnails."""
        start = _clocks()
        warnings: list[str] = []
        pages = thumbnails(self._make(doc, "pdf", warnings))
        return PdfRendition(pages, *_since(start), warnings)

    def _make(self, doc: Document, fmt: str, warnings: list[str]) -> bytes:
        options = dataclasses.replace(self.options, formats=(fmt,), compress=False)  # unpacked at once
        return make(doc, options, warnings, source_dirs=(self.path.parent,))[fmt]


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.thread_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    """Wall and CPU milliseconds since ``start``."""
    wall, cpu = _clocks()
    return (wall - start[0]) * 1000, (cpu - start[1]) * 1000


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}


def spine(files: dict[str, bytes]) -> list[str]:
    """The package paths of the EPUB's linear content documents, in reading order."""
    container = etree.fromstring(files["META-INF/container.xml"])
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None:
        raise BuildError("EPUB without a package document")
    opf_path = PurePosixPath(rootfile.get("full-path", ""))
    package = etree.fromstring(files[str(opf_path)])
    hrefs = {item.get("id"): item.get("href", "") for item in package.iter(f"{_OPF}item")}
    return [
        str(opf_path.parent / hrefs[ref.get("idref")])
        for ref in package.iter(f"{_OPF}itemref")
        if ref.get("linear") != "no" and ref.get("idref") in hrefs
    ]


def thumbnails(pdf: bytes, width: int = THUMBNAIL_WIDTH) -> list[bytes]:
    """Each page of ``pdf`` as a JPEG ``width`` pixels wide (PDFium renders, Pillow encodes; at
    quality 90 a JPEG is ~8× faster to make than a fast PNG of the same page, and smaller)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=width / page.get_width())
            out = io.BytesIO()
            bitmap.to_pil().save(out, format="JPEG", quality=90)
            images.append(out.getvalue())
        return images
    finally:
        document.close()
