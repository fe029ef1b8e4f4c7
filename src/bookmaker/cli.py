"""Command line: ``bookmaker normalize|build|schema``.

Errors print one line (``bookmaker: error: …``) and exit with the error's code: 0 ok, 1 build
failed, 2 usage or input error, 130 interrupted. ``BOOKMAKER_DEBUG=1`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bookmaker import __version__
from bookmaker.errors import BookmakerError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bookmaker", description="Korean news articles → EPUB 3 and PDF.")
    parser.add_argument("--version", action="version", version=f"bookmaker {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    norm = commands.add_parser("normalize", help="print the IR of an article")
    norm.add_argument("file", type=Path)
    norm.add_argument("--format", choices=("json", "text"), default="json")
    norm.add_argument("--encoding", help="source encoding (default: detected)")
    norm.add_argument("--rules", type=Path, help="TOML file of extra normalization patterns")

    build = commands.add_parser("build", help="build the EPUB and/or PDF of an article")
    build.add_argument("file", type=Path, help="text, HTML, Markdown or IR JSON")
    build.add_argument("-o", "--output", type=Path, default=Path("out"), help="output folder")
    build.add_argument("--to", default="epub,pdf", help="formats: epub,pdf (default both)")
    build.add_argument("--page-size", default="a5", help="a5 (default), sinkuk, 46, crown, a4, letter")
    build.add_argument("--theme", default="book")
    build.add_argument("--no-embed-fonts", dest="embed_fonts", action="store_false",
                       help="EPUB: do not embed subset Noto CJK KR fonts")
    build.add_argument("--cover", type=Path, metavar="IMAGE",
                       help="EPUB: cover image (PNG, JPEG, GIF, WebP) instead of the generated one")
    build.add_argument("--encoding", help="source encoding (default: detected)")
    build.add_argument("--rules", type=Path, help="TOML file of extra normalization patterns")

    commands.add_parser("schema", help="print the IR's JSON Schema")
    return parser


def _normalize(args: argparse.Namespace) -> int:
    from bookmaker.ir import to_json
    from bookmaker.pipeline import load

    doc = load(args.file, encoding=args.encoding, rules=args.rules)
    if args.format == "text":
        from bookmaker.normalize import outline

        sys.stdout.write(outline(doc))
    else:
        sys.stdout.write(to_json(doc) + "\n")
    return 0


def _build(args: argparse.Namespace) -> int:
    from bookmaker.pipeline import BuildOptions, build, load, parse_formats, slug_for

    options = BuildOptions(
        formats=parse_formats(args.to), page_size=args.page_size, theme=args.theme,
        embed_fonts=args.embed_fonts, cover=args.cover,
    )
    doc = load(args.file, encoding=args.encoding, rules=args.rules)
    result = build(doc, args.output, slug_for(args.file, doc), options)
    for message in result.warnings:
        print(f"bookmaker: warning: {message}", file=sys.stderr)
    for path in result.outputs:
        print(path)
    return 0


def _schema(_: argparse.Namespace) -> int:
    from bookmaker.ir import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


_COMMANDS = {"normalize": _normalize, "build": _build, "schema": _schema}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except BookmakerError as exc:
        print(f"bookmaker: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("bookmaker: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("BOOKMAKER_DEBUG"):
            raise
        print(f"bookmaker: error: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
