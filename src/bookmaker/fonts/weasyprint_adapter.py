"""WeasyPrint's font configuration with per-document subsets standing in for the installed faces.

The one place bookmaker uses a private name of a dependency: ``FontConfiguration._config``, the
configuration's fontconfig handle, as WeasyPrint 70 has it (``weasyprint>=70,<71`` in
pyproject.toml: check it again before moving the pin).
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from bookmaker.fonts.subsetting import FontSubset

_LANGS = ("ko", "en", "ja", "zh-cn", "zh-tw")


def _rules(paths: list[Path]) -> bytes:
    """fontconfig scan rules that make each subset file outrank the installed face it stands in for.

    A subset covers too few characters for fontconfig to grant it the ``ko`` language, so it would
    lose to the installed face on ``lang``; it is given the languages of a full CJK face and the
    highest ``fontversion`` (fontconfig's last tie-breaker), so with family, weight and style equal it
    wins, and the installed faces stay next in the fallback list.
    """
    from xml.sax.saxutils import escape

    langs = "".join(f"<string>{lang}</string>" for lang in _LANGS)
    rules = [
        '<match target="scan">'
        f'<test name="file" compare="eq"><string>{escape(path.as_posix())}</string></test>'
        f'<edit name="lang" mode="assign"><langset>{langs}</langset></edit>'
        '<edit name="fontversion" mode="assign"><int>2147483647</int></edit>'
        "</match>"
        for path in paths
    ]
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        + f"<fontconfig>{''.join(rules)}</fontconfig>".encode()
    )


_KEPT_IN: list[str] = []  # the folder of :func:`fonts_kept`, while it lasts


@contextmanager
def fonts_kept() -> Iterator[None]:
    """Within this block every render of this process keeps its font configuration for the next
    render with the same fonts, as :func:`write_pdf` does with ``keep_in`` (a process rendering one
    document again and again, the preview: ~25 ms a seed render, the same bytes); their files are
    in a temporary folder removed when the block ends. For one render at a time."""
    with tempfile.TemporaryDirectory(prefix="bookmaker-fonts-", ignore_cleanup_errors=True) as folder:
        _KEPT_IN.append(folder)
        try:
            yield
        finally:
            _KEPT_IN.remove(folder)
            kept_configuration.cache_clear()


def write_pdf(
    document: Any, fonts: list[FontSubset], *, keep_in: str | None = None, **options: Any
) -> bytes | None:
    """``document.write_pdf(**options)`` (a WeasyPrint ``Document`` or ``HTML``) with ``fonts``
    standing in for the installed faces; their files live in a temporary folder for the render,
    or, with ``keep_in`` (or within :func:`fonts_kept`), in a folder made there, kept for the next
    render with the same fonts (:func:`kept_configuration`)."""
    keep_in = keep_in or next(iter(_KEPT_IN), None)
    if keep_in is not None:
        config = kept_configuration(tuple(fonts), keep_in)
        data: bytes | None = document.write_pdf(font_config=config, **options)
        return data
    with tempfile.TemporaryDirectory(prefix="bookmaker-fonts-", ignore_cleanup_errors=True) as folder:
        data = document.write_pdf(font_config=_configuration(fonts, Path(folder)), **options)
        return data


@lru_cache(maxsize=1)
def kept_configuration(fonts: tuple[FontSubset, ...], parent: str) -> Any:
    """The font configuration for ``fonts``, kept for the next render with the same fonts (a
    worker rendering every part of a book: a configuration a render costs time, and memory not
    all given back); its files are in a new folder inside ``parent``, which its owner removes
    (a worker process ends without running exit handlers), and when the configuration goes."""
    folder = tempfile.mkdtemp(prefix="fonts-", dir=parent)
    config = _configuration(list(fonts), Path(folder))
    weakref.finalize(config, shutil.rmtree, folder, True)
    return config


def _configuration(fonts: list[FontSubset], folder: Path) -> Any:
    """A WeasyPrint ``FontConfiguration`` in which ``fonts``, written into ``folder``, stand in for
    the installed faces."""
    from weasyprint.text.ffi import ffi, fontconfig, pangoft2
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    if not fonts:
        return config
    paths = []
    for font in fonts:
        path = folder / font.face.file_name
        path.write_bytes(font.data)
        paths.append(path)
    fontconfig.FcConfigParseAndLoadFromMemory(config._config, _rules(paths), True)
    for path in paths:
        fontconfig.FcConfigAppFontAddFile(config._config, str(path).encode())
    pangoft2.pango_fc_font_map_config_changed(ffi.cast("PangoFcFontMap *", config.font_map))
    return config
