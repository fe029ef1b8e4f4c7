"""Assemble one article's archive bundle in memory and store it as a folder or a zip."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bookmaker.archive.manifest import MANIFEST_NAME, FileEntry, render_manifest, sha256
from bookmaker.archive.versions import tool_versions
from bookmaker.failures import write_error
from bookmaker.ir import Document
from bookmaker.limits import DEFAULT, Limits
from bookmaker.pipeline import BuildOptions, build, ir_json, load
from bookmaker.resources import build_time, utc_stamp
from bookmaker.writers.atomic import part_prefix, write_atomic
from bookmaker.writers.identity import content_digest
from bookmaker.writers.pdf_attachments import ARCHIVAL_VARIANT, source_and_ir
from bookmaker.writers.stable_zip import stable_zip


@dataclass(slots=True)
class Bundle:
    """A finished bundle: ``files`` maps a path inside the bundle to its bytes (manifest included)."""

    slug: str
    files: dict[str, bytes]
    built: datetime
    warnings: list[str] = dataclasses.field(default_factory=list)


def _options_record(options: BuildOptions) -> dict[str, object]:
    return {
        "page_size": options.page_size,
        "margins": options.margins,
        "theme": options.theme,
        "templates": str(options.templates) if options.templates else None,
        "settings": dict(options.settings),
        "print_ready": options.print_ready,
        "pdf_variant": ARCHIVAL_VARIANT,
        "embed_fonts": options.embed_fonts,
    }


def _provenance(path: Path, source: bytes, doc: Document) -> dict[str, object]:
    meta = doc.meta.source
    return {
        "source_path": None if meta and meta.retrieved else str(path),  # a fetched page: its URL
        "source_url": meta.url if meta else None,
        "source_format": meta.format if meta else None,
        "source_encoding": meta.encoding if meta else None,
        "retrieved": meta.retrieved if meta else None,  # a page fetched from its URL
        "source_sha256": sha256(source),
        "content_sha256": content_digest(doc),
    }


def _renditions(
    doc: Document, slug: str, options: BuildOptions, source_dir: Path
) -> tuple[dict[str, bytes], list[str]]:
    """EPUB and PDF bytes, built through the pipeline into a private temporary folder."""
    with tempfile.TemporaryDirectory(prefix="bookmaker-archive-") as scratch:
        result = build(doc, Path(scratch), slug, options, source_dirs=(source_dir,))
        return {out.suffix[1:]: out.read_bytes() for out in result.outputs}, result.warnings


def assemble(
    path: Path,
    slug: str,
    options: BuildOptions | None = None,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits = DEFAULT,
    doc: Document | None = None,
) -> Bundle:
    """Read ``path`` (within ``limits``) and build its bundle: source, IR JSON, EPUB, PDF/A-3b
    (source + IR attached). ``doc`` is the IR already made of ``path`` (a page fetched from a URL)."""
    from bookmaker.readers import read_input_bytes

    source = read_input_bytes(path, limits)
    if doc is None:
        doc = load(path, encoding=encoding, rules=rules, limits=limits)
    ir_bytes = ir_json(doc)
    source_name = f"source/{path.name}"
    ir_name = f"{slug}.ir.json"
    attachments = source_and_ir(path.name, source, ir_name, ir_bytes)
    build_options = dataclasses.replace(
        options or BuildOptions(),
        formats=("epub", "pdf"),
        pdf_variant=ARCHIVAL_VARIANT,
        pdf_attachments=attachments,
    )
    renditions, warnings = _renditions(doc, slug, build_options, path.parent)
    entries = [
        FileEntry(source_name, "source", source),
        FileEntry(ir_name, "ir", ir_bytes),
        FileEntry(f"{slug}.epub", "epub", renditions["epub"]),
        FileEntry(f"{slug}.pdf", "pdf", renditions["pdf"]),
    ]
    moment = build_time()
    fields = {
        "slug": slug,
        "title": doc.meta.title,
        "built": utc_stamp(moment),
        "tools": tool_versions(),
        "options": _options_record(build_options),
        "provenance": _provenance(path, source, doc),
    }
    files = {entry.path: entry.data for entry in entries}
    files[MANIFEST_NAME] = render_manifest(fields, entries)
    return Bundle(slug=slug, files=files, built=moment, warnings=warnings)


def zip_bytes(bundle: Bundle) -> bytes:
    """The bundle as a reproducible zip: entries under ``<slug>/``, sorted, dated by the build time."""
    files = {f"{bundle.slug}/{name}": data for name, data in bundle.files.items()}
    return stable_zip(files, bundle.built)


def write_folder(files: dict[str, bytes], target: Path) -> None:
    """Write ``files`` into a folder beside ``target``, then swap it in: it appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=part_prefix(target.name), suffix=".part", dir=target.parent))
    try:
        for name, data in sorted(files.items()):
            write_atomic(staging / name, data)
        os.chmod(staging, 0o755)
        retired = None
        if target.exists():
            retired = Path(
                tempfile.mkdtemp(prefix=part_prefix(target.name), suffix=".part", dir=target.parent)
            )
            os.replace(target, retired / "bundle")
        os.replace(staging, target)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise


def write_bundle(bundle: Bundle, out_dir: Path, *, as_zip: bool = False) -> Path:
    """Store ``bundle`` as ``out_dir/<slug>/`` or ``out_dir/<slug>.zip``; returns that path."""
    try:
        if as_zip:
            target = out_dir / f"{bundle.slug}.zip"
            write_atomic(target, zip_bytes(bundle))
        else:
            target = out_dir / bundle.slug
            write_folder(bundle.files, target)
    except OSError as exc:
        raise write_error(out_dir / bundle.slug, exc) from None
    return target
