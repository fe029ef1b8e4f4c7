"""Issue #8 guards: heavy libraries load only for the formats asked for; no temporary files remain."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"
PROBE = """
import sys
from bookmaker.cli import main
code = main(["build", sys.argv[1], "-o", sys.argv[2], "--to", sys.argv[3]])
print(code, *(name in sys.modules for name in ("weasyprint", "ebooklib", "PIL")))
"""


def _loaded(tmp_path: Path, formats: str, **env: str) -> list[str]:
    command = [sys.executable, "-c", PROBE, str(SEED), str(tmp_path), formats]
    environ = os.environ | env
    return subprocess.run(command, capture_output=True, text=True, check=True, env=environ).stdout.split()[
        -4:
    ]


def test_epub_build_does_not_load_weasyprint(tmp_path: Path) -> None:
    assert _loaded(tmp_path, "epub")[:3] == ["0", "False", "True"]


def test_pdf_build_does_not_load_ebooklib(tmp_path: Path) -> None:
    assert _loaded(tmp_path, "pdf")[:3] == ["0", "True", "False"]


def test_pdf_font_subsets_leave_no_temporary_files(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(tmp_path / "out")]
    subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert (tmp_path / "out" / f"{SEED.stem}.pdf").stat().st_size < 100_000
    assert list(scratch.iterdir()) == []


def test_build_does_not_load_archive_or_batch(tmp_path: Path) -> None:
    probe = PROBE.replace('("weasyprint", "ebooklib", "PIL")', '("bookmaker.archive", "bookmaker.batch")')
    command = [sys.executable, "-c", probe, str(SEED), str(tmp_path), "epub"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()[-3:]
    assert out == ["0", "False", "False"]


def test_lazy_sub_commands_keep_their_help_and_options() -> None:
    import importlib

    from bookmaker.cli import _LAZY_COMMANDS, _parser

    class Recorder:
        def add_parser(self, name: str, **kwargs: object) -> object:
            self.seen = (name, kwargs.get("help"))
            return _parser()._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]

    for name, (help_text, module) in _LAZY_COMMANDS.items():
        recorder = Recorder()
        importlib.import_module(module).add_parser(recorder)
        assert recorder.seen == (name, help_text)
    args = _parser().parse_args(["archive", "a.txt", "--zip", "--theme", "report"])
    assert (args.command, args.zip, args.theme, args.inputs) == ("archive", True, "report", [Path("a.txt")])
    args = _parser().parse_args(["batch", "in", "-o", "out", "--jobs", "3"])
    assert (args.command, args.jobs, args.output) == ("batch", 3, Path("out"))


def test_generated_cover_loads_no_image_plugins(tmp_path: Path) -> None:
    probe = PROBE.replace('("weasyprint", "ebooklib", "PIL")', '("PIL.ImageFont", "PIL.PngImagePlugin")')
    command = [sys.executable, "-c", probe, str(SEED), str(tmp_path), "epub"]
    env = {**os.environ, "BOOKMAKER_SERIAL": "1"}  # the cover is drawn in this process, not a child
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.split()[-3:]
    assert out == ["0", "True", "False"]  # the PNG is written by bookmaker.writers.cover.palette_png
