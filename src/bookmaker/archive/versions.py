"""Versions of what made a bundle: bookmaker, Python, the writers' libraries and the fonts."""

from __future__ import annotations

import platform
import shutil
import subprocess
from functools import cache
from importlib import metadata

from bookmaker import __version__
from bookmaker.fonts.discovery import locate, source_face
from bookmaker.fonts.faces import FACES, FALLBACK_PACKAGE, FALLBACKS

LIBRARIES = ("weasyprint", "pydyf", "ebooklib", "uharfbuzz", "jinja2", "msgspec")
FONT_PACKAGE = "fonts-noto-cjk"


def _library_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def font_versions() -> list[dict[str, str | None]]:
    """Each installed face's file name and the version string from its ``name`` table (ID 5): the
    CJK faces, then the fallback faces (symbols they lack)."""
    import uharfbuzz as hb

    found: list[dict[str, str | None]] = []
    for face in (*FACES, *FALLBACKS):
        where = locate(face)
        if where is None:
            continue
        version = source_face(face).get_name(hb.OTNameIdPredefined.VERSION_STRING)
        found.append(
            {"family": face.family, "weight": face.weight_name, "file": where[0].name, "version": version}
        )
    return found


def package_version(package: str) -> str | None:
    """The installed Debian package's version, or None where dpkg is absent or knows no such package."""
    dpkg = shutil.which("dpkg-query")
    if dpkg is None:
        return None
    proc = subprocess.run([dpkg, "-W", "-f=${Version}", package], capture_output=True, text=True, check=False)
    return proc.stdout.strip() or None if proc.returncode == 0 else None


@cache
def tool_versions() -> dict[str, object]:
    """Everything that shapes the output bytes, looked up once per process."""
    return {
        "bookmaker": __version__,
        "python": platform.python_version(),
        "libraries": {name: _library_version(name) for name in LIBRARIES},
        "fonts": font_versions(),
        "font_package": {"name": FONT_PACKAGE, "version": package_version(FONT_PACKAGE)},
        "fallback_font_package": {"name": FALLBACK_PACKAGE, "version": package_version(FALLBACK_PACKAGE)},
    }
