"""Re-check stored bundles against their ``manifest.json``: drift, corruption, missing or extra files."""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from bookmaker.archive.manifest import MANIFEST_NAME, sha256
from bookmaker.errors import InputError

# what reading a damaged file or zip entry raises (bad CRC, broken deflate stream, truncation)
_DAMAGE = (OSError, zipfile.BadZipFile, zlib.error, EOFError)


class Entry(NamedTuple):
    """One file the manifest lists."""

    path: str
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


def _entries(manifest_bytes: bytes, where: str, report: VerifyReport) -> list[Entry] | None:
    try:
        manifest = json.loads(manifest_bytes)
        files = manifest["files"]
        if not isinstance(files, list):
            raise TypeError("files is not a list")
        return [Entry(str(e["path"]), int(e["size"]), str(e["sha256"])) for e in files]
    except (ValueError, KeyError, TypeError) as exc:
        report.problems.append(f"{where}/{MANIFEST_NAME}: unreadable manifest ({exc})")
        return None


def _check(
    where: str, entries: list[Entry], present: set[str], read: Callable[[str], bytes], report: VerifyReport
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
            data = read(name)
        except _DAMAGE as exc:
            report.problems.append(f"{where}/{name}: unreadable ({exc})")
            continue
        if len(data) != entry.size:
            report.problems.append(f"{where}/{name}: size changed ({entry.size} → {len(data)} bytes)")
        digest = sha256(data)
        if digest != entry.sha256:
            was = entry.sha256[:12]
            report.problems.append(f"{where}/{name}: SHA-256 changed ({was}… → {digest[:12]}…)")
    for name in sorted(present - listed - {MANIFEST_NAME}):
        report.problems.append(f"{where}/{name}: extra file not in the manifest")


def _verify_folder(folder: Path, report: VerifyReport) -> None:
    report.bundles += 1
    where = str(folder)
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}
    try:
        manifest = (folder / MANIFEST_NAME).read_bytes()
    except OSError as exc:
        report.problems.append(f"{where}/{MANIFEST_NAME}: unreadable ({exc.strerror})")
        return
    entries = _entries(manifest, where, report)
    if entries is not None:
        _check(where, entries, present, lambda name: (folder / name).read_bytes(), report)


def _verify_zip(path: Path, report: VerifyReport) -> None:
    report.bundles += 1
    where = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        report.problems.append(f"{where}: not a readable zip ({exc})")
        return
    with archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        roots = {name.split("/", 1)[0] for name in names}
        if len(roots) != 1 or f"{next(iter(roots))}/{MANIFEST_NAME}" not in names:
            report.problems.append(f"{where}: expected one <slug>/ folder with {MANIFEST_NAME} inside")
            return
        root = next(iter(roots))
        try:
            manifest = archive.read(f"{root}/{MANIFEST_NAME}")
        except _DAMAGE as exc:
            report.problems.append(f"{where}:{root}/{MANIFEST_NAME}: unreadable ({exc})")
            return
        entries = _entries(manifest, f"{where}:{root}", report)
        if entries is not None:
            present = {name.split("/", 1)[1] for name in names}
            _check(f"{where}:{root}", entries, present, lambda name: archive.read(f"{root}/{name}"), report)


def verify(path: Path) -> VerifyReport:
    """Check a bundle folder, a bundle zip, or every bundle directly inside a folder."""
    report = VerifyReport()
    if path.is_file():
        _verify_zip(path, report)
    elif (path / MANIFEST_NAME).is_file():
        _verify_folder(path, report)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_dir():
                _verify_folder(child, report)
            elif child.suffix == ".zip":
                _verify_zip(child, report)
            else:
                report.problems.append(f"{child}: extra file, not an archive bundle")
        if report.bundles == 0:
            raise InputError(f"{path}: no archive bundle (folder with {MANIFEST_NAME}, or .zip) found")
    else:
        raise InputError(f"{path}: no such file or folder")
    return report
