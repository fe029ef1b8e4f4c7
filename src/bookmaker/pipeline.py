"""The pipeline end to end: input file → IR → EPUB/PDF files.

Step 1 read (readers) · Step 2 normalize · Step 3 layout · Step 4 write. The CLI and the
public API both go through here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from bookmaker import pdf_worker
from bookmaker.book import Book
from bookmaker.errors import InputError, UsageError
from bookmaker.ir import Collection, Document
from bookmaker.layout.labels import label
from bookmaker.limits import DEFAULT, Limits

if TYPE_CHECKING:
    from datetime import datetime

    from bookmaker.chunked.render import Report
    from bookmaker.chunked.work import Setup
    from bookmaker.fetch.client import Fetcher
    from bookmaker.layout.style import Style
    from bookmaker.raw import RawDocument
    from bookmaker.sandbox import Sandbox
    from bookmaker.writers.cover import CoverImage
    from bookmaker.writers.pdf_attachments import PdfAttachment

FORMATS = ("epub", "pdf")
UNTITLED = label("untitled")  # in Korean; an article's stand-in title is in its own language


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
    break_style: str = "ranked"  # PDF: ranked / word / syllable (korean/linebreak.py BREAK_STYLES)
    pdf_variant: str | None = None  # PDF: pdf/a-3b, pdf/ua-1 or tagged
    allow_remote: bool = False  # sandbox: may fetch http(s) resources from public hosts
    resource_paths: tuple[Path, ...] = ()  # sandbox: extra folders a build may read
    embed_fonts: bool = True  # EPUB: embed subset Noto CJK KR fonts
    cover: Path | None = None  # EPUB: cover image instead of the generated one
    compress: bool = True  # EPUB: deflate the package (the preview, unpacking it at once, does not)
    pdf_attachments: tuple[PdfAttachment, ...] = ()  # PDF: files embedded as associated files
    jobs: int | None = None  # PDF in chunks by N processes (bookmaker.chunked); None: if large; 0: never
    executor: str = "local"  # PDF chunks: "local" processes or a "dask" cluster at ``scheduler``
    scheduler: str | None = None


@dataclass(slots=True)
class BuildResult:
    """Files written and non-fatal warnings met on the way."""

    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load(
    path: Path,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """Read and normalize ``path`` (an IR JSON is taken as it is) within ``limits``.

    When ``warnings`` is a list, what the reader and normalization warn about is added to it, then
    one line saying how many source lines normalization removed and by which rules.
    """
    check_input(path)
    from bookmaker.readers import read

    raw = read(path, encoding=encoding, limits=limits)
    if isinstance(raw, Document):
        return raw
    from bookmaker.normalize import normalize

    doc = normalize(raw, rules=rules)
    (limits or DEFAULT).check_titles(doc, path.name)
    _said(raw, doc, path.name, warnings)
    return doc


def _said(raw: RawDocument, doc: Document, name: str, warnings: list[str] | None) -> None:
    """Add to ``warnings`` (when a list) what reading ``raw`` and normalizing it into ``doc`` said,
    then the one line of what normalization removed."""
    if warnings is None:
        return
    from bookmaker.normalize import removal_summary

    summary = removal_summary(doc)
    said = [w if w.startswith(f"{name}:") else f"{name}: {w}" for w in raw.warnings]  # whose file
    warnings += said + ([f"{name}: {summary}"] if summary else [])


def load_url(
    url: str,
    folder: Path,
    fetcher: Fetcher,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits | None = None,
    images: bool = True,
    warnings: list[str] | None = None,
) -> Document:
    """Fetch and normalize the article at ``url`` (:func:`bookmaker.fetch.page.fetch_page`: the page
    saved in ``folder``, its images beside it when ``images``); errors name ``url``; what reading
    and normalization said is added to ``warnings`` as :func:`load` does."""
    from bookmaker.fetch.page import fetch_page
    from bookmaker.normalize import normalize

    raw = fetch_page(url, folder, fetcher, encoding=encoding, limits=limits or DEFAULT, images=images)
    try:
        doc = normalize(raw, rules=rules)
    except InputError as exc:
        raise InputError(f"{url}: {str(exc).removeprefix('page.html: ')}") from None
    (limits or DEFAULT).check_titles(doc, url)
    if not isinstance(raw, Document):
        _said(raw, doc, url, warnings)
    return doc


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
    """The outputs' file stem: the input's stem made safe (:func:`bookmaker.names.safe_stem`,
    Hangul kept), else the title's, else a digest of the content."""
    from bookmaker.names import safe_stem

    stem = safe_stem(path.stem) or safe_stem(doc.meta.title)
    if stem:
        return stem
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
    source: Document | Collection,
    out_dir: Path,
    slug: str,
    options: BuildOptions,
    *,
    source_dirs: Sequence[Path] = (),
    progress: Report | None = None,
) -> BuildResult:
    """Write the requested formats of an article or a collection into ``out_dir`` as ``slug.<format>``.

    Relative resources (figure images) resolve against the first of ``source_dirs`` (default: the
    current folder); the sandbox lets a build read only those folders, the theme and
    ``options.resource_paths``. Outputs are written only when every format has been made. A large
    book's PDF (or any with ``options.jobs``) is rendered in chunks (:mod:`bookmaker.chunked`),
    reporting to ``progress``.
    """
    result = BuildResult()
    payloads = make(source, options, result.warnings, source_dirs=source_dirs, progress=progress)
    from bookmaker.writers.atomic import write_together

    files = {out_dir / f"{slug}.{fmt}": data for fmt, data in payloads.items()}
    write_together(files)  # all formats appear together, or none (a full disk keeps the old ones)
    result.outputs += files
    return result


def make(
    source: Document | Collection,
    options: BuildOptions,
    warnings: list[str],
    *,
    source_dirs: Sequence[Path] = (),
    progress: Report | None = None,
) -> dict[str, bytes]:
    """The requested formats of an article or a collection in memory, format → bytes (what
    :func:`build` writes, and what ``bookmaker preview`` shows); warnings are added to ``warnings``."""
    from bookmaker import chunked
    from bookmaker.resources import build_time
    from bookmaker.sandbox import Sandbox

    book = Book.of(source)
    style = style_for(book.chapters[0] if book.collection is None else None, options)  # before any work
    folders = [folder.resolve() for folder in source_dirs] or [Path.cwd().resolve()]
    sandbox = Sandbox.for_paths(
        [*folders, *style.folders(), *options.resource_paths], allow_remote=options.allow_remote
    )
    base_url = folders[0].as_uri() + "/"
    moment = build_time()
    book = _titled(book, warnings)
    payloads: dict[str, bytes] = {}
    in_chunks = "pdf" in options.formats and chunked.wanted(book, options, warnings)
    worker = pdf_worker.claim() if "pdf" in options.formats else None
    pending = None
    if in_chunks:
        if worker is not None:
            worker.close()  # the chunks are rendered by workers of their own
            worker = None
        setup = _chunk_setup(book, style, moment, sandbox, base_url, options)
        pending = chunked.start(book, setup, options, progress)  # they work while the EPUB is made
    try:
        if "epub" in options.formats:
            from bookmaker.writers.epub import write_epub  # ebooklib: loaded where the EPUB is made

            epub = write_epub(
                book,
                modified=moment,
                style=style,
                embed_fonts=options.embed_fonts,
                cover=read_cover(options),
                sandbox=sandbox,
                base_url=base_url,
                compress=options.compress,
            )
            payloads["epub"] = epub.data
            warnings += epub.warnings + style.epub_ignored()
        if "pdf" in options.formats and pending is not None:
            pdf, refused = pending.finish()
            for url, message in refused.items():
                sandbox.refusals.setdefault(url, message)
            payloads["pdf"] = pdf.data
            warnings += pdf.warnings
        elif "pdf" in options.formats:
            from bookmaker.writers.identity import pdf_identifier
            from bookmaker.writers.pdf import print_html

            html = print_html(
                book,
                created=moment,
                style=style,
                print_ready=options.print_ready,
                break_style=options.break_style,
            )
            request = pdf_worker.Request.of(
                html,
                identifier=pdf_identifier(book.digest()),
                created=moment,
                theme=style.name,
                variant=options.pdf_variant,
                sandbox=sandbox,
                base_url=base_url,
                attachments=list(options.pdf_attachments),
            )
            pdf = worker.render(request, sandbox) if worker is not None else request.run(sandbox)
            payloads["pdf"] = pdf.data
            warnings += pdf.warnings
    finally:
        if worker is not None:
            worker.close()
        if pending is not None:
            pending.close()
    warnings += sandbox.blocked
    return payloads


def _chunk_setup(
    book: Book, style: Style, moment: datetime, sandbox: Sandbox, base_url: str, options: BuildOptions
) -> Setup:
    """What every chunk of ``book`` is rendered with."""
    from bookmaker.chunked.work import Setup
    from bookmaker.writers.identity import pdf_identifier

    return Setup(
        style=style,
        print_ready=options.print_ready,
        break_style=options.break_style,
        created=moment,
        identifier=pdf_identifier(book.digest()),
        base_url=base_url,
        roots=tuple(str(root) for root in sandbox.roots),
        allow_remote=sandbox.allow_remote,
    )


def _titled(book: Book, warnings: list[str]) -> Book:
    """An EPUB needs a title (dc:title, the TOC link) and the contents page a name for each entry: an
    untitled article gets a stand-in, said so, marked ``title_stand_in`` (not printed as a headline)."""
    if all(doc.meta.title.strip() for doc in book.chapters):
        return book
    chapters = []
    for number, doc in enumerate(book.chapters, start=1):
        if doc.meta.title.strip():
            chapters.append(doc)
            continue
        untitled = label("untitled", doc.meta.language)
        if book.collection is None:
            warnings.append(f"the article has no title; the books are titled {untitled!r}")
        else:
            source = doc.meta.source
            name = source and (source.path or source.url)
            named = f" ({Path(name).name})" if name else ""
            warnings.append(f"article {number}{named} has no title; titled {untitled!r} in the book")
        meta = msgspec.structs.replace(doc.meta, title=untitled, title_stand_in=True)
        chapters.append(msgspec.structs.replace(doc, meta=meta))
    return book.with_chapters(chapters)


def build_file(
    path: Path,
    out_dir: Path,
    options: BuildOptions,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits | None = None,
    title: str | None = None,
    progress: Report | None = None,
) -> BuildResult:
    """Read, normalize and build the article file ``path`` into ``out_dir/<slug>.<format>``;
    ``title`` replaces the article's title. A PDF/A-3b carries the article as it was received and
    its IR (as ``bookmaker archive``'s does).

    The result's warnings start with what reading and normalization said (see :func:`load`).
    """
    notes: list[str] = []
    doc = retitled(load(path, encoding=encoding, rules=rules, limits=limits, warnings=notes), title)
    _check_pdf(doc, options, limits, path.name)
    slug = slug_for(path, doc)
    options = archival(options, path, doc, slug, limits)
    result = build(doc, out_dir, slug, options, source_dirs=(path.parent,), progress=progress)
    result.warnings[:0] = notes
    return result


def build_url(
    url: str,
    out_dir: Path,
    options: BuildOptions,
    *,
    encoding: str | None = None,
    rules: Path | None = None,
    limits: Limits | None = None,
    title: str | None = None,
    fetcher: Fetcher | None = None,
    progress: Report | None = None,
) -> BuildResult:
    """Fetch the article at ``url`` with its images (public hosts only, :mod:`bookmaker.fetch`)
    and build it into ``out_dir/<slug>.<format>``, the slug made from its title; ``title``
    replaces the article's. ``fetcher`` is for tests (an injected transport)."""
    import tempfile

    from bookmaker.fetch.client import Fetcher

    client = fetcher or Fetcher()
    try:
        with tempfile.TemporaryDirectory(prefix="bookmaker-fetch-") as scratch:
            folder = Path(scratch)
            notes: list[str] = []
            doc = load_url(url, folder, client, encoding=encoding, rules=rules, limits=limits, warnings=notes)
            doc = retitled(doc, title)
            _check_pdf(doc, options, limits, url)
            slug = slug_for(Path(""), doc)  # the title's, else a digest
            result = build(doc, out_dir, slug, options, source_dirs=(folder,), progress=progress)
            result.warnings[:0] = notes
            return result
    finally:
        if fetcher is None:
            client.close()


def _check_pdf(doc: Document, options: BuildOptions, limits: Limits | None, name: str) -> None:
    """Refuse, when ``options`` ask for a PDF, an article it cannot be laid out of within ``limits``
    (:meth:`~bookmaker.limits.Limits.check_layout`: a word too long, a block too costly for a piece,
    the whole too costly for a PDF rendered in one piece)."""
    from bookmaker.chunked import in_one_piece

    if "pdf" in options.formats:
        (limits or DEFAULT).check_layout(doc.blocks, name, whole=in_one_piece(options))


def retitled(doc: Document, title: str | None) -> Document:
    """``doc`` with ``title`` as its title (``--title`` for one article) on one line, without the
    control characters no reader lets through (:func:`~bookmaker.readers.sanitize.one_line`);
    unchanged when None or blank."""
    from bookmaker.readers.sanitize import one_line

    title = one_line(title or "")
    if not title:
        return doc
    return msgspec.structs.replace(doc, meta=msgspec.structs.replace(doc.meta, title=title))


def archival(
    options: BuildOptions, path: Path, doc: Document, slug: str, limits: Limits | None
) -> BuildOptions:
    """``options``, with the article file ``path`` and the IR of ``doc`` to attach when they ask for
    a PDF/A-3b (and name no attachments of their own)."""
    from bookmaker.writers.pdf_attachments import source_and_ir

    if not _attaches(options):
        return options
    from bookmaker.readers import read_input_bytes

    source = read_input_bytes(path, limits or DEFAULT)
    attachments = source_and_ir(path.name, source, f"{slug}.ir.json", ir_json(doc))
    return dataclasses.replace(options, pdf_attachments=attachments)


def archival_collection(
    options: BuildOptions, sources: Sequence[Path], collection: Collection, slug: str, limits: Limits | None
) -> BuildOptions:
    """``options``, with every article file of ``collection`` as received (``sources``) and the
    collection's IR to attach when they ask for a PDF/A-3b (as :func:`archival` for one article)."""
    from bookmaker.writers.pdf_attachments import PdfAttachment

    if not _attaches(options):
        return options
    from bookmaker.readers import read_input_bytes

    names = [path.name for path in sources]
    attachments = [
        PdfAttachment(
            name if names.count(name) == 1 else f"{number:02d}-{name}",  # names unique in the PDF
            read_input_bytes(path, limits or DEFAULT),
            "Source",
            "an article as it was received",
        )
        for number, (path, name) in enumerate(zip(sources, names, strict=True), start=1)
    ]
    attachments.append(
        PdfAttachment(
            f"{slug}.ir.json", ir_json(collection), "Data", "bookmaker IR JSON the PDF was built from"
        )
    )
    return dataclasses.replace(options, pdf_attachments=tuple(attachments))


def _attaches(options: BuildOptions) -> bool:
    """Whether a build with ``options`` makes a PDF/A-3b that names no attachments of its own."""
    from bookmaker.writers.pdf_attachments import ARCHIVAL_VARIANT

    wanted = options.pdf_variant == ARCHIVAL_VARIANT and "pdf" in options.formats
    return wanted and not options.pdf_attachments


def ir_json(doc: Document | Collection) -> bytes:
    """The IR of ``doc`` (or a collection) as the UTF-8 JSON file ``normalize`` prints."""
    from bookmaker.ir import to_json

    return (to_json(doc) + "\n").encode("utf-8")


def read_cover(options: BuildOptions) -> CoverImage | None:
    """The ``--cover`` image, checked (``None`` when none was given)."""
    if options.cover is None:
        return None
    from bookmaker.files import read_regular, too_big
    from bookmaker.writers.cover import MAX_COVER_BYTES, load_cover

    name = f"{options.cover}: the cover image"
    data = read_regular(options.cover, MAX_COVER_BYTES, on_size=too_big(name, MAX_COVER_BYTES))
    return load_cover(data, str(options.cover))
