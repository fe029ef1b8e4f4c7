"""``bookmaker batch INPUT_DIR -o OUT_DIR [--jobs N] [--to epub,pdf] [--archive] [--executor dask …]``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from bookmaker import limits
from bookmaker.errors import UsageError


def add_parser(commands: Any) -> None:
    """Register the ``batch`` sub-command on the CLI's sub-parsers."""
    from bookmaker.archive.command import add_page_options

    parser = commands.add_parser("batch", help="build every article of a folder in parallel, incrementally")
    parser.add_argument(
        "input_dir",
        type=Path,
        metavar="INPUT_DIR",
        help="a folder of article files (searched recursively, hidden ones left out), "
        "or a text file of http(s) URLs, one a line",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="output folder")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--to", default="epub,pdf", help="formats: epub,pdf (default both)")
    parser.add_argument("--archive", action="store_true", help="an archive bundle per article instead")
    parser.add_argument("--zip", action="store_true", help="with --archive: <slug>.zip bundles")
    parser.add_argument(
        "--pdf-variant",
        choices=("pdf/a-3b", "pdf/ua-1", "tagged"),
        help="PDF/A-3b (archival), PDF/UA-1 (accessible) or a tagged PDF (default: plain)",
    )
    parser.add_argument("--executor", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786")
    add_page_options(parser)


def run(args: argparse.Namespace) -> int:
    """Run the batch; exit 1 when any article failed, 0 otherwise."""
    import dataclasses

    from bookmaker.archive.command import options_from
    from bookmaker.batch.report import print_summary
    from bookmaker.batch.runner import BatchSettings, run_batch
    from bookmaker.pipeline import parse_formats
    from bookmaker.resources import build_time

    if args.zip and not args.archive:
        raise UsageError("--zip goes with --archive")
    if args.scheduler and args.executor != "dask":
        raise UsageError("--scheduler goes with --executor dask")
    options = dataclasses.replace(options_from(args, parse_formats(args.to)), pdf_variant=args.pdf_variant)
    settings = BatchSettings(
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        archive=args.archive,
        as_zip=args.zip,
        encoding=args.encoding,
        rules=args.rules,
        limits=limits.from_arguments(args),
    )
    moment = build_time()
    report = run_batch(
        args.input_dir,
        args.output,
        options,
        settings,
        epoch=int(moment.timestamp()),
        pinned_epoch=bool(os.environ.get("SOURCE_DATE_EPOCH")),
    )
    print_summary(report)
    return 0 if report.ok else 1
