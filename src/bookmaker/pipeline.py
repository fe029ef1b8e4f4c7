"""The pipeline end to end: input file → IR → EPUB/PDF files.

Step 1 read (readers) · Step 2 normalize · Step 3 layout · Step 4 write. The CLI and the
public API both go through here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bookmaker.errors import InputError, UsageError
from bookmaker.ir import Document
from bookmaker.limits import Limits

FORMATS = ("epub", "pdf")
UNTITLED = "제목 없음"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build and how."""

    formats: tuple[str, ...] = FORMATS
    page_size: str = "a5"
    theme: str = "book"
    margins: str | None = None  # PDF: TOP,BOTTOM,INNER,OUTER in mm
    print_ready: bool = False  # PDF: 3 mm bleed and crop marks
    pdf_variant: str | None = None  # PDF: pdf/a-3b, pdf/ua-1 or tagged
    allow_remote: bool = False  # sandbox: may fetch http(s) resources from public hosts
    resource_paths: tuple[Path, ...] = ()  # sandbox: extra folders a build may read
    embed_fonts: bool = True  # EPUB: embed subset Noto CJK KR fonts
    cover: Path | None = None  # EPUB: cover image instead of the generated one


@dataclass(slots=True)
class BuildResult:
    """Files written and non-fatal warnings met on the way."""

    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load(
    path: Path, *, encoding: str | None = None, rules: Path | None = None, limits: Limits | None = None
) -> Document:
    """Read and normalize ``path`` (an IR JSON is taken as it is) within ``limits``."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    from bookmaker.readers import read

    raw = read(path, encoding=encoding, limits=limits)
    if isinstance(raw, Document):
        return raw
    from bookmaker.normalize import normalize

    return normalize(raw, rules=rules)


def parse_formats(value: str | Iterable[str]) -> tuple[str, ...]:
    """``"epub,pdf"`` → ``("epub", "pdf")``, rejecting unknown names."""
    names = value.split(",") if isinstance(value, str) else list(value)
    cleaned = tuple(dict.fromkeys(name.strip().lower() for name in names if name.strip()))
    unknown = [name for name in cleaned if name not in FORMATS]
    if unknown or not cleaned:
        raise UsageError(f"--to takes a comma list of {', '.join(FORMATS)}; got {value!r}")
    return cleaned


def slug_for(path: Path, doc: Document) -> str:
    """An ASCII file stem for the outputs: the input's stem, made safe."""
    stem = unicodedata.normalize("NFKD", path.stem)
    ascii_stem = re.sub(r"[^a-z0-9_]+", "-", stem.encode("ascii", "ignore").decode().lower()).strip("-")
    if ascii_stem:
        return ascii_stem[:80]
    from bookmaker.writers.identity import content_digest

    return f"article-{content_digest(doc)[:10]}"


def build(
    doc: Document, out_dir: Path, slug: str, options: BuildOptions, *, source_dir: Path | None = None
) -> BuildResult:
    """Write the requested formats of ``doc`` into ``out_dir`` as ``slug.<format>``.

    Relative resources (figure images) resolve against ``source_dir``; the sandbox lets a build
    read only that folder, the theme and ``options.resource_paths``.
    """
    from bookmaker.layout.pages import page_spec
    from bookmaker.resources import build_time, templates_root
    from bookmaker.sandbox import Sandbox
    from bookmaker.writers.atomic import write_atomic

    base_dir = (source_dir or Path.cwd()).resolve()
    base_url = base_dir.as_uri() + "/"
    sandbox = Sandbox.for_paths(
        [base_dir, templates_root() / options.theme, *options.resource_paths],
        allow_remote=options.allow_remote,
    )

    page = page_spec(options.page_size, options.margins)  # validate before any work
    moment = build_time()
    result = BuildResult()
    if not doc.meta.title.strip():  # an EPUB needs a title (dc:title, the TOC link): say so, use a stand-in
        import msgspec

        doc = msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, title=UNTITLED))
        result.warnings.append(f"the article has no title; the books are titled {UNTITLED!r}")
    payloads: dict[str, bytes] = {}
    if "epub" in options.formats:
        from bookmaker.writers.cover import load_cover
        from bookmaker.writers.epub import build_epub

        cover = None
        if options.cover is not None:
            try:
                cover = load_cover(options.cover.read_bytes(), str(options.cover))
            except OSError as exc:
                raise InputError(f"{options.cover}: cannot read the cover image ({exc.strerror})") from None
        payloads["epub"] = build_epub(
            doc,
            modified=moment,
            theme=options.theme,
            embed_fonts=options.embed_fonts,
            cover=cover,
            warnings=result.warnings,
            sandbox=sandbox,
            base_url=base_url,
        )
    if "pdf" in options.formats:
        from bookmaker.writers.pdf import build_pdf

        payloads["pdf"] = build_pdf(
            doc,
            created=moment,
            page=page,
            theme=options.theme,
            warnings=result.warnings,
            print_ready=options.print_ready,
            variant=options.pdf_variant,
            sandbox=sandbox,
            base_url=base_url,
        )
    result.warnings.extend(sandbox.blocked)
    for fmt, data in payloads.items():
        target = out_dir / f"{slug}.{fmt}"
        write_atomic(target, data)
        result.outputs.append(target)
    return result
