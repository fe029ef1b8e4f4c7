"""Content-hash cache: an input whose bytes, options, templates, bookmaker version and referenced
files (figure images) are unchanged, and whose outputs are still there byte for byte, is skipped.

Each entry records the SHA-256 of every output and of every file the article referenced; a
flipped byte in an output or an edited ``chart.png`` makes the article build again. The cache is
saved after every article, so a batch that is killed keeps what it finished.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bookmaker import __version__
from bookmaker.errors import InputError
from bookmaker.files import read_regular
from bookmaker.writers.atomic import write_atomic

CACHE_NAME = ".bookmaker-batch-cache.json"
_FORMAT = 2
MAX_HASHED_BYTES = 1 << 30  # an output or referenced file larger than this is never "unchanged"


def file_digest(path: Path) -> str | None:
    """SHA-256 of the regular file ``path`` (None when missing, not regular or over 1 GB)."""
    try:
        return hashlib.sha256(read_regular(path, MAX_HASHED_BYTES)).hexdigest()
    except InputError:
        return None


@cache
def folder_digest(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes under ``folder`` (sorted; links are not
    followed: a link is hashed as its target's name, a FIFO or device as its kind)."""
    digest = hashlib.sha256()
    for path in sorted(_files(folder)):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        if path.is_symlink():
            digest.update(b"link:" + os.fsencode(os.readlink(path)))
        else:
            digest.update((file_digest(path) or "unreadable").encode())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return [Path(where) / name for where, _, names in os.walk(folder) for name in names]


def build_key(source: bytes, settings: str) -> str:
    """The cache key of one input: its bytes plus the batch's settings fingerprint."""
    return hashlib.sha256(hashlib.sha256(source).digest() + settings.encode("utf-8")).hexdigest()


def settings_fingerprint(options: dict[str, object], templates: Path) -> str:
    """Everything besides the input that changes the outputs: options, templates, bookmaker version."""
    record = {"options": options, "templates": folder_digest(templates), "bookmaker": __version__}
    return json.dumps(record, sort_keys=True, default=str)


@dataclass(slots=True)
class BuildCache:
    """``OUT_DIR/.bookmaker-batch-cache.json``: input (relative path) → key, the outputs it made
    (``{path relative to OUT_DIR: sha256}``) and the files it referenced (``{path: sha256 or None}``)."""

    path: Path
    entries: dict[str, dict[str, object]] = field(default_factory=dict)

    @classmethod
    def open(cls, out_dir: Path) -> BuildCache:
        """Load the cache of ``out_dir`` (an unreadable or foreign cache counts as empty)."""
        path = out_dir / CACHE_NAME
        try:
            data = json.loads(read_regular(path, 64 << 20))
            entries = data["entries"] if data.get("format") == _FORMAT else {}
            if not isinstance(entries, dict):
                entries = {}
        except (InputError, ValueError, KeyError, AttributeError, RecursionError):
            entries = {}
        return cls(path, entries)

    def is_fresh(self, name: str, key: str, out_dir: Path) -> bool:
        """True when ``name`` was built with ``key``, every output it made is still there with the
        recorded bytes, and every file it referenced still has the recorded bytes."""
        entry = self.entries.get(name)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        outputs, references = entry.get("outputs"), entry.get("references", {})
        if not isinstance(outputs, dict) or not outputs or not isinstance(references, dict):
            return False
        made = all(file_digest(out_dir / relative) == digest for relative, digest in outputs.items())
        return made and all(file_digest(Path(path)) == digest for path, digest in references.items())

    def record(
        self, name: str, key: str, outputs: dict[str, bytes], references: dict[str, str | None]
    ) -> None:
        """Remember a successful build: its key, its outputs' bytes (hashed) and its references."""
        self.entries[name] = {
            "key": key,
            "outputs": {path: hashlib.sha256(data).hexdigest() for path, data in sorted(outputs.items())},
            "references": dict(sorted(references.items())),
        }

    def forget(self, name: str) -> None:
        """Drop ``name`` (its build failed: try again next time)."""
        self.entries.pop(name, None)

    def save(self) -> None:
        """Write the cache atomically."""
        body = {"format": _FORMAT, "entries": dict(sorted(self.entries.items()))}
        write_atomic(self.path, (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8"))
