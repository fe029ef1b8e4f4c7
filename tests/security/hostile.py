"""Running the CLI the way an attacker or an unlucky user meets it (issue #23's regression tests).

:func:`run_bounded` runs ``python -m bookmaker`` in a child whose memory and CPU time are capped
with ``resource`` limits, so a bomb fails the child instead of the machine. A child that blocks
(a FIFO) is killed after :data:`HANG_GUARD` seconds and the test fails: that guard only turns a
hang into a failure, no test asserts how long anything takes. :func:`assert_one_error` checks the
contract every bad input keeps: the exit code, exactly one ``bookmaker: error:`` line on stderr,
no traceback.
"""

from __future__ import annotations

import base64
import os
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

MEMORY_MB = 1536  # address space of the child (a build needs < 400 MB)
CPU_SECONDS = 300
HANG_GUARD = 300
EPOCH = "1763856000"  # SOURCE_DATE_EPOCH of every run (batch cache keys include it)
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
BODY = (
    "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다.\n\n"
    "시는 이번 조치로 약 160만 명이 혜택을 볼 것으로 내다봤다.\n"
)


def run_bounded(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    memory_mb: int = MEMORY_MB,
    module: str = "bookmaker",
) -> subprocess.CompletedProcess[str]:
    """``python -m bookmaker ARGS`` with capped memory and CPU; a hang fails the calling test."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))

    full_env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})}
    full_env.pop("BOOKMAKER_DEBUG", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", module, *map(str, args)],
            capture_output=True,
            text=True,
            errors="replace",
            env=full_env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            preexec_fn=limits,
            timeout=HANG_GUARD,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"bookmaker {' '.join(map(str, args))} hung") from exc


def assert_one_error(proc: subprocess.CompletedProcess[str], code: int, *fragments: str) -> str:
    """Exit ``code``, one ``bookmaker: error:`` line holding every fragment, no traceback; the line."""
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bookmaker: error: "), proc.stderr[-2000:]
    assert proc.returncode == code, (proc.returncode, lines[0])
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def article(folder: Path, name: str = "기사.md", text: str = BODY, *, front: str = "") -> Path:
    """A small Markdown article (with ``front`` as its YAML front matter when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    head = f"---\n{front}\n---\n\n" if front else "# 어르신 교통카드 무료 발급\n\n"
    path.write_text(head + text, encoding="utf-8")
    return path


def fifo(path: Path) -> Path:
    """A named pipe nobody writes to: reading it would block forever."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def huge_png(width: int, height: int) -> bytes:
    """A valid grey PNG of ``width``×``height`` pixels that compresses to little (a pixel bomb)."""
    row = b"\x00" + b"\x00" * width
    compressor = zlib.compressobj(9)
    chunks = [compressor.compress(row) for _ in range(height)]
    data = b"".join(chunks) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def outputs(folder: Path) -> list[str]:
    """Every entry under ``folder`` (hidden ones too), relative, sorted: what a run left behind."""
    if not folder.exists():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


EntryWriter = Callable[[zipfile.ZipFile, zipfile.ZipInfo], None]


def rewrite_zip(original: Path, target: Path, changes: dict[str, EntryWriter]) -> Path:
    """A copy of the zip ``original`` in which each entry named in ``changes`` is written by its
    function instead of copied (the function may write it twice, or not at all)."""
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            if info.filename in changes:
                changes[info.filename](copy, zipfile.ZipInfo(info.filename, info.date_time))
            else:
                copy.writestr(info, source.read(info))
    return target


def patch_zip_entry(path: Path, name: str, *, flags: int = 0, method: int | None = None) -> None:
    """Set general-purpose ``flags`` bits (1: encrypted) or the compression ``method`` of entry
    ``name`` in both its local header and its central directory record."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    # (signature, offset of the flags, of the method, of the name's length, of the name)
    for signature, flag_at, method_at, length_at, name_at in (
        (b"PK\x03\x04", 6, 8, 26, 30),  # local file header
        (b"PK\x01\x02", 8, 10, 28, 46),  # central directory record
    ):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if data[at + name_at : at + name_at + length] == encoded:
                struct.pack_into(
                    "<H", data, at + flag_at, struct.unpack_from("<H", data, at + flag_at)[0] | flags
                )
                if method is not None:
                    struct.pack_into("<H", data, at + method_at, method)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
