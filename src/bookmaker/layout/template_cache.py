"""An on-disk cache of compiled Jinja2 templates, shared by bookmaker processes of one user.

Compiling the EPUB templates costs ~20 ms a process; loading their code objects back costs
well under 1 ms. Nothing keyed on a document is stored: an entry is a template's compiled
module, found by Jinja2's key (template name and file) and checked against a SHA-1 of the
template's current source, so an edited template is recompiled. Entries live in
``$XDG_CACHE_HOME/bookmaker`` (default ``~/.cache/bookmaker``) under a folder named for the
Jinja2 version, the Python bytecode tag, bookmaker's version and the environment's options.

Safety: the folder must be a directory owned by this user and not writable by others, or no
cache is used; each entry carries a SHA-256 of its payload and is written to a temporary file
then renamed; an unreadable, truncated or corrupt entry is ignored (and later replaced); any
error writing one is ignored. ``BOOKMAKER_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from bookmaker import __version__
from bookmaker.cache_folder import cache_root, generation_folder, write_atomic

_DIGEST = hashlib.sha256().digest_size


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates as ``<key>.j2c`` files: SHA-256 of the payload, then Jinja2's bucket bytes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.j2c"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from its file when the file is whole and matches the source."""
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return
        digest, payload = data[:_DIGEST], data[_DIGEST:]
        if len(digest) != _DIGEST or hashlib.sha256(payload).digest() != digest:
            return
        try:
            bucket.bytecode_from_string(payload)  # resets itself on a stale checksum or bad magic
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Write ``bucket`` atomically; give up silently when the folder is not writable."""
        try:
            payload = bucket.bytecode_to_string()
            target = self._path(bucket)
            write_atomic(target, hashlib.sha256(payload).digest() + payload)
        except Exception:
            return

    def clear(self) -> None:
        """Remove every entry of this folder."""
        for entry in self.folder.glob("*.j2c"):
            entry.unlink(missing_ok=True)


def template_cache(options: tuple[object, ...]) -> TemplateCache | None:
    """The cache for an environment made with ``options`` (None when off or not usable)."""
    root = cache_root()
    if root is None:
        return None
    tag = f"{jinja2.__version__}|{sys.implementation.cache_tag}|{__version__}|{options!r}"
    folder = generation_folder(root, f"templates-{hashlib.sha256(tag.encode()).hexdigest()[:16]}")
    return None if folder is None else TemplateCache(folder)
