"""Re-check stored bundles against their ``manifest.json``: drift, corruption, missing or extra
files, and edits to the manifest itself.

Nothing a bundle holds is trusted: a file must be a regular file, never a symbolic link (a link
to an identical copy elsewhere is not the bundle's file) nor a FIFO; every file and zip entry is
hashed as a stream that stops just past the size the manifest gives (a 3 GB zip bomb is read
for as long as the real file would be); an encrypted entry, an unknown compression method, a
name listed twice in a zip and a manifest nested too deeply are each one problem line. The
manifest's own fields are sealed by ``metadata_sha256`` (see :mod:`bookmaker.archive.manifest`)
and the provenance's ``source_sha256`` must be the source file's.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from bookmaker.archive.manifest import MANIFEST_NAME, seal
from bookmaker.errors import InputError
from bookmaker.files import FileRefused, chunks, kind_of, open_regular

# what reading a damaged file or zip entry raises (bad CRC, broken deflate stream, truncation)
_DAMAGE = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_METHODS = {
    zipfile.ZIP_STORED: "stored",
    zipfile.ZIP_DEFLATED: "deflated",
    zipfile.ZIP_BZIP2: "bzip2",
    zipfile.ZIP_LZMA: "lzma",
}


class Entry(NamedTuple):
    """One file the manifest lists."""

    path: str
    role: str
    size: int
    sha256: str


class Found(NamedTuple):
    """What reading one stored file gave: its size (read up to one byte past the limit) and hash."""

    size: int
    sha256: str


@dataclass(slots=True)
class VerifyReport:
    """What was checked and one line per problem found."""

    bundles: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _Refused(Exception):
    """A stored file that may not be read (a link, a FIFO, an encrypted entry …): the reason."""


def _digest(pieces: Iterable[bytes]) -> Found:
    digest = hashlib.sha256()
    size = 0
    for piece in pieces:
        digest.update(piece)
        size += len(piece)
    return Found(size, digest.hexdigest())


def _entries(manifest_bytes: bytes, where: str, report: VerifyReport) -> list[Entry] | None:
    try:
        manifest = json.loads(manifest_bytes)
        if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
            raise TypeError("no list of files")
        entries = [_entry(item) for item in manifest["files"]]
    except (ValueError, KeyError, TypeError) as exc:
        report.problems.append(f"{where}/{MANIFEST_NAME}: unreadable manifest ({exc})")
        return None
    except RecursionError:
        report.problems.append(f"{where}/{MANIFEST_NAME}: unreadable manifest (nested too deeply)")
        return None
    if "metadata_sha256" not in manifest:
        report.problems.append(
            f"{where}/{MANIFEST_NAME}: no metadata_sha256, so its fields cannot be checked"
            " (removed, or a bundle from before format 2: archive it again)"
        )
    elif manifest["metadata_sha256"] != seal(manifest):
        report.problems.append(
            f"{where}/{MANIFEST_NAME}: the manifest was edited (metadata_sha256 does not match its fields)"
        )
    source = [entry for entry in entries if entry.role == "source"]
    provenance = manifest.get("provenance")
    claimed = provenance.get("source_sha256") if isinstance(provenance, dict) else None
    if source and claimed != source[0].sha256:
        report.problems.append(f"{where}/{MANIFEST_NAME}: provenance source_sha256 is not the source file's")
    return entries


def _entry(item: object) -> Entry:
    if not isinstance(item, dict):
        raise TypeError("a file entry is not an object")
    size = item["size"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise TypeError(f"bad size {size!r}")
    return Entry(str(item["path"]), str(item.get("role", "")), size, str(item["sha256"]))


def _check(
    where: str,
    entries: list[Entry],
    present: set[str],
    read: Callable[[str, int], Found],
    report: VerifyReport,
) -> None:
    listed: set[str] = set()
    for entry in entries:
        name = entry.path
        listed.add(name)
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts:
            report.problems.append(f"{where}: manifest names a path outside the bundle: {name}")
            continue
        report.files += 1
        if name not in present:
            report.problems.append(f"{where}/{name}: missing")
            continue
        try:
            found = read(name, entry.size)
        except _Refused as exc:
            report.problems.append(f"{where}/{name}: {exc}")
            continue
        except _DAMAGE as exc:
            report.problems.append(f"{where}/{name}: unreadable ({exc})")
            continue
        if found.size > entry.size:
            report.problems.append(
                f"{where}/{name}: size changed ({entry.size} → more bytes; not read further)"
            )
        elif found.size != entry.size:
            report.problems.append(f"{where}/{name}: size changed ({entry.size} → {found.size} bytes)")
        elif found.sha256 != entry.sha256:
            was = entry.sha256[:12]
            report.problems.append(f"{where}/{name}: SHA-256 changed ({was}… → {found.sha256[:12]}…)")
    for name in sorted(present - listed - {MANIFEST_NAME}):
        report.problems.append(f"{where}/{name}: extra file not in the manifest")


def _folder_entries(folder: Path, where: str, report: VerifyReport) -> Iterator[str]:
    """Every file under ``folder`` (relative); a link to a folder is a problem, not followed."""
    for place, folders, files in os.walk(folder):
        base = Path(place)
        for name in folders:
            if (base / name).is_symlink():
                relative = (base / name).relative_to(folder).as_posix()
                report.problems.append(f"{where}/{relative}: is a symbolic link, not a folder of the bundle")
        for name in files:
            yield (base / name).relative_to(folder).as_posix()


def _read_file(path: Path, limit: int) -> Found:
    """Hash the regular file ``path`` (never through a link), reading at most ``limit`` + 1 bytes."""
    try:
        fd, _ = open_regular(path, follow=False)
    except FileRefused as exc:
        raise _Refused(exc.reason) from None
    try:
        return _digest(chunks(lambda size: os.read(fd, size), limit))
    finally:
        os.close(fd)


def _verify_folder(folder: Path, report: VerifyReport) -> None:
    report.bundles += 1
    where = str(folder)
    present = set(_folder_entries(folder, where, report))
    try:
        fd, _ = open_regular(folder / MANIFEST_NAME, follow=False)
        with os.fdopen(fd, "rb") as handle:
            manifest = handle.read(MAX_MANIFEST_BYTES + 1)
    except FileRefused as exc:
        report.problems.append(f"{where}/{MANIFEST_NAME}: unreadable ({exc.reason})")
        return
    if len(manifest) > MAX_MANIFEST_BYTES:
        report.problems.append(f"{where}/{MANIFEST_NAME}: over {MAX_MANIFEST_BYTES >> 20} MB, not a manifest")
        return
    entries = _entries(manifest, where, report)
    if entries is not None:
        _check(where, entries, present, lambda name, limit: _read_file(folder / name, limit), report)


def _zip_refusal(info: zipfile.ZipInfo) -> str | None:
    if info.flag_bits & 0x1:
        return "encrypted zip entry"
    if info.compress_type not in _METHODS:
        return f"unsupported compression method {info.compress_type}"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link, not a file"
    return None


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Found:
    """Hash a zip entry as a stream, stopping one byte past ``limit`` (a bomb is never inflated)."""
    why = _zip_refusal(info)
    if why is not None:
        raise _Refused(why)
    with archive.open(info) as stream:
        return _digest(chunks(stream.read, limit))


def _verify_zip(path: Path, report: VerifyReport) -> None:
    report.bundles += 1
    where = str(path)
    try:
        fd, _ = open_regular(path, follow=False)
    except FileRefused as exc:
        report.problems.append(f"{where}: {exc.reason}")
        return
    try:
        with os.fdopen(fd, "rb") as handle, zipfile.ZipFile(handle) as archive:
            _check_zip(archive, where, report)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        report.problems.append(f"{where}: not a readable zip ({exc})")


def _check_zip(archive: zipfile.ZipFile, where: str, report: VerifyReport) -> None:
    infos = [info for info in archive.infolist() if not info.is_dir()]
    names = [info.filename for info in infos]
    for name in sorted({name for name in names if names.count(name) > 1}):
        report.problems.append(f"{where}:{name}: listed more than once in the zip (a forged entry?)")
    by_name = {info.filename: info for info in infos}
    roots = {name.split("/", 1)[0] for name in names}
    if len(roots) != 1 or f"{next(iter(roots))}/{MANIFEST_NAME}" not in by_name:
        report.problems.append(f"{where}: expected one <slug>/ folder with {MANIFEST_NAME} inside")
        return
    root = next(iter(roots))

    def read(name: str, limit: int) -> Found:
        return _read_entry(archive, by_name[f"{root}/{name}"], limit)

    try:
        info = by_name[f"{root}/{MANIFEST_NAME}"]
        why = _zip_refusal(info)
        if why is not None:
            raise _Refused(why)
        with archive.open(info) as stream:
            manifest = stream.read(MAX_MANIFEST_BYTES + 1)
    except (_Refused, *_DAMAGE) as exc:
        report.problems.append(f"{where}:{root}/{MANIFEST_NAME}: unreadable ({exc})")
        return
    if len(manifest) > MAX_MANIFEST_BYTES:
        report.problems.append(f"{where}:{root}/{MANIFEST_NAME}: over {MAX_MANIFEST_BYTES >> 20} MB")
        return
    entries = _entries(manifest, f"{where}:{root}", report)
    if entries is not None:
        present = {name.split("/", 1)[1] for name in names}
        _check(f"{where}:{root}", entries, present, read, report)


def verify(path: Path) -> VerifyReport:
    """Check a bundle folder, a bundle zip, or every bundle directly inside a folder."""
    report = VerifyReport()
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise InputError(f"{path}: no such file or folder") from None
    if stat.S_ISREG(mode):
        _verify_zip(path, report)
    elif not stat.S_ISDIR(mode):
        raise InputError(f"{path}: is {kind_of(mode)}, not a bundle")
    elif os.path.lexists(path / MANIFEST_NAME):
        _verify_folder(path, report)
    else:
        for child in sorted(path.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_symlink():
                report.problems.append(f"{child}: is a symbolic link, not an archive bundle")
            elif child.is_dir():
                _verify_folder(child, report)
            elif child.suffix == ".zip":
                _verify_zip(child, report)
            else:
                report.problems.append(f"{child}: extra file, not an archive bundle")
        if report.bundles == 0 and not report.problems:
            raise InputError(f"{path}: no archive bundle (folder with {MANIFEST_NAME}, or .zip) found")
    return report
