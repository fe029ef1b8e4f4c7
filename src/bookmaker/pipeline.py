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
from typing import TYPE_CHECKING

from bookmaker.errors import InputError, UsageError
from bookmaker.ir import Document
from bookmaker.limits import Limits

if TYPE_CHECKING:
    from bookmaker.layout.style import Style
    from bookmaker.sandbox import Sandbox
    from bookmaker.writers.cover import CoverImage
    from bookmaker.writers.pdf_attachments import PdfAttachment

FORMATS = ("epub", "pdf")
UNTITLED = "제목 없음"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build and how."""

    formats: tuple[str, ...] = FORMATS
    page_size: str | None = None  # PDF: preset name; None → the theme's (or the document's) choice
    theme: str | None = None  # None → the document's front matter, else "book"
    margins: str | None = None  # PDF: TOP,BOTTOM,INNER,OUTER in mm
    templates: Path | None = None  # user templates overriding the theme's by name
    settings: tuple[tuple[str, str], ...] = ()  # --set KEY=VALUE pairs (layout/style.py KNOBS)
    print_ready: bool = False  # PDF: 3 mm bleed and crop marks
    break_style: str = "word"  # PDF: "syllable" lets very long Korean words break between syllables
    pdf_variant: str | None = None  # PDF: pdf/a-3b, pdf/ua-1 or tagged
    allow_remote: bool = False  # sandbox: may fetch http(s) resources from public hosts
    resource_paths: tuple[Path, ...] = ()  # sandbox: extra folders a build may read
    embed_fonts: bool = True  # EPUB: embed subset Noto CJK KR fonts
    cover: Path | None = None  # EPUB: cover image instead of the generated one
    pdf_attachments: tuple[PdfAttachment, ...] = ()  # PDF: files embedded as associated files


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


def style_for(doc: Document | None, options: BuildOptions) -> Style:
    """The effective style: the command line over the document's front matter over the theme
    (a collection passes ``None``: its articles' front matter does not choose the book's design)."""
    from bookmaker.layout.style import resolve_style

    chosen = doc.meta.style if doc is not None else None
    command_line = dict(options.settings)
    if options.page_size:
        command_line["page-size"] = options.page_size
    if options.margins:
        command_line["margins"] = options.margins
    theme = options.theme or (chosen.theme if chosen else None)
    return resolve_style(theme, options.templates, chosen.settings if chosen else None, command_line)


def build(
    doc: Document, out_dir: Path, slug: str, options: BuildOptions, *, source_dir: Path | None = None
) -> BuildResult:
    """Write the requested formats of ``doc`` into ``out_dir`` as ``slug.<format>``.

    Relative resources (figure images) resolve against ``source_dir``; the sandbox lets a build
    read only that folder, the theme and ``options.resource_paths``.
    """
    from bookmaker.resources import build_time
    from bookmaker.sandbox import Sandbox

    style = style_for(doc, options)  # validate before any work
    base_dir = (source_dir or Path.cwd()).resolve()
    base_url = base_dir.as_uri() + "/"
    sandbox = Sandbox.for_paths(
        [base_dir, *style.folders(), *options.resource_paths],
        allow_remote=options.allow_remote,
    )

    moment = build_time()
    result = BuildResult()
    if not doc.meta.title.strip():  # an EPUB needs a title (dc:title, the TOC link): say so, use a stand-in
        import msgspec

        doc = msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, title=UNTITLED))
        result.warnings.append(f"the article has no title; the books are titled {UNTITLED!r}")
    payloads: dict[str, bytes] = {}
    pending = None
    if "epub" in options.formats:
        cover = read_cover(options)

        def epub_job() -> bytes:
            from bookmaker.writers.epub import build_epub  # ebooklib: loaded where the EPUB is made

            return build_epub(
                doc,
                modified=moment,
                theme=style.name,
                style=style,
                embed_fonts=options.embed_fonts,
                cover=cover,
                warnings=result.warnings,
                sandbox=sandbox,
                base_url=base_url,
            )

        if "pdf" in options.formats:  # write the EPUB in a child process while the PDF renders
            from bookmaker.writers import background

            pending = background.start(epub_job, result.warnings, sandbox)
        if pending is None:
            payloads["epub"] = epub_job()
    if "pdf" in options.formats:
        from bookmaker.writers.pdf import build_pdf

        payloads["pdf"] = build_pdf(
            doc,
            created=moment,
            page=style.page,
            theme=style.name,
            style=style,
            warnings=result.warnings,
            print_ready=options.print_ready,
            variant=options.pdf_variant,
            sandbox=sandbox,
            base_url=base_url,
            attachments=options.pdf_attachments,
            break_style=options.break_style,
        )
    if pending is not None:
        payloads = {"epub": pending.result(), **payloads}
    return finish(result, payloads, out_dir, slug, sandbox)


def read_cover(options: BuildOptions) -> CoverImage | None:
    """The ``--cover`` image, checked (``None`` when none was given)."""
    if options.cover is None:
        return None
    from bookmaker.writers.cover import load_cover

    try:
        return load_cover(options.cover.read_bytes(), str(options.cover))
    except OSError as exc:
        raise InputError(f"{options.cover}: cannot read the cover image ({exc.strerror})") from None


def finish(
    result: BuildResult, payloads: dict[str, bytes], out_dir: Path, slug: str, sandbox: Sandbox
) -> BuildResult:
    """Add the sandbox's warnings and write each payload atomically as ``out_dir/slug.<format>``."""
    from bookmaker.writers.atomic import write_atomic

    result.warnings.extend(sandbox.blocked)
    for fmt, data in payloads.items():
        target = out_dir / f"{slug}.{fmt}"
        write_atomic(target, data)
        result.outputs.append(target)
    return result
