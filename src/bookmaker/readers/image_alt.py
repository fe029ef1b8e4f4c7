"""An image's alt text that is only a file name (``IMG_2041.jpeg``, ``CLP000012.bmp``): what a
note-taking tool's or a word processor's export writes there. It names the file and captions
nothing, in HTML and in Markdown alike."""

from __future__ import annotations

import re

_FILE_NAME = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|heic|heif|bmp|wmf|emf|tiff?|svg)", re.IGNORECASE)


def is_file_name(alt: str) -> bool:
    """Whether ``alt`` is an image file's name and nothing else."""
    return bool(_FILE_NAME.fullmatch(alt.strip()))
