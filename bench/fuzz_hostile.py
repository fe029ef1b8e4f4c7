"""Hostile-environment cases for ``bench/fuzz.py`` (issue #23): the places the content fuzzer does
not look — deep nesting, YAML aliases, FIFOs, devices and symbolic links, pixel, sparse and zip
bombs, template payloads, a full disk; and (the second hostile round) ``long``: inputs within every
size limit with a part whose cost grew with its square (a long word a header pattern searched, a
long headline WeasyPrint wraps, cells spanning a huge grid, control characters in ``--title``),
``server``: a hostile web server on the fetch path (compressed bodies, charset labels, redirects).

Each case is made from its ``random.Random`` alone and run in a fresh folder. ``nesting`` and
``yaml`` run in this process (reading and normalizing, or reading a book file); the others run
the CLI in a child with capped memory (``RLIMIT_AS``) and a 30 s hang guard. A case's status:

* ``ok`` / ``error`` — it built, or it was refused with one ``bookmaker: error:`` line;
* ``crash`` — a traceback, an "internal error", "out of memory" (the bound did not hold), an exit
  code other than 0/1/2, a line on stderr not from bookmaker, a ``.part`` file left behind;
* ``hang`` — 30 s of CPU time without an end (``ITIMER_PROF`` in this process, ``RLIMIT_CPU``
  in a child), or a child blocked for :data:`BLOCKED_AFTER` seconds of wall time (a FIFO): CPU
  time, so that a run on a busy shared machine is not taken for a hang;
* ``escape`` — an output holds what lies outside the folders the run was given (a marker file
  next to the input folder, ``/etc/passwd``, the output of ``id``).
"""

from __future__ import annotations

import base64
import json
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from random import Random

KINDS = ("nesting", "yaml", "filesystem", "bomb", "template", "disk", "long", "server")
MARKER = "ESCAPED-23-7d1f"
HANG_AFTER = 30  # seconds of CPU time
BLOCKED_AFTER = 300  # seconds of wall time for a child that uses no CPU (blocked on a read)
CLI_MEMORY_MB = 1536
SECRETS = (MARKER.encode(), b"root:x:0:0", b"uid=0(")
BODY = (
    "서울시가 내년부터 65세 이상 시민에게 교통카드를 무료로 발급한다고 23일 밝혔다.\n\n"
    "시는 이번 조치로 약 160만 명이 혜택을 볼 것으로 내다봤다.\n"
)


@dataclass(slots=True)
class Result:
    """What one hostile case gave."""

    status: str  # ok, error, crash, hang, escape
    detail: str = ""


class Hang(Exception):
    """Raised by :func:`cpu_guard` after :data:`HANG_AFTER` seconds of CPU time."""


def _hang(signum: int, frame: object) -> None:
    raise Hang


@contextmanager
def cpu_guard() -> Iterator[None]:
    """Raise :class:`Hang` in this process after :data:`HANG_AFTER` seconds of CPU time."""
    previous = signal.signal(signal.SIGPROF, _hang)
    signal.setitimer(signal.ITIMER_PROF, HANG_AFTER)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# ---- in-process kinds: nesting, yaml


def in_process(kind: str, rng: Random, folder: Path) -> Result:
    """Run a ``nesting``, ``yaml`` or ``server`` case here, under :func:`cpu_guard`."""
    from bookmaker.errors import InputError

    try:
        with cpu_guard():
            {"nesting": _nesting, "yaml": _yaml, "server": _server}[kind](rng, folder)
        return Result("ok")
    except InputError as exc:
        message = str(exc)
        return Result("error", message) if "\n" not in message else Result("crash", f"two lines: {message!r}")
    except Hang:
        return Result("hang", f"{kind}: {HANG_AFTER} s of CPU")


_TAGS = ["div", "p", "li", "td", "body", "span", "section", "b", "blockquote", "table", "ul", "a", "font"]


def _nesting(rng: Random, folder: Path) -> None:
    from bookmaker.limits import Limits
    from bookmaker.normalize import normalize
    from bookmaker.readers import read

    depth = rng.choice(
        [rng.randint(5, 600), rng.randint(400, 700), rng.randint(900, 6000), rng.randint(5000, 20000)]
    )
    tags = rng.sample(_TAGS, rng.randint(1, 3))
    opened = "".join(
        f"<{tags[i % len(tags)]}>" + ("본문 " if rng.random() < 0.3 else "") for i in range(depth)
    )
    closed = (
        "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth))) if rng.random() < 0.5 else ""
    )
    head = rng.choice(["", "<title>제목", "<!-- 주석", "<script>x", "<title>제목</title>", "<textarea>"])
    page = f"<html><head>{head}</head><body><article>{opened}기사 본문 문장입니다. 충분히 깁니다.{closed}"
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "utf-16-le", "cp949"])
    path = folder / "page.html"
    path.write_bytes(page.encode(encoding))
    limits = Limits(max_depth=rng.choice([512, 512, 64, 2000, 5000]))
    raw = read(path, limits=limits)
    if not hasattr(raw, "blocks"):
        normalize(raw)


def _alias_bomb(rng: Random) -> tuple[str, str]:
    levels, fan = rng.randint(2, 12), rng.randint(2, 10)
    lines = [f"a0: &a0 [{', '.join(['폭탄'] * fan)}]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * fan)}]")
    return "\n".join(lines), f"*a{levels - 1}"


def _yaml(rng: Random, folder: Path) -> None:
    from bookmaker.collection.book_file import read_book_file
    from bookmaker.normalize import normalize
    from bookmaker.readers import read

    choice = rng.randrange(7)
    prelude, value = "", "제목"
    if choice == 0:
        prelude, value = _alias_bomb(rng)
    elif choice == 1:
        prelude, value = "r: &r [*r]", "*r"
    elif choice == 2:
        depth = rng.randint(10, 5000)
        value = "[" * depth + "]" * depth
    elif choice == 3:
        value = "가" * rng.randint(1000, 60000)
    elif choice == 4:
        value = rng.choice(["2025-02-30", "2025-13-01", "0000-00-00", "2025-02-29T25:61:00", "9999-12-31"])
    elif choice == 5:
        bomb, ref = _alias_bomb(rng)
        prelude, value = f"{bomb}\nm: &m {{k: {ref}}}", "{<<: *m}"
    else:
        value = rng.choice(["!!python/object:os.system 'id'", "!!binary aGk=", "&", "*nothing", "{[}", "'"])
    key = rng.choice(["title", "authors", "date", "subtitle", "series", "language", "settings"])
    if key == "settings":
        value = f"{{margins: {value}}}"
    if rng.random() < 0.3:
        book = folder / "weekly.yaml"
        (folder / "a.md").write_text("# 제목\n\n" + BODY, encoding="utf-8")
        book_key = rng.choice(["title", "editor", "date", "language", "articles"])
        book.write_text(f"{prelude}\n{book_key}: {value}\narticles: [a.md]\n", encoding="utf-8")
        read_book_file(book)
        return
    path = folder / "a.md"
    path.write_text(f"---\n{prelude}\n{key}: {value}\n---\n\n{BODY}", encoding="utf-8")
    raw = read(path)
    if not hasattr(raw, "blocks"):
        normalize(raw)


# ---- CLI kinds: filesystem, bomb, template, disk


_OURS = re.compile(r"bookmaker(?: [a-z]+)?: (?:error|warning|drift): |bookmaker: \[\d+/\d+\] ")


def cli(
    *args: str | Path,
    cwd: Path,
    memory_mb: int = CLI_MEMORY_MB,
    outputs: Path | None = None,
    escapes: bool = True,
) -> Result:
    """Run ``python -m bookmaker ARGS`` bounded; classify the run and, when given, its ``outputs``
    (``.part`` files left behind; with ``escapes``, secrets from outside in them)."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
        resource.setrlimit(resource.RLIMIT_CPU, (HANG_AFTER, HANG_AFTER + 5))

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1763856000", "BOOKMAKER_NO_CACHE": "1"}
    env.pop("BOOKMAKER_DEBUG", None)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bookmaker", *map(str, args)],
            capture_output=True,
            text=True,
            errors="replace",
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            preexec_fn=limits,
            timeout=BLOCKED_AFTER,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Result("hang", f"blocked {BLOCKED_AFTER} s: {' '.join(map(str, args))}")
    command = " ".join(str(arg) for arg in args[:1])
    if proc.returncode == -signal.SIGXCPU:
        return Result("hang", f"{command}: {HANG_AFTER} s of CPU: {' '.join(map(str, args))}")
    bad = [line for line in proc.stderr.splitlines() if not _OURS.match(line)]
    if proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr or bad:
        return Result(
            "crash", f"{command}: exit {proc.returncode}: {(bad or proc.stderr.splitlines() or [''])[-1]}"
        )
    for marker in ("internal error", "out of memory"):
        if marker in proc.stderr:
            line = next(line for line in proc.stderr.splitlines() if marker in line)
            return Result("crash", f"{command}: {line}")
    if outputs is not None:
        leftover = _leftovers(outputs)
        if leftover:
            return Result("crash", f"{command}: left {leftover}")
        escaped = _escaped(outputs) if escapes else ""
        if escaped:
            return Result("escape", f"{command}: {escaped}")
    errors = [line for line in proc.stderr.splitlines() if line.startswith("bookmaker: error: ")]
    return Result("error" if proc.returncode else "ok", errors[0] if errors else "")


def _leftovers(folder: Path) -> str:
    parts = [path.name for path in folder.rglob("*.part")] if folder.is_dir() else []
    return ", ".join(parts)


def _escaped(folder: Path) -> str:
    """Which output under ``folder`` holds a secret (zip members are searched inflated)."""
    if not folder.is_dir():
        return ""
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()
        blobs = [data]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                blobs += [archive.read(info) for info in archive.infolist() if info.file_size < 64 << 20]
        for blob in blobs:
            for secret in SECRETS:
                if secret in blob:
                    return f"{path.name} holds {secret.decode()}"
    return ""


def _setting(folder: Path) -> tuple[Path, Path, Path]:
    """``in/`` with an article, ``outside/`` with the marker, ``out/``."""
    inside, outside, out = folder / "in", folder / "outside", folder / "out"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(f"비밀 문서\n\n{MARKER} 비밀 내용입니다.\n", encoding="utf-8")
    (outside / "secret.png").write_bytes(_png(2, 2, text=MARKER))
    (inside / "a.md").write_text("# 보통 기사\n\n" + BODY, encoding="utf-8")
    return inside, outside, out


def _special(rng: Random, path: Path, outside: Path) -> None:
    """Make ``path`` a FIFO, a link to a device, or a link out of its folder."""
    kind = rng.randrange(4)
    if kind == 0:
        os.mkfifo(path)
    elif kind == 1:
        path.symlink_to(rng.choice(["/dev/zero", "/dev/urandom", "/dev/null", "/dev/full"]))
    elif kind == 2:
        path.symlink_to(outside / rng.choice(["secret.txt", "secret.png"]))
    else:
        os.mkfifo(outside / f"pipe-{path.name}")
        path.symlink_to(outside / f"pipe-{path.name}")


def filesystem(rng: Random, folder: Path) -> Result:
    inside, outside, out = _setting(folder)
    scenario = rng.randrange(6)
    if scenario == 0:  # the input itself
        name = f"x{rng.choice(['.txt', '.md', '.html', '.json', ''])}"
        _special(rng, inside / name, outside)
        if rng.random() < 0.3:
            return cli("normalize", inside / name, cwd=folder)
        command = rng.choice(["build", "archive"])  # the input named on the command line may be a link
        return cli(command, inside / name, "-o", out, cwd=folder, outputs=out, escapes=False)
    if scenario == 1:  # a book file's articles and cover
        entries = ["a.md"]
        for number in range(rng.randint(1, 3)):
            name = f"s{number}{rng.choice(['.txt', '.md'])}"
            _special(rng, inside / name, outside)
            entries.append(name)
        entries += rng.sample(["../outside/secret.txt", str(outside / "secret.txt")], rng.randint(0, 1))
        rng.shuffle(entries)
        cover = ""
        if rng.random() < 0.5:
            _special(rng, inside / "cover.png", outside)
            cover = 'cover = "cover.png"\n'
        book = inside / "weekly.toml"
        book.write_text(f'title = "주간"\n{cover}articles = {json.dumps(entries)}\n', encoding="utf-8")
        return cli("build", book, "-o", out, "--to", "epub", cwd=folder, outputs=out)
    if scenario == 2:  # figures
        names = []
        for number in range(rng.randint(1, 3)):
            name = f"f{number}.png"
            _special(rng, inside / name, outside)
            names.append(name)
        names += rng.sample(["../outside/secret.png", (outside / "secret.png").as_uri()], rng.randint(0, 2))
        figures = "".join(f"![그림 설명이 충분히 긴 대체 텍스트]({name})\n\n" for name in names)
        (inside / "a.md").write_text("# 그림 기사\n\n" + figures + BODY, encoding="utf-8")
        formats = rng.choice(["epub", "epub", "epub,pdf"])
        return cli("build", inside / "a.md", "-o", out, "--to", formats, cwd=folder, outputs=out)
    if scenario == 3:  # a batch folder
        for number in range(rng.randint(1, 4)):
            _special(rng, inside / f"s{number}{rng.choice(['.txt', '.md', '.json'])}", outside)
        if rng.random() < 0.5:
            (inside / "up").symlink_to(rng.choice([outside, Path("/")]), target_is_directory=True)
        return cli("batch", inside, "-o", out, "--to", "epub", "-j", "1", cwd=folder, outputs=out)
    return _spoiled_bundle(rng, folder, outside)


_BUNDLE: dict[str, Path] = {}


def _bundle_copy(folder: Path, as_zip: bool) -> Path:
    """A copy of one archive bundle made once per process (folder or zip) into ``folder``."""
    if not _BUNDLE:
        home = folder.parent / f"bundle-{os.getpid()}"  # in the run's work folder, removed with it
        home.mkdir()
        source = home / "a.md"
        source.write_text("# 보관 기사\n\n" + BODY, encoding="utf-8")
        for extra in ((), ("--zip",)):
            done = cli("archive", source, "-o", home / "bundles", *extra, cwd=home)
            assert done.status == "ok", done.detail
        _BUNDLE["folder"], _BUNDLE["zip"] = home / "bundles" / "a", home / "bundles" / "a.zip"
    if as_zip:
        return Path(shutil.copyfile(_BUNDLE["zip"], folder / "a.zip"))
    return Path(shutil.copytree(_BUNDLE["folder"], folder / "bundle"))


def _spoiled_bundle(rng: Random, folder: Path, outside: Path) -> Result:
    bundle = _bundle_copy(folder, as_zip=False)
    victims = rng.sample(["a.pdf", "a.epub", "manifest.json", "a.ir.json", "source/a.md"], rng.randint(1, 3))
    for name in victims:
        path = bundle / name
        copy = outside / name.replace("/", "-")
        shutil.copyfile(path, copy)
        path.unlink()
        how = rng.randrange(3)
        if how == 0:
            path.symlink_to(copy)  # the same bytes, elsewhere
        elif how == 1:
            os.mkfifo(path)
        else:
            _special(rng, path, outside)
    if rng.random() < 0.3:
        (folder / "shelf").mkdir()
        (folder / "shelf" / "linked").symlink_to(bundle, target_is_directory=True)
        return cli("archive", "--verify", folder / "shelf", cwd=folder)
    return cli("archive", "--verify", bundle, cwd=folder)


def _png(width: int, height: int, text: str = "") -> bytes:
    """A grey PNG that deflates to little however large it claims to be."""
    compressor = zlib.compressobj(9)
    row = bytes(1 + width)
    body = b"".join(compressor.compress(row) for _ in range(min(height, 64)))
    # rows past the 64th: the same bytes; compress a repeated block to keep generation quick
    block = row * 64
    for _ in range(max(0, height - 64) // 64):
        body += compressor.compress(block)
    body += compressor.compress(row * (max(0, height - 64) % 64)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    extra = chunk(b"tEXt", b"Comment\0" + text.encode()) if text else b""
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def bomb(rng: Random, folder: Path) -> Result:
    inside, _, out = _setting(folder)
    scenario = rng.randrange(6)
    side = rng.choice([rng.randint(3000, 6000), rng.randint(6000, 12000), rng.randint(12000, 20000)])
    if scenario == 0:  # a pixel-bomb figure
        (inside / "big.png").write_bytes(_png(side, rng.choice([side, 64])))
        (inside / "a.md").write_text("# 그림\n\n![그림 설명이 충분히 긴 대체 텍스트](big.png)\n\n" + BODY)
        formats = rng.choice(["epub", "epub,pdf"])
        return cli("build", inside / "a.md", "-o", out, "--to", formats, cwd=folder, outputs=out)
    if scenario == 1:  # a pixel-bomb cover
        (inside / "cover.png").write_bytes(_png(side, side))
        return cli(
            "build", inside / "a.md", "-o", out, "--to", "epub", "--cover", inside / "cover.png", cwd=folder
        )
    if scenario == 2:  # a data: URL pixel bomb in IR JSON
        data = base64.b64encode(_png(side, side)).decode()
        doc = {
            "meta": {"title": "그림"},
            "blocks": [
                {"type": "paragraph", "text": "본문입니다."},
                {"type": "figure", "text": "", "caption": "큰 그림", "src": f"data:image/png;base64,{data}"},
            ],
        }
        (inside / "doc.json").write_text(json.dumps(doc), encoding="utf-8")
        return cli("build", inside / "doc.json", "-o", out, "--to", "epub", cwd=folder, outputs=out)
    if scenario == 3:  # a sparse file
        path = inside / f"huge{rng.choice(['.txt', '.html', '.json', '.md'])}"
        with path.open("wb") as handle:
            handle.truncate(rng.randint(21, 5000) << 20)
        command = rng.choice(["build", "normalize", "archive", "batch"])
        target = inside if command == "batch" else path
        return cli(command, target, "-o", out, cwd=folder, memory_mb=768)
    archive = _bundle_copy(folder, as_zip=True)  # a zip bomb in a bundle
    name = rng.choice(["a/a.pdf", "a/a.epub", "a/manifest.json"])
    spoiled = folder / "bomb.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(spoiled, "w") as copy:
        for info in source.infolist():
            if info.filename == name:
                entry = zipfile.ZipInfo(name, info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with copy.open(entry, "w", force_zip64=True) as stream:
                    for _ in range(rng.randint(64, 1024)):
                        stream.write(bytes(1 << 20))
            else:
                copy.writestr(info, source.read(info))
    return cli("archive", "--verify", spoiled, cwd=folder, memory_mb=512)


_PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('id').read() }}",
    "{{ self.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ (doc|attr('__class__')) }}",
    "{{ doc.meta|attr('__init__') }}",
    "{{ config }}{{ request }}{{ self }}",
    "{% set x = [] %}{{ x.append(1) }}{{ x }}",
    "{% set d = {} %}{{ d.update(a=1) }}",
    "{{ 'x' * 100000000 }}",
    "{{ [1] * 100000000 }}",
    "{{ 2 ** 100000000 }}",
    "{{ range(1000000000)|list|length }}",
    "{{ lipsum(1000000) }}",
    "{% include 'title_block.html.j2' %}",
    "{% include 'loop-a.j2' %}",
    "{% include 'outside.j2' %}",
    "{% include '../outside/secret.txt' %}",
    "{% include '/etc/passwd' %}",
    "{% import 'nope.j2' as x %}",
    "{% if %}",
    "{{ undefined_thing }}",
    "{{ doc.meta.title.no.such }}",
    "{% for %}",
    "{{ doc.meta.title|center(100) }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
]


_BENIGN = "<p>{{ doc.meta.title|upper|t }} · {{ doc.blocks|length }}</p>"


def template(rng: Random, folder: Path) -> Result:
    inside, outside, out = _setting(folder)
    templates = folder / "tpl"
    templates.mkdir()
    payload = "".join(rng.sample(_PAYLOADS, rng.randint(1, 2))) if rng.random() < 0.8 else _BENIGN
    (templates / "title_block.html.j2").write_text(
        f"<h1>{{{{ doc.meta.title }}}}</h1>{payload}", encoding="utf-8"
    )
    (templates / "loop-a.j2").write_text("{% include 'loop-b.j2' %}")
    (templates / "loop-b.j2").write_text("{% include 'loop-a.j2' %}")
    (outside / "outside.j2").write_text(MARKER)
    (templates / "outside.j2").symlink_to(outside / "outside.j2")
    if rng.random() < 0.2:
        (templates / "manifest.toml").symlink_to(rng.choice(["/etc/passwd", str(outside / "secret.txt")]))
    if rng.random() < 0.1:
        os.mkfifo(templates / "epub.css")
    return cli(
        "build", inside / "a.md", "-o", out, "--to", "epub", "--templates", templates, cwd=folder, outputs=out
    )


def disk(rng: Random, folder: Path) -> Result:
    """A build, batch or archive onto a small tmpfs that fills up (root only; else skipped: ok)."""
    if os.geteuid() != 0:
        return Result("ok", "skipped: not root")
    inside, _, _ = _setting(folder)
    mount = folder / "disk"
    mount.mkdir()
    size = rng.choice([64, 128, 256, 512, 1024])
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}k", "tmpfs", str(mount)], check=False
    ).returncode:
        return Result("ok", "skipped: cannot mount")
    try:
        (mount / "filler").write_bytes(bytes(rng.randint(0, size // 2) << 10))
        out = mount / "out"
        (inside / "b.md").write_text("# 둘째 기사\n\n" + BODY * rng.randint(1, 30), encoding="utf-8")
        command = rng.choice(["build", "build", "batch", "archive"])
        if command == "build":
            result = cli("build", inside / "b.md", "-o", out, cwd=folder, outputs=out)
            made = sorted(path.name for path in out.glob("b.*")) if out.is_dir() else []
            if result.status == "ok" and made != ["b.epub", "b.pdf"]:
                return Result("crash", f"build succeeded but left {made}")
            if result.status == "error" and made:
                return Result("crash", f"a failed build left {made}")
        elif command == "batch":
            result = cli("batch", inside, "-o", out, "--to", "epub", "-j", "1", cwd=folder, outputs=out)
        else:
            result = cli(
                "archive",
                inside / "a.md",
                "-o",
                out,
                *(["--zip"] if rng.random() < 0.5 else []),
                cwd=folder,
                outputs=out,
            )
        return result
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _server(rng: Random, folder: Path) -> None:
    """A page from a hostile server (an injected transport: the fetch path refuses 127.0.0.1)."""
    import gzip

    import httpx

    from bookmaker.fetch.client import Fetcher
    from bookmaker.pipeline import load_url

    page = f"<html><head><title>제목입니다</title></head><body><h1>제목입니다</h1><p>{BODY}</p>".encode()
    bomb = gzip.compress(bytes(rng.choice([1, 16, 64]) << 20))
    headers: list[tuple[bytes, bytes]] = [(b"content-type", b"text/html")]
    choice = rng.randrange(4)
    if choice == 0:  # a compressed body, perhaps twice, that was not asked for
        layers = rng.choice([b"gzip", b"gzip, gzip", b"deflate", b"br"])
        response = httpx.Response(
            200, stream=httpx.ByteStream(bomb), headers=[*headers, (b"content-encoding", layers)]
        )
    elif choice == 1:  # a charset label that names no text codec
        label = rng.choice([b"\x00\xff", b"rot13", b"hex", b"utf-7", b"a" * 10_000, b"utf-16", b""])
        response = httpx.Response(
            200, content=page, headers=[(b"content-type", b"text/html; charset=" + label)]
        )
    elif choice == 2:  # a redirect to somewhere that is no web page, or to itself
        location = rng.choice(
            ["data:text/html,<p>x</p>", "http://[::1", "file:///etc/passwd", "http://127.0.0.1/", "/a"]
        )
        response = httpx.Response(302, headers={"location": location})
    else:  # a status or content type that is no page
        response = httpx.Response(
            rng.choice([200, 204, 999]), content=rng.choice([b"", page[:40], bytes(256)])
        )

    def handler(request: httpx.Request) -> httpx.Response:
        return response

    resolve = lambda host, port: ["93.184.216.34"]  # noqa: E731 - a public address for any name
    with Fetcher(transport=httpx.MockTransport(handler), resolve=resolve) as fetcher:
        load_url("http://example.com/a", folder, fetcher)


def long_input(rng: Random, folder: Path) -> Result:
    """An input within every size limit with a part whose cost grew with its square."""
    inside, _, out = _setting(folder)
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines() if line)
    word = rng.choice(["가", "a", " ", "a@", "by "]) * rng.randint(20_000, 190_000)
    scenario = rng.randrange(6)
    formats = "epub"
    if scenario == 0:  # a long word or run of spaces where the header patterns search (read only)
        place = rng.choice(["title", "p", "span", "div"])
        head = f"<title>{word}</title>" if place == "title" else "<title>제목</title>"
        body = "" if place == "title" else f"<{place}>{word}</{place}>"
        (inside / "page.html").write_text(
            f"<html><head>{head}</head><body>{body}<article><h1>제목입니다</h1>{paragraphs}</article></body></html>"
        )
        return cli("normalize", inside / "page.html", cwd=folder)
    if scenario == 1:  # a long headline or heading, which WeasyPrint wraps
        text = word[: rng.choice([900, 1001, 5000, 100_000])].strip() or "가" * 1001
        (inside / "page.html").write_text(
            f"<html><head><title>t</title></head><body><article><h1>{text}</h1>{paragraphs}"
            f"<h2>{text}</h2><p>끝 문단입니다. 충분히 긴 문장입니다.</p></article></body></html>"
        )
        formats = "pdf"
        source = inside / "page.html"
    elif scenario == 2:  # a few cells spanning a huge grid
        span = rng.choice([10, 1000, 100_000])
        rows = f"<tr><td colspan={span} rowspan={span}>x</td></tr>" * rng.randint(2, 60)
        (inside / "page.html").write_text(
            "<html><head><title>t</title></head><body><article><h1>제목입니다</h1>"
            f"{paragraphs}<table><thead><tr><th>구분</th><th>값</th></tr></thead><tbody>{rows}</tbody></table>"
            "</article></body></html>"
        )
        formats = "pdf"
        source = inside / "page.html"
    elif scenario == 3:  # IR JSON: huge spans, a long title, subtitle or heading
        cell = {
            "content": [{"type": "text", "value": "x"}],
            "colspan": rng.choice([2, 10**6, 10**18, 10**30]),
        }
        long = "가" * rng.choice([999, 1001, 100_000])
        doc = {
            "meta": {"title": rng.choice(["제목", long]), "subtitles": rng.sample([long], rng.randint(0, 1))},
            "blocks": [
                {"type": "paragraph", "text": "본문입니다. 충분히 긴 문장입니다."},
                {"type": "heading", "level": 2, "text": rng.choice(["소제목", long])},
                {"type": "table", "head": [], "body": [{"cells": [cell]}]},
            ],
        }
        (inside / "doc.json").write_text(json.dumps(doc), encoding="utf-8")
        formats = "pdf"
        source = inside / "doc.json"
    elif scenario == 5:  # a text or Markdown line with a long word or run of spaces (line patterns search it)
        name = rng.choice(["a.md", "a.txt"])
        (inside / name).write_text(f"# 제목입니다\n\n본문입니다. {word} 끝 {{:.note}}\n", encoding="utf-8")
        return cli("normalize", inside / name, cwd=folder)
    else:  # control characters in --title
        title = "".join(
            rng.choice(["제목", "\x1b[31m", "\x07", "\n", "\u202e", "\x7f", " "]) for _ in range(8)
        )
        return cli(
            "build", inside / "a.md", "-o", out, "--to", "epub", "--title", title, cwd=folder, outputs=out
        )
    return cli("build", source, "-o", out, "--to", formats, cwd=folder, outputs=out)


RUNNERS = {"filesystem": filesystem, "bomb": bomb, "template": template, "disk": disk, "long": long_input}


def run_hostile(kind: str, rng: Random, folder: Path) -> Result:
    """Run one hostile case of ``kind`` in ``folder``."""
    if kind in ("nesting", "yaml", "server"):
        return in_process(kind, rng, folder)
    return RUNNERS[kind](rng, folder)
