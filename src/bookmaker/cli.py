"""Command line: ``bookmaker normalize|build|check|schema|themes|archive|batch|preview``.

Errors print one line (``bookmaker: error: …``) and exit with the error's code: 0 ok, 1 build
failed, 2 usage or input error, 130 interrupted. ``BOOKMAKER_DEBUG=1`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from bookmaker import __version__, limits
from bookmaker.errors import BuildError, UsageError
from bookmaker.fetch.policy import path_or_url
from bookmaker.messages import printable


class _Parser(argparse.ArgumentParser):
    """Errors exit 2 with one line; ``fill`` (when set) adds the options on first use.

    ``archive`` and ``batch`` register their options from their own modules, and importing
    ``bookmaker.archive`` costs ~40 ms (importlib.metadata, msgspec, …): ``build`` should not pay
    for it, so those two sub-parsers are filled only when they parse or print help.
    """

    fill: Callable[[argparse.ArgumentParser], None] | None = None

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")

    def _ensure_filled(self) -> None:
        if self.fill is not None:
            fill, self.fill = self.fill, None
            fill(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._ensure_filled()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._ensure_filled()
        return super().format_help()

    def format_usage(self) -> str:
        self._ensure_filled()
        return super().format_usage()


class _Reuse:
    """Stands in for the sub-parsers action: ``add_parser`` hands back the parser already made."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self._parser = parser

    def add_parser(self, name: str, **_: Any) -> argparse.ArgumentParser:
        return self._parser


# sub-commands registered by their own modules: name → (help shown in ``bookmaker -h``, module)
_LAZY_COMMANDS = {
    "archive": (
        "archive bundles: source, IR, EPUB, PDF/A-3b and a hashed manifest per article",
        "bookmaker.archive.command",
    ),
    "batch": ("build every article of a folder in parallel, incrementally", "bookmaker.batch.command"),
    "preview": (
        "serve the EPUB and PDF of an article on 127.0.0.1, rebuilt whenever it is edited",
        "bookmaker.preview.command",
    ),
}


# an example or two per verb, shown at the end of ``bookmaker VERB --help``
EXAMPLES = {
    "normalize": """examples:
  bookmaker normalize article.html > article.json     the IR as JSON (edit it, then build it)
  bookmaker normalize article.txt --format text       a readable outline and the removed lines
  bookmaker normalize https://example.com/news/1      a page fetched from a public host""",
    "build": """examples:
  bookmaker build article.txt -o out                  out/article.epub and out/article.pdf
  bookmaker build https://example.com/news/1 --to epub   fetch a page (public hosts only) and its images
  bookmaker build a.txt b.html c.md --title "주간 뉴스" --editor 편집부   one book of several articles
  bookmaker build weekly.toml                         a book file (title, editor, articles …)
  bookmaker build doc.json --to pdf --page-size sinkuk --set font-size=10.5 --pdf-variant pdf/a-3b""",
    "check": """examples:
  bookmaker check out/article.pdf --source article.txt   typography report; exit 1 on faults
  bookmaker check out/article.epub                        lint + EPUBCheck + Ace (those installed)
  bookmaker check out/article.epub --lint-only --json     our own lint only, as JSON""",
    "schema": """example:
  bookmaker schema > ir.schema.json""",
    "themes": """examples:
  bookmaker themes                          list the themes
  bookmaker themes export report my-theme   copy one, edit it, then: build … --templates my-theme""",
    "archive": """examples:
  bookmaker archive article.txt -o archive        archive/<slug>/: source, IR, EPUB, PDF/A-3b, manifest
  bookmaker archive --verify archive/article      re-check a bundle's hashes""",
    "batch": """examples:
  bookmaker batch articles/ -o out -j 4           every article of a folder, unchanged ones skipped
  bookmaker batch urls.txt -o out --to epub       every URL of a list, one a line""",
    "preview": """examples:
  bookmaker preview article.md                    open the printed address; edit and save to see it
  bookmaker preview article.txt --templates my-theme --port 8765   a theme being edited, a fixed port""",
}


def _examples(name: str) -> dict[str, Any]:
    """``add_parser`` keywords that show the verb's examples below its options."""
    return {"epilog": EXAMPLES[name], "formatter_class": argparse.RawDescriptionHelpFormatter}


def _add_lazy(commands: Any, name: str) -> None:
    help_text, module = _LAZY_COMMANDS[name]
    parser = commands.add_parser(name, help=help_text, **_examples(name))

    def fill(target: argparse.ArgumentParser) -> None:
        import importlib

        importlib.import_module(module).add_parser(_Reuse(target))

    parser.fill = fill


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bookmaker", description="Korean news articles → EPUB 3 and PDF.")
    parser.add_argument("--version", action="version", version=f"bookmaker {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    norm = commands.add_parser("normalize", help="print the IR of an article", **_examples("normalize"))
    norm.add_argument("file", type=path_or_url, metavar="ARTICLE", help="an article file or an http(s) URL")
    norm.add_argument("--format", choices=("json", "text"), default="json")
    norm.add_argument("--encoding", help="source encoding (default: detected)")
    norm.add_argument("--rules", type=Path, help="TOML file of extra normalization patterns")
    limits.add_arguments(norm)

    build = commands.add_parser("build", help="build the EPUB and/or PDF of an article", **_examples("build"))
    build.add_argument(
        "file",
        type=path_or_url,
        nargs="+",
        metavar="ARTICLE",
        help="article(s): text, HTML, saved page (.mhtml, .eml), Markdown or IR JSON file, or an http(s) URL;"
        " or one book file",
    )
    build.add_argument("--title", help="the book's title (a collection), or the article's")
    build.add_argument("--editor", help="collection: the editor's name")
    build.add_argument("--order", choices=("as-given", "date"), help="collection: article order")
    build.add_argument("-o", "--output", type=Path, default=Path("out"), help="output folder")
    build.add_argument("--to", default="epub,pdf", help="formats: epub,pdf (default both)")
    build.add_argument(
        "--page-size",
        help="a5 (book's default), sinkuk, 46, crown, b5, 46bae (4×6배판), a4, b4, letter "
        "(default: the theme's)",
    )
    build.add_argument("--margins", help="PDF margins in mm: TOP,BOTTOM,INNER,OUTER (default: preset)")
    build.add_argument("--print-ready", action="store_true", help="PDF with 3 mm bleed and crop marks")
    build.add_argument(
        "--pdf-variant",
        choices=("pdf/a-3b", "pdf/ua-1", "tagged"),
        help="PDF/A-3b (archival), PDF/UA-1 (accessible) or a tagged PDF (default: plain)",
    )
    build.add_argument(
        "--break-style",
        choices=("ranked", "word", "syllable"),
        default="ranked",
        help="PDF: words whole, broken only at ranked seams (compound nouns, after ·, before a "
        "parenthetical) when no line of spaces sets well (default); word: never inside a word; "
        "syllable: also between any two syllables as a last resort",
    )
    build.add_argument("--theme", help="book (default), newspaper, report; see `bookmaker themes`")
    build.add_argument(
        "--templates", type=Path, metavar="DIR", help="your templates; they override the theme's by file name"
    )
    build.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a design knob (repeatable): font-size, line-height, body-font, heading-font, title-size, "
        "page-size, margins, columns, indent, justify",
    )
    build.add_argument(
        "--allow-remote", action="store_true", help="let the build fetch http(s) resources from public hosts"
    )
    build.add_argument(
        "--resource-path",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="another folder the build may read resources from (repeatable)",
    )
    build.add_argument(
        "--no-embed-fonts",
        dest="embed_fonts",
        action="store_false",
        help="EPUB: do not embed subset Noto CJK KR fonts",
    )
    build.add_argument(
        "--cover",
        type=Path,
        metavar="IMAGE",
        help="EPUB: cover image (PNG, JPEG, GIF, WebP) instead of the generated one",
    )
    build.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="PDF: render in chunks by N worker processes (default: a large book only, one per core; "
        "0: in one piece)",
    )
    build.add_argument(
        "--executor", choices=("local", "dask"), default="local", help="PDF chunks: where they render"
    )
    build.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    build.add_argument("--encoding", help="source encoding (default: detected)")
    build.add_argument("--rules", type=Path, help="TOML file of extra normalization patterns")
    limits.add_arguments(build)

    check = commands.add_parser(
        "check",
        help="check a built PDF (typography) or EPUB (lint, EPUBCheck, Ace); non-zero exit on faults",
        **_examples("check"),
    )
    check.add_argument("file", type=Path, help="the PDF or EPUB (told apart by content)")
    check.add_argument(
        "--source", type=Path, help="PDF: source text or IR JSON (enables the word-split count)"
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--lint-only", action="store_true", help="EPUB: our own lint only, not EPUBCheck and Ace"
    )

    commands.add_parser("schema", help="print the IR's JSON Schema", **_examples("schema"))

    themes = commands.add_parser(
        "themes", help="list the themes, or export one to start your own", **_examples("themes")
    )
    actions = themes.add_subparsers(dest="action", parser_class=_Parser)
    export = actions.add_parser("export", help="copy a theme (with what it inherits) into a new folder")
    export.add_argument("name")
    export.add_argument("dir", type=Path)
    for name in _LAZY_COMMANDS:
        _add_lazy(commands, name)
    return parser


def _normalize(args: argparse.Namespace) -> int:
    from bookmaker.ir import to_json
    from bookmaker.pipeline import load, load_url

    warnings: list[str] = []
    bounds = limits.from_arguments(args)
    if isinstance(args.file, str):
        import tempfile

        from bookmaker.fetch.client import Fetcher

        with tempfile.TemporaryDirectory(prefix="bookmaker-fetch-") as scratch, Fetcher() as fetcher:
            doc = load_url(
                args.file,
                Path(scratch),
                fetcher,
                encoding=args.encoding,
                rules=args.rules,
                limits=bounds,
                images=False,
                warnings=warnings,
            )
    else:
        doc = load(args.file, encoding=args.encoding, rules=args.rules, limits=bounds, warnings=warnings)
    if args.format == "text":
        from bookmaker.normalize import outline, removal_summary

        summary = removal_summary(doc)  # the outline has it already
        warnings = [w for w in warnings if not (summary and w.endswith(summary))]
    for message in warnings:
        print(f"bookmaker: warning: {message}", file=sys.stderr)
    if args.format == "text":
        sys.stdout.write(outline(doc))
    else:
        sys.stdout.write(to_json(doc) + "\n")
    return 0


def _build(args: argparse.Namespace) -> int:
    from bookmaker import pdf_worker

    if "pdf" in args.to.lower():
        pdf_worker.start()  # WeasyPrint loads in a child while this process reads and writes the EPUB
    try:
        return _run_build(args)
    finally:
        pdf_worker.discard()


def _run_build(args: argparse.Namespace) -> int:
    from bookmaker.layout.style import parse_assignments
    from bookmaker.pipeline import BuildOptions, build_file, build_url, parse_formats, style_for

    options = BuildOptions(
        formats=parse_formats(args.to),
        page_size=args.page_size,
        theme=args.theme,
        templates=args.templates,
        settings=tuple(parse_assignments(args.settings).items()),
        margins=args.margins,
        print_ready=args.print_ready,
        break_style=args.break_style,
        pdf_variant=args.pdf_variant,
        allow_remote=args.allow_remote,
        resource_paths=tuple(args.resource_path),
        embed_fonts=args.embed_fonts,
        cover=args.cover,
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
    )
    if args.jobs is not None and args.jobs < 0:
        raise UsageError(f"--jobs takes a number of worker processes (0: in one piece); got {args.jobs}")
    if args.scheduler and args.executor != "dask":
        raise UsageError("--scheduler goes with --executor dask")
    if args.executor == "dask" and not args.scheduler:
        raise UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
    from bookmaker.chunked.progress import BuildProgress
    from bookmaker.collection.command import is_collection, run_collection_build
    from bookmaker.writers.atomic import check_output_folder, remove_stale_parts

    check_output_folder(args.output)
    remove_stale_parts(args.output)  # what a killed build left
    with BuildProgress(quiet=args.quiet) as progress:
        if is_collection(args.file):
            return run_collection_build(args, options, progress)
        style_for(None, options)  # reject bad design options before reading anything
        for flag, value in (("--editor", args.editor), ("--order", args.order)):
            if value is not None:
                print(
                    f"bookmaker: warning: {flag} applies to a collection; one article ignores it",
                    file=sys.stderr,
                )
        source = args.file[0]
        bounds = limits.from_arguments(args)
        shared: dict[str, Any] = {
            "encoding": args.encoding,
            "rules": args.rules,
            "limits": bounds,
            "title": args.title,
            "progress": progress,
        }
        if isinstance(source, str):
            result = build_url(source, args.output, options, **shared)
        else:
            result = build_file(source, args.output, options, **shared)
    for message in result.warnings:
        print(f"bookmaker: warning: {printable(message)}", file=sys.stderr)
    for path in result.outputs:
        print(path)
    return 0


def _schema(_: argparse.Namespace) -> int:
    from bookmaker.ir import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _check(args: argparse.Namespace) -> int:
    from bookmaker.check import check_pdf, sniff
    from bookmaker.errors import InputError

    if not args.file.is_file():
        raise InputError(f"{args.file}: no such file")
    with args.file.open("rb") as opened:
        kind = sniff(opened.read(1024))
    if kind is None:
        raise InputError(f"{args.file}: neither a PDF nor an EPUB")
    if kind == "epub":
        from bookmaker.check.epub import check_epub

        if args.source is not None:
            print("bookmaker: warning: --source applies to a PDF; an EPUB check ignores it", file=sys.stderr)
        epub_report = check_epub(args.file, external=not args.lint_only)
        sys.stdout.write(epub_report.to_json() + "\n" if args.json else epub_report.to_text())
        return 1 if epub_report.failures else 0
    report = check_pdf(args.file, args.source)
    sys.stdout.write(report.to_json() + "\n" if args.json else report.to_text())
    return 1 if report.failures else 0


def _themes(args: argparse.Namespace) -> int:
    from bookmaker.layout.themes import available_themes, export_theme

    if args.action == "export":
        written = export_theme(args.name, args.dir)
        print(f"{args.name}: {len(written)} files in {args.dir}; build with --templates {args.dir}")
        return 0
    for theme in available_themes().values():
        parent = f" (extends {theme.extends})" if theme.extends else ""
        print(f"{theme.name:<12} {theme.description}{parent}")
    return 0


def _archive(args: argparse.Namespace) -> int:
    from bookmaker.archive.command import run

    return run(args)


def _batch(args: argparse.Namespace) -> int:
    from bookmaker.batch.command import run

    return run(args)


def _preview(args: argparse.Namespace) -> int:
    from bookmaker.preview.command import run

    return run(args)


def _check_shared_options(args: argparse.Namespace) -> None:
    """Refuse a bad ``--encoding`` or ``--max-*`` value before any command reads anything."""
    if getattr(args, "encoding", None):
        from bookmaker.readers.encoding import check_encoding

        check_encoding(args.encoding)
    if hasattr(args, "max_input_mb"):
        limits.from_arguments(args)


_COMMANDS = {
    "normalize": _normalize,
    "build": _build,
    "check": _check,
    "schema": _schema,
    "themes": _themes,
    "archive": _archive,
    "batch": _batch,
    "preview": _preview,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    try:
        from bookmaker.interrupts import interrupts_raise

        interrupts_raise()  # from here on Ctrl-C unwinds, so cleanup runs (see bookmaker.interrupts)
        args = _parser().parse_args(argv)
        _check_shared_options(args)
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("bookmaker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        from bookmaker.failures import explain

        known = explain(exc)
        if known is None and os.environ.get("BOOKMAKER_DEBUG"):
            raise
        if known is None:
            known = BuildError(f"internal error: {type(exc).__name__}: {exc}")
        print(f"bookmaker: error: {printable(str(known))}", file=sys.stderr)
        return known.exit_code


def run() -> NoReturn:
    """The console entry point: :func:`main`, then an ordinary exit with its code.

    Every output is written and closed by then. ``gc.freeze()`` lets the interpreter's last garbage
    collections pass over the objects the build left (WeasyPrint's and the fonts' among them): the
    exit handlers and the modules' teardown still run, ~50–90 ms sooner after a PDF build.
    """
    code = main()
    if code == 130:  # interrupted: main has unwound the build (staging removed); end here, as shells
        # expect, before finalization can turn a KeyboardInterrupt that Python still has on record
        # into death by SIGINT (exit -2 instead of 130, seen when Ctrl-C lands just after a fork)
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(130)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # buffered output whose reader went away (``| head``), as in main
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = code or 141
    gc.freeze()
    sys.exit(code)
