"""Content-hash cache: an input whose bytes, options, templates and bookmaker version are unchanged,
and whose outputs are still there, is skipped."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bookmaker import __version__
from bookmaker.writers.atomic import write_atomic

CACHE_NAME = ".bookmaker-batch-cache.json"
_FORMAT = 1


@cache
def folder_digest(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes under ``folder`` (sorted)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_key(source: bytes, settings: str) -> str:
    """The cache key of one input: its bytes plus the batch's settings fingerprint."""
    return hashlib.sha256(hashlib.sha256(source).digest() + settings.encode("utf-8")).hexdigest()


def settings_fingerprint(options: dict[str, object], templates: Path) -> str:
    """Everything besides the input that changes the outputs: options, templates, bookmaker version."""
    record = {"options": options, "templates": folder_digest(templates), "bookmaker": __version__}
    return json.dumps(record, sort_keys=True, default=str)


@dataclass(slots=True)
class BuildCache:
    """``OUT_DIR/.bookmaker-batch-cache.json``: input (relative path) → key and the outputs it made."""

    path: Path
    entries: dict[str, dict[str, object]] = field(default_factory=dict)

    @classmethod
    def open(cls, out_dir: Path) -> BuildCache:
        """Load the cache of ``out_dir`` (an unreadable or foreign cache counts as empty)."""
        path = out_dir / CACHE_NAME
        try:
            data = json.loads(path.read_bytes())
            entries = data["entries"] if data.get("format") == _FORMAT else {}
        except (OSError, ValueError, KeyError, AttributeError):
            entries = {}
        return cls(path, entries)

    def is_fresh(self, name: str, key: str, out_dir: Path) -> bool:
        """True when ``name`` was built with ``key`` and all its outputs still have their recorded sizes."""
        entry = self.entries.get(name)
        if not entry or entry.get("key") != key:
            return False
        outputs = entry.get("outputs")
        if not isinstance(outputs, dict) or not outputs:
            return False
        for relative, size in outputs.items():
            try:
                if os.stat(out_dir / relative).st_size != size:
                    return False
            except OSError:
                return False
        return True

    def record(self, name: str, key: str, outputs: dict[str, int]) -> None:
        """Remember a successful build: its key and ``{output path relative to OUT_DIR: size}``."""
        self.entries[name] = {"key": key, "outputs": dict(sorted(outputs.items()))}

    def forget(self, name: str) -> None:
        """Drop ``name`` (its build failed: try again next time)."""
        self.entries.pop(name, None)

    def save(self) -> None:
        """Write the cache atomically."""
        body = {"format": _FORMAT, "entries": dict(sorted(self.entries.items()))}
        write_atomic(self.path, (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8"))
