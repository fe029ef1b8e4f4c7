"""A build leaves no temporary files; the sub-commands registered by their own modules keep their options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"


def test_pdf_font_subsets_leave_no_temporary_files(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    command = [sys.executable, "-m", "bookmaker", "build", str(SEED), "-o", str(tmp_path / "out")]
    subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert (tmp_path / "out" / f"{SEED.stem}.pdf").stat().st_size < 100_000
    assert list(scratch.iterdir()) == []


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
