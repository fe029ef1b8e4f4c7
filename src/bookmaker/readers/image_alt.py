"""An image's alt text that is only a file name (``IMG_2041.jpeg``, ``CLP000012.bmp``, a wiki's
``한빛역 2번 출구.jpg``, spaces and all): what a note-taking tool's or a word processor's export, or a
wiki's image syntax, writes there. It names the file and captions
nothing, in HTML and in Markdown alike."""

from __future__ import annotations

import re

_FILE_NAME = re.compile(
    r"\S(?:[^\n]{0,100}\S)?\.(?:jpe?g|png|gif|webp|heic|heif|bmp|wmf|emf|tiff?|svg)", re.IGNORECASE
)


def is_file_name(alt: str) -> bool:
    """Whether ``alt`` is an image file's name and nothing else."""
    return bool(_FILE_NAME.fullmatch(alt.strip()))
