"""``manifest.json``: every file of a bundle with its SHA-256, size and media type, plus provenance."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

MANIFEST_NAME = "manifest.json"
FORMAT = "bookmaker-archive/2"  # 2: metadata_sha256

MEDIA_TYPES = {
    ".epub": "application/epub+zip",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
}


def media_type(name: str) -> str:
    """The media type for a file name (by extension; unknown → ``application/octet-stream``)."""
    dot = name.rfind(".")
    return MEDIA_TYPES.get(name[dot:].lower(), "application/octet-stream") if dot > 0 else "text/plain"


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One listed file: path inside the bundle, role, media type, size and hash."""

    path: str
    role: str
    data: bytes

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "role": self.role,
            "media_type": media_type(self.path),
            "size": len(self.data),
            "sha256": sha256(self.data),
        }


def seal(manifest: dict[str, Any]) -> str:
    """``metadata_sha256``: the SHA-256 of every other field of the manifest (title, tools,
    options, provenance, the file list …) in canonical JSON. ``archive --verify`` recomputes it,
    so an edit to the manifest shows; it is a checksum, not a signature: whoever rewrites the
    manifest can rewrite the seal too."""
    fields = {key: value for key, value in manifest.items() if key != "metadata_sha256"}
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def render_manifest(fields: dict[str, Any], entries: list[FileEntry]) -> bytes:
    """The manifest bytes: ``fields`` plus the sorted file list and the seal, keys sorted, UTF-8,
    newline-ended."""
    body = {**fields, "format": FORMAT, "files": [e.as_json() for e in sorted(entries, key=lambda e: e.path)]}
    body["metadata_sha256"] = seal(body)
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
