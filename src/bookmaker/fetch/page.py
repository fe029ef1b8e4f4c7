"""An article from a URL: the page fetched under the address policy, read by the HTML reader.

The fetched bytes are the source: they are saved as ``page.html`` in a private folder, and the
images the reader keeps as figures are fetched (same policy, same limits) into ``page_files/`` beside
it, so the build packages them as it would a saved page's. The IR records the address and the
retrieval time (``meta.source.url``, ``meta.source.retrieved``).
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from bookmaker.errors import InputError
from bookmaker.fetch.client import Fetcher
from bookmaker.fetch.policy import FetchRefused
from bookmaker.image_limits import MAX_IMAGE_BYTES
from bookmaker.ir import Document, Source
from bookmaker.limits import DEFAULT, Limits
from bookmaker.raw import RawDocument
from bookmaker.readers.encoding import browser_codec
from bookmaker.readers.html_flow import FetchedImage
from bookmaker.resources import utc_stamp

PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "": "html"}
MAX_IMAGES = 60  # images fetched for one page; more are left out, said so
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
UNTRUSTED = frozenset({"ascii", "iso8859-1", "cp1252"})  # decode any bytes: often a server's default
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def page_charset(data: bytes, declared: str | None) -> str | None:
    """The page's encoding: the ``Content-Type`` header's charset, else the first ``<meta>``
    declaration in the first 4 KB, when it names a codec that decodes the page (a label read as
    browsers do: EUC-KR as CP949); else ``None`` (the reader's detection decides, also over a
    Latin-1 or ASCII label, which decodes any bytes and is often just a server's default)."""
    found = _META_CHARSET.search(data[:4096])
    for name in (declared, found.group(1).decode("ascii") if found else None):
        if not name:
            continue
        codec = browser_codec(name)
        if codec is None or codec in UNTRUSTED:
            continue
        try:
            data.decode(codec)
        except ValueError:  # undecodable
            continue
        return codec
    return None


class ImageFetcher:
    """Fetches a page's images into ``folder/page_files`` for the HTML reader."""

    def __init__(self, fetcher: Fetcher, folder: Path) -> None:
        self._fetcher = fetcher
        self._folder = folder / "page_files"
        self._done: dict[str, FetchedImage] = {}
        self._saved = 0

    def __call__(self, url: str) -> FetchedImage:
        if url not in self._done:
            self._done[url] = self._fetch(url)
        return self._done[url]

    def _fetch(self, url: str) -> FetchedImage:
        if len(self._done) >= MAX_IMAGES:
            return FetchedImage(None, f"more than {MAX_IMAGES} images on the page")
        try:
            image = self._fetcher.get(url, MAX_IMAGE_BYTES)
        except FetchRefused as exc:
            return FetchedImage(None, str(exc).removeprefix(f"{url}: "))
        extension = IMAGE_TYPES.get(image.media_type)
        if extension is None:
            return FetchedImage(None, f"not a JPEG, PNG, GIF or WebP image ({image.media_type or 'no type'})")
        self._folder.mkdir(exist_ok=True)
        self._saved += 1
        name = f"image-{self._saved}.{extension}"
        (self._folder / name).write_bytes(image.data)
        return FetchedImage(f"page_files/{name}")


def fetch_page(
    url: str,
    folder: Path,
    fetcher: Fetcher,
    *,
    encoding: str | None = None,
    limits: Limits = DEFAULT,
    images: bool = True,
) -> RawDocument | Document:
    """Fetch the article at ``url`` (its images into ``folder`` when ``images``) and read it;
    :func:`bookmaker.normalize.normalize` makes the IR of the result.

    Any failure — a refused address, an HTTP error, a timeout, a page over ``limits``, a page with
    no article — is one :class:`~bookmaker.errors.InputError` naming ``url``.
    """
    from bookmaker.readers import read_data

    page = fetcher.get(url, limits.max_input_bytes)
    fmt = PAGE_TYPES.get(page.media_type)
    if fmt is None:
        raise FetchRefused(f"{url}: not an article page ({page.media_type})")
    path = folder / "page.html"
    path.write_bytes(page.data)
    try:
        raw = read_data(
            page.data,
            path,
            encoding=encoding or page_charset(page.data, page.charset),
            fmt=fmt,
            limits=limits,
            fetched_from=page.url,
            fetch_image=ImageFetcher(fetcher, folder) if images else None,
        )
    except InputError as exc:
        raise InputError(f"{url}: {str(exc).removeprefix(f'{path.name}: ')}") from None
    fetched = {"path": None, "url": page.url, "retrieved": utc_stamp(page.retrieved)}
    if isinstance(raw, Document):
        source = msgspec.structs.replace(raw.meta.source or Source(), **fetched)
        return msgspec.structs.replace(raw, meta=msgspec.structs.replace(raw.meta, source=source))
    raw.source = msgspec.structs.replace(raw.source, **fetched)
    return raw
