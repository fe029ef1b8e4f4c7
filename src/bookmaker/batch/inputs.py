"""Which files a batch builds, and a unique output slug for each."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bookmaker.errors import InputError
from bookmaker.names import safe_stem

# the readers' extensions (see bookmaker.readers.EXTENSIONS), minus the extension-less sniffing case
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".json", ".mhtml", ".mht", ".eml"}
)


def discover(input_dir: Path) -> list[Path]:
    """Article files under ``input_dir`` (recursively, hidden files and folders left out), sorted.

    Links to folders are not followed; every other entry with an article suffix is listed —
    a FIFO, a device or a link out of the folder too, so that :func:`refusal` can report it
    rather than leave it out unsaid.
    """
    if not input_dir.is_dir():
        raise InputError(f"{input_dir}: not a folder")
    found = []
    for folder, folders, files in os.walk(input_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(input_dir).as_posix())


MAX_URL_LIST_BYTES = 1024 * 1024


def read_url_list(path: Path) -> list[str]:
    """The http(s) URLs listed in the text file ``path``, one a line (blank lines and ``#``
    comments skipped, repeats once); any other line is an input error naming the file and line."""
    from bookmaker.fetch.policy import is_url
    from bookmaker.files import read_regular, too_big

    data = read_regular(path, MAX_URL_LIST_BYTES, on_size=too_big(str(path), MAX_URL_LIST_BYTES))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: a list of URLs must be UTF-8 text") from None
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line) or any(char.isspace() for char in line):
            raise InputError(f"{path}: line {number} is not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    if not urls:
        raise InputError(f"{path}: no URLs in the list")
    return list(dict.fromkeys(urls))


def refusal(path: Path, input_dir: Path) -> str | None:
    """Why the input ``path`` may not be read: a symbolic link whose target lies outside
    ``input_dir`` (a batch reads only its folder, as a book file does); None when it may."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if input_dir.resolve() in target.parents:
        return None
    return f"is a link out of INPUT_DIR (to {target}); refused"


def base_slug(path: Path) -> str:
    """The input's stem made safe (as ``bookmaker build`` names outputs), else a hash of the name.

    ``build`` falls back to the title or the document's hash; a batch must name outputs before
    reading documents.
    """
    return safe_stem(path.stem) or f"article-{hashlib.sha256(path.name.encode('utf-8')).hexdigest()[:10]}"


def unique_slugs(paths: Sequence[Path], root: Path | None = None) -> dict[Path, str]:
    """A slug per path; inputs whose slugs collide all get a short hash of their relative path."""
    bases = {path: base_slug(path) for path in paths}
    counts = Counter(bases.values())
    slugs: dict[Path, str] = {}
    for path, slug in bases.items():
        if counts[slug] > 1:
            relative = path.relative_to(root).as_posix() if root else str(path)
            slug = f"{slug}-{hashlib.sha256(relative.encode('utf-8')).hexdigest()[:8]}"
        slugs[path] = slug
    return slugs
