"""``bookmaker archive INPUT… -o DIR [--zip]`` and ``bookmaker archive --verify PATH``."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from bookmaker import limits
from bookmaker.errors import UsageError
from bookmaker.fetch.policy import path_or_url
from bookmaker.messages import printable


def add_page_options(parser: argparse.ArgumentParser) -> None:
    """The layout and sandbox options an archive or batch build shares with ``build``."""
    parser.add_argument("--page-size", help="a5, sinkuk, 46, crown, a4, b4, letter (default: the theme's)")
    parser.add_argument("--margins", help="PDF margins in mm: TOP,BOTTOM,INNER,OUTER (default: preset)")
    parser.add_argument("--theme", help="book (default), newspaper, report; see `bookmaker themes`")
    parser.add_argument(
        "--templates", type=Path, metavar="DIR", help="your templates, overriding the theme's"
    )
    parser.add_argument(
        "--set", dest="settings", action="append", default=[], metavar="KEY=VALUE", help="a design knob"
    )
    parser.add_argument("--allow-remote", action="store_true", help="may fetch public http(s)")
    parser.add_argument(
        "--resource-path", type=Path, action="append", default=[], metavar="DIR", help="extra readable folder"
    )
    parser.add_argument("--encoding", help="source encoding (default: detected)")
    parser.add_argument("--rules", type=Path, help="TOML file of extra normalization patterns")
    limits.add_arguments(parser)


def add_parser(commands: Any) -> None:
    """Register the ``archive`` sub-command on the CLI's sub-parsers."""
    parser = commands.add_parser(
        "archive", help="archive bundles: source, IR, EPUB, PDF/A-3b and a hashed manifest per article"
    )
    parser.add_argument(
        "inputs", nargs="*", type=path_or_url, metavar="INPUT", help="article files or http(s) URLs"
    )
    parser.add_argument("-o", "--output", type=Path, default=Path("archive"), help="output folder")
    parser.add_argument("--zip", action="store_true", help="write <slug>.zip instead of a <slug>/ folder")
    parser.add_argument("--verify", type=Path, metavar="PATH", help="re-check bundles")
    add_page_options(parser)


def options_from(args: argparse.Namespace, formats: tuple[str, ...] = ("epub", "pdf")) -> Any:
    """BuildOptions from the shared options, validated before any work."""
    from bookmaker.layout.style import parse_assignments
    from bookmaker.pipeline import BuildOptions, style_for

    options = BuildOptions(
        formats=formats,
        page_size=args.page_size,
        margins=args.margins,
        theme=args.theme,
        templates=args.templates,
        settings=tuple(parse_assignments(args.settings).items()),
        allow_remote=args.allow_remote,
        resource_paths=tuple(args.resource_path),
    )
    style_for(None, options)  # reject bad design options before any work
    return options


def run(args: argparse.Namespace) -> int:
    """Build the bundles, or verify stored ones (exit 1 on any problem)."""
    if args.verify is not None:
        if args.inputs:
            raise UsageError("archive --verify takes no INPUT files")
        from bookmaker.archive.verify import verify

        report = verify(args.verify)
        for problem in report.problems:
            print(f"bookmaker: drift: {printable(problem)}", file=sys.stderr)
        state = "ok" if report.ok else f"{len(report.problems)} problem(s)"
        print(f"{report.bundles} bundle(s), {report.files} file(s) checked: {state}")
        return 0 if report.ok else 1
    if not args.inputs:
        raise UsageError("archive needs INPUT files (or --verify PATH)")
    from bookmaker.archive.bundle import assemble, write_bundle
    from bookmaker.batch.inputs import unique_slugs
    from bookmaker.writers.atomic import check_output_folder, remove_stale_parts

    options = options_from(args)
    bounds = limits.from_arguments(args)
    check_output_folder(args.output)
    remove_stale_parts(args.output)
    slugs = unique_slugs([item for item in args.inputs if isinstance(item, Path)])
    for item in args.inputs:
        with tempfile.TemporaryDirectory(prefix="bookmaker-fetch-") as scratch:
            if isinstance(item, str):  # a URL: the fetched page is the source, named after its title
                from bookmaker.fetch.client import Fetcher
                from bookmaker.pipeline import load_url, slug_for

                with Fetcher() as fetcher:
                    doc = load_url(
                        item, Path(scratch), fetcher, encoding=args.encoding, rules=args.rules, limits=bounds
                    )
                slug = slug_for(Path(""), doc)
                bundle = assemble(Path(scratch) / "page.html", slug, options, doc=doc, limits=bounds)
            else:
                bundle = assemble(
                    item, slugs[item], options, encoding=args.encoding, rules=args.rules, limits=bounds
                )
        for message in bundle.warnings:
            print(f"bookmaker: warning: {printable(f'{item}: {message}')}", file=sys.stderr)
        print(write_bundle(bundle, args.output, as_zip=args.zip))
    return 0
