"""The pipeline end to end: input file → IR → EPUB/PDF files.

Step 1 read (readers) · Step 2 normalize · Step 3 layout · Step 4 write. The CLI and the
public API both go through here.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from bookmaker.errors import BuildError, InputError, UsageError
from bookmaker.ir import Document
from bookmaker.limits import Limits

if TYPE_CHECKING:
    from bookmaker.fonts.subsetting import FontSubset
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


# The records below are msgspec.Structs: each is defined at import in ~20 µs, a dataclass in ~0.4 ms
# (BuildOptions stays a dataclass: front ends call dataclasses.replace and asdict on it).
class BuildResult(msgspec.Struct):
    """Files written and non-fatal warnings met on the way."""

    outputs: list[Path] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)


def load(
    path: Path, *, encoding: str | None = None, rules: Path | None = None, limits: Limits | None = None
) -> Document:
    """Read and normalize ``path`` (an IR JSON is taken as it is) within ``limits``."""
    check_input(path)
    from bookmaker.readers import read

    raw = read(path, encoding=encoding, limits=limits)
    if isinstance(raw, Document):
        return raw
    from bookmaker.normalize import normalize

    return normalize(raw, rules=rules)


def check_input(path: Path) -> None:
    """Refuse a missing file or a folder before any work."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")


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


class _Plan(msgspec.Struct):
    """One article's build, decided: the document (titled), its style, sandbox, time and result."""

    doc: Document
    style: Style
    sandbox: Sandbox
    base_url: str
    moment: datetime
    result: BuildResult


def _plan(doc: Document, options: BuildOptions, source_dir: Path | None) -> _Plan:
    from bookmaker.resources import build_time
    from bookmaker.sandbox import Sandbox

    style = style_for(doc, options)  # validate before any work
    base_dir = (source_dir or Path.cwd()).resolve()
    sandbox = Sandbox.for_paths(
        [base_dir, *style.folders(), *options.resource_paths],
        allow_remote=options.allow_remote,
    )
    result = BuildResult()
    if not doc.meta.title.strip():  # an EPUB needs a title (dc:title, the TOC link): say so, use a stand-in
        doc = msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, title=UNTITLED))
        result.warnings.append(f"the article has no title; the books are titled {UNTITLED!r}")
    return _Plan(doc, style, sandbox, base_dir.as_uri() + "/", build_time(), result)


def _epub(
    plan: _Plan,
    options: BuildOptions,
    cover: CoverImage | None,
    make_cover: Callable[[Document], CoverImage | None] | None = None,
) -> bytes:
    from bookmaker.writers.epub import build_epub  # ebooklib: loaded where the EPUB is made

    return build_epub(
        plan.doc,
        modified=plan.moment,
        theme=plan.style.name,
        style=plan.style,
        embed_fonts=options.embed_fonts,
        cover=cover,
        warnings=plan.result.warnings,
        sandbox=plan.sandbox,
        base_url=plan.base_url,
        make_cover=make_cover,
    )


def _print_html(plan: _Plan, options: BuildOptions) -> str:
    from bookmaker.writers.pdf import print_html

    return print_html(
        plan.doc,
        created=plan.moment,
        page=plan.style.page,
        theme=plan.style.name,
        style=plan.style,
        print_ready=options.print_ready,
        break_style=options.break_style,
    )


def _pdf(
    plan: _Plan,
    html: str,
    identifier: bytes,
    options: BuildOptions,
    warnings: list[str],
    fonts: list[FontSubset] | None = None,
) -> bytes:
    from bookmaker.writers.pdf import render_html

    return render_html(
        html,
        identifier=identifier,
        created=plan.moment,
        theme=plan.style.name,
        warnings=warnings,
        variant=options.pdf_variant,
        sandbox=plan.sandbox,
        base_url=plan.base_url,
        attachments=options.pdf_attachments,
        fonts=fonts,
    )


def _identifier(doc: Document) -> bytes:
    from bookmaker.writers.identity import content_digest, pdf_identifier

    return pdf_identifier(content_digest(doc))


def build(
    doc: Document, out_dir: Path, slug: str, options: BuildOptions, *, source_dir: Path | None = None
) -> BuildResult:
    """Write the requested formats of ``doc`` into ``out_dir`` as ``slug.<format>``.

    Relative resources (figure images) resolve against ``source_dir``; the sandbox lets a build
    read only that folder, the theme and ``options.resource_paths``.
    """
    plan = _plan(doc, options, source_dir)
    payloads: dict[str, bytes] = {}
    pending = None
    if "epub" in options.formats:
        cover = read_cover(options)
        if "pdf" in options.formats:  # write the EPUB in a child process while the PDF renders
            from bookmaker.writers import background

            warnings = plan.result.warnings
            pending = background.start(lambda: _epub(plan, options, cover), warnings, plan.sandbox)
        if pending is None:
            payloads["epub"] = _epub(plan, options, cover)
    if "pdf" in options.formats:
        html = _print_html(plan, options)
        payloads["pdf"] = _pdf(plan, html, _identifier(plan.doc), options, plan.result.warnings)
    if pending is not None:
        payloads = {"epub": pending.result(), **payloads}
    return finish(plan.result, payloads, out_dir, slug, plan.sandbox)


class _Prepared(msgspec.Struct):
    """What the child of :func:`build_file` sends first: enough for the parent to render the PDF."""

    plan: _Plan
    slug: str
    html: str
    identifier: bytes
    fonts: list[FontSubset]


def build_file(
    path: Path,
    out_dir: Path,
    options: BuildOptions,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits | None = None,
) -> BuildResult:
    """Read, normalize and build the article file ``path`` into ``out_dir/<slug>.<format>``.

    When a PDF is wanted, a forked child reads the article, lays out the print HTML and cuts its
    font subsets while this process loads WeasyPrint (~0.4 s, the longest single step of a
    whole-process build); the child then writes the EPUB while this process renders the PDF.
    The EPUB alone is built on two cores too (:func:`_build_epub_file`). Same files and warnings
    as :func:`load` + :func:`build`, which run instead when forking is not safe.
    """
    from bookmaker.writers import background

    def serial() -> BuildResult:
        doc = load(path, encoding=encoding, rules=rules, limits=limits)
        return build(doc, out_dir, slug_for(path, doc), options, source_dir=path.parent)

    if "pdf" not in options.formats:
        return _build_epub_file(path, out_dir, options, serial, encoding=encoding, rules=rules, limits=limits)
    check_input(path)

    def child(send: background.Send) -> None:
        try:
            doc = load(path, encoding=encoding, rules=rules, limits=limits)
            plan = _plan(doc, options, path.parent)
            cover = read_cover(options) if "epub" in options.formats else None
            html = _print_html(plan, options)
            from bookmaker.fonts.subsetting import pdf_subsets

            prepared = _Prepared(plan, slug_for(path, doc), html, _identifier(plan.doc), pdf_subsets(html))
            send((True, prepared))
        except BaseException as exc:
            send((False, background.picklable(exc, "reading the article")))
            return
        if "epub" not in options.formats:
            return
        mark = len(plan.result.warnings)
        try:
            outcome: tuple[bool, object] = (True, _epub(plan, options, cover))
        except BaseException as exc:
            outcome = (False, background.picklable(exc, "EPUB writing"))
        send((*outcome, plan.result.warnings[mark:], plan.sandbox.blocked, plan.sandbox.blocked_urls))

    channel = background.fork(child, "the build")
    if channel is None:
        return serial()
    try:
        from bookmaker.writers.pdf import preload

        preload()  # meanwhile, the child reads the article
        ok, first = channel.receive()  # type: ignore[misc]
        if not ok:
            raise first
        prepared: _Prepared = first
        plan = prepared.plan
        pdf_warnings: list[str] = []
        pdf = _pdf(plan, prepared.html, prepared.identifier, options, pdf_warnings, prepared.fonts)
        payloads = {"pdf": pdf}
        if "epub" in options.formats:
            ok, epub, epub_warnings, blocked, blocked_urls = channel.receive()  # type: ignore[misc]
            plan.result.warnings.extend(epub_warnings)
            background.merge_blocked(plan.sandbox, blocked, blocked_urls)
            if not ok:
                raise epub
            payloads = {"epub": epub, "pdf": pdf}
        plan.result.warnings.extend(pdf_warnings)
    finally:
        channel.close(kill=True)
    return finish(plan.result, payloads, out_dir, prepared.slug, plan.sandbox)


def _build_epub_file(
    path: Path,
    out_dir: Path,
    options: BuildOptions,
    serial: Callable[[], BuildResult],
    *,
    encoding: str | None,
    rules: Path | None,
    limits: Limits | None,
) -> BuildResult:
    """The EPUB alone, on two cores: a forked child reads and normalizes the article while this
    process loads the EPUB writer (Jinja2, ebooklib, HarfBuzz and the font faces); the child then
    draws the generated cover (Pillow, FreeType) while this process cuts the font subsets and
    lays out the book. Same file and warnings as :func:`serial`, which runs when forking is not
    safe (see :mod:`bookmaker.writers.background`) or no second CPU is free at the start (the
    fork costs ~30 ms of CPU time: on a busy machine the serial build is faster).
    """
    from bookmaker.writers import background

    if not background.idle_core():
        return serial()
    check_input(path)
    draw = options.cover is None  # a --cover image replaces the generated cover

    def child(send: background.Send) -> None:
        try:
            doc = load(path, encoding=encoding, rules=rules, limits=limits)
            plan = _plan(doc, options, path.parent)
            send((True, (plan, slug_for(path, doc))))
        except BaseException as exc:
            send((False, background.picklable(exc, "reading the article")))
            return
        if draw:
            try:
                from bookmaker.writers.cover import generate_cover

                send((True, generate_cover(plan.doc)))
            except BaseException as exc:
                send((False, background.picklable(exc, "the cover")))

    if draw or options.embed_fonts:
        _find_faces()  # once for both processes: the child's cover and this process's subsets
    channel = background.fork(child, "the build")
    if channel is None:
        return serial()
    try:
        from bookmaker.writers.epub import preload

        preload(_likely_style(options))  # meanwhile, the child reads the article
        ok, first = channel.receive()  # type: ignore[misc]
        if not ok:
            raise first
        plan, slug = first
        drawn_from = plan.doc.meta

        def drawn_cover(doc: Document) -> CoverImage | None:
            from bookmaker.writers.cover import generate_cover

            if doc.meta != drawn_from:  # the cover shows only the metadata the child had
                return generate_cover(doc)
            try:
                ok, cover = channel.receive()  # type: ignore[misc]
            except BuildError:  # the child is gone: draw it here
                return generate_cover(doc)
            if not ok:
                raise cover
            return cover

        epub = _epub(plan, options, read_cover(options), make_cover=drawn_cover if draw else None)
    finally:
        channel.close(kill=True)
    return finish(plan.result, {"epub": epub}, out_dir, slug, plan.sandbox)


def _find_faces() -> None:
    """Import HarfBuzz, find the Noto CJK faces (~12 ms) and load their stored working sets (~5 ms,
    then shared by the child's cover and this process's subsets); failures left for the build."""
    with contextlib.suppress(Exception):
        from bookmaker.fonts.discovery import locate
        from bookmaker.fonts.faces import EPUB_FACES
        from bookmaker.fonts.working_set import stored_working_set

        for face in EPUB_FACES:
            locate(face)
            stored_working_set(face)


def _likely_style(options: BuildOptions) -> Style | None:
    """The style of a document whose front matter chooses none (None when the options are bad)."""
    try:
        return style_for(None, options)
    except Exception:
        return None


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
