"""Figure images for the EPUB: read through the sandbox, packaged, or left out with a warning.

An EPUB must carry every image it shows. Each figure ``src`` is resolved against the input's folder;
``data:`` URLs and files the sandbox allows are packaged as ``images/figure-N.<ext>``; anything else
(blocked, missing, remote, not a raster image) is dropped from the figure, which keeps its caption.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

import msgspec

from bookmaker.files import FileRefused, read_regular
from bookmaker.image_limits import MAX_IMAGE_BYTES, pixel_refusal
from bookmaker.ir import Document, Figure
from bookmaker.sandbox import Sandbox

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
    (b"GIF87a", "gif", "image/gif"),
    (b"GIF89a", "gif", "image/gif"),
)


@dataclass(frozen=True, slots=True)
class PackagedImage:
    """An image file inside the EPUB."""

    file_name: str
    media_type: str
    data: bytes


def _sniff(data: bytes) -> tuple[str, str] | None:
    for magic, extension, media_type in _SIGNATURES:
        if data.startswith(magic):
            return extension, media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp", "image/webp"
    return None


def _read(url: str) -> bytes:
    parts = urlsplit(url)
    if parts.scheme == "data":
        header, _, payload = url[5:].partition(",")
        return base64.b64decode(payload) if header.endswith(";base64") else unquote_to_bytes(payload)
    path = Path(unquote(parts.path))
    return read_regular(path, MAX_IMAGE_BYTES, on_size=lambda _: FileRefused(path, "larger than 20 MB"))


def package_images(
    doc: Document, sandbox: Sandbox, base_url: str, *, stem: str = "figure"
) -> tuple[Document, list[PackagedImage]]:
    """``doc`` with figure sources pointing into the EPUB, and the images to package.

    Images are named ``images/<stem>-N.<ext>``. Every figure image left out is recorded in
    ``sandbox.blocked`` with the reason.
    """
    images: list[PackagedImage] = []
    blocks = []
    for block in doc.blocks:
        if not isinstance(block, Figure) or not block.src:
            blocks.append(block)
            continue
        url = urljoin(base_url, block.src)
        why = sandbox.check(url)
        if why is None and urlsplit(url).scheme not in ("file", "data"):
            why = "remote images are not packaged into the EPUB"
        data = b""
        if why is None:
            try:
                data = _read(url)
            except (OSError, ValueError) as exc:
                why = f"cannot be read ({getattr(exc, 'strerror', None) or exc})"
            except FileRefused as exc:
                why = exc.reason
        kind = _sniff(data) if why is None else None
        if why is None and kind is None:
            why = "not a PNG, JPEG, GIF or WebP image"
        if why is None:
            why = pixel_refusal(data)
        if why is not None or kind is None:
            sandbox.refuse(url, why or "unusable")
            blocks.append(msgspec.structs.replace(block, src=None))
            continue
        name = f"images/{stem}-{len(images) + 1}.{kind[0]}"
        images.append(PackagedImage(name, kind[1], data))
        blocks.append(msgspec.structs.replace(block, src=name))
    return msgspec.structs.replace(doc, blocks=blocks), images
