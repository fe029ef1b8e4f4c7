"""EPUB + PDF builds write the EPUB in a forked child: same bytes and warnings as a serial build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).parents[2] / "seeds" / "000_782556e6ec3af548.txt"
REFUSED = ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "../outside.png"]


def _build(
    source: Path, out: Path, *, serial: bool, to: str = "epub,pdf", extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("BOOKMAKER_SERIAL", "BOOKMAKER_FORK")}
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    env["BOOKMAKER_SERIAL" if serial else "BOOKMAKER_FORK"] = "1"  # forked even on a busy machine
    command = [sys.executable, "-m", "bookmaker", "build", str(source), "-o", str(out), "--to", to, *extra]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, check=False
    )


@pytest.mark.parametrize(
    ("title", "to"),
    [("병렬 빌드", "epub,pdf"), ("", "epub,pdf"), ("", "pdf"), ("병렬 빌드", "epub"), ("", "epub")],
)
def test_forked_build_matches_serial(tmp_path: Path, title: str, to: str) -> None:
    """The child reads, lays out and writes the EPUB; the parent renders the PDF: same as serial."""
    figures = [{"type": "figure", "text": "사진", "caption": "사진", "src": src} for src in REFUSED]
    doc = {"meta": {"title": title}, "blocks": [{"type": "paragraph", "text": "본문."}, *figures]}
    source = tmp_path / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    forked = _build(source, tmp_path / "forked", serial=False, to=to)
    serial = _build(source, tmp_path / "serial", serial=True, to=to)
    assert forked.returncode == serial.returncode == 0, forked.stderr + serial.stderr
    assert forked.stderr == serial.stderr
    assert forked.stdout.replace(str(tmp_path / "forked"), str(tmp_path / "serial")) == serial.stdout
    assert forked.stderr.count("blocked resource") == len(REFUSED)  # each reported once
    assert ("no title" in forked.stderr) == (not title)
    for suffix in to.split(","):
        assert (tmp_path / "forked" / f"doc.{suffix}").read_bytes() == (
            tmp_path / "serial" / f"doc.{suffix}"
        ).read_bytes()


@pytest.mark.parametrize("to", ["epub,pdf", "epub"])
@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\xff" * 50])
def test_input_errors_in_the_child_are_one_line(tmp_path: Path, content: bytes, to: str) -> None:
    """Bad input met by the forked reader: the serial build's error line and exit code, no files."""
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    forked = _build(source, tmp_path / "forked", serial=False, to=to)
    serial = _build(source, tmp_path / "serial", serial=True, to=to)
    assert forked.returncode == serial.returncode != 0
    assert forked.stderr == serial.stderr
    assert forked.stderr.count("\n") == 1 and forked.stderr.startswith("bookmaker: error:")
    assert not (tmp_path / "forked").exists() or not any((tmp_path / "forked").iterdir())


CHILD_FAILS = """
from bookmaker.errors import BuildError
from bookmaker.sandbox import Sandbox
from bookmaker.writers import background

def job():
    warnings.append("from the child")
    raise BuildError("EPUB writing failed: boom")

warnings = ["before"]
pending = background.start(job, warnings, Sandbox.for_paths([]))
assert pending is not None
warnings.append("parent")
try:
    pending.result()
except BuildError as exc:
    print(exc, warnings)
"""


def test_errors_in_the_child_are_raised_in_the_parent() -> None:
    proc = subprocess.run([sys.executable, "-c", CHILD_FAILS], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "EPUB writing failed: boom ['before', 'from the child', 'parent']"


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (60, 90), (200, 30, 30)).save(path, "PNG")
    return path


@pytest.mark.parametrize("cover", ["good", "not an image", "missing"])
def test_epub_only_with_a_cover_image_matches_serial(tmp_path: Path, cover: str) -> None:
    """``--cover``: the child draws nothing; a bad cover fails the same way, with no file."""
    image = tmp_path / "cover.png"
    if cover == "good":
        _png(image)
    elif cover == "not an image":
        image.write_text("plain text", encoding="utf-8")
    results = {
        mode: _build(SEED, tmp_path / mode, serial=mode == "serial", to="epub", extra=("--cover", str(image)))
        for mode in ("forked", "serial")
    }
    forked, serial = results["forked"], results["serial"]
    assert forked.returncode == serial.returncode == (0 if cover == "good" else 2)
    assert forked.stderr == serial.stderr
    if cover == "good":
        name = f"{SEED.stem}.epub"
        assert (tmp_path / "forked" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes()
    else:
        assert forked.stderr.count("\n") == 1 and forked.stderr.startswith("bookmaker: error:")
        assert not (tmp_path / "forked").exists() or not any((tmp_path / "forked").iterdir())


CHILD_DIES = """
import os, signal, sys
from pathlib import Path
from bookmaker import pipeline
from bookmaker.writers import cover

def dying(doc):  # the child is killed while drawing; the parent draws the cover itself
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(doc)

parent, real = os.getpid(), cover.generate_cover
cover.generate_cover = dying
options = pipeline.BuildOptions(formats=("epub",))
result = pipeline.build_file(Path(sys.argv[1]), Path(sys.argv[2]), options)
print(len(result.outputs))
"""


def test_a_child_killed_while_drawing_the_cover_gives_the_same_epub(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_SERIAL"}
    env.update(SOURCE_DATE_EPOCH="1700000000", BOOKMAKER_FORK="1")
    command = [sys.executable, "-c", CHILD_DIES, str(SEED), str(tmp_path / "forked")]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["1"]
    serial = _build(SEED, tmp_path / "serial", serial=True, to="epub")
    assert serial.returncode == 0
    name = f"{SEED.stem}.epub"
    assert (tmp_path / "forked" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes()


def test_epub_only_leaves_no_child_behind(tmp_path: Path) -> None:
    """The parent waits for (or kills) its child before it returns: no zombie, no orphan."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from bookmaker import pipeline\n"
        "options = pipeline.BuildOptions(formats=('epub',))\n"
        "pipeline.build_file(Path(sys.argv[1]), Path(sys.argv[2]), options)\n"
        "try:\n"
        "    os.waitpid(-1, os.WNOHANG)\n"
        "    print('child left')\n"
        "except ChildProcessError:\n"
        "    print('none')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "BOOKMAKER_SERIAL"}
    env["BOOKMAKER_FORK"] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", script, str(SEED), str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert proc.stdout.strip() == "none", proc.stderr


def test_epub_only_on_one_cpu_builds_in_process(tmp_path: Path) -> None:
    """Pinned to one CPU, the EPUB-only build does not fork (the cover is drawn here)."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from bookmaker import pipeline\n"
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
        "options = pipeline.BuildOptions(formats=('epub',))\n"
        "pipeline.build_file(Path(sys.argv[1]), Path(sys.argv[2]), options)\n"
        "print('PIL' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("BOOKMAKER_SERIAL", "BOOKMAKER_FORK")}
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    proc = subprocess.run(
        [sys.executable, "-c", script, str(SEED), str(tmp_path / "one")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.stdout.strip() == "True", proc.stderr
    assert _build(SEED, tmp_path / "serial", serial=True, to="epub").returncode == 0
    name = f"{SEED.stem}.epub"
    assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes()


def test_a_busy_machine_builds_the_epub_in_process(tmp_path: Path) -> None:
    """With every CPU taken at the start (per /proc/loadavg), the EPUB-only build does not fork."""
    script = (
        "import builtins, io, sys\n"
        "from pathlib import Path\n"
        "from bookmaker import pipeline\n"
        "real = builtins.open\n"
        "def busy(name, *args, **kwargs):\n"
        "    if name == '/proc/loadavg':\n"
        "        return io.BytesIO(b'9.00 9.00 9.00 64/500 4242\\n')\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.open = busy\n"
        "options = pipeline.BuildOptions(formats=('epub',))\n"
        "pipeline.build_file(Path(sys.argv[1]), Path(sys.argv[2]), options)\n"
        "print('PIL' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("BOOKMAKER_SERIAL", "BOOKMAKER_FORK")}
    proc = subprocess.run(
        [sys.executable, "-c", script, str(SEED), str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert proc.stdout.strip() == "True", proc.stderr
